//! Function bodies checked one by one, with what each gave kept for the next check.
//!
//! Typing inside a function changes that function's body and nothing else, and the bodies are
//! most of a large module. So a check resolves the module without its bodies
//! ([`relwat::resolve::resolve_skeleton`], cheap), then takes each body's resolution
//! diagnostics, encoding and object facts from the previous check when the body was not
//! re-parsed and the module without its bodies is the same text; only the other bodies are
//! resolved, encoded and read. Validation is kept per body too, while the module's bytes outside
//! the code section stay the same. The result is exactly what a check of the whole tree gives
//! (tested on random edits).
//!
//! Identity: the check that resolves a body gives its field a fresh stamp
//! ([`super::Syntax::stamps`]) and keeps the results under it; re-parsing a field resets its
//! stamp to 0. A stamp is only ever in the tree that check resolved (and in copies made of it
//! later), so a body whose stamp is kept still has the resolution in the tree that its kept
//! results were made from.

use relwat::ast::{AddrType, Module, ModuleField};
use relwat::diagnostic::Diagnostic;
use relwat::encode::{self, BodyCode, Encoded};
use relwat::object::CodeFacts;
use relwat::pipeline::{self, BodyStage, Fallback, MadeBody};
use relwat::resolve::BodyResolver;
use relwat::span::Span;
use relwat::validate::{self, ValidationError};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;
use std::sync::Arc;

/// What a check keeps of the function bodies for the next one.
#[derive(Debug, Default)]
pub struct BodyCache {
    /// [`skeleton_hash`] of the module the bodies were resolved in.
    skeleton: u64,
    /// By stamp.
    bodies: FxHashMap<u64, Arc<MadeBody>>,
    /// Validation results by stamp.
    validated: FxHashMap<u64, Validated>,
    /// The next stamp to give.
    next_stamp: u64,
}

impl BodyCache {
    /// A cache with no bodies, for a check that kept none after `prev`: the stamps it gives
    /// follow those given before.
    pub fn after(prev: Option<&BodyCache>) -> BodyCache {
        BodyCache { next_stamp: prev.map_or(1, |p| p.next_stamp), ..BodyCache::default() }
    }

    /// How many bodies this cache and `other` share (taken by one from the other).
    pub fn shared_with(&self, other: &BodyCache) -> usize {
        self.bodies.iter().filter(|(s, b)| other.bodies.get(s).is_some_and(|o| Arc::ptr_eq(b, o))).count()
    }
}

/// A body's validation.
#[derive(Clone, Debug)]
struct Validated {
    /// [`module_hash`] of the module it was validated in.
    module: u64,
    /// Its first error: offset in [`MadeBody::code`], message, and source range at the
    /// body's place (as its other ranges).
    error: Option<(u32, String, Span)>,
}

/// A body as it stands in the current text: its spans are moved by `delta`.
#[derive(Clone, Debug)]
pub struct Placed {
    /// The body.
    pub body: Arc<MadeBody>,
    /// Its function's start now minus its start then.
    pub delta: i64,
    /// The field's index in the module.
    field: usize,
    /// Its stamp.
    stamp: u64,
}

impl Placed {
    /// The body's resolution diagnostics, where they are now.
    pub fn resolution(&self) -> impl Iterator<Item = Diagnostic> + '_ {
        self.body.resolution.iter().map(|d| {
            let mut d = d.clone();
            d.shift(self.delta);
            d
        })
    }

    /// The body's encoding (with ranges as they were: see [`Placed::delta`]).
    pub fn code(&self) -> &BodyCode {
        &self.body.code
    }
}

/// The bodies of a check: those kept by the previous check where they can be taken, the others
/// made; [`Cached::cache`] is what the next check may take.
pub struct Cached<'a> {
    /// What the previous check kept.
    prev: Option<&'a BodyCache>,
    /// The stamps of the module's fields ([`super::Syntax::stamps`]).
    stamps: &'a mut [u64],
    /// What this check keeps.
    pub cache: BodyCache,
}

impl<'a> Cached<'a> {
    /// The stage of a check after `prev`, of a module whose fields have `stamps`.
    pub fn new(prev: Option<&'a BodyCache>, stamps: &'a mut [u64]) -> Cached<'a> {
        Cached { prev, stamps, cache: BodyCache::after(prev) }
    }
}

/// Hash of the module's text without the bodies of its defined functions (from the end of a
/// function's type use on: its locals and instructions). A body's resolution, encoding and facts
/// depend only on that text and the body's own.
pub fn skeleton_hash(src: &str, module: &Module) -> u64 {
    let mut h = FxHasher::default();
    for f in &module.fields {
        let span = f.span();
        let end = match f {
            ModuleField::Func(func) if func.header.import.is_none() => func.ty.span.end.clamp(span.start, span.end),
            _ => span.end,
        };
        h.write(&src.as_bytes()[span.start as usize..end as usize]);
        h.write_u8(0xff);
    }
    // The memory an object imports without a word: the bodies' relocations depend on its width.
    h.write_u8(match module.implied_memory {
        None => 0,
        Some(AddrType::I32) => 1,
        Some(AddrType::I64) => 2,
    });
    h.finish()
}

impl BodyStage for Cached<'_> {
    type Body = Placed;

    /// Resolves, encodes and reads the bodies of `module`'s defined functions, taking what the
    /// previous check kept where it can.
    fn bodies(
        &mut self,
        src: &str,
        module: &mut Module,
        resolver: BodyResolver<'_>,
        _object: bool,
    ) -> Result<Vec<Placed>, Fallback> {
        let skeleton = skeleton_hash(src, module);
        let stamps = &mut *self.stamps;
        // Stamps are never given twice, even when nothing can be taken: an older tree may still
        // hold any stamp given before.
        let prev = self.prev.filter(|p| p.skeleton == skeleton);
        let funcs = module.defined_funcs();
        // For each defined function: its stamp and the body kept under it.
        let kept: Vec<(u64, Option<Arc<MadeBody>>)> = funcs
            .iter()
            .map(|&i| {
                let stamp = stamps[i];
                (stamp, prev.filter(|_| stamp != 0).and_then(|p| p.bodies.get(&stamp)).cloned())
            })
            .collect();
        let todo: Vec<usize> = funcs.iter().zip(&kept).filter(|(_, (_, k))| k.is_none()).map(|(&i, _)| i).collect();
        for &i in &todo {
            // Resolution is about to change the field's tree: it no longer matches what was kept.
            stamps[i] = 0;
        }
        let memory64 = encode::module_memory64(module);
        let Some(made) = pipeline::make_bodies(&mut module.fields, &todo, &resolver, &memory64, true) else {
            // A body's implicit type: its index depends on the text order of all type uses.
            stamps.iter_mut().for_each(|s| *s = 0);
            return Err(Fallback::WholeTree);
        };

        let cache = &mut self.cache;
        cache.skeleton = skeleton;
        let mut made = made.into_iter();
        let mut placed = Vec::with_capacity(funcs.len());
        for (&i, (stamp, kept)) in funcs.iter().zip(kept) {
            let start = module.fields[i].span().start;
            let (body, stamp) = match kept {
                Some(body) => {
                    if let Some(v) = prev.and_then(|p| p.validated.get(&stamp)) {
                        cache.validated.insert(stamp, v.clone());
                    }
                    (body, stamp)
                }
                None => {
                    let stamp = cache.next_stamp;
                    cache.next_stamp += 1;
                    (Arc::new(made.next().expect("one made per body not kept")), stamp)
                }
            };
            // A body whose diagnostics point outside its function cannot be moved with it.
            if movable(&body) {
                stamps[i] = stamp;
                cache.bodies.insert(stamp, body.clone());
            }
            let delta = start as i64 - body.start as i64;
            placed.push(Placed { body, delta, field: i, stamp });
        }
        Ok(placed)
    }

    fn code(body: &Placed) -> (&BodyCode, i64) {
        (&body.body.code, body.delta)
    }

    fn resolution(body: &Placed) -> Vec<Diagnostic> {
        body.resolution().collect()
    }

    fn facts(bodies: &mut [Placed]) -> CodeFacts {
        let mut all = CodeFacts::default();
        for p in bodies.iter() {
            let mut f = p.body.facts.clone();
            if p.delta != 0 {
                f.shift(p.delta);
            }
            all.append(f);
        }
        all
    }

    fn validate(&mut self, bodies: &[Placed], module: &Module, encoded: &Encoded) -> Option<Vec<Diagnostic>> {
        validate(encoded, module, bodies, &mut self.cache)
    }
}

/// Whether every range of the body's diagnostics is inside its function.
fn movable(body: &MadeBody) -> bool {
    let field = body.code.span;
    let inside = |s: Span| s.start >= field.start && s.end <= field.end;
    let mut diags = body.resolution.iter().chain(body.facts.diagnostics());
    diags.all(|d| inside(d.primary.span) && d.secondary.iter().all(|l| inside(l.span)))
}

/// Hash of the module's bytes outside the code section: a body valid in a module stays valid
/// in another with the same hash.
pub fn module_hash(encoded: &Encoded) -> u64 {
    let bytes = &encoded.bytes;
    let mut h = FxHasher::default();
    let Some(code) = encoded.sections.iter().find(|s| s.id == 10) else {
        h.write(bytes);
        return h.finish();
    };
    // The section starts with its id and size (a LEB whose last byte has the high bit clear).
    let payload = code.payload as usize;
    let mut start = payload - 1;
    while start > 0 && bytes[start - 1] & 0x80 != 0 {
        start -= 1;
    }
    let start = start - 1;
    let end = encoded.func_bodies.last().map_or(payload, |b| payload + (b.offset + b.size) as usize);
    h.write(&bytes[..start]);
    h.write_u8(0xff);
    h.write(&bytes[end..]);
    h.finish()
}

/// Validates the bodies that have no validation for `module` in the cache, takes the others'
/// from it, and records the new ones. Returns the diagnostics as a validation of the whole
/// module gives them; `None` when there is an error outside the bodies (the caller then
/// validates the whole module).
fn validate(
    encoded: &Encoded,
    module_ast: &Module,
    placed: &[Placed],
    cache: &mut BodyCache,
) -> Option<Vec<Diagnostic>> {
    let features = wasmparser::WasmFeatures::all();
    let memory64 = encode::module_memory64(module_ast);
    let module = module_hash(encoded);
    let known: Vec<Option<Validated>> =
        placed.iter().map(|p| cache.validated.get(&p.stamp).filter(|v| v.module == module).cloned()).collect();
    let mut select = |d: u32| known[d as usize].is_none();
    let errors =
        validate::validate_bodies(&validate::as_standard(&encoded.bytes, &encoded.fp16), features, &mut select);
    if errors.iter().any(|e| e.func.is_none()) {
        return None;
    }
    let mut errors = errors.into_iter().peekable();
    let mut diags = Vec::new();
    let base = |d: usize| encoded.code_payload + encoded.func_bodies[d].offset;
    for (d, (p, known)) in placed.iter().zip(known).enumerate() {
        let error = match known {
            Some(v) => v.error,
            None => {
                let error = errors.next_if(|e| e.func == Some(d as u32)).map(|e| {
                    let ModuleField::Func(f) = &module_ast.fields[p.field] else { unreachable!("a function") };
                    // Placed with the instruction map of the body, encoded again with it.
                    let mapped = encode::encode_body(f, &f.body, true, true, &memory64);
                    let offset = (e.offset - base(d) as u64) as u32;
                    (offset, e.message, mapped.span_at(offset).moved(-p.delta))
                });
                cache.validated.insert(p.stamp, Validated { module, error: error.clone() });
                error
            }
        };
        if let Some((offset, message, span)) = error {
            let e = ValidationError { func: Some(d as u32), offset: (base(d) + offset) as u64, message };
            diags.push(e.diagnostic(span.moved(p.delta)));
        }
    }
    Some(diags)
}
