//! Shared test helpers: the corpus of real WAT files of the repository.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace").to_path_buf()
}

/// Every `.wat` file of examples/, tests/diagnostics/ and tests/e2e/*/, with its text.
pub fn corpus() -> Vec<(PathBuf, String)> {
    let root = root();
    let mut dirs = vec![root.join("examples"), root.join("tests/diagnostics"), root.join("lsp/tests/data")];
    if let Ok(rd) = std::fs::read_dir(root.join("tests/e2e")) {
        for e in rd.flatten() {
            if e.path().is_dir() {
                dirs.push(e.path());
            }
        }
    }
    let mut out = Vec::new();
    for d in dirs {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        let mut files: Vec<PathBuf> =
            rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "wat")).collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).expect("read");
            out.push((f, text));
        }
    }
    assert!(out.len() > 20, "corpus too small: {}", out.len());
    out
}

/// The byte offset of the `n`th (0-based) occurrence of `needle` in `text`, plus `delta`.
pub fn at(text: &str, needle: &str, n: usize, delta: usize) -> u32 {
    let mut from = 0;
    for _ in 0..n {
        from = text[from..].find(needle).expect(needle) + from + 1;
    }
    (text[from..].find(needle).unwrap_or_else(|| panic!("{needle} not found")) + from + delta) as u32
}
