//! Seed inputs: the repository's WAT texts, and the objects relwat makes of them (and the
//! LLVM corpus's objects when `tests/llvm_corpus.rs` has built them).

use crate::root;
use std::path::{Path, PathBuf};

/// The `.wat` files under `dir` (recursively), sorted.
fn wat_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if !p.ends_with("node_modules") {
                wat_files(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "wat") {
            out.push(p);
        }
    }
}

/// Seed texts: examples, end-to-end cases, round-trip sources, diagnostics cases, the language
/// server's and the grammars' test files. At least one, always.
pub fn texts() -> Vec<String> {
    let root = root();
    let mut files = Vec::new();
    for dir in [
        "examples",
        "tests/e2e",
        "tests/roundtrip/wat",
        "tests/diagnostics",
        "lsp/tests/data",
        "grammar/textmate/tests",
    ] {
        wat_files(&root.join(dir), &mut files);
    }
    let mut texts: Vec<String> = files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    texts.push("(module (func $f (result i32) i32.const 0))".into());
    texts
}

/// Seed objects: relwat's objects of the seed texts that assemble, and the LLVM corpus's objects
/// (`target/llvm-corpus/*.o`) when they are there.
pub fn objects() -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> =
        texts().iter().filter_map(|t| relwat::assemble(t, &relwat::Options::default()).bytes).collect();
    if let Ok(rd) = std::fs::read_dir(root().join("target/llvm-corpus")) {
        let mut files: Vec<PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "o") && !p.to_string_lossy().ends_with(".rt.o"))
            .collect();
        files.sort();
        out.extend(files.iter().filter_map(|p| std::fs::read(p).ok()));
    }
    out
}
