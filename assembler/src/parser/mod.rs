//! The recursive-descent parser: tokens to the syntax tree in [`crate::ast`], with recovery.
//!
//! A mistake inside a module field reports one diagnostic and skips to that field's `)`; a mistake
//! inside a folded instruction skips to that instruction's `)`. So every independent mistake is
//! reported, and the tree keeps everything that parsed.

mod annot;
mod cursor;
mod instr;
pub mod layout;
mod pieces;
mod types;

pub use cursor::{Fail, PResult};

use crate::ast::*;
use crate::diagnostic::Diagnostic;
use crate::lexer::{self, Token, TokenKind};
use crate::literals;
use crate::span::Span;
use cursor::Cursor;

/// The result of parsing a source text.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The module (possibly partial when there were errors).
    pub module: Module,
    /// Lexical and syntax errors and warnings, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// The tokens (for the editor).
    pub tokens: Vec<Token>,
    /// Comment ranges (for the editor).
    pub comments: Vec<Span>,
    /// Annotations this tool does not know, as (whole annotation, name token); they are ignored.
    pub unknown_annotations: Vec<(Span, Span)>,
}

/// Parses a whole source text: `(module ...)` or a bare list of module fields.
///
/// Large inputs are parsed in pieces on two threads (see `pieces`); the result is the same as
/// [`parse_sequential`]'s.
pub fn parse(src: &str) -> Parsed {
    parse_with(src, 2, true, false)
}

/// [`parse`] on the calling thread only.
pub fn parse_sequential(src: &str) -> Parsed {
    parse_with(src, 1, true, false)
}

/// [`parse`] without the tokens and comments (left empty in the result), for callers that only
/// need the tree: a large input's tokens then never all exist at once.
pub fn parse_tree(src: &str) -> Parsed {
    parse_with(src, 2, false, false)
}

/// [`parse_tree`] that leaves the body of every closed function unparsed: its
/// [`Func::body`] is empty, with the span of the text between the locals and the function's
/// `)`, for [`parse_body`]. So the instructions of all bodies never exist at once.
pub fn parse_deferring(src: &str) -> Parsed {
    parse_with(src, 2, false, true)
}

/// Parses a function body that [`parse_deferring`] left unparsed (`span`: its text). `None` when
/// the body has a mistake or an annotation the parser skips: diagnostics are only given by a
/// parse of the whole text, which sees the body in its context.
pub fn parse_body(src: &str, span: Span) -> Option<Expr> {
    let lexed = lexer::lex_range(src, span.start as usize, span.end as usize);
    if !lexed.errors.is_empty() {
        return None;
    }
    let mut parens = cursor::Parens::new(src, &lexed.tokens);
    let mut c = Cursor::new(src, &lexed.tokens, &mut parens);
    let mut expr = c.parse_expr_body();
    if expr.instrs.is_empty() {
        // Where the one-pass parser puts an empty body: at the `)`.
        expr.span = Span::new(span.end, span.end);
    }
    let clean = c.at_eof() && c.diags.is_empty() && c.unknown_annotations.is_empty();
    clean.then_some(expr)
}

fn parse_with(src: &str, threads: usize, keep_tokens: bool, defer_bodies: bool) -> Parsed {
    if threads > 1
        && (pieces::MIN_BYTES..=u32::MAX as usize).contains(&src.len())
        && let Some(parsed) = pieces::parse(src, threads, keep_tokens, defer_bodies)
    {
        return parsed;
    }
    let lexed = lexer::lex(src);
    let mut parens = cursor::Parens::new(src, &lexed.tokens);
    let mut c = Cursor::new(src, &lexed.tokens, &mut parens);
    c.defer_bodies = defer_bodies;
    let module = c.parse_file();
    let mut diagnostics = lexed.errors;
    diagnostics.append(&mut c.diags);
    diagnostics.sort_by_key(|d| d.primary.span.start);
    let unknown_annotations = std::mem::take(&mut c.unknown_annotations);
    let (tokens, comments) = if keep_tokens { (lexed.tokens, lexed.comments) } else { (Vec::new(), Vec::new()) };
    Parsed { module, diagnostics, tokens, comments, unknown_annotations }
}

impl<'a> Cursor<'a> {
    fn parse_file(&mut self) -> Module {
        let mut module = Module { span: Span::new(0, self.src.len() as u32), ..Module::default() };
        if self.at_list("module") {
            let open = self.mark();
            self.bump();
            self.bump();
            module.id = self.opt_id();
            let _ = self.opt_name_annot();
            if let Some(kw @ ("binary" | "quote" | "definition" | "instance")) = self.peek_kw() {
                let span = self.here();
                self.error(span, format!("`module {kw}` is a script form, not a module"));
                self.recover_to_close(open);
            } else {
                self.parse_fields(&mut module.fields);
                let _ = self.expect_rparen();
            }
            module.span = self.list_span(open);
            if !self.at_eof() {
                // Most often a `)` too many closed the module early: say so, and keep the fields
                // that follow so that later stages (and the editor) still see them.
                let here = self.here();
                let close = Span::new(module.span.end.saturating_sub(1), module.span.end);
                self.diags.push(
                    Diagnostic::error(here, "unexpected text after the module")
                        .with_secondary(close, "the module ends here")
                        .with_help("a `)` too many may close the module early"),
                );
                let mut rest = Vec::new();
                self.parse_fields(&mut rest);
                module.fields.append(&mut rest);
                while !self.at_eof() {
                    self.bump();
                }
            }
        } else {
            self.parse_fields(&mut module.fields);
            if !self.at_eof() {
                let here = self.here();
                self.error(here, "unexpected `)`");
            }
        }
        module
    }

    fn parse_fields(&mut self, fields: &mut Vec<ModuleField>) {
        loop {
            if self.hole.as_ref().is_some_and(|h| h.at == self.pos) {
                self.fill_hole(fields);
            }
            match self.peek_kind() {
                None | Some(TokenKind::RParen) => return,
                Some(TokenKind::LParen) | Some(TokenKind::Annotation) => {
                    let open = self.mark();
                    match self.parse_field(open) {
                        Ok(f) => fields.push(f),
                        Err(Fail) => self.recover_to_close(open),
                    }
                }
                Some(_) => {
                    let _ = self.expected("a module field");
                    self.bump();
                    // Skip the rest of a run of stray atoms: one diagnostic is enough.
                    while !matches!(
                        self.peek_kind(),
                        None | Some(TokenKind::LParen | TokenKind::RParen | TokenKind::Annotation)
                    ) {
                        self.bump();
                    }
                }
            }
        }
    }

    /// Inserts the fields parsed from the pieces that stood at the cursor (see `pieces`).
    fn fill_hole(&mut self, fields: &mut Vec<ModuleField>) {
        if let Some(hole) = self.hole.take() {
            fields.extend(hole.fields);
            self.diags.extend(hole.diags);
            self.unknown_annotations.extend(hole.unknown_annotations);
        }
    }

    fn parse_field(&mut self, open: usize) -> PResult<ModuleField> {
        if let Some(name) = self.peek_annotation() {
            return match name {
                "custom" => self.parse_custom(open).map(ModuleField::Custom),
                "producers" => self.parse_producers(open).map(ModuleField::Custom),
                "comdat" => self.parse_comdat(open).map(ModuleField::Comdat),
                "sym.import.data" => self.parse_sym_annot(open).map(ModuleField::DataImport),
                "name" => {
                    let span = self.list_span(open);
                    Err(self.error(span, "misplaced @name annotation").with_help_note(
                        &mut self.diags,
                        "`(@name \"...\")` stands right after the id of a module or definition",
                    ))
                }
                "metadata.code.branch_hint" => {
                    let span = self.list_span(open);
                    Err(self.error(span, "@metadata.code.branch_hint annotation: not in a function"))
                }
                other => {
                    let span = self.here();
                    Err(self.error(span, format!("`(@{other} ...)` is not allowed as a module field")))
                }
            };
        }
        let Some(kw) = self.peek_list_kw() else {
            self.bump();
            return Err(self.expected("a module field keyword"));
        };
        let field = match kw {
            "type" => ModuleField::Types(self.parse_type_field(open)?),
            "rec" => ModuleField::Types(self.parse_rec(open)?),
            "import" => ModuleField::Import(self.parse_import(open)?),
            "func" => ModuleField::Func(self.parse_func(open, false)?),
            "table" => ModuleField::Table(self.parse_table(open, false)?),
            "memory" => ModuleField::Memory(self.parse_memory(open, false)?),
            "global" => ModuleField::Global(self.parse_global(open, false)?),
            "tag" => ModuleField::Tag(self.parse_tag(open, false)?),
            "export" => ModuleField::Export(self.parse_export(open)?),
            "start" => ModuleField::Start(self.parse_start(open)?),
            "elem" => ModuleField::Elem(self.parse_elem(open)?),
            "data" => ModuleField::Data(self.parse_data(open)?),
            _ => {
                self.bump();
                let t = self.bump();
                return Err(self.error(t.span, format!("unknown module field `{kw}`")));
            }
        };
        Ok(field)
    }

    // ----- small tokens

    /// An optional `$id`.
    pub(crate) fn opt_id(&mut self) -> Option<Id> {
        self.eat(TokenKind::Id).map(|t| Id { span: t.span })
    }

    /// A `$id`.
    pub(crate) fn expect_id(&mut self) -> PResult<Id> {
        match self.opt_id() {
            Some(id) => Ok(id),
            None => Err(self.expected("an id")),
        }
    }

    /// A u32 literal.
    pub(crate) fn parse_u32(&mut self) -> PResult<(u32, Span)> {
        match self.peek() {
            Some(t) if t.kind == TokenKind::Integer => {
                self.bump();
                match literals::parse_u32(self.text(t)) {
                    Some(v) => Ok((v, t.span)),
                    None => Err(self.error(t.span, "integer out of range for u32")),
                }
            }
            _ => Err(self.expected("an unsigned integer")),
        }
    }

    /// A u64 literal.
    pub(crate) fn parse_u64(&mut self) -> PResult<(u64, Span)> {
        match self.peek() {
            Some(t) if t.kind == TokenKind::Integer => {
                self.bump();
                match literals::parse_u64(self.text(t)) {
                    Some(v) => Ok((v, t.span)),
                    None => Err(self.error(t.span, "integer out of range for u64")),
                }
            }
            _ => Err(self.expected("an unsigned integer")),
        }
    }

    /// Whether the cursor is at an unsigned integer.
    pub(crate) fn at_u32(&mut self) -> bool {
        matches!(self.peek(), Some(t) if t.kind == TokenKind::Integer
            && !self.text(t).starts_with(['+', '-']))
    }

    /// A string literal's bytes.
    pub(crate) fn parse_string(&mut self) -> PResult<Str> {
        match self.peek() {
            Some(t) if t.kind == TokenKind::String => {
                self.bump();
                // The lexer has reported bad escapes; decode what is there.
                let bytes = literals::decode_string(self.text(t)).unwrap_or_default();
                Ok(Str { bytes, span: t.span })
            }
            _ => Err(self.expected("a string")),
        }
    }

    /// A string that must be valid UTF-8 (names).
    pub(crate) fn parse_name(&mut self) -> PResult<Str> {
        let s = self.parse_string()?;
        if std::str::from_utf8(&s.bytes).is_err() {
            return Err(self.error(s.span, "malformed UTF-8 encoding in a name"));
        }
        Ok(s)
    }

    /// An index: a u32 or an id.
    pub(crate) fn parse_index(&mut self) -> PResult<Index> {
        match self.opt_index() {
            Some(i) => Ok(i),
            None => Err(self.expected("an index (number or `$id`)")),
        }
    }

    /// An optional index.
    pub(crate) fn opt_index(&mut self) -> Option<Index> {
        match self.peek()? {
            t if t.kind == TokenKind::Id => {
                self.bump();
                Some(Index::id(t.span))
            }
            t if t.kind == TokenKind::Integer && !self.text(t).starts_with(['+', '-']) => {
                self.bump();
                match literals::parse_u32(self.text(t)) {
                    Some(v) => Some(Index::num(v, t.span)),
                    None => {
                        self.error(t.span, "index out of range for u32");
                        Some(Index::num(u32::MAX, t.span))
                    }
                }
            }
            _ => None,
        }
    }

    // ----- fields

    fn parse_export(&mut self, open: usize) -> PResult<Export> {
        self.bump();
        self.bump();
        let name = self.parse_name()?;
        self.expect_lparen()?;
        let kind = self.parse_extern_kind()?;
        let index = self.parse_index()?;
        self.expect_rparen()?;
        self.expect_rparen()?;
        Ok(Export { span: self.list_span(open), name, kind, index })
    }

    fn parse_extern_kind(&mut self) -> PResult<ExternKind> {
        let kind = match self.peek_kw() {
            Some("func") => ExternKind::Func,
            Some("table") => ExternKind::Table,
            Some("memory") => ExternKind::Memory,
            Some("global") => ExternKind::Global,
            Some("tag") => ExternKind::Tag,
            _ => return Err(self.expected("`func`, `table`, `memory`, `global` or `tag`")),
        };
        self.bump();
        Ok(kind)
    }

    fn parse_start(&mut self, open: usize) -> PResult<Start> {
        self.bump();
        self.bump();
        let func = self.parse_index()?;
        self.expect_rparen()?;
        Ok(Start { span: self.list_span(open), func })
    }

    fn parse_import(&mut self, open: usize) -> PResult<Import> {
        self.bump();
        self.bump();
        let module = self.parse_name()?;
        let field = self.parse_name()?;
        let item_open = self.mark();
        let item = match self.peek_list_kw() {
            Some("func") => ImportItem::Func(self.parse_func(item_open, true)?),
            Some("table") => ImportItem::Table(self.parse_table(item_open, true)?),
            Some("memory") => ImportItem::Memory(self.parse_memory(item_open, true)?),
            Some("global") => ImportItem::Global(self.parse_global(item_open, true)?),
            Some("tag") => ImportItem::Tag(self.parse_tag(item_open, true)?),
            _ => {
                return Err(self.expected("an import description (`(func ...)`, `(table ...)`, ...)"));
            }
        };
        self.expect_rparen()?;
        Ok(Import { span: self.list_span(open), module, field, item })
    }

    /// `$id? (@sym ...)* (export "n")* (import "m" "f")?`; in an import item only id and symbols.
    /// An optional `(@name "...")` after an id (name section data; checked, not encoded).
    pub(crate) fn opt_name_annot(&mut self) -> PResult<Option<Str>> {
        if self.peek_annotation() != Some("name") {
            return Ok(None);
        }
        let open = self.mark();
        self.bump();
        let name = self.parse_name()?;
        self.expect_rparen()?;
        if self.peek_annotation() == Some("name") {
            let second = self.mark();
            let span = self.list_span(second);
            self.recover_to_close(second);
            self.diags.push(
                Diagnostic::error(span, "@name annotation: multiple names")
                    .with_secondary(self.list_span(open), "first name here"),
            );
        }
        Ok(Some(name))
    }

    fn parse_header(&mut self, in_import: bool) -> PResult<EntityHeader> {
        let id = self.opt_id();
        self.opt_name_annot()?;
        let mut syms: Vec<SymAnnot> = Vec::new();
        let mut rwat_comdats: Vec<(Str, Span)> = Vec::new();
        loop {
            let open = self.mark();
            match self.peek_annotation() {
                Some("sym") => syms.push(self.parse_sym_annot(open)?),
                // rwat's `(@comdat "G")` (D12): the comdat named G, with the primary symbol in it.
                Some("comdat") if self.peek_nth(1).is_some_and(|t| t.kind == TokenKind::String) => {
                    self.bump();
                    let name = self.parse_name()?;
                    self.expect_rparen()?;
                    rwat_comdats.push((name, self.list_span(open)));
                }
                _ => break,
            }
        }
        if !rwat_comdats.is_empty() {
            let written = syms.iter().find(|s| s.name.is_none() && !s.none).map(|s| s.span);
            for (name, span) in &rwat_comdats {
                // The comdat's id for the fix: its name when that is a plain id.
                let n = name.as_str();
                let id = if !n.is_empty() && n.bytes().all(crate::literals::is_idchar) {
                    format!("${n}")
                } else {
                    "$c".to_string()
                };
                let mut d = Diagnostic::warning(*span, "a comdat is declared at module level and named by the symbol")
                    .with_label("rwat's spelling");
                if let Some(primary) = written {
                    d = d.with_secondary(primary, "the symbol's annotation");
                }
                d.notes.push(format!(
                    "help: declare `(@comdat {id} \"{0}\")` among the module's fields and write `(comdat {id})` in the symbol's `(@sym ...)`",
                    name.as_str()
                ));
                self.warn(d);
            }
            let qualifiers = rwat_comdats.into_iter().map(|(n, span)| (SymQualifier::ComdatNamed(n), span));
            match syms.iter_mut().find(|s| s.name.is_none()) {
                Some(primary) => primary.qualifiers.extend(qualifiers),
                None => {
                    let qualifiers: Vec<_> = qualifiers.collect();
                    syms.push(SymAnnot { span: qualifiers[0].1, name: None, none: false, qualifiers });
                }
            }
        }
        let mut exports = Vec::new();
        let mut import = None;
        if !in_import {
            while let Some(open_span) = self.eat_list("export") {
                let name = self.parse_name()?;
                let close = self.expect_rparen()?;
                exports.push(InlineExport { name, span: open_span.to(close) });
            }
            if let Some(open_span) = self.eat_list("import") {
                let module = self.parse_name()?;
                let field = self.parse_name()?;
                let close = self.expect_rparen()?;
                import = Some(InlineImport { module, field, span: open_span.to(close) });
            }
            if self.at_list("export") {
                let span = self.here();
                return Err(self.error(span, "inline exports must come before an inline import"));
            }
        }
        Ok(EntityHeader { id, syms, exports, import })
    }

    fn parse_func(&mut self, open: usize, in_import: bool) -> PResult<Func> {
        self.bump();
        self.bump();
        let header = self.parse_header(in_import)?;
        let mut exact = false;
        let ty = if self.eat_list("exact").is_some() {
            exact = true;
            let ty = self.parse_type_use(true)?;
            self.expect_rparen()?;
            ty
        } else {
            self.parse_type_use(true)?
        };
        let mut locals = Vec::new();
        let mut body = Expr::default();
        if header.import.is_some() || in_import {
            self.expect_rparen()?;
        } else {
            while self.at_list("local") {
                let lopen = self.mark();
                self.bump();
                self.bump();
                if let Some(id) = self.opt_id() {
                    let start = self.here().start;
                    let ty = self.parse_valtype()?;
                    locals.push(Local { id: Some(id), ty, span: self.span_from(start) });
                } else {
                    while !self.at_close() {
                        let start = self.here().start;
                        let ty = self.parse_valtype()?;
                        locals.push(Local { id: None, ty, span: self.span_from(start) });
                    }
                }
                self.expect_rparen().inspect_err(|_| self.recover_to_close(lopen))?;
            }
            body = match self.defer_bodies.then(|| self.skip_to_close(open)).flatten() {
                Some(text) => Expr { span: text, ..Expr::default() },
                None => self.parse_expr_body(),
            };
            self.expect_rparen()?;
        }
        Ok(Func { span: self.list_span(open), header, exact, ty, locals, body })
    }

    fn parse_global(&mut self, open: usize, in_import: bool) -> PResult<Global> {
        self.bump();
        self.bump();
        let header = self.parse_header(in_import)?;
        let ty = self.parse_global_type()?;
        let init = if header.import.is_some() || in_import { Expr::default() } else { self.parse_expr_body() };
        self.expect_rparen()?;
        Ok(Global { span: self.list_span(open), header, ty, init })
    }

    fn parse_tag(&mut self, open: usize, in_import: bool) -> PResult<Tag> {
        self.bump();
        self.bump();
        let header = self.parse_header(in_import)?;
        let ty = self.parse_type_use(true)?;
        self.expect_rparen()?;
        Ok(Tag { span: self.list_span(open), header, ty })
    }

    fn parse_addr_type(&mut self) -> AddrType {
        if self.eat_kw("i64").is_some() {
            AddrType::I64
        } else {
            self.eat_kw("i32");
            AddrType::I32
        }
    }

    fn parse_limits(&mut self) -> PResult<Limits> {
        let (min, s) = self.parse_u64()?;
        let mut span = s;
        let max = if self.at_u32() {
            let (m, s) = self.parse_u64()?;
            span = span.to(s);
            Some(m)
        } else {
            None
        };
        Ok(Limits { min, max, span })
    }

    fn parse_table(&mut self, open: usize, in_import: bool) -> PResult<Table> {
        self.bump();
        self.bump();
        let header = self.parse_header(in_import)?;
        let addr = self.parse_addr_type();
        let inline_elems = !self.at_u32();
        if inline_elems && header.import.is_none() && !in_import {
            // `(table $t? addrtype? reftype (elem ...))`
            let elem = self.parse_reftype()?;
            let eopen = self.mark();
            if self.eat_list("elem").is_none() {
                return Err(self.expected("`(elem ...)` or table limits"));
            }
            let items = if self.at_list("item") || matches!(self.peek_kind(), Some(TokenKind::LParen)) {
                let mut exprs = Vec::new();
                while !self.at_close() {
                    exprs.push(self.parse_elem_expr()?);
                }
                ElemItems::Exprs(elem, exprs)
            } else {
                let mut funcs = Vec::new();
                while let Some(i) = self.opt_index() {
                    funcs.push(i);
                }
                ElemItems::Funcs(funcs)
            };
            self.expect_rparen().inspect_err(|_| self.recover_to_close(eopen))?;
            self.expect_rparen()?;
            let n = match &items {
                ElemItems::Funcs(f) => f.len(),
                ElemItems::Exprs(_, e) => e.len(),
            } as u64;
            let limits = Limits { min: n, max: Some(n), span: self.list_span(eopen) };
            let ty = TableType { addr, limits, elem, shared: false };
            return Ok(Table { span: self.list_span(open), header, ty, init: TableInit::Elems(items) });
        }
        let limits = self.parse_limits()?;
        let shared = self.eat_kw("shared").is_some();
        let elem = self.parse_reftype()?;
        let init = if self.at_close() || header.import.is_some() || in_import {
            TableInit::None
        } else {
            TableInit::Expr(self.parse_expr_body())
        };
        self.expect_rparen()?;
        let ty = TableType { addr, limits, elem, shared };
        Ok(Table { span: self.list_span(open), header, ty, init })
    }

    fn parse_memory(&mut self, open: usize, in_import: bool) -> PResult<Memory> {
        self.bump();
        self.bump();
        let header = self.parse_header(in_import)?;
        let addr = self.parse_addr_type();
        let mut page_size_log2 = self.opt_page_size()?;
        if self.at_list("data") && header.import.is_none() && !in_import {
            let dopen = self.mark();
            self.bump();
            self.bump();
            let items = self.parse_data_items(true)?;
            self.expect_rparen().inspect_err(|_| self.recover_to_close(dopen))?;
            self.expect_rparen()?;
            let len: u64 =
                items.iter().map(|i| if let DataItem::Bytes(s) = i { s.bytes.len() as u64 } else { 0 }).sum();
            let pages = len.div_ceil(1u64 << page_size_log2.unwrap_or(16));
            let limits = Limits { min: pages, max: Some(pages), span: self.list_span(dopen) };
            let ty = MemoryType { addr, limits, shared: false, page_size_log2 };
            return Ok(Memory { span: self.list_span(open), header, ty, inline_data: Some(items) });
        }
        let limits = self.parse_limits()?;
        let shared = self.eat_kw("shared").is_some();
        if page_size_log2.is_none() {
            page_size_log2 = self.opt_page_size()?;
        }
        self.expect_rparen()?;
        let ty = MemoryType { addr, limits, shared, page_size_log2 };
        Ok(Memory { span: self.list_span(open), header, ty, inline_data: None })
    }

    /// An optional `(pagesize N)`, as log2.
    fn opt_page_size(&mut self) -> PResult<Option<u32>> {
        let Some(pspan) = self.eat_list("pagesize") else {
            return Ok(None);
        };
        let (size, s) = self.parse_u64()?;
        self.expect_rparen()?;
        if !size.is_power_of_two() {
            return Err(self.error(pspan.to(s), "invalid custom page size: must be a power of two"));
        }
        Ok(Some(size.trailing_zeros()))
    }

    /// `(item expr)`, or a single folded instruction as an element expression.
    fn parse_elem_expr(&mut self) -> PResult<Expr> {
        let open = self.mark();
        if self.eat_list("item").is_some() {
            let e = self.parse_expr_body();
            self.expect_rparen().inspect_err(|_| self.recover_to_close(open))?;
            let mut e = e;
            e.span = self.list_span(open);
            Ok(e)
        } else if self.peek_kind() == Some(TokenKind::LParen) {
            self.parse_single_folded()
        } else {
            Err(self.expected("an element expression `(item ...)` or `(instr ...)`"))
        }
    }

    /// `(offset expr)` or a single folded instruction.
    fn parse_offset_expr(&mut self) -> PResult<Expr> {
        let open = self.mark();
        if self.eat_list("offset").is_some() {
            let mut e = self.parse_expr_body();
            self.expect_rparen().inspect_err(|_| self.recover_to_close(open))?;
            e.span = self.list_span(open);
            Ok(e)
        } else {
            self.parse_single_folded()
        }
    }

    fn parse_elem(&mut self, open: usize) -> PResult<Elem> {
        self.bump();
        self.bump();
        let id = self.opt_id();
        let mode;
        let mut legacy_indices = false;
        if self.eat_kw("declare").is_some() {
            mode = ElemMode::Declared;
        } else if self.at_u32() || (self.peek_kind() == Some(TokenKind::LParen) && !self.at_list("ref")) {
            let table = if self.at_u32() {
                legacy_indices = true;
                Some(self.parse_index()?)
            } else if self.eat_list("table").is_some() {
                let t = self.parse_index()?;
                self.expect_rparen()?;
                Some(t)
            } else {
                legacy_indices = true;
                None
            };
            let offset = self.parse_offset_expr()?;
            mode = ElemMode::Active { table, offset };
        } else {
            mode = ElemMode::Passive;
        }
        let items = if self.eat_kw("func").is_some() || (legacy_indices && !self.at_reftype()) {
            let mut funcs = Vec::new();
            while let Some(i) = self.opt_index() {
                funcs.push(i);
            }
            ElemItems::Funcs(funcs)
        } else {
            let ty = self.parse_reftype()?;
            let mut exprs = Vec::new();
            while !self.at_close() {
                exprs.push(self.parse_elem_expr()?);
            }
            ElemItems::Exprs(ty, exprs)
        };
        self.expect_rparen()?;
        Ok(Elem { span: self.list_span(open), id, mode, items })
    }

    fn parse_data(&mut self, open: usize) -> PResult<Data> {
        self.bump();
        self.bump();
        let id = self.opt_id();
        let gcc_segment = self.peek_annotation() == Some("sym")
            && self
                .peek_nth(1)
                .is_some_and(|t| t.kind != TokenKind::Id && (t.kind != TokenKind::Keyword || self.text(t) != "none"));
        let segment = if self.peek_annotation() == Some("sym.segment") {
            let aopen = self.mark();
            Some(self.parse_seg_annot(aopen)?)
        } else if gcc_segment {
            // D10: GCC's spelling of segment info, `(@sym qualifier*)` before the offset (a data
            // symbol has an id). Read as `(@sym.segment ...)`; its qualifiers must be a segment's.
            let head = self.here();
            let mut d = Diagnostic::warning(head, "segment info is spelled `(@sym.segment ...)`: read as such")
                .with_label("GCC's spelling");
            d.notes.push("help: write `(@sym.segment`".into());
            self.warn(d);
            let aopen = self.mark();
            Some(self.parse_seg_annot(aopen)?)
        } else {
            None
        };
        let mode = if matches!(self.peek_kind(), Some(TokenKind::LParen))
            || self.peek_kind() == Some(TokenKind::Id)
            || self.at_u32()
        {
            let memory = if self.eat_list("memory").is_some() {
                let m = self.parse_index()?;
                self.expect_rparen()?;
                m
            } else if let Some(m) = self.opt_index() {
                m
            } else {
                Index::num(0, self.here().end_point())
            };
            let offset = self.parse_offset_expr()?;
            DataMode::Active { memory, offset }
        } else {
            DataMode::Passive
        };
        let items = self.parse_data_items(true)?;
        self.expect_rparen()?;
        Ok(Data { span: self.list_span(open), id, segment, mode, items })
    }
}

/// Warnings for the annotations the parser set aside (`unknown`, as (whole, `(@name` token))
/// whose name is a near miss of one relwat reads (`(@sym.segmnt ...)`, `(@relocc ...)`): they
/// are ignored, as unknown annotations must be, which a misspelling should not be silently.
pub fn misspelt_annotations(src: &str, unknown: &[(Span, Span)]) -> Vec<Diagnostic> {
    let known = cursor::KNOWN_ANNOTATIONS.iter().copied().chain([layout::NAME]);
    let mut out = Vec::new();
    for &(_, token) in unknown {
        let Ok(name) = literals::decode_annotation(token.text(src)) else { continue };
        if known.clone().any(|k| k == name) {
            // `(@relwat.layout ...)`, read apart from the tree.
            continue;
        }
        let max = crate::suggest::max_edits(&name);
        if let Some(near) = crate::suggest::closest(&name, known.clone(), max) {
            out.push(
                Diagnostic::warning(token, format!("unknown annotation `(@{name}`: did you mean `(@{near}`?"))
                    .with_label("ignored, as every unknown annotation")
                    .with_help(format!("relwat reads `(@{near} ...)`")),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module large enough to be parsed in pieces, with `insert` put in at the given
    /// fractions of its length (at a line start), and mistakes in the first and last pieces.
    fn big_module(inserts: &[(f64, &str)]) -> String {
        let mut s = String::from(";; a file\n(module $m\n  (memory 1)\n");
        for i in 0..30_000 {
            s.push_str(&format!(
                "  (func $f{i} (param i32) (result i32) (i32.add (local.get 0) (i32.load offset={i} (i32.const {i}))))\n"
            ));
            if i == 100 || i == 29_900 {
                s.push_str("  (func $bad (result i32) i32.frob)\n");
            }
            if i % 1000 == 0 {
                s.push_str("  ;; a comment between fields\n  (@unknown thing) (@custom \"c\" \"x\")\n");
            }
        }
        s.push_str(")\n");
        for (at, text) in inserts.iter().rev() {
            let line = s[..(s.len() as f64 * at) as usize].rfind('\n').unwrap() + 1;
            s.insert_str(line, text);
        }
        s
    }

    fn assert_same_as_sequential(src: &str) -> Parsed {
        let seq = parse_sequential(src);
        let par = parse(src);
        assert_eq!(par.module, seq.module);
        assert_eq!(par.diagnostics, seq.diagnostics);
        assert_eq!(par.tokens, seq.tokens);
        assert_eq!(par.comments, seq.comments);
        assert_eq!(par.unknown_annotations, seq.unknown_annotations);
        let tree = parse_tree(src);
        assert_eq!(tree.module, seq.module);
        assert_eq!(tree.diagnostics, seq.diagnostics);
        assert!(tree.tokens.is_empty() && tree.comments.is_empty());
        seq
    }

    #[test]
    fn parse_in_pieces_equals_sequential_parse() {
        let src = big_module(&[]);
        let seq = assert_same_as_sequential(&src);
        assert_eq!(seq.diagnostics.len(), 2, "{:?}", seq.diagnostics);
        // The pieces were really used: every piece but the last one was kept.
        assert!(src.len() > 8 * pieces::PIECE_BYTES);
        let kept = pieces::parse(&src, 2, true, false).expect("cut into pieces");
        assert_eq!(kept.module, seq.module);
    }

    #[test]
    fn mistakes_across_piece_cuts_give_the_sequential_result() {
        let cases: &[&[(f64, &str)]] = &[
            // A block comment over many lines, with what looks like fields inside.
            &[(0.3, "  (; start\n  (func $in_comment)\n")], // unclosed until the end of the file
            &[(0.3, "  (; start\n  (func $in_comment)\n"), (0.7, "  ;)\n")],
            // An unclosed paren, an extra paren.
            &[(0.5, "  (func $open (result i32)\n")],
            &[(0.5, "  )\n")],
            &[(0.2, "  (func $open\n"), (0.8, "  )\n")],
            // Lexical errors: a stray character, an unterminated string.
            &[(0.4, "  (func \u{1F600})\n")],
            &[(0.4, "  (data \"abc\n")],
            // A field keyword at the fields' indentation inside a function.
            &[(0.6, "  (func $multi (param i32)\n  (type $t)\n  (local.get 0) drop)\n")],
            // A name annotation where a cut could stand.
            &[(0.45, "  (@name \"x\")\n")],
        ];
        for inserts in cases {
            let src = big_module(inserts);
            assert_same_as_sequential(&src);
        }
    }

    #[test]
    fn bare_fields_are_parsed_in_pieces_too() {
        let src = big_module(&[]);
        let bare = src.replacen("(module $m\n", "\n", 1);
        let bare = &bare[..bare.rfind(')').unwrap()];
        let seq = assert_same_as_sequential(bare);
        assert_eq!(seq.diagnostics.len(), 2, "{:?}", seq.diagnostics);
        assert!(pieces::parse(bare, 2, false, false).is_some());
    }
}
