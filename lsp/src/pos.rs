//! Position mapping: byte offsets ↔ LSP positions (line, column in UTF-16 code units by default).
//!
//! This is the only module that knows about lines and code units. Everything else works on byte
//! offsets ([`relwat::span::Span`]). Lines end at `\n`, `\r\n` or `\r`, as LSP says.

use ropey::Rope;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

/// How columns are counted (the client's `positionEncoding`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16 code units (the LSP default).
    #[default]
    Utf16,
    /// Bytes.
    Utf8,
    /// Unicode scalar values.
    Utf32,
}

/// A position: zero-based line and column (in the [`Encoding`]'s units).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// Line, from 0.
    pub line: u32,
    /// Column, from 0, in code units.
    pub col: u32,
}

/// A document's text as the editor has it. A rope, so that an edit costs about the size of the
/// edit, not of the text (a keystroke in a 20 MB file moves no megabytes), and a snapshot of it is
/// a cheap clone (the checker copies it to one string outside the document lock).
#[derive(Clone, Debug, Default)]
pub struct DocText {
    rope: Rope,
}

impl DocText {
    /// The text `text`.
    pub fn new(text: &str) -> DocText {
        DocText { rope: Rope::from_str(text) }
    }

    /// Its length in bytes.
    pub fn len(&self) -> u32 {
        self.rope.len_bytes() as u32
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.rope.len_bytes() == 0
    }

    /// Number of lines.
    pub fn line_count(&self) -> u32 {
        self.rope.len_lines() as u32
    }

    /// Replaces the bytes `start..end` (character boundaries, as [`DocText::offset`] gives) by
    /// `new`.
    pub fn replace(&mut self, start: u32, end: u32, new: &str) {
        let a = self.rope.byte_to_char(start as usize);
        let b = self.rope.byte_to_char(end as usize);
        self.rope.remove(a..b);
        self.rope.insert(a, new);
    }

    /// The whole text as one string, copied once into its final place (a `String` turned into
    /// an `Arc<str>` would be copied twice: milliseconds for a large file, on every check).
    pub fn to_arc(&self) -> Arc<str> {
        let mut buf = Arc::<[u8]>::new_uninit_slice(self.rope.len_bytes());
        let dst = Arc::get_mut(&mut buf).expect("a new Arc is unique");
        let mut at = 0;
        for chunk in self.rope.chunks() {
            for (d, &b) in dst[at..at + chunk.len()].iter_mut().zip(chunk.as_bytes()) {
                d.write(b);
            }
            at += chunk.len();
        }
        assert_eq!(at, dst.len(), "the chunks cover the text");
        // SAFETY: every byte was written above (the chunks cover the whole length, checked), and
        // the bytes are the concatenation of `str` chunks, so they are UTF-8; `str` and `[u8]`
        // have the same layout, so the pointer cast keeps the allocation valid.
        unsafe {
            let bytes: Arc<[u8]> = buf.assume_init();
            Arc::from_raw(Arc::into_raw(bytes) as *const str)
        }
    }

    /// The bytes `range` (clamped to the text and widened to character boundaries).
    pub fn slice(&self, range: Range<u32>) -> Cow<'_, str> {
        let end = self.char_start(range.end.min(self.len()));
        let end = if (end as u32) < range.end.min(self.len()) { self.next_char(end) } else { end };
        let start = self.char_start(range.start).min(end);
        Cow::from(self.rope.byte_slice(start..end))
    }

    /// The start of the character that byte `offset` is in (the text's end past it).
    fn char_start(&self, offset: u32) -> usize {
        let offset = (offset as usize).min(self.rope.len_bytes());
        self.rope.char_to_byte(self.rope.byte_to_char(offset))
    }

    /// The start of the character after the one at byte `at` (a character start).
    fn next_char(&self, at: usize) -> usize {
        let c = self.rope.byte_to_char(at);
        self.rope.char_to_byte((c + 1).min(self.rope.len_chars()))
    }

    /// Byte range of line `line` without its terminator.
    fn line_range(&self, line: usize) -> (usize, usize) {
        let start = self.rope.line_to_byte(line);
        let mut end = self.rope.line_to_byte(line + 1);
        if end > start && self.rope.byte(end - 1) == b'\n' {
            end -= 1;
        }
        if end > start && self.rope.byte(end - 1) == b'\r' {
            end -= 1;
        }
        (start, end)
    }

    /// Code units in `enc` from the start of the text to the character start `byte`.
    fn units_to(&self, byte: usize, enc: Encoding) -> usize {
        match enc {
            Encoding::Utf8 => byte,
            Encoding::Utf16 => self.rope.char_to_utf16_cu(self.rope.byte_to_char(byte)),
            Encoding::Utf32 => self.rope.byte_to_char(byte),
        }
    }

    /// The line of byte `offset` (clamped to the text): a position's line without its column,
    /// which costs one lookup instead of several (folding ranges are lines, and a large file has
    /// tens of thousands of them).
    pub fn line(&self, offset: u32) -> u32 {
        self.rope.byte_to_line((offset as usize).min(self.rope.len_bytes())) as u32
    }

    /// The position of byte `offset` (clamped to the text; inside a character: that character).
    pub fn position(&self, offset: u32, enc: Encoding) -> Pos {
        let offset = self.char_start(offset);
        let line = self.rope.byte_to_line(offset);
        let (start, end) = self.line_range(line);
        let col = self.units_to(offset.min(end).max(start), enc) - self.units_to(start, enc);
        Pos { line: line as u32, col: col as u32 }
    }

    /// The byte offset of a position. A column past the end of its line means the line's end; a
    /// line past the end means the end of the text; a column inside a character (a byte inside a
    /// UTF-8 sequence, a unit inside a surrogate pair) means the character's start.
    pub fn offset(&self, pos: Pos, enc: Encoding) -> u32 {
        let line = pos.line as usize;
        if line >= self.rope.len_lines() {
            return self.len();
        }
        let (start, end) = self.line_range(line);
        let col = pos.col as usize;
        let at = match enc {
            Encoding::Utf8 => self.char_start((start + col).min(end) as u32),
            Encoding::Utf16 => {
                let first = self.units_to(start, enc);
                let last = self.units_to(end, enc);
                self.rope.char_to_byte(self.rope.utf16_cu_to_char((first + col).min(last)))
            }
            Encoding::Utf32 => {
                let c = (self.rope.byte_to_char(start) + col).min(self.rope.byte_to_char(end));
                self.rope.char_to_byte(c)
            }
        };
        at as u32
    }
}

/// Code units of `s` in `enc`.
pub fn units(s: &str, enc: Encoding) -> u32 {
    match enc {
        Encoding::Utf8 => s.len() as u32,
        Encoding::Utf16 => {
            if s.is_ascii() {
                s.len() as u32
            } else {
                s.chars().map(|c| c.len_utf16() as u32).sum()
            }
        }
        Encoding::Utf32 => s.chars().count() as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The position of `offset` by scanning `text` from its start (the reference).
    fn scanned(text: &str, offset: usize, enc: Encoding) -> Pos {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let b = text.as_bytes();
        let (mut line, mut start) = (0, 0);
        let mut i = 0;
        while i < offset {
            let brk = match b[i] {
                b'\n' => Some(i + 1),
                b'\r' if b.get(i + 1) == Some(&b'\n') => (i + 2 <= offset).then_some(i + 2),
                b'\r' => Some(i + 1),
                _ => None,
            };
            if let Some(next) = brk {
                line += 1;
                start = next;
                i = next;
            } else {
                i += 1;
            }
        }
        let mut end = offset;
        while end > start && matches!(b[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        Pos { line, col: units(&text[start..end], enc) }
    }

    fn check_all(text: &str, doc: &DocText) {
        assert_eq!(doc.len() as usize, text.len());
        assert_eq!(&*doc.to_arc(), text);
        for enc in [Encoding::Utf16, Encoding::Utf8, Encoding::Utf32] {
            for (o, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                let p = doc.position(o as u32, enc);
                assert_eq!(p, scanned(text, o, enc), "offset {o} in {text:?} ({enc:?})");
                // Between `\r` and `\n` is no position of its own: it is the line's end.
                let inside_crlf = o > 0 && text[..o].ends_with('\r') && text[o..].starts_with('\n');
                let back = if inside_crlf { o - 1 } else { o };
                assert_eq!(doc.offset(p, enc), back as u32, "offset {o} in {text:?} ({enc:?}) -> {p:?}");
            }
        }
    }

    #[test]
    fn ascii_lines() {
        let t = "(module\n  (func))\n";
        let d = DocText::new(t);
        assert_eq!(d.line_count(), 3);
        assert_eq!(d.position(10, Encoding::Utf16), Pos { line: 1, col: 2 });
        assert_eq!(d.offset(Pos { line: 1, col: 2 }, Encoding::Utf16), 10);
        // Past the end of a line: the line's end, not the next line.
        assert_eq!(d.offset(Pos { line: 0, col: 99 }, Encoding::Utf16), 7);
        assert_eq!(d.offset(Pos { line: 9, col: 0 }, Encoding::Utf16), t.len() as u32);
        assert_eq!(d.slice(2..6), "odul");
        check_all(t, &d);
    }

    #[test]
    fn non_ascii_utf16() {
        // `é` is 2 bytes / 1 unit; `𝄞` is 4 bytes / 2 UTF-16 units / 1 scalar.
        let t = ";; é𝄞x\n(data \"𝄞\")";
        let d = DocText::new(t);
        let x = t.find('x').unwrap() as u32;
        assert_eq!(d.position(x, Encoding::Utf16), Pos { line: 0, col: 6 });
        assert_eq!(d.position(x, Encoding::Utf32), Pos { line: 0, col: 5 });
        assert_eq!(d.position(x, Encoding::Utf8), Pos { line: 0, col: 9 });
        assert_eq!(d.offset(Pos { line: 0, col: 6 }, Encoding::Utf16), x);
        // Inside the surrogate pair, or inside the UTF-8 sequence: the character's start.
        let clef = t.find('𝄞').unwrap() as u32;
        assert_eq!(d.offset(Pos { line: 0, col: 5 }, Encoding::Utf16), clef);
        assert_eq!(d.offset(Pos { line: 0, col: clef + 2 }, Encoding::Utf8), clef);
        assert_eq!(d.position(clef + 1, Encoding::Utf16), d.position(clef, Encoding::Utf16));
        let q = t.rfind('"').unwrap() as u32;
        assert_eq!(d.position(q, Encoding::Utf16), Pos { line: 1, col: 9 });
        // A slice that starts or ends inside a character takes the whole character.
        assert_eq!(d.slice(clef + 1..clef + 2), "𝄞");
        check_all(t, &d);
    }

    #[test]
    fn a_large_text_in_many_chunks() {
        let mut t: String = (0..20_000).map(|i| format!("(func $f{i} ;; é𝄞\r\n")).collect();
        let mut d = DocText::new(&t);
        let at = t.len() / 2;
        let at = t[..at].rfind('(').unwrap();
        d.replace(at as u32, at as u32, "nop ");
        t.insert_str(at, "nop ");
        assert_eq!(&*d.to_arc(), t.as_str());
        let o = t.find("$f12345 ").unwrap() as u32;
        assert_eq!(d.position(o, Encoding::Utf16), Pos { line: 12345, col: 6 });
        assert_eq!(d.offset(Pos { line: 12345, col: 6 }, Encoding::Utf16), o);
    }

    #[test]
    fn crlf_and_cr() {
        let t = "a\r\nb\rc\nd";
        let d = DocText::new(t);
        assert_eq!(d.line_count(), 4);
        assert_eq!(d.position(3, Encoding::Utf16), Pos { line: 1, col: 0 });
        assert_eq!(d.position(5, Encoding::Utf16), Pos { line: 2, col: 0 });
        assert_eq!(d.offset(Pos { line: 0, col: 5 }, Encoding::Utf16), 1);
        // The middle of `\r\n` belongs to line 0.
        assert_eq!(d.position(2, Encoding::Utf16), Pos { line: 0, col: 1 });
        // Other Unicode line breaks are not line ends in LSP.
        let u = "a\u{2028}b\u{85}c";
        assert_eq!(DocText::new(u).line_count(), 1);
        check_all(t, &d);
        check_all(u, &DocText::new(u));
    }

    #[test]
    fn edits_match_a_fresh_text() {
        let mut seed = 0x1234_5678u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let pieces = ["\n", "\r", "\r\n", "a", "é", "𝄞", "(func)", "\n\n", ""];
        let mut text = String::from("(module\r\n  (func $é)\n)\r");
        let mut doc = DocText::new(&text);
        for n in 0..3000 {
            let mut a = (next() % (text.len() as u64 + 1)) as usize;
            while !text.is_char_boundary(a) {
                a -= 1;
            }
            let mut b = a + (next() % 4) as usize;
            b = b.min(text.len());
            while !text.is_char_boundary(b) {
                b += 1;
            }
            let ins: String = (0..next() % 3).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect();
            text.replace_range(a..b, &ins);
            doc.replace(a as u32, b as u32, &ins);
            if n % 10 == 0 {
                check_all(&text, &doc);
            }
        }
        check_all(&text, &doc);
    }
}
