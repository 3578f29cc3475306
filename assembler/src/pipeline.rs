//! The one driver of the stages after parsing: the layout annotation, resolution, the function
//! bodies, encoding, validation and the object rules, in that order, with the diagnostics of
//! each gathered and ordered the same way for every caller.
//!
//! Three callers differ only in where the function bodies come from and in what happens after
//! an error, so those two are the parameters:
//! - a [`BodyStage`]: the whole tree resolved and encoded in text order ([`WholeTree`]), bodies
//!   parsed from their text one at a time and dropped (`assemble` body by body), or bodies kept
//!   from an earlier check (the language server's cache, which uses [`make_bodies`] for the
//!   bodies it has not kept);
//! - a [`Mode`]: stop after resolution errors (`wat2obj`), give up at the first diagnostic (body by
//!   body, which then leaves the text to the whole tree), or keep going for the editor.

use crate::ast::{AddrType, DataMode, Func, Import, ImportItem, Instr, InstrKind, Module, ModuleField};
use crate::diagnostic::{Diagnostic, Label};
use crate::encode::{self, BodyCode, Encoded};
use crate::instructions::ImmKind;
use crate::object::{self, CodeFacts, LinkingData};
use crate::resolve::{self, BodyResolver, Resolved};
use crate::span::Span;
use crate::{Options, OutputKind, parser, validate};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// What happens after a diagnostic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `wat2obj`: every stage runs and reports what it finds, leaving out what it says about a
    /// field that already has an error; no bytes when there is an error.
    Assemble,
    /// Body by body: any diagnostic before the object rules, and any error of theirs, ends the
    /// run with nothing (the whole tree then gives the diagnostics).
    GiveUp,
    /// The editor: the diagnostics of [`Mode::Assemble`], and the encoding and linking data
    /// kept (also after errors, as far as they could be made, for navigation and hover; a
    /// panic there is caught); [`Run::cancelled`] is asked between stages.
    Editor,
}

/// One run of the stages.
pub struct Run<'a> {
    /// The settings of the assembly.
    pub options: &'a Options,
    /// What happens after a diagnostic.
    pub mode: Mode,
    /// Asked between stages in [`Mode::Editor`]; yes stops the run with nothing.
    pub cancelled: &'a dyn Fn() -> bool,
}

impl Run<'_> {
    /// A run that is never cancelled.
    pub fn new(options: &Options, mode: Mode) -> Run<'_> {
        Run { options, mode, cancelled: &|| false }
    }

    fn stopped(&self) -> bool {
        self.mode == Mode::Editor && (self.cancelled)()
    }

    fn guarded<T>(&self, f: impl FnOnce() -> T) -> Option<T> {
        guarded(self.mode, f)
    }
}

/// `f()`, or `None` when it panics in the editor (elsewhere a panic is a bug to see).
fn guarded<T>(mode: Mode, f: impl FnOnce() -> T) -> Option<T> {
    match mode {
        Mode::Editor => catch_unwind(AssertUnwindSafe(f)).ok(),
        _ => Some(f()),
    }
}

/// What a run computed.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every error and warning, ordered by source range.
    pub diagnostics: Vec<Diagnostic>,
    /// Resolution results.
    pub resolved: Resolved,
    /// The encoded module (in [`Mode::Editor`] also when the text has errors).
    pub encoded: Option<Encoded>,
    /// Symbols and relocations (objects; in [`Mode::Editor`] as far as they could be computed).
    pub linking: Option<LinkingData>,
    /// The finished binary, when no diagnostic is an error.
    pub bytes: Option<Vec<u8>>,
}

/// Why a [`BodyStage`] did not give the bodies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fallback {
    /// The module must be resolved as one tree in text order: a body uses an implicit type,
    /// whose index depends on where its first use stands among all type uses.
    WholeTree,
    /// The run ends with nothing (body by body, after a mistake in a body).
    GiveUp,
}

/// Where the function bodies' resolution, encoding and object facts come from.
pub trait BodyStage {
    /// One body as this stage keeps it.
    type Body;
    /// Whether bodies are resolved apart from the module. `false`: the whole tree is resolved
    /// and encoded in text order, and [`BodyStage::bodies`] is never asked.
    const PER_BODY: bool = true;

    /// Resolves, encodes and reads for the object every defined function's body, in function
    /// order, in `module` whose other fields `resolver` resolved. A stage whose bodies are not
    /// in the tree puts their relocation annotations ([`crate::ast::Expr::relocs`]) there.
    fn bodies(
        &mut self,
        src: &str,
        module: &mut Module,
        resolver: BodyResolver<'_>,
        object: bool,
    ) -> Result<Vec<Self::Body>, Fallback>;

    /// A body's encoding, and how far its function has moved since (its source ranges are
    /// moved by that much).
    fn code(body: &Self::Body) -> (&BodyCode, i64);

    /// A body's resolution diagnostics, where they are now.
    fn resolution(body: &Self::Body) -> Vec<Diagnostic>;

    /// The object facts of all bodies, where they are now, in function order.
    fn facts(bodies: &mut [Self::Body]) -> CodeFacts;

    /// Validates the bodies in the module `encoded`; `None` leaves it to a validation of the
    /// whole module (a stage that keeps validations across runs gives them here).
    fn validate(&mut self, _bodies: &[Self::Body], _module: &Module, _encoded: &Encoded) -> Option<Vec<Diagnostic>> {
        None
    }
}

/// The whole tree, resolved and encoded in text order: what gives every diagnostic, each in the
/// context of the whole text.
pub struct WholeTree;

impl BodyStage for WholeTree {
    type Body = ();
    const PER_BODY: bool = false;

    fn bodies(&mut self, _: &str, _: &mut Module, _: BodyResolver<'_>, _: bool) -> Result<Vec<()>, Fallback> {
        Err(Fallback::WholeTree)
    }
    fn code(_: &()) -> (&BodyCode, i64) {
        unreachable!("the whole tree has no bodies apart")
    }
    fn resolution(_: &()) -> Vec<Diagnostic> {
        Vec::new()
    }
    fn facts(_: &mut [()]) -> CodeFacts {
        CodeFacts::default()
    }
}

/// Runs the stages after parsing on `module` (parsed from `src` with `parse_diagnostics` and
/// the annotations the parser set aside, `unknown_annotations`). An object whose code uses memory
/// but that declares none gets its memory first ([`Module::implied_memory`], with a warning).
/// `None` when the run gave up ([`Mode::GiveUp`]) or was cancelled ([`Mode::Editor`]).
pub fn run<S: BodyStage>(
    src: &str,
    module: &mut Module,
    parse_diagnostics: Vec<Diagnostic>,
    unknown_annotations: &[(Span, Span)],
    stage: &mut S,
    run: &Run<'_>,
) -> Option<Outcome> {
    module.implied_memory = None;
    // Without validation (`wat2obj --no-validate`, D5) the text is encoded as written.
    let implied = match run.options.output {
        OutputKind::Object if run.options.validate => memory_use_without_memory(module),
        _ => None,
    };
    let Some(first_use) = implied else {
        return run_stages(src, module, parse_diagnostics, unknown_annotations, stage, run);
    };
    if run.mode == Mode::GiveUp {
        // The warning below is a diagnostic: the one-tree path gives it.
        return None;
    }
    let addr = implied_memory_type(src, module, &parse_diagnostics, unknown_annotations, run.options);
    module.implied_memory = Some(addr);
    let mut outcome = run_stages(src, module, parse_diagnostics, unknown_annotations, stage, run)?;
    outcome.diagnostics.push(implied_memory_warning(module, first_use, addr));
    sort(&mut outcome.diagnostics);
    Some(outcome)
}

/// Where code first uses memory (an instruction with a memory immediate, an active data
/// segment) in a module that declares no memory, imported or defined.
fn memory_use_without_memory(module: &Module) -> Option<Span> {
    let is_memory = |f: &ModuleField| {
        matches!(f, ModuleField::Memory(_) | ModuleField::Import(Import { item: ImportItem::Memory(_), .. }))
    };
    if module.fields.iter().any(is_memory) {
        return None;
    }
    let uses_memory = |i: &&Instr| match i.kind {
        InstrKind::Op(id, _) => matches!(
            id.info().imm,
            ImmKind::Memory | ImmKind::MemoryCopy | ImmKind::MemoryInit | ImmKind::MemArg(_) | ImmKind::MemArgLane(_)
        ),
        InstrKind::Label(_) => false,
    };
    module.fields.iter().find_map(|f| match f {
        ModuleField::Func(func) => func.body.instrs.iter().find(uses_memory).map(|i| i.span),
        ModuleField::Data(d) if matches!(d.mode, DataMode::Active { .. }) => Some(d.span),
        _ => None,
    })
}

/// The address type of the memory implied in `module`: 32-bit, unless the code is memory64's
/// (assembled with a 64-bit memory it has fewer errors, found by assembling a copy both ways).
fn implied_memory_type(
    src: &str,
    module: &Module,
    parse_diagnostics: &[Diagnostic],
    unknown_annotations: &[(Span, Span)],
    options: &Options,
) -> AddrType {
    let errors = |addr: AddrType| {
        let mut copy = module.clone();
        copy.implied_memory = Some(addr);
        let run = Run::new(options, Mode::Assemble);
        let outcome = run_stages(src, &mut copy, parse_diagnostics.to_vec(), unknown_annotations, &mut WholeTree, &run);
        outcome.map_or(usize::MAX, |o| o.diagnostics.iter().filter(|d| d.is_error()).count())
    };
    match errors(AddrType::I32) {
        0 => AddrType::I32,
        narrow if errors(AddrType::I64) < narrow => AddrType::I64,
        _ => AddrType::I32,
    }
}

/// The warning for a memory implied at `first_use`, with the import to write (a quick fix takes
/// it from the help and puts it before the first field).
fn implied_memory_warning(module: &Module, first_use: Span, addr: AddrType) -> Diagnostic {
    let import = match addr {
        AddrType::I32 => "(import \"env\" \"__linear_memory\" (memory 0))",
        AddrType::I64 => "(import \"env\" \"__linear_memory\" (memory i64 0))",
    };
    let mut d = Diagnostic::warning(first_use, "this object has no memory: it imports `env.__linear_memory`");
    d.primary.message = "uses memory".into();
    if let Some(first) = module.fields.first() {
        let at = first.span().start;
        d.secondary.push(Label { span: Span::new(at, at), message: "the import goes before this field".into() });
    }
    d.notes.push(format!(
        "help: write `{import}` (as every clang object imports its memory; wasm-ld gives the linked module its memory)"
    ));
    d.notes.push("note: read as rwat reads it (decisions D12)".into());
    d
}

/// [`run`] with the memory an object imports without a word already decided.
fn run_stages<S: BodyStage>(
    src: &str,
    module: &mut Module,
    parse_diagnostics: Vec<Diagnostic>,
    unknown_annotations: &[(Span, Span)],
    stage: &mut S,
    run: &Run<'_>,
) -> Option<Outcome> {
    let give_up = |d: &[Diagnostic]| run.mode == Mode::GiveUp && !d.is_empty();
    let mut diagnostics = parse_diagnostics;
    diagnostics.extend(parser::layout::read(src, unknown_annotations, module));
    diagnostics.extend(parser::misspelt_annotations(src, unknown_annotations));
    if give_up(&diagnostics) {
        return None;
    }
    let object = run.options.output == OutputKind::Object;

    // Resolution and the bodies.
    let mut bodies = None;
    let resolved = if S::PER_BODY {
        let (resolved, mut resolve_diags, resolver) = resolve::resolve_skeleton(src, module);
        if give_up(&resolve_diags) {
            return None;
        }
        match stage.bodies(src, module, resolver, object) {
            Ok(done) => {
                diagnostics.append(&mut resolve_diags);
                diagnostics.extend(done.iter().flat_map(S::resolution));
                bodies = Some(done);
                resolved
            }
            Err(Fallback::GiveUp) => return None,
            Err(Fallback::WholeTree) => resolve_whole(src, module, &mut diagnostics),
        }
    } else {
        resolve_whole(src, module, &mut diagnostics)
    };
    sort(&mut diagnostics);
    if give_up(&diagnostics) || run.stopped() {
        return None;
    }
    let clean = !diagnostics.iter().any(Diagnostic::is_error);
    // After a mistake the later stages still run, so that every mistake is reported at once, but
    // what they say about a field with an error is left out: the tree there is not what the text
    // means (an id that names nothing, a list cut short by recovery).
    let broken = broken_fields(module, &diagnostics);
    // A tree with errors may hold what the encoder and the object writer never see otherwise.
    let guard = if clean { run.mode } else { Mode::Editor };

    // Encoding.
    let module = &*module;
    let mut encoded = guarded(guard, || match &bodies {
        Some(bodies) => {
            let codes: Vec<(&BodyCode, i64)> = bodies.iter().map(S::code).collect();
            encode::encode_with_moved_bodies(module, &resolved, object, &codes)
        }
        None => encode::encode(module, &resolved, object, false),
    });
    if run.stopped() {
        return None;
    }
    let facts = object.then(|| match &mut bodies {
        Some(bodies) => S::facts(bodies),
        None => CodeFacts::of_module(module),
    });

    // Validation and the object rules, independent of each other: side by side.
    let (mut validation, lowered): (Vec<Diagnostic>, _) = match &encoded {
        None => (Vec::new(), None),
        Some(enc) => std::thread::scope(|scope| {
            let resolved = &resolved;
            let lowering = facts.map(|facts| {
                scope.spawn(move || guarded(guard, || object::write_object_with(src, module, resolved, enc, facts)))
            });
            let validation = match &bodies {
                _ if !run.options.validate => Vec::new(),
                _ if !clean => validate_around(module, resolved, enc, &broken, object, run.options.features),
                Some(bodies) => stage
                    .validate(bodies, module, enc)
                    .unwrap_or_else(|| validate_module(module, resolved, enc, run, object)),
                None => validate_module(module, resolved, enc, run, object),
            };
            (validation, lowering.and_then(|h| h.join().ok().flatten()))
        }),
    };
    if give_up(&validation) {
        return None;
    }
    if object && encode::module_memory64(module).is_empty() {
        explain_missing_memory(&mut validation);
    }
    diagnostics.extend(validation);
    let (object_bytes, linking) = match lowered {
        Some((bytes, linking, object_diags)) => {
            if run.mode == Mode::GiveUp && object_diags.iter().any(Diagnostic::is_error) {
                return None;
            }
            diagnostics.extend(object_diags.into_iter().filter(|d| !in_fields(module, &broken, d)));
            (bytes, Some(linking))
        }
        None => (None, None),
    };
    sort(&mut diagnostics);
    suggest_ids(&mut diagnostics, &resolved.definitions, src);
    let ok = !diagnostics.iter().any(Diagnostic::is_error);
    let bytes = match (ok, object) {
        (false, _) => None,
        (true, true) => object_bytes,
        // The editor keeps the encoding; the assembler needs only its bytes.
        (true, false) if run.mode == Mode::Editor => encoded.as_ref().map(|e| e.bytes.clone()),
        (true, false) => encoded.take().map(|e| e.bytes),
    };
    let bytes = bytes.map(|b| encode::layout::finish(&module.layout, b));
    Some(Outcome { diagnostics, resolved, encoded, linking, bytes })
}

/// The fields (indices, ascending) where an error of `diagnostics` is.
fn broken_fields(module: &Module, diagnostics: &[Diagnostic]) -> Vec<usize> {
    let mut broken: Vec<usize> =
        diagnostics.iter().filter(|d| d.is_error()).filter_map(|d| field_at(module, d.primary.span)).collect();
    broken.sort_unstable();
    broken.dedup();
    broken
}

/// The field whose text holds `span`.
fn field_at(module: &Module, span: Span) -> Option<usize> {
    let i = module.fields.partition_point(|f| f.span().end <= span.start);
    module.fields.get(i).filter(|f| f.span().start <= span.start).map(|_| i)
}

/// Whether diagnostic `d` is about one of the `fields`.
fn in_fields(module: &Module, fields: &[usize], d: &Diagnostic) -> bool {
    field_at(module, d.primary.span).is_some_and(|f| fields.binary_search(&f).is_ok())
}

/// Validation of a module with errors: the bodies of the functions without one, as long as the
/// rest of the module validates. An error outside the bodies is left out: in a module with
/// errors it is most likely one of them seen again (an index that names nothing).
fn validate_around(
    module: &Module,
    resolved: &Resolved,
    enc: &Encoded,
    broken: &[usize],
    object: bool,
    features: wasmparser::WasmFeatures,
) -> Vec<Diagnostic> {
    let funcs = module.defined_funcs();
    let mut select = |d: u32| funcs.get(d as usize).is_some_and(|f| broken.binary_search(f).is_err());
    let bytes = validate::as_standard(&enc.bytes, &enc.fp16);
    let errors: Vec<_> =
        validate::validate_bodies(&bytes, features, &mut select).into_iter().filter(|e| e.func.is_some()).collect();
    if errors.is_empty() {
        return Vec::new();
    }
    // Placed through the instruction map, which `enc` has not.
    let Some(mapped) = guarded(Mode::Editor, || encode::encode(module, resolved, object, true)) else {
        return Vec::new();
    };
    errors.iter().map(|e| e.diagnostic(mapped.map.lookup(e.offset as usize).unwrap_or(module.span))).collect()
}

/// The unknown ids that get a "did you mean", at most: each costs a pass over its space's names,
/// and a text with thousands of unknown ids is read from its first diagnostics.
const MAX_SUGGESTIONS: usize = 100;

/// Adds to the first [`MAX_SUGGESTIONS`] "unknown function `$x`" (and other index spaces)
/// diagnostics the id the text most likely means. Done on the final, ordered diagnostics, so that
/// every way of running the stages (whole tree, body by body, the editor's cache) gives the same.
fn suggest_ids(diagnostics: &mut [Diagnostic], definitions: &resolve::Definitions, src: &str) {
    let mut done = 0;
    for d in diagnostics.iter_mut() {
        if done == MAX_SUGGESTIONS {
            break;
        }
        let Some(rest) = d.message.strip_prefix("unknown ") else { continue };
        let Some(space) = crate::kinds::IndexSpace::ALL
            .into_iter()
            .find(|s| rest.strip_prefix(s.describe()).is_some_and(|r| r.starts_with(" `$")))
        else {
            continue;
        };
        done += 1;
        let id = d.primary.span.text(src);
        let name = crate::literals::decode_id(id).map(|c| c.into_owned()).unwrap_or_else(|_| id[1..].to_string());
        let names = definitions.space(space).names.keys().map(String::as_str);
        if let Some(near) = crate::suggest::closest(&name, names, crate::suggest::max_edits(&name)) {
            d.notes.push(format!("help: did you mean `${near}`?"));
        }
    }
}

/// Resolves the whole tree in text order (after a resolution without the bodies, whose results
/// it replaces).
fn resolve_whole(src: &str, module: &mut Module, diagnostics: &mut Vec<Diagnostic>) -> Resolved {
    let (resolved, resolve_diags) = resolve::resolve(src, module);
    diagnostics.extend(resolve_diags);
    resolved
}

/// Orders diagnostics by source range, as every caller reports them.
fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| (d.primary.span.start, d.primary.span.end));
}

/// Validation of the whole module. `enc` has no offsets of instructions (encoding them costs more
/// than the rest of the encoding), so when there are errors the module is encoded again with
/// them to place the errors.
fn validate_module(
    module: &Module,
    resolved: &Resolved,
    enc: &Encoded,
    run: &Run<'_>,
    object: bool,
) -> Vec<Diagnostic> {
    let features = run.options.features;
    let errors = validate::validate(&validate::as_standard(&enc.bytes, &enc.fp16), features, &enc.map, module.span);
    if errors.is_empty() || run.mode == Mode::GiveUp {
        return errors;
    }
    let Some(mapped) = run.guarded(|| encode::encode(module, resolved, object, true)) else { return errors };
    validate::validate(&validate::as_standard(&mapped.bytes, &mapped.fp16), features, &mapped.map, module.span)
}

/// One function body of a tree, resolved, encoded and read for the object (by [`make_bodies`]).
#[derive(Debug)]
pub struct MadeBody {
    /// Where the function's field started.
    pub start: u32,
    /// The encoding (without the instruction map).
    pub code: BodyCode,
    /// The resolution's diagnostics.
    pub resolution: Vec<Diagnostic>,
    /// Facts for the object.
    pub facts: CodeFacts,
}

/// Below this much body text to resolve and encode, one thread does it.
const MIN_THREADED_BYTES: usize = 256 << 10;

/// Resolves, encodes and reads for an object the bodies of the defined functions at `todo`
/// (field indices, ascending) in their tree, on two threads when there is much to do; `memory64`
/// is [`encode::module_memory64`] of the module. `None` when a body uses an implicit type (see
/// [`Fallback::WholeTree`]) or, in the editor (`guard`), the encoder fails on one.
pub fn make_bodies(
    fields: &mut [ModuleField],
    todo: &[usize],
    resolver: &BodyResolver<'_>,
    memory64: &[bool],
    guard: bool,
) -> Option<Vec<MadeBody>> {
    let size = |f: &ModuleField| f.span().range().len();
    let total: usize = todo.iter().map(|&i| size(&fields[i])).sum();
    let one = |fields: &mut [ModuleField], todo: &[usize], offset: usize| -> Option<Vec<MadeBody>> {
        let mut resolver = resolver.clone();
        todo.iter().map(|&i| make(func_mut(&mut fields[i - offset]), &mut resolver, memory64, guard)).collect()
    };
    if total < MIN_THREADED_BYTES {
        return one(fields, todo, 0);
    }
    // Split where half of the text is on each side.
    let mut seen = 0;
    let half = todo.iter().position(|&i| {
        seen += size(&fields[i]);
        seen * 2 >= total
    });
    let half = half.map_or(todo.len(), |h| h + 1);
    let (first, second) = todo.split_at(half);
    let Some(&at) = second.first() else { return one(fields, todo, 0) };
    let (left, right) = fields.split_at_mut(at);
    std::thread::scope(|scope| {
        let later = scope.spawn(|| one(right, second, at));
        let mut done = one(left, first, 0)?;
        done.extend(later.join().ok()??);
        Some(done)
    })
}

fn func_mut(f: &mut ModuleField) -> &mut Func {
    match f {
        ModuleField::Func(f) => f,
        _ => unreachable!("only defined functions are made"),
    }
}

/// Resolves, encodes and reads one body.
fn make(f: &mut Func, resolver: &mut BodyResolver<'_>, memory64: &[bool], guard: bool) -> Option<MadeBody> {
    let mut body = std::mem::take(&mut f.body);
    let found = resolver.resolve_body_reporting(f, &mut body);
    f.body = body;
    if found.uses_implicit_type {
        return None;
    }
    let f = &*f;
    let encode = || encode::encode_body(f, &f.body, true, false, memory64);
    let code = if guard { catch_unwind(AssertUnwindSafe(encode)).ok()? } else { encode() };
    let facts = CodeFacts::of_body(f, &f.body);
    Some(MadeBody { start: f.span.start, code, resolution: found.diagnostics, facts })
}

/// Validation's "unknown memory" in an object without a memory says what objects do: they
/// import their memory, which wasm-ld provides (every clang object has the import).
fn explain_missing_memory(validation: &mut [Diagnostic]) {
    for d in validation.iter_mut().filter(|d| d.message.starts_with("unknown memory")) {
        d.message = "this object has no memory: objects import `env.__linear_memory`".into();
        d.primary.message = "uses memory".into();
        d.notes.insert(
            0,
            "help: add `(import \"env\" \"__linear_memory\" (memory 1))` (wasm-ld gives the linked module its memory)"
                .into(),
        );
    }
}
