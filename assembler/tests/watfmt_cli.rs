//! Tests of the `watfmt` command line: standard input to standard output, `--check` and its exit
//! status, `--write` rewriting only the files that change, `--indent`, refusals.

mod support;

use std::process::Output;

const MESSY: &str = "(module\n(func $f (result i32)\n      i32.const 1 (@reloc  none)))\n";
const TIDY: &str = "(module\n  (func $f (result i32)\n    i32.const 1 (@reloc none)))\n";

fn watfmt(args: &[&str], stdin: Option<&str>, dir: &std::path::Path) -> Output {
    support::run(dir, env!("CARGO_BIN_EXE_watfmt"), args, stdin.map(str::as_bytes))
}

#[test]
fn standard_input_to_standard_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = watfmt(&[], Some(MESSY), dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), TIDY);
    let out = watfmt(&["--indent", "4", "-"], Some(MESSY), dir.path());
    assert_eq!(String::from_utf8_lossy(&out.stdout), TIDY.replace("  ", "    "));
}

#[test]
fn check_and_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("messy.wat"), MESSY).unwrap();
    std::fs::write(dir.path().join("tidy.wat"), TIDY).unwrap();
    // --check: status 1, the file named with its changed lines; nothing written.
    let out = watfmt(&["--check", "messy.wat", "tidy.wat"], None, dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("messy.wat: not formatted (2 lines change)"), "{err}");
    assert!(!err.contains("tidy.wat"), "{err}");
    assert_eq!(std::fs::read_to_string(dir.path().join("messy.wat")).unwrap(), MESSY);
    let out = watfmt(&["--check", "tidy.wat"], None, dir.path());
    assert_eq!(out.status.code(), Some(0));
    // --write: the messy file rewritten, the tidy one left alone (its time unchanged).
    let before = std::fs::metadata(dir.path().join("tidy.wat")).unwrap().modified().unwrap();
    let out = watfmt(&["--write", "messy.wat", "tidy.wat"], None, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(dir.path().join("messy.wat")).unwrap(), TIDY);
    assert_eq!(std::fs::metadata(dir.path().join("tidy.wat")).unwrap().modified().unwrap(), before);
    // A file alone is printed, not rewritten.
    std::fs::write(dir.path().join("messy.wat"), MESSY).unwrap();
    let out = watfmt(&["messy.wat"], None, dir.path());
    assert_eq!(String::from_utf8_lossy(&out.stdout), TIDY);
    assert_eq!(std::fs::read_to_string(dir.path().join("messy.wat")).unwrap(), MESSY);
}

#[test]
fn refusals() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.wat"), TIDY).unwrap();
    std::fs::write(dir.path().join("b.wat"), TIDY).unwrap();
    // Several files need --write or --check.
    let out = watfmt(&["a.wat", "b.wat"], None, dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("watfmt: error: several files"));
    // Text that does not lex: a diagnostic with its place, status 1, nothing printed.
    let out = watfmt(&[], Some("(module \"open"), dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>:1:9"), "{}", String::from_utf8_lossy(&out.stderr));
    // A missing file.
    let out = watfmt(&["--check", "nothing.wat"], None, dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing.wat"));
}
