//! Other tools' texts that relwat reads as the tools that write them mean them (docs/decisions.md
//! D10–D12): what is plain WebAssembly text gives the bytes the `wat` crate gives.

use relwat::{Options, OutputKind, assemble};

fn module(text: &str) -> Vec<u8> {
    let out = assemble(text, &Options { output: OutputKind::Module, ..Options::default() });
    assert!(out.diagnostics.is_empty(), "{text}: {:?}", out.diagnostics);
    out.bytes.expect("assembled")
}

/// Plain operands inside a folded instruction, as rwat writes them and the `wast` crate reads
/// them: the flat instructions they are, in order, before the folded one.
#[test]
fn plain_operands_in_folded_instructions() {
    let texts = [
        "(module (memory 1) (func (param i32 i64) (i64.store offset=8 local.get 0 local.get 1)))",
        "(module (func (result i32) (i32.add i32.const 1 (i32.const 2))))",
        "(module (func (result i32) (i32.add (i32.const 1) i32.const 2 i32.const 3 i32.sub)))",
        "(module (func (param i32) (result i32) (call 0 local.get 0 i32.const 1 i32.add)))",
        "(module (memory 1) (func (if (i32.eqz i32.const 0) (then (i32.store8 i32.const 0 i32.const 1)))))",
    ];
    for text in texts {
        assert_eq!(module(text), wat::parse_str(text).expect("the wat crate reads it"), "{text}");
    }
}

/// A flat block cannot stand among the operands of a folded instruction.
#[test]
fn flat_blocks_stay_out_of_folded_instructions() {
    let out = assemble("(module (func (result i32) (i32.add i32.const 1 block end)))", &Options::default());
    assert!(
        out.diagnostics.iter().any(|d| d.is_error() && d.message.contains("folded operand")),
        "{:?}",
        out.diagnostics
    );
}

fn object(text: &str) -> (Vec<u8>, Vec<String>) {
    let out = assemble(text, &Options::default());
    assert!(!out.diagnostics.iter().any(|d| d.is_error()), "{text}: {:?}", out.diagnostics);
    (out.bytes.expect("assembled"), out.diagnostics.iter().map(|d| d.message.clone()).collect())
}

/// rwat's places for relocations (D12): after `call_indirect`'s `(type ...)` for the table,
/// after a `try_table` catch clause for its tag. Each gives the object the proposal's place
/// gives, with a warning.
#[test]
fn rwat_places_of_relocations() {
    let head = r#"(module
  (import "env" "__indirect_function_table" (table $tbl 0 funcref))
  (import "env" "t2" (table $other 0 funcref))
  (import "env" "exn" (tag $e (param i32)))
  (type $t (func))"#;
    let cases = [
        ("local.get 0 call_indirect (type $t) (@reloc)", "local.get 0 call_indirect (@reloc) (type $t)"),
        (
            "local.get 0 call_indirect $other (type $t) (@reloc $other)",
            "local.get 0 call_indirect $other (@reloc $other) (type $t)",
        ),
        (
            "(block $l (result i32) try_table (catch $e $l) (@reloc $e) end i32.const 0) drop",
            "(block $l (result i32) try_table (catch $e (@reloc $e) $l) end i32.const 0) drop",
        ),
    ];
    for (rwat, proposal) in cases {
        let text = |body: &str| format!("{head}\n  (func (param i32) {body}))");
        let (theirs, warnings) = object(&text(rwat));
        let (ours, none) = object(&text(proposal));
        assert_eq!(theirs, ours, "{rwat}");
        assert!(none.is_empty(), "{none:?}");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].ends_with("; read as if written there"), "{warnings:?}");
    }
}

/// rwat's `(@comdat "G")` in a function's header (D12): the comdat named G, declared or not,
/// with the function's primary symbol in it: the object the proposal's spelling gives.
#[test]
fn rwat_comdat_in_a_function_header() {
    let rwat = r#"(module
  (func $shim (@comdat "js_shim") (export "shim") (result i32) i32.const 1)
  (func $other (@sym weak) (@comdat "js_shim") (result i32) i32.const 2))"#;
    let proposal = r#"(module
  (@comdat $c "js_shim")
  (func $shim (@sym (comdat $c)) (export "shim") (result i32) i32.const 1)
  (func $other (@sym weak (comdat $c)) (result i32) i32.const 2))"#;
    let (theirs, warnings) = object(rwat);
    let (ours, none) = object(proposal);
    assert_eq!(theirs, ours);
    assert!(none.is_empty(), "{none:?}");
    assert_eq!(warnings, ["a comdat is declared at module level and named by the symbol"; 2]);
    // Comdats hold defined functions only among the entities with headers.
    for (field, what) in [
        (r#"(import "env" "f" (func (@comdat "g")))"#, "an import"),
        (r#"(global (@comdat "g") i32 (i32.const 0))"#, "a global"),
        (r#"(tag (@comdat "g"))"#, "a tag"),
    ] {
        let out = assemble(&format!("(module {field})"), &Options::default());
        let errors: Vec<&str> = out.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.message.as_str()).collect();
        assert_eq!(errors, [format!("{what} cannot be in a comdat")], "{field}");
    }
}

/// Code that uses memory in an object that declares none (D12): the object imports
/// `env.__linear_memory` first, 64-bit for memory64 code, as if the text said so, with a warning
/// that says which import it wrote.
#[test]
fn rwat_memory_import_added() {
    let import32 = r#"(import "env" "__linear_memory" (memory 0))"#;
    let import64 = r#"(import "env" "__linear_memory" (memory i64 0))"#;
    let cases = [
        // js-bindgen's 128-bit result through memory (js_sys::numeric).
        (
            r#"(import "js_sys" "numeric.128.encode" (func $n (@sym) (param i64 i64 PTR)))
  (func $js_sys.numeric.128 (@sym) (param $lo i64) (param $hi i64) (param $out PTR)
    (i64.store offset=0 local.get $out local.get $lo)
    (i64.store offset=8 local.get $out local.get $hi)
    local.get $lo local.get $hi local.get $out call $n (@reloc))"#,
            true,
        ),
        // Memory instructions without a memory argument, and an active data segment.
        ("(func (export \"grow\") (param PTR) (result PTR) local.get 0 memory.grow)", true),
        ("(func (result PTR) memory.size) (data (PTR.const 0) \"hi\")", true),
        ("(data (i32.const 0) (@sym $d (size 2)) \"hi\")", false),
    ];
    for (fields, both) in cases {
        for (ptr, import) in [("i32", import32), ("i64", import64)] {
            if ptr == "i64" && !both {
                continue;
            }
            let fields = fields.replace("PTR", ptr);
            let (implied, warnings) = object(&format!("(module (@rwat)\n  {fields})"));
            let (written, none) = object(&format!("(module\n  {import}\n  {fields})"));
            assert_eq!(implied, written, "{fields}");
            assert!(none.is_empty(), "{none:?}");
            assert_eq!(warnings, ["this object has no memory: it imports `env.__linear_memory`"], "{fields}");
            let out = assemble(&format!("(module {fields})"), &Options::default());
            let help = out.diagnostics.iter().flat_map(|d| &d.notes).find(|n| n.starts_with("help: write"));
            assert!(help.is_some_and(|h| h.contains(import)), "{help:?}");
        }
    }
    // A module (not an object) gets no memory: validation says what is missing.
    let out = assemble(
        "(module (func (result i32) memory.size))",
        &Options { output: OutputKind::Module, ..Options::default() },
    );
    assert!(
        out.diagnostics.iter().any(|d| d.is_error() && d.message.contains("unknown memory")),
        "{:?}",
        out.diagnostics
    );
}

/// GCC's emitter escapes bytes below 0x20 and above 0x7f only, so DEL stands raw in its strings;
/// wabt reads it as its byte, and so does relwat, with a warning (D10).
#[test]
fn gcc_raw_del_in_a_string() {
    let text = |s: &str| {
        format!("(module (import \"env\" \"memory\" (memory 0)) (data (i32.const 0) (@sym $s (size 3)) \"{s}\"))")
    };
    let (raw, warnings) = object(&text("a\u{7f}\\00"));
    let (escaped, none) = object(&text("a\\7f\\00"));
    assert_eq!(raw, escaped);
    assert!(none.is_empty(), "{none:?}");
    assert_eq!(warnings, [relwat::literals::DEL_MESSAGE]);
    // Other control characters stay errors.
    let out = assemble(&text("a\u{1}"), &Options::default());
    assert!(out.diagnostics.iter().any(|d| d.is_error() && d.message.starts_with("control character U+0001")));
}
