//! Formatting of the whole document or of the lines of a range, with `relwat::format` (what
//! `watfmt` does): indentation by nesting, one space between tokens, nothing else changed. The
//! edits replace the lines that change, so the cursor and the rest of the text stay put.

use crate::server::*;
use relwat::format::{FormatOptions, changed_lines, format, format_nested};
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
    let indent = if options.insert_spaces { options.tab_size as usize } else { 2 };
    let fmt = FormatOptions { indent: indent.min(16) };
    let width = |s: &str| match view.enc {
        Encoding::Utf16 => s.encode_utf16().count() as u32,
        Encoding::Utf8 => s.len() as u32,
        Encoding::Utf32 => s.chars().count() as u32,
    };
    // A range within module fields formats just those fields; anything else, the whole text.
    let (first_line, text, formatted) = match lines.as_ref().and_then(|r| fields_piece(&view, r)) {
        Some((first_line, range, depth)) => {
            let text = view.text.slice(range);
            let formatted = format_nested(&text, &fmt, depth).ok()?;
            (first_line, text, formatted)
        }
        None => {
            let text = view.text.slice(0..view.text.len());
            let formatted = format(&text, &fmt).ok()?;
            (0, text, formatted)
        }
    };
    let old: Vec<&str> = text.split('\n').collect();
    let mut out = Vec::new();
    for (line, new) in changed_lines(&text, &formatted) {
        let l = first_line + line as u32;
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

/// For range formatting: the module fields that the lines touch, as (the first line, the bytes
/// from the start of that line to the end of the last field's line, the nesting depth there), when
/// the last check is of the text as it is, the first field starts its line and the piece covers
/// the lines. Formatting the piece gives its lines as formatting the whole text would, at the cost
/// of the piece.
fn fields_piece(view: &View, lines: &RangeInclusive<u32>) -> Option<(u32, std::ops::Range<u32>, usize)> {
    let a = view.analysis.as_ref().filter(|_| view.since.is_empty())?;
    let src = a.text();
    if src.len() as u32 != view.text.len() {
        return None;
    }
    let start = view.text.offset(Pos { line: *lines.start(), col: 0 }, view.enc) as usize;
    let end = view.text.offset(Pos { line: lines.end().saturating_add(1), col: 0 }, view.enc) as usize;
    let module = &a.syntax.module;
    let fields = &module.fields;
    let first = fields.partition_point(|f| (f.span().end as usize) <= start);
    let last = fields.partition_point(|f| (f.span().start as usize) < end);
    if first >= last {
        return None;
    }
    let (field_start, field_end) = (fields[first].span().start as usize, fields[last - 1].span().end as usize);
    let piece_start = src[..field_start].rfind('\n').map_or(0, |i| i + 1);
    let piece_end = src[field_end..].find('\n').map_or(src.len(), |i| field_end + i);
    if !src[piece_start..field_start].trim().is_empty() || piece_start > start || piece_end + 1 < end {
        return None;
    }
    let explicit =
        src[module.span.start as usize..].strip_prefix('(').is_some_and(|r| r.trim_start().starts_with("module"));
    Some((view.text.line(piece_start as u32), piece_start as u32..piece_end as u32, usize::from(explicit)))
}
