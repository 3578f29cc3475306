//! Semantic tokens: every token classified, ids by the namespace they live in.

use super::Analysis;
use super::names::{Ns, SymbolKind, Target, Walker};
use relwat::lexer::TokenKind;
use relwat::span::Span;
use std::collections::HashMap;

/// Token types, in legend order.
pub const TYPES: &[&str] = &[
    "keyword",    // 0: structural keywords
    "function",   // 1: function ids, function symbols
    "type",       // 2: type ids, value types
    "variable",   // 3: globals, data symbols
    "parameter",  // 4: params and locals
    "property",   // 5: struct fields
    "enumMember", // 6: labels
    "namespace",  // 7: tables, memories, segments, comdats
    "event",      // 8: tags
    "number",     // 9
    "string",     // 10
    "comment",    // 11
    "decorator",  // 12: annotation names `(@reloc`
    "modifier",   // 13: keywords inside annotations (`data`, `hidden`, ...)
    "operator",   // 14: instruction mnemonics
];

/// Token modifiers, in legend order.
pub const MODIFIERS: &[&str] = &["declaration", "readonly"];

const VALTYPES: &[&str] = &[
    "i32",
    "i64",
    "f32",
    "f64",
    "v128",
    "funcref",
    "externref",
    "anyref",
    "eqref",
    "i31ref",
    "structref",
    "arrayref",
    "nullref",
    "nullfuncref",
    "nullexternref",
    "exnref",
    "i8",
    "i16",
];

/// One classified token: range, type (index into [`TYPES`]), modifier bits (of [`MODIFIERS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SemToken {
    /// The range.
    pub span: Span,
    /// Type index.
    pub ty: u32,
    /// Modifier bits.
    pub mods: u32,
}

fn ns_type(ns: Ns) -> u32 {
    match ns {
        Ns::FUNC | Ns::Sym(SymbolKind::Function) => 1,
        Ns::TYPE => 2,
        Ns::GLOBAL | Ns::Sym(SymbolKind::Global) => 3,
        Ns::Sym(SymbolKind::Data) => 3,
        Ns::Local(_) => 4,
        Ns::Field(_) => 5,
        Ns::Label(_) | Ns::SymLabel(_) => 6,
        Ns::TABLE | Ns::MEMORY | Ns::ELEM | Ns::DATA | Ns::Comdat => 7,
        Ns::Sym(SymbolKind::Table | SymbolKind::Section) => 7,
        Ns::TAG | Ns::Sym(SymbolKind::Tag) => 8,
    }
}

/// The tokens in `range` (all when `None`), in order, comments included.
pub fn semantic_tokens(a: &Analysis, range: Option<Span>) -> Vec<SemToken> {
    let src = a.text();
    let syn = &a.syntax;
    let module = &syn.module;
    let range = range.unwrap_or(Span::new(0, src.len() as u32));
    // Occurrences of the fields that overlap the range.
    let mut occs: HashMap<u32, (Ns, bool)> = HashMap::new();
    for (i, f) in module.fields.iter().enumerate() {
        let s = f.span();
        if s.end < range.start || s.start > range.end {
            continue;
        }
        for o in Walker::field(module, i) {
            occs.insert(o.span.start, (o.ns, o.target == Target::Def));
        }
    }
    // Annotation ranges, to tell keywords inside annotations apart.
    let mut out = Vec::new();
    let toks = &syn.tokens;
    let from = toks.partition_point(|t| t.span.end < range.start);
    let mut depth_in_annot: Vec<u32> = Vec::new(); // depths at which annotations opened
    let mut depth = 0u32;
    // Recompute the annotation nesting from the start of the enclosing field for accuracy.
    let start_tok = {
        let g = syn.groups.partition_point(|g| g.end < range.start);
        match syn.groups.get(g) {
            Some(g) if g.start <= range.start => toks.partition_point(|t| t.span.start < g.start),
            _ => from,
        }
    };
    let mut comments = syn.comments[syn.comments.partition_point(|c| c.end < range.start)..].iter().peekable();
    for t in &toks[start_tok..] {
        if t.span.start > range.end {
            break;
        }
        while let Some(c) = comments.peek() {
            if c.start < t.span.start {
                if c.end >= range.start && c.start <= range.end {
                    out.push(SemToken { span: **c, ty: 11, mods: 0 });
                }
                comments.next();
            } else {
                break;
            }
        }
        let emit = t.span.end >= range.start;
        match t.kind {
            TokenKind::LParen => depth += 1,
            TokenKind::RParen => {
                if depth_in_annot.last() == Some(&depth) {
                    depth_in_annot.pop();
                }
                depth = depth.saturating_sub(1);
            }
            TokenKind::Annotation => {
                depth += 1;
                depth_in_annot.push(depth);
                if emit {
                    out.push(SemToken { span: Span::new(t.span.start + 1, t.span.end), ty: 12, mods: 0 });
                }
            }
            TokenKind::Id if emit => {
                let (ty, mods) = match occs.get(&t.span.start) {
                    Some((ns, def)) => (ns_type(*ns), *def as u32),
                    None => (3, 0),
                };
                out.push(SemToken { span: t.span, ty, mods });
            }
            TokenKind::Keyword if emit => {
                let text = t.span.text(src);
                let ty = if !depth_in_annot.is_empty() {
                    13
                } else if VALTYPES.contains(&text) {
                    2
                } else if relwat::instructions::lookup(text).is_some() {
                    14
                } else if text.starts_with("offset=") || text.starts_with("align=") {
                    13
                } else {
                    0
                };
                out.push(SemToken { span: t.span, ty, mods: 0 });
            }
            TokenKind::Integer | TokenKind::Float if emit => out.push(SemToken { span: t.span, ty: 9, mods: 0 }),
            TokenKind::String if emit => out.push(SemToken { span: t.span, ty: 10, mods: 0 }),
            _ => {}
        }
    }
    for c in comments {
        if c.start > range.end {
            break;
        }
        out.push(SemToken { span: *c, ty: 11, mods: 0 });
    }
    out
}
