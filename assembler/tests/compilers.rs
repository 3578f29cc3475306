//! Compilers as clients (docs/decisions.md D10–D12): the text GCC's WebAssembly backend prints and
//! the text js-bindgen generates, assembled the way each tool assembles it, linked by wasm-ld-22
//! and run under node. Cases in `tests/compilers/` (see its README):
//!
//! - `gcc/<case>/`: `prog.c` and `prog.s`, the text GCC's emitter prints for it. The reference is
//!   `prog.c` built by clang-22; `prog.s` goes through `wat2obj` with GCC's command line
//!   (`-r --enable-annotations -v -o prog.o prog.s`). Both programs, linked with wasi-libc, must
//!   print `expected.txt`; `wat2obj` must print exactly the warnings of `warnings.txt`.
//! - `jsbindgen/<case>/`: the WAT fragments js-bindgen generates (`*.wat`), each assembled through
//!   the library as js-bindgen does (`(module (@rwat) ...)`, the 64-bit memory import prepended
//!   for wasm64) into its own object, linked with the C driver `main.c` (built by clang-22) and
//!   run by `tests/e2e/run-host.mjs` with the case's JS imports (`host.mjs`). The reference is
//!   the same program with the shims in LLVM assembly (`*.s`), assembled by clang-22: both print
//!   `expected.txt`; where node 20 cannot run the program (exnref), both validate and their
//!   code is the same.
//!
//! A missing tool fails the test; nothing is skipped.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use relwat_snapshot::toolchain::{BUILTINS, WASI_LIB, make_wasi_sysroot, which};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace").to_path_buf()
}

/// Runs `check` on every case of `style` (`tests/compilers/STYLE/*/`), each with an emptied
/// scratch directory under target/tmp/compilers, and fails with every case's failure at once.
fn for_each_case(style: &str, mut check: impl FnMut(&Path, &Path) -> Result<(), String>) {
    let dir = root().join("tests/compilers").join(style);
    let cases: Vec<PathBuf> = files(&dir, |p| p.is_dir());
    assert!(!cases.is_empty(), "no case in {}", dir.display());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().expect("a case name").to_string_lossy().into_owned();
        let work = root().join("target/tmp/compilers").join(style).join(&name);
        let _ = std::fs::remove_dir_all(&work);
        std::fs::create_dir_all(&work).expect("the scratch directory");
        match check(case, &work) {
            Ok(()) => println!("{style}/{name}: ok"),
            Err(e) => failures.push(format!("{style}/{name}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n\n{}", failures.len(), cases.len(), failures.join("\n\n"));
}

/// The entries of `dir` that `keep` keeps, sorted.
fn files(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| keep(p))
        .collect();
    found.sort();
    found
}

/// The files of `dir` named `*.EXT`, sorted.
fn with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    files(dir, |p| p.extension().is_some_and(|e| e == ext))
}

fn tool(name: &str) -> PathBuf {
    which(name).unwrap_or_else(|| panic!("`{name}` is not installed (Debian: clang-22, lld-22, llvm-22, nodejs)"))
}

fn show(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Runs `cmd`; its output when it succeeds, else the command and what it printed.
fn run(cmd: &mut Command) -> Result<Output, String> {
    let out = cmd.output().map_err(|e| format!("{}: {e}", show(cmd)))?;
    if out.status.success() {
        Ok(out)
    } else {
        Err(format!(
            "{} failed ({}):\n{}{}",
            show(cmd),
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs a linked module under node; its standard output, which must equal `expected`.
fn check_run(runner: &[&str], wasm: &Path, expected: &str, what: &str) -> Result<(), String> {
    let mut node = Command::new(tool("node"));
    node.arg("--no-warnings").args(runner).arg(wasm);
    let out = run(&mut node).map_err(|e| format!("{what}: {e}"))?;
    let got = String::from_utf8_lossy(&out.stdout);
    if got != expected {
        return Err(format!("{what}: {} printed\n{got}\ninstead of\n{expected}", show(&node)));
    }
    Ok(())
}

/// The headlines of the warnings in wat2obj's standard error.
fn warnings(stderr: &str) -> Vec<String> {
    stderr.lines().filter_map(|l| l.strip_prefix("warning: ")).map(str::to_string).collect()
}

/// GCC's text: the same program built by clang-22 from C and by wat2obj from GCC's text prints the
/// same, the expected output.
#[test]
fn gcc_style_programs() {
    let clang = tool("clang-22");
    let ld = tool("wasm-ld-22");
    let readobj = tool("llvm-readobj-22");
    let sysroot = root().join("target/tmp/compilers/sysroot");
    make_wasi_sysroot(&sysroot).expect("the WASI sysroot");
    let run_wasi = root().join("tests/e2e/run-wasi.mjs");
    let run_wasi = run_wasi.to_str().expect("a UTF-8 path");
    let support = root().join("tests/compilers/support");
    for_each_case("gcc", |case, work| {
        let expected = read(&case.join("expected.txt"));
        let cc = |source: &Path, out: &Path| {
            run(Command::new(&clang)
                // clang-22 calls the `wasm32-wasi` triple deprecated (for `wasm32-wasip1`), as Debian's
                // wasi-libc is laid out.
                .args(["--target=wasm32-wasi", "-Wno-deprecated", "-O1", "-Werror", "-c"])
                .arg(format!("--sysroot={}", sysroot.display()))
                .arg(source)
                .arg("-o")
                .arg(out))
        };
        // GCC's runtime support that wasi-libc lacks (emulated TLS), linked into both builds.
        let mut support_objects = Vec::new();
        for source in with_ext(&support, "c") {
            let object = work.join(source.file_stem().unwrap()).with_extension("o");
            cc(&source, &object)?;
            support_objects.push(object);
        }
        let link = |object: &Path, out: &Path| {
            run(Command::new(&ld)
                .arg(format!("{WASI_LIB}/crt1.o"))
                .arg(object)
                .args(&support_objects)
                .arg(format!("-L{WASI_LIB}"))
                .arg("-lc")
                .arg(BUILTINS)
                .arg("-o")
                .arg(out))
        };
        // The reference: clang-22 from C.
        let reference_o = work.join("reference.o");
        cc(&case.join("prog.c"), &reference_o)?;
        let reference = work.join("reference.wasm");
        link(&reference_o, &reference)?;
        check_run(&[run_wasi], &reference, &expected, "the clang-22 build")?;
        // GCC's text, with GCC's command line.
        let object = work.join("prog.o");
        let mut wat2obj = Command::new(env!("CARGO_BIN_EXE_wat2obj"));
        wat2obj.args(["-r", "--enable-annotations", "-v", "-o"]).arg(&object).arg(case.join("prog.s"));
        let out = run(&mut wat2obj)?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        let want: Vec<String> = read(&case.join("warnings.txt")).lines().map(str::to_string).collect();
        if warnings(&stderr) != want {
            return Err(format!("{} warned\n{stderr}\ninstead of exactly\n{}", show(&wat2obj), want.join("\n")));
        }
        let dump = run(Command::new(&readobj).args(["--symbols", "--relocations"]).arg(&object))?;
        if !dump.stderr.is_empty() {
            return Err(format!("llvm-readobj-22 warned:\n{}", String::from_utf8_lossy(&dump.stderr)));
        }
        let linked = work.join("gcc.wasm");
        link(&object, &linked)?;
        check_run(&[run_wasi], &linked, &expected, "the build from GCC's text")
    });
}

/// Settings of a js-bindgen case (`case.txt`, `key = value` lines).
struct ShimCase {
    /// `wasm32` or `wasm64`.
    wasm64: bool,
    /// Fragments assembled more than once, each copy into its own object (comdat-shared shims).
    twice: Vec<String>,
    /// Whether node 20 runs the program; otherwise it is validated only.
    run: bool,
    /// wasm-ld flags.
    ldflags: Vec<String>,
    /// The warnings relwat gives, per fragment: `fragment.wat: message`.
    warnings: Vec<String>,
}

fn shim_case(text: &str) -> ShimCase {
    let mut case = ShimCase { wasm64: false, twice: Vec::new(), run: true, ldflags: Vec::new(), warnings: Vec::new() };
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (key, value) = line.split_once('=').unwrap_or_else(|| panic!("case.txt: `{line}` is not `key = value`"));
        let value = value.trim();
        match key.trim() {
            "target" => case.wasm64 = value == "wasm64",
            "twice" => case.twice = value.split_whitespace().map(str::to_string).collect(),
            "run" => case.run = value == "yes",
            "ldflags" => case.ldflags = value.split_whitespace().map(str::to_string).collect(),
            "warning" => case.warnings.push(value.to_string()),
            "description" => {}
            other => panic!("case.txt: unknown key `{other}`"),
        }
    }
    case
}

/// The code section's contents of a module.
fn code_section(module: &[u8]) -> Option<Vec<u8>> {
    wasmparser::Parser::new(0).parse_all(module).find_map(|payload| match payload {
        Ok(wasmparser::Payload::CodeSectionStart { unchecked_range: r, .. }) => {
            module.get(r.start as usize..r.end as usize).map(<[u8]>::to_vec)
        }
        _ => None,
    })
}

/// js-bindgen's text, through the library as js-bindgen calls it: each fragment one object.
fn assemble_fragment(wat: &str, wasm64: bool) -> (Vec<u8>, Vec<String>) {
    // As js-bindgen's `wat_to_object`: wasm-ld wants a 64-bit memory declared in every wasm64
    // object; a wasm32 object that uses memory gets its import from the assembler (D12).
    let memory = if wasm64 { r#"(import "env" "__linear_memory" (memory i64 0))"# } else { "" };
    let text = format!("(module (@rwat) {memory} {wat})");
    let out = relwat::assemble(&text, &relwat::Options::default());
    let messages = out.diagnostics.iter().map(|d| d.message.clone()).collect();
    match out.into_result("fragment.wat", &text) {
        Ok(bytes) => (bytes, messages),
        Err(e) => panic!("{text}\n{e}"),
    }
}

/// js-bindgen's shims, linked with a C driver and run under node with the JS side in `host.mjs`.
#[test]
fn js_bindgen_style_shims() {
    let clang = tool("clang-22");
    let ld = tool("wasm-ld-22");
    let run_host = root().join("tests/e2e/run-host.mjs");
    for_each_case("jsbindgen", |case, work| {
        let cfg = shim_case(&read(&case.join("case.txt")));
        let fragments = with_ext(case, "wat");
        let mut objects = Vec::new();
        let mut warnings = Vec::new();
        for fragment in &fragments {
            let file = fragment.file_name().unwrap().to_string_lossy().into_owned();
            let (bytes, messages) = assemble_fragment(&read(fragment), cfg.wasm64);
            warnings.extend(messages.into_iter().map(|m| format!("{file}: {m}")));
            let copies = if cfg.twice.contains(&file) { 2 } else { 1 };
            for copy in 0..copies {
                let object = work.join(format!("{}.{copy}.o", fragment.file_stem().unwrap().to_string_lossy()));
                std::fs::write(&object, &bytes).map_err(|e| e.to_string())?;
                objects.push(object);
            }
        }
        if warnings != cfg.warnings {
            return Err(format!(
                "the fragments warned\n{}\ninstead of exactly\n{}",
                warnings.join("\n"),
                cfg.warnings.join("\n")
            ));
        }
        let (target, m) =
            if cfg.wasm64 { ("wasm64-unknown-unknown", "wasm64") } else { ("wasm32-unknown-unknown", "wasm32") };
        let main_o = work.join("main.o");
        run(Command::new(&clang)
            .arg(format!("--target={target}"))
            .args(["-O1", "-Werror", "-ffreestanding", "-mreference-types", "-c"])
            .arg(format!("-I{}", root().join("tests/e2e/common").display()))
            .arg(case.join("main.c"))
            .arg("-o")
            .arg(&main_o))?;
        // The reference's objects: the shims in LLVM assembly, by clang-22.
        let sources = with_ext(case, "s");
        if sources.is_empty() {
            return Err("no reference (*.s)".into());
        }
        let mut reference_objects = Vec::new();
        for source in &sources {
            let stem = source.file_stem().unwrap().to_string_lossy().into_owned();
            let object = work.join(format!("{stem}.ref.o"));
            run(Command::new(&clang)
                .arg(format!("--target={target}"))
                .args(["-mreference-types", "-mmultivalue", "-mexception-handling", "-c"])
                .arg(source)
                .arg("-o")
                .arg(&object))?;
            let copies = if cfg.twice.contains(&format!("{stem}.wat")) { 2 } else { 1 };
            reference_objects.extend(std::iter::repeat_n(object, copies));
        }
        let link = |objects: &[PathBuf], out: &Path| -> Result<Vec<u8>, String> {
            run(Command::new(&ld)
                .args(["--no-entry", "--export=run", "-m", m])
                .arg(&main_o)
                .args(objects)
                .args(&cfg.ldflags)
                .arg("-o")
                .arg(out))?;
            let bytes = std::fs::read(out).map_err(|e| e.to_string())?;
            wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
                .validate_all(&bytes)
                .map_err(|e| format!("{} does not validate: {e}", out.display()))?;
            Ok(bytes)
        };
        let reference = work.join("reference.wasm");
        let reference_bytes = link(&reference_objects, &reference)?;
        let linked = work.join("program.wasm");
        let bytes = link(&objects, &linked)?;
        if !cfg.run {
            if code_section(&bytes) != code_section(&reference_bytes) {
                return Err(format!(
                    "the code of {} differs from the reference's ({})",
                    linked.display(),
                    reference.display()
                ));
            }
            return Ok(());
        }
        let host = case.join("host.mjs");
        let mut runner = vec![];
        if cfg.wasm64 {
            runner.push("--experimental-wasm-memory64".to_string());
        }
        runner.push(run_host.to_string_lossy().into_owned());
        if cfg.wasm64 {
            runner.extend(["--wasm64".to_string(), "--table64-to-32".to_string()]);
        }
        runner.extend(["--ext".to_string(), host.to_string_lossy().into_owned()]);
        let runner: Vec<&str> = runner.iter().map(String::as_str).collect();
        let expected = read(&case.join("expected.txt"));
        check_run(&runner, &reference, &expected, "the reference (clang-22, LLVM assembly)")?;
        check_run(&runner, &linked, &expected, "the program")
    });
}
