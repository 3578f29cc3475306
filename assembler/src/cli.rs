//! What the command-line tools share beyond their output files: `--color WHEN` for their
//! diagnostics (as wasm-tools spells it), and `--generate KIND`, which prints a shell completion
//! script or a man page made from the tool's own clap definition (as ripgrep's `--generate` does),
//! so that packagers and users need nothing else to install them.

use clap::{Command, ValueEnum};
use clap_complete::Shell;
use std::io::Write;

/// When diagnostics are coloured (`--color`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// When standard error is a terminal and `NO_COLOR` is unset or empty.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl Color {
    /// Whether to colour what goes to standard error.
    pub fn on_stderr(self) -> bool {
        use std::io::IsTerminal;
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }
}

/// What `--generate` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Generate {
    /// The man page (roff), for `man 1`.
    Man,
    /// Completions for bash.
    CompleteBash,
    /// Completions for zsh.
    CompleteZsh,
    /// Completions for fish.
    CompleteFish,
    /// Completions for PowerShell.
    CompletePowershell,
    /// Completions for elvish.
    CompleteElvish,
}

/// Writes what `kind` asks for, for the tool `command`, to `out`.
pub fn generate(kind: Generate, mut command: Command, out: &mut dyn Write) -> std::io::Result<()> {
    let shell = match kind {
        Generate::Man => return clap_mangen::Man::new(command).render(out),
        Generate::CompleteBash => Shell::Bash,
        Generate::CompleteZsh => Shell::Zsh,
        Generate::CompleteFish => Shell::Fish,
        Generate::CompletePowershell => Shell::PowerShell,
        Generate::CompleteElvish => Shell::Elvish,
    };
    let name = command.get_name().to_string();
    clap_complete::generate(shell, &mut command, name, out);
    Ok(())
}
