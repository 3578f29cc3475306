//! `relwat-lsp`: the language server for WebAssembly text with linking annotations, over stdio.

fn main() {
    if std::env::args().any(|a| a == "--version" || a == "-V") {
        println!("relwat-lsp {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    rt.block_on(relwat_lsp::server::serve_stdio());
    // Stdin closed or `exit` received: leave without waiting for blocking checks still running.
    rt.shutdown_background();
}
