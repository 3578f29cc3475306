//! The analysis layer: pure functions from a document's text to what the editor shows, on byte
//! offsets. No LSP types here.
//!
//! [`check`] runs the assembler's stages exactly as `relwat::assemble` does for an object
//! (`Options::default()`), keeping what each stage computed; [`Analysis`] answers the queries
//! (definitions, references, hover, symbols, completion, semantic tokens, inlay hints, fixes)
//! from that.

pub mod bodies;
pub mod completion;
pub mod fixes;
pub mod hints;
pub mod hover;
pub mod names;
pub mod shift;
pub mod symbols;
pub mod syntax;
pub mod tokens;

pub use bodies::BodyCache;
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
    /// What the next check may take of the function bodies.
    pub bodies: BodyCache,
}

/// Runs parsing diagnostics, layout, resolution, encoding, validation and the object rules on
/// `syntax`, as `relwat::assemble` does for an object, body by body: what `prev` (the previous
/// check of an earlier version of the text) kept of the bodies that did not change is taken
/// from it (see [`bodies`]). `cancelled` is asked between stages; when it says yes, the check
/// stops and returns `None` (the syntax stays usable).
pub fn check(syntax: &mut Syntax, prev: Option<&BodyCache>, cancelled: &dyn Fn() -> bool) -> Option<Checked> {
    let src: &str = &syntax.text;
    let module = &mut syntax.module;
    module.layout = Default::default();
    let mut diagnostics = syntax.parse_diags.clone();
    diagnostics.extend(relwat::parser::layout::read(src, &syntax.unknown_annotations, module));
    let (resolved, mut resolve_diags, resolver) = relwat::resolve::resolve_skeleton(src, module);
    let skeleton = bodies::skeleton_hash(src, module);
    let Some(mut bodies) = bodies::run(module, &mut syntax.stamps, &resolver, skeleton, prev) else {
        // A body's implicit type: its index depends on the text order of all type uses.
        drop(resolver);
        syntax.stamps.iter_mut().for_each(|s| *s = 0);
        return check_whole_tree(syntax, diagnostics, BodyCache::after(prev), cancelled);
    };
    drop(resolver);
    diagnostics.append(&mut resolve_diags);
    diagnostics.extend(bodies.placed.iter().flat_map(|p| p.resolution()));
    diagnostics.sort_by_key(|d| (d.primary.span.start, d.primary.span.end));
    if cancelled() {
        return None;
    }
    let clean = !diagnostics.iter().any(Diagnostic::is_error);
    let module = &syntax.module;
    // With errors, assemble stops here; the encoder and object writer still run (their
    // diagnostics unused) so that hover and inlay hints work on the rest of the file.
    let placed: Vec<(&relwat::encode::BodyCode, i64)> = bodies.placed.iter().map(|p| (p.code(), p.delta)).collect();
    let encoded =
        catch_unwind(AssertUnwindSafe(|| relwat::encode::encode_with_moved_bodies(module, &resolved, true, &placed)))
            .ok();
    drop(placed);
    if cancelled() {
        return None;
    }
    let facts = bodies::facts(&bodies.placed);
    let memory64 = relwat::encode::memory64(&module.fields);
    let (mut validation, lowered) = std::thread::scope(|scope| {
        let lowering = encoded.as_ref().map(|enc| {
            scope.spawn(|| {
                catch_unwind(AssertUnwindSafe(|| relwat::object::write_object_with(src, module, &resolved, enc, facts)))
                    .ok()
            })
        });
        let validation = match &encoded {
            Some(enc) if clean => bodies::validate(enc, module, &mut bodies, &memory64)
                .unwrap_or_else(|| validate_whole(module, &resolved, enc)),
            _ => Vec::new(),
        };
        (validation, lowering.and_then(|h| h.join().ok().flatten()))
    });
    Some(finish(diagnostics, &mut validation, lowered, clean, resolved, encoded, bodies.cache))
}

/// The check of the whole tree in text order, for a module whose bodies use implicit types;
/// `diagnostics` are those of parsing and the layout; `bodies` (empty) is handed on.
fn check_whole_tree(
    syntax: &mut Syntax,
    mut diagnostics: Vec<Diagnostic>,
    bodies: BodyCache,
    cancelled: &dyn Fn() -> bool,
) -> Option<Checked> {
    let src: &str = &syntax.text;
    let (resolved, mut resolve_diags) = relwat::resolve::resolve(src, &mut syntax.module);
    diagnostics.append(&mut resolve_diags);
    diagnostics.sort_by_key(|d| (d.primary.span.start, d.primary.span.end));
    if cancelled() {
        return None;
    }
    let clean = !diagnostics.iter().any(Diagnostic::is_error);
    let module = &syntax.module;
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
            Some(enc) if clean => validate_whole(module, &resolved, enc),
            _ => Vec::new(),
        };
        (validation, lowering.and_then(|h| h.join().ok().flatten()))
    });
    Some(finish(diagnostics, &mut validation, lowered, clean, resolved, encoded, bodies))
}

/// Adds the validation and object diagnostics (when the text is clean) as `assemble` does.
fn finish(
    mut diagnostics: Vec<Diagnostic>,
    validation: &mut Vec<Diagnostic>,
    lowered: Option<relwat::object::ObjectOutput>,
    clean: bool,
    resolved: Resolved,
    encoded: Option<Encoded>,
    bodies: BodyCache,
) -> Checked {
    diagnostics.append(validation);
    let linking = lowered.map(|(_, data, mut diags)| {
        if clean {
            diagnostics.append(&mut diags);
        }
        data
    });
    diagnostics.sort_by_key(|d| (d.primary.span.start, d.primary.span.end));
    Checked { diagnostics, resolved, encoded, linking, bodies }
}

/// Validation diagnostics placed in the source as `assemble` places them: `enc` has no offsets of
/// instructions (encoding them costs more than the rest of the encoding), so when there are
/// errors the module is encoded again with them.
fn validate_whole(module: &relwat::ast::Module, resolved: &Resolved, enc: &Encoded) -> Vec<Diagnostic> {
    let features = wasmparser::WasmFeatures::all();
    let bytes = relwat::validate::as_standard(&enc.bytes, &enc.fp16);
    let v = relwat::validate::validate(&bytes, features, &enc.map, module.span);
    if v.is_empty() {
        return v;
    }
    let mapped = relwat::encode::encode(module, resolved, true, true);
    let bytes = relwat::validate::as_standard(&mapped.bytes, &mapped.fp16);
    relwat::validate::validate(&bytes, features, &mapped.map, module.span)
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
        let checked = check(&mut syntax, None, &|| false).unwrap_or_default();
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
