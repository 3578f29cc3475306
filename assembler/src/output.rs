//! The tools' input and output files. Output is written so that an error never leaves a partial
//! file nor clobbers an existing one: the bytes go to a temporary file beside the target, renamed
//! into place when complete.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::Path;

/// Reads `input` (`-` is standard input). Returns the message of an I/O error.
pub fn read(input: &Path) -> Result<Vec<u8>, String> {
    if input.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().lock().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(buf);
    }
    std::fs::read(input).map_err(|e| format!("cannot read `{}`: {e}", input.display()))
}

/// Writes `bytes` to `output` (`-` is standard output). Returns the message of an I/O error.
///
/// Symlinks are written through to their target; devices and pipes (e.g. `/dev/null`) are written
/// directly, since they cannot be replaced. The file is not synced to disk: like compilers, the
/// tools leave that to the system, and the rename alone already keeps partial files out of sight.
pub fn write(output: &Path, bytes: &[u8]) -> Result<(), String> {
    let io_error = |what: &str, e: std::io::Error| format!("{what}: {e}");
    if output.as_os_str() == "-" {
        let mut stdout = std::io::stdout().lock();
        return match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
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
        Ok(m) if m.is_dir() => return Err(format!("cannot write `{shown}`: it is a directory")),
        Ok(m) if !m.is_file() => {
            return std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .and_then(|mut f| f.write_all(bytes))
                .map_err(|e| io_error(&format!("cannot write `{shown}`"), e));
        }
        _ => {}
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut prefix = OsString::from(".");
    prefix.push(target.file_name().unwrap_or(output.as_os_str()));
    prefix.push(".");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        // Like any created file: 0666 less the umask (the default 0600 is for secrets).
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // The errors name the file the user asked for, never the temporary one (tempfile's errors
    // carry its path): the system's reason alone.
    let reason = |e: std::io::Error| {
        let message = e.to_string();
        // tempfile writes "{the system's reason} at path {the temporary file}".
        let reason = message.split(" at path ").next().unwrap_or(&message).to_string();
        std::io::Error::new(e.kind(), reason)
    };
    let mut temp = builder.tempfile_in(dir).map_err(|e| io_error(&format!("cannot write `{shown}`"), reason(e)))?;
    temp.write_all(bytes).map_err(|e| io_error(&format!("cannot write `{shown}`"), reason(e)))?;
    temp.persist(&target).map_err(|e| io_error(&format!("cannot write `{shown}`"), reason(e.error)))?;
    Ok(())
}
