//! The shape of the text, from its tokens: folding ranges (lists, flat blocks, comments) and
//! selection ranges (a token, then each list around it, out to the whole text).

use super::Analysis;
use relwat::lexer::{Token, TokenKind};
use relwat::span::Span;

/// What a folding range folds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoldKind {
    /// A list, or a flat block from its keyword to its `end`.
    Region,
    /// A block comment, or a run of line comments.
    Comment,
}

/// One folding range; the editor folds it when it spans more than one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fold {
    /// From its first byte to its last.
    pub span: Span,
    /// What it folds.
    pub kind: FoldKind,
}

/// Flat instructions that open a block closed by `end`.
const FLAT_OPENERS: &[&str] = &["block", "loop", "if", "try_table", "try"];

/// Every list, flat block and comment of the text that spans more than one line, in order of
/// their starts.
pub fn folding_ranges(a: &Analysis) -> Vec<Fold> {
    let src = a.text();
    let tokens = &a.syntax.tokens;
    let multi_line = |s: Span| src.as_bytes()[s.start as usize..s.end as usize].contains(&b'\n');
    let mut out = Vec::new();
    // Open lists (their `(`), and for each the flat blocks open inside it.
    let mut lists: Vec<(u32, Vec<u32>)> = vec![(0, Vec::new())];
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            TokenKind::LParen | TokenKind::Annotation => lists.push((t.span.start, Vec::new())),
            TokenKind::RParen if lists.len() > 1 => {
                let (start, _) = lists.pop().expect("more than one");
                out.push(Fold { span: Span::new(start, t.span.end), kind: FoldKind::Region });
            }
            TokenKind::Keyword => {
                let after_paren = i > 0 && tokens[i - 1].kind == TokenKind::LParen;
                let word = t.text(src);
                let blocks = &mut lists.last_mut().expect("the outermost stays").1;
                if after_paren {
                } else if FLAT_OPENERS.contains(&word) {
                    blocks.push(t.span.start);
                } else if word == "end"
                    && let Some(start) = blocks.pop()
                {
                    out.push(Fold { span: Span::new(start, t.span.end), kind: FoldKind::Region });
                }
            }
            _ => {}
        }
    }
    // Block comments, and runs of line comments on consecutive lines.
    let comments = &a.syntax.comments;
    let mut i = 0;
    while i < comments.len() {
        let c = comments[i];
        if !c.text(src).starts_with(";;") {
            out.push(Fold { span: c, kind: FoldKind::Comment });
            i += 1;
            continue;
        }
        let mut end = c;
        while let Some(next) = comments.get(i + 1)
            && next.text(src).starts_with(";;")
            && src[end.end as usize..next.start as usize].bytes().filter(|&b| b == b'\n').count() <= 1
            && src[end.end as usize..next.start as usize].trim().is_empty()
        {
            end = *next;
            i += 1;
        }
        out.push(Fold { span: Span::new(c.start, end.end), kind: FoldKind::Comment });
        i += 1;
    }
    out.retain(|f| multi_line(f.span));
    out.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    out
}

/// The `limit` least nested of `folds` (in the order [`folding_ranges`] gives), in that order.
pub fn outermost(folds: &[Fold], limit: usize) -> Vec<Fold> {
    // Depth: the folds around each (the list is in order of starts, the outer first).
    let mut open: Vec<u32> = Vec::new();
    let mut ranked: Vec<(usize, usize)> = Vec::with_capacity(folds.len());
    for (i, f) in folds.iter().enumerate() {
        while open.last().is_some_and(|&end| end <= f.span.start) {
            open.pop();
        }
        ranked.push((open.len(), i));
        open.push(f.span.end);
    }
    ranked.sort_unstable();
    let mut keep: Vec<usize> = ranked.into_iter().take(limit).map(|(_, i)| i).collect();
    keep.sort_unstable();
    keep.into_iter().map(|i| folds[i]).collect()
}

/// For each offset: the ranges a selection grows through, innermost first: the token at the
/// offset, each list around it (its content, then the list with its parentheses), the whole text.
pub fn selection_ranges(a: &Analysis, offsets: &[u32]) -> Vec<Vec<Span>> {
    let src = a.text();
    let whole = Span::new(0, src.len() as u32);
    offsets.iter().map(|&o| selection(&a.syntax.tokens, o, whole)).collect()
}

fn selection(tokens: &[Token], offset: u32, whole: Span) -> Vec<Span> {
    let mut out = Vec::new();
    // The token at the offset (at a boundary, the one that ends there when none starts there).
    let i = tokens.partition_point(|t| t.span.end < offset);
    let at = tokens.get(i).filter(|t| t.span.start <= offset);
    if let Some(t) = at
        && !matches!(t.kind, TokenKind::LParen | TokenKind::RParen)
    {
        out.push(t.span);
    }
    // The lists around it: walk back to each unmatched `(`, then forward to its `)`.
    let mut depth = 0usize;
    let mut back = match at {
        Some(t) if t.kind == TokenKind::LParen => i + 1,
        _ => i.min(tokens.len()),
    };
    let mut forward = back;
    while back > 0 {
        back -= 1;
        match tokens[back].kind {
            TokenKind::RParen => depth += 1,
            TokenKind::LParen | TokenKind::Annotation if depth > 0 => depth -= 1,
            TokenKind::LParen | TokenKind::Annotation => {
                let open = tokens[back].span;
                let Some(close) = closing(tokens, &mut forward) else { break };
                let inner = Span::new(open.end, close.start);
                if back + 1 < forward - 1
                    && let (Some(first), Some(last)) = (tokens.get(back + 1), tokens.get(forward - 2))
                {
                    let content = Span::new(first.span.start, last.span.end);
                    if content.start >= inner.start && content.end <= inner.end && out.last() != Some(&content) {
                        out.push(content);
                    }
                }
                out.push(Span::new(open.start, close.end));
            }
            _ => {}
        }
    }
    if out.last() != Some(&whole) {
        out.push(whole);
    }
    out.dedup();
    out
}

/// The `)` that closes the list open at `*from` (tokens from `*from` on are inside it); moves
/// `*from` past it.
fn closing(tokens: &[Token], from: &mut usize) -> Option<Span> {
    let mut depth = 0usize;
    while let Some(t) = tokens.get(*from) {
        *from += 1;
        match t.kind {
            TokenKind::LParen | TokenKind::Annotation => depth += 1,
            TokenKind::RParen if depth == 0 => return Some(t.span),
            TokenKind::RParen => depth -= 1,
            _ => {}
        }
    }
    None
}
