//! The linking annotations: `(@reloc ...)`, `(@sym ...)`, `(@sym.import.data ...)`,
//! `(@sym.segment ...)`, `(@sym.label ...)`, `(@comdat ...)`, `(@custom ...)`, and data strings
//! with annotations between them.

use super::cursor::{Cursor, PResult};
use crate::ast::*;
use crate::diagnostic::Diagnostic;
use crate::lexer::TokenKind;
use crate::linking;
use crate::literals;
use crate::span::Span;

impl<'a> Cursor<'a> {
    /// `(@reloc format? method? modifier? target? addend?)` at the cursor.
    pub(crate) fn parse_reloc_annot(&mut self) -> PResult<RelocAnnot> {
        let open = self.mark();
        self.bump();
        let mut r = RelocAnnot {
            span: self.list_span(open),
            format: None,
            method: None,
            modifier: None,
            target: None,
            addend: None,
        };
        // Components must appear in order: format, method, modifier, target, addend.
        let mut stage = 0;
        while let Some(t) = self.peek() {
            let text = self.text(t);
            match t.kind {
                TokenKind::RParen => break,
                TokenKind::Keyword => {
                    // The words of each stage come from the linking table.
                    let s = if linking::format_of(text).is_some() {
                        1
                    } else if linking::method_of(text).is_some() {
                        2
                    } else if linking::modifier_of(text).is_some() {
                        3
                    } else if text == linking::RELOC_NONE {
                        4
                    } else {
                        return Err(self.reloc_error(
                            t.span,
                            format!("unknown relocation component `{text}`"),
                            &linking::reloc_words_help(),
                        ));
                    };
                    if s <= stage {
                        return Err(self.reloc_error(
                            t.span,
                            format!("`{text}` is out of place in `(@reloc ...)`"),
                            "write the components in the order: format, method, modifier, symbol, addend",
                        ));
                    }
                    stage = s;
                    self.bump();
                    match s {
                        1 => r.format = linking::format_of(text).map(|f| (f, t.span)),
                        2 => {
                            if let Some(&(alias, m)) = linking::METHOD_ALIASES.iter().find(|(w, _)| *w == text) {
                                let word = linking::method_name(m);
                                self.warn(
                                    Diagnostic::warning(t.span, format!("`{alias}` is spelled `{word}`"))
                                        .with_help(format!("write `{word}`")),
                                );
                            }
                            r.method = linking::method_of(text).map(|m| (m, t.span));
                        }
                        3 => r.modifier = linking::modifier_of(text).map(|m| (m, t.span)),
                        _ => r.target = Some(RelocTarget::None(t.span)),
                    }
                }
                TokenKind::Id | TokenKind::Integer
                    if stage < 4 && !(t.kind == TokenKind::Integer && text.starts_with(['+', '-'])) =>
                {
                    stage = 4;
                    let i = self.parse_index()?;
                    r.target = Some(RelocTarget::Symbol(i));
                }
                TokenKind::String if stage < 4 => {
                    stage = 4;
                    let s = self.parse_name()?;
                    r.target = Some(RelocTarget::Section(s));
                }
                TokenKind::Id if stage == 4 => {
                    stage = 5;
                    self.bump();
                    r.addend = Some(Addend::Label(Id { span: t.span }));
                }
                TokenKind::Integer if stage < 5 && text.starts_with(['+', '-']) => {
                    stage = 5;
                    self.bump();
                    match literals::parse_i64(text) {
                        Some(v) => r.addend = Some(Addend::Value(v, t.span)),
                        None => return Err(self.error(t.span, "addend out of range")),
                    }
                }
                TokenKind::Integer if stage < 5 => {
                    return Err(self.reloc_error(t.span, "an addend needs a sign", "write `+N` or `-N`"));
                }
                _ => {
                    return Err(self.reloc_error(
                        t.span,
                        format!("unexpected `{text}` in `(@reloc ...)`"),
                        "the form is `(@reloc format? method? modifier? symbol? addend?)`",
                    ));
                }
            }
        }
        self.expect_rparen()?;
        r.span = self.list_span(open);
        Ok(r)
    }

    fn reloc_error(&mut self, span: Span, msg: impl Into<String>, help: &str) -> super::Fail {
        self.diags.push(Diagnostic::error(span, msg).with_help(help));
        super::Fail
    }

    /// An unknown qualifier `word` (bare, or the head of a list when `list`) of a `table`:
    /// the error says which it most likely means, and lists them all.
    fn qualifier_error(
        &mut self,
        span: Span,
        what: &str,
        word: &str,
        list: bool,
        table: &[linking::QualifierWord],
    ) -> super::Fail {
        let shown = if list { format!("({word} ...)") } else { word.to_string() };
        let mut d = Diagnostic::error(span, format!("unknown {what} qualifier `{shown}`"));
        let words = table.iter().filter(|q| q.list == list).map(|q| q.word);
        if let Some(near) = crate::suggest::closest(word, words, crate::suggest::max_edits(word)) {
            d = d.with_help(format!(
                "did you mean `{}`?",
                if list { format!("({near} ...)") } else { near.to_string() }
            ));
        }
        self.diags.push(d.with_help(format!("qualifiers: {}", linking::qualifiers_help(table))));
        super::Fail
    }

    /// `(@sym $name? qualifier*)`, `(@sym none)` or `(@sym.import.data ...)` at the cursor.
    pub(crate) fn parse_sym_annot(&mut self, open: usize) -> PResult<SymAnnot> {
        self.bump();
        let mut s = SymAnnot { span: self.list_span(open), name: None, none: false, qualifiers: Vec::new() };
        if self.eat_kw("none").is_some() {
            s.none = true;
            self.expect_rparen()?;
            return Ok(s);
        }
        s.name = self.opt_id();
        let mut seen: Vec<(&'static str, Span)> = Vec::new();
        while !self.at_close() {
            let start = self.here().start;
            let (q, category) = if let Some(kw) = self.peek_kw() {
                let q = match kw {
                    "global" => (SymQualifier::Binding(Binding::Global), "binding"),
                    "local" => (SymQualifier::Binding(Binding::Local), "binding"),
                    "weak" => (SymQualifier::Binding(Binding::Weak), "binding"),
                    "default" => (SymQualifier::Visibility(Visibility::Default), "visibility"),
                    "hidden" => (SymQualifier::Visibility(Visibility::Hidden), "visibility"),
                    "retain" => (SymQualifier::Retain, "retain"),
                    "tls" => (SymQualifier::Tls, "tls"),
                    _ => {
                        let span = self.here();
                        return Err(self.qualifier_error(span, "symbol", kw, false, linking::SYM_QUALIFIERS));
                    }
                };
                self.bump();
                q
            } else if let Some(kw) = self.peek_list_kw() {
                self.bump();
                self.bump();
                let q = match kw {
                    "size" => (SymQualifier::Size(self.parse_u64()?.0), "size"),
                    "offset" => (SymQualifier::Offset(self.parse_u64()?.0), "offset"),
                    "name" => (SymQualifier::Name(self.parse_name()?), "name"),
                    "init_prio" => (SymQualifier::InitPrio(self.parse_u32()?.0), "init_prio"),
                    "comdat" => (SymQualifier::Comdat(self.parse_index()?), "comdat"),
                    _ => {
                        let span = self.span_from(start);
                        return Err(self.qualifier_error(span, "symbol", kw, true, linking::SYM_QUALIFIERS));
                    }
                };
                self.expect_rparen()?;
                q
            } else {
                return Err(self.expected("a symbol qualifier"));
            };
            let span = self.span_from(start);
            // Each `(init_prio N)` is one entry of the init functions (D1): it may repeat.
            let repeated = seen.iter().find(|(c, _)| *c == category && category != "init_prio");
            if let Some((_, first)) = repeated {
                self.diags.push(
                    Diagnostic::error(span, format!("repeated {category} qualifier"))
                        .with_secondary(*first, "first given here")
                        .with_help("qualifiers may not repeat; remove one"),
                );
            } else {
                seen.push((category, span));
            }
            s.qualifiers.push((q, span));
        }
        self.expect_rparen()?;
        s.span = self.list_span(open);
        Ok(s)
    }

    /// `(@sym.segment qualifier*)` at the cursor.
    pub(crate) fn parse_seg_annot(&mut self, open: usize) -> PResult<SegAnnot> {
        self.bump();
        let mut seg = SegAnnot { span: self.list_span(open), qualifiers: Vec::new() };
        let mut seen: Vec<(&'static str, Span)> = Vec::new();
        while !self.at_close() {
            let start = self.here().start;
            let (q, category) = if let Some(kw) = self.peek_kw() {
                let q = match kw {
                    "strings" => (SegQualifier::Strings, "strings"),
                    "tls" => (SegQualifier::Tls, "tls"),
                    "retain" => (SegQualifier::Retain, "retain"),
                    _ => {
                        let span = self.here();
                        return Err(self.qualifier_error(span, "segment", kw, false, linking::SEG_QUALIFIERS));
                    }
                };
                self.bump();
                q
            } else if let Some(kw) = self.peek_list_kw() {
                self.bump();
                self.bump();
                let q = match kw {
                    "align" => (SegQualifier::Align(self.parse_u64()?.0), "align"),
                    "name" => (SegQualifier::Name(self.parse_name()?), "name"),
                    _ => {
                        let span = self.span_from(start);
                        return Err(self.qualifier_error(span, "segment", kw, true, linking::SEG_QUALIFIERS));
                    }
                };
                self.expect_rparen()?;
                q
            } else {
                return Err(self.expected("a segment qualifier"));
            };
            let span = self.span_from(start);
            if let Some((_, first)) = seen.iter().find(|(c, _)| *c == category) {
                self.diags.push(
                    Diagnostic::error(span, format!("repeated {category} qualifier"))
                        .with_secondary(*first, "first given here"),
                );
            } else {
                seen.push((category, span));
            }
            seg.qualifiers.push((q, span));
        }
        self.expect_rparen()?;
        seg.span = self.list_span(open);
        Ok(seg)
    }

    /// `(@comdat $c "name")` at the cursor.
    pub(crate) fn parse_comdat(&mut self, open: usize) -> PResult<Comdat> {
        self.bump();
        let id = self.expect_id()?;
        let name = self.parse_name()?;
        self.expect_rparen()?;
        Ok(Comdat { span: self.list_span(open), id, name })
    }

    /// `(@custom "name" place? item*)` at the cursor.
    pub(crate) fn parse_custom(&mut self, open: usize) -> PResult<Custom> {
        self.bump();
        let name = self.parse_name()?;
        let mut place = CustomPlace::AfterLast;
        if let Some(kw @ ("before" | "after")) = self.peek_list_kw() {
            self.bump();
            self.bump();
            let t = self.here();
            let anchor = self.peek_kw().unwrap_or("");
            place = match (kw, anchor) {
                ("before", "first") => CustomPlace::BeforeFirst,
                ("after", "last") => CustomPlace::AfterLast,
                (_, a) => match section_anchor(a) {
                    Some(s) if kw == "before" => CustomPlace::Before(s),
                    Some(s) => CustomPlace::After(s),
                    None => {
                        return Err(self.error(t, format!("unknown section `{a}` for custom placement")));
                    }
                },
            };
            self.bump();
            self.expect_rparen()?;
        }
        let items = self.parse_data_items(false)?;
        self.expect_rparen()?;
        Ok(Custom { span: self.list_span(open), name, place, items })
    }

    /// `(@producers (language|sdk|processed-by "name" "version")*)`: the `producers` section,
    /// kept as a custom section with its encoded payload.
    pub(crate) fn parse_producers(&mut self, open: usize) -> PResult<Custom> {
        use wasm_encoder::Encode;
        self.bump();
        let mut fields: [(&str, Vec<(Str, Str)>); 3] =
            [("language", Vec::new()), ("sdk", Vec::new()), ("processed-by", Vec::new())];
        while !self.at_close() {
            let slot = match self.peek_list_kw() {
                Some("language") => 0,
                Some("sdk") => 1,
                Some("processed-by") => 2,
                _ => {
                    return Err(self.expected("`(language ...)`, `(sdk ...)` or `(processed-by ...)`"));
                }
            };
            self.bump();
            self.bump();
            let name = self.parse_name()?;
            let version = self.parse_name()?;
            self.expect_rparen()?;
            fields[slot].1.push((name, version));
        }
        self.expect_rparen()?;
        let span = self.list_span(open);
        let mut payload = Vec::new();
        let present: Vec<_> = fields.iter().filter(|(_, v)| !v.is_empty()).collect();
        (present.len() as u32).encode(&mut payload);
        for (field, values) in present {
            field.encode(&mut payload);
            (values.len() as u32).encode(&mut payload);
            for (n, v) in values {
                n.as_str().encode(&mut payload);
                v.as_str().encode(&mut payload);
            }
        }
        let name = Str { bytes: b"producers".to_vec(), span };
        Ok(Custom {
            span,
            name,
            place: CustomPlace::AfterLast,
            items: vec![DataItem::Bytes(Str { bytes: payload, span })],
        })
    }

    /// Strings with annotations between them, up to the closing `)`. `data` selects data
    /// segments (symbols allowed) over custom sections (comdat membership allowed).
    pub(crate) fn parse_data_items(&mut self, data: bool) -> PResult<Vec<DataItem>> {
        let mut items = Vec::new();
        loop {
            match self.peek_kind() {
                None | Some(TokenKind::RParen) => break,
                Some(TokenKind::String) => items.push(DataItem::Bytes(self.parse_string()?)),
                Some(TokenKind::Annotation) => {
                    let open = self.mark();
                    match self.peek_annotation() {
                        Some("reloc") => items.push(DataItem::Reloc(self.parse_reloc_annot()?)),
                        Some("sym") if data => items.push(DataItem::Sym(self.parse_sym_annot(open)?)),
                        Some("sym.label") => {
                            self.bump();
                            let id = self.expect_id()?;
                            self.expect_rparen()?;
                            items.push(DataItem::Label(id, self.list_span(open)));
                        }
                        Some("comdat") if !data => {
                            self.bump();
                            let c = self.parse_index()?;
                            self.expect_rparen()?;
                            items.push(DataItem::Comdat(c, self.list_span(open)));
                        }
                        Some(other) => {
                            let span = self.list_span(open);
                            let place = if data { "data strings" } else { "custom section contents" };
                            return Err(self.error(span, format!("`(@{other} ...)` is not allowed among {place}")));
                        }
                        None => unreachable!(),
                    }
                }
                Some(_) => return Err(self.expected("a string")),
            }
        }
        Ok(items)
    }
}

fn section_anchor(s: &str) -> Option<SectionAnchor> {
    Some(match s {
        "type" => SectionAnchor::Type,
        "import" => SectionAnchor::Import,
        "func" => SectionAnchor::Func,
        "table" => SectionAnchor::Table,
        "memory" => SectionAnchor::Memory,
        "global" => SectionAnchor::Global,
        "export" => SectionAnchor::Export,
        "start" => SectionAnchor::Start,
        "elem" => SectionAnchor::Elem,
        "code" => SectionAnchor::Code,
        "data" => SectionAnchor::Data,
        "tag" => SectionAnchor::Tag,
        _ => return None,
    })
}
