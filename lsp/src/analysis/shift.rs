//! Moving every span of a syntax-tree node by a byte delta (for incremental re-parsing: the fields
//! after an edit move; a field parsed on its own moves to where it stands in the file).
//!
//! The matches are exhaustive on purpose: a new node kind in `relwat::ast` must be handled here.

use relwat::ast::*;
use relwat::diagnostic::Diagnostic;
use relwat::span::Span;

/// Moves a span. The empty span at 0 is what the parser leaves in nodes it does not fill
/// (`Expr::default()` of an import's body): it is not a position and stays.
#[inline]
pub fn span(s: &mut Span, d: i64) {
    if s.end == 0 {
        return;
    }
    s.start = (s.start as i64 + d) as u32;
    s.end = (s.end as i64 + d) as u32;
}

fn id(i: &mut Id, d: i64) {
    span(&mut i.span, d);
}

fn oid(i: &mut Option<Id>, d: i64) {
    if let Some(i) = i {
        id(i, d);
    }
}

fn index(i: &mut Index, d: i64) {
    span(&mut i.span, d);
}

fn string(s: &mut Str, d: i64) {
    span(&mut s.span, d);
}

/// Moves the ends of a span that are at or after `pos`.
pub fn span_after(s: &mut Span, pos: u32, d: i64) {
    if s.start >= pos {
        s.start = (s.start as i64 + d) as u32;
    }
    if s.end >= pos {
        s.end = (s.end as i64 + d) as u32;
    }
}

/// Moves the labels of a diagnostic that are at or after `pos`.
pub fn diagnostic_after(x: &mut Diagnostic, pos: u32, d: i64) {
    span_after(&mut x.primary.span, pos, d);
    for l in &mut x.secondary {
        span_after(&mut l.span, pos, d);
    }
}

/// Moves a diagnostic and its labels.
pub fn diagnostic(x: &mut Diagnostic, d: i64) {
    span(&mut x.primary.span, d);
    for l in &mut x.secondary {
        span(&mut l.span, d);
    }
}

fn heap(h: &mut HeapType, d: i64) {
    match h {
        HeapType::Abstract { .. } => {}
        HeapType::Concrete(i) | HeapType::Exact(i) => index(i, d),
    }
}

fn reftype(r: &mut RefType, d: i64) {
    heap(&mut r.heap, d);
}

fn valtype(v: &mut ValType, d: i64) {
    match v {
        ValType::I32 | ValType::I64 | ValType::F32 | ValType::F64 | ValType::V128 => {}
        ValType::Ref(r) => reftype(r, d),
    }
}

fn param(p: &mut Param, d: i64) {
    oid(&mut p.id, d);
    valtype(&mut p.ty, d);
    span(&mut p.span, d);
}

fn functype(f: &mut FuncType, d: i64) {
    for p in f.params.iter_mut().chain(f.results.iter_mut()) {
        param(p, d);
    }
}

fn fieldtype(f: &mut FieldType, d: i64) {
    oid(&mut f.id, d);
    if let StorageType::Val(v) = &mut f.ty {
        valtype(v, d);
    }
    span(&mut f.span, d);
}

fn typeuse(t: &mut TypeUse, d: i64) {
    span(&mut t.span, d);
    if let Some(i) = &mut t.index {
        index(i, d);
    }
    if let Some(f) = &mut t.inline {
        functype(f, d);
    }
}

fn limits(l: &mut Limits, d: i64) {
    span(&mut l.span, d);
}

fn reloc(r: &mut RelocAnnot, d: i64) {
    span(&mut r.span, d);
    if let Some((_, s)) = &mut r.format {
        span(s, d);
    }
    if let Some((_, s)) = &mut r.method {
        span(s, d);
    }
    if let Some((_, s)) = &mut r.modifier {
        span(s, d);
    }
    match &mut r.target {
        None => {}
        Some(RelocTarget::Symbol(i)) => index(i, d),
        Some(RelocTarget::Section(s)) => string(s, d),
        Some(RelocTarget::None(s)) => span(s, d),
    }
    match &mut r.addend {
        None => {}
        Some(Addend::Value(_, s)) => span(s, d),
        Some(Addend::Label(i)) => id(i, d),
    }
}

fn sym(s: &mut SymAnnot, d: i64) {
    span(&mut s.span, d);
    oid(&mut s.name, d);
    for (q, s) in &mut s.qualifiers {
        span(s, d);
        match q {
            SymQualifier::Binding(_)
            | SymQualifier::Visibility(_)
            | SymQualifier::Retain
            | SymQualifier::Tls
            | SymQualifier::Size(_)
            | SymQualifier::Offset(_)
            | SymQualifier::InitPrio(_) => {}
            SymQualifier::Name(n) => string(n, d),
            SymQualifier::Comdat(i) => index(i, d),
            SymQualifier::ComdatNamed(n) => string(n, d),
        }
    }
}

fn seg(s: &mut SegAnnot, d: i64) {
    span(&mut s.span, d);
    for (q, s) in &mut s.qualifiers {
        span(s, d);
        match q {
            SegQualifier::Name(n) => string(n, d),
            SegQualifier::Align(_) | SegQualifier::Strings | SegQualifier::Tls | SegQualifier::Retain => {}
        }
    }
}

fn items(items: &mut [DataItem], d: i64) {
    for it in items {
        match it {
            DataItem::Bytes(s) => string(s, d),
            DataItem::Sym(s) => sym(s, d),
            DataItem::Reloc(r) => reloc(r, d),
            DataItem::Label(i, s) => {
                id(i, d);
                span(s, d);
            }
            DataItem::Comdat(i, s) => {
                index(i, d);
                span(s, d);
            }
        }
    }
}

fn blocktype(b: &mut BlockType, d: i64) {
    oid(&mut b.label, d);
    typeuse(&mut b.ty, d);
}

fn memarg(m: &mut MemArg, d: i64) {
    index(&mut m.memory, d);
}

fn imm(i: &mut Imm, d: i64) {
    match i {
        Imm::None
        | Imm::I32(_)
        | Imm::I64(_)
        | Imm::F32(_)
        | Imm::F64(_)
        | Imm::V128(_)
        | Imm::Lane(_)
        | Imm::TypeCount(..) => {
            if let Imm::TypeCount(t, _) = i {
                index(t, d);
            }
        }
        Imm::Block(b) => blocktype(b, d),
        Imm::TryTable(b) => {
            blocktype(&mut b.0, d);
            for c in &mut b.1 {
                if let Some(t) = &mut c.tag {
                    index(t, d);
                }
                index(&mut c.label, d);
                span(&mut c.span, d);
            }
        }
        Imm::EndLabel(l) => oid(l, d),
        Imm::Index(x) => index(x, d),
        Imm::Index2(a, b) => {
            index(a, d);
            index(b, d);
        }
        Imm::BrTable(ls) => ls.iter_mut().for_each(|l| index(l, d)),
        Imm::CallIndirect(b) => {
            index(&mut b.0, d);
            typeuse(&mut b.1, d);
        }
        Imm::MemArg(m) | Imm::MemArgLane(m, _) => memarg(m, d),
        Imm::Select(ts) => {
            if let Some(ts) = ts {
                ts.iter_mut().for_each(|t| valtype(t, d));
            }
        }
        Imm::HeapType(h) => heap(h, d),
        Imm::RefType(r) => reftype(r, d),
        Imm::BrOnCast(b) => {
            index(&mut b.0, d);
            reftype(&mut b.1, d);
            reftype(&mut b.2, d);
        }
    }
}

/// Moves an expression.
pub fn expr(e: &mut Expr, d: i64) {
    span(&mut e.span, d);
    for i in &mut e.instrs {
        span(&mut i.span, d);
        match &mut i.kind {
            InstrKind::Op(_, x) => imm(x, d),
            InstrKind::Label(l) => id(l, d),
        }
    }
    for (_, _, r) in &mut e.relocs {
        reloc(r, d);
    }
}

fn header(h: &mut EntityHeader, d: i64) {
    oid(&mut h.id, d);
    h.syms.iter_mut().for_each(|s| sym(s, d));
    for e in &mut h.exports {
        string(&mut e.name, d);
        span(&mut e.span, d);
    }
    if let Some(i) = &mut h.import {
        string(&mut i.module, d);
        string(&mut i.field, d);
        span(&mut i.span, d);
    }
}

fn func(f: &mut Func, d: i64) {
    span(&mut f.span, d);
    header(&mut f.header, d);
    typeuse(&mut f.ty, d);
    for l in &mut f.locals {
        oid(&mut l.id, d);
        valtype(&mut l.ty, d);
        span(&mut l.span, d);
    }
    expr(&mut f.body, d);
}

fn elem_items(i: &mut ElemItems, d: i64) {
    match i {
        ElemItems::Funcs(fs) => fs.iter_mut().for_each(|f| index(f, d)),
        ElemItems::Exprs(r, es) => {
            reftype(r, d);
            es.iter_mut().for_each(|e| expr(e, d));
        }
    }
}

fn table(t: &mut Table, d: i64) {
    span(&mut t.span, d);
    header(&mut t.header, d);
    limits(&mut t.ty.limits, d);
    reftype(&mut t.ty.elem, d);
    match &mut t.init {
        TableInit::None => {}
        TableInit::Expr(e) => expr(e, d),
        TableInit::Elems(i) => elem_items(i, d),
    }
}

fn memory(m: &mut Memory, d: i64) {
    span(&mut m.span, d);
    header(&mut m.header, d);
    limits(&mut m.ty.limits, d);
    if let Some(i) = &mut m.inline_data {
        items(i, d);
    }
}

fn global(g: &mut Global, d: i64) {
    span(&mut g.span, d);
    header(&mut g.header, d);
    valtype(&mut g.ty.ty, d);
    expr(&mut g.init, d);
}

fn tag(t: &mut Tag, d: i64) {
    span(&mut t.span, d);
    header(&mut t.header, d);
    typeuse(&mut t.ty, d);
}

fn subtype(s: &mut SubType, d: i64) {
    if let Some(i) = &mut s.supertype {
        index(i, d);
    }
    let c = &mut s.composite;
    if let Some(i) = &mut c.descriptor {
        index(i, d);
    }
    if let Some(i) = &mut c.describes {
        index(i, d);
    }
    match &mut c.kind {
        CompositeKind::Func(f) => functype(f, d),
        CompositeKind::Struct(fs) => fs.iter_mut().for_each(|f| fieldtype(f, d)),
        CompositeKind::Array(f) => fieldtype(f, d),
        CompositeKind::Cont(i) => index(i, d),
    }
}

/// Moves a module field.
pub fn field(f: &mut ModuleField, d: i64) {
    if d == 0 {
        return;
    }
    match f {
        ModuleField::Types(g) => {
            span(&mut g.span, d);
            for t in &mut g.types {
                span(&mut t.span, d);
                oid(&mut t.id, d);
                subtype(&mut t.ty, d);
            }
        }
        ModuleField::Import(i) => {
            span(&mut i.span, d);
            string(&mut i.module, d);
            string(&mut i.field, d);
            match &mut i.item {
                ImportItem::Func(f) => func(f, d),
                ImportItem::Table(t) => table(t, d),
                ImportItem::Memory(m) => memory(m, d),
                ImportItem::Global(g) => global(g, d),
                ImportItem::Tag(t) => tag(t, d),
            }
        }
        ModuleField::Func(f) => func(f, d),
        ModuleField::Table(t) => table(t, d),
        ModuleField::Memory(m) => memory(m, d),
        ModuleField::Global(g) => global(g, d),
        ModuleField::Export(e) => {
            span(&mut e.span, d);
            string(&mut e.name, d);
            index(&mut e.index, d);
        }
        ModuleField::Start(s) => {
            span(&mut s.span, d);
            index(&mut s.func, d);
        }
        ModuleField::Elem(e) => {
            span(&mut e.span, d);
            oid(&mut e.id, d);
            if let ElemMode::Active { table, offset } = &mut e.mode {
                if let Some(t) = table {
                    index(t, d);
                }
                expr(offset, d);
            }
            elem_items(&mut e.items, d);
        }
        ModuleField::Data(x) => {
            span(&mut x.span, d);
            oid(&mut x.id, d);
            if let Some(s) = &mut x.segment {
                seg(s, d);
            }
            if let DataMode::Active { memory, offset } = &mut x.mode {
                index(memory, d);
                expr(offset, d);
            }
            items(&mut x.items, d);
        }
        ModuleField::Tag(t) => tag(t, d),
        ModuleField::Custom(c) => {
            span(&mut c.span, d);
            string(&mut c.name, d);
            items(&mut c.items, d);
        }
        ModuleField::Comdat(c) => {
            span(&mut c.span, d);
            id(&mut c.id, d);
            string(&mut c.name, d);
        }
        ModuleField::DataImport(s) => sym(s, d),
        ModuleField::Unknown(u) => {
            span(&mut u.span, d);
            span(&mut u.name, d);
        }
    }
}
