//! Snapshot tests of relwat's diagnostics.
//!
//! Each `diagnostics/NAME.wat` is a broken input. It is assembled as an object with the default
//! features, every diagnostic is rendered without colour as `tests/diagnostics/NAME.wat`, and the
//! text must equal `diagnostics/NAME.stderr`. `RELWAT_BLESS=1` writes the `.stderr` files instead.
//! A case that produces no error fails either way: every input here is broken. A file whose leading
//! comment says `;; expect-errors: N` must produce exactly N errors (recovery checks).

use std::fmt::Write as _;
use std::path::Path;

use relwat::diagnostic::render;
use relwat::{Options, assemble};

const BLESS_VAR: &str = "RELWAT_BLESS";

#[test]
fn diagnostics_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("diagnostics");
    let bless = std::env::var(BLESS_VAR).is_ok_and(|v| v == "1");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "wat"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no .wat file in {}", dir.display());

    let mut failures = String::new();
    let mut blessed = 0;
    for input in &inputs {
        let stem = input.file_name().unwrap().to_string_lossy().into_owned();
        let shown_name = format!("tests/diagnostics/{stem}");
        let source = std::fs::read_to_string(input).unwrap_or_else(|e| panic!("cannot read {}: {e}", input.display()));
        let assembled = assemble(&source, &Options::default());
        let rendered = render(&shown_name, &source, &assembled.diagnostics, false);
        let expected_path = input.with_extension("stderr");

        if rendered.is_empty() {
            let _ = writeln!(failures, "{shown_name}: no diagnostic at all (every case here is a broken input)");
            continue;
        }
        if !assembled.diagnostics.iter().any(|d| d.is_error()) {
            let _ = writeln!(failures, "{shown_name}: only warnings, no error (every case here is a broken input)");
            continue;
        }
        let errors = assembled.diagnostics.iter().filter(|d| d.is_error()).count();
        if let Some(expected) = expected_errors(&source)
            && errors != expected
        {
            let _ = writeln!(
                failures,
                "{shown_name}: {errors} errors reported, the file says `expect-errors: {expected}`:\n{rendered}"
            );
            continue;
        }
        if bless {
            std::fs::write(&expected_path, &rendered)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", expected_path.display()));
            blessed += 1;
            continue;
        }
        let expected = match std::fs::read_to_string(&expected_path) {
            Ok(t) => t,
            Err(_) => {
                let _ = writeln!(
                    failures,
                    "{shown_name}: no snapshot {} (write it with {BLESS_VAR}=1); relwat printed:\n{rendered}",
                    expected_path.file_name().unwrap().to_string_lossy()
                );
                continue;
            }
        };
        if expected != rendered {
            let _ = writeln!(
                failures,
                "{shown_name}: diagnostics differ from the snapshot\n{}",
                diff(&expected, &rendered)
            );
        }
    }
    if bless {
        println!("blessed {blessed} of {} snapshots", inputs.len());
    }
    assert!(failures.is_empty(), "diagnostic snapshots:\n{failures}");
}

/// `;; expect-errors: N` in the leading comment lines: a file with several errors says how many
/// must be reported, so that a snapshot cannot silently lose one.
fn expected_errors(source: &str) -> Option<usize> {
    source
        .lines()
        .take_while(|l| l.starts_with(";;"))
        .find_map(|l| l.trim_start_matches(';').trim().strip_prefix("expect-errors:"))
        .map(|n| n.trim().parse().expect("`expect-errors: N` takes a number"))
}

/// A small line diff: `-` expected, `+` actual, around the first differing line.
fn diff(expected: &str, actual: &str) -> String {
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
