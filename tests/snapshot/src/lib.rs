//! Shared by relwat's tests: snapshot files, and the C toolchain they link with ([`toolchain`]).
//!
//! A snapshot directory holds one input file per case (`NAME.wat`) and beside it the answer
//! relwat gave when the case was last reviewed (`NAME.EXT`). [`check_dir`] computes every
//! answer and compares it with its file; `RELWAT_BLESS=1` writes the files instead, to be
//! reviewed in the diff like code. A case without its answer file, an answer file without its
//! case and an empty directory all fail: no snapshot test passes by having nothing to compare.

pub mod toolchain;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The environment variable that writes the answer files instead of comparing them.
pub const BLESS_VAR: &str = "RELWAT_BLESS";

/// Whether this run writes the answer files ([`BLESS_VAR`] is `1`).
pub fn blessing() -> bool {
    std::env::var(BLESS_VAR).is_ok_and(|v| v == "1")
}

/// The inputs of `dir` whose name ends in `.{input_ext}`, sorted.
pub fn inputs(dir: &Path, input_ext: &str) -> Vec<PathBuf> {
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == input_ext))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no .{input_ext} file in {}", dir.display());
    inputs
}

/// Checks every case of `dir`: `answer` gives the text for the input at a path (with the
/// input's text), or a failure message; the text must equal the file with the input's stem and
/// `answer_ext`. Panics listing every failure.
pub fn check_dir(
    dir: &Path,
    input_ext: &str,
    answer_ext: &str,
    answer: impl Fn(&Path, &str) -> Result<String, String>,
) {
    let bless = blessing();
    let inputs = inputs(dir, input_ext);
    let mut failures = String::new();
    for input in &inputs {
        let name = input.file_name().expect("a file").to_string_lossy().into_owned();
        let text = std::fs::read_to_string(input).unwrap_or_else(|e| panic!("cannot read {}: {e}", input.display()));
        let actual = match answer(input, &text) {
            Ok(actual) => actual,
            Err(why) => {
                let _ = writeln!(failures, "{name}: {why}");
                continue;
            }
        };
        let expected_path = input.with_extension(answer_ext);
        if bless {
            std::fs::write(&expected_path, &actual)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", expected_path.display()));
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => {
                let _ =
                    writeln!(failures, "{name}: the answer differs from the snapshot\n{}", diff(&expected, &actual));
            }
            Err(_) => {
                let _ = writeln!(
                    failures,
                    "{name}: no snapshot {} (write it with {BLESS_VAR}=1); the answer was:\n{actual}",
                    expected_path.file_name().expect("a file").to_string_lossy()
                );
            }
        }
    }
    // Answer files whose case is gone.
    for entry in std::fs::read_dir(dir).expect("listed above") {
        let path = entry.expect("directory entry").path();
        if path.extension().is_some_and(|e| e == answer_ext) && !path.with_extension(input_ext).exists() {
            let _ = writeln!(failures, "{}: a snapshot without its case", path.display());
        }
    }
    if bless {
        println!("blessed {} snapshots in {}", inputs.len(), dir.display());
    }
    assert!(failures.is_empty(), "snapshots in {}:\n{failures}", dir.display());
}

/// A small line diff: `-` expected, `+` actual, around the first differing line.
pub fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let first = e.iter().zip(&a).position(|(x, y)| x != y).unwrap_or(e.len().min(a.len()));
    let mut out = String::new();
    let from = first.saturating_sub(2);
    for l in &e[from..first] {
        let _ = writeln!(out, "   {l}");
    }
    for l in e.iter().skip(first).take(12) {
        let _ = writeln!(out, " - {l}");
    }
    for l in a.iter().skip(first).take(12) {
        let _ = writeln!(out, " + {l}");
    }
    out
}

/// The text of `source` with the cursor marker `(;|;)` (a block comment, so the case file stays
/// WAT) taken out, and the marker's byte offset. Panics unless there is exactly one marker.
pub fn cursor(source: &str) -> (String, u32) {
    const MARK: &str = "(;|;)";
    let at = source.find(MARK).expect("the case marks the cursor with `(;|;)`");
    assert!(source[at + MARK.len()..].find(MARK).is_none(), "one cursor per case");
    let mut text = source.to_string();
    text.replace_range(at..at + MARK.len(), "");
    (text, at as u32)
}
