//! Position mapping: byte offsets ↔ LSP positions (line, column in UTF-16 code units by default).
//!
//! This is the only module that knows about lines and code units. Everything else works on byte
//! offsets ([`relwat::span::Span`]). Lines end at `\n`, `\r\n` or `\r`, as LSP says.

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

/// Where each line starts, for one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the start of each line; `starts[0] == 0`.
    starts: Vec<u32>,
    /// Length of the text.
    len: u32,
}

fn push_starts(text: &str, base: u32, out: &mut Vec<u32>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => out.push(base + i as u32 + 1),
            b'\r' => {
                if b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                out.push(base + i as u32 + 1);
            }
            _ => {}
        }
        i += 1;
    }
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        push_starts(text, 0, &mut starts);
        LineIndex { starts, len: text.len() as u32 }
    }

    /// Updates the index after `new_len` bytes replaced the bytes `start..old_end` of the old
    /// text; `text` is the new text. Equivalent to [`LineIndex::new`] on `text`, but only looks
    /// at the edited bytes.
    pub fn edit(&mut self, text: &str, start: u32, old_end: u32, new_len: u32) {
        let delta = new_len as i64 - (old_end - start) as i64;
        // A line starts at `p` when byte `p - 1` is `\n`, or `\r` not followed by `\n`. Starts
        // before `start` depend on unchanged bytes only; so do starts after `old_end` (shifted).
        let keep = self.starts.partition_point(|&s| s < start.max(1));
        let tail_from = self.starts.partition_point(|&s| s <= old_end);
        let b = text.as_bytes();
        let new_end = start as usize + new_len as usize;
        let mut mid = Vec::new();
        for p in (start.max(1) as usize)..=new_end.min(b.len()) {
            let starts_line = match b[p - 1] {
                b'\n' => true,
                b'\r' => b.get(p) != Some(&b'\n'),
                _ => false,
            };
            if starts_line {
                mid.push(p as u32);
            }
        }
        // In place: the index of a large file is megabytes, and this runs before every request
        // that follows an edit.
        let moved = keep + mid.len();
        self.starts.splice(keep..tail_from, mid);
        for s in &mut self.starts[moved..] {
            *s = (*s as i64 + delta) as u32;
        }
        self.len = text.len() as u32;
    }

    /// Number of lines.
    pub fn line_count(&self) -> u32 {
        self.starts.len() as u32
    }

    /// Byte range of line `line` without its terminator.
    fn line_range(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.starts[line] as usize;
        let mut end = self.starts.get(line + 1).map_or(text.len(), |&s| s as usize);
        let b = text.as_bytes();
        if end > start && b.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && b.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        (start, end)
    }

    /// The position of byte `offset` (clamped to the text; inside a character: that character).
    pub fn position(&self, text: &str, offset: u32, enc: Encoding) -> Pos {
        let mut offset = (offset.min(text.len() as u32)) as usize;
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s as usize <= offset) - 1;
        let start = self.starts[line] as usize;
        let (_, end) = self.line_range(text, line);
        let piece = &text[start..offset.min(end).max(start)];
        Pos { line: line as u32, col: units(piece, enc) }
    }

    /// The byte offset of a position. A column past the end of its line means the line's end; a
    /// line past the end means the end of the text; a column inside a surrogate pair means the
    /// character's start.
    pub fn offset(&self, text: &str, pos: Pos, enc: Encoding) -> u32 {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return text.len() as u32;
        }
        let (start, end) = self.line_range(text, line);
        let line_text = &text[start..end];
        if enc == Encoding::Utf8 {
            let mut o = (pos.col as usize).min(line_text.len());
            while !line_text.is_char_boundary(o) {
                o -= 1;
            }
            return (start + o) as u32;
        }
        let mut units_seen = 0u32;
        for (i, c) in line_text.char_indices() {
            let w = match enc {
                Encoding::Utf16 => c.len_utf16() as u32,
                _ => 1,
            };
            if units_seen + w > pos.col {
                return (start + i) as u32;
            }
            units_seen += w;
        }
        end as u32
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

    fn roundtrip(text: &str, enc: Encoding) {
        let li = LineIndex::new(text);
        for (o, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            let p = li.position(text, o as u32, enc);
            assert_eq!(li.offset(text, p, enc), o as u32, "offset {o} in {text:?} ({enc:?}) -> {p:?}");
        }
    }

    #[test]
    fn ascii_lines() {
        let t = "(module\n  (func))\n";
        let li = LineIndex::new(t);
        assert_eq!(li.line_count(), 3);
        assert_eq!(li.position(t, 10, Encoding::Utf16), Pos { line: 1, col: 2 });
        assert_eq!(li.offset(t, Pos { line: 1, col: 2 }, Encoding::Utf16), 10);
        // Past the end of a line: the line's end, not the next line.
        assert_eq!(li.offset(t, Pos { line: 0, col: 99 }, Encoding::Utf16), 7);
        assert_eq!(li.offset(t, Pos { line: 9, col: 0 }, Encoding::Utf16), t.len() as u32);
        roundtrip(t, Encoding::Utf16);
    }

    #[test]
    fn non_ascii_utf16() {
        // `é` is 2 bytes / 1 unit; `𝄞` is 4 bytes / 2 UTF-16 units / 1 scalar.
        let t = ";; é𝄞x\n(data \"𝄞\")";
        let li = LineIndex::new(t);
        let x = t.find('x').unwrap() as u32;
        assert_eq!(li.position(t, x, Encoding::Utf16), Pos { line: 0, col: 6 });
        assert_eq!(li.position(t, x, Encoding::Utf32), Pos { line: 0, col: 5 });
        assert_eq!(li.position(t, x, Encoding::Utf8), Pos { line: 0, col: 9 });
        assert_eq!(li.offset(t, Pos { line: 0, col: 6 }, Encoding::Utf16), x);
        // Inside the surrogate pair: the character's start.
        let clef = t.find('𝄞').unwrap() as u32;
        assert_eq!(li.offset(t, Pos { line: 0, col: 5 }, Encoding::Utf16), clef);
        let q = t.rfind('"').unwrap() as u32;
        assert_eq!(li.position(t, q, Encoding::Utf16), Pos { line: 1, col: 9 });
        for enc in [Encoding::Utf16, Encoding::Utf8, Encoding::Utf32] {
            roundtrip(t, enc);
        }
    }

    #[test]
    fn crlf_and_cr() {
        let t = "a\r\nb\rc\nd";
        let li = LineIndex::new(t);
        assert_eq!(li.line_count(), 4);
        assert_eq!(li.position(t, 3, Encoding::Utf16), Pos { line: 1, col: 0 });
        assert_eq!(li.position(t, 5, Encoding::Utf16), Pos { line: 2, col: 0 });
        assert_eq!(li.offset(t, Pos { line: 0, col: 5 }, Encoding::Utf16), 1);
        // The middle of `\r\n` belongs to line 0.
        assert_eq!(li.position(t, 2, Encoding::Utf16), Pos { line: 0, col: 1 });
    }

    #[test]
    fn incremental_edit_matches_rebuild() {
        let mut seed = 0x1234_5678u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let pieces = ["\n", "\r", "\r\n", "a", "é", "𝄞", "(func)", "\n\n", ""];
        let mut text = String::from("(module\r\n  (func $é)\n)\r");
        let mut li = LineIndex::new(&text);
        for _ in 0..3000 {
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
            li.edit(&text, a as u32, b as u32, ins.len() as u32);
            assert_eq!(li, LineIndex::new(&text), "after replacing {a}..{b} with {ins:?}: {text:?}");
        }
    }
}
