//! The analysis layer on the repository's WAT files: diagnostics as the assembler gives them,
//! navigation, and incremental re-parsing equal to a full parse.

mod support;

use relwat_lsp::analysis::{Analysis, Syntax, check, names};
use std::sync::Arc;
use support::{at, corpus};

#[test]
fn diagnostics_are_the_assemblers() {
    for (path, text) in corpus() {
        let a = Analysis::of_text(&text);
        let expected = relwat::assemble(&text, &relwat::Options::default()).diagnostics;
        assert_eq!(a.checked.diagnostics, expected, "{}", path.display());
    }
}

#[test]
fn diagnostics_have_related_locations() {
    let text = "(module (func $a) (func $a))";
    let a = Analysis::of_text(text);
    let d = &a.checked.diagnostics[0];
    assert_eq!(d.message, "duplicate function id `$a`");
    assert_eq!(d.secondary[0].span.start, 14);
}

fn features() -> String {
    std::fs::read_to_string(support::root().join("lsp/tests/data/features.wat")).unwrap()
}

fn def(a: &Analysis, offset: u32) -> Option<String> {
    let t = a.text();
    names::definition(t, &a.syntax.module, a.defs(), offset).map(|s| format!("{}@{}", s.text(t), s.start))
}

#[test]
fn definitions_of_every_kind_of_id() {
    let t = features();
    let a = Analysis::of_text(&t);
    assert!(a.checked.diagnostics.is_empty(), "{:?}", a.checked.diagnostics);
    // (text at the use, offset of the id in it, text at the definition)
    let cases: &[(&str, usize, &str)] = &[
        ("call $puts", 5, "func $puts"),
        ("(type $unary) (i32", 6, "type $unary (func"),
        ("global.get $sp", 11, "global $sp"),
        ("local.get $x", 10, "param $x"),
        ("local.get $argc", 10, "param $argc"),
        ("local.set $tmp", 10, "local $tmp"),
        ("br_if $out", 6, "block $out"),
        ("call $twice (", 5, "func $twice ("),
        ("(@reloc $twice_alias)", 8, "@sym $twice_alias"),
        ("(@reloc $counter)", 8, "@sym $counter"),
        ("data $counter +8", 5, "@sym $counter"),
        ("data $errno", 5, "data $errno ("),
        ("(comdat $c)", 8, "@comdat $c"),
        ("$main $here", 6, "@sym.label $here"),
        ("\".debug_str\" $s2", 14, "@sym.label $s2"),
    ];
    for &(use_, off, want) in cases {
        let o = at(&t, use_, 0, off);
        let got = def(&a, o).unwrap_or_else(|| panic!("no definition for {use_}"));
        let want_at = at(&t, want, 0, 0) + want.find('$').unwrap() as u32;
        let name: String = t[want_at as usize..].chars().take_while(|c| !c.is_whitespace() && *c != ')').collect();
        assert_eq!(got, format!("{name}@{want_at}"), "{use_}");
    }
    // The function symbol `$twice` in `(@reloc functable $twice)` is the function's id.
    let o = at(&t, "functable $twice", 0, 11);
    assert_eq!(def(&a, o).unwrap(), format!("$twice@{}", at(&t, "func $twice", 0, 5)));
}

#[test]
fn references_and_rename() {
    let t = features();
    let a = Analysis::of_text(&t);
    let m = &a.syntax.module;
    let refs = names::references(&t, m, a.defs(), at(&t, "$counter", 0, 2));
    assert_eq!(refs.len(), 4, "{refs:?}");
    let refs = names::references(&t, m, a.defs(), at(&t, "$tmp", 0, 1));
    assert_eq!(refs.len(), 3);
    // Renaming a function renames its calls and its symbol references; the result assembles.
    let edits = names::rename(&t, m, a.defs(), at(&t, "func $twice", 0, 6), "double").unwrap();
    assert_eq!(edits.len(), 4, "{edits:?}");
    let mut out = t.clone();
    for (s, new) in edits.iter().rev() {
        out.replace_range(s.range(), new);
    }
    assert!(out.contains("(func $double"));
    let after = Analysis::of_text(&out);
    assert!(after.checked.diagnostics.is_empty(), "{:?}", after.checked.diagnostics);
    let names: Vec<&str> = after.checked.linking.as_ref().unwrap().symbols.iter().map(|s| s.name.as_str()).collect();
    assert!(names.contains(&"double"), "{names:?}");
    // A taken name is refused; so is a bad one.
    assert!(matches!(
        names::rename(&t, m, a.defs(), at(&t, "func $twice", 0, 6), "$main"),
        Err(names::RenameError::Taken(_))
    ));
    assert!(matches!(
        names::rename(&t, m, a.defs(), at(&t, "func $twice", 0, 6), "a b"),
        Err(names::RenameError::BadName(_))
    ));
    // Labels and locals.
    let edits = names::rename(&t, m, a.defs(), at(&t, "$out", 0, 1), "$exit").unwrap();
    assert_eq!(edits.len(), 2);
}

#[test]
fn incremental_reparse_equals_full_parse_on_real_files() {
    // Random edits inside the files: after each, the incrementally updated syntax must equal a
    // fresh parse, and checking it must give the assembler's diagnostics.
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut rnd = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let inserts = [
        "x",
        " ",
        "\n  (func $q)",
        ";; c\n",
        "(; b ;)",
        "$a",
        "(",
        ")",
        "i32.add",
        "\"",
        ";;",
        "(;",
        "0",
        "\n",
        "(@reloc data $x)",
        "call $f",
    ];
    let mut field_updates = 0;
    for (path, text) in corpus() {
        let mut syntax = Syntax::parse(Arc::from(text.as_str()));
        let mut cur = text.clone();
        for _ in 0..150 {
            let mut s = rnd(cur.len() + 1);
            while !cur.is_char_boundary(s) {
                s -= 1;
            }
            let mut e = (s + rnd(6)).min(cur.len());
            while !cur.is_char_boundary(e) {
                e += 1;
            }
            let ins = if rnd(3) == 0 { "" } else { inserts[rnd(inserts.len())] };
            cur.replace_range(s..e, ins);
            let before = syntax.clone();
            let how = syntax.update(Arc::from(cur.as_str()), s as u32, e as u32, ins.len() as u32);
            if how == relwat_lsp::analysis::Reparse::Field {
                field_updates += 1;
            }
            let fresh = Syntax::parse(Arc::from(cur.as_str()));
            if syntax.module != fresh.module {
                let a = format!("{:?}", syntax.module);
                let b = format!("{:?}", fresh.module);
                let i = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).unwrap_or(0);
                panic!(
                    "{}: after {s}..{e} -> {ins:?}: trees differ at\n{}\n{}",
                    path.display(),
                    &a[i.saturating_sub(300)..(i + 100).min(a.len())],
                    &b[i.saturating_sub(300)..(i + 100).min(b.len())]
                );
            }
            assert_eq!(syntax.tokens, fresh.tokens);
            assert_eq!(
                syntax.parse_diags,
                fresh.parse_diags,
                "{}: {how:?} {s}..{e} -> {ins:?}; groups before {:?}\nBEFORE:\n{}\nAFTER:\n{cur}",
                path.display(),
                before.groups,
                before.text
            );
            assert_eq!(syntax.groups, fresh.groups);
            assert_eq!(syntax.unknown_annotations, fresh.unknown_annotations);
            assert_eq!(syntax.comments, fresh.comments);
        }
        let checked = check(&mut syntax, None, &|| false).unwrap();
        assert_eq!(checked.diagnostics, relwat::assemble(&cur, &relwat::Options::default()).diagnostics);
    }
    assert!(field_updates > 40, "only {field_updates} field re-parses");
}

/// An id that names nothing never stands for index 0: neither the hover nor the inlay hints of
/// `call $does_not_exist` describe function 0, while the known call beside it keeps both.
#[test]
fn unknown_ids_stand_for_nothing() {
    let text = "(module\n  (import \"env\" \"puts\" (func $puts (param i32) (result i32)))\n  (func $main (result i32)\n    (call $does_not_exist (i32.const 1))\n    (call $puts (i32.const 2))))\n";
    let a = Analysis::of_text(text);
    assert!(a.checked.diagnostics.iter().any(|d| d.is_error() && d.message.contains("$does_not_exist")));
    let unknown = support::at(text, "$does_not_exist", 0, 2);
    let h = relwat_lsp::analysis::hover::hover(&a, unknown).map(|h| h.text).unwrap_or_default();
    assert!(!h.contains("R_WASM_FUNCTION_INDEX_LEB") && !h.contains("\"puts\""), "{h}");
    let hints = relwat_lsp::analysis::hints::inlay_hints(&a, relwat::span::Span::new(0, text.len() as u32));
    let line = |o: u32| text[..o as usize].matches('\n').count();
    let unknown_line = line(unknown);
    assert!(hints.iter().all(|h| line(h.offset) != unknown_line), "a hint on the unknown call: {hints:?}");
    let known = support::at(text, "$puts (i32.const 2)", 0, 2);
    assert!(hints.iter().any(|h| line(h.offset) == line(known)), "no hint on the known call: {hints:?}");
    let h = relwat_lsp::analysis::hover::hover(&a, known).map(|h| h.text).unwrap_or_default();
    assert!(h.contains("R_WASM_FUNCTION_INDEX_LEB"), "{h}");
}

/// Folding: runs of line comments and block comments over several lines fold as comments; a flat
/// `loop ... end` inside a folded `(block ...)` folds on its own; one-line lists do not fold.
#[test]
fn folding_ranges_of_comments_and_blocks() {
    use relwat_lsp::analysis::structure::{FoldKind, folding_ranges};
    let text = ";; first\n;; second\n(module\n  (; a block\n     comment ;)\n  (func $f\n    (block\n      loop $l\n        br $l\n      end)\n    (nop)))\n";
    let a = Analysis::of_text(text);
    let folds: Vec<(FoldKind, &str)> = folding_ranges(&a).iter().map(|f| (f.kind, f.span.text(text))).collect();
    assert!(folds.contains(&(FoldKind::Comment, ";; first\n;; second")), "{folds:?}");
    assert!(folds.contains(&(FoldKind::Comment, "(; a block\n     comment ;)")), "{folds:?}");
    assert!(folds.contains(&(FoldKind::Region, "loop $l\n        br $l\n      end")), "{folds:?}");
    assert!(folds.iter().any(|(k, s)| *k == FoldKind::Region && s.starts_with("(block")), "{folds:?}");
    assert!(!folds.iter().any(|(_, s)| *s == "(nop)"), "{folds:?}");
}

/// Type definitions: of a function (at its definition, at a call, through an alias symbol), of a
/// global, a parameter and a local of reference type; none for a type added for an inline
/// signature or for a number type.
#[test]
fn type_definitions() {
    let text = r#"(module
  (type $sig (func (param i32) (result i32)))
  (type $node (struct (field i32)))
  (import "env" "ext" (func $ext (type $sig)))
  (global $root (mut (ref null $node)) (ref.null $node))
  (func $f (@sym $f_alias) (type $sig) (param $n i32) (result i32)
    (local $cur (ref null $node))
    (call $ext (local.get $n)))
  (func $inline (param i32))
  (func $user (call $f (@reloc $f_alias) (i32.const 0)) drop (local.get 0) drop))
"#;
    let a = Analysis::of_text(text);
    let m = &a.syntax.module;
    let ty = |needle: &str, off: usize| {
        names::type_definition(text, m, a.defs(), at(text, needle, 0, off)).map(|s| s.text(text).to_string())
    };
    assert_eq!(ty("func $f ", 6).as_deref(), Some("$sig"));
    assert_eq!(ty("call $f ", 6).as_deref(), Some("$sig"));
    assert_eq!(ty("(@reloc $f_alias)", 9).as_deref(), Some("$sig"));
    assert_eq!(ty("call $ext", 6).as_deref(), Some("$sig"));
    assert_eq!(ty("global $root", 8).as_deref(), Some("$node"));
    assert_eq!(ty("local $cur", 7).as_deref(), Some("$node"));
    assert_eq!(ty("local.get $n", 11), None, "an i32 parameter");
    assert_eq!(ty("func $inline", 6), None, "a type added for an inline signature");
}

/// Signature help inside folded instructions: a call's parameters (with the callee's own ids)
/// and the operand being written as the active one; an instruction's operand types; nothing
/// outside a folded instruction or for an instruction without operands.
#[test]
fn signature_help_in_folded_instructions() {
    use relwat_lsp::analysis::signature::signature_help;
    let text = "(module\n  (func $add3 (param $a i32) (param $b i64) (param f32) (result i32) (i32.const 0))\n  (func $main (result i32)\n    (call $add3 (i32.const 1) (i64.const 2) (f32.const 3))\n    (i32.add (i32.const 1) (i32.const 2))\n    (drop) (nop) (i32.const 7)))\n";
    let a = Analysis::of_text(text);
    let sig = |needle: &str, off: usize| signature_help(text, at(text, needle, 0, off), Some(&a));
    let s = sig("(i32.const 1) (i64", 0).expect("at the first operand");
    assert_eq!(s.label, "call $add3 (param $a i32) (param $b i64) (param f32) (result i32)");
    let param = |s: &relwat_lsp::analysis::signature::Signature, i: usize| {
        let (from, to) = s.params[i];
        s.label[from as usize..to as usize].to_string()
    };
    assert_eq!((s.active, param(&s, 0)), (0, "(param $a i32)".to_string()));
    let s = sig("(i64.const 2)", 0).expect("at the second operand");
    assert_eq!((s.active, param(&s, 1)), (1, "(param $b i64)".to_string()));
    let s = sig("(f32.const 3))", 0).expect("at the third operand");
    assert_eq!(s.active, 2);
    // Inside an operand: that operand's own signature (i32.const has no operands: none).
    assert!(sig("i32.const 1) (i64", 10).is_none());
    let s = sig("(i32.const 1) (i32.const 2))", 14).expect("in i32.add");
    assert_eq!(s.label, "i32.add (param i32) (param i32) (result i32)");
    assert_eq!(s.active, 1);
    assert!(sig("(drop)", 5).is_some(), "drop takes an operand");
    assert!(sig("(nop)", 4).is_none(), "nop takes none");
    assert!(sig("(func $main", 0).is_none(), "not in an instruction");
}

/// The text with the one quick fix it has applied, and that fix's title.
fn with_the_fix(text: &str) -> (String, String) {
    let a = Analysis::of_text(text);
    let fixes = relwat_lsp::analysis::fixes::quick_fixes(&a, relwat::span::Span::new(0, text.len() as u32));
    assert_eq!(fixes.len(), 1, "{fixes:?}");
    let mut fixed = text.to_string();
    for (span, new) in fixes[0].edits.iter().rev() {
        fixed.replace_range(span.range(), new);
    }
    (fixed, fixes[0].title.clone())
}

/// Quick fixes of mistakes: a misspelt linking annotation, id or qualifier is written as the
/// name it most likely means; a data segment id used as a symbol gets the `(@sym ...)` that
/// defines the symbol, with the segment's size; another tool's spelling is written as the
/// proposal's. Each fixed text assembles without a diagnostic.
#[test]
fn fixes_of_mistakes() {
    let memory = "(import \"env\" \"__linear_memory\" (memory 1))";
    let cases = [
        (
            format!(
                "(module {memory} (func (result i32) i32.const 0 (@relocc data $x)) (data (i32.const 0) (@sym $x (size 1)) \"\\00\"))"
            ),
            "(@reloc data $x)",
            "Write `(@reloc`",
        ),
        ("(module (func $greeting) (func (call $greting)))".to_string(), "(call $greeting)", "Write `$greeting`"),
        ("(module (func $ctor (@sym (init-prio 101))))".to_string(), "(@sym (init_prio 101))", "Write `(init_prio`"),
        (
            format!("(module {memory} (data $msg (i32.const 0) \"hello\" \"\\00\"))"),
            "(data $msg (i32.const 0) (@sym $msg (size 6)) \"hello\"",
            "Add `(@sym $msg (size 6))`",
        ),
        // rwat's place for a table's relocation (D12).
        (
            "(module (import \"env\" \"__indirect_function_table\" (table 0 funcref)) (type $t (func)) (func (param i32) local.get 0 call_indirect (type $t) (@reloc)))".to_string(),
            "call_indirect (@reloc) (type $t)))",
            "Move the relocation to the proposal's place",
        ),
        // rwat's comdat in a function header (D12): declared, and named by the symbol.
        (
            "(module\n  (func $f (@sym weak) (@comdat \"g\") (result i32) i32.const 1))".to_string(),
            "(module\n  (@comdat $g \"g\")\n  (func $f (@sym (comdat $g) weak) (result i32)",
            "Declare `(@comdat $g \"g\")` and write `(comdat $g)`",
        ),
        (
            "(module (func $f (@comdat \"g\") (result i32) i32.const 1))".to_string(),
            "(module (@comdat $g \"g\") (func $f (@sym (comdat $g)) (result i32)",
            "Declare `(@comdat $g \"g\")` and write `(comdat $g)`",
        ),
        // Code that uses memory in an object without one (D12): the import clang's objects have,
        // before the first field (on its own line when the field starts one), 64-bit for
        // memory64 code.
        (
            "(module (@rwat)\n  (func (param i32 i64)\n    (i64.store local.get 0 local.get 1)))".to_string(),
            "(module (@rwat)\n  (import \"env\" \"__linear_memory\" (memory 0))\n  (func (param i32",
            "Add `(import \"env\" \"__linear_memory\" (memory 0))`",
        ),
        (
            "(module (func (param i64) (result i32) (i32.load (local.get 0))))".to_string(),
            "(module (import \"env\" \"__linear_memory\" (memory i64 0)) (func (param i64)",
            "Add `(import \"env\" \"__linear_memory\" (memory i64 0))`",
        ),
        // GCC's raw DEL in a string (D10).
        (
            "(module (import \"env\" \"memory\" (memory 0)) (data (i32.const 0) (@sym $s (size 2)) \"a\u{7f}\"))".to_string(),
            "\"a\\7f\"",
            "Write `\\7f`",
        ),
        // GCC's spelling of segment info (D10).
        (
            format!(
                "(module {memory} (data (@sym (align 8) (name \".rodata.x\")) (i32.const 0) (@sym $x (size 1)) \"\\00\"))"
            ),
            "(data (@sym.segment (align 8)",
            "Write `(@sym.segment`",
        ),
    ];
    for (text, want, title) in cases {
        let (fixed, got_title) = with_the_fix(&text);
        assert!(fixed.contains(want), "{text}\n→ {fixed}");
        assert_eq!(got_title, title);
        let after = Analysis::of_text(&fixed);
        assert!(after.checked.diagnostics.is_empty(), "{fixed}: {:?}", after.checked.diagnostics);
    }
}

/// Definitions follow what the assembler's resolver wrote into the tree: a local by number
/// (after the id-less parameters of a `(type $t)` signature), a label by depth, an entity by
/// number among the imports and definitions; an id that names nothing has no definition.
#[test]
fn definitions_follow_the_resolver() {
    let text = r#"(module
  (type $t (func (param i32 i32)))
  (import "env" "f" (func $imported))
  (func $g (type $t) (local $x i64)
    local.get 2
    drop
    (block $outer
      (block
        br 1))
    call 1
    call 0
    call $nowhere))
"#;
    let a = Analysis::of_text(text);
    let m = &a.syntax.module;
    let def = |needle: &str, off: usize| {
        names::definition(text, m, a.defs(), at(text, needle, 0, off)).map(|s| s.text(text).to_string())
    };
    assert_eq!(def("local.get 2", 10).as_deref(), Some("$x"));
    assert_eq!(def("br 1", 3).as_deref(), Some("$outer"));
    assert_eq!(def("call 1", 5).as_deref(), Some("$g"));
    assert_eq!(def("call 0", 5).as_deref(), Some("$imported"));
    assert_eq!(def("call $nowhere", 6), None);
}

#[test]
fn symbol_uses_follow_the_object_rules() {
    // A `global` relocation at a constant names the GOT entry of a data or function symbol
    // (A11, D4): its definition is what the object is written with, found among three kinds.
    // A label addend is in the symbol's own segment, not in another with a label of the same
    // name; a comdat use is the comdat's declaration.
    let text = r#"(module
  (import "env" "__linear_memory" (memory 1))
  (@comdat $c "group")
  (data $a (i32.const 0) (@sym $buf (size 8)) "abcd" (@sym.label $mid) "efgh")
  (data $b (i32.const 0) (@sym $other (size 8)) "abcd" (@sym.label $mid) "efgh")
  (func $in_group (@sym weak (comdat $c)))
  (func $f (result i32)
    i32.const 0 (@reloc leb global $buf)
    drop
    i32.const 0 (@reloc data $other $mid)
    drop
    i32.const 0 (@reloc data $buf $mid)))
"#;
    let a = Analysis::of_text(text);
    assert!(a.checked.diagnostics.iter().all(|d| !d.is_error()), "{:?}", a.checked.diagnostics);
    let m = &a.syntax.module;
    let def =
        |needle: &str, off: usize| names::definition(text, m, a.defs(), at(text, needle, 0, off)).map(|s| s.start);
    assert_eq!(def("global $buf", 8), Some(at(text, "$buf (size", 0, 0)));
    assert_eq!(def("$other $mid", 8), Some(at(text, "$mid", 1, 0)));
    assert_eq!(def("$buf $mid", 6), Some(at(text, "$mid", 0, 0)));
    assert_eq!(def("(comdat $c)", 8), Some(at(text, "$c", 0, 0)));
}
