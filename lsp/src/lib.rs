//! relwat-lsp: a language server for WebAssembly text with linking annotations.
//!
//! Layers, as in rust-analyzer:
//! - [`analysis`]: pure functions from a document's text to diagnostics, definitions, references,
//!   hover, symbols, completion, semantic tokens, inlay hints and fixes, on byte offsets; no LSP
//!   types.
//! - [`pos`]: the one place where byte offsets become LSP positions (UTF-16 by default).
//! - [`server`]: the LSP layer on tower-lsp-server: documents, ordering of edits, checking off the
//!   request path, conversion to LSP types.

pub mod analysis;
pub mod pos;
pub mod server;
