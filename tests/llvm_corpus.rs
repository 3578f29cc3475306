//! The LLVM corpus: `tests/llvm/*.s` and `*.ll`, written the way LLVM's own MC and lld tests are,
//! one feature per file. Each file is turned into an object by llvm-mc-22 (or llc-22), printed by
//! obj2wat, and the text re-assembled by wat2obj: the result must be the same bytes, and the
//! warnings of both tools exactly those the file documents.
//!
//! A file's header says how to build it and what to expect (`#` comments in `.s`, `;` in `.ll`):
//!
//! ```text
//! # RUN: llvm-mc -triple=wasm32-unknown-unknown -mattr=+bulk-memory
//! # OBJ2WAT: text   one obj2wat warning (a part of its text); with any, the bytes may differ
//! # INVALID: text   the object does not validate (a part of the validator's message); the text
//! #                 is then assembled without validation (`wat2obj --no-validate`)
//! # WAT2OBJ: text   one wat2obj warning on the printed text (a part of its message)
//! ```
//!
//! The harness adds `-filetype=obj -o OUT`, and `-mcpu=generic` (clang's default) unless the
//! RUN line names a CPU. Build products stay in `target/llvm-corpus/`: `X.o`, `X.wat`, `X.rt.o`.

use relwat::print::compare::{Comparison, compare};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_path_buf()
}

/// What a corpus file's header says.
#[derive(Debug, Default)]
struct Expect {
    /// `llvm-mc` or `llc`, and its flags.
    tool: String,
    flags: Vec<String>,
    obj2wat: Vec<String>,
    invalid: Option<String>,
    wat2obj: Vec<String>,
}

fn read_header(path: &Path, text: &str) -> Result<Expect, String> {
    let mut e = Expect::default();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("# ").or_else(|| line.strip_prefix("; ")) else { continue };
        if let Some(run) = rest.strip_prefix("RUN:") {
            let mut words = run.split_whitespace().map(String::from);
            e.tool = words.next().unwrap_or_default();
            e.flags = words.collect();
        } else if let Some(w) = rest.strip_prefix("OBJ2WAT:") {
            e.obj2wat.push(w.trim().to_string());
        } else if let Some(w) = rest.strip_prefix("INVALID:") {
            e.invalid = Some(w.trim().to_string());
        } else if let Some(w) = rest.strip_prefix("WAT2OBJ:") {
            e.wat2obj.push(w.trim().to_string());
        }
    }
    match e.tool.as_str() {
        "llvm-mc" | "llc" => Ok(e),
        "" => Err(format!("{}: no `RUN:` line", path.display())),
        t => Err(format!("{}: unknown tool `{t}` in the RUN line (llvm-mc or llc)", path.display())),
    }
}

/// Matches warnings against the documented ones: each documented text is part of exactly one
/// warning, and every warning is documented. Returns what does not match.
fn match_warnings(what: &str, expected: &[String], actual: &[String]) -> Vec<String> {
    let mut left: Vec<&String> = actual.iter().collect();
    let mut problems = Vec::new();
    for e in expected {
        match left.iter().position(|a| a.contains(e.as_str())) {
            Some(i) => {
                left.remove(i);
            }
            None => problems.push(format!("documented {what} warning not given: {e}")),
        }
    }
    problems.extend(left.into_iter().map(|a| format!("undocumented {what} warning: {a}")));
    problems
}

/// Builds, prints, re-assembles and compares one corpus file; returns the problems.
fn check(path: &Path, out: &Path) -> Result<String, Vec<String>> {
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    let text = std::fs::read_to_string(path).map_err(|e| vec![format!("cannot read: {e}")])?;
    let e = read_header(path, &text).map_err(|m| vec![m])?;
    let obj = out.join(format!("{name}.o"));
    let mut cmd = Command::new(if e.tool == "llc" { "llc-22" } else { "llvm-mc-22" });
    cmd.arg("-filetype=obj");
    if e.tool == "llvm-mc" && !e.flags.iter().any(|f| f.starts_with("-mcpu=")) {
        cmd.arg("-mcpu=generic");
    }
    cmd.args(&e.flags).arg(path).arg("-o").arg(&obj);
    let run = cmd.output().map_err(|err| vec![format!("cannot run {}-22: {err}", e.tool)])?;
    if !run.status.success() {
        return Err(vec![format!("{}-22 failed: {}", e.tool, String::from_utf8_lossy(&run.stderr))]);
    }
    let bytes = std::fs::read(&obj).map_err(|err| vec![format!("cannot read the object: {err}")])?;
    let printed = relwat::print::print_object(&bytes).map_err(|err| vec![format!("obj2wat: {err}")])?;
    std::fs::write(out.join(format!("{name}.wat")), &printed.text).expect("writes the text");
    let mut problems = match_warnings("obj2wat", &e.obj2wat, &printed.warnings);
    match (&e.invalid, &printed.invalid) {
        (None, Some(why)) => problems.push(format!("the object does not validate, undocumented: {why}")),
        (Some(want), None) => problems.push(format!("documented as not validating ({want}), but it validates")),
        (Some(want), Some(why)) if !why.contains(want.as_str()) => {
            problems.push(format!("does not validate as documented ({want}) but: {why}"))
        }
        _ => {}
    }
    let options = relwat::Options { validate: printed.invalid.is_none(), ..relwat::Options::default() };
    let assembled = relwat::assemble(&printed.text, &options);
    let warnings: Vec<String> =
        assembled.diagnostics.iter().filter(|d| !d.is_error()).map(|d| d.message.clone()).collect();
    problems.extend(match_warnings("wat2obj", &e.wat2obj, &warnings));
    let verdict = match assembled.bytes {
        None => {
            let shown = format!("target/llvm-corpus/{name}.wat");
            let errors: Vec<_> = assembled.diagnostics.iter().filter(|d| d.is_error()).cloned().collect();
            problems.push(format!(
                "the printed text does not assemble:\n{}",
                relwat::diagnostic::render(&shown, &printed.text, &errors, false)
            ));
            "does not assemble".to_string()
        }
        Some(rt) => {
            std::fs::write(out.join(format!("{name}.rt.o")), &rt).expect("writes the object");
            match compare(&bytes, &rt) {
                Comparison::Identical => "identical".to_string(),
                Comparison::Different(d) => {
                    // Documented obj2wat warnings say the text cannot give the bytes back.
                    if e.obj2wat.is_empty() {
                        problems.push(format!("not the same bytes: {d}"));
                    }
                    format!("different, as documented ({d})")
                }
            }
        }
    };
    if problems.is_empty() { Ok(verdict) } else { Err(problems) }
}

#[test]
fn llvm_corpus_round_trips() {
    let root = root();
    let dir = root.join("tests/llvm");
    let out = root.join("target/llvm-corpus");
    std::fs::create_dir_all(&out).expect("output dir");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/llvm")
        .filter_map(|d| d.ok().map(|d| d.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "s" || e == "ll"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "only {} files in tests/llvm", files.len());
    let mut failed = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        match check(f, &out) {
            Ok(verdict) => println!("{name:<32} {verdict}"),
            Err(problems) => {
                println!("{name:<32} FAILED");
                for p in &problems {
                    for line in p.lines() {
                        println!("    {line}");
                    }
                }
                failed.push(name);
            }
        }
    }
    println!("llvm corpus: {} files, {} failed", files.len(), failed.len());
    assert!(failed.is_empty(), "failed: {failed:?}");
}

/// The harness's own rules can fail: an undocumented warning, a documented one that does not
/// come, and a wrong validation claim are each reported.
#[test]
fn harness_reports_mismatches() {
    let w = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert!(match_warnings("x", &w(&["past the end"]), &w(&["data symbol `$x` reaches past the end"])).is_empty());
    assert_eq!(match_warnings("x", &w(&[]), &w(&["surprise"])).len(), 1);
    assert_eq!(match_warnings("x", &w(&["expected"]), &w(&[])).len(), 1);
    assert_eq!(match_warnings("x", &w(&["a", "a"]), &w(&["a b"])).len(), 1, "each warning is matched once");
    let e = read_header(Path::new("t.s"), "# RUN: llvm-mc -triple=wasm64\n# INVALID: type mismatch\n").unwrap();
    assert_eq!((e.tool.as_str(), e.flags.len(), e.invalid.as_deref()), ("llvm-mc", 1, Some("type mismatch")));
    assert!(read_header(Path::new("t.s"), "# nothing\n").is_err());
}
