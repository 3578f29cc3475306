//! `watfmt`: formats WebAssembly text (with or without linking annotations) the way relwat's
//! language server does: indentation by nesting, one space between tokens, nothing else changed
//! (the formatted text assembles to the same bytes).
//!
//! Exit status: 0 on success; 1 when `--check` finds a file that is not formatted or a file does
//! not lex; 2 for usage and I/O errors. A file is only rewritten with `--write`, through a
//! temporary file renamed into place.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use relwat::cli::Color;
use relwat::format::{FormatOptions, changed_lines, format};

/// Format WebAssembly text: indentation by nesting, one space between tokens; comments,
/// annotations, line breaks and the instructions' folded or flat forms stay as written.
#[derive(Parser, Debug)]
#[command(name = "watfmt", version)]
struct Cli {
    /// The files to format (`-` or none: standard input, formatted to standard output).
    files: Vec<PathBuf>,

    /// Rewrite each file that is not formatted, in place.
    #[arg(short, long, conflicts_with = "check")]
    write: bool,

    /// Write nothing; list the files that are not formatted, with their first changed lines, and
    /// exit with status 1 if there is one (for CI).
    #[arg(long)]
    check: bool,

    /// Spaces per level of nesting.
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u8).range(0..=16))]
    indent: u8,

    /// When to colour diagnostics.
    #[arg(long, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    color: Color,

    /// Print a man page or shell completions (`man`, `complete-bash`, `complete-zsh`,
    /// `complete-fish`, `complete-powershell`, `complete-elvish`) to standard output, and exit.
    #[arg(long, value_enum, value_name = "KIND")]
    generate: Option<relwat::cli::Generate>,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    if let Some(kind) = cli.generate {
        if let Err(e) = relwat::cli::generate(kind, Cli::command(), &mut std::io::stdout().lock()) {
            eprintln!("watfmt: error: cannot write to standard output: {e}");
            return ExitCode::from(2);
        }
        return ExitCode::SUCCESS;
    }
    let options = FormatOptions { indent: cli.indent as usize };
    let stdin = cli.files.is_empty() || cli.files.iter().any(|f| f.as_os_str() == "-");
    if stdin && cli.files.len() > 1 {
        eprintln!("watfmt: error: `-` (standard input) cannot be given with other files");
        return ExitCode::from(2);
    }
    if !stdin && cli.files.len() > 1 && !cli.write && !cli.check {
        eprintln!("watfmt: error: several files: give --write to rewrite them or --check to check them");
        return ExitCode::from(2);
    }
    if stdin && cli.write {
        eprintln!("watfmt: error: --write needs files to rewrite");
        return ExitCode::from(2);
    }
    let mut status = 0u8;
    let inputs: Vec<Option<PathBuf>> = if stdin { vec![None] } else { cli.files.iter().cloned().map(Some).collect() };
    for input in inputs {
        let name = input.as_ref().map_or("<stdin>".to_string(), |p| p.display().to_string());
        let text = match read(input.as_ref()) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("watfmt: error: {name}: {e}");
                return ExitCode::from(2);
            }
        };
        let formatted = match format(&text, &options) {
            Ok(f) => f,
            Err(d) => {
                eprint!("{}", relwat::diagnostic::render(&name, &text, &[d], cli.color.on_stderr()));
                status = status.max(1);
                continue;
            }
        };
        if cli.check {
            if formatted != text {
                status = status.max(1);
                report(&name, &text, &formatted);
            }
        } else if cli.write {
            if formatted != text
                && let Some(path) = &input
                && let Err(e) = relwat::output::write(path, formatted.as_bytes())
            {
                eprintln!("watfmt: error: {e}");
                return ExitCode::from(2);
            }
        } else {
            let mut out = std::io::stdout().lock();
            if out.write_all(formatted.as_bytes()).and_then(|()| out.flush()).is_err() {
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::from(status)
}

fn read(input: Option<&PathBuf>) -> Result<String, String> {
    let mut bytes = Vec::new();
    match input {
        Some(p) => bytes = std::fs::read(p).map_err(|e| e.to_string())?,
        None => {
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| e.to_string())?;
        }
    }
    String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())
}

/// `FILE: not formatted` and the first changed lines, before and after.
fn report(name: &str, text: &str, formatted: &str) {
    let changed = changed_lines(text, formatted);
    eprintln!("{name}: not formatted ({} lines change)", changed.len());
    let old: Vec<&str> = text.split('\n').collect();
    for &(line, new) in changed.iter().take(5) {
        eprintln!("  {}: - {}", line + 1, old.get(line).copied().unwrap_or("").trim_end_matches('\r'));
        eprintln!("  {}: + {new}", line + 1);
    }
}
