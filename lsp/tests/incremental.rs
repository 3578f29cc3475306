//! Checks that take the bodies of unchanged functions from the previous check give exactly what
//! a check from scratch gives: diagnostics, the encoded object and its linking data, after random
//! edits of the repository's WAT files and of a module large enough for two threads.

mod support;

use relwat_lsp::analysis::{Checked, Syntax, check};
use std::sync::Arc;

/// A small xorshift generator: the same edits on every run.
struct Rnd(u64);

impl Rnd {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// What a check gave, in a form to compare.
fn summary(c: &Checked) -> (String, Option<Vec<u8>>, String, String) {
    let enc = c.encoded.as_ref();
    (
        format!("{:#?}", c.diagnostics),
        enc.map(|e| e.bytes.clone()),
        format!("{:?}", enc.map(|e| (&e.code_sites, &e.func_bodies, &e.sections, e.code_payload))),
        format!("{:?}", c.linking),
    )
}

/// An edit of `text` at a random place, most of them inside function bodies (where the
/// previous check's results are taken); returns (start, old end, new text).
fn random_edit(rnd: &mut Rnd, text: &str) -> (usize, usize, &'static str) {
    const INSERTS: &[&str] = &[
        "x",
        " ",
        "nop ",
        "$a",
        "(",
        ")",
        "i32.add ",
        "drop ",
        "\"",
        ";;",
        "0",
        "\n",
        "(@reloc data $x)",
        "call $f ",
        "i32.const 1 ",
        "local.get 0 ",
        "(local i32)",
        "(@sym.label $l)",
        "\n  (func $q (result i32) i32.const 1)",
        ";; c\n",
    ];
    let starts: Vec<usize> = text.match_indices("\n    ").map(|(i, _)| i + 5).collect();
    let mut s = if !starts.is_empty() && rnd.below(4) != 0 {
        starts[rnd.below(starts.len())]
    } else {
        rnd.below(text.len() + 1)
    };
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = (s + if rnd.below(2) == 0 { 0 } else { rnd.below(8) }).min(text.len());
    while !text.is_char_boundary(e) {
        e += 1;
    }
    let ins = if rnd.below(4) == 0 { "" } else { INSERTS[rnd.below(INSERTS.len())] };
    (s, e, ins)
}

/// Edits `text` `edits` times at random. See [`edit_and_compare_with`].
fn edit_and_compare(name: &str, text: &str, rnd: &mut Rnd, edits: usize) -> usize {
    edit_and_compare_with(name, text, edits, |cur| {
        let (s, e, ins) = random_edit(rnd, cur);
        (s, e, ins.to_string())
    })
}

/// Edits `text` `edits` times, each edit made by `next` from the current text, and checks after
/// each edit with what the previous check kept, on trees handled as the language server's worker
/// handles them: the tree of the check before the last, brought up to date when the edit stays
/// inside one field (else a copy of the last checked tree), is updated with the new edit and
/// checked. After each edit the check must equal a check from scratch and the assembler's
/// diagnostics. Returns how many bodies the checks took from the checks before them.
fn edit_and_compare_with(
    name: &str,
    text: &str,
    edits: usize,
    mut next: impl FnMut(&str) -> (usize, usize, String),
) -> usize {
    let mut cur = text.to_string();
    let mut shared = 0;
    let mut current = Syntax::parse(Arc::from(text));
    let mut last = check(&mut current, None, &|| false).expect("not cancelled");
    // The tree of the check before `current`'s and the edit that brings it up to date.
    let mut older: Option<(Syntax, (u32, u32, u32))> = None;
    for n in 0..edits {
        let mut tree = older
            .take()
            .and_then(|(mut t, (s, e, len))| t.update_field(current.text.clone(), s, e, len).then_some(t))
            .unwrap_or_else(|| current.clone());
        let (s, e, ins) = next(&cur);
        cur.replace_range(s..e, &ins);
        let new: Arc<str> = Arc::from(cur.as_str());
        let edit = (s as u32, e as u32, ins.len() as u32);
        tree.update(new.clone(), edit.0, edit.1, edit.2);
        let got = check(&mut tree, Some(&last.bodies), &|| false).expect("not cancelled");
        let mut fresh_tree = Syntax::parse(new.clone());
        let fresh = check(&mut fresh_tree, None, &|| false).expect("not cancelled");
        let (a, b) = (summary(&got), summary(&fresh));
        assert!(
            a == b,
            "{name}: after edit {n} ({s}..{e} -> {ins:?}) the check differs from a fresh one:\n{}",
            first_difference(&a, &b)
        );
        // The resolved tree (which requests read) too.
        assert!(
            tree.module == fresh_tree.module,
            "{name}: after edit {n} ({s}..{e} -> {ins:?}) the resolved tree differs from a fresh one"
        );
        let assembled = relwat::assemble(&cur, &relwat::Options::default());
        assert_eq!(got.diagnostics, assembled.diagnostics, "{name}: after edit {n}");
        shared += last.bodies.shared_with(&got.bodies);
        older = Some((std::mem::replace(&mut current, tree), edit));
        last = got;
    }
    shared
}

fn first_difference(
    a: &(String, Option<Vec<u8>>, String, String),
    b: &(String, Option<Vec<u8>>, String, String),
) -> String {
    let pairs = [("diagnostics", &a.0, &b.0), ("encoding", &a.2, &b.2), ("linking", &a.3, &b.3)];
    for (what, x, y) in pairs {
        if x != y {
            let i = x.bytes().zip(y.bytes()).position(|(p, q)| p != q).unwrap_or(x.len().min(y.len()));
            let from = i.saturating_sub(200);
            return format!(
                "{what}:\n  got:   {}\n  fresh: {}",
                &x[from..(i + 200).min(x.len())],
                &y[from..(i + 200).min(y.len())]
            );
        }
    }
    "bytes".to_string()
}

#[test]
fn incremental_checks_equal_fresh_checks_on_real_files() {
    let mut rnd = Rnd(0x2545_f491_4f6c_dd1d);
    let mut shared = 0;
    for (path, text) in support::corpus() {
        shared += edit_and_compare(&path.display().to_string(), &text, &mut rnd, 30);
    }
    assert!(shared > 0, "bodies were taken");
}

/// A module of about 400 KB: its bodies are resolved and encoded on two threads.
fn large_module() -> String {
    let mut text = String::from(
        "(module\n  (type $t (func (param i32) (result i32)))\n  (import \"env\" \"__linear_memory\" (memory 1))\n  (import \"env\" \"__indirect_function_table\" (table 0 funcref))\n  (global $sp (mut i32) (i32.const 0))\n",
    );
    for i in 0..3000 {
        text.push_str(&format!(
            "  (func $f{i} (type $t) (local $x i32)\n    local.get 0\n    i32.const {i}\n    i32.add\n    call $f{}\n    local.set $x\n    global.get $sp\n    i32.load offset=4\n    drop\n    (block $b (br_if $b (local.get $x)))\n    local.get $x)\n",
            (i + 7) % 3000
        ));
    }
    text.push_str("  (data (i32.const 0) (@sym $d (size 4)) \"abcd\"))\n");
    text
}

#[test]
fn incremental_checks_equal_fresh_checks_on_a_large_module() {
    let text = large_module();
    assert!(text.len() > 300 << 10);
    // Each random edit is undone by the next, as typing breaks a body and mends it: most checks
    // then have bodies to take.
    let mut rnd = Rnd(0x9e37_79b9_7f4a_7c15);
    let mut undo: Option<(usize, usize, String)> = None;
    let shared = edit_and_compare_with("large module", &text, 40, |cur| match undo.take() {
        Some(u) => u,
        None => {
            let (s, e, ins) = random_edit(&mut rnd, cur);
            undo = Some((s, s + ins.len(), cur[s..e].to_string()));
            (s, e, ins.to_string())
        }
    });
    assert!(shared > 3000 * 20, "bodies were taken: {shared}");
}

/// The bodies of functions an edit did not touch are taken from the previous check, not made
/// again: a change of one body leaves the others' encodings shared.
#[test]
fn unchanged_bodies_are_taken() {
    let text = large_module();
    let mut tree = Syntax::parse(Arc::from(text.as_str()));
    let first = check(&mut tree, None, &|| false).expect("not cancelled");
    assert!(first.diagnostics.is_empty(), "{:?}", first.diagnostics.first());
    let at = text.find("i32.const 17").expect("a body");
    let mut cur = text.clone();
    cur.insert_str(at, "nop ");
    tree.update(Arc::from(cur.as_str()), at as u32, at as u32, 4);
    let second = check(&mut tree, Some(&first.bodies), &|| false).expect("not cancelled");
    let (a, b) = (&first.bodies, &second.bodies);
    assert_eq!(a.shared_with(b), 2999, "all bodies but the edited one");
    // An edit outside the bodies (a new global) makes every body again.
    let at = cur.find("(global $sp").expect("the global");
    let global = "(global $g i32 (i32.const 0))\n  ";
    cur.insert_str(at, global);
    tree.update(Arc::from(cur.as_str()), at as u32, at as u32, global.len() as u32);
    let third = check(&mut tree, Some(&second.bodies), &|| false).expect("not cancelled");
    assert_eq!(second.bodies.shared_with(&third.bodies), 0);
    assert!(third.diagnostics.is_empty(), "{:?}", third.diagnostics.first());
}

/// Edits outside the bodies that change what the bodies' indices, types or encodings are, inside
/// one field (the tree is updated, the other functions keep their stamps) and between fields:
/// every body is made again and the check still equals a fresh one.
#[test]
fn edits_outside_bodies_change_the_bodies() {
    let text = large_module();
    // Each edit replaces the first occurrence of its first text with its second. Edits inside
    // bodies between them let both trees take bodies from the check before.
    let edits: &[(&str, &str)] = &[
        ("i32.const 17", "i32.const 18"),
        ("i32.const 18", "i32.const 19"),
        // A function that is no longer one: the functions after it move up.
        ("(func $f0 ", "(funk $f0 "),
        ("i32.const 19", "i32.const 119"),
        ("(funk $f0 ", "(func $f0 "),
        ("i32.const 119", "i32.const 19"),
        ("$sp (mut i32)", "$sp2 (mut i32)"),
        ("i32.const 19", "i32.const 20"),
        ("$sp2 (mut i32)", "$sp (mut i32)"),
        ("i32.const 20", "i32.const 21"),
        ("(memory 1)", "(memory i64 1)"),
        ("i32.const 21", "i32.const 22"),
        ("(memory i64 1)", "(memory 1)"),
        ("i32.const 22", "i32.const 23"),
        ("(param i32) (result i32)", "(param i64) (result i32)"),
        ("i32.const 23", "i32.const 24"),
        ("(param i64) (result i32)", "(param i32) (result i32)"),
        ("i32.const 24", "i32.const 25"),
        ("(global $sp", "(global $g0 i32 (i32.const 0)) (global $sp"),
        ("i32.const 25", "i32.const 26"),
        ("(func $f0 ", "(func $new (type $t) local.get 0) (func $f0 "),
        ("i32.const 26", "i32.const 27"),
        ("(type $t ", "(type $u (func)) (type $t "),
        ("i32.const 27", "i32.const 28"),
        ("(import \"env\" \"__indirect", "(import \"env\" \"g\" (global $imp i32)) (import \"env\" \"__indirect"),
        ("i32.const 28", "i32.const 29"),
        ("(func $f0 ", "(import \"env\" \"h\" (func $h (param i32) (result i32))) (func $f0 "),
        ("i32.const 29", "i32.const 30"),
    ];
    let mut it = edits.iter();
    let shared = edit_and_compare_with("outside bodies", &text, edits.len(), |cur| {
        let (from, to) = it.next().expect("one per edit");
        let s = cur.find(from).expect("the place");
        (s, s + from.len(), to.to_string())
    });
    assert!(shared > 3000, "bodies were taken between the edits: {shared}");
}

/// Functions added between two fields (the text between them re-parsed, the functions after
/// them moved), each followed by edits inside bodies: the bodies are taken by their own
/// functions, never by the function that now stands at their index.
#[test]
fn functions_added_between_fields() {
    let text = large_module();
    // (where, how many of its bytes are replaced, by what)
    let steps: &[(&str, usize, &str)] = &[
        ("\n  (func $f1 ", 0, "\n  (func $new1 (type $t) local.get 0)"),
        ("i32.const 17", 12, "i32.const 18"),
        ("i32.const 18", 12, "i32.const 19"),
        ("\n  (func $f5 ", 0, "\n  (func $new2 (type $t) i32.const 2)"),
        ("i32.const 19", 12, "i32.const 20"),
        ("i32.const 20", 12, "i32.const 21"),
    ];
    let mut it = steps.iter();
    edit_and_compare_with("functions added", &text, steps.len(), |cur| {
        let (needle, len, new) = it.next().expect("one per edit");
        let at = cur.find(needle).expect("the place");
        (at, at + len, new.to_string())
    });
}
