//! The examples of `examples/` assemble, link with their C drivers under wasm-ld-22 and run under
//! node with the output in `examples/NAME.expected` (the README's main command uses them).

use relwat::{Options, assemble};
use std::path::{Path, PathBuf};
use std::process::Command;

fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e} (is the tool installed? scripts/test installs it)"));
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn examples_link_with_c_and_run() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let work: PathBuf = root.join("target/tmp/examples");
    let sysroot = work.join("sysroot");
    relwat_snapshot::toolchain::make_wasi_sysroot(&sysroot).expect("the WASI sysroot");
    let mut ran = 0;
    for entry in std::fs::read_dir(root.join("examples")).expect("examples/") {
        let wat = entry.expect("entry").path();
        if wat.extension().is_none_or(|e| e != "wat") {
            continue;
        }
        let stem = wat.file_stem().expect("stem").to_string_lossy().into_owned();
        let src = std::fs::read_to_string(&wat).expect("read example");
        let out = assemble(&src, &Options::default());
        assert!(out.diagnostics.is_empty(), "{stem}: {:#?}", out.diagnostics);
        let obj = work.join(format!("{stem}.o"));
        std::fs::write(&obj, out.bytes.expect("object")).expect("write object");
        let program = work.join(format!("{stem}.wasm"));
        run(Command::new("clang-22")
            .args(["--target=wasm32-wasi", "-Wno-deprecated", "-O1"])
            .arg(format!("--sysroot={}", sysroot.display()))
            .arg(wat.with_extension("c"))
            .arg(&obj)
            .arg("-o")
            .arg(&program));
        let stdout =
            run(Command::new("node").arg("--no-warnings").arg(root.join("tests/e2e/run-wasi.mjs")).arg(&program));
        let expected = std::fs::read_to_string(wat.with_extension("expected")).expect("expected output");
        assert_eq!(stdout, expected, "{stem}: output differs");
        ran += 1;
    }
    assert!(ran > 0, "no examples found");
}
