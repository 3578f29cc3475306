//! Hover and completion answers as snapshot files, reviewed in the diff like code.
//!
//! `lsp/tests/answers/hover/` and `lsp/tests/answers/completion/` hold one case per `NAME.wat`:
//! a small module whose first line says what the case checks, with exactly one cursor marker
//! `(;|;)` (a block comment) where the request is made. The marker is taken out and the request
//! is asked of the remaining text, analysed as the editor would see it ([`Analysis::of_text`]);
//! for completion, the text before the marker is the text as the user has typed it.
//!
//! Beside each case is its answer:
//!
//! - `NAME.hover`: the hover text exactly, followed by a newline; `no hover` when there is none.
//! - `NAME.completion`: a first line `range: START..END` with the text it replaces in backquotes
//!   (or `(empty)`), then one line per item, `label — detail`, in the order returned; after
//!   [`MAX_ITEMS`] items a last line `… N more`.
//!
//! A changed answer fails with a diff. After a deliberate change, write the answers again with
//! `RELWAT_BLESS=1 cargo test -p relwat-lsp --test answers` and review the diff of the answer
//! files like code.

use relwat_lsp::analysis::{Analysis, completion, hover};
use relwat_snapshot::{check_dir, cursor};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Items listed in a completion answer; the rest are counted.
const MAX_ITEMS: usize = 60;

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/answers").join(name)
}

#[test]
fn hover_answers() {
    check_dir(&dir("hover"), "wat", "hover", |_, source| {
        let (text, offset) = cursor(source);
        let analysis = Analysis::of_text(&text);
        Ok(match hover::hover(&analysis, offset) {
            Some(h) => format!("{}\n", h.text),
            None => "no hover\n".to_string(),
        })
    });
}

#[test]
fn completion_answers() {
    check_dir(&dir("completion"), "wat", "completion", |_, source| {
        let (text, offset) = cursor(source);
        let analysis = Analysis::of_text(&text);
        let (range, items) = completion::complete(&text, offset, Some((&analysis, Some(offset))));
        let replaced = text.get(range.range()).ok_or_else(|| format!("range {range:?} is not in the text"))?;
        let mut out = String::new();
        if replaced.is_empty() {
            let _ = writeln!(out, "range: {}..{} (empty)", range.start, range.end);
        } else {
            let _ = writeln!(out, "range: {}..{} `{replaced}`", range.start, range.end);
        }
        for item in items.iter().take(MAX_ITEMS) {
            if item.detail.is_empty() {
                let _ = writeln!(out, "{}", item.label);
            } else {
                let _ = writeln!(out, "{} — {}", item.label, item.detail);
            }
        }
        if items.len() > MAX_ITEMS {
            let _ = writeln!(out, "… {} more", items.len() - MAX_ITEMS);
        }
        Ok(out)
    });
}
