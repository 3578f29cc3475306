//! Shared by the command-line tests: running a binary of the crate.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `bin` with `args` in `dir`, with `stdin` as its standard input (none when `None`), and
/// waits for it.
pub fn run(dir: &Path, bin: &str, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(bin)
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the binary");
    if let Some(input) = stdin {
        child.stdin.take().expect("piped").write_all(input).expect("write standard input");
    }
    child.wait_with_output().expect("wait")
}
