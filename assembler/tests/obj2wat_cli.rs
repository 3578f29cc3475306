//! Tests of the `obj2wat` command line: round trips through `wat2obj`, standard input and output,
//! exit codes and messages for inputs that are not objects, and that an error never leaves or
//! clobbers an output file.

mod support;

use std::path::Path;
use std::process::Output;
use support::run;

/// An object with symbols of every sort, relocations in code and data, a comdat and an init function.
const SOURCE: &str = r#"(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (import "env" "puts" (func $puts (param i32) (result i32)))
  (@sym.import.data $errno (name "errno"))
  (@comdat $c "inline_fn")
  (data (@sym.segment (name ".rodata.msg") strings) (i32.const 0)
    (@sym $msg (size 6)) "hello\00")
  (data (@sym.segment (name ".data.ptrs") (align 4)) (i32.const 8)
    (@sym $ptrs (size 8)) "\00\00\00\00" (@reloc i32 data $msg +2) "\00\00\00\00" (@reloc i32 functable $f))
  (func $f (@sym $f_alias hidden) (result i32)
    i32.const 0 (@reloc data $msg)
    call $puts)
  (func $inline_fn (@sym weak (comdat $c)) (result i32)
    i32.const 0
    i32.load offset=0 (@reloc $errno))
  (func $ctor (@sym local (init_prio 101))
    call $f
    drop))
"#;

fn obj2wat(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    run(dir, env!("CARGO_BIN_EXE_obj2wat"), args, stdin)
}

fn wat2obj(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    run(dir, env!("CARGO_BIN_EXE_wat2obj"), args, stdin)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A directory with `a.o`, assembled from [`SOURCE`].
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.wat"), SOURCE).unwrap();
    let out = wat2obj(dir.path(), &["a.wat", "-o", "a.o"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

#[test]
fn round_trip_through_files() {
    let dir = setup();
    let out = obj2wat(dir.path(), &["a.o", "-o", "printed.wat"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("printed.wat")).unwrap();
    for want in
        ["(@comdat $inline_fn \"inline_fn\")", "(@sym.import.data $errno)", "(init_prio 101)", "(@sym $f_alias hidden)"]
    {
        assert!(text.contains(want), "no `{want}` in:\n{text}");
    }
    let out = wat2obj(dir.path(), &["printed.wat", "-o", "b.o"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(dir.path().join("a.o")).unwrap(), std::fs::read(dir.path().join("b.o")).unwrap());
}

/// Without -o the text goes to standard output, as wasm2wat and `wasm-tools print` do: the
/// hand-written `a.wat` beside `a.o` is never replaced, and no file is written.
#[test]
fn the_source_beside_the_object_is_never_replaced() {
    let dir = setup();
    let before = listing(dir.path());
    let out = obj2wat(dir.path(), &["a.o"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("(@comdat $inline_fn"));
    assert_eq!(std::fs::read_to_string(dir.path().join("a.wat")).unwrap(), SOURCE);
    assert_eq!(listing(dir.path()), before);
    // --check alone prints the verdict, not the text.
    let out = obj2wat(dir.path(), &["a.o", "--check"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert_eq!(listing(dir.path()), before);
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn standard_input_and_output() {
    let dir = setup();
    let obj = std::fs::read(dir.path().join("a.o")).unwrap();
    let out = obj2wat(dir.path(), &["-"], Some(&obj));
    assert!(out.status.success(), "{}", stderr(&out));
    let back = wat2obj(dir.path(), &["-", "-o", "-"], Some(&out.stdout));
    assert!(back.status.success(), "{}", stderr(&back));
    assert_eq!(back.stdout, obj);
}

#[test]
fn check_reports_identity() {
    let dir = setup();
    let out = obj2wat(dir.path(), &["a.o", "--check", "-o", "-"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("check: a.o: identical"), "{}", stderr(&out));
}

#[test]
fn not_an_object() {
    let dir = setup();
    std::fs::write(dir.path().join("text.o"), "hello").unwrap();
    let out = obj2wat(dir.path(), &["text.o", "-o", "out.wat"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("obj2wat: error: text.o: not a WebAssembly file"), "{}", stderr(&out));
    assert!(!dir.path().join("out.wat").exists());

    // A module without a `linking` section.
    let m = wat2obj(dir.path(), &["a.wat", "--module", "-o", "m.wasm"], None);
    assert!(m.status.success(), "{}", stderr(&m));
    let out = obj2wat(dir.path(), &["m.wasm", "-o", "out.wat"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not a relocatable object"), "{}", stderr(&out));
}

#[test]
fn malformed_objects_are_errors_and_leave_the_output_alone() {
    let dir = setup();
    let obj = std::fs::read(dir.path().join("a.o")).unwrap();
    std::fs::write(dir.path().join("out.wat"), "previous").unwrap();
    for cut in [9, 20, obj.len() / 2, obj.len() - 1] {
        std::fs::write(dir.path().join("cut.o"), &obj[..cut]).unwrap();
        let out = obj2wat(dir.path(), &["cut.o", "-o", "out.wat"], None);
        assert_eq!(out.status.code(), Some(1), "cut at {cut}: {}", stderr(&out));
        let e = stderr(&out);
        assert!(e.starts_with("obj2wat: error: cut.o: ") && e.contains("(at byte 0x"), "cut at {cut}: {e}");
        assert!(!e.contains("panicked"), "{e}");
    }
    assert_eq!(std::fs::read_to_string(dir.path().join("out.wat")).unwrap(), "previous");
}

#[test]
fn usage_and_io_errors() {
    let dir = setup();
    let out = obj2wat(dir.path(), &["missing.o"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("obj2wat: error: cannot read `missing.o`"), "{}", stderr(&out));
    let out = obj2wat(dir.path(), &[], None);
    assert_eq!(out.status.code(), Some(2));
    // A text is not an object; it is left as it was.
    let out = obj2wat(dir.path(), &["a.wat"], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(dir.path().join("a.wat")).unwrap(), SOURCE);
}
