//! Diagnostics: what every stage reports, and their rendering with codespan-reporting.

use crate::span::Span;
use codespan_reporting::diagnostic as cs;
use codespan_reporting::term;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Output is still written.
    Warning,
    /// No output is written.
    Error,
}

/// A source range with a message, attached to a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// What the label points at.
    pub span: Span,
    /// Shown next to the underlined range; may be empty.
    pub message: String,
}

/// One message for the user: a primary range, optional secondary ranges, and notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The headline, e.g. "unknown function `$f`".
    pub message: String,
    /// The range the message is about.
    pub primary: Label,
    /// Related ranges (e.g. the first definition of a duplicate).
    pub secondary: Vec<Label>,
    /// Extra lines; `help: ...` lines tell what to write instead.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// Moves every range by `delta` bytes (a diagnostic of text that now stands elsewhere).
    pub fn shift(&mut self, delta: i64) {
        self.primary.span = self.primary.span.moved(delta);
        for l in &mut self.secondary {
            l.span = l.span.moved(delta);
        }
    }

    /// An error at `span`.
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, span, message)
    }

    /// A warning at `span`.
    pub fn warning(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, span, message)
    }

    fn new(severity: Severity, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            message: shorten_quotes(message.into()),
            primary: Label { span, message: String::new() },
            secondary: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Sets the text under the primary range.
    pub fn with_label(mut self, message: impl Into<String>) -> Diagnostic {
        self.primary.message = shorten_quotes(message.into());
        self
    }

    /// Adds a related range.
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label { span, message: shorten_quotes(message.into()) });
        self
    }

    /// Adds a `help:` line.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.notes.push(shorten_quotes(format!("help: {}", help.into())));
        self
    }

    /// Adds a `note:` line.
    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(shorten_quotes(format!("note: {}", note.into())));
        self
    }

    /// Whether this diagnostic stops output.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Quoted source text (between backticks) longer than this many bytes is shortened in messages.
const MAX_QUOTE: usize = 80;

/// `message` with every quoted piece of source (`` `...` ``) longer than `MAX_QUOTE` bytes cut
/// to its start and end around `…`: a message costs its own words, not the size of what it
/// quotes (a 256 KB mnemonic).
pub fn shorten_quotes(message: String) -> String {
    if message.len() <= MAX_QUOTE {
        return message;
    }
    let mut out = String::with_capacity(MAX_QUOTE * 2);
    let mut rest = message.as_str();
    while let Some(open) = rest.find('`') {
        out.push_str(&rest[..=open]);
        rest = &rest[open + 1..];
        let Some(close) = rest.find('`') else { break };
        let quoted = &rest[..close];
        if quoted.len() > MAX_QUOTE {
            let mut head = MAX_QUOTE / 2;
            while !quoted.is_char_boundary(head) {
                head -= 1;
            }
            let mut tail = quoted.len() - MAX_QUOTE / 4;
            while !quoted.is_char_boundary(tail) {
                tail += 1;
            }
            out.push_str(&quoted[..head]);
            out.push('…');
            out.push_str(&quoted[tail..]);
        } else {
            out.push_str(quoted);
        }
        out.push('`');
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Renders diagnostics as `file:line:col` messages with source snippets.
///
/// `color` selects ANSI colours; tests render without them. The cost of each diagnostic is its
/// own size, not the size of the source: a line longer than [`MAX_LINE`] bytes is shown as a
/// window around the labels on it, and a label over several lines is shown on its first line.
pub fn render(file_name: &str, source: &str, diagnostics: &[Diagnostic], color: bool) -> String {
    let index = SourceIndex::new(source);
    let config = term::Config::default();
    let mut out = Vec::new();
    for d in diagnostics {
        let (snippet, cd) = index.snippet(file_name, d);
        if color {
            let mut w = term::termcolor::Ansi::new(&mut out);
            let _ = term::emit_to_write_style(&mut w, &config, &snippet, &cd);
        } else {
            let mut w = term::termcolor::NoColor::new(&mut out);
            let _ = term::emit_to_write_style(&mut w, &config, &snippet, &cd);
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Lines longer than this many bytes are shown as a window around their labels.
pub const MAX_LINE: usize = 240;

/// Bytes shown before and after the labels in a window of a long line.
const CONTEXT: usize = 60;

/// The lines of a source, and where its characters are, computed once for all diagnostics.
struct SourceIndex<'s> {
    source: &'s str,
    /// Byte offset of each line's start.
    line_starts: Vec<usize>,
    /// The number of characters before each multiple of [`CHUNK`] bytes.
    chars_before: Vec<usize>,
}

/// The spacing of [`SourceIndex::chars_before`].
const CHUNK: usize = 4096;

impl<'s> SourceIndex<'s> {
    fn new(source: &'s str) -> SourceIndex<'s> {
        let bytes = source.as_bytes();
        let mut line_starts = vec![0];
        line_starts.extend(memchr_all(b'\n', bytes).map(|i| i + 1));
        let mut chars_before = Vec::with_capacity(bytes.len() / CHUNK + 1);
        let mut n = 0;
        for chunk in bytes.chunks(CHUNK) {
            chars_before.push(n);
            n += chunk.iter().filter(|b| (**b & 0xc0) != 0x80).count();
        }
        chars_before.push(n);
        SourceIndex { source, line_starts, chars_before }
    }

    /// The index of the line that holds byte `at`.
    fn line_of(&self, at: usize) -> usize {
        self.line_starts.partition_point(|s| *s <= at) - 1
    }

    /// The bytes of line `line`, without its line break.
    fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let start = self.line_starts[line];
        let mut end = self.line_starts.get(line + 1).map_or(self.source.len(), |e| e - 1);
        if end > start && self.source.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    /// The number of characters before byte `at`.
    fn chars_to(&self, at: usize) -> usize {
        let chunk = at / CHUNK;
        let counted = &self.source.as_bytes()[chunk * CHUNK..at];
        self.chars_before[chunk] + counted.iter().filter(|b| (**b & 0xc0) != 0x80).count()
    }

    /// The lines `d` points at, cut to what is shown, and `d` for them.
    fn snippet<'i>(&'i self, file_name: &'i str, d: &Diagnostic) -> (Snippet<'i>, cs::Diagnostic<()>) {
        let len = self.source.len();
        let mut notes = Vec::new();
        // Each label on the line it starts on.
        let mut labels: Vec<(bool, usize, usize, &str)> = Vec::new();
        for (primary, l) in std::iter::once((true, &d.primary)).chain(d.secondary.iter().map(|l| (false, l))) {
            let start = (l.span.start as usize).min(len);
            let end = (l.span.end as usize).clamp(start, len);
            let line = self.line_of(start);
            let line_end = self.line_range(line).end.max(start);
            if end > line_end {
                let last = self.line_of(end.saturating_sub(1).max(start)) + 1;
                if primary {
                    notes.push(format!("note: the range goes on to line {last}"));
                }
            }
            labels.push((primary, start, end.min(line_end), &l.message));
        }
        let mut lines: Vec<usize> = labels.iter().map(|(_, s, _, _)| self.line_of(*s)).collect();
        lines.sort_unstable();
        lines.dedup();
        let mut snippet = Snippet { name: file_name, text: String::new(), lines: Vec::new(), index: self };
        let mut placed = Vec::new();
        for &line in &lines {
            let range = self.line_range(line);
            let on_line: Vec<&(bool, usize, usize, &str)> =
                labels.iter().filter(|(_, s, _, _)| self.line_of(*s) == line).collect();
            let (mut lo, mut hi) = (range.start, range.end);
            if range.len() > MAX_LINE {
                let first = on_line.iter().map(|l| l.1).min().unwrap_or(range.start);
                let last = on_line.iter().map(|l| l.2).max().unwrap_or(first);
                lo = first.saturating_sub(CONTEXT).max(range.start);
                hi = (last + CONTEXT).min(range.end).min(lo + MAX_LINE).max(first.min(range.end));
                while !self.source.is_char_boundary(lo) {
                    lo -= 1;
                }
                while !self.source.is_char_boundary(hi) {
                    hi += 1;
                }
            }
            let start = snippet.text.len();
            let prefix = if lo > range.start { "…" } else { "" };
            snippet.text.push_str(prefix);
            snippet.text.push_str(&self.source[lo..hi]);
            if hi < range.end {
                snippet.text.push('…');
            }
            snippet.lines.push(SnippetLine { start, end: snippet.text.len(), line, from: lo, prefix: prefix.len() });
            snippet.text.push('\n');
            for l in on_line {
                let at = |p: usize| start + prefix.len() + p.clamp(lo, hi) - lo;
                placed.push((l.0, at(l.1)..at(l.2), l.3));
            }
        }
        let base = match d.severity {
            Severity::Error => cs::Diagnostic::error(),
            Severity::Warning => cs::Diagnostic::warning(),
        };
        // The primary label first, as codespan-reporting places the location at it.
        placed.sort_by_key(|(primary, _, _)| !*primary);
        let labels = placed
            .into_iter()
            .map(|(primary, range, message)| {
                let l = if primary { cs::Label::primary((), range) } else { cs::Label::secondary((), range) };
                l.with_message(message)
            })
            .collect();
        notes.extend(d.notes.iter().cloned());
        (snippet, base.with_message(&d.message).with_labels(labels).with_notes(notes))
    }
}

/// The positions of `needle` in `haystack`.
fn memchr_all(needle: u8, haystack: &[u8]) -> impl Iterator<Item = usize> + '_ {
    haystack.iter().enumerate().filter(move |(_, b)| **b == needle).map(|(i, _)| i)
}

/// The lines of one diagnostic, as codespan-reporting reads them: only the lines with labels,
/// long ones cut to a window, numbered and measured as in the whole source.
struct Snippet<'s> {
    name: &'s str,
    text: String,
    lines: Vec<SnippetLine>,
    index: &'s SourceIndex<'s>,
}

impl Snippet<'_> {
    /// The shown line that is line `line` of the source.
    fn line(&self, line: usize) -> Option<&SnippetLine> {
        self.lines.binary_search_by_key(&line, |l| l.line).ok().map(|i| &self.lines[i])
    }
}

/// One line of a [`Snippet`].
struct SnippetLine {
    /// Its bytes in the snippet (without the line break).
    start: usize,
    end: usize,
    /// Its index in the source.
    line: usize,
    /// The source byte its shown text starts at, after `prefix` bytes of `…`.
    from: usize,
    prefix: usize,
}

impl<'a> codespan_reporting::files::Files<'a> for Snippet<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.text)
    }

    // Line indices are the source's (so that lines apart in the source are shown apart).
    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, codespan_reporting::files::Error> {
        let i = self.lines.partition_point(|l| l.start <= byte_index).saturating_sub(1);
        Ok(self.lines.get(i).map_or(0, |l| l.line))
    }

    fn line_range(
        &'a self,
        (): (),
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, codespan_reporting::files::Error> {
        match self.line(line_index) {
            Some(l) => Ok(l.start..l.end + 1),
            // A line without a label (codespan-reporting asks for those around multi-line
            // labels, which snippets do not have): shown empty.
            None => Ok(self.text.len()..self.text.len()),
        }
    }

    fn column_number(
        &'a self,
        (): (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        let Some(l) = self.line(line_index) else { return Ok(1) };
        let at = l.from + byte_index.saturating_sub(l.start + l.prefix);
        let line_start = self.index.line_starts[l.line];
        Ok(self.index.chars_to(at) - self.index.chars_to(line_start) + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quotes_are_shortened() {
        let long = format!("unknown instruction `{}`", "i".repeat(1000));
        let short = shorten_quotes(long);
        assert!(short.len() < 100 && short.contains('…') && short.ends_with('`'), "{short}");
        let kept = "unknown function `$f` in `call $f`".to_string();
        assert_eq!(shorten_quotes(kept.clone()), kept);
        // Multi-byte characters are cut at their boundaries.
        let s = shorten_quotes(format!("`{}`", "é".repeat(100)));
        assert!(s.starts_with("`é") && s.contains('…'));
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_with_its_true_columns() {
        let line = format!("(module {} (func $f é) {})", "x ".repeat(5000), "y ".repeat(5000));
        let at = line.find("é").unwrap() as u32;
        let d = Diagnostic::error(Span::new(at, at + 2), "here").with_label("the é");
        let out = render("t.wat", &line, &[d], false);
        let column = line[..at as usize].chars().count() + 1;
        assert!(out.contains(&format!("t.wat:1:{column}")), "{out}");
        assert!(out.lines().all(|l| l.chars().count() < MAX_LINE + 40), "{out}");
        assert!(out.contains("…") && out.contains("(func $f é)"), "{out}");
    }

    #[test]
    fn a_range_over_several_lines_is_shown_on_its_first() {
        let text = "(module\n  (func $f\n    nop)\n  (func $g))\n";
        let d = Diagnostic::error(Span::new(10, 28), "this function");
        let out = render("t.wat", text, &[d], false);
        assert!(out.contains("2 │   (func $f") && !out.contains("3 │"), "{out}");
        assert!(out.contains("note: the range goes on to line 3"), "{out}");
    }
}
