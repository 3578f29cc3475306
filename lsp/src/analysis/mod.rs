//! The analysis layer: pure functions from a document's text to what the editor shows, on byte
//! offsets. No LSP types here.
//!
//! [`check`] runs the assembler's stages exactly as `relwat::assemble` does for an object
//! (`Options::default()`), keeping what each stage computed; [`Analysis`] answers the queries
//! (definitions, references, hover, symbols, completion, semantic tokens, inlay hints, fixes)
//! from that.

pub mod bodies;
pub mod calls;
pub mod completion;
pub mod fixes;
pub mod hints;
pub mod hover;
pub mod lenses;
pub mod names;
pub mod shift;
pub mod signature;
pub mod structure;
pub mod symbols;
pub mod syntax;
pub mod tokens;

pub use bodies::BodyCache;
use relwat::diagnostic::Diagnostic;
use relwat::encode::Encoded;
use relwat::object::LinkingData;
use relwat::pipeline::{self, Mode, Run};
use relwat::resolve::Resolved;
use relwat::span::Span;
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

/// Runs the assembler's stages on `syntax` as `relwat::assemble` does for an object (one
/// [`relwat::pipeline::run`], in the editor's mode: after errors the module is still encoded
/// and lowered for hover and navigation), body by body: what `prev` (the previous check of an
/// earlier version of the text) kept of the bodies that did not change is taken from it (see
/// [`bodies`]). `cancelled` is asked between stages; when it says yes, the check stops and
/// returns `None` (the syntax stays usable).
pub fn check(syntax: &mut Syntax, prev: Option<&BodyCache>, cancelled: &dyn Fn() -> bool) -> Option<Checked> {
    let Syntax { text, module, parse_diags, unknown_annotations, stamps, .. } = syntax;
    // The layout annotation is read again by the run.
    module.layout = Default::default();
    let mut stage = bodies::Cached::new(prev, stamps);
    let options = relwat::Options::default();
    let run = Run { options: &options, mode: Mode::Editor, cancelled };
    let outcome = pipeline::run(text, module, parse_diags.clone(), unknown_annotations, &mut stage, &run)?;
    Some(Checked {
        diagnostics: outcome.diagnostics,
        resolved: outcome.resolved,
        encoded: outcome.encoded,
        linking: outcome.linking,
        bodies: stage.cache,
    })
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
    /// Every reference of a function body to a function, built on first use (see
    /// [`calls::incoming`]).
    calls: OnceLock<Vec<calls::CallRef>>,
    /// The folding ranges, built on first use (an editor asks again for the same text).
    folds: OnceLock<Vec<structure::Fold>>,
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
        Analysis {
            syntax,
            checked,
            relocs: OnceLock::new(),
            defs: OnceLock::new(),
            calls: OnceLock::new(),
            folds: OnceLock::new(),
        }
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

    /// The folding ranges ([`structure::folding_ranges`]).
    pub fn folds(&self) -> &[structure::Fold] {
        self.folds.get_or_init(|| structure::folding_ranges(self))
    }

    /// Every reference of a function body to a function, in text order.
    pub fn call_refs(&self) -> &[calls::CallRef] {
        self.calls.get_or_init(|| calls::all_calls(self))
    }

    /// Module-level definitions.
    pub fn defs(&self) -> &names::Defs {
        self.defs.get_or_init(|| {
            names::Defs::build(self.text(), self.checked.resolved.definitions.clone(), self.checked.linking.as_ref())
        })
    }
}
