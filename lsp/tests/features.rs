//! The analysis features on the test file, and a fuzz test: random edits of real files never make
//! any analysis function panic. Hover and completion answers are snapshot files (`answers.rs`).

mod support;

use relwat::span::Span;
use relwat_lsp::analysis::{Analysis, completion, fixes, hints, hover, names, symbols, tokens};
use support::{at, corpus};

fn features() -> String {
    std::fs::read_to_string(support::root().join("lsp/tests/data/features.wat")).unwrap()
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
