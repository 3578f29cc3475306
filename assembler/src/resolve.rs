//! Name resolution: ids to indices in every index space, type uses to type indices.
//!
//! Indices are filled into the tree in place ([`Index::num`], [`TypeUse::resolved`]). Type uses
//! with inline signatures that match no `(type ...)` field add implicit function types at the end
//! of the type section, in the order the text format prescribes.

use crate::ast::*;
use crate::diagnostic::Diagnostic;
use crate::instructions::{self, ImmKind, InstrId};
use crate::kinds::IndexSpace;
use crate::literals;
use crate::span::Span;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

/// What resolution adds to the tree.
#[derive(Debug, Default)]
pub struct Resolved {
    /// Function types added for inline type uses, appended after the explicit types.
    pub implicit_types: Vec<FuncType>,
    /// Number of explicit types (rec group members included).
    pub explicit_type_count: u32,
    /// The type index of every function, imports first.
    pub func_types: Vec<u32>,
    /// Where each entity of each index space is defined, for the editor.
    pub definitions: Definitions,
}

/// Where the entities of the module's index spaces are defined, as resolution found them: what
/// the language server's definitions, references and renames use, so that an id means in the
/// editor what it means to the assembler.
#[derive(Clone, Debug, Default)]
pub struct Definitions {
    /// The eight spaces, by [`IndexSpace::slot`].
    pub spaces: [SpaceDefinitions; 8],
    /// The fields of each struct type (by type index): name, and the id's span (the field's
    /// when it has no id).
    pub struct_fields: HashMap<u32, Vec<(Option<String>, Span)>>,
}

/// The definitions of one index space.
#[derive(Clone, Debug, Default)]
pub struct SpaceDefinitions {
    /// Name (without `$`, escapes decoded) → index and the id's span; the first of duplicates.
    pub names: HashMap<String, (u32, Span)>,
    /// For each index: the id's span and `true`, or the defining field's span and `false`.
    pub list: Vec<(Span, bool)>,
    /// For each index: the module field that defines it.
    pub fields: Vec<u32>,
}

impl Definitions {
    /// The definitions of a space.
    pub fn space(&self, space: IndexSpace) -> &SpaceDefinitions {
        &self.spaces[space.slot()]
    }

    /// The definition of field `span` (an id or a number) of struct type `ty`.
    pub fn struct_field(&self, src: &str, ty: u32, span: Span) -> Option<Span> {
        let fields = self.struct_fields.get(&ty)?;
        match id_key(src, span) {
            Some(name) => fields.iter().find(|(x, _)| x.as_deref() == Some(name.as_ref())).map(|x| x.1),
            None => fields.get(literals::parse_u32(span.text(src))? as usize).map(|x| x.1),
        }
    }

    /// The index and defining field of the entity of `space` defined at `def`.
    pub fn entity_of(&self, space: IndexSpace, def: Span) -> Option<(u32, u32)> {
        let defs = self.space(space);
        defs.list.iter().position(|(s, _)| *s == def).map(|i| (i as u32, defs.fields[i]))
    }
}

/// The name an id token stands for (without `$`, escapes decoded); `None` for a number.
fn id_key(src: &str, span: Span) -> Option<Cow<'_, str>> {
    let text = span.text(src);
    let rest = text.strip_prefix('$')?;
    Some(literals::decode_id(text).unwrap_or(Cow::Borrowed(rest)))
}

/// One index space: names to indices, and how many entries there are.
#[derive(Clone, Default)]
struct Space<'s> {
    names: HashMap<Cow<'s, str>, (u32, Span)>,
    count: u32,
}

/// A function signature as resolved value types (for matching inline type uses): each value type
/// with its spans left out, so that types written differently but resolving alike compare equal.
type SigKey = (Vec<ValKey>, Vec<ValKey>);

/// A value type without spans: its kind, and for reference types nullability and heap type
/// (abstract: `shared` and which; concrete or exact: the resolved index).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum ValKey {
    Num(u8),
    Ref { nullable: bool, heap: HeapKey },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum HeapKey {
    Abstract { shared: bool, ty: AbsHeap },
    Concrete(u32),
    Exact(u32),
}

fn val_key(t: &ValType) -> ValKey {
    match t {
        ValType::I32 => ValKey::Num(0),
        ValType::I64 => ValKey::Num(1),
        ValType::F32 => ValKey::Num(2),
        ValType::F64 => ValKey::Num(3),
        ValType::V128 => ValKey::Num(4),
        ValType::Ref(r) => ValKey::Ref {
            nullable: r.nullable,
            heap: match r.heap {
                HeapType::Abstract { shared, ty } => HeapKey::Abstract { shared, ty },
                HeapType::Concrete(i) => HeapKey::Concrete(i.num),
                HeapType::Exact(i) => HeapKey::Exact(i.num),
            },
        },
    }
}

#[derive(Clone)]
struct Resolver<'s> {
    src: &'s str,
    diags: Vec<Diagnostic>,
    spaces: [Space<'s>; 8],
    /// Function types by type index (explicit ones and implicit ones), `None` for non-function types.
    type_sigs: Vec<Option<FuncType>>,
    /// Field names per type index.
    field_names: HashMap<u32, HashMap<Cow<'s, str>, u32>>,
    /// Signature → first type index, for inline type uses.
    sig_to_type: HashMap<SigKey, u32>,
    implicit: Vec<FuncType>,
    /// Set when a type use resolves to an implicit type.
    used_implicit: bool,
    /// Whether the expressions of defined functions are resolved with their fields.
    bodies: bool,
    /// The definitions found by `collect`, and the field it is at (index and span).
    definitions: Definitions,
    at_field: (u32, Span),
}

/// Resolves all ids in `module`; returns what the encoder needs and the diagnostics.
pub fn resolve(src: &str, module: &mut Module) -> (Resolved, Vec<Diagnostic>) {
    let (resolved, diags, _) = resolve_keeping(src, module);
    (resolved, diags)
}

/// [`resolve`], keeping the index spaces for function bodies that were held apart from the
/// module (see [`BodyResolver`]).
pub fn resolve_keeping<'s>(src: &'s str, module: &mut Module) -> (Resolved, Vec<Diagnostic>, BodyResolver<'s>) {
    resolve_with(src, module, true)
}

/// [`resolve_keeping`] without the expressions of the defined functions: everything else (their
/// types and locals included) is resolved, and each expression is left to the [`BodyResolver`].
/// What a body's resolution finds does not depend on the other bodies, unless it uses an
/// implicit type ([`BodyResolution::uses_implicit_type`]).
pub fn resolve_skeleton<'s>(src: &'s str, module: &mut Module) -> (Resolved, Vec<Diagnostic>, BodyResolver<'s>) {
    resolve_with(src, module, false)
}

fn resolve_with<'s>(src: &'s str, module: &mut Module, bodies: bool) -> (Resolved, Vec<Diagnostic>, BodyResolver<'s>) {
    let mut r = Resolver {
        src,
        diags: Vec::new(),
        spaces: Default::default(),
        type_sigs: Vec::new(),
        field_names: HashMap::default(),
        sig_to_type: HashMap::default(),
        implicit: Vec::new(),
        used_implicit: false,
        bodies,
        definitions: Definitions::default(),
        at_field: (0, Span::default()),
    };
    r.collect(module);
    r.resolve_types(module);
    let explicit_type_count = r.type_sigs.len() as u32;
    let mut func_types = Vec::new();
    // Imports first, then definitions: the text format requires imports to come first, which
    // `collect` has checked, so field order is index order.
    for field in &mut module.fields {
        r.resolve_field(field, &mut func_types);
    }
    let definitions = std::mem::take(&mut r.definitions);
    let resolved = Resolved { implicit_types: r.implicit.clone(), explicit_type_count, func_types, definitions };
    let diags = std::mem::take(&mut r.diags);
    (resolved, diags, BodyResolver { r })
}

/// Resolves function bodies that were parsed apart from their module, after the module was
/// resolved (by [`resolve_keeping`]). Clones resolve on several threads.
#[derive(Clone)]
pub struct BodyResolver<'s> {
    r: Resolver<'s>,
}

/// What the resolution of one function body found.
#[derive(Clone, Debug, Default)]
pub struct BodyResolution {
    /// Its diagnostics, in the order a resolution of the whole module gives them.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether it uses an implicit type (a type use with an inline signature and no `(type ...)`
    /// that no explicit type matches): that type's index depends on where its first use stands
    /// among all the module's type uses, which only a resolution of the whole tree in text
    /// order sees.
    pub uses_implicit_type: bool,
}

impl BodyResolver<'_> {
    /// Resolves `body`, the expression of the defined function `f`. `false` when that gives a
    /// diagnostic or uses an implicit type (see [`BodyResolution`]).
    pub fn resolve_body(&mut self, f: &Func, body: &mut Expr) -> bool {
        let found = self.resolve_body_reporting(f, body);
        !found.uses_implicit_type && found.diagnostics.is_empty()
    }

    /// Resolves `body`, the expression of the defined function `f`, and says what it found.
    pub fn resolve_body_reporting(&mut self, f: &Func, body: &mut Expr) -> BodyResolution {
        let before = self.r.diags.len();
        self.r.used_implicit = false;
        self.r.body(&f.ty, &f.locals, body);
        BodyResolution { diagnostics: self.r.diags.split_off(before), uses_implicit_type: self.r.used_implicit }
    }
}

impl<'s> Resolver<'s> {
    fn id_name(&mut self, span: Span) -> Cow<'s, str> {
        let text = span.text(self.src);
        literals::decode_id(text).unwrap_or(Cow::Borrowed(&text[1..]))
    }

    fn space(&mut self, ns: IndexSpace) -> &mut Space<'s> {
        &mut self.spaces[ns.slot()]
    }

    /// Adds an entry to a space, binding its id.
    fn define(&mut self, ns: IndexSpace, id: Option<Id>) -> u32 {
        let index = self.space(ns).count;
        self.space(ns).count += 1;
        let (field, field_span) = self.at_field;
        let defs = &mut self.definitions.spaces[ns.slot()];
        defs.list.push(id.map_or((field_span, false), |id| (id.span, true)));
        defs.fields.push(field);
        if let Some(id) = id {
            let name = self.id_name(id.span);
            self.definitions.spaces[ns.slot()].names.entry(name.to_string()).or_insert((index, id.span));
            if let Some(&(_, first)) = self.space(ns).names.get(&name) {
                self.diags.push(
                    Diagnostic::error(id.span, format!("duplicate {} id `{}`", ns.describe(), id.span.text(self.src)))
                        .with_label("defined again here")
                        .with_secondary(first, "first defined here"),
                );
            } else {
                self.space(ns).names.insert(name, (index, id.span));
            }
        }
        index
    }

    /// Fills in an index of space `ns`.
    fn index(&mut self, ns: IndexSpace, index: &mut Index) {
        if !index.is_id(self.src) {
            return;
        }
        let name = self.id_name(index.span);
        match self.space(ns).names.get(&name) {
            Some(&(n, _)) => index.num = n,
            None => {
                let text = index.span.text(self.src);
                // (The pipeline adds "did you mean" to the first of these: see `pipeline::suggest_ids`.)
                self.diags.push(
                    Diagnostic::error(index.span, format!("unknown {} `{text}`", ns.describe()))
                        .with_label(format!("no {} has this id", ns.describe())),
                );
                index.num = Index::UNRESOLVED;
            }
        }
    }

    // ----- pass 1: index spaces

    fn collect(&mut self, module: &Module) {
        let mut first_def: [Option<Span>; 8] = [None; 8];
        let mut start: Option<Span> = None;
        for (i, field) in module.fields.iter().enumerate() {
            self.at_field = (i as u32, field.span());
            match field {
                ModuleField::Start(s) => {
                    if let Some(first) = start {
                        self.diags.push(
                            Diagnostic::error(s.span, "multiple start sections")
                                .with_label("a module has at most one `(start ...)`")
                                .with_secondary(first, "first start here"),
                        );
                    }
                    start.get_or_insert(s.span);
                }
                ModuleField::Types(g) => {
                    for t in &g.types {
                        self.at_field.1 = t.span;
                        let index = self.define(IndexSpace::Type, t.id);
                        if let CompositeKind::Struct(fields) = &t.ty.composite.kind {
                            let src = self.src;
                            let named = |f: &FieldType| {
                                (
                                    f.id.and_then(|id| id_key(src, id.span)).map(String::from),
                                    f.id.map_or(f.span, |id| id.span),
                                )
                            };
                            self.definitions.struct_fields.insert(index, fields.iter().map(named).collect());
                        }
                    }
                }
                ModuleField::Import(i) => {
                    let (ns, id) = match &i.item {
                        ImportItem::Func(f) => (IndexSpace::Func, f.header.id),
                        ImportItem::Table(t) => (IndexSpace::Table, t.header.id),
                        ImportItem::Memory(m) => (IndexSpace::Memory, m.header.id),
                        ImportItem::Global(g) => (IndexSpace::Global, g.header.id),
                        ImportItem::Tag(t) => (IndexSpace::Tag, t.header.id),
                    };
                    self.check_import_order(ns, i.span, &first_def);
                    self.define(ns, id);
                }
                ModuleField::Func(f) => self.define_entity(IndexSpace::Func, &f.header, f.span, &mut first_def),
                ModuleField::Table(t) => {
                    self.define_entity(IndexSpace::Table, &t.header, t.span, &mut first_def);
                    if matches!(t.init, TableInit::Elems(_)) {
                        self.define(IndexSpace::Elem, None);
                    }
                }
                ModuleField::Memory(m) => {
                    self.define_entity(IndexSpace::Memory, &m.header, m.span, &mut first_def);
                    if m.inline_data.is_some() {
                        self.define(IndexSpace::Data, None);
                    }
                }
                ModuleField::Global(g) => self.define_entity(IndexSpace::Global, &g.header, g.span, &mut first_def),
                ModuleField::Tag(t) => self.define_entity(IndexSpace::Tag, &t.header, t.span, &mut first_def),
                ModuleField::Elem(e) => {
                    self.define(IndexSpace::Elem, e.id);
                }
                ModuleField::Data(d) => {
                    self.define(IndexSpace::Data, d.id);
                }
                _ => {}
            }
        }
    }

    fn define_entity(&mut self, ns: IndexSpace, h: &EntityHeader, span: Span, first_def: &mut [Option<Span>; 8]) {
        if h.import.is_some() {
            self.check_import_order(ns, span, first_def);
        } else {
            for slot in first_def.iter_mut() {
                slot.get_or_insert(span);
            }
            first_def[ns as usize].get_or_insert(span);
        }
        self.define(ns, h.id);
    }

    fn check_import_order(&mut self, _ns: IndexSpace, span: Span, first_def: &[Option<Span>; 8]) {
        if let Some(def) = first_def.iter().flatten().next() {
            self.diags.push(
                Diagnostic::error(span, "import after a definition")
                    .with_label("imports must come before all function, table, memory, global and tag definitions")
                    .with_secondary(*def, "first definition"),
            );
        }
    }

    // ----- types

    fn resolve_types(&mut self, module: &mut Module) {
        let mut next = 0u32;
        for field in &mut module.fields {
            let ModuleField::Types(g) = field else {
                continue;
            };
            for t in &mut g.types {
                if let Some(s) = &mut t.ty.supertype {
                    self.index(IndexSpace::Type, s);
                }
                let c = &mut t.ty.composite;
                if let Some(d) = &mut c.descriptor {
                    self.index(IndexSpace::Type, d);
                }
                if let Some(d) = &mut c.describes {
                    self.index(IndexSpace::Type, d);
                }
                match &mut c.kind {
                    CompositeKind::Func(ft) => {
                        self.func_type(ft);
                        let key = sig_key(ft);
                        if !g.explicit {
                            self.sig_to_type.entry(key).or_insert(next);
                        }
                        self.type_sigs.push(Some(ft.clone()));
                    }
                    CompositeKind::Struct(fields) => {
                        let mut names = HashMap::default();
                        for (i, f) in fields.iter_mut().enumerate() {
                            self.storage_type(&mut f.ty);
                            if let Some(id) = f.id {
                                let name = self.id_name(id.span);
                                if names.insert(name, i as u32).is_some() {
                                    self.diags.push(Diagnostic::error(
                                        id.span,
                                        format!("duplicate field id `{}`", id.span.text(self.src)),
                                    ));
                                }
                            }
                        }
                        self.field_names.insert(next, names);
                        self.type_sigs.push(None);
                    }
                    CompositeKind::Array(f) => {
                        self.storage_type(&mut f.ty);
                        self.type_sigs.push(None);
                    }
                    CompositeKind::Cont(i) => {
                        self.index(IndexSpace::Type, i);
                        self.type_sigs.push(None);
                    }
                }
                next += 1;
            }
        }
    }

    fn func_type(&mut self, ft: &mut FuncType) {
        for p in ft.params.iter_mut().chain(ft.results.iter_mut()) {
            self.valtype(&mut p.ty);
        }
    }

    fn storage_type(&mut self, t: &mut StorageType) {
        if let StorageType::Val(v) = t {
            self.valtype(v);
        }
    }

    fn valtype(&mut self, t: &mut ValType) {
        if let ValType::Ref(r) = t {
            self.heap_type(&mut r.heap);
        }
    }

    fn heap_type(&mut self, h: &mut HeapType) {
        match h {
            HeapType::Concrete(i) | HeapType::Exact(i) => self.index(IndexSpace::Type, i),
            HeapType::Abstract { .. } => {}
        }
    }

    /// Resolves a type use, adding an implicit type when needed; returns the type index.
    fn type_use(&mut self, tu: &mut TypeUse) -> u32 {
        if let Some(inline) = &mut tu.inline {
            self.func_type(inline);
        }
        let index = match &mut tu.index {
            Some(i) => {
                self.index(IndexSpace::Type, i);
                let n = i.num;
                if let Some(inline) = &tu.inline {
                    let matches = match self.type_sigs.get(n as usize) {
                        Some(Some(ft)) => sig_key(ft) == sig_key(inline),
                        _ => true, // Validation reports a non-function or missing type.
                    };
                    if !matches {
                        self.diags.push(
                            Diagnostic::error(tu.span, "inline function type does not match the type index")
                                .with_label(format!("type {n} has a different signature")),
                        );
                    }
                }
                n
            }
            None => {
                let ft = tu.inline.clone().unwrap_or_default();
                self.implicit_type(ft)
            }
        };
        tu.resolved = index;
        index
    }

    fn implicit_type(&mut self, mut ft: FuncType) -> u32 {
        let key = sig_key(&ft);
        if let Some(&n) = self.sig_to_type.get(&key) {
            self.used_implicit |= n as usize >= self.type_sigs.len() - self.implicit.len();
            return n;
        }
        self.used_implicit = true;
        for p in &mut ft.params {
            p.id = None;
        }
        let n = self.type_sigs.len() as u32;
        self.type_sigs.push(Some(ft.clone()));
        self.implicit.push(ft);
        self.sig_to_type.insert(key, n);
        n
    }

    /// The parameters of a type use: inline ones, or those of the referenced type.
    fn params_of(&self, tu: &TypeUse) -> Vec<Param> {
        match &tu.inline {
            Some(ft) => ft.params.clone(),
            None => match self.type_sigs.get(tu.resolved as usize) {
                Some(Some(ft)) => ft.params.iter().map(|p| Param { id: None, ..*p }).collect(),
                _ => Vec::new(),
            },
        }
    }

    // ----- fields

    fn resolve_field(&mut self, field: &mut ModuleField, func_types: &mut Vec<u32>) {
        match field {
            ModuleField::Types(_) => {}
            ModuleField::Import(i) => match &mut i.item {
                ImportItem::Func(f) => func_types.push(self.type_use(&mut f.ty)),
                ImportItem::Tag(t) => {
                    self.type_use(&mut t.ty);
                }
                ImportItem::Table(t) => self.valtype_ref(&mut t.ty.elem),
                ImportItem::Global(g) => self.valtype(&mut g.ty.ty),
                ImportItem::Memory(_) => {}
            },
            ModuleField::Func(f) => {
                func_types.push(self.type_use(&mut f.ty));
                if f.header.import.is_none() {
                    self.func_body(f);
                }
            }
            ModuleField::Table(t) => {
                self.valtype_ref(&mut t.ty.elem);
                match &mut t.init {
                    TableInit::None => {}
                    TableInit::Expr(e) => self.expr(e, &mut Locals::default()),
                    TableInit::Elems(items) => self.elem_items(items),
                }
            }
            ModuleField::Memory(m) => {
                if let Some(items) = &m.inline_data {
                    self.item_labels(items);
                }
            }
            ModuleField::Global(g) => {
                self.valtype(&mut g.ty.ty);
                self.expr(&mut g.init, &mut Locals::default());
            }
            ModuleField::Tag(t) => {
                self.type_use(&mut t.ty);
            }
            ModuleField::Export(e) => {
                let ns = e.kind.space();
                self.index(ns, &mut e.index);
            }
            ModuleField::Start(s) => self.index(IndexSpace::Func, &mut s.func),
            ModuleField::Elem(e) => {
                if let ElemMode::Active { table, offset } = &mut e.mode {
                    if let Some(t) = table {
                        self.index(IndexSpace::Table, t);
                    }
                    self.expr(offset, &mut Locals::default());
                }
                self.elem_items(&mut e.items);
            }
            ModuleField::Data(d) => {
                if let DataMode::Active { memory, offset } = &mut d.mode {
                    self.index(IndexSpace::Memory, memory);
                    self.expr(offset, &mut Locals::default());
                }
                self.item_labels(&d.items);
            }
            ModuleField::Custom(c) => self.item_labels(&c.items),
            ModuleField::Comdat(_) | ModuleField::DataImport(_) | ModuleField::Unknown(_) => {}
        }
    }

    fn valtype_ref(&mut self, r: &mut RefType) {
        self.heap_type(&mut r.heap);
    }

    fn elem_items(&mut self, items: &mut ElemItems) {
        match items {
            ElemItems::Funcs(fs) => {
                for f in fs {
                    self.index(IndexSpace::Func, f);
                }
            }
            ElemItems::Exprs(ty, exprs) => {
                self.valtype_ref(ty);
                for e in exprs {
                    self.expr(e, &mut Locals::default());
                }
            }
        }
    }

    fn func_body(&mut self, f: &mut Func) {
        for l in &mut f.locals {
            self.valtype(&mut l.ty);
        }
        if self.bodies {
            self.body(&f.ty, &f.locals, &mut f.body);
        }
    }

    /// A function's expression, with the function's parameters and locals in scope.
    fn body(&mut self, ty: &TypeUse, locals: &[Local], body: &mut Expr) {
        let mut scope = Locals::default();
        let params = self.params_of(ty);
        for p in params.iter().map(|p| p.id).chain(locals.iter().map(|l| l.id)) {
            scope.define(self, p);
        }
        self.expr(body, &mut scope);
    }

    fn expr(&mut self, e: &mut Expr, locals: &mut Locals<'s>) {
        let mut labels: Vec<Option<Id>> = Vec::new();
        let mut sym_labels: Vec<Id> = Vec::new();
        for instr in &mut e.instrs {
            match &mut instr.kind {
                InstrKind::Op(id, imm) => self.instr(*id, imm, instr.span, locals, &mut labels),
                InstrKind::Label(l) => self.sym_label(&mut sym_labels, *l),
            }
        }
    }

    /// A `(@sym.label $l)`: unique in its function, data segment or custom section (A8).
    fn sym_label(&mut self, seen: &mut Vec<Id>, label: Id) {
        if let Some(first) = seen.iter().find(|l| same_id(self.src, l.span, label.span)) {
            self.diags.push(
                Diagnostic::error(label.span, format!("duplicate label id `{}`", label.span.text(self.src)))
                    .with_label("defined again here")
                    .with_secondary(first.span, "first defined here"),
            );
        } else {
            seen.push(label);
        }
    }

    /// The labels among the contents of a data segment or custom section.
    fn item_labels(&mut self, items: &[DataItem]) {
        let mut seen = Vec::new();
        for item in items {
            if let DataItem::Label(l, _) = item {
                self.sym_label(&mut seen, *l);
            }
        }
    }

    fn label(&mut self, labels: &[Option<Id>], index: &mut Index) {
        if !index.is_id(self.src) {
            return;
        }
        let name = index.span.text(self.src);
        let found = labels.iter().rev().position(|l| l.is_some_and(|l| same_id(self.src, l.span, index.span)));
        match found {
            Some(depth) => index.num = depth as u32,
            None => {
                self.diags.push(
                    Diagnostic::error(index.span, format!("unknown label `{name}`"))
                        .with_label("no enclosing block has this label"),
                );
                index.num = Index::UNRESOLVED;
            }
        }
    }

    fn instr(&mut self, id: InstrId, imm: &mut Imm, span: Span, locals: &mut Locals<'s>, labels: &mut Vec<Option<Id>>) {
        let info = id.info();
        match (info.imm, imm) {
            (ImmKind::Block, Imm::Block(bt)) => {
                self.block_type(bt);
                labels.push(bt.label);
            }
            (ImmKind::TryTable, Imm::TryTable(b)) => {
                let (bt, clauses) = &mut **b;
                self.block_type(bt);
                for c in clauses.iter_mut() {
                    if let Some(t) = &mut c.tag {
                        self.index(IndexSpace::Tag, t);
                    }
                    self.label(labels, &mut c.label);
                }
                labels.push(bt.label);
            }
            (ImmKind::EndLabel, Imm::EndLabel(end_label)) => {
                let open = labels.last().copied().flatten();
                if let Some(l) = end_label {
                    let ok = open.is_some_and(|o| same_id(self.src, o.span, l.span));
                    if !ok {
                        self.diags.push(
                            Diagnostic::error(l.span, format!("mismatching label `{}`", l.span.text(self.src)))
                                .with_label("does not match the label of the enclosing block"),
                        );
                    }
                }
                if info.name == "end" {
                    // An `end` with no open block closes the body: validation reports extra ones.
                    labels.pop();
                }
            }
            (ImmKind::Label, Imm::Index(i)) => {
                if info.name == "delegate" {
                    labels.pop();
                }
                self.label(labels, i)
            }
            (ImmKind::BrTable, Imm::BrTable(ls)) => {
                for l in ls {
                    self.label(labels, l);
                }
            }
            (ImmKind::BrOnCast, Imm::BrOnCast(b)) => {
                let (l, a, c) = &mut **b;
                self.label(labels, l);
                self.valtype_ref(a);
                self.valtype_ref(c);
            }
            (ImmKind::Func, Imm::Index(i)) => self.index(IndexSpace::Func, i),
            (ImmKind::Type, Imm::Index(i)) => self.index(IndexSpace::Type, i),
            (ImmKind::Local, Imm::Index(i)) => locals.resolve(self, i),
            (ImmKind::Global, Imm::Index(i)) => self.index(IndexSpace::Global, i),
            (ImmKind::Tag | ImmKind::Catch, Imm::Index(i)) => self.index(IndexSpace::Tag, i),
            (ImmKind::Elem, Imm::Index(i)) => self.index(IndexSpace::Elem, i),
            (ImmKind::Data, Imm::Index(i)) => self.index(IndexSpace::Data, i),
            (ImmKind::Table, Imm::Index(i)) => self.index(IndexSpace::Table, i),
            (ImmKind::Memory, Imm::Index(i)) => self.index(IndexSpace::Memory, i),
            (ImmKind::TableCopy, Imm::Index2(a, b)) => {
                self.index(IndexSpace::Table, a);
                self.index(IndexSpace::Table, b);
            }
            (ImmKind::MemoryCopy, Imm::Index2(a, b)) => {
                self.index(IndexSpace::Memory, a);
                self.index(IndexSpace::Memory, b);
            }
            (ImmKind::TableInit, Imm::Index2(a, b)) => {
                self.index(IndexSpace::Table, a);
                self.index(IndexSpace::Elem, b);
            }
            (ImmKind::MemoryInit, Imm::Index2(a, b)) => {
                self.index(IndexSpace::Memory, a);
                self.index(IndexSpace::Data, b);
            }
            (ImmKind::TypeField, Imm::Index2(t, f)) => {
                self.index(IndexSpace::Type, t);
                if f.is_id(self.src) {
                    let name = self.id_name(f.span);
                    match self.field_names.get(&t.num).and_then(|m| m.get(&name)) {
                        Some(&n) => f.num = n,
                        None => {
                            self.diags.push(
                                Diagnostic::error(f.span, format!("unknown field `{}`", f.span.text(self.src)))
                                    .with_label(format!("type {} has no field with this id", t.num)),
                            );
                            f.num = 0;
                        }
                    }
                }
            }
            (ImmKind::TypeData, Imm::Index2(t, d)) => {
                self.index(IndexSpace::Type, t);
                self.index(IndexSpace::Data, d);
            }
            (ImmKind::TypeElem, Imm::Index2(t, e)) => {
                self.index(IndexSpace::Type, t);
                self.index(IndexSpace::Elem, e);
            }
            (ImmKind::TypeType, Imm::Index2(a, b)) => {
                self.index(IndexSpace::Type, a);
                self.index(IndexSpace::Type, b);
            }
            (ImmKind::TypeCount, Imm::TypeCount(t, _)) => self.index(IndexSpace::Type, t),
            (ImmKind::CallIndirect, Imm::CallIndirect(b)) => {
                let (table, tu) = &mut **b;
                self.index(IndexSpace::Table, table);
                self.type_use(tu);
            }
            (ImmKind::MemArg(_), Imm::MemArg(m)) | (ImmKind::MemArgLane(_), Imm::MemArgLane(m, _)) => {
                self.index(IndexSpace::Memory, &mut m.memory)
            }
            (ImmKind::Select, Imm::Select(Some(ts))) => {
                for t in ts {
                    self.valtype(t);
                }
            }
            (ImmKind::HeapType, Imm::HeapType(h)) => self.heap_type(h),
            (ImmKind::RefType, Imm::RefType(r)) => self.valtype_ref(r),
            (_, _) => {
                let _ = span;
            }
        }
    }

    fn block_type(&mut self, bt: &mut BlockType) {
        let tu = &mut bt.ty;
        if tu.index.is_some() {
            self.type_use(tu);
            return;
        }
        match &mut tu.inline {
            None => tu.resolved = u32::MAX,
            Some(ft) if ft.params.is_empty() && ft.results.len() <= 1 => {
                self.func_type(ft);
                tu.resolved = u32::MAX;
            }
            Some(_) => {
                self.type_use(tu);
            }
        }
    }
}

/// Locals of one function: ids to indices.
#[derive(Default)]
struct Locals<'s> {
    names: HashMap<Cow<'s, str>, u32>,
    count: u32,
}

impl<'s> Locals<'s> {
    fn define(&mut self, r: &mut Resolver<'s>, id: Option<Id>) {
        if let Some(id) = id {
            let name = r.id_name(id.span);
            if self.names.insert(name, self.count).is_some() {
                r.diags.push(
                    Diagnostic::error(id.span, format!("duplicate local id `{}`", id.span.text(r.src)))
                        .with_label("defined again here"),
                );
            }
        }
        self.count += 1;
    }

    fn resolve(&mut self, r: &mut Resolver<'s>, index: &mut Index) {
        if !index.is_id(r.src) {
            return;
        }
        let name = r.id_name(index.span);
        match self.names.get(&name) {
            Some(&n) => index.num = n,
            None => {
                r.diags.push(
                    Diagnostic::error(index.span, format!("unknown local `{}`", index.span.text(r.src)))
                        .with_label("no parameter or local has this id"),
                );
                index.num = Index::UNRESOLVED;
            }
        }
    }
}

/// Whether two id tokens name the same id (`$a` and `$"a"` do).
pub(crate) fn same_id(src: &str, a: Span, b: Span) -> bool {
    let (ta, tb) = (a.text(src), b.text(src));
    ta == tb || literals::decode_id(ta).ok() == literals::decode_id(tb).ok()
}

/// Signatures compare by resolved types, not by how indices were written.
fn sig_key(ft: &FuncType) -> SigKey {
    (ft.params.iter().map(|p| val_key(&p.ty)).collect(), ft.results.iter().map(|p| val_key(&p.ty)).collect())
}

/// The mnemonic of a row, for messages.
pub fn mnemonic(id: InstrId) -> &'static str {
    instructions::INSTRUCTIONS[id.0 as usize].name
}
