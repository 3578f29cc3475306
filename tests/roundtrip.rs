//! obj2wat round trips: every object of the corpus is printed (`relwat::print`), the text is
//! re-assembled (`relwat::assemble`), and the two objects are compared; the original objects and
//! the re-assembled ones are then linked the same way with wasm-ld-22 and, for programs, run under
//! node, and the two programs must behave the same.
//!
//! - `corpus`: the clang-22 objects of `tests/roundtrip/corpus.txt` and SQLite with a driver
//!   program, built by `scripts/make-corpus --sqlite` (run by the test; it is incremental: the
//!   first build compiles sqlite3.c, about 30 s on 2 cores). `RELWAT_ROUNDTRIP_SQLITE=0` leaves
//!   SQLite out.
//! - `llvm_mc_objects`: the `equiv.s` files of the end-to-end cases (`tests/e2e/*/`), assembled
//!   with llvm-mc-22: hand-written objects that use every relocation type. Known failures are
//!   listed in [`MC_KNOWN_FAILURES`] with their reason; the list is a ratchet.
//! - `malformed_inputs`: truncations and bit flips of real objects never make the printer panic.
//!
//! Round trips must be byte-identical. Build products stay in `target/roundtrip/corpus/NAME/`: `X.wat` (the text),
//! `X.rt.o` (re-assembled), `orig/program.wasm` and `rt/program.wasm` (linked from the original
//! and from the re-assembled objects) and their outputs `program.out`.

use relwat::leb::write_u64_padded as write_leb;
use relwat::print::compare::{Comparison, compare};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_path_buf()
}

/// The outcome for one object.
#[derive(Debug)]
enum Outcome {
    Identical,
    Different(String),
    PrintError(String),
    AssembleError(String),
}

impl Outcome {
    fn ok(&self) -> bool {
        matches!(self, Outcome::Identical)
    }

    fn word(&self) -> &'static str {
        match self {
            Outcome::Identical => "identical",
            Outcome::Different(_) => "DIFFERENT",
            Outcome::PrintError(_) => "PRINT ERROR",
            Outcome::AssembleError(_) => "ASSEMBLE ERROR",
        }
    }
}

/// Prints `obj`, writes `X.wat` and `X.rt.o` beside it, compares.
fn round_trip(obj: &Path) -> (Outcome, Vec<String>) {
    let bytes = match std::fs::read(obj) {
        Ok(b) => b,
        Err(e) => return (Outcome::PrintError(format!("cannot read: {e}")), Vec::new()),
    };
    let printed = match relwat::print::print_object(&bytes) {
        Ok(p) => p,
        Err(e) => return (Outcome::PrintError(e.to_string()), Vec::new()),
    };
    let wat = obj.with_extension("wat");
    let _ = std::fs::write(&wat, &printed.text);
    // obj2wat's text is already formatted (watfmt leaves it as it is).
    if relwat::format::format(&printed.text, &relwat::format::FormatOptions::default()).ok().as_ref()
        != Some(&printed.text)
    {
        return (Outcome::Different("obj2wat's text is not formatted (watfmt changes it)".into()), printed.warnings);
    }
    // Both ways of assembling: a text printed from an object has no diagnostics, so it is
    // assembled body by body, to the bytes of the one-tree path.
    // An object that does not validate is re-assembled without validation (D5).
    let options = relwat::Options { validate: printed.invalid.is_none(), ..relwat::Options::default() };
    let assembled = relwat::assemble_in_one_tree(&printed.text, &options);
    match relwat::assemble_body_by_body(&printed.text, &options) {
        Some(by_body) if by_body.bytes != assembled.bytes => {
            return (
                Outcome::Different("assembled body by body: other bytes than in one tree".into()),
                printed.warnings,
            );
        }
        None if assembled.diagnostics.is_empty() => {
            return (Outcome::Different("not assembled body by body".into()), printed.warnings);
        }
        _ => {}
    }
    let Some(rt) = assembled.bytes else {
        let errors =
            relwat::diagnostic::render(&wat.display().to_string(), &printed.text, &assembled.diagnostics, false);
        let short: String = errors.lines().take(12).collect::<Vec<_>>().join("\n");
        return (Outcome::AssembleError(short), printed.warnings);
    };
    let _ = std::fs::write(obj.with_extension("rt.o"), &rt);
    let outcome = match compare(&bytes, &rt) {
        Comparison::Identical => Outcome::Identical,
        Comparison::Different(d) => Outcome::Different(d.to_string()),
    };
    (outcome, printed.warnings)
}

fn run(cmd: &str, dir: &Path) -> Result<(String, i32), String> {
    let out = Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cannot run `{cmd}`: {e}"))?;
    let code = out.status.code().unwrap_or(-1);
    Ok((String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr), code))
}

struct Entry {
    name: String,
    check: String,
    link: String,
    objects: Vec<PathBuf>,
}

fn read_manifest(path: &Path) -> Vec<Entry> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "bad manifest line: {l}");
            Entry {
                name: cols[0].into(),
                check: cols[1].into(),
                link: cols[2].into(),
                objects: cols[3].split(' ').map(PathBuf::from).collect(),
            }
        })
        .collect()
}

/// Links `objs` into `out` with the entry's command.
fn link(e: &Entry, objs: &[PathBuf], out: &Path, dir: &Path) -> Result<(), String> {
    let list: Vec<String> = objs.iter().map(|o| o.display().to_string()).collect();
    let cmd = e.link.replace("{OBJS}", &list.join(" ")).replace("{OUT}", &out.display().to_string());
    let (text, code) = run(&cmd, dir)?;
    if code != 0 {
        return Err(format!("`{cmd}` failed ({code}):\n{text}"));
    }
    Ok(())
}

/// Checks one corpus entry; returns the report lines and whether it passed.
fn check_entry(e: &Entry, runner: &Path) -> (Vec<String>, bool) {
    let mut lines = Vec::new();
    let mut ok = true;
    let dir = e.objects[0].parent().expect("object dir").to_path_buf();
    for obj in &e.objects {
        let (outcome, warnings) = round_trip(obj);
        let name = obj.file_name().unwrap_or_default().to_string_lossy();
        lines.push(format!("{:<24} {:<22} {}", e.name, name, outcome.word()));
        for w in &warnings {
            lines.push(format!("    warning: {w}"));
        }
        match &outcome {
            Outcome::Different(d) | Outcome::PrintError(d) | Outcome::AssembleError(d) => {
                for l in d.lines() {
                    lines.push(format!("    {l}"));
                }
            }
            _ => {}
        }
        ok &= outcome.ok();
        if !outcome.ok() {
            return (lines, false);
        }
    }
    if e.check == "none" {
        return (lines, ok);
    }
    let rts: Vec<PathBuf> = e.objects.iter().map(|o| o.with_extension("rt.o")).collect();
    // The same file name for both: wasm-ld writes it into the name section.
    let (orig, rt) = (dir.join("orig/program.wasm"), dir.join("rt/program.wasm"));
    let _ = std::fs::create_dir_all(dir.join("orig"));
    let _ = std::fs::create_dir_all(dir.join("rt"));
    if let Err(m) = link(e, &e.objects, &orig, &dir) {
        lines.push(format!("    link of the original objects failed: {m}"));
        return (lines, false);
    }
    if let Err(m) = link(e, &rts, &rt, &dir) {
        lines.push(format!("    link of the re-assembled objects failed: {m}"));
        return (lines, false);
    }
    let same_link = std::fs::read(&orig).ok() == std::fs::read(&rt).ok();
    lines.push(format!(
        "{:<24} {:<22} linked: {}",
        e.name,
        "",
        if same_link { "the same module" } else { "different modules" }
    ));
    if e.check == "run" {
        let node = |w: &Path| run(&format!("node --no-warnings {} {}", runner.display(), w.display()), &dir);
        match (node(&orig), node(&rt)) {
            (Ok((a, ca)), Ok((b, cb))) => {
                let _ = std::fs::write(dir.join("orig/program.out"), &a);
                let _ = std::fs::write(dir.join("rt/program.out"), &b);
                if a != b || ca != cb {
                    lines.push(format!(
                        "    the programs differ: exit {ca} vs {cb}; outputs in orig/ and rt/ program.out"
                    ));
                    ok = false;
                } else if ca != 0 {
                    lines.push(format!("    the program exits with {ca}: {}", a.lines().last().unwrap_or("")));
                    ok = false;
                } else {
                    lines.push(format!(
                        "{:<24} {:<22} ran: same output ({} lines), exit 0",
                        e.name,
                        "",
                        a.lines().count()
                    ));
                }
            }
            (Err(m), _) | (_, Err(m)) => {
                lines.push(format!("    cannot run: {m}"));
                ok = false;
            }
        }
    } else {
        // Not runnable: both modules must be valid, and the same once the symbol order is kept.
        for w in [&orig, &rt] {
            let bytes = std::fs::read(w).unwrap_or_default();
            if let Err(e) =
                wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all()).validate_all(&bytes)
            {
                lines.push(format!("    {} is not valid: {e}", w.display()));
                ok = false;
            }
        }
        if !same_link {
            lines.push("    the linked modules differ".into());
            ok = false;
        }
    }
    (lines, ok)
}

/// Runs `f` over `items` on two threads; results in item order.
fn parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let jobs = std::thread::available_parallelism().map_or(2, |n| n.get()).min(4);
    let next = Mutex::new(0usize);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap();
                        let i = *n;
                        *n += 1;
                        i
                    };
                    let Some(item) = items.get(i) else { break };
                    let r = f(item);
                    results.lock().unwrap()[i] = Some(r);
                }
            });
        }
    });
    results.into_inner().unwrap().into_iter().map(|r| r.expect("every item done")).collect()
}

#[test]
fn corpus() {
    let root = root();
    let mut cmd = Command::new(root.join("scripts/make-corpus"));
    if std::env::var_os("RELWAT_ROUNDTRIP_SQLITE").is_none_or(|v| v != "0") {
        cmd.arg("--sqlite");
    }
    let status = cmd.status().expect("scripts/make-corpus runs");
    assert!(status.success(), "scripts/make-corpus failed");
    let entries = read_manifest(&root.join("target/roundtrip/corpus/manifest.tsv"));
    let runner = root.join("tests/roundtrip/run-wasi.mjs");
    let results = parallel(&entries, |e| check_entry(e, &runner));
    let mut failed = Vec::new();
    let mut objects = 0;
    for (e, (lines, ok)) in entries.iter().zip(&results) {
        objects += e.objects.len();
        for l in lines {
            println!("{l}");
        }
        if !ok {
            failed.push(e.name.clone());
        }
    }
    println!(
        "round trip: {} entries ({objects} objects), {} failed (byte identity required)",
        entries.len(),
        failed.len()
    );
    assert!(failed.is_empty(), "failed entries: {failed:?}");
}

/// Objects written by relwat itself (`tests/roundtrip/wat/*.wat`, `examples/*.wat`, the
/// `lib.wat` of the end-to-end cases) round-trip byte for byte, with no layout annotation about
/// order: the printer interleaves the fields so that relwat numbers the symbols as before.
#[test]
fn relwat_objects() {
    let root = root();
    let mut sources: Vec<PathBuf> = Vec::new();
    for dir in [root.join("tests/roundtrip/wat"), root.join("examples")] {
        if let Ok(rd) = std::fs::read_dir(&dir) {
            sources.extend(
                rd.filter_map(|d| d.ok().map(|d| d.path())).filter(|p| p.extension().is_some_and(|e| e == "wat")),
            );
        }
    }
    if let Ok(rd) = std::fs::read_dir(root.join("tests/e2e")) {
        sources.extend(rd.filter_map(|d| d.ok().map(|d| d.path().join("lib.wat"))).filter(|p| p.is_file()));
    }
    sources.sort();
    assert!(!sources.is_empty());
    let out = root.join("target/roundtrip/relwat");
    std::fs::create_dir_all(&out).expect("output dir");
    let mut failed = Vec::new();
    for src in &sources {
        let text = std::fs::read_to_string(src).unwrap();
        let name = src.strip_prefix(&root).unwrap_or(src).display().to_string().replace('/', "_");
        let Some(obj) = relwat::assemble(&text, &relwat::Options::default()).bytes else {
            println!("{name:<40} (does not assemble: skipped)");
            continue;
        };
        let path = out.join(format!("{name}.o"));
        std::fs::write(&path, obj).unwrap();
        let (outcome, warnings) = round_trip(&path);
        let layout = std::fs::read_to_string(path.with_extension("wat")).unwrap_or_default();
        let ordered = layout.contains("(symbol-order") || layout.contains("(init-order");
        println!("{name:<40} {}{}", outcome.word(), if ordered { " (with an order annotation)" } else { "" });
        for w in &warnings {
            println!("    warning: {w}");
        }
        if !matches!(outcome, Outcome::Identical) || ordered || !warnings.is_empty() {
            failed.push(name);
        }
    }
    assert!(failed.is_empty(), "{failed:?}");
}

/// The members of Debian's wasm32 libraries (wasi-libc, libc++, libc++abi, compiler-rt builtins):
/// about a thousand objects built by clang and llvm-mc, all round-tripped.
#[test]
fn system_archives() {
    let root = root();
    let archives = [
        "/usr/lib/wasm32-wasi/libc.a",
        "/usr/lib/wasm32-wasi/libc++.a",
        "/usr/lib/wasm32-wasi/libc++abi.a",
        "/usr/lib/wasm32-wasi/libwasi-emulated-mman.a",
        "/usr/lib/wasm32-wasi/libwasi-emulated-signal.a",
        "/usr/lib/llvm-22/lib/clang/22/lib/wasi/libclang_rt.builtins-wasm32.a",
    ];
    let mut objects = Vec::new();
    for a in archives {
        let a = Path::new(a);
        assert!(a.is_file(), "{} is missing (scripts/make-corpus installs it)", a.display());
        let name = a.file_stem().unwrap().to_string_lossy().into_owned();
        let dir = root.join("target/roundtrip/archives").join(&name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let (text, code) = run(&format!("llvm-ar-22 x {}", a.display()), &dir).expect("llvm-ar-22 runs");
        assert_eq!(code, 0, "llvm-ar-22 x {}: {text}", a.display());
        let mut members: Vec<PathBuf> =
            std::fs::read_dir(&dir).unwrap().filter_map(|d| d.ok().map(|d| d.path())).collect();
        members.sort();
        objects.extend(members.into_iter().map(|m| (name.clone(), m)));
    }
    let results = parallel(&objects, |(_, m)| round_trip(m).0);
    let mut counts: std::collections::BTreeMap<(String, &str), usize> = Default::default();
    let mut failed = Vec::new();
    for ((lib, m), outcome) in objects.iter().zip(&results) {
        *counts.entry((lib.clone(), outcome.word())).or_default() += 1;
        if !outcome.ok() {
            failed.push(format!("{}: {outcome:?}", m.display()));
        }
    }
    for ((lib, word), n) in &counts {
        println!("{lib:<36} {n:>4} {word}");
    }
    assert!(failed.is_empty(), "{} of {} objects fail:\n{}", failed.len(), objects.len(), failed.join("\n"));
}

/// End-to-end cases whose llvm-mc object does not round-trip, and why (a ratchet: none now).
const MC_KNOWN_FAILURES: &[(&str, &str)] = &[];

#[test]
fn llvm_mc_objects() {
    let root = root();
    let e2e = root.join("tests/e2e");
    let out = root.join("target/roundtrip/llvm-mc");
    std::fs::create_dir_all(&out).expect("output dir");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&e2e)
        .expect("tests/e2e")
        .filter_map(|d| d.ok().map(|d| d.path()))
        .filter(|p| p.join("equiv.s").is_file())
        .collect();
    cases.sort();
    let results = parallel(&cases, |case| {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        match mc_object(case, &out) {
            Ok(obj) => {
                let (o, w) = round_trip(&obj);
                (name, o, w)
            }
            Err(e) => (name, Outcome::PrintError(e), Vec::new()),
        }
    });
    let mut unexpected = Vec::new();
    for (name, outcome, warnings) in &results {
        let known = MC_KNOWN_FAILURES.iter().find(|(n, _)| n == name);
        println!("{name:<24} {}{}", outcome.word(), if known.is_some() { " (known failure)" } else { "" });
        for w in warnings {
            println!("    warning: {w}");
        }
        if let Outcome::Different(d) | Outcome::PrintError(d) | Outcome::AssembleError(d) = outcome {
            println!("    {}", d.lines().next().unwrap_or(""));
        }
        match (outcome.ok(), known) {
            (true, Some(_)) => unexpected.push(format!("{name} passes now: remove it from MC_KNOWN_FAILURES")),
            (false, None) => unexpected.push(format!("{name}: {}", outcome.word())),
            _ => {}
        }
    }
    assert!(unexpected.is_empty(), "{unexpected:#?}");
}

/// The llvm-mc-22 object of the end-to-end case in `case` (its `equiv.s`, with the triple and the
/// `mcflags` of its `case.txt`), written to `out/NAME.o`.
fn mc_object(case: &Path, out: &Path) -> Result<PathBuf, String> {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let settings = std::fs::read_to_string(case.join("case.txt")).unwrap_or_default();
    let get = |key: &str| {
        settings
            .lines()
            .filter_map(|l| l.split_once('='))
            .find(|(k, _)| k.trim() == key)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let triple = if get("target").starts_with("wasm64") { "wasm64-unknown-unknown" } else { "wasm32-unknown-unknown" };
    let obj = out.join(format!("{name}.o"));
    let cmd = format!(
        "llvm-mc-22 -triple={triple} -mcpu=generic -filetype=obj {} {} -o {}",
        get("mcflags"),
        case.join("equiv.s").display(),
        obj.display()
    );
    match run(&cmd, out)? {
        (_, 0) => Ok(obj),
        (text, code) => Err(format!("`{cmd}` failed ({code}): {text}")),
    }
}

/// Every truncation point of the first kilobytes, and at section boundaries, and bit flips all
/// over: the printer returns an error or a text, never panics; a truncation inside a section is an
/// error.
#[test]
fn malformed_inputs() {
    let root = root();
    let dir = root.join("target/roundtrip/corpus");
    let mut samples: Vec<PathBuf> =
        ["c-hello-O2-g/util.o", "cpp-templates-O2/templates.o", "c-tls-O1/tls.o", "c-mvp-O1/mvp.o"]
            .iter()
            .map(|p| dir.join(p))
            .filter(|p| p.is_file())
            .collect();
    if samples.is_empty() {
        // The corpus is built by the `corpus` test; fall back to an object of our own.
        let obj = relwat::assemble(
            "(import \"env\" \"__linear_memory\" (memory 1)) (func $f (result i32) i32.const 0 (@reloc data $x)) \
             (data (i32.const 0) (@sym $x (size 4)) \"abcd\")",
            &relwat::Options::default(),
        )
        .bytes
        .expect("assembles");
        let p = root.join("target/roundtrip/malformed-sample.o");
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, obj).unwrap();
        samples.push(p);
    }
    let mut checked = 0usize;
    for path in &samples {
        let bytes = std::fs::read(path).unwrap();
        let boundaries = section_boundaries(&bytes);
        let mut cuts: Vec<usize> = (0..bytes.len().min(2048)).collect();
        cuts.extend((2048..bytes.len()).step_by(97));
        for cut in cuts {
            let r = std::panic::catch_unwind(|| relwat::print::print_object(&bytes[..cut]));
            let r = r.unwrap_or_else(|_| panic!("{}: the printer panicked on a truncation at {cut}", path.display()));
            if !boundaries.contains(&cut) {
                assert!(r.is_err(), "{}: truncated at {cut} (inside a section) but printed", path.display());
            }
            checked += 1;
        }
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut m = bytes.clone();
            let at = (state % m.len() as u64) as usize;
            m[at] ^= 1 << ((state >> 32) % 8);
            let r = std::panic::catch_unwind(|| relwat::print::print_object(&m));
            assert!(
                r.is_ok(),
                "{}: the printer panicked with bit {} of byte {at} flipped",
                path.display(),
                (state >> 32) % 8
            );
            checked += 1;
        }
    }
    println!("malformed inputs: {checked} variants of {} objects, no panic", samples.len());
}

/// Offsets where a section ends (a file cut there is a shorter, well-formed file).
fn section_boundaries(bytes: &[u8]) -> Vec<usize> {
    let mut out = vec![8];
    let mut pos = 8;
    while pos < bytes.len() {
        let mut p = pos + 1;
        let mut size = 0usize;
        let mut shift = 0;
        loop {
            let b = bytes[p];
            p += 1;
            size |= ((b & 0x7f) as usize) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                break;
            }
        }
        pos = p + size;
        out.push(pos);
    }
    out
}

/// Mutated objects (bits flipped in the `linking` and `reloc.*` sections, and anywhere): each is
/// printed exactly or with a warning that names what the text cannot give back. A mutant that
/// prints without a warning must re-assemble to its own bytes.
#[test]
fn mutated_objects_print_exactly_or_warn() {
    let root = root();
    let out = root.join("target/roundtrip/mutations");
    std::fs::create_dir_all(&out).expect("output dir");
    // Bases: relwat's own objects and llvm-mc objects of the end-to-end cases.
    let mut bases: Vec<(String, Vec<u8>)> = Vec::new();
    for src in ["tests/roundtrip/wat/kitchen-sink.wat", "tests/roundtrip/wat/memory64.wat", "examples/hello.wat"] {
        let text = std::fs::read_to_string(root.join(src)).unwrap();
        let obj = relwat::assemble(&text, &relwat::Options::default()).bytes.expect("assembles");
        bases.push((src.to_string(), obj));
    }
    for case in ["ctors", "debuginfo", "tls", "comdat", "pie", "wasm64", "symflags", "exceptions"] {
        let obj = mc_object(&root.join("tests/e2e").join(case), &out).unwrap_or_else(|e| panic!("{e}"));
        bases.push((case.to_string(), std::fs::read(&obj).unwrap()));
    }
    // `RELWAT_MUTATIONS=N` for more mutants per object (and `RELWAT_MUTATION_SEED` for others).
    let per_base: usize = std::env::var("RELWAT_MUTATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(2500);
    let mut state: u64 =
        std::env::var("RELWAT_MUTATION_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let (mut printed_clean, mut silent) = (0usize, Vec::new());
    for (name, bytes) in &bases {
        let linking: Vec<std::ops::Range<usize>> = custom_sections(bytes)
            .into_iter()
            .filter(|(n, _)| n == "linking" || n.starts_with("reloc."))
            .map(|(_, r)| r)
            .collect();
        for i in 0..per_base {
            let mut m = bytes.clone();
            let flips = 1 + (next() % 2) as usize;
            for _ in 0..flips {
                let r = next();
                let at = if r % 10 < 7 && !linking.is_empty() {
                    let range = &linking[(r >> 8) as usize % linking.len()];
                    range.start + (r >> 24) as usize % range.len().max(1)
                } else {
                    (r >> 8) as usize % m.len()
                };
                m[at] ^= 1 << ((r >> 40) % 8);
            }
            let Ok(Ok(p)) = std::panic::catch_unwind(|| relwat::print::print_object(&m)) else { continue };
            if !p.warnings.is_empty() {
                continue;
            }
            printed_clean += 1;
            let options = relwat::Options { validate: p.invalid.is_none(), ..relwat::Options::default() };
            let assembled = relwat::assemble(&p.text, &options);
            let verdict = match &assembled.bytes {
                Some(b) if *b == m => continue,
                Some(b) => compare(&m, b).to_string(),
                None => {
                    let first = assembled.diagnostics.iter().find(|d| d.is_error()).map(|d| d.message.clone());
                    format!("does not assemble: {}", first.unwrap_or_default())
                }
            };
            let path = out.join(format!("{}-{i}.o", name.replace('/', "_")));
            std::fs::write(&path, &m).unwrap();
            silent.push(format!("{}: {verdict}", path.display()));
        }
    }
    println!("mutated objects: {printed_clean} printed without a warning; {} of them not given back", silent.len());
    for s in silent.iter().take(40) {
        println!("    {s}");
    }
    assert!(
        silent.is_empty(),
        "{} mutants print without a warning but do not re-assemble to their bytes",
        silent.len()
    );
}

/// The custom sections of a module: (name, payload range).
fn custom_sections(bytes: &[u8]) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for p in wasmparser::Parser::new(0).parse_all(bytes) {
        match p {
            Ok(wasmparser::Payload::CustomSection(c)) => {
                out.push((c.name().to_string(), c.data_offset() as usize..c.range().end as usize));
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    out
}

/// The sections of a module: (id, payload).
fn split_sections(bytes: &[u8]) -> Vec<(u8, Vec<u8>)> {
    let mut out = Vec::new();
    let mut pos = 8;
    while pos < bytes.len() {
        let id = bytes[pos];
        let mut p = pos + 1;
        let size = read_leb(bytes, &mut p) as usize;
        out.push((id, bytes[p..p + size].to_vec()));
        pos = p + size;
    }
    out
}

/// A module of these sections (sizes minimal).
fn join_sections(sections: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let mut out = b"\0asm\x01\0\0\0".to_vec();
    for (id, payload) in sections {
        out.push(*id);
        write_leb(&mut out, payload.len() as u64, 0);
        out.extend_from_slice(payload);
    }
    out
}

fn read_leb(bytes: &[u8], pos: &mut usize) -> u64 {
    relwat::leb::read_u64(bytes, pos).expect("a LEB")
}

/// The custom section's name, if it is one.
fn custom_name(section: &(u8, Vec<u8>)) -> Option<String> {
    if section.0 != 0 {
        return None;
    }
    let mut p = 0;
    let n = read_leb(&section.1, &mut p) as usize;
    Some(String::from_utf8_lossy(&section.1[p..p + n]).into_owned())
}

/// Objects no compiler writes but the format holds (issue "Nothing silently wrong", item 5): each
/// prints so that it re-assembles to the same bytes, or with a warning that names the cause.
#[test]
fn unusual_objects_print_exactly() {
    let root = root();
    let text = std::fs::read_to_string(root.join("tests/roundtrip/wat/kitchen-sink.wat")).unwrap();
    let base = relwat::assemble(&text, &relwat::Options::default()).bytes.expect("assembles");
    let sections = split_sections(&base);
    let position = |name: &str| sections.iter().position(|s| custom_name(s).as_deref() == Some(name)).unwrap();

    // `reloc.DATA` before `reloc.CODE`.
    let mut swapped = sections.clone();
    swapped.swap(position("reloc.CODE"), position("reloc.DATA"));
    // Relocation entry offsets as 5-byte LEBs.
    let mut padded = sections.clone();
    for s in &mut padded {
        if !custom_name(s).is_some_and(|n| n.starts_with("reloc.")) {
            continue;
        }
        let p = &s.1;
        let mut pos = 0;
        let name_len = read_leb(p, &mut pos) as usize;
        pos += name_len;
        let mut out = p[..pos].to_vec();
        let target = read_leb(p, &mut pos);
        write_leb(&mut out, target, 0);
        let count = read_leb(p, &mut pos);
        write_leb(&mut out, count, 0);
        for _ in 0..count {
            let ty = p[pos];
            pos += 1;
            out.push(ty);
            let offset = read_leb(p, &mut pos);
            write_leb(&mut out, offset, 5);
            let start = pos;
            read_leb(p, &mut pos);
            if relwat::linking::has_addend(ty) {
                read_leb(p, &mut pos);
            }
            out.extend_from_slice(&p[start..pos]);
        }
        s.1 = out;
    }
    // Two custom sections with one name.
    let mut doubled = sections.clone();
    let debug = position(".debug_like");
    doubled.insert(debug + 1, doubled[debug].clone());

    let mut cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("reloc.DATA before reloc.CODE", join_sections(&swapped), "(reloc-order data code"),
        ("padded relocation offsets", join_sections(&padded), "(reloc-offset padded)"),
        ("two custom sections named .debug_like", join_sections(&doubled), "(@custom \".debug_like\""),
    ];
    // From text: a local import, flags no annotation gives, init functions with parameters,
    // repeated and imported.
    let texts = [
        (
            "an imported symbol with the local flag",
            "(import \"env\" \"f\" (func $f (@sym local)))\n(func (call $f))",
            "(@sym local)",
        ),
        (
            "EXPORTED on the undefined __indirect_function_table (llc's PIC output)",
            "(@relwat.layout (symbol-flags $__indirect_function_table 0xb0))\n(import \"env\" \"__indirect_function_table\" (table $__indirect_function_table 0 funcref))\n(func $f (result i32) i32.const 0 (@reloc functable $f))",
            "(symbol-flags $__indirect_function_table 0xb0)",
        ),
        (
            "init functions with parameters, repeated, imported",
            "(import \"env\" \"i\" (func $i (@sym (init_prio 3))))\n(func $p (@sym (init_prio 5) (init_prio 1)) (param i32))",
            "(init_prio 5) (init_prio 1)",
        ),
    ];
    for (what, text, want) in texts {
        let a = relwat::assemble(text, &relwat::Options::default());
        assert!(!a.diagnostics.iter().any(|d| d.is_error()), "{what}: {:?}", a.diagnostics);
        cases.push((what, a.bytes.unwrap_or_else(|| panic!("{what}: does not assemble")), want));
    }
    let mut failed = Vec::new();
    for (what, bytes, want) in &cases {
        let p = relwat::print::print_object(bytes).unwrap_or_else(|e| panic!("{what}: {e}"));
        let a = relwat::assemble(&p.text, &relwat::Options::default());
        let verdict = match &a.bytes {
            Some(b) if b == bytes => "identical".to_string(),
            Some(b) => compare(bytes, b).to_string(),
            None => format!("does not assemble: {:?}", a.diagnostics.first().map(|d| &d.message)),
        };
        println!("{what:<52} {verdict}");
        if verdict != "identical" || !p.warnings.is_empty() || !p.text.contains(want) {
            failed.push(format!("{what}: {verdict}; warnings {:?}; text:\n{}", p.warnings, p.text));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Objects whose bytes the text cannot give back print with a warning that names the cause
/// (found by the fuzzer's obj2wat target).
#[test]
fn unusual_objects_warn() {
    let text = r#"(module
      (import "env" "__linear_memory" (memory 1))
      (func $f (result i32) i32.const 0)
      (@custom ".debug_info" "\00\00\00\00" (@reloc i32 customtext ".debug_str" +1) "\00\00\00\00" (@reloc i32 functext $f))
      (@custom ".debug_str" "abcdef"))"#;
    let base = relwat::assemble(text, &relwat::Options::default()).bytes.expect("assembles");
    let sections = split_sections(&base);
    let linking = sections.iter().position(|s| custom_name(s).as_deref() == Some("linking")).unwrap();
    // One `linking` subsection size padded, the section sizes minimal.
    let mut padded = sections.clone();
    let p = &padded[linking].1;
    let mut pos = 0;
    let name_len = read_leb(p, &mut pos) as usize;
    pos += name_len;
    read_leb(p, &mut pos); // version
    let id = p[pos];
    let mut q = pos + 1;
    let size = read_leb(p, &mut q);
    let mut out = p[..pos].to_vec();
    out.push(id);
    write_leb(&mut out, size, 5);
    out.extend_from_slice(&p[q..]);
    padded[linking].1 = out;
    // A second `.debug_str` right after the first: the section symbol names one of two.
    let mut doubled = sections.clone();
    let debug_str = sections.iter().position(|s| custom_name(s).as_deref() == Some(".debug_str")).unwrap();
    assert_eq!(debug_str + 1, linking, "the test needs .debug_str just before linking");
    doubled.insert(debug_str + 1, doubled[debug_str].clone());
    let cases = [
        (join_sections(&padded), "neither all minimal nor all padded"),
        (join_sections(&doubled), "custom sections are named `.debug_str`"),
    ];
    for (bytes, want) in cases {
        let p = relwat::print::print_object(&bytes).expect("prints");
        assert!(p.warnings.iter().any(|w| w.contains(want)), "no warning `{want}`: {:?}", p.warnings);
    }
}
