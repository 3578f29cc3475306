//! The analysis layer: pure functions from a document's text to what the editor shows, on byte
//! offsets. No LSP types here.
//!
//! [`check`] runs the assembler's stages exactly as `relwat::assemble` does for an object
//! (`Options::default()`), keeping what each stage computed; [`Analysis`] answers the queries
//! (definitions, references, hover, symbols, completion, semantic tokens, inlay hints, fixes)
//! from that.

pub mod completion;
pub mod fixes;
pub mod hints;
pub mod hover;
pub mod names;
pub mod shift;
pub mod symbols;
pub mod syntax;
pub mod tokens;

use relwat::diagnostic::Diagnostic;
use relwat::encode::Encoded;
use relwat::object::LinkingData;
use relwat::resolve::Resolved;
use relwat::span::Span;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, OnceLock};
pub use syntax::{Reparse, Syntax};

/// What one check of a document computed.
#[derive(Debug, Default)]
pub struct Checked {
    /// Every error and warning `relwat::assemble` reports for the text, in its order.
    pub diagnostics: Vec<Diagnostic>,
    /// Resolution results.
    pub resolved: Resolved,
    /// The encoded object (also when the text has errors, for navigation and hover).
    pub encoded: Option<Encoded>,
    /// Symbols and relocations (also when the text has errors, as far as they could be computed).
    pub linking: Option<LinkingData>,
}

/// Runs parsing diagnostics, layout, resolution, encoding, validation and the object rules on
/// `syntax`, as `relwat::assemble` does for an object. `cancelled` is asked between stages;
/// when it says yes, the check stops and returns `None` (the syntax stays usable).
pub fn check(syntax: &mut Syntax, cancelled: &dyn Fn() -> bool) -> Option<Checked> {
    let src: &str = &syntax.text;
    let module = &mut syntax.module;
    module.layout = Default::default();
    let mut diagnostics = syntax.parse_diags.clone();
    diagnostics.extend(relwat::encode::layout::read(src, &syntax.unknown_annotations, module));
    let (resolved, mut resolve_diags) = relwat::resolve::resolve(src, module);
    diagnostics.append(&mut resolve_diags);
    diagnostics.sort_by_key(|d| (d.primary.span.start, d.primary.span.end));
    if cancelled() {
        return None;
    }
    let clean = !diagnostics.iter().any(Diagnostic::is_error);
    let module = &syntax.module;
    // With errors, assemble stops here; the encoder and object writer still run (their
    // diagnostics unused) so that hover and inlay hints work on the rest of the file.
    let encoded = catch_unwind(AssertUnwindSafe(|| relwat::encode::encode(module, &resolved, true, false))).ok();
    if cancelled() {
        return None;
    }
    // Validation and the object rules are independent of each other: side by side, as in
    // `assemble`.
    let (mut validation, lowered) = std::thread::scope(|scope| {
        let lowering = encoded.as_ref().map(|enc| {
            scope.spawn(|| {
                catch_unwind(AssertUnwindSafe(|| relwat::object::write_object(src, module, &resolved, enc))).ok()
            })
        });
        let validation = match &encoded {
            Some(enc) if clean => validate(module, &resolved, enc),
            _ => Vec::new(),
        };
        (validation, lowering.and_then(|h| h.join().ok().flatten()))
    });
    diagnostics.append(&mut validation);
    let linking = lowered.map(|(_, data, mut diags)| {
        if clean {
            diagnostics.append(&mut diags);
        }
        data
    });
    diagnostics.sort_by_key(|d| (d.primary.span.start, d.primary.span.end));
    Some(Checked { diagnostics, resolved, encoded, linking })
}

/// Validation diagnostics placed in the source as `assemble` places them: `enc` has no offsets of
/// instructions (encoding them costs more than the rest of the encoding), so when there are
/// errors the module is encoded again with them.
fn validate(module: &relwat::ast::Module, resolved: &Resolved, enc: &Encoded) -> Vec<Diagnostic> {
    let features = wasmparser::WasmFeatures::all();
    let v = relwat::validate::validate(&enc.bytes, features, &enc.map, module.span);
    if v.is_empty() {
        return v;
    }
    let mapped = relwat::encode::encode(module, resolved, true, true);
    relwat::validate::validate(&mapped.bytes, features, &mapped.map, module.span)
}

/// A checked document, for queries.
#[derive(Debug)]
pub struct Analysis {
    /// The syntax the check ran on (resolved).
    pub syntax: Arc<Syntax>,
    /// What the check found.
    pub checked: Checked,
    /// Relocations by source range, built on first use.
    relocs: OnceLock<Vec<RelocRef>>,
    /// Definitions at module level, built on first use.
    defs: OnceLock<names::Defs>,
}

/// A relocation entry and where it comes from.
#[derive(Clone, Copy, Debug)]
pub struct RelocRef {
    /// The annotation, or the instruction of an implicit relocation.
    pub span: Span,
    /// Index into `LinkingData::relocs`.
    pub section: u32,
    /// Index into that section's entries.
    pub entry: u32,
}

impl Analysis {
    /// Wraps a check of `syntax`.
    pub fn new(syntax: Arc<Syntax>, checked: Checked) -> Analysis {
        Analysis { syntax, checked, relocs: OnceLock::new(), defs: OnceLock::new() }
    }

    /// Parses and checks a text in one go (tests, benchmarks, one-shot tools).
    pub fn of_text(text: &str) -> Analysis {
        let mut syntax = Syntax::parse(Arc::from(text));
        let checked = check(&mut syntax, &|| false).unwrap_or_default();
        Analysis::new(Arc::new(syntax), checked)
    }

    /// The syntax, when nothing else holds it (to update it for a later check instead of
    /// copying the latest one).
    pub fn into_syntax(self) -> Option<Syntax> {
        Arc::try_unwrap(self.syntax).ok()
    }

    /// The source text.
    pub fn text(&self) -> &str {
        &self.syntax.text
    }

    /// Builds the lazily computed indices now (off the request path).
    pub fn warm(&self) {
        let _ = self.reloc_index();
        let _ = self.defs();
    }

    /// Relocations sorted by the start of their source range.
    pub fn reloc_index(&self) -> &[RelocRef] {
        self.relocs.get_or_init(|| {
            let mut v = Vec::new();
            if let Some(l) = &self.checked.linking {
                for (si, s) in l.relocs.iter().enumerate() {
                    for (ei, e) in s.entries.iter().enumerate() {
                        v.push(RelocRef { span: e.span, section: si as u32, entry: ei as u32 });
                    }
                }
            }
            v.sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
            v
        })
    }

    /// Module-level definitions.
    pub fn defs(&self) -> &names::Defs {
        self.defs.get_or_init(|| names::Defs::build(self.text(), &self.syntax.module))
    }
}
