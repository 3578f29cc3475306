//! Inputs built to break an assembler: nesting a million deep, texts that end inside a list.
//! Each gives the object or diagnostics, never a panic or a stack overflow.

use relwat::{Options, assemble};

/// `n` copies of `open`, `inner`, then `n` copies of `close`, in a function of type `ty`.
fn nested(ty: &str, open: &str, inner: &str, close: &str, n: usize) -> String {
    let mut s = String::with_capacity(n * (open.len() + close.len()) + 64);
    s.push_str("(module (func ");
    s.push_str(ty);
    s.push(' ');
    for _ in 0..n {
        s.push_str(open);
    }
    s.push_str(inner);
    for _ in 0..n {
        s.push_str(close);
    }
    s.push_str("))");
    s
}

/// Folded forms nested a million deep assemble (as an object, and as a module); the test runs on
/// a thread with a small stack, as the language server's do.
#[test]
fn nesting_a_million_deep() {
    const N: usize = 1_000_000;
    let cases = [
        ("", "(block ", "", ")"),
        ("", "(loop ", "", ")"),
        ("(param i32)", "(if (local.get 0) (then ", "", "))"),
        ("(param i32)", "(if (local.get 0) (then) (else ", "", "))"),
        ("(result i32)", "(i32.add (i32.const 1) ", "(i32.const 0)", ")"),
        ("", "(try (do ", "", "))"),
        ("", "(try_table ", "", ")"),
    ];
    let texts: Vec<(String, String)> =
        cases.iter().map(|(ty, open, inner, close)| (open.to_string(), nested(ty, open, inner, close, N))).collect();
    std::thread::Builder::new()
        .stack_size(256 << 10)
        .spawn(move || {
            for (what, text) in &texts {
                for output in [relwat::OutputKind::Object, relwat::OutputKind::Module] {
                    let out = assemble(text, &Options { output, ..Options::default() });
                    let errors: Vec<_> = out.diagnostics.iter().filter(|d| d.is_error()).map(|d| &d.message).collect();
                    assert!(errors.is_empty(), "`{what}` a million deep: {errors:?}");
                    assert!(out.bytes.is_some(), "`{what}` a million deep: no output");
                }
            }
        })
        .expect("thread")
        .join()
        .expect("no stack overflow, no panic");
}

/// A million-deep text with a mistake at the bottom: one diagnostic, at the mistake.
#[test]
fn a_mistake_a_million_deep() {
    let text = nested("", "(block ", "(i32.nope)", ")", 1_000_000);
    let out = assemble(&text, &Options::default());
    assert_eq!(out.diagnostics.len(), 1, "{:?}", out.diagnostics.first());
    assert_eq!(out.diagnostics[0].message, "unknown instruction `i32.nope`");
}

/// Texts that end inside a list, where a folded instruction should come.
#[test]
fn texts_that_end_too_early() {
    for text in ["(data(memory 1)", "(elem (table 1)", "(module (data (memory $m)", "(data (i32.const", "(func (block"]
    {
        let out = std::panic::catch_unwind(|| assemble(text, &Options::default()))
            .unwrap_or_else(|_| panic!("`{text}`: the assembler panicked"));
        assert!(out.diagnostics.iter().any(|d| d.is_error()), "`{text}`: no error");
        assert!(out.bytes.is_none());
    }
}

/// Types and annotations nested a million deep, comments nested a million deep, and lists of
/// nothing but parentheses: diagnostics or the object, never a crash.
#[test]
fn other_deep_texts() {
    const N: usize = 1_000_000;
    let texts = [
        format!("(type {}(func){})", "(shared ".repeat(N), ")".repeat(N)),
        format!("{}{}(module)", "(;".repeat(N), ";)".repeat(N)),
        format!("{}{}", "(".repeat(N), ")".repeat(N)),
        format!("(module (func {}{}))", "(".repeat(N), ")".repeat(N)),
        format!("(module (func (block {}{})))", "(@foo ".repeat(N), ")".repeat(N)),
        format!("(module (data (i32.const 0) {}{}))", "(@reloc ".repeat(N), ")".repeat(N)),
        format!("(module {}{})", "(@custom \"x\" ".repeat(N), ")".repeat(N)),
    ];
    std::thread::Builder::new()
        .stack_size(256 << 10)
        .spawn(move || {
            for t in &texts {
                let _ = assemble(t, &Options::default());
            }
        })
        .expect("thread")
        .join()
        .expect("no stack overflow, no panic");
}

/// A memory offset that a 32-bit memory cannot have is not relocated (only an unvalidated text
/// can have one).
#[test]
fn relocated_offset_past_32_bits() {
    let text = "(import \"env\" \"__linear_memory\" (memory 1))
      (func (result i32) (i32.load offset=5000000000 (@reloc $x) (i32.const 0)))
      (data (i32.const 0) (@sym $x (size 1)) \"a\")";
    let out = assemble(text, &Options { validate: false, ..Options::default() });
    assert!(out.bytes.is_none());
    assert_eq!(out.diagnostics[0].message, "this offset does not fit the 5-byte field of its relocation");
}
