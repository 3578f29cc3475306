//! Formatting of the whole document or of the lines of a range, with `relwat::format` (what
//! `watfmt` does): indentation by nesting, one space between tokens, nothing else changed. The
//! edits replace the lines that change, so the cursor and the rest of the text stay put.

use crate::server::*;
use relwat::format::{FormatOptions, changed_lines, format};
use std::ops::RangeInclusive;

pub(in crate::server) async fn formatting(
    b: &Backend,
    p: DocumentFormattingParams,
) -> jsonrpc::Result<Option<Vec<TextEdit>>> {
    Ok(edits(b, &p.text_document.uri, &p.options, None))
}

pub(in crate::server) async fn range_formatting(
    b: &Backend,
    p: DocumentRangeFormattingParams,
) -> jsonrpc::Result<Option<Vec<TextEdit>>> {
    let lines = p.range.start.line..=p.range.end.line;
    Ok(edits(b, &p.text_document.uri, &p.options, Some(lines)))
}

/// The edits that format the document (only the lines of `lines` when given); `None` when the
/// text does not lex (the formatter does not guess).
fn edits(
    b: &Backend,
    uri: &Uri,
    options: &FormattingOptions,
    lines: Option<RangeInclusive<u32>>,
) -> Option<Vec<TextEdit>> {
    let view = b.view(uri)?;
    let text = view.text.slice(0..view.text.len());
    let indent = if options.insert_spaces { options.tab_size as usize } else { 2 };
    let formatted = format(&text, &FormatOptions { indent: indent.min(16) }).ok()?;
    let old: Vec<&str> = text.split('\n').collect();
    let width = |s: &str| match view.enc {
        Encoding::Utf16 => s.encode_utf16().count() as u32,
        Encoding::Utf8 => s.len() as u32,
        Encoding::Utf32 => s.chars().count() as u32,
    };
    let mut out = Vec::new();
    for (line, new) in changed_lines(&text, &formatted) {
        let l = line as u32;
        if lines.as_ref().is_some_and(|r| !r.contains(&l)) {
            continue;
        }
        let before = old.get(line).copied().unwrap_or("").trim_end_matches('\r');
        let range =
            Range { start: Position { line: l, character: 0 }, end: Position { line: l, character: width(before) } };
        out.push(TextEdit { range, new_text: new.to_string() });
    }
    // A line end added after the last line.
    if lines.is_none() && formatted.len() > text.len() && formatted.ends_with('\n') && !text.ends_with('\n') {
        let last = old.len() as u32 - 1;
        let at = Position { line: last, character: width(old[old.len() - 1].trim_end_matches('\r')) };
        let end = if formatted.ends_with("\r\n") { "\r\n" } else { "\n" };
        out.push(TextEdit { range: Range { start: at, end: at }, new_text: end.to_string() });
    }
    Some(out)
}
