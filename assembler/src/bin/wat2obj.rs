//! `wat2obj`: assembles WebAssembly text with linking annotations into a relocatable object (or,
//! with `--module`, a plain module).
//!
//! Exit status: 0 on success (warnings allowed), 1 when the input has errors, 2 for usage and I/O
//! errors, 3 for an internal error (the assembler panicked). On any error no output is written and
//! an existing output file is left as it was.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser};
use relwat::cli::Color;
use relwat::diagnostic::render;
use relwat::{Options, OutputKind};
use wasmparser::WasmFeatures;

/// Assemble WebAssembly text (with linking annotations) into a relocatable object file.
#[derive(Parser, Debug)]
#[command(
    name = "wat2obj",
    version,
    after_help = "Features (for --enable-FEATURE / --disable-FEATURE, also --enable FEATURE): \
                  all, simd, relaxed-simd, threads, multi-memory, memory64, gc, function-references, \
                  exceptions, legacy-exceptions, tail-call, bulk-memory, bulk-memory-opt, \
                  reference-types, call-indirect-overlong, multi-value, extended-const, \
                  wide-arithmetic, custom-page-sizes, custom-descriptors, saturating-float-to-int, \
                  sign-extension, mutable-globals. Everything is enabled by default; \
                  --disable-all keeps only the MVP. Flags apply in order."
)]
struct Cli {
    /// The input texts (`-` for standard input); several are assembled one by one, each into
    /// its own default output.
    #[arg(required_unless_present = "generate", value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Where to write the output (`-` for standard output, never a terminal). Default: the input
    /// with extension `.o` (`.wasm` with --module), which replaces only an earlier WebAssembly
    /// binary; standard output when the input is `-`.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,

    /// Write a plain module (minimal LEBs, no linking data) instead of a relocatable object.
    #[arg(long)]
    module: bool,

    /// Write a relocatable object: the default (wat2wasm's `-r`, which compiler drivers pass).
    #[arg(short = 'r', long, conflicts_with = "module")]
    relocatable: bool,

    /// Compile only: the default (rwat's `-c`).
    #[arg(short = 'c', conflicts_with = "module")]
    compile_only: bool,

    /// Say what is written, and where.
    #[arg(short, long)]
    verbose: bool,

    /// Do not validate: encode a text whose code does not type-check, as llvm-mc
    /// `-no-type-check` does (syntax, names and annotations are still checked).
    #[arg(long)]
    no_validate: bool,

    /// Enable a feature (also spelled `--enable-FEATURE`). Repeatable.
    #[arg(long, value_name = "FEATURE", action = clap::ArgAction::Append)]
    enable: Vec<String>,

    /// Disable a feature (also spelled `--disable-FEATURE`). Repeatable.
    #[arg(long, value_name = "FEATURE", action = clap::ArgAction::Append)]
    disable: Vec<String>,

    /// When to colour diagnostics.
    #[arg(long, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    color: Color,

    /// Show at most N diagnostics (errors and warnings, in source order), then how many more
    /// there are; 0 shows them all.
    #[arg(long, value_name = "N", default_value_t = 100)]
    error_limit: usize,

    /// Print a man page or shell completions (`man`, `complete-bash`, `complete-zsh`,
    /// `complete-fish`, `complete-powershell`, `complete-elvish`) to standard output, and exit.
    #[arg(long, value_enum, value_name = "KIND")]
    generate: Option<relwat::cli::Generate>,
}

/// Feature names (wat2wasm's spelling) and the validator flags they stand for.
const FEATURES: &[(&str, WasmFeatures)] = &[
    ("simd", WasmFeatures::SIMD),
    ("relaxed-simd", WasmFeatures::RELAXED_SIMD),
    ("threads", WasmFeatures::THREADS),
    ("multi-memory", WasmFeatures::MULTI_MEMORY),
    ("memory64", WasmFeatures::MEMORY64),
    ("gc", WasmFeatures::GC),
    ("function-references", WasmFeatures::FUNCTION_REFERENCES),
    ("exceptions", WasmFeatures::EXCEPTIONS),
    ("legacy-exceptions", WasmFeatures::LEGACY_EXCEPTIONS),
    ("tail-call", WasmFeatures::TAIL_CALL),
    ("bulk-memory", WasmFeatures::BULK_MEMORY),
    ("bulk-memory-opt", WasmFeatures::BULK_MEMORY_OPT),
    ("reference-types", WasmFeatures::REFERENCE_TYPES),
    ("call-indirect-overlong", WasmFeatures::CALL_INDIRECT_OVERLONG),
    ("multi-value", WasmFeatures::MULTI_VALUE),
    ("extended-const", WasmFeatures::EXTENDED_CONST),
    ("wide-arithmetic", WasmFeatures::WIDE_ARITHMETIC),
    ("custom-page-sizes", WasmFeatures::CUSTOM_PAGE_SIZES),
    ("custom-descriptors", WasmFeatures::CUSTOM_DESCRIPTORS),
    ("saturating-float-to-int", WasmFeatures::SATURATING_FLOAT_TO_INT),
    ("sign-extension", WasmFeatures::SIGN_EXTENSION),
    ("mutable-globals", WasmFeatures::MUTABLE_GLOBAL),
];

/// A failure that is not about the input text: usage (exit 2), I/O (exit 2), internal (exit 3).
struct Failure {
    message: String,
    code: u8,
}

fn usage(message: impl Into<String>) -> Failure {
    Failure { message: message.into(), code: 2 }
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(f) => {
            eprintln!("wat2obj: error: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

fn run() -> Result<ExitCode, Failure> {
    let args = split_feature_flags(std::env::args_os());
    let matches = match Cli::command().try_get_matches_from(args) {
        Ok(m) => m,
        Err(e) => {
            // Help and version go to stdout with status 0, usage errors to stderr with status 2.
            let _ = e.print();
            return Ok(ExitCode::from(if e.use_stderr() { 2 } else { 0 }));
        }
    };
    let cli = Cli::from_arg_matches(&matches).map_err(|e| usage(e.to_string().trim_end()))?;
    if let Some(kind) = cli.generate {
        relwat::cli::generate(kind, Cli::command(), &mut std::io::stdout().lock())
            .map_err(|e| Failure { message: format!("cannot write to standard output: {e}"), code: 2 })?;
        return Ok(ExitCode::SUCCESS);
    }
    let features = features(&matches)?;
    let color = cli.color.on_stderr();
    if cli.inputs.len() > 1 {
        if cli.output.is_some() {
            return Err(usage("-o names one output: give one input with it, or none for each input's own"));
        }
        if cli.inputs.iter().any(|i| i.as_os_str() == "-") {
            return Err(usage("`-` (standard input) cannot be given with other inputs"));
        }
    }
    // Each input on its own: a failure is reported and the next one assembled; the exit status is
    // the worst.
    let mut status = 0u8;
    for input in &cli.inputs {
        let code = match assemble_file(&cli, input, features, color) {
            Ok(code) => code,
            Err(f) if cli.inputs.len() == 1 => return Err(f),
            Err(f) => {
                eprintln!("wat2obj: error: {}", f.message);
                f.code
            }
        };
        status = status.max(code);
    }
    Ok(ExitCode::from(status))
}

/// Assembles one input into its output; the exit status (0 or 1), or a failure.
fn assemble_file(cli: &Cli, input: &Path, features: WasmFeatures, color: bool) -> Result<u8, Failure> {
    let stdin = input.as_os_str() == "-";
    let file_name = if stdin { "<stdin>".to_string() } else { input.display().to_string() };
    let output = match &cli.output {
        Some(o) => o.clone(),
        None if stdin => PathBuf::from("-"),
        None => {
            let out = input.with_extension(if cli.module { "wasm" } else { "o" });
            if out == *input {
                return Err(usage(format!(
                    "the default output `{}` is the input itself; name the output with -o",
                    out.display()
                )));
            }
            // The default name replaces only an earlier output (a WebAssembly binary), never a
            // file of another kind the user did not name.
            if let Ok(mut f) = std::fs::File::open(&out) {
                let mut head = [0u8; 4];
                let is_wasm = std::io::Read::read_exact(&mut f, &mut head).is_ok() && head == *b"\0asm";
                if !is_wasm {
                    return Err(usage(format!(
                        "`{}` exists and is not a WebAssembly binary: not replacing it; name the output with -o",
                        out.display()
                    )));
                }
            }
            out
        }
    };
    // Binary bytes on a terminal are of no use and can upset it (as wasm-tools refuses them).
    if output.as_os_str() == "-" && std::io::stdout().is_terminal() {
        return Err(usage(
            "refusing to write a binary to a terminal: redirect standard output or name a file with -o".to_string(),
        ));
    }

    // Read the input.
    let bytes = relwat::output::read(input).map_err(|message| Failure { message, code: 2 })?;
    // A binary module or object (`\0asm`) is no text: say what it is, not why it does not lex.
    if bytes.starts_with(b"\0asm") {
        return Err(Failure {
            message: format!(
                "{file_name} is a WebAssembly binary, not text; did you mean `obj2wat {file_name}` (to print it as text)?"
            ),
            code: 1,
        });
    }
    let source = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            // Report at the first bad byte; the lossy text keeps every offset before it.
            let at = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let d = relwat::diagnostic::Diagnostic::error(
                relwat::span::Span::new(at as u32, at as u32 + 1),
                "malformed UTF-8 encoding",
            )
            .with_label("the text must be UTF-8");
            eprint!("{}", render(&file_name, &lossy, &[d], color));
            return Ok(1);
        }
    };

    // Assemble. A panic is a bug in relwat: report it as such, and write nothing.
    let kind = if cli.module { OutputKind::Module } else { OutputKind::Object };
    let options = Options { features, output: kind, validate: !cli.no_validate };
    let assembled = catch_unwind(AssertUnwindSafe(|| relwat::assemble(&source, &options))).map_err(|_| Failure {
        message: "internal error: the assembler panicked (this is a bug in relwat)".into(),
        code: 3,
    })?;

    let diagnostics = &assembled.diagnostics;
    let shown = if cli.error_limit == 0 { diagnostics.len() } else { cli.error_limit.min(diagnostics.len()) };
    if shown > 0 {
        eprint!("{}", render(&file_name, &source, &diagnostics[..shown], color));
    }
    if shown < diagnostics.len() {
        let rest = &diagnostics[shown..];
        let errors = rest.iter().filter(|d| d.is_error()).count();
        eprintln!(
            "wat2obj: {} more diagnostics not shown ({errors} errors, {} warnings); `--error-limit 0` shows them all",
            rest.len(),
            rest.len() - errors
        );
    }
    if assembled.diagnostics.iter().any(|d| d.is_error()) {
        return Ok(1);
    }
    let Some(binary) = assembled.bytes else {
        return Err(Failure {
            message: "internal error: the assembler produced no output and no error".into(),
            code: 3,
        });
    };
    write_output(&output, &binary)?;
    if cli.verbose {
        eprintln!("wat2obj: wrote {} ({} bytes) from {file_name}", output.display(), binary.len());
    }
    Ok(0)
}

/// Rewrites `--enable-X` into `--enable X` (and `--disable-X` likewise) so that clap sees one
/// option with a value. Stops at `--`; leaves the value of `-o`/`--output` alone.
fn split_feature_flags(args: impl Iterator<Item = OsString>) -> Vec<OsString> {
    let mut out = Vec::new();
    let mut args = args.peekable();
    if let Some(program) = args.next() {
        out.push(program);
    }
    while let Some(arg) = args.next() {
        let s = arg.to_str();
        if s == Some("--") {
            out.push(arg);
            out.extend(args);
            break;
        }
        if matches!(s, Some("-o" | "--output")) {
            out.push(arg);
            out.extend(args.next());
            continue;
        }
        let split = s.and_then(|s| {
            ["--enable-", "--disable-"].iter().find_map(|p| {
                s.strip_prefix(p).map(|feature| (p.trim_end_matches('-').to_string(), feature.to_string()))
            })
        });
        match split {
            Some((flag, feature)) => {
                out.push(OsString::from(flag));
                out.push(OsString::from(feature));
            }
            None => out.push(arg),
        }
    }
    out
}

/// Applies every `--enable`/`--disable` in command-line order, starting from all features.
fn features(matches: &clap::ArgMatches) -> Result<WasmFeatures, Failure> {
    let mut changes: Vec<(usize, bool, &str)> = Vec::new();
    for (id, on) in [("enable", true), ("disable", false)] {
        if let (Some(values), Some(indices)) = (matches.get_many::<String>(id), matches.indices_of(id)) {
            changes.extend(indices.zip(values).map(|(i, v)| (i, on, v.as_str())));
        }
    }
    changes.sort_by_key(|c| c.0);
    let mut features = WasmFeatures::all();
    for (_, on, name) in changes {
        // wat2wasm's `--enable-annotations`: annotations are always read.
        if name == "annotations" {
            continue;
        }
        let flags = if name == "all" {
            if on {
                features = WasmFeatures::all();
            } else {
                // Floats and the MVP's value types are not proposals: they stay.
                features = WasmFeatures::MVP;
            }
            continue;
        } else {
            match FEATURES.iter().find(|(n, _)| *n == name) {
                Some((_, flags)) => *flags,
                None => {
                    let known: Vec<&str> = std::iter::once("all").chain(FEATURES.iter().map(|(n, _)| *n)).collect();
                    let flag = if on { "enable" } else { "disable" };
                    return Err(usage(format!(
                        "unknown feature `{name}` in --{flag}-{name}\n  known features: {}",
                        known.join(", ")
                    )));
                }
            }
        };
        features.set(flags, on);
    }
    Ok(features)
}

/// Writes the output atomically: a temporary file in the output's directory, renamed over the
/// output only once it is complete. Standard output and non-regular files (`/dev/null`, pipes)
/// are written directly.
fn write_output(output: &Path, bytes: &[u8]) -> Result<(), Failure> {
    relwat::output::write(output, bytes).map_err(|message| Failure { message, code: 2 })
}
