//! The WAT token language (logos): parens, annotations, ids, keywords, numbers, strings, comments.
//!
//! A [`logos`] DFA splits the source into parens, runs of id characters, strings and comments;
//! [`lex`] then classifies each run (keyword, id, integer, float or reserved) and checks what the
//! spec calls malformed at the lexical level:
//!
//! * tokens other than parens must be separated by whitespace, a paren or a comment: `1"a"`,
//!   `$x"y"` and `"a""b"` are one *reserved* token in the spec. Outside annotations the pieces
//!   are kept as separate tokens (so the parser can go on) and one error is reported; inside an
//!   annotation, where any token is allowed, they become one [`TokenKind::Reserved`] token;
//! * `,` `;` `[` `]` `{` `}` are reserved tokens inside annotations and errors elsewhere;
//! * strings: unterminated, bad escapes, control characters (the token is still produced);
//! * unterminated block comments; characters that cannot start any token.
//!
//! Whitespace is space, tab, line feed and carriage return; line comments end at either.

use crate::diagnostic::Diagnostic;
use crate::literals::{self, Escape, STRING_SPECIAL};
use crate::span::Span;
use logos::Logos;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `(@name` or `(@"name"`: the opening of an annotation, one token including the paren.
    Annotation,
    /// `$name` or `$"name"`.
    Id,
    /// A keyword: starts with a lowercase letter (`module`, `i32.add`, `offset=8`, `nan:0x1` is a
    /// [`TokenKind::Float`], not a keyword).
    Keyword,
    /// An integer literal: `12`, `-0x1_F`, `+7`.
    Integer,
    /// A float literal: `1.5`, `1e3`, `0x1p-2`, `inf`, `-nan`, `nan:0x200000`.
    Float,
    /// A string literal, quotes included.
    String,
    /// Any other run of id characters (e.g. `1x`): an error wherever the grammar looks at it.
    Reserved,
}

/// A token and its byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// The kind.
    pub kind: TokenKind,
    /// Where it is.
    pub span: Span,
}

impl Token {
    /// The source text of this token.
    pub fn text(self, src: &str) -> &str {
        self.span.text(src)
    }
}

/// A lexed source: tokens without trivia, comment ranges (for the editor), and lexical errors.
#[derive(Debug, Default)]
pub struct Lexed {
    /// The tokens in source order, no whitespace or comments.
    pub tokens: Vec<Token>,
    /// Line and block comments.
    pub comments: Vec<Span>,
    /// Unterminated strings and block comments, stray characters, ...
    pub errors: Vec<Diagnostic>,
}

/// Lexer state shared with the logos callbacks.
#[derive(Default)]
struct Extras {
    /// Errors found while scanning strings and comments.
    errors: Vec<Diagnostic>,
}

type RawLexer<'s> = logos::Lexer<'s, Raw>;

/// The raw pieces the logos DFA recognises; [`lex`] turns them into [`Token`]s.
///
/// Runs of id characters are split by their first character, so that every token gets its
/// final [`TokenKind`] in the DFA leaf with at most a short look at its text: `[a-z]…` is a
/// keyword (unless `inf`/`nan…`), `$…` an id, `[0-9+-]…` an integer, float or reserved (by
/// [`literals`]), anything else reserved. The patterns do not overlap, so the DFA stays small.
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(extras = Extras)]
#[logos(skip r"[ \t\n\r]+")]
#[logos(subpattern idchar = r"[0-9A-Za-z!#$%&'*+\-./:<=>?@\\^_`|~]")]
enum Raw {
    /// A finished token that needs no more context.
    #[token("(", |_| TokenKind::LParen)]
    #[token(")", |_| TokenKind::RParen)]
    #[regex(r"[a-z](?&idchar)*", keyword)]
    #[regex(r"\$(?&idchar)*", dollar)]
    #[regex(r"[0-9+\-](?&idchar)*", number)]
    #[regex(r"[A-Z!#%&'*./:<=>?@\\^_`|~](?&idchar)*", |_| TokenKind::Reserved)]
    #[token("\"", string)]
    Tok(TokenKind),
    /// `(@name` or `(@"name"`.
    #[regex(r"\(@(?&idchar)+")]
    #[token("(@\"", annotation_quoted)]
    Annotation,
    /// `(@` with no name after it.
    #[token("(@")]
    AnnotationEmpty,
    /// A line or block comment.
    #[regex(r";;[^\n\r]*", allow_greedy = true)]
    #[token("(;", block_comment)]
    Comment,
    /// `,` `;` `[` `]` `{` `}`: reserved tokens inside annotations, errors elsewhere.
    #[regex(r"[,;\[\]{}]")]
    Punct,
}

/// A run starting with a digit or sign: integer, float or reserved.
fn number(lex: &mut RawLexer) -> TokenKind {
    let text = lex.slice();
    if literals::is_integer_literal(text) {
        TokenKind::Integer
    } else if literals::is_float_literal(text) {
        TokenKind::Float
    } else {
        TokenKind::Reserved
    }
}

/// A string: scanned by hand, errors reported, the token extended to its closing quote.
fn string(lex: &mut RawLexer) -> TokenKind {
    let open = lex.span().start;
    let end = scan_string(lex.source().as_bytes(), open, &mut lex.extras.errors);
    lex.bump(end - lex.span().end);
    TokenKind::String
}

/// `$name` is an id, `$"..."` a quoted id, `$` alone is reserved.
fn dollar(lex: &mut RawLexer) -> TokenKind {
    let span = lex.span();
    if span.end - span.start > 1 {
        return TokenKind::Id;
    }
    if lex.source().as_bytes().get(span.end) == Some(&b'"') {
        let before = lex.extras.errors.len();
        let end = scan_string(lex.source().as_bytes(), span.end, &mut lex.extras.errors);
        lex.bump(end - span.end);
        // A quoted id must be non-empty UTF-8 (`$""`, `$"\ef"` are malformed).
        if lex.extras.errors.len() == before
            && let Err((_, msg)) = literals::decode_id(lex.slice())
        {
            let span = lex.span();
            lex.extras.errors.push(Diagnostic::error(Span::new(span.start as u32, span.end as u32), msg));
        }
        TokenKind::Id
    } else {
        TokenKind::Reserved
    }
}

/// `[a-z]…` is a keyword, except `inf`, `nan` and `nan:0x<hexnum>`.
#[inline(always)]
fn keyword(lex: &mut RawLexer) -> TokenKind {
    let s = lex.slice().as_bytes();
    let float = match s[0] {
        b'i' => s == b"inf",
        b'n' => s == b"nan" || (s.starts_with(b"nan:0x") && literals::is_float_literal(lex.slice())),
        _ => false,
    };
    if float { TokenKind::Float } else { TokenKind::Keyword }
}

/// `(@"...`: the name is a string.
fn annotation_quoted(lex: &mut RawLexer) {
    let at = lex.span().end;
    let end = scan_string(lex.source().as_bytes(), at - 1, &mut lex.extras.errors);
    lex.bump(end - at);
}

/// `(;`: a nested block comment, to its matching `;)` or to the end with an error.
fn block_comment(lex: &mut RawLexer) {
    let start = lex.span().start;
    let bytes = lex.source().as_bytes();
    let end = match scan_block_comment(bytes, start) {
        Some(e) => e,
        None => {
            lex.extras.errors.push(
                Diagnostic::error(Span::new(start as u32, start as u32 + 2), "unterminated block comment")
                    .with_label("this `(;` is never closed by `;)`"),
            );
            bytes.len()
        }
    };
    lex.bump(end - lex.span().end);
}

/// Sentinel for "the previous token was not an atom" and "no run of glued atoms".
const NONE: usize = usize::MAX;

/// Ends a run of atoms with nothing between them (`group_start..` in `tokens`): one reserved
/// token inside annotations, an error elsewhere.
#[cold]
#[inline(never)]
fn finish_group(tokens: &mut Vec<Token>, errors: &mut Vec<Diagnostic>, group_start: usize, annot_depth: u32) {
    let first = tokens[group_start];
    let span = first.span.to(tokens[tokens.len() - 1].span);
    if first.kind == TokenKind::Annotation {
        errors.push(
            Diagnostic::error(span, "annotation name must be followed by whitespace")
                .with_label("no space after the annotation name"),
        );
    } else if annot_depth > 0 {
        tokens.truncate(group_start);
        tokens.push(Token { kind: TokenKind::Reserved, span });
    } else {
        let second = tokens[group_start + 1].span;
        errors.push(
            Diagnostic::error(span, "tokens must be separated by whitespace")
                .with_label("these run together")
                .with_secondary(Span::new(second.start, second.start), "space needed here")
                .with_help("insert a space, a parenthesis or a comment between them"),
        );
    }
}

/// A character that starts no token; an error right after another one is extended instead.
#[cold]
#[inline(never)]
fn unexpected(src: &str, start: usize, end: usize, errors: &mut Vec<Diagnostic>, unexpected_end: &mut usize) {
    if start == *unexpected_end
        && let Some(last) = errors.last_mut()
    {
        last.primary.span.end = end as u32;
        *unexpected_end = end;
        return;
    }
    let c = src[start..].chars().next().unwrap_or('\u{fffd}');
    let shown = if c.is_control() { String::new() } else { format!("`{c}` ") };
    let msg = format!("unexpected character {shown}(U+{:04X})", c as u32);
    let mut d = Diagnostic::error(Span::new(start as u32, end as u32), msg);
    if !c.is_ascii() {
        d = d.with_note("outside strings and comments only ASCII characters are allowed");
    }
    errors.push(d);
    *unexpected_end = end;
}

/// Scans a string whose opening quote is at `open`; returns the end (after the closing quote,
/// or the end of the source when unterminated) and reports problems into `errors`.
fn scan_string(bytes: &[u8], open: usize, errors: &mut Vec<Diagnostic>) -> usize {
    let mut i = open + 1;
    let mut reported_control = false;
    loop {
        while i < bytes.len() && !STRING_SPECIAL[bytes[i] as usize] {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            errors.push(
                Diagnostic::error(Span::new(open as u32, open as u32 + 1), "unterminated string")
                    .with_label("this string has no closing quote"),
            );
            return bytes.len();
        };
        match b {
            b'"' => return i + 1,
            // A backslash ending the source: reported as an unterminated string.
            b'\\' if i + 1 == bytes.len() => i += 1,
            b'\\' => match literals::escape_at(bytes, i) {
                Escape::Byte(_, len) | Escape::Char(_, len) => i += len,
                Escape::Bad(msg, len) => {
                    // Cover the escape up to (not including) a quote, on a char boundary.
                    let mut end = i + 1;
                    while end < (i + len).min(bytes.len()) && bytes[end] != b'"' {
                        end += literals::utf8_len(bytes[end]);
                    }
                    errors.push(Diagnostic::error(Span::new(i as u32, end.min(bytes.len()) as u32), msg));
                    // Go on after the backslash: what follows is read as ordinary characters.
                    i += 1;
                }
            },
            // A raw newline cannot be in a string: the closing quote is missing on this line.
            // Ending the string here keeps the rest of the file lexing as the user meant it.
            b'\n' => {
                errors.push(
                    Diagnostic::error(Span::new(open as u32, i as u32), "unterminated string")
                        .with_label("this string has no closing quote on its line")
                        .with_help("add `\"` at the end of the string, or write a line break as `\\n`"),
                );
                return i;
            }
            // DEL: the spec leaves it out of strings, but wabt's wat2wasm reads it as its byte and
            // GCC's emitter writes it unescaped (decisions D10). Read likewise, with a warning.
            0x7f => {
                errors.push(
                    Diagnostic::warning(Span::new(i as u32, i as u32 + 1), literals::DEL_MESSAGE)
                        .with_label("inside this string")
                        .with_help("write `\\7f`"),
                );
                i += 1;
            }
            _ => {
                if !reported_control {
                    reported_control = true;
                    errors.push(
                        Diagnostic::error(Span::new(i as u32, i as u32 + 1), literals::control_char_message(b))
                            .with_label("inside this string"),
                    );
                }
                i += 1;
            }
        }
    }
}

/// Scans a block comment opening at `start` (`(;`), nested; returns its end, or `None` when it
/// is not closed before the end of the source.
fn scan_block_comment(bytes: &[u8], start: usize) -> Option<usize> {
    let mut depth = 1u32;
    let mut i = start + 2;
    while i < bytes.len() {
        match bytes[i] {
            b'(' if bytes.get(i + 1) == Some(&b';') => {
                depth += 1;
                i += 2;
            }
            b';' if bytes.get(i + 1) == Some(&b')') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// Lexes the piece `start..end` of `src`, which must start between two tokens (outside strings,
/// comments and annotations); spans are offsets into `src`.
pub fn lex_range(src: &str, start: usize, end: usize) -> Lexed {
    let mut lexed = lex(&src[start..end]);
    if start > 0 {
        let by = start as u32;
        let shift = |s: &mut Span| *s = Span::new(s.start + by, s.end + by);
        lexed.tokens.iter_mut().for_each(|t| shift(&mut t.span));
        lexed.comments.iter_mut().for_each(shift);
        for d in &mut lexed.errors {
            shift(&mut d.primary.span);
            d.secondary.iter_mut().for_each(|l| shift(&mut l.span));
        }
    }
    lexed
}

/// Lexes a whole source text.
///
/// Never fails: problems are reported in [`Lexed::errors`] and lexing goes on. Spans are `u32`;
/// a source over 4 GiB is rejected with one error.
pub fn lex(src: &str) -> Lexed {
    if src.len() > u32::MAX as usize {
        let mut out = Lexed::default();
        out.errors.push(Diagnostic::error(Span::new(0, 0), "source text larger than 4 GiB"));
        return out;
    }
    let mut lx = Raw::lexer(src);
    let mut tokens: Vec<Token> = Vec::with_capacity(src.len() / 5 + 16);
    let mut comments: Vec<Span> = Vec::new();
    // Parenthesis depth inside annotations (0: not in an annotation).
    let mut annot_depth: u32 = 0;
    // End of the previous token if it was an atom (not a paren) and nothing followed it.
    let mut prev_atom_end = NONE;
    // First token of the current run of atoms with nothing between them, if there is one.
    let mut group_start = NONE;
    let mut unexpected_end = NONE;

    // Ends the current run of glued atoms, if any, before a separator or a separated atom.
    macro_rules! end_group {
        () => {
            if group_start != NONE {
                finish_group(&mut tokens, &mut lx.extras.errors, group_start, annot_depth);
                group_start = NONE;
            }
        };
    }

    while let Some(raw) = lx.next() {
        let range = lx.span();
        let (start, end) = (range.start, range.end);
        // The hot path: a token that needs no context. Tested first with a plain `if` so that
        // it compiles to one predictable branch instead of a jump table over all variants.
        if let Ok(Raw::Tok(kind)) = raw {
            let paren = matches!(kind, TokenKind::LParen | TokenKind::RParen);
            if (start == prev_atom_end && !paren) | (group_start != NONE) {
                if start == prev_atom_end && !paren {
                    if group_start == NONE {
                        group_start = tokens.len() - 1;
                    }
                } else {
                    end_group!();
                }
            }
            if annot_depth > 0 {
                match kind {
                    TokenKind::LParen => annot_depth += 1,
                    TokenKind::RParen => annot_depth -= 1,
                    _ => {}
                }
            }
            tokens.push(Token { kind, span: Span::new(start as u32, end as u32) });
            prev_atom_end = if paren { NONE } else { end };
            continue;
        }
        match raw {
            Ok(Raw::Tok(_)) => unreachable!("handled above"),
            Ok(Raw::Comment) => {
                end_group!();
                prev_atom_end = NONE;
                comments.push(Span::new(start as u32, end as u32));
            }
            Ok(Raw::Annotation) => {
                end_group!();
                if src.as_bytes()[start + 2] == b'"'
                    && let Err((_, msg)) = literals::decode_annotation(&src[start..end])
                {
                    lx.extras.errors.push(Diagnostic::error(Span::new(start as u32, end as u32), msg));
                }
                tokens.push(Token { kind: TokenKind::Annotation, span: Span::new(start as u32, end as u32) });
                // The name must be followed by a separator like any atom.
                prev_atom_end = end;
                annot_depth += 1;
            }
            Ok(Raw::AnnotationEmpty) => {
                end_group!();
                if annot_depth > 0 {
                    // Inside an annotation any tokens are allowed: `(` and a reserved `@`.
                    annot_depth += 1;
                    tokens.push(Token { kind: TokenKind::LParen, span: Span::new(start as u32, start as u32 + 1) });
                    tokens.push(Token { kind: TokenKind::Reserved, span: Span::new(start as u32 + 1, end as u32) });
                    prev_atom_end = end;
                } else {
                    lx.extras.errors.push(
                        Diagnostic::error(Span::new(start as u32, end as u32), "empty annotation id")
                            .with_help("write the annotation name right after `(@`, e.g. `(@name ...)`"),
                    );
                    tokens.push(Token { kind: TokenKind::Annotation, span: Span::new(start as u32, end as u32) });
                    annot_depth = 1;
                    prev_atom_end = NONE;
                }
            }
            Ok(Raw::Punct) if annot_depth > 0 => {
                if start == prev_atom_end {
                    if group_start == NONE {
                        group_start = tokens.len() - 1;
                    }
                } else {
                    end_group!();
                }
                tokens.push(Token { kind: TokenKind::Reserved, span: Span::new(start as u32, end as u32) });
                prev_atom_end = end;
            }
            Ok(Raw::Punct) | Err(()) => {
                end_group!();
                prev_atom_end = NONE;
                unexpected(src, start, end, &mut lx.extras.errors, &mut unexpected_end);
            }
        }
    }
    if group_start != NONE {
        finish_group(&mut tokens, &mut lx.extras.errors, group_start, annot_depth);
    }
    let mut errors = std::mem::take(&mut lx.extras.errors);
    // Errors from inside strings can precede the run-together error of their token.
    if !errors.is_sorted_by_key(|d| d.primary.span.start) {
        errors.sort_by_key(|d| d.primary.span.start);
    }
    Lexed { tokens, comments, errors }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TokenKind::*;

    fn kinds(src: &str) -> Vec<(TokenKind, &str)> {
        let l = lex(src);
        assert!(l.errors.is_empty(), "unexpected errors for {src:?}: {:?}", l.errors);
        l.tokens.iter().map(|t| (t.kind, t.text(src))).collect()
    }

    fn one(src: &str) -> TokenKind {
        let k = kinds(src);
        assert_eq!(k.len(), 1, "{src:?} gave {k:?}");
        assert_eq!(k[0].1, src);
        k[0].0
    }

    fn errors(src: &str) -> Vec<std::string::String> {
        lex(src).errors.into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn classification() {
        for (t, k) in [
            ("module", Keyword),
            ("i32.add", Keyword),
            ("offset=8", Keyword),
            ("align=0x10", Keyword),
            ("i32.const0", Keyword),
            ("nan:0x", Keyword),
            ("nan:0x_1", Keyword),
            ("infinity", Keyword),
            ("nan:0x7f_ffff", Float),
            ("nan", Float),
            ("inf", Float),
            ("-inf", Float),
            ("+nan", Float),
            ("-nan:0x1", Float),
            ("0x1p+3", Float),
            ("0x1.8p3", Float),
            ("0x1P-2", Float),
            ("1.", Float),
            ("1.5e+10", Float),
            ("1e3", Float),
            ("-0.0", Float),
            ("1_000", Integer),
            ("0x1_F", Integer),
            ("-0x1_F", Integer),
            ("+7", Integer),
            ("-0", Integer),
            ("1__0", Reserved),
            ("1_", Reserved),
            ("_1", Reserved),
            ("0x", Reserved),
            ("1x", Reserved),
            ("0drop", Reserved),
            ("0$l", Reserved),
            (".0", Reserved),
            ("0e", Reserved),
            ("-", Reserved),
            ("$", Reserved),
            ("@", Reserved),
            ("Module", Reserved),
            ("$x", Id),
            ("$l$l", Id),
            ("$0", Id),
            ("$!?@#a$%^&*-+_.:9'`|/\\<=>~", Id),
            ("$\"a b\"", Id),
            ("\"\"", String),
            ("\"a\\\"b\"", String),
            ("\"Heiße Würstchen\"", String),
            ("(@sym", Annotation),
            ("(@\"a b\"", Annotation),
            ("(@0", Annotation),
            ("(@@", Annotation),
        ] {
            assert_eq!(one(t), k, "{t}");
        }
    }

    #[test]
    fn float_literal_malformed_forms_are_reserved() {
        for t in [
            "_100",
            "+_100",
            "-_100",
            "99_",
            "1__000",
            "_1.0",
            "1.0_",
            "1_.0",
            "1._0",
            "_1e1",
            "1e1_",
            "1_e1",
            "1e_1",
            "_1.0e1",
            "1.0e1_",
            "1.0_e1",
            "1.0e_1",
            "1.0e+_1",
            "1.0e_+1",
            "_0x100",
            "0_x100",
            "0x_100",
            "0x00_",
            "0xff__ffff",
            "0x_1.0",
            "0x1.0_",
            "0x1_.0",
            "0x1._0",
            "0x_1p1",
            "0x1p1_",
            "0x1_p1",
            "0x1p_1",
            "0x_1.0p1",
            "0x1.0p1_",
            "0x1.0_p1",
            "0x1.0p_1",
            "0x1.0p+_1",
            "0x1.0p_+1",
            "0e+",
            "0.0e-",
            "0xg",
            "0x.",
            "0x0.g",
            "0x0p",
            "0x0p+",
            "0x0pA",
        ] {
            assert_eq!(one(t), Reserved, "{t}");
        }
        // Malformed because the payload is out of range, not lexically.
        assert_eq!(one("nan:0x80_0000"), Float);
    }

    #[test]
    fn spans() {
        let src = "(module $m\n  (func (i32.const -1)))";
        let l = lex(src);
        assert!(l.errors.is_empty());
        let got: Vec<_> = l.tokens.iter().map(|t| (t.kind, t.span.start, t.span.end)).collect();
        assert_eq!(
            got,
            vec![
                (LParen, 0, 1),
                (Keyword, 1, 7),
                (Id, 8, 10),
                (LParen, 13, 14),
                (Keyword, 14, 18),
                (LParen, 19, 20),
                (Keyword, 20, 29),
                (Integer, 30, 32),
                (RParen, 32, 33),
                (RParen, 33, 34),
                (RParen, 34, 35),
            ]
        );
    }

    #[test]
    fn parens_separate() {
        assert_eq!(
            kinds("(i32.const 0)(i32.const 1)").iter().map(|t| t.0).collect::<Vec<_>>(),
            vec![LParen, Keyword, Integer, RParen, LParen, Keyword, Integer, RParen]
        );
        assert_eq!(kinds("(func(nop))").len(), 6);
        assert_eq!(kinds("(data (i32.const 0)\"a\")").len(), 8);
        assert_eq!(kinds("(func $f(nop))").len(), 7);
        assert_eq!(kinds("(elem (i32.const 0)$f)").len(), 8);
        assert_eq!(kinds("(import \"spectest\" \"print\"(func))").len(), 8);
        assert_eq!(kinds("x(@a y)z").len(), 5);
    }

    #[test]
    fn comments() {
        let src = "(;a(;b;)c;)x;; line\ny;;";
        let l = lex(src);
        assert!(l.errors.is_empty());
        assert_eq!(l.comments, vec![Span::new(0, 11), Span::new(12, 19), Span::new(21, 23)]);
        assert_eq!(l.tokens.iter().map(|t| t.text(src)).collect::<Vec<_>>(), vec!["x", "y"]);
        // Comments separate tokens.
        assert_eq!(kinds("(func;;bla\n)").len(), 3);
        assert_eq!(kinds("$f;;bla").len(), 1);
        assert_eq!(kinds("\"a\";;bla").len(), 1);
        assert_eq!(kinds("\"a\"(;c;)\"b\"").len(), 2);
        assert_eq!(kinds("a(;c;)b").len(), 2);
        // Line comments end at CR too.
        let l = lex(";; c\rx");
        assert_eq!(l.comments, vec![Span::new(0, 4)]);
        assert_eq!(l.tokens.len(), 1);
        // Tricky block comments from comments.wast.
        for c in [
            "(;;)",
            "(;comment;)",
            "(;;comment;)",
            "(;;;comment;)",
            "(;;;;;;;;;;;;;;)",
            "(;(((((((((( ;)",
            "(;)))))))))));)",
            "(;comment\";)",
            "(;comment\"\";)",
            "(; \u{0} \u{1} \u{7f} ;)",
            "(;Heiße Würstchen;)",
            "(;comment;;comment;)",
            "(;comment;;comment\n;)",
            "(;comment(;nested(;further;)nested;)comment;)",
        ] {
            let l = lex(c);
            assert!(l.errors.is_empty(), "{c:?}: {:?}", l.errors);
            assert!(l.tokens.is_empty(), "{c:?}");
            assert_eq!(l.comments, vec![Span::new(0, c.len() as u32)], "{c:?}");
        }
        for c in [";;", ";;;;;;;", ";;)", ";; (;", ";;comment"] {
            let l = lex(c);
            assert!(l.errors.is_empty() && l.tokens.is_empty(), "{c:?}");
            assert_eq!(l.comments, vec![Span::new(0, c.len() as u32)], "{c:?}");
        }
    }

    #[test]
    fn unterminated_block_comment() {
        let l = lex("(module (; a (; b ;) c");
        assert_eq!(l.errors.len(), 1);
        assert_eq!(l.errors[0].message, "unterminated block comment");
        assert_eq!(l.errors[0].primary.span, Span::new(8, 10));
        assert_eq!(l.comments, vec![Span::new(8, 22)]);
        assert_eq!(l.tokens.len(), 2);
    }

    #[test]
    fn strings() {
        let l = lex(r#"(data "\t\n\r\"\'\\\00\ff\u{41}\u{1_F600}" "")"#);
        assert!(l.errors.is_empty(), "{:?}", l.errors);
        assert_eq!(l.tokens.len(), 5);
        // Unterminated: an error, but still a string token.
        let src = "(data \"abc";
        let l = lex(src);
        assert_eq!(l.errors.len(), 1);
        assert_eq!(l.errors[0].message, "unterminated string");
        assert_eq!(l.errors[0].primary.span, Span::new(6, 7));
        assert_eq!(l.tokens.last().map(|t| (t.kind, t.text(src))), Some((String, "\"abc")));
        // Bad escape: error at the escape, the token ends at the closing quote.
        let src = r#"(data "a\qb" x)"#;
        let l = lex(src);
        assert_eq!(l.errors.len(), 1);
        assert!(l.errors[0].message.contains("unknown escape"), "{:?}", l.errors);
        assert_eq!(l.errors[0].primary.span, Span::new(8, 10));
        assert_eq!(l.tokens.iter().map(|t| t.kind).collect::<Vec<_>>(), vec![LParen, Keyword, String, Keyword, RParen]);
        // `\"` is an escape, `\` + one hex digit + quote is not: the quote still ends the string.
        let src = r#""\a" x"#;
        let l = lex(src);
        assert_eq!(l.errors.len(), 1);
        assert_eq!(l.tokens.len(), 2);
        assert_eq!(l.tokens[0].text(src), r#""\a""#);
        // Unicode escapes.
        assert_eq!(errors(r#""\u{D800}""#).len(), 1);
        assert_eq!(errors(r#""\u{110000}""#).len(), 1);
        assert_eq!(errors(r#""\u{}""#).len(), 1);
        assert_eq!(errors(r#""\u41""#).len(), 1);
        assert_eq!(errors(r#""\u{10FFFF}""#).len(), 0);
        // Control characters: one error per string, the string goes on to its quote.
        let src = "\"a\tb\x0bc\" x";
        let l = lex(src);
        assert_eq!(l.errors.len(), 1);
        assert_eq!(l.errors[0].primary.span, Span::new(2, 3));
        assert_eq!(l.tokens.len(), 2);
        // A raw newline ends an unterminated string, so the next line lexes normally.
        let l = lex("\"abc\n(x)");
        assert_eq!(l.errors.len(), 1);
        assert_eq!(l.errors[0].message, "unterminated string");
        assert_eq!(l.tokens.len(), 4);
        assert_eq!(errors("\"\u{7f}\"").len(), 1);
        // A backslash at the end of the source.
        assert_eq!(lex("\"abc\\").errors.len(), 1);
    }

    #[test]
    fn quoted_names_must_be_nonempty_utf8() {
        for src in ["$\"\"", "$\"\\ef\"", "(@\"\")", "(@\"\\ef\")"] {
            assert_eq!(lex(src).errors.len(), 1, "{src}");
        }
        assert!(lex("$\"a b\" (@\"x y\")").errors.is_empty());
    }

    #[test]
    fn separation_errors() {
        for src in [
            "1\"a\"",
            "$x\"y\"",
            "\"a\"\"b\"",
            "\"a\"x",
            "\"a\"0",
            "\"a\"$x",
            "0\"a\"",
            "0$\"l\"",
            "$\"l\"0",
            "$\"l\"$l",
            "(data $l\"a \"\"b\")",
            "(data\"a\")",
            "(data \"\"\"\")",
        ] {
            let l = lex(src);
            assert_eq!(l.errors.len(), 1, "{src:?}: {:?}", l.errors);
            assert_eq!(l.errors[0].message, "tokens must be separated by whitespace", "{src:?}");
        }
        // The pieces stay separate tokens so the parser can go on.
        let src = "$x\"y\" z";
        let l = lex(src);
        assert_eq!(
            l.tokens.iter().map(|t| (t.kind, t.text(src))).collect::<Vec<_>>(),
            vec![(Id, "$x"), (String, "\"y\""), (Keyword, "z")]
        );
        assert_eq!(l.errors[0].primary.span, Span::new(0, 5));
        // Not errors: a single run of idchars is one (reserved or id) token.
        assert_eq!(kinds("br_table 0$l"), vec![(Keyword, "br_table"), (Reserved, "0$l")]);
        assert_eq!(kinds("$l0 $l$l"), vec![(Id, "$l0"), (Id, "$l$l")]);
    }

    #[test]
    fn annotations() {
        assert_eq!(kinds("(@sym $x)"), vec![(Annotation, "(@sym"), (Id, "$x"), (RParen, ")")]);
        assert_eq!(kinds("(@\"a b\" 1)"), vec![(Annotation, "(@\"a b\""), (Integer, "1"), (RParen, ")")]);
        // `( @a` is a paren and a reserved token.
        assert_eq!(kinds("( @a)"), vec![(LParen, "("), (Reserved, "@a"), (RParen, ")")]);
        // Inside annotations any tokens are allowed, run-together ones become one reserved token.
        let src = "(@a x-y$yz\"aa\"-2 , ; ] [ }} }x{ ({) ,{{};}] ;)";
        let l = lex(src);
        assert!(l.errors.is_empty(), "{:?}", l.errors);
        assert_eq!(l.tokens[1].text(src), "x-y$yz\"aa\"-2");
        assert_eq!(l.tokens[1].kind, Reserved);
        assert_eq!(l.tokens.last().unwrap().kind, RParen);
        assert_eq!(l.tokens.iter().filter(|t| t.kind == RParen).count(), 2);
        let src = "(@a @ @x (@x) (@x y) (@) (@ x) (@(@(@(@))))) x";
        let l = lex(src);
        assert!(l.errors.is_empty(), "{:?}", l.errors);
        assert_eq!(l.tokens.last().unwrap().kind, Keyword);
        // Outside, `,` and friends are unexpected; the annotation depth comes back to 0.
        assert_eq!(errors("(@a) ,"), vec!["unexpected character `,` (U+002C)"]);
        // `(@` without a name.
        for src in ["(@)", "(@ )", "(@ x)", "(@(@a)x)"] {
            let l = lex(src);
            assert_eq!(l.errors.len(), 1, "{src}");
            assert_eq!(l.errors[0].message, "empty annotation id", "{src}");
            assert_eq!(l.tokens[0].kind, Annotation, "{src}");
            assert_eq!(l.tokens[0].span, Span::new(0, 2), "{src}");
        }
        // The annotation name must be separated from what follows.
        assert_eq!(errors("(@a\"x\")").len(), 1);
        // Control characters are errors everywhere outside strings and comments.
        assert_eq!(errors("(@a \u{0})").len(), 1);
        assert_eq!(errors("(@a \u{7f})").len(), 1);
        assert_eq!(errors("(@a \t\n\r)").len(), 0);
    }

    #[test]
    fn unexpected_characters() {
        let src = "(module ß)";
        let l = lex(src);
        assert_eq!(l.errors.len(), 1);
        assert_eq!(l.errors[0].primary.span, Span::new(8, 10));
        assert_eq!(l.tokens.len(), 3);
        // Runs merge into one error; tokens around them are kept and not "run together".
        let src = "a€€b";
        let l = lex(src);
        assert_eq!(l.errors.len(), 1);
        assert_eq!(l.errors[0].primary.span, Span::new(1, 7));
        assert_eq!(l.tokens.len(), 2);
        assert_eq!(errors("\u{c}").len(), 1); // form feed is not whitespace
        assert_eq!(errors("a , b").len(), 1);
        assert_eq!(errors("a ; b").len(), 1);
        assert_eq!(errors("{}").len(), 1);
    }

    #[test]
    fn errors_are_in_source_order() {
        let l = lex("x 1\"a\\q\" \u{1}");
        let starts: Vec<u32> = l.errors.iter().map(|d| d.primary.span.start).collect();
        assert_eq!(starts.len(), 3, "{:?}", l.errors);
        assert!(starts.is_sorted(), "{starts:?}");
    }

    #[test]
    fn annotation_depth_returns_to_zero() {
        let src = "(module (@sym $x (nested \"a\"\"b\")) (func \"a\"\"b\"))";
        let l = lex(src);
        // Inside the annotation the run is one reserved token; outside it is an error.
        assert_eq!(l.errors.len(), 1, "{:?}", l.errors);
        assert_eq!(l.errors[0].primary.span.text(src), "\"a\"\"b\"");
        assert!(l.errors[0].primary.span.start > 30);
        assert!(l.tokens.iter().any(|t| t.kind == Reserved && t.text(src) == "\"a\"\"b\""));
    }

    #[test]
    fn empty_and_whitespace() {
        let l = lex("");
        assert!(l.tokens.is_empty() && l.errors.is_empty() && l.comments.is_empty());
        let l = lex(" \t\r\n ");
        assert!(l.tokens.is_empty() && l.errors.is_empty() && l.comments.is_empty());
    }
}
