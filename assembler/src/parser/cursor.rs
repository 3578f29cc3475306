//! The token cursor: lookahead, expectations, paren matching and error recovery.

use crate::ast::ModuleField;
use crate::diagnostic::Diagnostic;
use crate::lexer::{Token, TokenKind};
use crate::span::Span;

/// Marker for a failed production: its diagnostic has been recorded; the caller recovers.
#[derive(Debug)]
pub struct Fail;

impl Fail {
    /// Adds a `help:` line to the diagnostic just reported.
    pub fn with_help_note(self, diags: &mut [Diagnostic], help: &str) -> Fail {
        if let Some(d) = diags.last_mut() {
            d.notes.push(format!("help: {help}"));
        }
        self
    }
}

/// Result of a parsing function.
pub type PResult<T> = Result<T, Fail>;

/// Annotation names this tool gives meaning to; others are skipped wherever they stand.
pub(crate) const KNOWN_ANNOTATIONS: &[&str] = &[
    "reloc",
    "sym",
    "sym.import.data",
    "sym.label",
    "sym.segment",
    "comdat",
    "custom",
    "name",
    "metadata.code.branch_hint",
    "producers",
];

/// Paren matching: for each opening token (`(` or `(@name`), the index of its `)`, or
/// `toks.len()` when it is not closed; with the diagnostics for unbalanced parens.
pub struct Parens {
    close: Vec<u32>,
    diags: Vec<Diagnostic>,
    unclosed: bool,
}

impl Parens {
    /// Matches the parens of `toks`.
    pub fn new(src: &str, toks: &[Token]) -> Parens {
        let mut close = vec![u32::MAX; toks.len()];
        let mut stack: Vec<usize> = Vec::new();
        let mut diags = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            match t.kind {
                TokenKind::LParen | TokenKind::Annotation => stack.push(i),
                TokenKind::RParen => match stack.pop() {
                    Some(open) => close[open] = i as u32,
                    None => diags.push(Diagnostic::error(t.span, "unexpected `)`").with_label("no `(` opens this")),
                },
                _ => {}
            }
        }
        if let Some(&open) = stack.first() {
            let eof = Span::new(src.len() as u32, src.len() as u32);
            diags.push(
                Diagnostic::error(toks[open].span, "unclosed `(`")
                    .with_label("this `(` has no matching `)`")
                    .with_secondary(eof, "end of file"),
            );
        }
        let unclosed = !stack.is_empty();
        for open in stack {
            close[open] = toks.len() as u32;
        }
        Parens { close, diags, unclosed }
    }
}

/// A cursor over the tokens of one source.
pub struct Cursor<'a> {
    pub(crate) src: &'a str,
    toks: &'a [Token],
    /// For each opening token, the index of its `)` (see [`Parens`]).
    close: &'a [u32],
    pub(crate) pos: usize,
    pub(crate) diags: Vec<Diagnostic>,
    /// Whether an unclosed paren was already reported, so errors at end of file are not repeated.
    eof_reported: bool,
    /// Unknown annotations skipped so far.
    pub(crate) unknown_annotations: Vec<(Span, Span)>,
    /// A branch hint waiting for its `if` or `br_if`: (value, annotation span).
    pub(crate) pending_hint: Option<(u8, Span)>,
    /// Fields parsed from pieces of the text, inserted when the field loop reaches them.
    pub(super) hole: Option<Hole>,
    /// Leave the bodies of closed functions unparsed (see [`super::parse_deferring`]).
    pub(super) defer_bodies: bool,
}

impl<'a> Cursor<'a> {
    /// A cursor at the first token; takes the paren diagnostics out of `parens`.
    pub fn new(src: &'a str, toks: &'a [Token], parens: &'a mut Parens) -> Cursor<'a> {
        let diags = std::mem::take(&mut parens.diags);
        Cursor {
            src,
            toks,
            close: &parens.close,
            pos: 0,
            diags,
            eof_reported: parens.unclosed,
            unknown_annotations: Vec::new(),
            pending_hint: None,
            hole: None,
            defer_bodies: false,
        }
    }

    // ----- lookahead

    /// Skips unknown annotations at the cursor.
    #[inline]
    fn skip_unknown(&mut self) {
        if matches!(self.toks.get(self.pos), Some(t) if t.kind == TokenKind::Annotation) {
            self.skip_unknown_slow();
        }
    }

    #[cold]
    fn skip_unknown_slow(&mut self) {
        while let Some(t) = self.toks.get(self.pos) {
            if t.kind != TokenKind::Annotation || self.is_known_annotation(self.pos) {
                break;
            }
            let end = self.close[self.pos] as usize;
            let last = self.toks.get(end).map_or(self.src.len() as u32, |t| t.span.end);
            self.unknown_annotations.push((Span::new(t.span.start, last), t.span));
            self.pos = end + 1;
        }
    }

    fn is_known_annotation(&self, i: usize) -> bool {
        KNOWN_ANNOTATIONS.contains(&self.annotation_name(i))
    }

    /// The name of the annotation token at `i` (without `(@` and quotes).
    fn annotation_name(&self, i: usize) -> &'a str {
        let text = self.toks[i].span.text(self.src);
        let name = &text[2..];
        name.strip_prefix('"').and_then(|n| n.strip_suffix('"')).unwrap_or(name)
    }

    /// The token at the cursor.
    pub fn peek(&mut self) -> Option<Token> {
        self.skip_unknown();
        self.toks.get(self.pos).copied()
    }

    /// The kind of the token at the cursor.
    pub fn peek_kind(&mut self) -> Option<TokenKind> {
        self.peek().map(|t| t.kind)
    }

    /// The index of the first token at or after `i` that is not inside an unknown annotation.
    fn significant(&self, mut i: usize) -> usize {
        while i < self.toks.len() && self.toks[i].kind == TokenKind::Annotation && !self.is_known_annotation(i) {
            i = self.close[i] as usize + 1;
        }
        i
    }

    /// The token `n` significant places after the cursor (unknown annotations skipped).
    pub fn peek_nth(&mut self, n: usize) -> Option<Token> {
        self.skip_unknown();
        let mut i = self.pos;
        for _ in 0..n {
            i = self.significant(i + 1);
        }
        self.toks.get(i).copied()
    }

    /// The text of a token.
    pub fn text(&self, t: Token) -> &'a str {
        t.span.text(self.src)
    }

    /// Whether the cursor is at keyword `kw`.
    pub fn at_kw(&mut self, kw: &str) -> bool {
        matches!(self.peek(), Some(t) if t.kind == TokenKind::Keyword && self.text(t) == kw)
    }

    /// The keyword at the cursor, if any.
    pub fn peek_kw(&mut self) -> Option<&'a str> {
        match self.peek() {
            Some(t) if t.kind == TokenKind::Keyword => Some(self.text(t)),
            _ => None,
        }
    }

    /// Whether the cursor is at `(` followed by keyword `kw`.
    pub fn at_list(&mut self, kw: &str) -> bool {
        self.peek_list_kw() == Some(kw)
    }

    /// The keyword right after a `(` at the cursor.
    pub fn peek_list_kw(&mut self) -> Option<&'a str> {
        match (self.peek(), self.peek_nth(1)) {
            (Some(p), Some(k)) if p.kind == TokenKind::LParen && k.kind == TokenKind::Keyword => Some(self.text(k)),
            _ => None,
        }
    }

    /// The annotation name at the cursor (`(@name`), if any.
    pub fn peek_annotation(&mut self) -> Option<&'a str> {
        match self.peek() {
            Some(t) if t.kind == TokenKind::Annotation => Some(self.annotation_name(self.pos)),
            _ => None,
        }
    }

    /// Whether the cursor is at `)` or end of input.
    pub fn at_close(&mut self) -> bool {
        matches!(self.peek_kind(), None | Some(TokenKind::RParen))
    }

    /// Whether all tokens are consumed.
    pub fn at_eof(&mut self) -> bool {
        self.peek().is_none()
    }

    /// The span of the token at the cursor, or an empty span at the end of the file.
    pub fn here(&mut self) -> Span {
        match self.peek() {
            Some(t) => t.span,
            None => Span::new(self.src.len() as u32, self.src.len() as u32),
        }
    }

    /// The end of the previous token.
    pub fn prev_end(&self) -> u32 {
        if self.pos == 0 { 0 } else { self.toks[(self.pos - 1).min(self.toks.len() - 1)].span.end }
    }

    /// Span from `start` to the end of the previous token.
    pub fn span_from(&self, start: u32) -> Span {
        Span::new(start, self.prev_end().max(start))
    }

    // ----- consuming

    /// Consumes the token at the cursor.
    pub fn bump(&mut self) -> Token {
        let t = self.peek().expect("bump at end of input");
        self.pos += 1;
        t
    }

    /// Consumes a token of `kind`, if there.
    pub fn eat(&mut self, kind: TokenKind) -> Option<Token> {
        match self.peek() {
            Some(t) if t.kind == kind => {
                self.pos += 1;
                Some(t)
            }
            _ => None,
        }
    }

    /// Consumes keyword `kw`, if there.
    pub fn eat_kw(&mut self, kw: &str) -> Option<Span> {
        if self.at_kw(kw) { Some(self.bump().span) } else { None }
    }

    /// Consumes `(` and keyword `kw`, if there; returns the span of the `(`.
    pub fn eat_list(&mut self, kw: &str) -> Option<Span> {
        if self.at_list(kw) {
            let open = self.bump().span;
            self.bump();
            Some(open)
        } else {
            None
        }
    }

    /// Reports an error at `span`.
    pub fn error(&mut self, span: Span, msg: impl Into<String>) -> Fail {
        self.diags.push(Diagnostic::error(span, msg));
        Fail
    }

    /// Reports a warning.
    pub fn warn(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Reports "expected X" at the cursor, with what was found.
    pub fn expected(&mut self, what: &str) -> Fail {
        match self.peek() {
            None => {
                if self.eof_reported {
                    return Fail;
                }
                let here = self.here();
                self.error(here, format!("expected {what}, found end of file"))
            }
            Some(t) => {
                let found = describe(t, self.src);
                let d = Diagnostic::error(t.span, format!("expected {what}, found {found}"))
                    .with_label(format!("expected {what}"));
                self.diags.push(d);
                Fail
            }
        }
    }

    /// Consumes `(`.
    pub fn expect_lparen(&mut self) -> PResult<Span> {
        match self.eat(TokenKind::LParen) {
            Some(t) => Ok(t.span),
            None => Err(self.expected("`(`")),
        }
    }

    /// Consumes `)`.
    pub fn expect_rparen(&mut self) -> PResult<Span> {
        match self.eat(TokenKind::RParen) {
            Some(t) => Ok(t.span),
            None => Err(self.expected("`)`")),
        }
    }

    /// Index of the token at the cursor (for recovery).
    pub fn mark(&mut self) -> usize {
        self.skip_unknown();
        self.pos
    }

    /// Recovery: the cursor was inside the list opened at token `open`; moves past its `)`.
    pub fn recover_to_close(&mut self, open: usize) {
        let close = self.close[open] as usize;
        self.pos = (close + 1).min(self.toks.len()).max(self.pos.min(self.toks.len()));
        if close >= self.toks.len() {
            self.pos = self.toks.len();
        }
    }

    /// Moves to the `)` of the list opened at token `open` without reading what is before it;
    /// returns the text passed over (from the token at the cursor to the `)`), or `None`, without
    /// moving, when the list is not closed.
    pub fn skip_to_close(&mut self, open: usize) -> Option<Span> {
        let close = self.close[open] as usize;
        let end = self.toks.get(close)?.span.start;
        let start = self.toks.get(self.pos).map_or(end, |t| t.span.start).min(end);
        self.pos = close.max(self.pos);
        Some(Span::new(start, end))
    }

    /// The span from the opening token `open` to its `)`.
    pub fn list_span(&self, open: usize) -> Span {
        let start = self.toks[open].span.start;
        let close = self.close[open] as usize;
        let end = self.toks.get(close).map_or(self.src.len() as u32, |t| t.span.end);
        Span::new(start, end)
    }
}

/// Describes a token for "found ..." messages.
pub fn describe(t: Token, src: &str) -> String {
    let text = t.span.text(src);
    let short: String = text.chars().take(24).collect();
    match t.kind {
        TokenKind::LParen => "`(`".into(),
        TokenKind::RParen => "`)`".into(),
        TokenKind::Annotation => format!("annotation `{short}`"),
        TokenKind::Id => format!("id `{short}`"),
        TokenKind::Keyword => format!("`{short}`"),
        TokenKind::Integer => format!("integer `{short}`"),
        TokenKind::Float => format!("float `{short}`"),
        TokenKind::String => "a string".into(),
        TokenKind::Reserved => format!("`{short}`"),
    }
}

/// Module fields parsed out of the token stream (by `pieces.rs`), to be inserted when the main cursor's
/// field loop reaches token index `at` (where the pieces stood in the text).
pub(super) struct Hole {
    /// Token index in the main cursor's tokens.
    pub at: usize,
    /// The fields of the kept pieces, in source order.
    pub fields: Vec<ModuleField>,
    /// Their diagnostics.
    pub diags: Vec<Diagnostic>,
    /// Their unknown annotations.
    pub unknown_annotations: Vec<(Span, Span)>,
}
