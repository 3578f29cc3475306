//! `relwat-fuzz`: runs the fuzz targets in process for a while and writes what fails.
//!
//! ```text
//! relwat-fuzz [--seconds N] [--target NAME]... [--seed S] [--findings DIR] [--replay]
//! ```
//!
//! The time is shared equally among the targets (all four unless `--target` names some). Each
//! input is written to `target/fuzz/current-TARGET` before it runs, so that a crash the process
//! cannot catch (a stack overflow, an abort) leaves it behind; a watchdog ends the process when
//! an input hangs, after saving it. Findings go to `DIR/TARGET/` (default `target/fuzz/findings`),
//! one input and one `.txt` saying what it did; one per kind of failure. Exit status: 0 without
//! findings, 1 with some, 3 after a hang, 2 for usage errors. `--replay` runs the checked-in
//! regression inputs (`fuzz/corpus/`) instead.

use relwat_fuzz::rng::Rng;
use relwat_fuzz::{Finding, Target, check, corpus, lsp, mutate, root, seeds};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

struct Args {
    seconds: u64,
    targets: Vec<Target>,
    seed: u64,
    findings: PathBuf,
    replay: bool,
}

fn usage(msg: &str) -> ! {
    eprintln!("relwat-fuzz: {msg}");
    eprintln!(
        "usage: relwat-fuzz [--seconds N] [--target wat2obj|obj2wat|differential|lsp]... [--seed S] [--findings DIR] [--replay]"
    );
    std::process::exit(2)
}

fn args() -> Args {
    let mut a = Args {
        seconds: 60,
        targets: Vec::new(),
        seed: std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64),
        findings: root().join("target/fuzz/findings"),
        replay: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| usage(&format!("{arg} needs a value")));
        match arg.as_str() {
            "--seconds" => a.seconds = value().parse().unwrap_or_else(|_| usage("--seconds takes a number")),
            "--seed" => a.seed = value().parse().unwrap_or_else(|_| usage("--seed takes a number")),
            "--findings" => a.findings = PathBuf::from(value()),
            "--target" => {
                let v = value();
                a.targets.push(Target::from_name(&v).unwrap_or_else(|| usage(&format!("unknown target `{v}`"))));
            }
            "--replay" => a.replay = true,
            "--show" => show(&value()),
            "-h" | "--help" => usage("in-process fuzzing of relwat"),
            other => usage(&format!("unknown argument `{other}`")),
        }
    }
    if a.targets.is_empty() {
        a.targets = Target::ALL.to_vec();
    }
    a
}

/// How long one input of `target` may take.
fn limit(target: Target) -> Duration {
    match target {
        Target::Wat2obj | Target::Obj2wat => Duration::from_secs(3),
        Target::Differential => Duration::from_secs(10),
        Target::Lsp => Duration::from_secs(30),
    }
}

/// Inputs for one target.
struct Generator {
    target: Target,
    rng: Rng,
    texts: Vec<String>,
    objects: Vec<Vec<u8>>,
    /// Inputs that gave a first diagnostic not seen before: mutated again.
    pool: Vec<Vec<u8>>,
    seen: HashSet<String>,
}

impl Generator {
    fn new(target: Target, seed: u64) -> Generator {
        let texts = seeds::texts();
        let objects = if target == Target::Obj2wat { seeds::objects() } else { Vec::new() };
        Generator { target, rng: Rng::new(seed), texts, objects, pool: Vec::new(), seen: HashSet::new() }
    }

    fn next(&mut self) -> Vec<u8> {
        let rng = &mut self.rng;
        match self.target {
            Target::Wat2obj => {
                let other = rng.pick(&self.texts).clone();
                let base = if !self.pool.is_empty() && rng.chance(50) {
                    {
                        let p: &Vec<u8> = rng.pick(&self.pool);
                        String::from_utf8_lossy(p).into_owned()
                    }
                } else {
                    rng.pick(&self.texts).clone()
                };
                mutate::text(rng, &base, &other).into_bytes()
            }
            Target::Obj2wat => {
                let base: &Vec<u8> = if !self.pool.is_empty() && rng.chance(30) {
                    rng.pick(&self.pool)
                } else {
                    rng.pick(&self.objects)
                };
                mutate::object(rng, &base.clone())
            }
            Target::Differential => {
                let n = 64 + rng.below(16 << 10);
                rng.bytes(n)
            }
            Target::Lsp => {
                let small: Vec<&String> = self.texts.iter().filter(|t| t.len() < 20_000).collect();
                let base = (*rng.pick(&small)).clone();
                let text = if rng.chance(50) { mutate::text(rng, &base, "") } else { base };
                lsp::input(rng.next_u64(), &text)
            }
        }
    }

    /// Keeps `input` for more mutation when it says something new.
    fn learn(&mut self, input: &[u8]) {
        if self.pool.len() >= 2000 {
            return;
        }
        let key = match self.target {
            Target::Wat2obj => {
                let text = String::from_utf8_lossy(input);
                let a = relwat::assemble(&text, &relwat::Options::default());
                a.diagnostics.first().map(|d| d.message.split('`').next().unwrap_or("").to_string())
            }
            Target::Obj2wat => match relwat::print::print_object(input) {
                Ok(p) => p.warnings.first().map(|w| w.split(['`', '(']).next().unwrap_or("").to_string()),
                Err(e) => Some(e.message.split(['`', '(']).next().unwrap_or("").to_string()),
            },
            _ => None,
        };
        if let Some(k) = key
            && self.seen.insert(k)
        {
            self.pool.push(input.to_vec());
        }
    }
}

fn extension(target: Target) -> &'static str {
    match target {
        Target::Wat2obj => "wat",
        Target::Obj2wat => "o",
        Target::Differential | Target::Lsp => "bin",
    }
}

/// Writes a finding's input and what it did; returns the input's path.
fn save(dir: &Path, f: &Finding) -> PathBuf {
    let dir = dir.join(f.target.name());
    let _ = std::fs::create_dir_all(&dir);
    let hash = f.input.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ *b as u64).wrapping_mul(0x100_0000_01b3));
    let path = dir.join(format!("{hash:016x}.{}", extension(f.target)));
    let _ = std::fs::write(&path, &f.input);
    let _ = std::fs::write(path.with_extension("txt"), format!("{}\n", f.what));
    path
}

/// Prints what a finding's input is: the text of a differential input, the seed and text of a
/// language-server input, a text as it is.
fn show(file: &str) -> ! {
    let input = std::fs::read(file).unwrap_or_else(|e| usage(&format!("{file}: {e}")));
    let dir = Path::new(file).parent().and_then(|d| d.file_name()).map(|d| d.to_string_lossy().into_owned());
    match dir.as_deref() {
        Some("differential") => println!("{}", relwat_fuzz::targets::smith_text(&input).unwrap_or_default()),
        // The text after the edits.
        Some("lsp") => println!("{}", lsp::final_text(&input)),
        _ => println!("{}", String::from_utf8_lossy(&input)),
    }
    std::process::exit(0)
}

fn replay() -> ! {
    let mut failed = 0;
    for target in Target::ALL {
        for (path, input) in corpus(target) {
            if let Err(what) = check(target, &input, limit(target)) {
                println!("{}: {what}", path.display());
                failed += 1;
            }
        }
    }
    println!("replay: {failed} failed");
    std::process::exit(if failed > 0 { 1 } else { 0 })
}

fn main() {
    let args = args();
    if args.replay {
        replay();
    }
    let current_dir = root().join("target/fuzz");
    let _ = std::fs::create_dir_all(&current_dir);
    // The watchdog: an input running for ten times its limit is a hang.
    let started = Arc::new(AtomicU64::new(u64::MAX));
    let running = Arc::new(AtomicU64::new(0));
    let epoch = Instant::now();
    {
        let (started, running, findings, current_dir) =
            (started.clone(), running.clone(), args.findings.clone(), current_dir.clone());
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_millis(500));
                let s = started.load(Ordering::Relaxed);
                if s == u64::MAX {
                    continue;
                }
                let target = Target::ALL[running.load(Ordering::Relaxed) as usize];
                let hang = (limit(target) * 10).max(Duration::from_secs(60));
                if epoch.elapsed().as_millis() as u64 - s > hang.as_millis() as u64 {
                    let input =
                        std::fs::read(current_dir.join(format!("current-{}", target.name()))).unwrap_or_default();
                    let f = Finding { target, input, what: format!("hang: still running after {} s", hang.as_secs()) };
                    let path = save(&findings, &f);
                    eprintln!("relwat-fuzz: {}: hang, input saved to {}", target.name(), path.display());
                    std::process::exit(3);
                }
            }
        });
    }
    let share = Duration::from_secs(args.seconds) / args.targets.len() as u32;
    let mut total_findings = 0;
    println!("relwat-fuzz: seed {}, {} s per target", args.seed, share.as_secs());
    for (ti, &target) in args.targets.iter().enumerate() {
        let mut generator = Generator::new(target, args.seed.wrapping_add(ti as u64));
        let mut kinds: HashSet<String> = HashSet::new();
        let (mut runs, mut findings) = (0u64, 0u64);
        let until = Instant::now() + share;
        let current = current_dir.join(format!("current-{}", target.name()));
        running.store(Target::ALL.iter().position(|t| *t == target).unwrap_or(0) as u64, Ordering::Relaxed);
        while Instant::now() < until {
            let input = generator.next();
            let _ = std::fs::write(&current, &input);
            started.store(epoch.elapsed().as_millis() as u64, Ordering::Relaxed);
            let result = check(target, &input, limit(target));
            started.store(u64::MAX, Ordering::Relaxed);
            runs += 1;
            match result {
                Ok(_) => generator.learn(&input),
                Err(what) => {
                    // One input per kind of failure (its message without the details).
                    let kind: String = what.split([':', '`']).next().unwrap_or("").to_string();
                    if kinds.insert(kind) {
                        let path = save(&args.findings, &Finding { target, input, what: what.clone() });
                        println!("relwat-fuzz: {}: {what} ({})", target.name(), path.display());
                        findings += 1;
                    }
                }
            }
        }
        println!("relwat-fuzz: {:<12} {runs:>8} inputs, {findings} findings", target.name());
        total_findings += findings;
    }
    std::process::exit(if total_findings > 0 { 1 } else { 0 })
}
