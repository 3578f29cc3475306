//! `obj2wat`: prints a relocatable WebAssembly object as annotated text that `wat2obj`
//! re-assembles byte for byte.
//!
//! Exit status: 0 on success (warnings about what the text cannot express are printed but do not
//! fail), 1 when the input is not an object or is malformed, 2 for usage and I/O errors. On any
//! error no output is written and an existing output file is left as it was.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use relwat::cli::Color;

/// Print a relocatable WebAssembly object as WebAssembly text with linking annotations.
#[derive(Parser, Debug)]
#[command(name = "obj2wat", version)]
struct Cli {
    /// The input object (`-` for standard input).
    #[arg(required_unless_present = "generate")]
    input: Option<PathBuf>,

    /// Where to write the text (`-` for standard output, the default; with --check and no -o the
    /// text is not written).
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,

    /// Also re-assemble the text and compare it with the input; report the first difference
    /// (exit status 1 when they differ beyond the symbol-table order).
    #[arg(long)]
    check: bool,

    /// Do not print warnings about what the text cannot express.
    #[arg(short, long)]
    quiet: bool,

    /// When to colour diagnostics.
    #[arg(long, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    color: Color,

    /// Print a man page or shell completions (`man`, `complete-bash`, `complete-zsh`,
    /// `complete-fish`, `complete-powershell`, `complete-elvish`) to standard output, and exit.
    #[arg(long, value_enum, value_name = "KIND")]
    generate: Option<relwat::cli::Generate>,
}

struct Failure {
    message: String,
    code: u8,
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(f) => {
            eprintln!("obj2wat: error: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

fn run() -> Result<ExitCode, Failure> {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return Ok(ExitCode::from(if e.use_stderr() { 2 } else { 0 }));
        }
    };
    if let Some(kind) = cli.generate {
        relwat::cli::generate(kind, Cli::command(), &mut std::io::stdout().lock())
            .map_err(|e| Failure { message: format!("cannot write to standard output: {e}"), code: 2 })?;
        return Ok(ExitCode::SUCCESS);
    }
    let input = cli.input.clone().expect("clap requires it without --generate");
    let stdin = input.as_os_str() == "-";
    // As wasm2wat and `wasm-tools print`: the text goes to standard output unless a file is
    // named, so no file the user did not name (such as the hand-written `IN.wat`) is replaced.
    // With --check and no -o, the check is what is asked: the text is not printed.
    let output = match &cli.output {
        Some(o) => Some(o.clone()),
        None if cli.check => None,
        None => Some(PathBuf::from("-")),
    };
    let bytes = relwat::output::read(&input).map_err(|message| Failure { message, code: 2 })?;
    let shown = if stdin { "<stdin>".to_string() } else { input.display().to_string() };
    let printed = catch_unwind(AssertUnwindSafe(|| relwat::print::print_object(&bytes)))
        .map_err(|_| Failure {
            message: "internal error: the printer panicked (this is a bug in relwat)".into(),
            code: 3,
        })?
        .map_err(|e| Failure { message: format!("{shown}: {e}"), code: 1 })?;
    if !cli.quiet {
        for w in &printed.warnings {
            eprintln!("obj2wat: warning: {shown}: {w}; the text will not re-assemble to the same bytes");
        }
        if let Some(why) = &printed.invalid {
            eprintln!(
                "obj2wat: warning: {shown}: the object does not validate: {why}; assemble its text with `wat2obj --no-validate`"
            );
        }
    }
    let mut status = ExitCode::SUCCESS;
    if cli.check {
        // An object that does not validate is re-assembled as it is (D5).
        let options = relwat::Options { validate: printed.invalid.is_none(), ..relwat::Options::default() };
        let assembled = relwat::assemble(&printed.text, &options);
        match assembled.bytes {
            None => {
                // The first errors: a printed text that does not assemble is a bug to report.
                let errors: Vec<_> = assembled.diagnostics.iter().filter(|d| d.is_error()).take(20).cloned().collect();
                let rendered =
                    relwat::diagnostic::render("<printed text>", &printed.text, &errors, cli.color.on_stderr());
                eprint!("{rendered}");
                eprintln!("obj2wat: check: {shown}: the printed text does not assemble");
                status = ExitCode::from(1);
            }
            Some(b) => {
                // The real bytes: identical, or the first difference.
                let c = relwat::print::compare::compare(&bytes, &b);
                eprintln!("obj2wat: check: {shown}: {c}");
                if c != relwat::print::compare::Comparison::Identical {
                    status = ExitCode::from(1);
                }
            }
        }
    }
    if let Some(output) = &output {
        write_output(output, printed.text.as_bytes())?;
    }
    Ok(status)
}

/// Writes the output atomically: a temporary file beside it, renamed over it once complete.
/// Standard output and non-regular files (`/dev/null`, pipes) are written directly.
fn write_output(output: &Path, bytes: &[u8]) -> Result<(), Failure> {
    relwat::output::write(output, bytes).map_err(|message| Failure { message, code: 2 })
}
