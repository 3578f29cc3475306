//! The analysis features on the test file, and a fuzz test: random edits of real files never make
//! any analysis function panic.

mod support;

use relwat::span::Span;
use relwat_lsp::analysis::{Analysis, completion, fixes, hints, hover, names, symbols, tokens};
use support::{at, corpus};

fn features() -> String {
    std::fs::read_to_string(support::root().join("lsp/tests/data/features.wat")).unwrap()
}

fn labels(text: &str, offset: u32, a: &Analysis) -> Vec<String> {
    completion::complete(text, offset, Some((a, Some(offset)))).1.into_iter().map(|i| i.label).collect()
}

#[test]
fn completion_by_context() {
    let t = features();
    let a = Analysis::of_text(&t);
    // After `i32.const 0 (@reloc `: the methods that exist for sleb.
    let o = at(&t, "(@reloc data $counter +8)", 0, 8);
    let l = labels(&t, o, &a);
    assert!(
        l.contains(&"data".to_string()) && l.contains(&"functable".to_string()) && !l.contains(&"sleb".to_string()),
        "{l:?}"
    );
    // After `call $twice (@reloc `: function symbols only.
    let o = at(&t, "(@reloc $twice_alias)", 0, 8);
    let l = labels(&t, o, &a);
    assert!(
        l.contains(&"$twice_alias".to_string())
            && l.contains(&"$main".to_string())
            && !l.contains(&"$counter".to_string()),
        "{l:?}"
    );
    // Among data bytes: formats first.
    let o = at(&t, "(@reloc i32 functable $twice)", 0, 8);
    let l = labels(&t, o, &a);
    assert_eq!(l, vec!["i32", "i64"]);
    // After `(@reloc i32 `: methods that exist for i32.
    let o = at(&t, "(@reloc i32 functable $twice)", 0, 12);
    let l = labels(&t, o, &a);
    assert!(
        l.contains(&"functable".to_string()) && l.contains(&"functext".to_string()) && !l.contains(&"tag".to_string()),
        "{l:?}"
    );
    // Symbol qualifiers in a function header.
    let o = at(&t, "(@sym local)", 0, 6);
    let l = labels(&t, o, &a);
    assert!(
        l.contains(&"(init_prio N)".to_string())
            && l.contains(&"hidden".to_string())
            && !l.contains(&"(size N)".to_string()),
        "{l:?}"
    );
    // `$` after local.get: locals of the function.
    let mut t2 = t.clone();
    let o = at(&t2, "local.set $tmp", 0, 10) as usize;
    t2.replace_range(o..o + 4, "$");
    let l = labels(&t2, o as u32 + 1, &a);
    assert!(
        l.contains(&"$tmp".to_string()) && l.contains(&"$argc".to_string()) && !l.contains(&"$x".to_string()),
        "{l:?}"
    );
    // Instruction mnemonics by prefix.
    let mut t3 = t.clone();
    let o = at(&t3, "drop\n", 0, 0) as usize;
    t3.replace_range(o..o + 4, "i32.ad");
    let l = labels(&t3, o as u32 + 6, &a);
    assert_eq!(l, vec!["i32.add"]);
    // Annotation names.
    let mut t4 = t.clone();
    let o = at(&t4, "drop\n", 0, 0) as usize;
    t4.replace_range(o..o + 4, "(@");
    let (range, items) = completion::complete(&t4, o as u32 + 2, Some((&a, None)));
    let l: Vec<String> = items.into_iter().map(|i| i.label).collect();
    assert!(l.contains(&"@reloc".to_string()) && l.contains(&"@sym.label".to_string()), "{l:?}");
    assert_eq!(range, Span::new(o as u32 + 1, o as u32 + 2));
}

#[test]
fn hover_texts() {
    let t = features();
    let a = Analysis::of_text(&t);
    let h = hover::hover(&a, at(&t, "(@reloc i32 data $counter +4)", 0, 2)).unwrap();
    assert!(h.text.starts_with("`R_WASM_MEMORY_ADDR_I32` (5) → data symbol \"counter\" (global, hidden, size 4, segment \".data.counter\") +4 · DATA offset 0x"), "{}", h.text);
    assert!(h.text.contains("(segment 0 \".data.counter\" +8)"), "{}", h.text);
    let h = hover::hover(&a, at(&t, "i32.shl", 0, 2)).unwrap();
    assert!(h.text.contains("i32.shl : [i32 i32] → [i32]"), "{}", h.text);
    let h = hover::hover(&a, at(&t, "(call $puts", 0, 2)).unwrap();
    assert!(h.text.contains("call : [i32] → [i32]"), "{}", h.text);
    assert!(
        h.text.contains(
            "R_WASM_FUNCTION_INDEX_LEB` (0) → function symbol \"puts\" (global, default, undefined, function 0)"
        ),
        "{}",
        h.text
    );
    let h = hover::hover(&a, at(&t, "call_indirect", 0, 2)).unwrap();
    assert!(
        h.text.contains("R_WASM_TYPE_INDEX_LEB` (6) → type 0") && h.text.contains("R_WASM_TABLE_NUMBER_LEB"),
        "{}",
        h.text
    );
    let h = hover::hover(&a, at(&t, "functext $main", 0, 2)).unwrap();
    assert!(h.text.contains("R_WASM_FUNCTION_OFFSET_I32") && h.text.contains("\"main\""), "{}", h.text);
    let h = hover::hover(&a, at(&t, "(@sym $counter", 0, 7)).unwrap();
    assert!(h.text.contains("data symbol \"counter\" (global, hidden, size 4"), "{}", h.text);
    // Relocation type 27 (LLVM 23, decisions.md D8): hover and completion know it.
    let t = "(module (import \"env\" \"__linear_memory\" (memory i64 1))\n  (data (i64.const 0) (@sym $a (size 8)) \"\\00\\00\\00\\00\\00\\00\\00\\00\" (@reloc i64 data pic $a +4)))";
    let a = Analysis::of_text(t);
    let h = hover::hover(&a, at(t, "(@reloc i64 data pic", 0, 2)).unwrap();
    assert!(h.text.starts_with("`R_WASM_MEMORY_ADDR_LOCREL_I64` (27)"), "{}", h.text);
    let (_, items) = completion::complete(t, at(t, "pic $a", 0, 0), Some((&a, None)));
    assert!(items.iter().any(|i| i.label == "pic" && i.detail.contains("LOCREL_I64")), "{items:?}");
}

#[test]
fn outline_tokens_hints_fixes() {
    let t = features();
    let a = Analysis::of_text(&t);
    let o = symbols::outline(&a);
    let main = o.iter().find(|x| x.name == "$main").unwrap();
    assert_eq!(main.detail, "func");
    let twice = o.iter().find(|x| x.name == "$twice").unwrap();
    assert_eq!(twice.children.len(), 2);
    let ls = symbols::linker_symbols(&a);
    assert!(ls.iter().any(|s| s.name == "errno"));
    // Tokens: ids classified by namespace, in order, comments included.
    let toks = tokens::semantic_tokens(&a, None);
    assert!(toks.windows(2).all(|w| w[0].span.start <= w[1].span.start));
    let tok = |needle: &str, off: usize| toks.iter().find(|x| x.span.start == at(&t, needle, 0, off)).unwrap();
    assert_eq!(tokens::TYPES[tok("local.get $x", 10).ty as usize], "parameter");
    assert_eq!(tokens::TYPES[tok("call $puts", 5).ty as usize], "function");
    assert_eq!(tokens::TYPES[tok(";; A module", 0).ty as usize], "comment");
    assert_eq!(tokens::TYPES[tok("(@reloc data $counter +8)", 8).ty as usize], "modifier");
    assert_eq!(tok("func $main", 5).mods, 1);
    // Hints after unannotated immediates only.
    let hs = hints::inlay_hints(&a, Span::new(0, t.len() as u32));
    let got: Vec<(u32, &str)> = hs.iter().map(|h| (h.offset, h.label.as_str())).collect();
    assert!(got.contains(&(at(&t, "call $puts", 0, 10), "R_WASM_FUNCTION_INDEX_LEB")), "{got:?}");
    assert!(got.contains(&(at(&t, "global.get $sp", 0, 14), "R_WASM_GLOBAL_INDEX_LEB")), "{got:?}");
    assert!(!got.iter().any(|(o, _)| *o == at(&t, "call $twice", 0, 11)), "annotated call got a hint: {got:?}");
    // No fixes on a clean file; fixes on a broken one, applied, remove the errors.
    assert!(fixes::quick_fixes(&a, Span::new(0, t.len() as u32)).is_empty());
    let bad = "(module (import \"env\" \"__linear_memory\" (memory 1)) (func (result i32) i32.const 0 (@reloc sleb data $x)) (data (i32.const 0) (@sym $x) \"abcd\" \"\\00\\00\\00\\00\" (@reloc i32 functbl 0)))";
    let b = Analysis::of_text(bad);
    let fs = fixes::quick_fixes(&b, Span::new(0, bad.len() as u32));
    assert_eq!(fs.len(), 3, "{fs:?}");
    let mut edits: Vec<(Span, String)> = fs.into_iter().flat_map(|f| f.edits).collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0.start));
    let mut fixed = bad.to_string();
    for (s, new) in edits {
        fixed.replace_range(s.range(), &new);
    }
    let after = Analysis::of_text(&fixed);
    assert!(after.checked.diagnostics.iter().all(|d| !d.is_error()), "{fixed}: {:?}", after.checked.diagnostics);
}

/// Random edits of real files; every analysis function at many offsets must not panic.
#[test]
fn fuzz_analysis_functions_never_panic() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut rnd = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let pieces = [
        "(",
        ")",
        "$",
        "\"",
        "(@reloc",
        "(@sym",
        " data ",
        "i32.const 0",
        "call $f",
        ";;",
        "(;",
        ";)",
        "\\",
        "é",
        "𝄞",
        "\n",
        "+4",
        "(@sym.label $l)",
        "offset=4",
        "(@comdat $c \"x\")",
        "\u{0}",
    ];
    let files = corpus();
    for round in 0..6 {
        for (path, text) in &files {
            let mut t = text.clone();
            for _ in 0..=rnd(8) {
                let mut s = rnd(t.len() + 1);
                while !t.is_char_boundary(s) {
                    s -= 1;
                }
                let mut e = (s + rnd(12)).min(t.len());
                while !t.is_char_boundary(e) {
                    e += 1;
                }
                let ins: String = (0..rnd(3)).map(|_| pieces[rnd(pieces.len())]).collect();
                t.replace_range(s..e, &ins);
            }
            let a = Analysis::of_text(&t);
            let len = t.len() as u32;
            let _ = symbols::outline(&a);
            let _ = symbols::linker_symbols(&a);
            let _ = tokens::semantic_tokens(&a, None);
            let _ = hints::inlay_hints(&a, Span::new(0, len));
            let _ = fixes::quick_fixes(&a, Span::new(0, len));
            for _ in 0..24 {
                let o = rnd(t.len() + 1) as u32;
                let m = &a.syntax.module;
                let _ = hover::hover(&a, o);
                let _ = names::definition(&t, m, a.defs(), o);
                let _ = names::references(&t, m, a.defs(), o);
                let _ = names::rename(&t, m, a.defs(), o, "$renamed");
                let _ = tokens::semantic_tokens(&a, Some(Span::new(o, (o + 200).min(len))));
                let _ = completion::complete(&t, o, Some((&a, Some(o))));
            }
            let _ = (round, path);
        }
    }
}
