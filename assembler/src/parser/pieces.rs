//! Parsing a large source in pieces, on several threads, with the same result as one pass.
//!
//! The text between the module's head (`(module $id?`) and its last fields is cut into pieces of
//! about [`PIECE_BYTES`] at lines that look like the start of a module field (a `(` and a field
//! keyword at the indentation of the first field). Workers lex and parse the pieces in order and
//! drop each piece's tokens when it is parsed, so the whole token list never exists at once.
//!
//! A cut is only a guess (it could be inside a block comment or a function), so a piece is kept
//! only when everything before it was kept and it lexes without errors into balanced parentheses
//! that never close more than they open: then the one-pass lexer would stand at the piece's start
//! between two module fields, in the same state, and would produce the same tokens. From the first
//! piece that fails this test to the end of the file, the text is lexed and parsed in one piece
//! after the head (the "tail"), so a mistake anywhere gives exactly the one-pass diagnostics.

use super::Parsed;
use super::cursor::{Cursor, Hole, Parens};
use crate::ast::ModuleField;
use crate::diagnostic::Diagnostic;
use crate::lexer::{self, Token, TokenKind};
use crate::span::Span;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Inputs smaller than this are parsed in one pass: threads would cost more than they save.
pub(super) const MIN_BYTES: usize = 1 << 20;

/// The size pieces are cut to: small enough that the tokens of the pieces being parsed take
/// little memory, large enough that handing out pieces costs nothing.
pub(super) const PIECE_BYTES: usize = 256 << 10;

/// Field keywords a cut may stand before (`(@` starts annotation fields such as `@custom`).
const FIELD_KEYWORDS: &[&[u8]] = &[
    b"func", b"data", b"global", b"elem", b"type", b"rec", b"import", b"export", b"table", b"memory", b"tag", b"start",
];

/// What a worker made of one piece.
#[derive(Default)]
struct PieceResult {
    /// Whether the piece can be kept (see the module docs).
    clean: bool,
    fields: Vec<ModuleField>,
    diags: Vec<Diagnostic>,
    unknown_annotations: Vec<(Span, Span)>,
    tokens: Vec<Token>,
    comments: Vec<Span>,
}

/// Parses `src` in pieces on `threads` threads; `None` when the text has no shape to cut
/// (the caller then parses it in one pass).
pub(super) fn parse(src: &str, threads: usize, keep_tokens: bool, defer_bodies: bool) -> Option<Parsed> {
    let (head_end, indent) = first_field(src)?;
    let head = lexer::lex_range(src, 0, head_end);
    if !is_module_head(src, &head.tokens) || !head.errors.is_empty() {
        return None;
    }
    let cuts = cuts(src, head_end, indent);
    if cuts.len() < 2 {
        return None;
    }
    // Pieces are cuts[i]..cuts[i + 1]; the text after the last cut always belongs to the tail
    // (it holds the module's closing paren).
    let pieces = cuts.len() - 1;
    let results: Vec<Mutex<Option<PieceResult>>> = (0..pieces).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let first_unclean = AtomicUsize::new(usize::MAX);
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= pieces || i > first_unclean.load(Ordering::Relaxed) {
                return;
            }
            let result = parse_piece(src, cuts[i], cuts[i + 1], keep_tokens, defer_bodies);
            if !result.clean {
                first_unclean.fetch_min(i, Ordering::Relaxed);
            }
            *results[i].lock().expect("no worker panics") = Some(result);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });

    let mut hole =
        Hole { at: head.tokens.len(), fields: Vec::new(), diags: Vec::new(), unknown_annotations: Vec::new() };
    let mut kept_tokens = Vec::new();
    let mut kept_comments = Vec::new();
    let mut tail_start = cuts[pieces];
    for (i, slot) in results.into_iter().enumerate() {
        let result = slot.into_inner().expect("no worker panics");
        match result {
            Some(r) if r.clean => {
                hole.fields.extend(r.fields);
                hole.diags.extend(r.diags);
                hole.unknown_annotations.extend(r.unknown_annotations);
                kept_tokens.extend(r.tokens);
                kept_comments.extend(r.comments);
            }
            _ => {
                tail_start = cuts[i];
                break;
            }
        }
    }

    let tail = lexer::lex_range(src, tail_start, src.len());
    let head_len = head.tokens.len();
    let mut tokens = head.tokens;
    tokens.extend_from_slice(&tail.tokens);
    let mut parens = Parens::new(src, &tokens);
    let mut c = Cursor::new(src, &tokens, &mut parens);
    c.hole = Some(hole);
    c.defer_bodies = defer_bodies;
    let module = c.parse_file();
    let mut diagnostics = tail.errors;
    diagnostics.append(&mut c.diags);
    diagnostics.sort_by_key(|d| d.primary.span.start);
    let unknown_annotations = std::mem::take(&mut c.unknown_annotations);
    drop(c);

    let (tokens, comments) = if keep_tokens {
        let mut all = Vec::with_capacity(tokens.len() + kept_tokens.len());
        all.extend_from_slice(&tokens[..head_len]);
        all.extend(kept_tokens);
        all.extend_from_slice(&tokens[head_len..]);
        let mut comments = head.comments;
        comments.extend(kept_comments);
        comments.extend(tail.comments);
        (all, comments)
    } else {
        (Vec::new(), Vec::new())
    };
    Some(Parsed { module, diagnostics, tokens, comments, unknown_annotations })
}

/// Lexes and parses the piece `start..end`.
fn parse_piece(src: &str, start: usize, end: usize, keep_tokens: bool, defer_bodies: bool) -> PieceResult {
    let lexed = lexer::lex_range(src, start, end);
    if !lexed.errors.is_empty() || !is_balanced(&lexed.tokens) {
        return PieceResult::default();
    }
    let mut parens = Parens::new(src, &lexed.tokens);
    let mut c = Cursor::new(src, &lexed.tokens, &mut parens);
    c.defer_bodies = defer_bodies;
    let mut fields = Vec::new();
    c.parse_fields(&mut fields);
    // A balanced piece never closes the field loop early; if it did, the one-pass parser
    // would have read on, so the piece cannot stand alone.
    let clean = c.at_eof();
    let diags = std::mem::take(&mut c.diags);
    let unknown_annotations = std::mem::take(&mut c.unknown_annotations);
    drop(c);
    PieceResult {
        clean,
        fields,
        diags,
        unknown_annotations,
        tokens: if keep_tokens { lexed.tokens } else { Vec::new() },
        comments: if keep_tokens { lexed.comments } else { Vec::new() },
    }
}

/// Whether no `)` closes more than was opened before it and every `(` is closed.
fn is_balanced(tokens: &[Token]) -> bool {
    let mut depth = 0i64;
    for t in tokens {
        match t.kind {
            TokenKind::LParen | TokenKind::Annotation => depth += 1,
            TokenKind::RParen => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// Whether the head is `(module` with an optional id, the only shapes whose field loop starts
/// right after the head.
fn is_module_head(src: &str, tokens: &[Token]) -> bool {
    match tokens {
        [] => true,
        [open, kw, rest @ ..] => {
            open.kind == TokenKind::LParen
                && kw.kind == TokenKind::Keyword
                && kw.text(src) == "module"
                && match rest {
                    [] => true,
                    [id] => id.kind == TokenKind::Id,
                    _ => false,
                }
        }
        _ => false,
    }
}

/// The start of the first line that begins (after indentation) with a module field, and that
/// indentation.
fn first_field(src: &str) -> Option<(usize, usize)> {
    let bytes = src.as_bytes();
    let mut line = 0;
    while line < bytes.len() {
        if let Some(indent) = field_at_line(bytes, line) {
            return Some((line + indent, indent));
        }
        line = next_line(bytes, line)?;
    }
    None
}

/// Cut positions: the first field, then a field start at least [`PIECE_BYTES`] after the
/// previous cut, and so on.
fn cuts(src: &str, first: usize, indent: usize) -> Vec<usize> {
    let bytes = src.as_bytes();
    let mut cuts = vec![first];
    let mut from = first + PIECE_BYTES;
    while from < bytes.len() {
        // The start of the line after `from`.
        let Some(mut line) = next_line(bytes, from) else { break };
        loop {
            if field_at_line(bytes, line) == Some(indent) {
                cuts.push(line + indent);
                break;
            }
            match next_line(bytes, line) {
                Some(l) => line = l,
                None => return cuts,
            }
        }
        from = cuts[cuts.len() - 1] + PIECE_BYTES;
    }
    cuts
}

/// The offset just after the next `\n` at or after `at`.
fn next_line(bytes: &[u8], at: usize) -> Option<usize> {
    bytes[at..].iter().position(|&b| b == b'\n').map(|p| at + p + 1)
}

/// If the line starting at `line` is indentation followed by `(` and a field keyword (or `(@`),
/// the indentation's width.
fn field_at_line(bytes: &[u8], line: usize) -> Option<usize> {
    let indent = bytes[line..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
    let rest = &bytes[line + indent..];
    let after = rest.strip_prefix(b"(")?;
    if after.first() == Some(&b'@') {
        // `(@name` right after the module's id names the module: never a cut there.
        return (!after.starts_with(b"@name")).then_some(indent);
    }
    FIELD_KEYWORDS
        .iter()
        .any(|kw| {
            after.starts_with(kw) && matches!(after.get(kw.len()), Some(b' ' | b'\t' | b'\n' | b'\r' | b'(' | b')'))
        })
        .then_some(indent)
}
