//! `relwat-lsp`: the language server for WebAssembly text with linking annotations, over stdio.

const HELP: &str = "\
relwat-lsp: the language server for WebAssembly text with linking annotations.

It speaks the Language Server Protocol on standard input and output; an editor starts it (see
the VS Code extension and the Neovim plugin in relwat's editors/ folder).

Usage: relwat-lsp [--stdio]

Options:
      --stdio    Serve on standard input and output (the default; accepted for the clients that pass it)
  -h, --help     Print this help
  -V, --version  Print the version
";

fn main() -> std::process::ExitCode {
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--stdio" => {}
            "-h" | "--help" => {
                print!("{HELP}");
                return std::process::ExitCode::SUCCESS;
            }
            "-V" | "--version" => {
                println!("relwat-lsp {}", env!("CARGO_PKG_VERSION"));
                return std::process::ExitCode::SUCCESS;
            }
            other => {
                eprintln!(
                    "relwat-lsp: error: unexpected argument `{other}`\n\nUsage: relwat-lsp [--stdio]\n\nFor more information, try `--help`."
                );
                return std::process::ExitCode::from(2);
            }
        }
    }
    keep_freed_memory();
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    rt.block_on(relwat_lsp::server::serve_stdio());
    // Stdin closed or `exit` received: leave without waiting for blocking checks still running.
    rt.shutdown_background();
    std::process::ExitCode::SUCCESS
}

/// Every check allocates and frees buffers the size of the document (its text, its tokens, its
/// encoding). By default glibc gives freed memory back to the kernel, and taking it again costs a
/// page fault per page (tens of milliseconds per buffer in a virtual machine): keep it instead.
fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: sets allocator parameters, before any other thread exists.
    unsafe {
        // The largest threshold glibc accepts; above it, blocks are mapped and unmapped alone.
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, i32::MAX);
    }
}
