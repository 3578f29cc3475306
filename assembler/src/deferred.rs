//! Assembly one function body at a time: the module's fields are parsed with the function
//! bodies left as text and resolved; then each body is parsed, resolved, encoded and read for the
//! object, and its instructions are dropped (on two threads for large modules). The instructions
//! are most of a large module's tree, and they never all exist at once.
//!
//! This path gives no diagnostics of its own: on a mistake, a warning or a validation error of
//! the text, or on what depends on text order across bodies (a body's implicit type), it gives
//! up, and [`crate::assemble`] builds the whole tree, which gives the diagnostics and the same
//! bytes. Only the warnings of the object rules, which are the same on both paths (they read the
//! module's fields, the bodies' relocations and the bodies' facts, all of which this path has),
//! are given here: a plain text assembled as an object often has some.

use crate::ast::{Expr, Func, Module, ModuleField};
use crate::diagnostic::Diagnostic;
use crate::encode::{self, BodyCode};
use crate::object::CodeFacts;
use crate::pipeline::{self, BodyStage, Fallback, Mode, Run};
use crate::resolve::BodyResolver;
use crate::{Assembled, Options, parser};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Below this much body text, one thread does the bodies.
const MIN_THREADED_BYTES: usize = 256 << 10;

/// The amount of body text a thread takes at a time.
const CHUNK_BYTES: usize = 64 << 10;

/// What is kept of one function body once it is encoded.
struct DoneBody {
    code: BodyCode,
    /// The body's relocation annotations, which the object reads with the encoded immediates.
    relocs: Vec<(u32, crate::ast::ImmSlot, crate::ast::RelocAnnot)>,
    facts: CodeFacts,
}

/// The bodies parsed from their text one at a time, each dropped once encoded.
struct FromText;

impl BodyStage for FromText {
    type Body = DoneBody;

    fn bodies(
        &mut self,
        src: &str,
        module: &mut Module,
        resolver: BodyResolver<'_>,
        object: bool,
    ) -> Result<Vec<DoneBody>, Fallback> {
        let funcs = module.defined_funcs();
        let mut done = encode_bodies(src, &module.fields, &funcs, resolver, object).ok_or(Fallback::GiveUp)?;
        for (&i, body) in funcs.iter().zip(&mut done) {
            if let ModuleField::Func(f) = &mut module.fields[i] {
                f.body.relocs = std::mem::take(&mut body.relocs);
            }
        }
        Ok(done)
    }

    fn code(body: &DoneBody) -> (&BodyCode, i64) {
        (&body.code, 0)
    }

    fn resolution(_: &DoneBody) -> Vec<Diagnostic> {
        // A body with a resolution diagnostic gave the run up.
        Vec::new()
    }

    fn facts(bodies: &mut [DoneBody]) -> CodeFacts {
        let mut facts = CodeFacts::default();
        for body in bodies {
            facts.append(std::mem::take(&mut body.facts));
        }
        facts
    }
}

/// Assembles `source` one body at a time; `None` when the one-tree path must do it.
pub(crate) fn assemble(source: &str, options: &Options) -> Option<Assembled> {
    let mut parsed = parser::parse_deferring(source);
    let outcome = pipeline::run(
        source,
        &mut parsed.module,
        std::mem::take(&mut parsed.diagnostics),
        &parsed.unknown_annotations,
        &mut FromText,
        &Run::new(options, Mode::GiveUp),
    )?;
    Some(Assembled { bytes: outcome.bytes, diagnostics: outcome.diagnostics })
}

/// Parses, resolves and encodes the bodies of the functions at `funcs` (field indices), in order.
fn encode_bodies(
    src: &str,
    fields: &[ModuleField],
    funcs: &[usize],
    mut resolver: BodyResolver,
    object: bool,
) -> Option<Vec<DoneBody>> {
    let memory64 = encode::memory64(fields);
    let func = |i: usize| match &fields[i] {
        ModuleField::Func(f) => f,
        _ => unreachable!("`funcs` holds function fields"),
    };
    let encode_all = |part: &[usize], resolver: &mut BodyResolver| -> Option<Vec<DoneBody>> {
        part.iter().map(|&i| encode_body(src, func(i), resolver, object, &memory64)).collect()
    };
    let size = |i: &usize| func(*i).body.span.range().len();
    let total: usize = funcs.iter().map(size).sum();
    if total < MIN_THREADED_BYTES {
        return encode_all(funcs, &mut resolver);
    }
    // Runs of bodies of about CHUNK_BYTES of text, handed out in order to the two threads as they
    // become free (bodies differ in cost per byte, so halves would leave one thread idle).
    let mut chunks = Vec::new();
    let (mut from, mut bytes) = (0, 0);
    for (n, i) in funcs.iter().enumerate() {
        bytes += size(i);
        if bytes >= CHUNK_BYTES || n + 1 == funcs.len() {
            chunks.push(&funcs[from..n + 1]);
            (from, bytes) = (n + 1, 0);
        }
    }
    let results: Vec<Mutex<Option<Vec<DoneBody>>>> = chunks.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let work = |mut resolver: BodyResolver| {
        loop {
            let c = next.fetch_add(1, Ordering::Relaxed);
            if c >= chunks.len() || failed.load(Ordering::Relaxed) {
                return;
            }
            match encode_all(chunks[c], &mut resolver) {
                Some(done) => *results[c].lock().expect("no worker panics") = Some(done),
                None => failed.store(true, Ordering::Relaxed),
            }
        }
    };
    std::thread::scope(|scope| {
        let copy = resolver.clone();
        scope.spawn(|| work(copy));
        work(resolver);
    });
    if failed.into_inner() {
        return None;
    }
    let mut done = Vec::with_capacity(funcs.len());
    for r in results {
        done.extend(r.into_inner().expect("no worker panics")?);
    }
    Some(done)
}

/// One body: parsed from its text, resolved, encoded, read for the object; the tree is dropped.
fn encode_body(src: &str, f: &Func, resolver: &mut BodyResolver, object: bool, memory64: &[bool]) -> Option<DoneBody> {
    if !f.body.instrs.is_empty() {
        // Parsed with the fields (not deferred): only after a mistake, which this path leaves.
        return None;
    }
    let mut body: Expr = parser::parse_body(src, f.body.span)?;
    if !resolver.resolve_body(f, &mut body) {
        return None;
    }
    let code = encode::encode_body(f, &body, object, false, memory64);
    let mut facts = CodeFacts::default();
    if object {
        facts.add_body(f, &body);
    }
    Some(DoneBody { code, relocs: body.relocs, facts })
}

#[cfg(test)]
mod tests {
    use crate::{Options, OutputKind, assemble_body_by_body, assemble_in_one_tree};

    const MODULE: &str = r#"(module
  (type $t (func (param i32) (result i32)))
  (import "env" "__linear_memory" (memory 1))
  (import "env" "ext" (func $ext (type $t)))
  (global $sp (mut i32) (i32.const 0))
  (func $f (type $t) (local $x i32)
    local.get 0
    call $g
    (@sym.label $after)
    global.get $sp
    i32.add
    (local.set $x)
    (call $ext (local.get $x)))
  (func $g (export "g") (type $t)
    (if (result i32) (local.get 0) (then (i32.const 1)) (else (i32.load offset=4 (i32.const 16))))))
"#;

    fn options(output: OutputKind) -> Options {
        Options { output, ..Options::default() }
    }

    /// Body by body gives the one-tree bytes, as an object and as a module.
    #[test]
    fn same_bytes_as_one_tree() {
        for output in [OutputKind::Object, OutputKind::Module] {
            let by_body = assemble_body_by_body(MODULE, &options(output)).expect("no diagnostics");
            let whole = assemble_in_one_tree(MODULE, &options(output));
            assert!(whole.diagnostics.is_empty(), "{:?}", whole.diagnostics);
            assert!(by_body.bytes.is_some());
            assert_eq!(by_body.bytes, whole.bytes);
        }
    }

    /// Large enough for the pieces parser and two body threads.
    #[test]
    fn large_module_same_bytes() {
        let mut text = String::from("(module\n  (type $t (func (param i32) (result i32)))\n");
        for i in 0..12000 {
            text.push_str(&format!(
                "  (func $f{i} (type $t)\n    local.get 0\n    i32.const {i}\n    i32.add\n    call $f{}\n    (block $b (br_if $b (local.get 0)))\n    i32.const 0\n    call_indirect (type $t))\n",
                (i + 1) % 12000
            ));
        }
        text.push_str("  (table 1 funcref))\n");
        assert!(text.len() > 1 << 20);
        for output in [OutputKind::Object, OutputKind::Module] {
            let whole = assemble_in_one_tree(&text, &options(output));
            assert!(whole.diagnostics.is_empty(), "{:?}", whole.diagnostics.first());
            let by_body = assemble_body_by_body(&text, &options(output)).expect("no diagnostics");
            assert_eq!(by_body.bytes, whole.bytes);
        }
    }

    /// A body with an implicit type is left to the one-tree path: the index of `(param i32)`
    /// depends on the body standing before the `(param f32)` function's header.
    #[test]
    fn implicit_type_in_a_body_falls_back() {
        let text = r#"(module
  (table 1 funcref)
  (func $a (result i32) (call_indirect (param i32) (result i32) (i32.const 1) (i32.const 0)))
  (func $b (param f32))
  (func $c (param i32) (result i32) (local.get 0)))"#;
        let options = options(OutputKind::Module);
        assert!(assemble_body_by_body(text, &options).is_none());
        let whole = crate::assemble(text, &options);
        assert!(whole.diagnostics.is_empty(), "{:?}", whole.diagnostics);
        let types =
            wasmparser::Parser::new(0).parse_all(whole.bytes.as_ref().expect("assembles")).find_map(|p| match p {
                Ok(wasmparser::Payload::TypeSection(r)) => Some(r.count()),
                _ => None,
            });
        assert_eq!(types, Some(3));
    }

    /// The warnings of the object rules are the one-tree path's, and so are the bytes.
    #[test]
    fn object_warnings_body_by_body() {
        let cases = [
            // A defined memory, and a relocatable constant left unrelocated.
            "(module (memory 1) (func (result i32) i32.const 0 (@reloc none)))",
            // Function-table entries without a `functable` relocation, and `ref.func` in a body.
            "(module (table 2 funcref) (elem (i32.const 0) $f $g)\n (func $f) (func $g (drop (ref.func $f))))",
        ];
        for text in cases {
            let options = options(OutputKind::Object);
            let by_body = assemble_body_by_body(text, &options).expect("warnings only");
            let whole = assemble_in_one_tree(text, &options);
            assert!(!whole.diagnostics.is_empty() && whole.bytes.is_some(), "{text}: {:?}", whole.diagnostics);
            assert!(whole.diagnostics.iter().all(|d| !d.is_error()), "{text}");
            assert_eq!(by_body.bytes, whole.bytes, "{text}");
            assert_eq!(format!("{:?}", by_body.diagnostics), format!("{:?}", whole.diagnostics), "{text}");
        }
    }

    /// Mistakes and other warnings are given by the one-tree path, in full.
    #[test]
    fn diagnostics_fall_back() {
        let cases = [
            // A syntax error in a body.
            "(module (func (result i32) i32.const)\n (func nop))",
            // An unknown id in a body.
            "(module (func call $nowhere))",
            // A validation error.
            "(module (func (result i32) nop))",
            // An unknown annotation in a body (which could be a misplaced layout annotation).
            "(module (func nop (@what ever) nop))",
        ];
        for text in cases {
            let options = options(OutputKind::Object);
            assert!(assemble_body_by_body(text, &options).is_none(), "{text}");
            let result = crate::assemble(text, &options);
            let whole = assemble_in_one_tree(text, &options);
            assert_eq!(result.bytes, whole.bytes, "{text}");
            assert_eq!(format!("{:?}", result.diagnostics), format!("{:?}", whole.diagnostics), "{text}");
        }
    }
}
