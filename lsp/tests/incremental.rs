//! Checks that take the bodies of unchanged functions from the previous check give exactly what
//! a check from scratch gives: diagnostics, the encoded object and its linking data, after random
//! edits of the repository's WAT files and of a module large enough for two threads.

mod support;

use relwat_lsp::analysis::{Analysis, Checked, Syntax, check};
use relwat_lsp::server::{Edit, hull, next_syntax};
use std::cell::Cell;
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

/// The checks of one document as the language server's worker makes them (`worker` in
/// src/server/worker.rs), without the protocol: the edits arrive in `batches` (those made while the check
/// before ran), each batch checked once, on the tree the worker keeps brought up to date with the
/// hull of the batch. The check of batch `i` is cancelled at its `cancel[i]`th question (when it
/// gets that far): the next check takes up its tree. The last batch's check is not cancelled.
/// The first check is of `text` as opened. Every check that is not cancelled must equal a check
/// from scratch.
fn worker_session(
    text: &str,
    edits: &[(usize, usize, &str)],
    batches: &[usize],
    cancel: &[Option<usize>],
) -> Result<(), String> {
    assert_eq!(batches.iter().sum::<usize>(), edits.len());
    let mut cur = text.to_string();
    let mut generation = 1u64;
    // As in the server's `Doc` and `worker`.
    let mut since: Vec<(u64, Edit)> = Vec::new();
    let mut base: Option<(u64, Syntax)> = None;
    let mut analysis: Option<(u64, Arc<Analysis>)> = None;
    let mut done = 0;
    for (b, &size) in std::iter::once(&0).chain(batches).enumerate() {
        for &(s, e, ins) in &edits[done..done + size] {
            cur.replace_range(s..e, ins);
            generation += 1;
            since.push((generation, Edit { start: s as u32, old_end: e as u32, new_len: ins.len() as u32 }));
        }
        done += size;
        let text: Arc<str> = Arc::from(cur.as_str());
        let from = base.as_ref().map_or(0, |(g, _)| *g);
        let batch: Vec<Edit> = since.iter().filter(|(g, _)| *g > from).map(|(_, e)| *e).collect();
        let mut syn = match (base.take(), hull(&batch)) {
            (Some((_, mut s)), Some(e)) => {
                s.update(text.clone(), e.start, e.old_end, e.new_len);
                s
            }
            (Some((_, s)), None) => s,
            (None, _) => Syntax::parse(text.clone()),
        };
        let stop = if b == 0 || b == batches.len() { None } else { cancel.get(b - 1).copied().flatten() };
        let asked = Cell::new(0);
        let kept = analysis.as_ref().map(|(_, a)| &a.checked.bodies);
        let cancelled = || {
            asked.set(asked.get() + 1);
            stop == Some(asked.get())
        };
        let Some(checked) = check(&mut syn, kept, &cancelled) else {
            base = Some((generation, syn));
            continue;
        };
        let mut fresh_tree = Syntax::parse(text.clone());
        let fresh = check(&mut fresh_tree, None, &|| false).expect("not cancelled");
        let (a, f) = (summary(&checked), summary(&fresh));
        if a != f {
            return Err(format!(
                "the check of version {generation} differs from a fresh one:\n{}",
                first_difference(&a, &f)
            ));
        }
        if syn.module != fresh_tree.module {
            return Err(format!("the tree of version {generation} differs from a fresh one"));
        }
        let analysis_now = Arc::new(Analysis::new(Arc::new(syn), checked));
        let replay: Vec<Edit> = since.iter().filter(|(g, _)| *g <= generation).map(|(_, e)| *e).collect();
        since.retain(|(g, _)| *g > generation);
        let previous = analysis.replace((generation, analysis_now.clone()));
        base = Some((generation, next_syntax(previous.map(|(_, a)| a), &analysis_now.syntax, &replay)));
    }
    Ok(())
}

/// Each way of cutting `n` edits into batches, as the sizes of the batches.
fn batchings(n: usize) -> impl Iterator<Item = Vec<usize>> {
    (0u32..1 << (n - 1)).map(move |cuts| {
        let mut sizes = vec![1];
        for i in 0..n - 1 {
            if cuts & (1 << i) != 0 {
                sizes.push(1);
            } else {
                *sizes.last_mut().expect("one") += 1;
            }
        }
        sizes
    })
}

/// The edits the fuzz target's `lsp` session makes of the input
/// fuzz/corpus/lsp/diagnostics-after-edits.bin (its text is lsp/tests/data/diagnostics-after-edits.txt),
/// in byte offsets of the text before each.
const FUZZ_EDITS: &[(usize, usize, &str)] = &[
    (
        1652,
        1652,
        concat!(
            "ndependent code, linked into a PIE (wasm-ld -pie --experimental-pic) and run by\n",
            ";; run-host.mjs --pie, which places the data at __memory_base = 1024 and the table slots at\n",
            ";; __table_base = 3 and call",
        ),
    ),
    (339, 339, "v128.const i32x4 0 0 0 0"),
    (
        3925,
        3925,
        concat!(
            ") (result i32)))\n",
            "  (import \"env\" \"__linear_memory\" (memory 1))\n",
            "  (import \"env\" \"__indirect_function_table\" (table $ift (@sym retain) 0 funcref))\n",
            "  (import \"env\" \"__memory_base\" (global $memory_base i3",
        ),
    ),
    (2428, 2428, "(func $f"),
    (
        3010,
        3010,
        concat!(
            "addresses through the GOT (decisions.md A11): imports from GOT.mem / GOT.func have no\n",
            ";;   symbol of their own; global.get of them is GLOBAL_INDEX_LEB against the data or function\n",
            ";;   symbol named by",
        ),
    ),
    (2110, 2110, ""),
    (506, 2035, ""),
    (2643, 2643, "4294967296"),
];

/// The edits of a fuzz input that made the language server publish diagnostics for the last
/// version that a fresh open of its text does not have (depending on how the edits were batched),
/// in every batching, and in random ones with checks cancelled. The edits delete the file's
/// `(module` line: the text is a bare list of fields, where a function's failed `(@reloc ...)`
/// (`$wat_lo(func $fcal)`) leaves its `)` to end the function and the parse stops at the
/// function's own `)`. The imports the edits put after it are not read by a parse of the whole
/// text; the last edit, checked alone, re-parsed one of them as a field of its own ("import after
/// a definition").
#[test]
fn diagnostics_after_edits_in_every_batching() {
    let text = std::fs::read_to_string(support::root().join("lsp/tests/data/diagnostics-after-edits.txt")).unwrap();
    let n = FUZZ_EDITS.len();
    for sizes in batchings(n) {
        if let Err(e) = worker_session(&text, FUZZ_EDITS, &sizes, &[]) {
            panic!("edits in batches of {sizes:?}: {e}");
        }
    }
    let mut rnd = Rnd(0x5851_f42d_4c95_7f2d);
    for _ in 0..300 {
        let sizes = random_batches(&mut rnd, n);
        let cancel: Vec<Option<usize>> =
            sizes.iter().map(|_| [None, Some(1), Some(2), Some(3)][rnd.below(4)]).collect();
        if let Err(e) = worker_session(&text, FUZZ_EDITS, &sizes, &cancel) {
            panic!("edits in batches of {sizes:?}, checks cancelled at {cancel:?}: {e}");
        }
    }
}

/// Sizes of random batches of `n` edits (at most three in a batch).
fn random_batches(rnd: &mut Rnd, n: usize) -> Vec<usize> {
    let mut sizes = Vec::new();
    let mut left = n;
    while left > 0 {
        let k = 1 + rnd.below(left.min(3));
        sizes.push(k);
        left -= k;
    }
    sizes
}

/// A random edit for [`worker_session`]s: [`random_edit`]'s, a piece of the text copied to a
/// random place, an instruction at the start of a body line, some with a `(@reloc ...)` that
/// fails on a list (the parser's recovery then ends the function at the annotation's `)`), or a
/// group before one of the first fields.
fn random_batch_edit(rnd: &mut Rnd, text: &str) -> (usize, usize, String) {
    let starts: Vec<usize> = text.match_indices("\n    ").map(|(i, _)| i + 5).collect();
    let fields: Vec<usize> = text.match_indices("\n  (").map(|(i, _)| i + 3).collect();
    match rnd.below(5) {
        0 if !starts.is_empty() => {
            let at = starts[rnd.below(starts.len())];
            let ins = ["i32.const 0 (@reloc data $x (y)) ", "call $f (@reloc func (x)) ", "(call $f)", "nop "];
            (at, at, ins[rnd.below(ins.len())].to_string())
        }
        4 if !fields.is_empty() => {
            // Where the module's head may read it (`(@name ...)`), or not.
            let at = fields[rnd.below(fields.len().min(3))];
            let ins = ["(@name \"n\") ", "(@unknown) ", "(func) "];
            (at, at, ins[rnd.below(ins.len())].to_string())
        }
        1 => {
            let (s, e, _) = random_edit(rnd, text);
            let (from, _, _) = random_edit(rnd, text);
            let mut to = (from + rnd.below(200)).min(text.len());
            while !text.is_char_boundary(to) {
                to += 1;
            }
            (s, e, text[from..to].to_string())
        }
        _ => {
            let (s, e, ins) = random_edit(rnd, text);
            (s, e, ins.to_string())
        }
    }
}

/// Random edits of the repository's WAT files, and of their modules written as bare lists of
/// fields, in random batches, some checks cancelled: every check equals a fresh one.
#[test]
fn random_edits_in_random_batches() {
    let mut rnd = Rnd(0x1234_5678_9abc_def1);
    for (path, text) in support::corpus() {
        if text.len() > 20_000 {
            continue;
        }
        let bare = text
            .find("(module")
            .zip(text.rfind(')'))
            .filter(|(i, j)| i + 7 <= *j)
            .map(|(i, j)| format!("{}{}{}", &text[..i], &text[i + 7..j], &text[j + 1..]));
        for text in std::iter::once(text.clone()).chain(bare) {
            for _ in 0..3 {
                let mut cur = text.clone();
                let edits: Vec<(usize, usize, String)> = (0..2 + rnd.below(12))
                    .map(|_| {
                        let (s, e, ins) = random_batch_edit(&mut rnd, &cur);
                        cur.replace_range(s..e, &ins);
                        (s, e, ins)
                    })
                    .collect();
                let edits: Vec<(usize, usize, &str)> = edits.iter().map(|(s, e, t)| (*s, *e, t.as_str())).collect();
                let sizes = random_batches(&mut rnd, edits.len());
                let cancel: Vec<Option<usize>> =
                    sizes.iter().map(|_| [None, None, Some(1), Some(2), Some(3)][rnd.below(5)]).collect();
                if let Err(e) = worker_session(&text, &edits, &sizes, &cancel) {
                    panic!(
                        "{}: edits {edits:?} in batches of {sizes:?}, checks cancelled at {cancel:?}: {e}",
                        path.display()
                    );
                }
            }
        }
    }
}
