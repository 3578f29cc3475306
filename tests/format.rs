//! The formatter on text it was not written for: every `.wat` of the repository and every
//! `.wast` of the spec test suite. For each: the formatted text lexes to the same tokens and
//! comments, has the same lines, formats to itself, and (for `.wat`) assembles to the same bytes
//! with the same diagnostics.

use relwat::format::{FormatOptions, format};
use relwat::{Options, assemble};
use std::path::{Path, PathBuf};

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() && !p.ends_with("target") && !p.ends_with("node_modules") && !p.ends_with(".git") {
            files(&p, ext, out);
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
}

/// The tokens and comments of a text, as strings (a line comment without its `\r`).
fn lexemes(src: &str) -> Vec<String> {
    let lexed = relwat::lexer::lex(src);
    let mut v: Vec<(u32, String)> = lexed.tokens.iter().map(|t| (t.span.start, t.text(src).to_string())).collect();
    v.extend(lexed.comments.iter().map(|c| (c.start, c.text(src).trim_end_matches('\r').to_string())));
    v.sort();
    v.into_iter().map(|(_, s)| s).collect()
}

/// Checks one text; `None` when the formatter refuses it (it does not lex).
fn check(path: &Path, src: &str, options: &FormatOptions, assemble_too: bool) -> Option<()> {
    let formatted = format(src, options).ok()?;
    let name = path.display();
    assert_eq!(lexemes(src), lexemes(&formatted), "{name}: the tokens changed");
    // The same lines; a text without a final line end gets one.
    let lines = src.matches('\n').count() + usize::from(!src.ends_with('\n') && !src.trim().is_empty());
    assert_eq!(lines, formatted.matches('\n').count(), "{name}: the lines changed");
    let again = format(&formatted, options).expect("formatted text lexes");
    assert!(again == formatted, "{name}: formatting the formatted text changes it");
    if assemble_too {
        let (a, b) = (assemble(src, &Options::default()), assemble(&formatted, &Options::default()));
        assert_eq!(a.bytes, b.bytes, "{name}: different bytes");
        let messages = |d: &[relwat::diagnostic::Diagnostic]| d.iter().map(|d| d.message.clone()).collect::<Vec<_>>();
        assert_eq!(messages(&a.diagnostics), messages(&b.diagnostics), "{name}: different diagnostics");
    }
    Some(())
}

#[test]
fn repository_wat_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace").to_path_buf();
    let mut wat = Vec::new();
    for dir in ["examples", "tests", "lsp/tests", "editors", "grammar", "fuzz/corpus"] {
        files(&root.join(dir), "wat", &mut wat);
    }
    assert!(wat.len() > 50, "only {} .wat files", wat.len());
    let mut formatted = 0;
    for (i, path) in wat.iter().enumerate() {
        let Ok(src) = std::fs::read_to_string(path) else { continue };
        // Every fourth with four spaces an indent, the others with two.
        let options = FormatOptions { indent: if i % 4 == 0 { 4 } else { 2 } };
        formatted += check(path, &src, &options, true).is_some() as usize;
    }
    assert!(formatted * 10 >= wat.len() * 9, "only {formatted} of {} files formatted", wat.len());
}

#[test]
fn spec_suite_wast_files() {
    let suite = Path::new(env!("CARGO_MANIFEST_DIR")).join("testsuite");
    let mut wast = Vec::new();
    files(&suite, "wast", &mut wast);
    assert!(wast.len() > 100, "the spec test suite is missing ({} files in {})", wast.len(), suite.display());
    let mut formatted = 0;
    for path in &wast {
        let Ok(src) = std::fs::read_to_string(path) else { continue };
        formatted += check(path, &src, &FormatOptions::default(), false).is_some() as usize;
    }
    assert!(formatted * 10 >= wast.len() * 9, "only {formatted} of {} files formatted", wast.len());
}
