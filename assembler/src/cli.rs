//! What the command-line tools share beyond their output files: `--generate KIND`, which prints a
//! shell completion script or a man page made from the tool's own clap definition (as ripgrep's
//! `--generate` does), so that packagers and users need nothing else to install them.

use clap::{Command, ValueEnum};
use clap_complete::Shell;
use std::io::Write;

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
