//! Types: value, reference, heap, storage and composite types, type definitions and type uses.

use super::cursor::{Cursor, Fail, PResult};
use crate::ast::*;
use crate::lexer::TokenKind;
use crate::span::Span;

/// Shorthand reference types: keyword, heap type, nullable.
const REF_SHORTHANDS: &[(&str, AbsHeap)] = &[
    ("funcref", AbsHeap::Func),
    ("externref", AbsHeap::Extern),
    ("anyref", AbsHeap::Any),
    ("eqref", AbsHeap::Eq),
    ("i31ref", AbsHeap::I31),
    ("structref", AbsHeap::Struct),
    ("arrayref", AbsHeap::Array),
    ("nullref", AbsHeap::None),
    ("nullfuncref", AbsHeap::NoFunc),
    ("nullexternref", AbsHeap::NoExtern),
    ("exnref", AbsHeap::Exn),
    ("nullexnref", AbsHeap::NoExn),
    ("contref", AbsHeap::Cont),
    ("nullcontref", AbsHeap::NoCont),
];

/// Abstract heap type keywords.
const ABS_HEAPS: &[(&str, AbsHeap)] = &[
    ("func", AbsHeap::Func),
    ("extern", AbsHeap::Extern),
    ("any", AbsHeap::Any),
    ("none", AbsHeap::None),
    ("noextern", AbsHeap::NoExtern),
    ("nofunc", AbsHeap::NoFunc),
    ("eq", AbsHeap::Eq),
    ("struct", AbsHeap::Struct),
    ("array", AbsHeap::Array),
    ("i31", AbsHeap::I31),
    ("exn", AbsHeap::Exn),
    ("noexn", AbsHeap::NoExn),
    ("cont", AbsHeap::Cont),
    ("nocont", AbsHeap::NoCont),
];

impl<'a> Cursor<'a> {
    /// Whether a reference type starts at the cursor.
    pub(crate) fn at_reftype(&mut self) -> bool {
        match self.peek_kw() {
            Some(kw) => REF_SHORTHANDS.iter().any(|(n, _)| *n == kw),
            None => self.at_list("ref"),
        }
    }

    /// A value type.
    pub(crate) fn parse_valtype(&mut self) -> PResult<ValType> {
        let ty = match self.peek_kw() {
            Some("i32") => ValType::I32,
            Some("i64") => ValType::I64,
            Some("f32") => ValType::F32,
            Some("f64") => ValType::F64,
            Some("v128") => ValType::V128,
            _ => {
                if self.at_reftype() {
                    return self.parse_reftype().map(ValType::Ref);
                }
                return Err(self.expected("a value type"));
            }
        };
        self.bump();
        Ok(ty)
    }

    /// A reference type: a shorthand or `(ref null? heaptype)`.
    pub(crate) fn parse_reftype(&mut self) -> PResult<RefType> {
        if let Some(kw) = self.peek_kw()
            && let Some((_, heap)) = REF_SHORTHANDS.iter().find(|(n, _)| *n == kw)
        {
            self.bump();
            return Ok(RefType { nullable: true, heap: HeapType::Abstract { shared: false, ty: *heap } });
        }
        if self.eat_list("ref").is_some() {
            let nullable = self.eat_kw("null").is_some();
            let heap = self.parse_heaptype()?;
            self.expect_rparen()?;
            return Ok(RefType { nullable, heap });
        }
        Err(self.expected("a reference type"))
    }

    /// A heap type: abstract keyword, type index, `(shared abs)` or `(exact $t)`.
    pub(crate) fn parse_heaptype(&mut self) -> PResult<HeapType> {
        if let Some(kw) = self.peek_kw()
            && let Some((_, heap)) = ABS_HEAPS.iter().find(|(n, _)| *n == kw)
        {
            self.bump();
            return Ok(HeapType::Abstract { shared: false, ty: *heap });
        }
        if let Some(i) = self.opt_index() {
            return Ok(HeapType::Concrete(i));
        }
        if self.eat_list("shared").is_some() {
            let ty = match self.peek_kw().and_then(|kw| ABS_HEAPS.iter().find(|(n, _)| *n == kw)) {
                Some((_, h)) => *h,
                None => return Err(self.expected("an abstract heap type")),
            };
            self.bump();
            self.expect_rparen()?;
            return Ok(HeapType::Abstract { shared: true, ty });
        }
        if self.eat_list("exact").is_some() {
            let i = self.parse_index()?;
            self.expect_rparen()?;
            return Ok(HeapType::Exact(i));
        }
        Err(self.expected("a heap type"))
    }

    /// `valtype` or `(mut valtype)`.
    pub(crate) fn parse_global_type(&mut self) -> PResult<GlobalType> {
        if self.eat_list("mut").is_some() {
            let ty = self.parse_valtype()?;
            self.expect_rparen()?;
            return Ok(GlobalType { ty, mutable: true, shared: false });
        }
        Ok(GlobalType { ty: self.parse_valtype()?, mutable: false, shared: false })
    }

    fn parse_storage_type(&mut self) -> PResult<StorageType> {
        if self.eat_kw("i8").is_some() {
            return Ok(StorageType::I8);
        }
        if self.eat_kw("i16").is_some() {
            return Ok(StorageType::I16);
        }
        self.parse_valtype().map(StorageType::Val)
    }

    /// `storagetype` or `(mut storagetype)`.
    fn parse_field_type(&mut self, id: Option<Id>) -> PResult<FieldType> {
        let start = self.here().start;
        let (mutable, ty) = if self.eat_list("mut").is_some() {
            let ty = self.parse_storage_type()?;
            self.expect_rparen()?;
            (true, ty)
        } else {
            (false, self.parse_storage_type()?)
        };
        Ok(FieldType { id, mutable, ty, span: self.span_from(start) })
    }

    /// `(type ...)` as a module field: a rec group of one.
    pub(crate) fn parse_type_field(&mut self, open: usize) -> PResult<RecGroup> {
        let def = self.parse_type_def(open)?;
        Ok(RecGroup { span: def.span, explicit: false, types: vec![def] })
    }

    /// `(rec (type ...)*)`.
    pub(crate) fn parse_rec(&mut self, open: usize) -> PResult<RecGroup> {
        self.bump();
        self.bump();
        let mut types = Vec::new();
        while self.at_list("type") {
            let topen = self.mark();
            types.push(self.parse_type_def(topen)?);
        }
        self.expect_rparen()?;
        Ok(RecGroup { span: self.list_span(open), explicit: true, types })
    }

    fn parse_type_def(&mut self, open: usize) -> PResult<TypeDef> {
        self.bump();
        self.bump();
        let id = self.opt_id();
        let ty = if self.eat_list("sub").is_some() {
            let is_final = self.eat_kw("final").is_some();
            let supertype = self.opt_index();
            if let Some(t) = self.peek()
                && (t.kind == TokenKind::Id || t.kind == TokenKind::Integer)
            {
                return Err(self.error(t.span, "a type may declare at most one supertype"));
            }
            let composite = self.parse_composite()?;
            self.expect_rparen()?;
            SubType { is_final, supertype, composite }
        } else {
            SubType { is_final: true, supertype: None, composite: self.parse_composite()? }
        };
        self.expect_rparen()?;
        Ok(TypeDef { span: self.list_span(open), id, ty })
    }

    /// `(describes $t)? (descriptor $t)? comptype`, or `(shared comptype)`.
    fn parse_composite(&mut self) -> PResult<CompositeType> {
        // `(shared ...)` around the type; a loop, not recursion, however deep it is written.
        let mut shared = 0usize;
        while self.eat_list("shared").is_some() {
            shared += 1;
        }
        let mut c = self.parse_unshared_composite()?;
        for _ in 0..shared {
            self.expect_rparen()?;
        }
        c.shared |= shared > 0;
        Ok(c)
    }

    /// A composite type without `(shared ...)` around it.
    fn parse_unshared_composite(&mut self) -> PResult<CompositeType> {
        let mut describes = None;
        let mut descriptor = None;
        if self.eat_list("describes").is_some() {
            describes = Some(self.parse_index()?);
            self.expect_rparen()?;
        }
        if self.eat_list("descriptor").is_some() {
            descriptor = Some(self.parse_index()?);
            self.expect_rparen()?;
        }
        let kind = match self.peek_list_kw() {
            Some("func") => {
                self.bump();
                self.bump();
                let ft = self.parse_func_sig(true)?;
                self.expect_rparen()?;
                CompositeKind::Func(ft)
            }
            Some("struct") => {
                self.bump();
                self.bump();
                let mut fields = Vec::new();
                while self.eat_list("field").is_some() {
                    if let Some(id) = self.opt_id() {
                        fields.push(self.parse_field_type(Some(id))?);
                    } else {
                        while !self.at_close() {
                            fields.push(self.parse_field_type(None)?);
                        }
                    }
                    self.expect_rparen()?;
                }
                self.expect_rparen()?;
                CompositeKind::Struct(fields)
            }
            Some("array") => {
                self.bump();
                self.bump();
                let f = self.parse_field_type(None)?;
                self.expect_rparen()?;
                CompositeKind::Array(f)
            }
            Some("cont") => {
                self.bump();
                self.bump();
                let i = self.parse_index()?;
                self.expect_rparen()?;
                CompositeKind::Cont(i)
            }
            _ => return Err(self.expected("`(func ...)`, `(struct ...)` or `(array ...)`")),
        };
        Ok(CompositeType { shared: false, descriptor, describes, kind })
    }

    /// `(param ...)* (result ...)*`; named params only when `named` is set.
    pub(crate) fn parse_func_sig(&mut self, named: bool) -> PResult<FuncType> {
        let mut ft = FuncType::default();
        while self.at_list("param") {
            let open_span = self.bump().span;
            self.bump();
            if let Some(id) = self.opt_id() {
                if !named {
                    return Err(self.error(id.span, "parameters here cannot be named"));
                }
                let start = self.here().start;
                let ty = self.parse_valtype()?;
                ft.params.push(Param { id: Some(id), ty, span: self.span_from(start) });
            } else {
                while !self.at_close() {
                    let start = self.here().start;
                    let ty = self.parse_valtype()?;
                    ft.params.push(Param { id: None, ty, span: self.span_from(start) });
                }
            }
            self.expect_rparen()?;
            let _ = open_span;
        }
        while self.eat_list("result").is_some() {
            while !self.at_close() {
                let start = self.here().start;
                let ty = self.parse_valtype()?;
                ft.results.push(Param { id: None, ty, span: self.span_from(start) });
            }
            self.expect_rparen()?;
        }
        if self.at_list("param") {
            let span = self.here();
            return Err(self.error(span, "`(param ...)` must come before `(result ...)`"));
        }
        Ok(ft)
    }

    /// A type use: `(type $t)? (param ...)* (result ...)*`.
    pub(crate) fn parse_type_use(&mut self, named: bool) -> PResult<TypeUse> {
        let start = self.here().start;
        let mut index = None;
        if self.eat_list("type").is_some() {
            index = Some(self.parse_index()?);
            self.expect_rparen()?;
        }
        let inline =
            if self.at_list("param") || self.at_list("result") { Some(self.parse_func_sig(named)?) } else { None };
        let span = if self.prev_end() > start { self.span_from(start) } else { Span::new(start, start) };
        Ok(TypeUse { span, index, inline, resolved: u32::MAX })
    }

    /// Consumes nothing; helper to report "unexpected token" for stray tokens.
    #[allow(dead_code)]
    pub(crate) fn fail_here(&mut self, what: &str) -> Fail {
        self.expected(what)
    }
}
