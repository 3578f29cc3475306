//! The formatter: re-indents WebAssembly text by nesting and normalizes the spaces between
//! tokens, changing nothing else.
//!
//! Every token, comment and annotation stays where it is, in the same order and on the same
//! line; folded and flat instructions stay as written; line breaks stay (line `n` of the output is
//! line `n` of the input, which range formatting relies on). Each line is indented by its nesting
//! (lists, and the flat `block`/`loop`/`if`/`try_table` ... `end` blocks), with `)` and a flat
//! `end`, `else`, `catch`, `catch_all` or `delegate` at the level of what they close. Between two
//! tokens on a line there is one space, none after `(` and before `)`. Spaces after a line's
//! last token go (a comment keeps its own); the line ends after the last token stay. The output lexes to the same tokens, so it assembles to the same
//! bytes, and formatting it again changes nothing.

use crate::diagnostic::Diagnostic;
use crate::lexer::{self, TokenKind};
use crate::span::Span;

/// How to format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatOptions {
    /// Spaces per level of nesting.
    pub indent: usize,
}

impl Default for FormatOptions {
    fn default() -> FormatOptions {
        FormatOptions { indent: 2 }
    }
}

/// What lies between two items of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Item {
    /// A token of this kind.
    Token(TokenKind),
    /// A line comment (`;; ...`).
    LineComment,
    /// A block comment (`(; ... ;)`), which may span lines.
    BlockComment,
}

/// The deepest level a line is indented to: deep nesting (a big `switch` is hundreds of blocks,
/// a hostile text a million) stops indenting here, so the output grows with the text and not with
/// its depth. 34 is a function body's level (2) and 32 more, as obj2wat indents its text.
pub const MAX_LEVEL: usize = 34;

/// Flat instructions that open a block closed by `end` (or `delegate`).
const FLAT_OPENERS: &[&str] = &["block", "loop", "if", "try_table", "try"];
/// Flat instructions that stand at the level of the block they belong to.
const FLAT_MIDDLES: &[&str] = &["else", "catch", "catch_all"];

/// The formatted text; an error when the text does not lex (an unterminated string or comment,
/// a stray character), which the formatter will not guess around.
pub fn format(src: &str, options: &FormatOptions) -> Result<String, Diagnostic> {
    format_nested(src, options, 0)
}

/// [`format`] for a piece of a text that starts at the start of a line inside `depth` lists (no
/// flat block open there): a module field of `(module ...)` is at depth 1. Its lines are the
/// lines `format` gives the whole text there, at the cost of the piece (an editor formats a
/// range of a large file this way).
pub fn format_nested(src: &str, options: &FormatOptions, depth: usize) -> Result<String, Diagnostic> {
    let lexed = lexer::lex(src);
    if let Some(e) = lexed.errors.into_iter().next() {
        return Err(e);
    }
    let mut items: Vec<(Span, Item)> = lexed.tokens.iter().map(|t| (t.span, Item::Token(t.kind))).collect();
    for c in lexed.comments {
        let kind = if c.text(src).starts_with(";;") { Item::LineComment } else { Item::BlockComment };
        items.push((c, kind));
    }
    items.sort_by_key(|(s, _)| s.start);

    let newline = if src.contains("\r\n") { "\r\n" } else { "\n" };
    let mut out = String::with_capacity(src.len() + src.len() / 8);
    // Open lists, each with the flat blocks open inside it, and the flat blocks open in all
    // (kept as a sum, so that a line's level costs the same at any depth).
    let mut frames: Vec<usize> = vec![0; depth + 1];
    let mut flat = 0usize;
    let mut prev: Option<(Span, Item)> = None;
    // Lines before the first item, and blank lines anywhere, are kept (empty).
    for (i, &(span, item)) in items.iter().enumerate() {
        let gap_start = prev.map_or(0, |(s, _)| s.end) as usize;
        let gap = &src[gap_start..span.start as usize];
        let line_breaks = gap.matches('\n').count();
        let text = span.text(src);
        let after_paren = i > 0 && matches!(items[i - 1].1, Item::Token(TokenKind::LParen));
        let word = match item {
            Item::Token(TokenKind::Keyword) if !after_paren => Some(text),
            _ => None,
        };
        if line_breaks > 0 || prev.is_none() {
            for _ in 0..line_breaks {
                out.push_str(newline);
            }
            // The line's level: what it closes stands at the level of what it closed.
            let mut level = frames.len() - 1 + flat;
            let closes = match item {
                Item::Token(TokenKind::RParen) => frames.len() > 1,
                _ => {
                    word.is_some_and(|w| w == "end" || w == "delegate" || FLAT_MIDDLES.contains(&w))
                        && frames.last().is_some_and(|&f| f > 0)
                }
            };
            if closes {
                level -= 1;
            }
            out.extend(std::iter::repeat_n(' ', level.min(MAX_LEVEL) * options.indent));
        } else if let Some((_, p)) = prev {
            let joined = match (p, item) {
                // `(x`, `(@name x`: but `( @x` is not an annotation and `( ;; x` is not `(;`.
                (Item::Token(TokenKind::LParen), Item::Token(_)) => !text.starts_with('@'),
                (Item::Token(TokenKind::LParen), _) => false,
                (_, Item::Token(TokenKind::RParen)) => p != Item::LineComment,
                _ => false,
            };
            if !joined {
                out.push(' ');
            }
        }
        // A line comment of a text with `\r\n` line ends holds the `\r`: the line end is written.
        out.push_str(if item == Item::LineComment { text.trim_end_matches('\r') } else { text });
        match item {
            Item::Token(TokenKind::LParen | TokenKind::Annotation) => frames.push(0),
            Item::Token(TokenKind::RParen) if frames.len() > 1 => {
                flat -= frames.pop().expect("more than one");
            }
            _ => {}
        }
        if let Some(w) = word {
            let open = frames.last_mut().expect("the outermost frame stays");
            if FLAT_OPENERS.contains(&w) {
                *open += 1;
                flat += 1;
            } else if (w == "end" || w == "delegate") && *open > 0 {
                *open -= 1;
                flat -= 1;
            }
        }
        prev = Some((span, item));
    }
    // The line breaks after the last item, as many as there were (at least one).
    let tail = &src[prev.map_or(0, |(s, _)| s.end) as usize..];
    let breaks = tail.matches('\n').count().max(usize::from(prev.is_some()));
    for _ in 0..breaks {
        out.push_str(newline);
    }
    Ok(out)
}

/// The lines `format` changes, as (line index, new text without its line end), for editors.
/// Both texts have the same lines (see the module documentation).
pub fn changed_lines<'f>(src: &str, formatted: &'f str) -> Vec<(usize, &'f str)> {
    let old = src.split('\n');
    let new = formatted.split('\n');
    old.zip(new)
        .enumerate()
        .filter(|(_, (o, n))| o.trim_end_matches('\r') != n.trim_end_matches('\r'))
        .map(|(i, (_, n))| (i, n.trim_end_matches('\r')))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(src: &str) -> String {
        format(src, &FormatOptions::default()).expect("lexes")
    }

    #[test]
    fn indents_by_nesting() {
        let src = "(module\n(func $f (param i32)\n    (result i32)\nlocal.get 0\n      block $b\n  br $b\n end\n   (i32.add\n(i32.const 1)\n  (i32.const 2)\n)\n   drop))\n";
        let want = "(module\n  (func $f (param i32)\n    (result i32)\n    local.get 0\n    block $b\n      br $b\n    end\n    (i32.add\n      (i32.const 1)\n      (i32.const 2)\n    )\n    drop))\n";
        assert_eq!(fmt(src), want);
        assert_eq!(fmt(want), want, "idempotent");
    }

    #[test]
    fn spaces_between_tokens() {
        assert_eq!(
            fmt("( module  ( func   $f ( result  i32 )i32.const   1 ) )"),
            "(module (func $f (result i32) i32.const 1))\n"
        );
        // `( @x` is not an annotation and `( ;; c` is not a block comment: they keep their space.
        assert_eq!(fmt("( @x)"), "( @x)\n");
        assert_eq!(fmt("(module ;; c\n)"), "(module ;; c\n)\n");
        assert_eq!(fmt("(module (@sym  $x   (size 4)))"), "(module (@sym $x (size 4)))\n");
    }

    #[test]
    fn comments_strings_and_blank_lines_stay() {
        let src = "\n(module\n\n\n   ;; a comment   \n (; a block\n      comment ;)\n(data \"a  b\"))   \n\n";
        let want = "\n(module\n\n\n  ;; a comment   \n  (; a block\n      comment ;)\n  (data \"a  b\"))\n\n";
        assert_eq!(fmt(src), want);
        assert_eq!(changed_lines(src, &fmt(src)).len(), 3);
    }

    #[test]
    fn a_field_formats_as_in_its_module() {
        let src = "(module\n(func $f\n(block\nnop))\n  (func $g\nnop))\n";
        let whole = fmt(src);
        let field_start = src.find("  (func $g").expect("there");
        let piece = format_nested(&src[field_start..], &FormatOptions::default(), 1).expect("lexes");
        assert_eq!(piece, whole[whole.find("  (func $g").expect("there")..]);
    }

    #[test]
    fn flat_else_and_end_stand_with_their_block() {
        let src = "(func\nif (result i32)\ni32.const 1\nelse\ni32.const 2\nend\ndrop)";
        let want = "(func\n  if (result i32)\n    i32.const 1\n  else\n    i32.const 2\n  end\n  drop)\n";
        assert_eq!(fmt(src), want);
    }

    #[test]
    fn deep_nesting_stops_indenting() {
        let depth = 200_000;
        let flat = format!("(module\n(func\n{}{}))", "block\n".repeat(depth), "end\n".repeat(depth));
        let lists = format!("(module\n{}{})", "(block\n".repeat(depth), ")\n".repeat(depth));
        for src in [flat, lists] {
            let out = fmt(&src);
            let widest = out.lines().map(|l| l.len() - l.trim_start().len()).max().unwrap();
            assert_eq!(widest, MAX_LEVEL * 2);
            assert!(out.len() < src.len() * 40, "{} bytes for {}", out.len(), src.len());
        }
    }

    #[test]
    fn refuses_what_does_not_lex() {
        assert!(format("(module \"unterminated", &FormatOptions::default()).is_err());
    }
}
