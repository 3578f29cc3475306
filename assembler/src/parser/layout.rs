//! `(@relwat.layout ...)`: the byte-level choices an object makes that the rest of the text cannot
//! express, so that `obj2wat` output re-assembles byte for byte.
//!
//! ```wat
//! (@relwat.layout
//!   (section-size padded)          ;; every section size (and `linking` subsection size): 5-byte LEB
//!   (datacount always)             ;; write the DataCount section even when no instruction needs it
//!   (datacount none)               ;; ... or never, even when an instruction names a data segment
//!   (target-features none)         ;; no `target_features` section
//!   (symbol-order (func $a $b) (data $x) (global $sp) (section ".debug_str"))
//!   (init-order $ctor_b $ctor_a)   ;; the order of the init functions
//!   (symbol-flags $v 0x20)         ;; a symbol's flags word, exactly (repeatable)
//!   (symbol-flags data $x 0x100)   ;; ... with the symbol's kind when its id is ambiguous
//!   (reloc-offset padded)          ;; every relocation entry's offset as a 5-byte LEB
//!   (reloc-order data code))       ;; the order of the `reloc.*` sections, by the section each applies to
//! ```
//!
//! `symbol-order` names symbols by kind and id (an entity's primary symbol by the entity's id or
//! number, a section symbol by the section's name); the symbol table starts with them, in that
//! order, and the symbols not listed follow in their usual order. `init-order` does the same for
//! the init functions, by function symbol. `symbol-flags` gives one symbol's flags word, for the
//! flag combinations no annotation gives (decisions.md D3): an EXPORTED data symbol, a symbol of
//! a TLS segment without the TLS flag, ...; the symbol is named by its id (with its kind, `func`,
//! `global`, `table`, `tag`, `data`, when the id names symbols of several kinds) or, for a
//! section symbol, `section "name"`.
//!
//! The parser keeps annotations it does not know aside ([`crate::parser::Parsed::unknown_annotations`]);
//! [`read`] picks this one out of them into [`Module::layout`]. [`crate::encode::layout::finish`] applies the options
//! that concern the finished binary (section sizes, `target_features`); the encoder applies
//! `datacount`; `symbol-order` and `init-order` are applied by the object writer.

use crate::ast::*;
use crate::diagnostic::Diagnostic;
use crate::lexer::{self, Token, TokenKind};
use crate::literals;
use crate::span::Span;

/// The annotation's name.
pub const NAME: &str = "relwat.layout";

/// The options, for messages.
const OPTIONS: &str = "(section-size padded), (datacount always|none), (target-features none), \
                       (symbol-order (func|global|table|tag|data $id ...)|(section \"name\" ...) ...), \
                       (init-order $f ...), (symbol-flags KIND? $sym 0xNN), (reloc-offset padded), \
                       (reloc-order code|data|\"custom\" ...)";

/// Finds the `(@relwat.layout ...)` annotation among the annotations the parser skipped and reads
/// it into `module.layout`. Returns the diagnostics (unknown or repeated options, a second
/// annotation, an annotation that is not a module field).
pub fn read(src: &str, unknown: &[(Span, Span)], module: &mut Module) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for &(whole, name) in unknown {
        if literals::decode_annotation(name.text(src)).ok().as_deref() != Some(NAME) {
            continue;
        }
        if let Some(field) =
            module.fields.iter().map(ModuleField::span).find(|s| s.start < whole.start && whole.end <= s.end)
        {
            diags.push(
                Diagnostic::error(whole, "`(@relwat.layout ...)` is a module field")
                    .with_secondary(field, "not inside this field")
                    .with_help("move it to the module level"),
            );
            continue;
        }
        if let Some(first) = module.layout.span {
            diags.push(
                Diagnostic::error(whole, "a second `(@relwat.layout ...)` annotation")
                    .with_secondary(first, "the first one")
                    .with_help("write all layout options in one annotation"),
            );
            continue;
        }
        let mut p = LayoutParser { src, toks: Vec::new(), pos: 0, diags: &mut diags, end: whole.end };
        let sub = &src[whole.range()];
        let lexed = lexer::lex(sub);
        p.toks = lexed
            .tokens
            .iter()
            .map(|t| Token { kind: t.kind, span: Span::new(t.span.start + whole.start, t.span.end + whole.start) })
            .collect();
        let mut layout = Layout { span: Some(whole), ..Layout::default() };
        p.parse(&mut layout);
        module.layout = layout;
    }
    diags
}

struct LayoutParser<'a, 'd> {
    src: &'a str,
    toks: Vec<Token>,
    pos: usize,
    diags: &'d mut Vec<Diagnostic>,
    end: u32,
}

impl LayoutParser<'_, '_> {
    fn peek(&self) -> Option<Token> {
        self.toks.get(self.pos).copied()
    }

    fn here(&self) -> Span {
        self.peek().map_or(Span::new(self.end, self.end), |t| t.span)
    }

    fn text(&self, t: Token) -> &str {
        t.span.text(self.src)
    }

    fn bump(&mut self) -> Option<Token> {
        let t = self.peek();
        self.pos += 1;
        t
    }

    fn error(&mut self, span: Span, msg: impl Into<String>) -> Option<()> {
        self.diags.push(Diagnostic::error(span, msg).with_help(format!("layout options: {OPTIONS}")));
        None
    }

    fn expect(&mut self, kind: TokenKind, what: &str) -> Option<Token> {
        match self.peek() {
            Some(t) if t.kind == kind => {
                self.bump();
                Some(t)
            }
            _ => {
                let span = self.here();
                self.error(span, format!("expected {what}"))?;
                None
            }
        }
    }

    fn keyword(&mut self, want: &[&str]) -> Option<(String, Span)> {
        match self.peek() {
            Some(t) if t.kind == TokenKind::Keyword && want.contains(&self.text(t)) => {
                self.bump();
                Some((self.text(t).to_string(), t.span))
            }
            _ => {
                let span = self.here();
                let list = want.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(" or ");
                self.error(span, format!("expected {list}"))?;
                None
            }
        }
    }

    fn parse(&mut self, layout: &mut Layout) -> Option<()> {
        self.bump(); // `(@relwat.layout`
        let mut seen: Vec<(String, Span)> = Vec::new();
        loop {
            match self.peek() {
                Some(t) if t.kind == TokenKind::RParen => return Some(()),
                Some(t) if t.kind == TokenKind::LParen => {
                    let open = t.span;
                    self.bump();
                    let Some(kw) = self.peek().filter(|t| t.kind == TokenKind::Keyword) else {
                        let span = self.here();
                        return self.error(span, "expected a layout option");
                    };
                    let name = self.text(kw).to_string();
                    self.bump();
                    let repeatable = name == "symbol-flags";
                    if let Some((_, first)) = seen.iter().find(|(n, _)| *n == name && !repeatable) {
                        let first = *first;
                        self.diags.push(
                            Diagnostic::error(kw.span, format!("repeated layout option `{name}`"))
                                .with_secondary(first, "first given here"),
                        );
                    }
                    seen.push((name.clone(), kw.span));
                    match name.as_str() {
                        "section-size" => {
                            let (v, _) = self.keyword(&["padded", "minimal"])?;
                            layout.padded_sizes = v == "padded";
                        }
                        "datacount" => {
                            let (v, _) = self.keyword(&["always", "none"])?;
                            layout.datacount = Some(v == "always");
                        }
                        "target-features" => {
                            self.keyword(&["none"])?;
                            layout.no_target_features = true;
                        }
                        "symbol-order" => layout.symbol_order = Some(self.symbol_order()?),
                        "reloc-offset" => {
                            let (v, _) = self.keyword(&["padded", "minimal"])?;
                            layout.padded_reloc_offsets = v == "padded";
                        }
                        "reloc-order" => {
                            let mut list = Vec::new();
                            while let Some(t) = self.peek() {
                                match t.kind {
                                    TokenKind::Keyword if self.text(t) == "code" => {
                                        list.push(RelocSectionRef::Code(t.span))
                                    }
                                    TokenKind::Keyword if self.text(t) == "data" => {
                                        list.push(RelocSectionRef::Data(t.span))
                                    }
                                    TokenKind::String => {
                                        let bytes = literals::decode_string(self.text(t)).unwrap_or_default();
                                        list.push(RelocSectionRef::Custom(Str { bytes, span: t.span }));
                                    }
                                    _ => break,
                                }
                                self.bump();
                            }
                            layout.reloc_order = Some(list);
                        }
                        "symbol-flags" => {
                            let entry = self.symbol_flags(open)?;
                            layout.symbol_flags.push(entry);
                        }
                        "init-order" => {
                            let mut list = Vec::new();
                            while let Some(i) = self.index() {
                                list.push(i);
                            }
                            layout.init_order = Some(list);
                        }
                        _ => {
                            return self.error(kw.span, format!("unknown layout option `{name}`"));
                        }
                    }
                    let close = self.expect(TokenKind::RParen, "`)`")?;
                    let _ = open.to(close.span);
                }
                _ => {
                    let span = self.here();
                    return self.error(span, "expected a layout option `(...)` or `)`");
                }
            }
        }
    }

    /// An index: an id or an unsigned number.
    fn index(&mut self) -> Option<Index> {
        let t = self.peek()?;
        match t.kind {
            TokenKind::Id => {
                self.bump();
                Some(Index::id(t.span))
            }
            TokenKind::Integer if !self.text(t).starts_with(['+', '-']) => {
                self.bump();
                Some(Index::num(literals::parse_u32(self.text(t)).unwrap_or(u32::MAX), t.span))
            }
            _ => None,
        }
    }

    /// `KIND? $sym 0xNN` (or `section "name" 0xNN`) of `(symbol-flags ...)`; `open` is its `(`.
    fn symbol_flags(&mut self, open: Span) -> Option<SymbolFlags> {
        const KINDS: [&str; 6] = ["func", "global", "table", "tag", "data", "section"];
        let kind = match self.peek() {
            Some(t) if t.kind == TokenKind::Keyword && KINDS.contains(&self.text(t)) => {
                self.bump();
                Some(self.text(t).to_string())
            }
            _ => None,
        };
        let symbol = match kind.as_deref() {
            Some("section") => {
                let s = self.expect(TokenKind::String, "a section name")?;
                let bytes = literals::decode_string(self.text(s)).unwrap_or_default();
                SymbolRef::Section(Str { bytes, span: s.span })
            }
            _ => {
                let Some(i) = self.index().filter(|i| i.is_id(self.src)) else {
                    let span = self.here();
                    return self.error(span, "expected a symbol id").and(None);
                };
                match kind.as_deref() {
                    None => SymbolRef::Any(i),
                    Some("func") => SymbolRef::Entity(ExternKind::Func, i),
                    Some("global") => SymbolRef::Entity(ExternKind::Global, i),
                    Some("table") => SymbolRef::Entity(ExternKind::Table, i),
                    Some("tag") => SymbolRef::Entity(ExternKind::Tag, i),
                    _ => SymbolRef::Data(i),
                }
            }
        };
        let t = self.expect(TokenKind::Integer, "the flags word (e.g. `0x20`)")?;
        let Some(flags) = literals::parse_u32(self.text(t)).filter(|_| !self.text(t).starts_with(['+', '-'])) else {
            return self.error(t.span, "the flags word is a 32-bit unsigned integer").and(None);
        };
        Some(SymbolFlags { symbol, flags, span: open.to(t.span) })
    }

    fn symbol_order(&mut self) -> Option<Vec<SymbolRef>> {
        let mut out = Vec::new();
        while let Some(t) = self.peek().filter(|t| t.kind == TokenKind::LParen) {
            self.bump();
            let (kind, _) = self.keyword(&["func", "global", "table", "tag", "data", "section"])?;
            loop {
                if kind == "section" {
                    match self.peek() {
                        Some(s) if s.kind == TokenKind::String => {
                            self.bump();
                            let bytes = literals::decode_string(self.text(s)).unwrap_or_default();
                            out.push(SymbolRef::Section(Str { bytes, span: s.span }));
                        }
                        _ => break,
                    }
                    continue;
                }
                let Some(i) = self.index() else { break };
                out.push(match kind.as_str() {
                    "func" => SymbolRef::Entity(ExternKind::Func, i),
                    "global" => SymbolRef::Entity(ExternKind::Global, i),
                    "table" => SymbolRef::Entity(ExternKind::Table, i),
                    "tag" => SymbolRef::Entity(ExternKind::Tag, i),
                    _ => SymbolRef::Data(i),
                });
            }
            self.expect(TokenKind::RParen, "`)` or a symbol")?;
            let _ = t;
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout_of(src: &str) -> (Layout, Vec<Diagnostic>) {
        let mut parsed = crate::parser::parse(src);
        let diags = read(src, &parsed.unknown_annotations, &mut parsed.module);
        (parsed.module.layout, diags)
    }

    #[test]
    fn reads_every_option() {
        let (l, d) = layout_of(
            "(module (@relwat.layout (section-size padded) (datacount always) (target-features none)
               (symbol-order (func $a 3) (data $x) (section \".debug_str\")) (init-order $a $b)))",
        );
        assert!(d.is_empty(), "{d:?}");
        assert!(l.padded_sizes && l.datacount == Some(true) && l.no_target_features);
        let order = l.symbol_order.unwrap();
        assert_eq!(order.len(), 4);
        assert!(matches!(order[1], SymbolRef::Entity(ExternKind::Func, Index { num: 3, .. })));
        assert!(matches!(&order[3], SymbolRef::Section(s) if s.bytes == b".debug_str"));
        assert_eq!(l.init_order.unwrap().len(), 2);
    }

    #[test]
    fn reports_mistakes() {
        let (_, d) = layout_of("(@relwat.layout (section-size huge))");
        assert!(d.iter().any(|d| d.message.contains("expected `padded` or `minimal`")), "{d:?}");
        let (_, d) = layout_of("(@relwat.layout (colour blue))");
        assert!(d.iter().any(|d| d.message.contains("unknown layout option")), "{d:?}");
        let (_, d) = layout_of("(@relwat.layout) (@relwat.layout)");
        assert!(d.iter().any(|d| d.message.contains("second")), "{d:?}");
        let (_, d) = layout_of("(func (@relwat.layout (datacount always)))");
        assert!(d.iter().any(|d| d.message.contains("module field")), "{d:?}");
    }
}
