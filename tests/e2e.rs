//! End-to-end tests: "the linker is the judge".
//!
//! Every folder `tests/e2e/<case>/` holds annotated WAT (`lib.wat`), the equivalent LLVM assembly
//! (`equiv.s`), a C driver (`main.c`), the exact expected standard output (`expected.txt`) and a
//! `case.txt` of settings (see `tests/e2e/README.md`). For each case:
//!
//! 1. reference path: `equiv.s` is assembled with llvm-mc-22, `main.c` compiled with clang-22, both
//!    linked with wasm-ld-22 and run with node; the output must equal `expected.txt`. This proves the
//!    case itself right, whatever relwat does. The relocation types in `equiv.o` must be exactly the
//!    ones `case.txt` declares in `relocs`.
//! 2. relwat path: `lib.wat` is assembled with `relwat::assemble` (object output, no error and no
//!    warning), validated with wasmparser (all features), disassembled with `llvm-objdump-22 -d -r`
//!    (no warning), linked with the same `main.o` and run: the output must equal `expected.txt`.
//! 3. comparison: `lib.o` and `equiv.o` are read with `llvm-readobj-22 --symbols --relocations
//!    --sections` and `obj2yaml-22` and must agree on symbols (name, kind, flags, aliases, data
//!    segment/offset/size), relocations per section (type, symbol, addend; offsets ignored),
//!    segment info (name, alignment, flags), init functions, comdats, imports, exports and custom
//!    section names.
//!
//! Besides, the `relocs` of all cases together must cover every relocation type 0–26 of LLVM 22.
//!
//! This is a `harness = false` test: it prints libtest-style lines (`test <case>/reference ... ok`)
//! and a closing `test result:` line. Arguments: an optional filter (substring of the case name);
//! libtest flags such as `--show-output` are accepted and ignored. `E2E_JOBS` sets the number of cases
//! run at once (default 2). Build products stay in `target/tmp/e2e/<case>/` for inspection, with the
//! normalised descriptions compared in step 3 (`lib.o.txt`, `equiv.o.txt`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use relwat_snapshot::toolchain::{BUILTINS, WASI_INCLUDE, WASI_LIB, make_wasi_sysroot, which};

#[path = "e2e_objects.rs"]
mod objects;
use objects::*;

/// The relocation types of LLVM 22 (`llvm/BinaryFormat/WasmRelocs.def`), by value.
const RELOC_TYPES: [&str; 27] = [
    "R_WASM_FUNCTION_INDEX_LEB",
    "R_WASM_TABLE_INDEX_SLEB",
    "R_WASM_TABLE_INDEX_I32",
    "R_WASM_MEMORY_ADDR_LEB",
    "R_WASM_MEMORY_ADDR_SLEB",
    "R_WASM_MEMORY_ADDR_I32",
    "R_WASM_TYPE_INDEX_LEB",
    "R_WASM_GLOBAL_INDEX_LEB",
    "R_WASM_FUNCTION_OFFSET_I32",
    "R_WASM_SECTION_OFFSET_I32",
    "R_WASM_TAG_INDEX_LEB",
    "R_WASM_MEMORY_ADDR_REL_SLEB",
    "R_WASM_TABLE_INDEX_REL_SLEB",
    "R_WASM_GLOBAL_INDEX_I32",
    "R_WASM_MEMORY_ADDR_LEB64",
    "R_WASM_MEMORY_ADDR_SLEB64",
    "R_WASM_MEMORY_ADDR_I64",
    "R_WASM_MEMORY_ADDR_REL_SLEB64",
    "R_WASM_TABLE_INDEX_SLEB64",
    "R_WASM_TABLE_INDEX_I64",
    "R_WASM_TABLE_NUMBER_LEB",
    "R_WASM_MEMORY_ADDR_TLS_SLEB",
    "R_WASM_FUNCTION_OFFSET_I64",
    "R_WASM_MEMORY_ADDR_LOCREL_I32",
    "R_WASM_TABLE_INDEX_REL_SLEB64",
    "R_WASM_MEMORY_ADDR_TLS_SLEB64",
    "R_WASM_FUNCTION_INDEX_I32",
];

/// `llvm::wasm::relocTypeHasAddend`: memory addresses, function and section offsets.
fn reloc_has_addend(ty: &str) -> bool {
    ty.contains("MEMORY_ADDR") || ty.contains("FUNCTION_OFFSET") || ty.contains("SECTION_OFFSET")
}

/// Symbol flags (Linking.md / LLVM), in the order they are printed.
const SYMBOL_FLAGS: [(u32, &str); 10] = [
    (0x1, "WEAK"),
    (0x2, "LOCAL"),
    (0x4, "HIDDEN"),
    (0x10, "UNDEFINED"),
    (0x20, "EXPORTED"),
    (0x40, "EXPLICIT_NAME"),
    (0x80, "NO_STRIP"),
    (0x100, "TLS"),
    (0x200, "ABSOLUTE"),
    (0x8, "0x8"),
];

// ------------------------------------------------------------------------------------------------
// Tools

/// The external programs, found on `PATH`. A missing one fails the test.
struct Tools {
    clang: PathBuf,
    clangxx: PathBuf,
    mc: PathBuf,
    ld: PathBuf,
    readobj: PathBuf,
    objdump: PathBuf,
    obj2yaml: PathBuf,
    node: PathBuf,
    /// `--sysroot` for `--target=wasm32-wasi`: `include` and `lib/wasm32-wasi` link to wasi-libc.
    sysroot: PathBuf,
    /// compiler-rt builtins for wasm32 (WASI links).
    builtins: PathBuf,
}

impl Tools {
    fn find(work: &Path) -> Result<Tools, String> {
        let mut missing = Vec::new();
        let mut tool = |name: &str, package: &str| {
            which(name).unwrap_or_else(|| {
                missing.push(format!("command `{name}` (Debian package {package})"));
                PathBuf::from(name)
            })
        };
        let clang = tool("clang-22", "clang-22");
        let clangxx = tool("clang++-22", "clang-22");
        let mc = tool("llvm-mc-22", "llvm-22");
        let ld = tool("wasm-ld-22", "lld-22");
        let readobj = tool("llvm-readobj-22", "llvm-22");
        let objdump = tool("llvm-objdump-22", "llvm-22");
        let obj2yaml = tool("obj2yaml-22", "llvm-22");
        let node = tool("node", "nodejs");
        for (file, package) in [
            (format!("{WASI_INCLUDE}/stdio.h"), "wasi-libc"),
            (format!("{WASI_LIB}/libc.a"), "wasi-libc"),
            (format!("{WASI_LIB}/crt1.o"), "wasi-libc"),
            (BUILTINS.to_string(), "libclang-rt-22-dev-wasm32"),
        ] {
            if !Path::new(&file).is_file() {
                missing.push(format!("file {file} (Debian package {package})"));
            }
        }
        if !missing.is_empty() {
            return Err(format!("the end-to-end tests need tools that are not installed:\n  {}", missing.join("\n  ")));
        }
        // node 20 or later: tail calls and legacy exception handling without flags, memory64 behind
        // --experimental-wasm-memory64 (Debian 12's own nodejs 18 lacks the tail calls).
        let version = Command::new(&node).arg("--version").output().map_err(|e| format!("cannot run node: {e}"))?;
        let version = String::from_utf8_lossy(&version.stdout).trim().to_string();
        let major: u32 = version.trim_start_matches('v').split('.').next().and_then(|m| m.parse().ok()).unwrap_or(0);
        if major < 20 {
            return Err(format!("the end-to-end tests need node 20 or later, found `{version}` at {}", node.display()));
        }
        let sysroot = work.join("sysroot");
        make_wasi_sysroot(&sysroot).map_err(|e| format!("cannot make the WASI sysroot {}: {e}", sysroot.display()))?;
        Ok(Tools {
            clang,
            clangxx,
            mc,
            ld,
            readobj,
            objdump,
            obj2yaml,
            node,
            sysroot,
            builtins: PathBuf::from(BUILTINS),
        })
    }
}

// ------------------------------------------------------------------------------------------------
// Case settings

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    /// `--target=wasm32-wasi`, linked with crt1.o and wasi-libc, run by `run-wasi.mjs`.
    Wasi,
    /// Freestanding wasm32 (`--target=wasm32-unknown-unknown`), `--no-entry`, run by `run-host.mjs`.
    Wasm32,
    /// Freestanding wasm64 (`--target=wasm64-unknown-unknown`), `-mwasm64 --no-entry`.
    Wasm64,
}

#[derive(Debug)]
struct CaseConfig {
    description: String,
    target: Target,
    /// `wasi` (run-wasi.mjs) or `host` (run-host.mjs).
    runner: String,
    runner_args: Vec<String>,
    node_flags: Vec<String>,
    cflags: Vec<String>,
    ldflags: Vec<String>,
    mcflags: Vec<String>,
    extra_sources: Vec<String>,
    exit_code: i32,
    relocs: BTreeSet<String>,
    features: Vec<String>,
}

fn words(value: &str) -> Vec<String> {
    value.split_whitespace().map(str::to_string).collect()
}

fn parse_case_config(text: &str) -> Result<CaseConfig, String> {
    let mut map = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(format!("case.txt:{}: expected `key = value`", n + 1));
        };
        let key = key.trim().to_string();
        if map.insert(key.clone(), value.trim().to_string()).is_some() {
            return Err(format!("case.txt:{}: `{key}` given twice", n + 1));
        }
    }
    let known = [
        "description",
        "target",
        "runner",
        "runner_args",
        "node_flags",
        "cflags",
        "ldflags",
        "mcflags",
        "extra_sources",
        "exit_code",
        "relocs",
        "features",
    ];
    if let Some(k) = map.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(format!("case.txt: unknown key `{k}` (known: {})", known.join(", ")));
    }
    let get = |k: &str| map.get(k).cloned().unwrap_or_default();
    let target = match get("target").as_str() {
        "" | "wasi" => Target::Wasi,
        "wasm32" => Target::Wasm32,
        "wasm64" => Target::Wasm64,
        other => return Err(format!("case.txt: unknown target `{other}` (wasi, wasm32, wasm64)")),
    };
    let runner = match get("runner").as_str() {
        "" if target == Target::Wasi => "wasi".to_string(),
        "" => "host".to_string(),
        r @ ("wasi" | "host") => r.to_string(),
        other => return Err(format!("case.txt: unknown runner `{other}` (wasi, host)")),
    };
    let relocs: BTreeSet<String> =
        get("relocs").split([',', ' ']).filter(|s| !s.is_empty()).map(str::to_string).collect();
    for required in ["description", "relocs", "features"] {
        if get(required).is_empty() {
            return Err(format!("case.txt: `{required}` is required"));
        }
    }
    if let Some(bad) = relocs.iter().find(|r| !RELOC_TYPES.contains(&r.as_str())) {
        return Err(format!("case.txt: `relocs` names an unknown relocation type `{bad}`"));
    }
    let exit_code = match map.get("exit_code") {
        None => 0,
        Some(v) => v.parse().map_err(|_| format!("case.txt: bad exit_code `{v}`"))?,
    };
    Ok(CaseConfig {
        description: get("description"),
        target,
        runner,
        runner_args: words(&get("runner_args")),
        node_flags: words(&get("node_flags")),
        cflags: words(&get("cflags")),
        ldflags: words(&get("ldflags")),
        mcflags: words(&get("mcflags")),
        extra_sources: words(&get("extra_sources")),
        exit_code,
        relocs,
        features: get("features").split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
    })
}

// ------------------------------------------------------------------------------------------------
// Running commands

fn shell_quote(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./=:+,@%".contains(c)) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

fn show_command(cmd: &Command) -> String {
    let mut s = String::new();
    if let Some(dir) = cmd.get_current_dir() {
        let _ = write!(s, "(cd {} && ", shell_quote(&dir.to_string_lossy()));
    }
    s.push_str(&shell_quote(&cmd.get_program().to_string_lossy()));
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&shell_quote(&a.to_string_lossy()));
    }
    if cmd.get_current_dir().is_some() {
        s.push(')');
    }
    s
}

/// Runs a command to completion; an error text names the command and shows its output.
fn run(cmd: &mut Command) -> Result<Output, String> {
    let shown = show_command(cmd);
    let out = cmd.stdin(Stdio::null()).output().map_err(|e| format!("cannot run `{shown}`: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "`{shown}` failed ({}):\n{}{}",
            out.status,
            indent(&String::from_utf8_lossy(&out.stderr)),
            indent(&String::from_utf8_lossy(&out.stdout)),
        ));
    }
    Ok(out)
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("    {l}\n")).collect()
}

fn path_str(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

// ------------------------------------------------------------------------------------------------
// One case

struct Case {
    name: String,
    dir: PathBuf,
}

#[derive(Default)]
struct CaseResult {
    name: String,
    description: String,
    relocs: BTreeSet<String>,
    /// `None` = ok; otherwise the failure report.
    reference: Option<String>,
    relwat: Option<String>,
    relwat_summary: String,
    time: Duration,
}

struct Ctx<'a> {
    tools: &'a Tools,
    e2e_dir: &'a Path,
    case_dir: &'a Path,
    work: PathBuf,
    cfg: CaseConfig,
}

impl Ctx<'_> {
    fn triple(&self) -> &'static str {
        match self.cfg.target {
            Target::Wasm64 => "wasm64-unknown-unknown",
            _ => "wasm32-unknown-unknown",
        }
    }

    fn compile(&self, source: &str, output: &Path) -> Result<(), String> {
        let cxx = source.ends_with(".cpp") || source.ends_with(".cc");
        let mut cmd = Command::new(if cxx { &self.tools.clangxx } else { &self.tools.clang });
        match self.cfg.target {
            Target::Wasi => {
                cmd.arg("--target=wasm32-wasi")
                    .arg("-Wno-deprecated")
                    .arg(format!("--sysroot={}", path_str(&self.tools.sysroot)));
            }
            Target::Wasm32 => {
                cmd.arg("--target=wasm32-unknown-unknown").arg("-ffreestanding");
            }
            Target::Wasm64 => {
                cmd.arg("--target=wasm64-unknown-unknown").arg("-ffreestanding");
            }
        }
        if cxx {
            cmd.args(["-fno-exceptions", "-fno-rtti"]);
        }
        cmd.arg("-O1").arg("-Werror").arg(format!("-I{}", path_str(&self.e2e_dir.join("common"))));
        cmd.args(&self.cfg.cflags).arg("-c").arg(self.case_dir.join(source)).arg("-o").arg(output);
        run(&mut cmd).map(|_| ())
    }

    /// Links `main.o`, the library object and the extra objects into `output`.
    fn link(&self, lib: &Path, extras: &[PathBuf], output: &Path) -> Result<(), String> {
        let mut cmd = Command::new(&self.tools.ld);
        match self.cfg.target {
            Target::Wasi => {
                cmd.args(["-m", "wasm32"]).arg(format!("-L{WASI_LIB}")).arg(format!("{WASI_LIB}/crt1.o"));
            }
            Target::Wasm32 => {
                cmd.args(["-m", "wasm32", "--no-entry", "--export-if-defined=__wasm_call_ctors"]);
            }
            Target::Wasm64 => {
                cmd.args(["-m", "wasm64", "--no-entry", "--export-if-defined=__wasm_call_ctors"]);
            }
        }
        cmd.arg(self.work.join("main.o")).arg(lib).args(extras);
        if self.cfg.target == Target::Wasi {
            cmd.arg("-lc").arg(&self.tools.builtins);
        }
        cmd.args(&self.cfg.ldflags).arg("-o").arg(output);
        run(&mut cmd).map(|_| ())
    }

    /// Runs the linked program; checks the exit status and the output against `expected.txt`.
    fn execute(&self, wasm: &Path, expected: &str) -> Result<(), String> {
        let script = self.e2e_dir.join(if self.cfg.runner == "wasi" { "run-wasi.mjs" } else { "run-host.mjs" });
        let mut cmd = Command::new(&self.tools.node);
        cmd.current_dir(self.case_dir).arg("--no-warnings").args(&self.cfg.node_flags).arg(&script);
        cmd.args(&self.cfg.runner_args).arg(wasm);
        let shown = show_command(&cmd);
        let out = cmd.stdin(Stdio::null()).output().map_err(|e| format!("cannot run `{shown}`: {e}"))?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let mut problems = String::new();
        if out.status.code() != Some(self.cfg.exit_code) {
            let _ = writeln!(problems, "exit status {} (expected {})", out.status, self.cfg.exit_code);
        }
        if stdout != expected {
            let _ = writeln!(problems, "standard output differs from expected.txt:\n{}", text_diff(expected, &stdout));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            if !stderr.trim().is_empty() {
                let _ = writeln!(problems, "standard error:\n{}", indent(&stderr));
            }
            Err(format!("`{shown}`: {problems}"))
        }
    }
}

/// A short line diff: the first differing line with some context, and both line counts.
fn text_diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let mut s = String::new();
    let first = (0..e.len().max(a.len())).find(|&i| e.get(i) != a.get(i)).unwrap_or(0);
    let from = first.saturating_sub(2);
    for i in from..(first + 6).min(e.len().max(a.len())) {
        match (e.get(i), a.get(i)) {
            (Some(x), Some(y)) if x == y => {
                let _ = writeln!(s, "      {:>3}   {x}", i + 1);
            }
            (x, y) => {
                if let Some(x) = x {
                    let _ = writeln!(s, "    - {:>3}   {x}", i + 1);
                }
                if let Some(y) = y {
                    let _ = writeln!(s, "    + {:>3}   {y}", i + 1);
                }
            }
        }
    }
    if expected.ends_with('\n') != actual.ends_with('\n') {
        let _ = writeln!(s, "    (final newline differs)");
    }
    let _ = writeln!(s, "    (- expected.txt: {} lines, + actual: {} lines)", e.len(), a.len());
    s
}

fn run_case(tools: &Tools, e2e_dir: &Path, work_root: &Path, case: &Case) -> CaseResult {
    let start = Instant::now();
    let mut result = CaseResult { name: case.name.clone(), ..CaseResult::default() };
    let cfg = match std::fs::read_to_string(case.dir.join("case.txt"))
        .map_err(|e| format!("cannot read case.txt: {e}"))
        .and_then(|t| parse_case_config(&t))
    {
        Ok(c) => c,
        Err(e) => {
            result.reference = Some(e.clone());
            result.relwat = Some("not run: case.txt is broken".into());
            result.relwat_summary = "not run".into();
            return result;
        }
    };
    result.description = format!("{} [covers: {}]", cfg.description, cfg.features.join(", "));
    result.relocs = cfg.relocs.clone();
    let work = work_root.join(&case.name);
    let _ = std::fs::remove_dir_all(&work);
    if let Err(e) = std::fs::create_dir_all(&work) {
        result.reference = Some(format!("cannot create {}: {e}", work.display()));
        return result;
    }
    let ctx = Ctx { tools, e2e_dir, case_dir: &case.dir, work: work.clone(), cfg };

    // The C side, shared by both paths.
    let mut extras = Vec::new();
    let mut prepared = ctx.compile("main.c", &work.join("main.o"));
    for (i, src) in ctx.cfg.extra_sources.iter().enumerate() {
        let obj = work.join(format!("extra{i}.o"));
        prepared = prepared.and_then(|()| ctx.compile(src, &obj));
        extras.push(obj);
    }
    let expected =
        std::fs::read_to_string(case.dir.join("expected.txt")).map_err(|e| format!("cannot read expected.txt: {e}"));

    // 1. Reference path.
    let equiv_o = work.join("equiv.o");
    let reference = (|| -> Result<(), String> {
        let expected = expected.clone()?;
        let mut mc = Command::new(&tools.mc);
        mc.arg(format!("-triple={}", ctx.triple())).arg("-mcpu=generic").args(&ctx.cfg.mcflags);
        mc.arg("-filetype=obj").arg(case.dir.join("equiv.s")).arg("-o").arg(&equiv_o);
        let out = run(&mut mc).map_err(|e| format!("step mc (assemble equiv.s): {e}"))?;
        if !out.stderr.is_empty() {
            return Err(format!("step mc: llvm-mc-22 warned:\n{}", indent(&String::from_utf8_lossy(&out.stderr))));
        }
        prepared.clone().map_err(|e| format!("step cc (compile the C side): {e}"))?;
        let seen = reloc_types_in(tools, &equiv_o)?;
        if seen != ctx.cfg.relocs {
            return Err(format!(
                "step relocs: case.txt `relocs` does not match equiv.o\n    declared but absent: {:?}\n    present but undeclared: {:?}",
                ctx.cfg.relocs.difference(&seen).collect::<Vec<_>>(),
                seen.difference(&ctx.cfg.relocs).collect::<Vec<_>>()
            ));
        }
        let wasm = work.join("reference.wasm");
        ctx.link(&equiv_o, &extras, &wasm).map_err(|e| format!("step link: {e}"))?;
        ctx.execute(&wasm, &expected).map_err(|e| format!("step run: {e}"))
    })();
    result.reference = reference.err();

    // 2. relwat path, and 3. comparison: every step that can run does, so that one report shows all.
    let mut report = String::new();
    let mut failed_steps = Vec::new();
    let mut fail = |step: &str, text: String| {
        failed_steps.push(step.to_string());
        let _ = writeln!(report, "step {step}: {text}");
    };
    let lib_o = work.join("lib.o");
    let assembled = (|| -> Result<(), String> {
        let source =
            std::fs::read_to_string(case.dir.join("lib.wat")).map_err(|e| format!("cannot read lib.wat: {e}"))?;
        let shown = format!("tests/e2e/{}/lib.wat", case.name);
        let out = std::panic::catch_unwind(|| relwat::assemble(&source, &relwat::Options::default()))
            .map_err(|p| format!("relwat::assemble panicked: {}", panic_text(&p)))?;
        let errors = out.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = out.diagnostics.len() - errors;
        if errors > 0 || warnings > 0 {
            let rendered = relwat::diagnostic::render(&shown, &source, &out.diagnostics, false);
            return Err(format!(
                "{errors} errors, {warnings} warnings (the corpus must assemble cleanly):\n{}",
                indent(&rendered)
            ));
        }
        let bytes = out.bytes.ok_or("no output and no error")?;
        std::fs::write(&lib_o, &bytes).map_err(|e| format!("cannot write {}: {e}", lib_o.display()))?;
        Ok(())
    })();
    if let Err(e) = assembled {
        fail("assemble", e);
    } else {
        let bytes = std::fs::read(&lib_o).unwrap_or_default();
        let mut validator = wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all());
        if let Err(e) = validator.validate_all(&bytes) {
            fail("validate", format!("wasmparser rejects lib.o: {e}"));
        }
        match run(Command::new(&tools.objdump).args(["-d", "-r"]).arg(&lib_o)) {
            Err(e) => fail("objdump", e),
            Ok(out) if !out.stderr.is_empty() => fail(
                "objdump",
                format!("llvm-objdump-22 -d -r lib.o warned:\n{}", indent(&String::from_utf8_lossy(&out.stderr))),
            ),
            Ok(_) => {}
        }
        match (&prepared, &expected) {
            (Err(e), _) => fail("link", format!("not run, the C side did not compile: {e}")),
            (_, Err(e)) => fail("run", e.clone()),
            (Ok(()), Ok(expected)) => {
                let wasm = work.join("relwat.wasm");
                match ctx.link(&lib_o, &extras, &wasm) {
                    Err(e) => fail("link", e),
                    Ok(()) => {
                        if let Err(e) = ctx.execute(&wasm, expected) {
                            fail("run", e);
                        }
                    }
                }
            }
        }
        if equiv_o.is_file() {
            match (describe_object(tools, &lib_o), describe_object(tools, &equiv_o)) {
                (Err(e), _) => fail("compare", format!("cannot read lib.o: {e}")),
                (_, Err(e)) => fail("compare", format!("cannot read equiv.o: {e}")),
                (Ok(ours), Ok(theirs)) => {
                    // The normalised descriptions, for a look by hand.
                    let _ = std::fs::write(work.join("lib.o.txt"), show_description(&ours));
                    let _ = std::fs::write(work.join("equiv.o.txt"), show_description(&theirs));
                    let (n, diff) = compare_descriptions(&theirs, &ours);
                    if n > 0 {
                        fail("compare", format!("{n} differences between lib.o (+) and equiv.o (-):\n{diff}"));
                    }
                }
            }
        } else {
            fail("compare", "not run: equiv.o was not built".into());
        }
    }
    result.relwat_summary =
        if failed_steps.is_empty() { "ok".into() } else { format!("FAILED at {}", failed_steps.join(", ")) };
    if !report.is_empty() {
        let _ = writeln!(report, "(build products in {})", work.display());
        result.relwat = Some(report);
    }
    if let Some(r) = &mut result.reference {
        let _ = writeln!(r, "(build products in {})", work.display());
    }
    result.time = start.elapsed();
    result
}

fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned()).unwrap_or_default()
}

// ------------------------------------------------------------------------------------------------
// Main

fn main() {
    let start = Instant::now();
    // libtest-like arguments: a filter, `--list`, `--ignored`; other flags are accepted and ignored
    // (with the value of those that take one).
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut filter: Option<String> = None;
    let (mut list, mut ignored_only) = (false, false);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--list" => list = true,
            "--ignored" => ignored_only = true,
            "--test-threads" | "--skip" | "--color" | "--format" | "--logfile" | "-Z" | "--shuffle-seed" => {
                it.next();
            }
            f if f.starts_with('-') => {}
            f => filter = Some(f.to_string()),
        }
    }
    let e2e_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("e2e");
    let work_root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e");

    let mut cases: Vec<Case> = match std::fs::read_dir(&e2e_dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.join("case.txt").is_file())
            .map(|dir| Case { name: dir.file_name().unwrap().to_string_lossy().into_owned(), dir })
            .collect(),
        Err(e) => {
            eprintln!("e2e: cannot list {}: {e}", e2e_dir.display());
            std::process::exit(101);
        }
    };
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    let total_cases = cases.len();
    if let Some(f) = &filter {
        cases.retain(|c| c.name.contains(f.as_str()));
    }
    let filtered_out = total_cases - cases.len();
    // Every directory under e2e/ except `common` must be a case.
    if let Ok(rd) = std::fs::read_dir(&e2e_dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() && p.file_name().is_some_and(|n| n != "common") && !p.join("case.txt").is_file() {
                eprintln!("e2e: warning: {} has no case.txt and is not run", p.display());
            }
        }
    }

    if list {
        for c in &cases {
            println!("{}/reference: test\n{}/relwat: test", c.name, c.name);
        }
        println!("corpus/coverage: test");
        return;
    }
    if ignored_only {
        // No e2e test is #[ignore]d: like libtest, run none.
        println!(
            "\nrunning 0 tests\n\ntest result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; {} filtered out; finished in 0.00s\n",
            cases.len() * 2 + 1
        );
        return;
    }
    println!(
        "\nrunning {} e2e cases ({} tests: reference and relwat path per case, plus corpus coverage)",
        cases.len(),
        cases.len() * 2 + 1
    );
    let _ = std::fs::create_dir_all(&work_root);
    let tools = match Tools::find(&work_root) {
        Ok(t) => t,
        Err(e) => {
            println!("test e2e/tools ... FAILED\n\n{e}\n");
            println!(
                "test result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n"
            );
            std::process::exit(101);
        }
    };

    let jobs: usize = std::env::var("E2E_JOBS").ok().and_then(|j| j.parse().ok()).filter(|&j| j > 0).unwrap_or(2);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<CaseResult>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..jobs.min(cases.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(case) = cases.get(i) else { break };
                    let r = run_case(&tools, &e2e_dir, &work_root, case);
                    let status = |x: &Option<String>| if x.is_none() { "ok" } else { "FAILED" };
                    println!(
                        "test {}/reference ... {}\ntest {}/relwat ... {}   [{}, {:.1}s]",
                        r.name,
                        status(&r.reference),
                        r.name,
                        status(&r.relwat),
                        r.relwat_summary,
                        r.time.as_secs_f64()
                    );
                    results.lock().unwrap().push(r);
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by(|a, b| a.name.cmp(&b.name));

    // Corpus coverage of the relocation types (only meaningful when every case ran).
    let covered: BTreeSet<String> = results.iter().flat_map(|r| r.relocs.iter().cloned()).collect();
    let uncovered: Vec<&str> = RELOC_TYPES.iter().copied().filter(|t| !covered.contains(*t)).collect();
    let coverage_failure = if filter.is_none() && !uncovered.is_empty() {
        Some(format!("relocation types not covered by any case: {uncovered:?}"))
    } else {
        None
    };
    println!(
        "test corpus/coverage ... {}",
        if filter.is_some() {
            "ok (filtered run: not checked)"
        } else if coverage_failure.is_none() {
            "ok"
        } else {
            "FAILED"
        }
    );

    // Details of the failures.
    let mut failures = Vec::new();
    for r in &results {
        if let Some(f) = &r.reference {
            failures.push((format!("{}/reference", r.name), f.clone()));
        }
        if let Some(f) = &r.relwat {
            failures.push((format!("{}/relwat", r.name), f.clone()));
        }
    }
    if let Some(f) = &coverage_failure {
        failures.push(("corpus/coverage".into(), f.clone()));
    }
    if !failures.is_empty() {
        println!("\nfailures:\n");
        for (name, text) in &failures {
            let about = results
                .iter()
                .find(|r| name.split('/').next() == Some(r.name.as_str()))
                .map(|r| r.description.as_str());
            println!("---- {name} ----\n{}{text}", about.map(|d| format!("({d})\n")).unwrap_or_default());
        }
    }

    // Summary table.
    println!("\ne2e summary ({} cases):", results.len());
    println!("  {:<16} {:<10} {:<44} relocation types", "case", "reference", "relwat path");
    for r in &results {
        let short: Vec<String> = r.relocs.iter().map(|t| t.trim_start_matches("R_WASM_").to_string()).collect();
        println!(
            "  {:<16} {:<10} {:<44} {}",
            r.name,
            if r.reference.is_none() { "ok" } else { "FAILED" },
            r.relwat_summary,
            short.join(" ")
        );
    }
    println!("  relocation types covered: {}/{}", RELOC_TYPES.len() - uncovered.len(), RELOC_TYPES.len());

    let failed = failures.len();
    let passed = results.len() * 2 + 1 - failed;
    let ok = failed == 0;
    println!(
        "\ntest result: {}. {passed} passed; {failed} failed; 0 ignored; 0 measured; {filtered_out} filtered out; finished in {:.2}s\n",
        if ok { "ok" } else { "FAILED" },
        start.elapsed().as_secs_f64()
    );
    if !ok {
        std::process::exit(101);
    }
}
