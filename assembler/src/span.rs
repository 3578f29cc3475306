//! Byte ranges into the source text.

use std::ops::Range;

/// A half-open byte range `start..end` into the source text.
///
/// `u32` keeps tokens and tree nodes small; sources are limited to 4 GiB.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// Offset of the first byte.
    pub start: u32,
    /// Offset one past the last byte.
    pub end: u32,
}

impl Span {
    /// The range `start..end`.
    pub const fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// An empty span at the end of `self`.
    pub fn end_point(self) -> Span {
        Span::new(self.end, self.end)
    }

    /// The span moved by `delta` bytes (where the same text stands in an edited source).
    pub fn moved(self, delta: i64) -> Span {
        Span::new((self.start as i64 + delta) as u32, (self.end as i64 + delta) as u32)
    }

    /// The span as a `usize` range, for slicing the source.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The source text this span covers.
    pub fn text(self, src: &str) -> &str {
        &src[self.range()]
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start as u32, r.end as u32)
    }
}
