//! The WebAssembly C toolchain the tests link with, where Debian puts it: wasi-libc lives apart
//! from clang, so a `--sysroot` for `--target=wasm32-wasi` is made of two links.

use std::path::{Path, PathBuf};

/// wasi-libc's headers.
pub const WASI_INCLUDE: &str = "/usr/include/wasm32-wasi";
/// wasi-libc's libraries and `crt1.o`.
pub const WASI_LIB: &str = "/usr/lib/wasm32-wasi";
/// compiler-rt's builtins for wasm32 (every WASI link needs them).
pub const BUILTINS: &str = "/usr/lib/llvm-22/lib/clang/22/lib/wasi/libclang_rt.builtins-wasm32.a";

/// The command `name` on `$PATH`.
pub fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file())
}

/// Makes `dir` a sysroot for `--target=wasm32-wasi`: `include` and `lib/wasm32-wasi` link to
/// wasi-libc (kept when they already do).
pub fn make_wasi_sysroot(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir.join("lib"))?;
    for (link, target) in [(dir.join("include"), WASI_INCLUDE), (dir.join("lib/wasm32-wasi"), WASI_LIB)] {
        if std::fs::read_link(&link).ok().as_deref() != Some(Path::new(target)) {
            let _ = std::fs::remove_file(&link);
            std::os::unix::fs::symlink(target, &link)?;
        }
    }
    Ok(())
}
