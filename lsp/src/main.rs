//! `relwat-lsp`: the language server for WebAssembly text with linking annotations, over stdio.

fn main() {
    if std::env::args().any(|a| a == "--version" || a == "-V") {
        println!("relwat-lsp {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    keep_freed_memory();
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    rt.block_on(relwat_lsp::server::serve_stdio());
    // Stdin closed or `exit` received: leave without waiting for blocking checks still running.
    rt.shutdown_background();
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
