//! `obj2wat`: prints a relocatable WebAssembly object as annotated text that `wat2obj`
//! re-assembles byte for byte.
//!
//! Exit status: 0 on success (warnings about what the text cannot express are printed but do not
//! fail), 1 when the input is not an object or is malformed, 2 for usage and I/O errors. On any
//! error no output is written and an existing output file is left as it was.

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

/// Print a relocatable WebAssembly object as WebAssembly text with linking annotations.
#[derive(Parser, Debug)]
#[command(name = "obj2wat", version)]
struct Cli {
    /// The input object (`-` for standard input).
    input: PathBuf,

    /// Where to write the text (`-` for standard output). Default: the input with extension
    /// `.wat`; standard output when the input is `-`.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,

    /// Also re-assemble the text and compare it with the input; report the first difference
    /// (exit status 1 when they differ beyond the symbol-table order).
    #[arg(long)]
    check: bool,

    /// Do not print warnings about what the text cannot express.
    #[arg(short, long)]
    quiet: bool,
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
    let stdin = cli.input.as_os_str() == "-";
    let output = match &cli.output {
        Some(o) => o.clone(),
        None if stdin => PathBuf::from("-"),
        None => {
            let out = cli.input.with_extension("wat");
            if out == cli.input {
                return Err(Failure {
                    message: format!(
                        "the default output `{}` is the input itself; name the output with -o",
                        out.display()
                    ),
                    code: 2,
                });
            }
            out
        }
    };
    let bytes = if stdin {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .map_err(|e| Failure { message: format!("cannot read standard input: {e}"), code: 2 })?;
        buf
    } else {
        std::fs::read(&cli.input)
            .map_err(|e| Failure { message: format!("cannot read `{}`: {e}", cli.input.display()), code: 2 })?
    };
    let shown = if stdin { "<stdin>".to_string() } else { cli.input.display().to_string() };
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
    }
    let mut status = ExitCode::SUCCESS;
    if cli.check {
        let assembled = relwat::assemble(&printed.text, &relwat::Options::default());
        match assembled.bytes {
            None => {
                let rendered =
                    relwat::diagnostic::render("<printed text>", &printed.text, &assembled.diagnostics, false);
                eprint!("{rendered}");
                eprintln!("obj2wat: check: {shown}: the printed text does not assemble");
                status = ExitCode::from(1);
            }
            Some(b) => {
                let c = relwat::print::compare::compare(&bytes, &b);
                eprintln!("obj2wat: check: {shown}: {c}");
                if matches!(c, relwat::print::compare::Comparison::Different(_)) {
                    status = ExitCode::from(1);
                }
            }
        }
    }
    write_output(&output, printed.text.as_bytes())?;
    Ok(status)
}

/// Writes the output atomically: a temporary file beside it, renamed over it once complete.
/// Standard output and non-regular files (`/dev/null`, pipes) are written directly.
fn write_output(output: &Path, text: &[u8]) -> Result<(), Failure> {
    let io_error = |what: &str, e: std::io::Error| Failure { message: format!("{what}: {e}"), code: 2 };
    if output.as_os_str() == "-" {
        let mut stdout = std::io::stdout().lock();
        return match stdout.write_all(text).and_then(|()| stdout.flush()) {
            Ok(()) => Ok(()),
            // A closed pipe (`obj2wat x.o | head`) is not an error worth a message.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            Err(e) => Err(io_error("cannot write standard output", e)),
        };
    }
    let shown = output.display().to_string();
    let target = match std::fs::symlink_metadata(output) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(output).map_err(|e| io_error(&format!("cannot resolve `{shown}`"), e))?
        }
        _ => output.to_path_buf(),
    };
    match std::fs::metadata(&target) {
        Ok(m) if m.is_dir() => {
            return Err(Failure { message: format!("cannot write `{shown}`: it is a directory"), code: 2 });
        }
        Ok(m) if !m.is_file() => {
            return std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .and_then(|mut f| f.write_all(text))
                .map_err(|e| io_error(&format!("cannot write `{shown}`"), e));
        }
        _ => {}
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut prefix = OsString::from(".");
    prefix.push(target.file_name().unwrap_or(OsStr::new("obj2wat")));
    prefix.push(".");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp =
        builder.tempfile_in(dir).map_err(|e| io_error(&format!("cannot create a file in `{}`", dir.display()), e))?;
    temp.write_all(text)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| io_error(&format!("cannot write `{shown}`"), e))?;
    temp.persist(&target).map_err(|e| io_error(&format!("cannot write `{shown}`"), e.error))?;
    Ok(())
}
