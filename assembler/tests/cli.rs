//! Tests of the `wat2obj` command line: exit codes, diagnostics on stderr, and that an error never
//! leaves or clobbers an output file.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BROKEN: &str = "(module\n  (func\n    i32.bogus))\n";
const OK: &str = "(module\n  (func (export \"f\") (result i32)\n    i32.const 42))\n";
const SIMD: &str = "(module\n  (func (result v128)\n    v128.const i64x2 0 0))\n";

fn wat2obj(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wat2obj"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run wat2obj")
}

fn wat2obj_stdin(dir: &Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wat2obj"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run wat2obj");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().expect("wait for wat2obj")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh directory holding `files`.
fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// The names in `dir`, sorted: catches outputs and temporary files left behind.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// The names of the custom sections of a binary.
fn custom_sections(bytes: &[u8]) -> Vec<String> {
    let mut names = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        if let wasmparser::Payload::CustomSection(c) = payload.expect("output parses") {
            names.push(c.name().to_string());
        }
    }
    names
}

#[test]
fn broken_input_reports_file_line_column_and_exits_1() {
    let dir = dir_with(&[("broken.wat", BROKEN)]);
    let out = wat2obj(dir.path(), &["broken.wat"]);
    assert_eq!(out.status.code(), Some(1), "stderr:\n{}", stderr(&out));
    assert!(stderr(&out).contains("broken.wat:3:5"), "stderr:\n{}", stderr(&out));
    assert_eq!(listing(dir.path()), ["broken.wat"], "no output (and no temporary file) on error");
}

#[test]
fn error_does_not_clobber_an_existing_output() {
    let dir = dir_with(&[("broken.wat", BROKEN), ("out.o", "keep me")]);
    let out = wat2obj(dir.path(), &["broken.wat", "-o", "out.o"]);
    assert_eq!(out.status.code(), Some(1), "stderr:\n{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(dir.path().join("out.o")).unwrap(), "keep me");
    assert_eq!(listing(dir.path()), ["broken.wat", "out.o"]);
}

#[test]
fn object_is_written_next_to_the_input_by_default() {
    let dir = dir_with(&[("ok.wat", OK)]);
    let out = wat2obj(dir.path(), &["ok.wat"]);
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", stderr(&out));
    let bytes = std::fs::read(dir.path().join("ok.o")).expect("ok.o written");
    assert!(bytes.starts_with(b"\0asm\x01\0\0\0"));
    assert!(custom_sections(&bytes).iter().any(|n| n == "linking"), "an object has a `linking` section");
    assert_eq!(listing(dir.path()), ["ok.o", "ok.wat"]);
}

/// The default output name replaces an earlier output (a WebAssembly binary) but never a file of
/// another kind that the user did not name.
#[test]
fn the_default_output_replaces_only_an_earlier_output() {
    let dir = dir_with(&[("ok.wat", OK), ("ok.o", "\x7fELF an object of another toolchain")]);
    let out = wat2obj(dir.path(), &["ok.wat"]);
    assert_eq!(out.status.code(), Some(2), "stderr:\n{}", stderr(&out));
    assert!(stderr(&out).contains("is not a WebAssembly binary: not replacing it"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(dir.path().join("ok.o")).unwrap(), "\x7fELF an object of another toolchain");
    // Named, it is replaced.
    let out = wat2obj(dir.path(), &["ok.wat", "-o", "ok.o"]);
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", stderr(&out));
    // And an earlier output is replaced without -o.
    let out = wat2obj(dir.path(), &["ok.wat"]);
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", stderr(&out));
    assert!(std::fs::read(dir.path().join("ok.o")).unwrap().starts_with(b"\0asm"));
    assert_eq!(listing(dir.path()), ["ok.o", "ok.wat"]);
}

/// No binary on a terminal (as wasm-tools refuses it); run under `script`, which gives the tool a
/// terminal.
#[test]
fn no_binary_to_a_terminal() {
    let dir = dir_with(&[("ok.wat", OK)]);
    let cmd = format!("{} ok.wat -o -", env!("CARGO_BIN_EXE_wat2obj"));
    let out = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .expect("run script (util-linux)");
    let all = String::from_utf8_lossy(&out.stdout);
    assert!(all.contains("refusing to write a binary to a terminal"), "{all}");
    assert!(!all.contains("asm"), "{all}");
    assert_eq!(listing(dir.path()), ["ok.wat"]);
}

#[test]
fn output_replaces_an_existing_file_on_success() {
    let dir = dir_with(&[("ok.wat", OK), ("out.o", "old")]);
    let out = wat2obj(dir.path(), &["ok.wat", "-o", "out.o"]);
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", stderr(&out));
    assert!(std::fs::read(dir.path().join("out.o")).unwrap().starts_with(b"\0asm"));
    assert_eq!(listing(dir.path()), ["ok.wat", "out.o"]);
}

#[test]
fn module_flag_writes_a_plain_module() {
    let dir = dir_with(&[("ok.wat", OK)]);
    let out = wat2obj(dir.path(), &["--module", "ok.wat"]);
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", stderr(&out));
    let bytes = std::fs::read(dir.path().join("ok.wasm")).expect("ok.wasm written");
    assert!(bytes.starts_with(b"\0asm\x01\0\0\0"));
    let customs = custom_sections(&bytes);
    assert!(!customs.iter().any(|n| n == "linking" || n.starts_with("reloc.")), "no linking data: {customs:?}");
    wasmparser::Validator::new().validate_all(&bytes).expect("a valid module");
}

#[test]
fn stdin_to_stdout() {
    let dir = dir_with(&[]);
    for args in [&["-", "-o", "-"][..], &["-"][..], &["--module", "-"][..]] {
        let out = wat2obj_stdin(dir.path(), args, OK);
        assert_eq!(out.status.code(), Some(0), "{args:?}: stderr:\n{}", stderr(&out));
        assert!(out.stdout.starts_with(b"\0asm\x01\0\0\0"), "{args:?}: stdout is a binary");
    }
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn stdin_diagnostics_are_named_stdin() {
    let dir = dir_with(&[]);
    let out = wat2obj_stdin(dir.path(), &["-"], BROKEN);
    assert_eq!(out.status.code(), Some(1), "stderr:\n{}", stderr(&out));
    assert!(stderr(&out).contains("<stdin>:3:5"), "stderr:\n{}", stderr(&out));
    assert!(out.stdout.is_empty(), "nothing on stdout on error");
}

#[test]
fn feature_flags_in_both_spellings() {
    let dir = dir_with(&[("simd.wat", SIMD)]);
    let ok = wat2obj(dir.path(), &["simd.wat", "--disable-threads", "--enable", "gc", "-o", "a.o"]);
    assert_eq!(ok.status.code(), Some(0), "stderr:\n{}", stderr(&ok));
    for args in [
        &["simd.wat", "--disable-simd", "-o", "b.o"][..],
        &["simd.wat", "--disable", "simd", "-o", "b.o"][..],
        &["simd.wat", "--disable-all", "-o", "b.o"][..],
        &["simd.wat", "--enable-simd", "--disable-simd", "-o", "b.o"][..],
    ] {
        let out = wat2obj(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: SIMD disabled; stderr:\n{}", stderr(&out));
    }
    // Flags apply in order.
    let out = wat2obj(dir.path(), &["simd.wat", "--disable-all", "--enable-simd", "-o", "c.o"]);
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", stderr(&out));
    assert_eq!(listing(dir.path()), ["a.o", "c.o", "simd.wat"]);
}

#[test]
fn unknown_feature_is_a_usage_error() {
    let dir = dir_with(&[("ok.wat", OK)]);
    for args in [&["ok.wat", "--enable-foo"][..], &["ok.wat", "--disable", "foo"][..]] {
        let out = wat2obj(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: stderr:\n{}", stderr(&out));
        assert!(stderr(&out).contains("foo"), "stderr:\n{}", stderr(&out));
    }
    assert_eq!(listing(dir.path()), ["ok.wat"]);
}

#[test]
fn usage_and_io_errors_exit_2() {
    let dir = dir_with(&[("ok.wat", OK)]);
    let none = wat2obj(dir.path(), &[]);
    assert_eq!(none.status.code(), Some(2));
    let missing = wat2obj(dir.path(), &["missing.wat"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).starts_with("wat2obj: error: "), "stderr:\n{}", stderr(&missing));
    let bad_color = wat2obj(dir.path(), &["ok.wat", "--color", "sometimes"]);
    assert_eq!(bad_color.status.code(), Some(2));
    let no_dir = wat2obj(dir.path(), &["ok.wat", "-o", "no/such/dir/ok.o"]);
    assert_eq!(no_dir.status.code(), Some(2));
    assert_eq!(listing(dir.path()), ["ok.wat"]);
}

#[test]
fn color_never_has_no_escapes() {
    let dir = dir_with(&[("broken.wat", BROKEN)]);
    let never = wat2obj(dir.path(), &["broken.wat", "--color", "never"]);
    assert!(!stderr(&never).contains('\x1b'));
    let always = wat2obj(dir.path(), &["broken.wat", "--color=always"]);
    assert!(stderr(&always).contains('\x1b'), "stderr:\n{}", stderr(&always));
}

/// A text with many errors on one long line: the first 100 are shown, each with a window of the
/// line, then how many more there are; `--error-limit 0` shows all, and the size of what is
/// printed grows with the number of errors, not with the line's length times that number.
#[test]
fn many_errors_on_one_long_line() {
    let body: Vec<String> = (0..3000).map(|i| format!("(i32.nope{i})")).collect();
    let text = format!("(module (func {}))", body.join(" "));
    let dir = dir_with(&[("long.wat", &text)]);
    let out = wat2obj(dir.path(), &["long.wat", "-o", "long.o"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.matches("error: unknown instruction").count(), 100);
    assert!(
        err.contains("wat2obj: 2900 more diagnostics not shown (2900 errors, 0 warnings)"),
        "{}",
        err.lines().last().unwrap_or("")
    );
    // The 100th error is at column 1293 of the line (its `i32.nope99`).
    assert!(err.contains("long.wat:1:1293"), "columns are the line's: {}", &err[..err.len().min(2000)]);
    let all = stderr(&wat2obj(dir.path(), &["long.wat", "-o", "long.o", "--error-limit", "0"]));
    assert_eq!(all.matches("error: unknown instruction").count(), 3000);
    // Each diagnostic shows a window of the 45 KB line.
    assert!(all.len() < 3000 * 600, "{} bytes for 3000 diagnostics", all.len());
    assert!(all.contains("…"));
}

#[test]
fn a_binary_input_is_named_for_what_it_is() {
    let dir = dir_with(&[("m.wat", "(module)")]);
    assert_eq!(wat2obj(dir.path(), &["m.wat", "-o", "m.o"]).status.code(), Some(0));
    let out = wat2obj(dir.path(), &["m.o", "-o", "again.o"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(
        err.trim(),
        "wat2obj: error: m.o is a WebAssembly binary, not text; did you mean `obj2wat m.o` (to print it as text)?"
    );
    assert!(!dir.path().join("again.o").exists());
}

#[test]
fn an_output_in_a_missing_directory_names_the_output_not_the_temporary_file() {
    let dir = dir_with(&[("m.wat", "(module)")]);
    let out = wat2obj(dir.path(), &["m.wat", "-o", "nodir/x.o"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with("wat2obj: error: cannot write `nodir/x.o`: No such file or directory"), "{err}");
    assert!(!err.contains("at path") && !err.contains(".x.o."), "{err}");
}

/// `--generate`: each tool prints its man page and completion scripts (no input needed), and
/// bash accepts the completion script.
#[test]
fn man_pages_and_completions() {
    let dir = dir_with(&[]);
    for (tool, exe) in [
        ("wat2obj", env!("CARGO_BIN_EXE_wat2obj")),
        ("obj2wat", env!("CARGO_BIN_EXE_obj2wat")),
        ("watfmt", env!("CARGO_BIN_EXE_watfmt")),
    ] {
        let run = |kind: &str| {
            let out = Command::new(exe).args(["--generate", kind]).current_dir(dir.path()).output().expect("run");
            assert!(out.status.success(), "{tool} --generate {kind}: {}", stderr(&out));
            String::from_utf8(out.stdout).expect("text")
        };
        let man = run("man");
        assert!(man.contains(&format!(".TH {tool} 1")), "{man}");
        assert!(man.contains("\\-\\-output") || tool == "watfmt", "{man}");
        for shell in ["zsh", "fish", "powershell", "elvish"] {
            assert!(run(&format!("complete-{shell}")).contains(tool), "{tool} {shell}");
        }
        let bash = run("complete-bash");
        let script = dir.path().join(format!("{tool}.bash"));
        std::fs::write(&script, bash).unwrap();
        let out = Command::new("bash")
            .arg("-c")
            .arg(format!("source {} && complete -p {tool}", script.display()))
            .output()
            .expect("run bash");
        assert!(String::from_utf8_lossy(&out.stdout).contains(tool), "{tool}: {}", stderr(&out));
        let out = Command::new(exe).args(["--generate", "nonsense"]).output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{tool}");
    }
}

/// What a compiler driver passes to wat2wasm (D11): `-r`, `--enable-annotations`, `-v`.
#[test]
fn compiler_driver_flags() {
    let dir = dir_with(&[("x.s", OK)]);
    let out = wat2obj(dir.path(), &["-r", "--enable-annotations", "-v", "-o", "x.o", "x.s"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("wat2obj: wrote x.o"), "{}", stderr(&out));
    let bytes = std::fs::read(dir.path().join("x.o")).unwrap();
    assert!(custom_sections(&bytes).contains(&"linking".to_string()));
    let out = wat2obj(dir.path(), &["--relocatable", "--module", "x.s"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

/// rwat's command line: `-c` and several inputs, each into its own object; one that fails does
/// not stop the others, and the exit status is the worst.
#[test]
fn several_inputs_each_into_its_own_object() {
    let dir = dir_with(&[("a.wat", OK), ("b.wat", BROKEN), ("c.wat", SIMD)]);
    let out = wat2obj(dir.path(), &["-c", "a.wat", "b.wat", "c.wat"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("b.wat:3:5"), "{}", stderr(&out));
    assert_eq!(listing(dir.path()), ["a.o", "a.wat", "b.wat", "c.o", "c.wat"]);
    let out = wat2obj(dir.path(), &["a.wat", "c.wat", "-o", "x.o"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = wat2obj(dir.path(), &["a.wat", "-"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}
