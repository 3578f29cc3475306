//! relwat: WebAssembly text with linking annotations, assembled into relocatable objects.
//!
//! # The library
//!
//! [`assemble`] turns text into a relocatable object (or, with [`OutputKind::Module`], a plain
//! module) and gives every diagnostic as a value; [`Assembled::into_result`] turns them into an
//! [`Error`] that prints as `wat2obj` prints them. [`print::print_object`] is the way back (what
//! `obj2wat` does).
//!
//! ```
//! let text = r#"(module
//!   (import "env" "__linear_memory" (memory 1))
//!   (import "env" "puts" (func $puts (param i32) (result i32)))
//!   (func $hello (@sym (name "hello")) (result i32)
//!     i32.const 0 (@reloc data $msg)
//!     call $puts)
//!   (data (i32.const 0) (@sym $msg (name "msg") (size 6)) "hello\00"))"#;
//! let object = relwat::assemble(text, &relwat::Options::default()).into_result("hello.wat", text)?;
//! // The object's text, which assembles back to the same bytes.
//! let printed = relwat::print::print_object(&object)?;
//! assert!(printed.warnings.is_empty());
//! assert!(printed.text.contains("(@reloc data $msg)"));
//! let again = relwat::assemble(&printed.text, &relwat::Options::default()).into_result("hello.o.wat", &printed.text)?;
//! assert_eq!(again, object);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A mistake is a diagnostic with its place; the error renders them all:
//!
//! ```
//! let text = "(module (func (result i32) i32.const 0 (@reloc data $nowhere)))";
//! let err = relwat::assemble(text, &relwat::Options::default()).into_result("bad.wat", text).unwrap_err();
//! assert!(err.diagnostics.iter().any(|d| d.message.contains("$nowhere")));
//! assert!(err.to_string().contains("bad.wat:1:"));
//! ```
//!
//! A code generator hands over the text it made and takes the object's bytes, with the warnings
//! as values (here text in rwat's dialect, as js-bindgen generates it: the `(@rwat)` marker,
//! plain operands inside a folded instruction, the table's relocation after `(type ...)`; each
//! form that differs from the proposal's is read with a warning, docs/decisions.md D12):
//!
//! ```
//! let text = r#"(module (@rwat)
//!   (import "env" "__linear_memory" (memory 1))
//!   (import "env" "__indirect_function_table" (table 0 funcref))
//!   (type $callback (func (param i32)))
//!   (func $invoke (export "invoke") (param $f i32) (param $x i32)
//!     (call_indirect (type $callback) (@reloc) local.get $x local.get $f)))"#;
//! let assembled = relwat::assemble(text, &relwat::Options::default());
//! let warnings: Vec<&str> = assembled.diagnostics.iter().map(|d| d.message.as_str()).collect();
//! assert_eq!(warnings, ["the table's relocation goes before `(type ...)`; read as if written there"]);
//! let object: Vec<u8> = assembled.into_result("shim.wat", text)?;
//! assert_eq!(&object[..4], b"\0asm");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The library's interface is [`assemble`], [`Options`], [`Assembled`], [`Error`], the
//! [`diagnostic`] and [`span`] types they carry, and [`print`](mod@print) (objects back to text). The
//! stages behind them (lexer, parser, resolver, encoder, validation, object rules, and the
//! pipeline that runs them) are public for relwat's language server and tests but hidden from
//! these docs: their interfaces change with the code (see ARCHITECTURE.md).
//!
//! [`assemble`] runs the stages one function body at a time when it can (parse, resolve, encode
//! and read each body for the object, then drop its tree), so that a large module's
//! instructions never all exist at once; diagnostics come from the whole tree.

#![deny(missing_docs)]

#[doc(hidden)]
pub mod ast;
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod cli;
mod deferred;
pub mod diagnostic;
#[doc(hidden)]
pub mod encode;
pub mod format;
#[doc(hidden)]
pub mod instructions;
#[doc(hidden)]
pub mod kinds;
#[doc(hidden)]
pub mod leb;
#[doc(hidden)]
pub mod lexer;
#[doc(hidden)]
pub mod linking;
#[doc(hidden)]
pub mod literals;
#[doc(hidden)]
pub mod object;
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod output;
#[doc(hidden)]
pub mod parser;
#[doc(hidden)]
pub mod pipeline;
pub mod print;
#[doc(hidden)]
pub mod resolve;
pub mod span;
#[doc(hidden)]
pub mod suggest;
#[doc(hidden)]
pub mod validate;

use diagnostic::Diagnostic;

/// What [`assemble`] writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OutputKind {
    /// A relocatable object: padded relocatable immediates, `linking` and `reloc.*` sections.
    #[default]
    Object,
    /// A plain module: minimal LEBs, no linking data (`wat2obj --module`).
    Module,
}

/// Settings for one assembly.
#[derive(Clone, Debug)]
pub struct Options {
    /// The proposals validation accepts (all of them by default).
    pub features: wasmparser::WasmFeatures,
    /// Object or plain module.
    pub output: OutputKind,
    /// Validate the encoded module (`wat2obj --no-validate` turns it off, decisions.md D5: a text
    /// that does not validate is encoded as written; syntax, names and annotations are still
    /// checked).
    pub validate: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { features: wasmparser::WasmFeatures::all(), output: OutputKind::Object, validate: true }
    }
}

/// The result of [`assemble`]: the binary when there was no error, and every diagnostic.
#[derive(Debug)]
pub struct Assembled {
    /// The encoded binary; `None` when any diagnostic is an error.
    pub bytes: Option<Vec<u8>>,
    /// Errors and warnings in source order per stage.
    pub diagnostics: Vec<Diagnostic>,
}

impl Assembled {
    /// The bytes, or an [`Error`] with every diagnostic when there is an error. `file_name` and
    /// `source` (the text given to [`assemble`]) are for rendering the diagnostics.
    pub fn into_result(self, file_name: &str, source: &str) -> Result<Vec<u8>, Error> {
        match self.bytes {
            Some(bytes) => Ok(bytes),
            None => Err(Error::new(file_name, source, self.diagnostics)),
        }
    }
}

/// Why [`assemble`] wrote nothing: the diagnostics (errors and warnings), and their rendering as
/// `wat2obj` prints them (file:line:column, the source lines, the labels), which `Display` gives.
#[derive(Clone, Debug)]
pub struct Error {
    /// Every diagnostic, in source order per stage.
    pub diagnostics: Vec<Diagnostic>,
    rendered: String,
}

impl Error {
    /// The error of `diagnostics` about `source`, named `file_name` in the rendering.
    pub fn new(file_name: &str, source: &str, diagnostics: Vec<Diagnostic>) -> Error {
        let rendered = diagnostic::render(file_name, source, &diagnostics, false);
        Error { diagnostics, rendered }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.rendered.trim_end())
    }
}

impl std::error::Error for Error {}

/// Assembles a WAT source text into a module or an object, validating it.
///
/// A text without diagnostics is assembled one function body at a time (so a large module's
/// instructions never all exist at once); otherwise, or when the order of its bodies matters,
/// as [`assemble_in_one_tree`] does.
pub fn assemble(source: &str, options: &Options) -> Assembled {
    assemble_body_by_body(source, options).unwrap_or_else(|| assemble_in_one_tree(source, options))
}

/// [`assemble`] one function body at a time, for a text without diagnostics; `None` when the text
/// has a diagnostic or a body uses an implicit type (then [`assemble_in_one_tree`] does it).
pub fn assemble_body_by_body(source: &str, options: &Options) -> Option<Assembled> {
    deferred::assemble(source, options)
}

/// [`assemble`] with the syntax tree of the whole text built first: what gives every
/// diagnostic, each in the context of the whole text. The same bytes as [`assemble`].
pub fn assemble_in_one_tree(source: &str, options: &Options) -> Assembled {
    let mut parsed = parser::parse_tree(source);
    let outcome = pipeline::run(
        source,
        &mut parsed.module,
        std::mem::take(&mut parsed.diagnostics),
        &parsed.unknown_annotations,
        &mut pipeline::WholeTree,
        &pipeline::Run::new(options, pipeline::Mode::Assemble),
    )
    .expect("a run that neither gives up nor is cancelled gives an outcome");
    Assembled { bytes: outcome.bytes, diagnostics: outcome.diagnostics }
}
