//! The symbol table: primary symbols of functions, globals, tables and tags, extra symbols from
//! `(@sym $name ...)`, data symbols in data strings, data imports, GOT entries and section
//! symbols, with the rules of decisions.md B1–B10.

use super::{Lowering, flags};
use crate::ast::*;
use crate::diagnostic::Label;
pub use crate::kinds::{EntityKind, SymbolKind};
use crate::literals;
use crate::span::Span;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;

/// Where a data symbol's bytes are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataDef {
    /// In a segment.
    Segment {
        /// Segment index.
        segment: u32,
        /// Offset in the segment.
        offset: u64,
        /// Size in bytes.
        size: u64,
    },
    /// At an absolute address (B8).
    Absolute {
        /// The address.
        offset: u64,
        /// Size in bytes.
        size: u64,
    },
}

/// One symbol-table entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    /// Kind.
    pub kind: SymbolKind,
    /// Name in the object.
    pub name: String,
    /// `WASM_SYM_*` flags.
    pub flags: u32,
    /// Entity index (function, global, table, tag) or section index.
    pub index: u32,
    /// For defined data symbols.
    pub data: Option<DataDef>,
    /// Where it is declared.
    pub span: Span,
    /// The id that names it in the text (for a primary symbol, its entity's id).
    pub id: Option<Span>,
}

impl Symbol {
    /// Segment, offset and size of a data symbol defined in a segment.
    pub fn data_def(&self) -> Option<(u32, u64, u64)> {
        match self.data {
            Some(DataDef::Segment { segment, offset, size }) => Some((segment, offset, size)),
            _ => None,
        }
    }

    /// Whether the symbol is undefined.
    pub fn is_undefined(&self) -> bool {
        self.flags & flags::UNDEFINED != 0
    }
}

/// The symbols being built, and the ways to find them.
#[derive(Default)]
pub(crate) struct SymbolTable {
    pub(crate) symbols: Vec<Symbol>,
    /// (kind, entity index) → primary symbol.
    primaries: HashMap<(EntityKind, u32), u32>,
    /// Per symbol kind: id name → symbol, for `(@reloc $x)`.
    names: [HashMap<String, u32>; 6],
    /// Global index of a `GOT.mem`/`GOT.func` import → the symbol its entry refers to.
    got: HashMap<u32, u32>,
    /// Section index → its section symbol.
    sections: HashMap<u32, u32>,
    /// (comdat member (kind, index), comdat reference, qualifier span).
    pub(crate) comdat_members: Vec<((u8, u32), Index, Span)>,
    /// Memberships of comdats named by their names (rwat's spelling, D12): (member, name, span).
    pub(crate) comdats_by_name: Vec<((u8, u32), String, Span)>,
    /// Init functions: (priority, symbol).
    pub(crate) init_funcs: Vec<(u32, u32)>,
    /// Ids of data symbols whose declaration has an error (and so no symbol): their uses are
    /// not reported again as unknown.
    failed: std::collections::HashSet<String>,
}

impl SymbolTable {
    fn push(&mut self, s: Symbol) -> u32 {
        self.symbols.push(s);
        self.symbols.len() as u32 - 1
    }

    /// The symbol named by `target` (an id of the kind's namespace, or an entity's number).
    pub(crate) fn lookup_symbol(&self, src: &str, kind: SymbolKind, entity: EntityKind, target: &Index) -> Option<u32> {
        if target.is_id(src) {
            self.names[kind as usize].get(id_key(src, target.span).as_ref()).copied()
        } else if kind.entity_kind() == Some(entity) {
            self.primaries.get(&(entity, target.num)).copied()
        } else {
            None
        }
    }

    /// Another kind of symbol with the same id, for "wrong kind" messages.
    pub(crate) fn any_kind(&self, src: &str, target: &Index) -> Option<SymbolKind> {
        if !target.is_id(src) {
            return None;
        }
        let name = id_key(src, target.span);
        [SymbolKind::Function, SymbolKind::Data, SymbolKind::Global, SymbolKind::Tag, SymbolKind::Table]
            .into_iter()
            .find(|k| self.names[*k as usize].contains_key(name.as_ref()))
    }

    /// Every symbol (of any kind but section) whose id is `target`.
    pub(crate) fn lookup_any(&self, src: &str, target: &Index) -> Vec<u32> {
        if !target.is_id(src) {
            return Vec::new();
        }
        let name = id_key(src, target.span);
        self.names.iter().filter_map(|names| names.get(name.as_ref()).copied()).collect()
    }

    /// Whether `target` is the id of a data symbol whose declaration has an error.
    pub(crate) fn declared_with_error(&self, src: &str, target: &Index) -> bool {
        target.is_id(src) && self.failed.contains(id_key(src, target.span).as_ref())
    }

    /// The primary symbol of an entity.
    pub(crate) fn primary(&self, kind: EntityKind, index: u32) -> Option<u32> {
        self.primaries.get(&(kind, index)).copied()
    }

    /// For a GOT import, the symbol its entry refers to.
    pub(crate) fn got_target(&self, global: u32) -> Option<u32> {
        self.got.get(&global).copied()
    }
}

/// An id's name without `$` (quoted ids decoded), borrowed when it can be.
fn id_key(src: &str, span: Span) -> Cow<'_, str> {
    let text = span.text(src);
    literals::decode_id(text).unwrap_or_else(|_| Cow::Borrowed(text.trim_start_matches('$')))
}

/// An id's name without `$` (quoted ids decoded).
fn id_name(src: &str, span: Span) -> String {
    let text = span.text(src);
    literals::decode_id(text).map(|c| c.into_owned()).unwrap_or_else(|_| text.trim_start_matches('$').to_string())
}

/// What a declaration site of symbols is.
struct Decl<'a> {
    kind: EntityKind,
    index: u32,
    id: Option<Id>,
    syms: &'a [SymAnnot],
    /// Module and field of an import.
    import: Option<(&'a str, &'a str)>,
    exported: bool,
    span: Span,
    /// For functions: whether it has (parameters, results): wasm-ld refuses either on an init
    /// function.
    sig: (bool, bool),
}

impl<'a> Lowering<'a> {
    pub(crate) fn collect_symbols(&mut self) {
        let module = self.module;
        let exported = exported_entities(module);
        let mut next = [0u32; 4];
        let mut got: Vec<(u32, &str, &str, Span)> = Vec::new();
        let mut decls: Vec<Decl> = Vec::new();
        let idx = |k: EntityKind| k as usize;
        let add = |decls: &mut Vec<Decl<'a>>,
                   next: &mut [u32; 4],
                   kind,
                   h: &'a EntityHeader,
                   import: Option<(&'a str, &'a str)>,
                   span,
                   sig: (bool, bool)| {
            let index = next[idx(kind)];
            next[idx(kind)] += 1;
            let exported = !h.exports.is_empty() || exported.contains(&(kind, index));
            decls.push(Decl { kind, index, id: h.id, syms: &h.syms, import, exported, span, sig });
            index
        };
        for f in &module.fields {
            match f {
                ModuleField::Import(i) => {
                    let imp = Some((i.module.as_str(), i.field.as_str()));
                    match &i.item {
                        ImportItem::Func(func) => {
                            let sig = self.signature_shape(&func.ty);
                            add(&mut decls, &mut next, EntityKind::Func, &func.header, imp, i.span, sig);
                        }
                        ImportItem::Global(g) => {
                            let index =
                                add(&mut decls, &mut next, EntityKind::Global, &g.header, imp, i.span, (false, false));
                            if matches!(i.module.as_str(), "GOT.mem" | "GOT.func") {
                                got.push((index, i.module.as_str(), i.field.as_str(), i.span));
                                decls.last_mut().expect("pushed").import = None;
                                decls.pop();
                            }
                        }
                        ImportItem::Table(t) => {
                            add(&mut decls, &mut next, EntityKind::Table, &t.header, imp, i.span, (false, false));
                        }
                        ImportItem::Tag(t) => {
                            add(&mut decls, &mut next, EntityKind::Tag, &t.header, imp, i.span, (false, false));
                        }
                        ImportItem::Memory(m) => self.no_memory_symbols(&m.header),
                    }
                }
                ModuleField::Func(func) => {
                    let imp = func.header.import.as_ref().map(|i| (i.module.as_str(), i.field.as_str()));
                    let sig = self.signature_shape(&func.ty);
                    add(&mut decls, &mut next, EntityKind::Func, &func.header, imp, func.span, sig);
                }
                ModuleField::Global(g) => {
                    let imp = g.header.import.as_ref().map(|i| (i.module.as_str(), i.field.as_str()));
                    let index = add(&mut decls, &mut next, EntityKind::Global, &g.header, imp, g.span, (false, false));
                    if let Some((m @ ("GOT.mem" | "GOT.func"), field)) = imp {
                        got.push((index, m, field, g.span));
                        decls.pop();
                    }
                }
                ModuleField::Table(t) => {
                    let imp = t.header.import.as_ref().map(|i| (i.module.as_str(), i.field.as_str()));
                    add(&mut decls, &mut next, EntityKind::Table, &t.header, imp, t.span, (false, false));
                }
                ModuleField::Tag(t) => {
                    let imp = t.header.import.as_ref().map(|i| (i.module.as_str(), i.field.as_str()));
                    add(&mut decls, &mut next, EntityKind::Tag, &t.header, imp, t.span, (false, false));
                }
                ModuleField::Memory(m) => self.no_memory_symbols(&m.header),
                _ => {}
            }
        }
        // Symbols in declaration order: entities and data imports by field, data symbols by segment.
        let mut decl_iter = decls.into_iter().peekable();
        let mut segment = 0usize;
        for f in &module.fields {
            match f {
                ModuleField::Import(_)
                | ModuleField::Func(_)
                | ModuleField::Global(_)
                | ModuleField::Table(_)
                | ModuleField::Tag(_) => {
                    while let Some(d) = decl_iter.next_if(|d| d.span.start <= f.span().start) {
                        self.entity_symbols(d);
                    }
                }
                ModuleField::Data(_) => {
                    self.data_symbols(segment);
                    segment += 1;
                }
                ModuleField::Memory(m) if m.inline_data.is_some() => {
                    self.data_symbols(segment);
                    segment += 1;
                }
                ModuleField::DataImport(s) => self.data_import(s),
                _ => {}
            }
        }
        for d in decl_iter {
            self.entity_symbols(d);
        }
        for (global, module_name, field, span) in got {
            self.got_entry(global, module_name, field, span);
        }
    }

    /// Whether a function's type has (parameters, results).
    fn signature_shape(&self, ty: &TypeUse) -> (bool, bool) {
        let shape = |ft: &FuncType| (!ft.params.is_empty(), !ft.results.is_empty());
        if let Some(ft) = &ty.inline {
            return shape(ft);
        }
        let mut n = 0;
        for f in &self.module.fields {
            if let ModuleField::Types(g) = f {
                for t in &g.types {
                    if n == ty.resolved {
                        return match &t.ty.composite.kind {
                            CompositeKind::Func(ft) => shape(ft),
                            _ => (false, false),
                        };
                    }
                    n += 1;
                }
            }
        }
        (false, false)
    }

    fn no_memory_symbols(&mut self, h: &EntityHeader) {
        for s in &h.syms {
            self.error(s.span, "memories have no symbols")
                .notes
                .push("note: wasm-ld links objects into one memory".into());
        }
    }

    /// The primary and extra symbols of a function, global, table or tag.
    fn entity_symbols(&mut self, d: Decl) {
        let primaries: Vec<&SymAnnot> = d.syms.iter().filter(|s| s.name.is_none()).collect();
        if primaries.len() > 1 {
            self.error(primaries[1].span, "an entity has one primary symbol; name the others: `(@sym $name ...)`")
                .secondary
                .push(Label { span: primaries[0].span, message: "the primary symbol".into() });
        }
        let none = primaries.iter().find(|s| s.none);
        if let Some(n) = none {
            if let Some(other) = d.syms.iter().find(|s| !s.none) {
                self.error(other.span, "`(@sym none)` gives the entity no symbols at all")
                    .secondary
                    .push(Label { span: n.span, message: "`(@sym none)` here".into() });
            }
            return;
        }
        let sym_kind = d.kind.symbol_kind();
        // The primary symbol (B1): only a definition with neither an id nor a `(name ...)` is
        // anonymous (local, hidden, empty name).
        let named = primaries.iter().any(|a| a.qualifiers.iter().any(|(q, _)| matches!(q, SymQualifier::Name(_))));
        let (mut name, mut f) = match (d.import, d.id) {
            (Some((_, field)), _) => (field.to_string(), flags::UNDEFINED),
            (None, Some(id)) => (id_name(self.src, id.span), 0),
            (None, None) if named => (String::new(), 0),
            (None, None) => (String::new(), flags::BINDING_LOCAL | flags::VISIBILITY_HIDDEN),
        };
        if d.exported {
            f |= flags::EXPORTED | flags::NO_STRIP;
        }
        let annot = primaries.first().copied();
        let span = annot.map_or(d.span, |a| a.span);
        let id = d.id.map(|i| i.span);
        let mut sym = Symbol { kind: sym_kind, name: String::new(), flags: f, index: d.index, data: None, span, id };
        if let Some(a) = annot {
            self.apply_qualifiers(a, &mut sym, &mut name, &d);
        }
        sym.name = name;
        let primary = self.syms.push(sym);
        self.syms.primaries.insert((d.kind, d.index), primary);
        if let Some(id) = d.id {
            self.syms.names[sym_kind as usize].insert(id_name(self.src, id.span), primary);
        }
        // Extra symbols (B2).
        for a in d.syms.iter().filter(|s| s.name.is_some()) {
            let id = a.name.expect("named");
            let mut name = id_name(self.src, id.span);
            let f = if d.import.is_some() { flags::UNDEFINED } else { 0 };
            let mut sym = Symbol {
                kind: sym_kind,
                name: String::new(),
                flags: f,
                index: d.index,
                data: None,
                span: a.span,
                id: Some(id.span),
            };
            // A duplicate id gets no symbol: checked before the qualifiers record anything of the
            // symbol (an init function entry names it by its index).
            let key = id_name(self.src, id.span);
            if let Some(&first) = self.syms.names[sym_kind as usize].get(&key) {
                let first = self.syms.symbols[first as usize].span;
                self.error(id.span, format!("duplicate {} symbol id `{}`", sym_kind.name(), id.span.text(self.src)))
                    .secondary
                    .push(Label { span: first, message: "first declared here".into() });
                continue;
            }
            self.apply_qualifiers(a, &mut sym, &mut name, &d);
            // An undefined symbol stores a name of its own only with EXPLICIT_NAME, which
            // `(name ...)` sets (B3): without it, the object names it by the import's field. The
            // format holds that (obj2wat prints such objects), but it is seldom what is meant.
            if let Some((_, field)) = d.import
                && sym.flags & flags::EXPLICIT_NAME == 0
                && name != field
            {
                let written = id.span.text(self.src);
                let help = format!(
                    "help: an undefined symbol has a name of its own only with `(name ...)`: write `(@sym {written} (name \"{name}\"))`"
                );
                self.warning(id.span, format!("this symbol is named `{field}` in the object, by the import's field"))
                    .notes
                    .push(help);
            }
            sym.name = name;
            let index = self.syms.push(sym);
            self.syms.names[sym_kind as usize].insert(key, index);
        }
    }

    /// Applies the qualifiers of `(@sym ...)` to a function, global, table or tag symbol.
    fn apply_qualifiers(&mut self, a: &SymAnnot, sym: &mut Symbol, name: &mut String, d: &Decl) {
        for (q, span) in &a.qualifiers {
            let span = *span;
            match q {
                SymQualifier::Binding(b) => {
                    // The format holds both; wasm-ld refuses them (D0: a warning).
                    if sym.is_undefined() && *b == Binding::Local {
                        self.warning(span, "wasm-ld refuses a local imported symbol").notes.push(
                            "note: nothing outside this object can define it: wasm-ld reports `undefined symbol`"
                                .into(),
                        );
                    } else if sym.is_undefined() && *b == Binding::Weak && d.kind != EntityKind::Func {
                        self.warning(span, format!("wasm-ld refuses an undefined weak {} symbol", sym.kind.name()))
                            .notes
                            .push(format!(
                                "note: wasm-ld and LLVM's reader say `undefined weak {} symbol`",
                                if d.kind == EntityKind::Table { "table" } else { "global" }
                            ));
                    }
                    set_binding(&mut sym.flags, *b)
                }
                SymQualifier::Visibility(v) => set_visibility(&mut sym.flags, *v),
                SymQualifier::Retain => sym.flags |= flags::NO_STRIP,
                SymQualifier::Tls => {
                    self.error(span, format!("`tls` applies to data symbols, not to a {} symbol", sym.kind.name()));
                }
                SymQualifier::Size(_) | SymQualifier::Offset(_) => {
                    self.error(
                        span,
                        format!("`size` and `offset` apply to data symbols, not to a {} symbol", sym.kind.name()),
                    )
                    .notes
                    .push("help: remove it".into());
                }
                SymQualifier::Name(n) => {
                    *name = n.as_str().to_string();
                    // B3: EXPLICIT_NAME only on undefined function, global, table, tag symbols.
                    if sym.is_undefined() {
                        sym.flags |= flags::EXPLICIT_NAME;
                    }
                }
                SymQualifier::InitPrio(p) => {
                    if d.kind != EntityKind::Func {
                        self.error(span, "`init_prio` applies to functions only");
                        continue;
                    }
                    // D1: each `init_prio` is one entry; imports may be init functions; wasm-ld
                    // refuses parameters and results, which the format can hold.
                    match d.sig {
                        (true, _) => {
                            self.warning(span, "wasm-ld refuses an init function that takes parameters").notes.push(
                                "note: wasm-ld calls init functions with no arguments: `constructor functions cannot take arguments`"
                                    .into(),
                            );
                        }
                        (false, true) => {
                            self.warning(span, "wasm-ld refuses an init function that returns values").notes.push(
                                "note: wasm-ld calls init functions for no results: `constructor functions cannot return values`"
                                    .into(),
                            );
                        }
                        (false, false) => {}
                    }
                    let index = self.syms.symbols.len() as u32;
                    self.syms.init_funcs.push((*p, index));
                }
                SymQualifier::Comdat(_) | SymQualifier::ComdatNamed(_) => {
                    if d.kind != EntityKind::Func || d.import.is_some() {
                        self.error(
                            span,
                            match d.import {
                                Some(_) => "an import cannot be in a comdat".to_string(),
                                None => format!("a {} cannot be in a comdat", d.kind.name()),
                            },
                        )
                        .notes
                        .push("note: comdats hold defined functions, data segments and custom sections".into());
                    } else {
                        match q {
                            SymQualifier::Comdat(c) => self.syms.comdat_members.push(((1, d.index), *c, span)),
                            SymQualifier::ComdatNamed(n) => {
                                self.syms.comdats_by_name.push(((1, d.index), n.as_str().to_string(), span))
                            }
                            _ => unreachable!("matched above"),
                        }
                    }
                }
            }
        }
    }

    /// Data symbols declared in the strings of segment `segment` (B6).
    fn data_symbols(&mut self, segment: usize) {
        let seg = &self.segments[segment];
        let (items, seg_size, tls) = (seg.items, seg.size, seg.tls);
        let seg_name = self.data.segments.get(segment).map(|s| s.name.clone()).unwrap_or_default();
        let tls = tls || seg_name.starts_with(".tdata") || seg_name.starts_with(".tbss");
        let mut pos = 0u64;
        for item in items {
            match item {
                DataItem::Bytes(s) => pos += s.bytes.len() as u64,
                DataItem::Sym(a) => self.data_symbol(a, segment as u32, pos, seg_size, tls),
                _ => {}
            }
        }
    }

    fn data_symbol(&mut self, a: &SymAnnot, segment: u32, offset: u64, seg_size: u64, tls: bool) {
        let Some(id) = a.name else {
            self.error(a.span, "a data symbol needs a name: `(@sym $name (size N))`")
                .notes
                .push("note: data has no primary symbol; only entities do".into());
            return;
        };
        if a.none {
            self.error(a.span, "`(@sym none)` is for functions, globals, tables and tags");
            self.syms.failed.insert(id_name(self.src, id.span));
            return;
        }
        let mut name = id_name(self.src, id.span);
        let mut f = if tls { flags::TLS } else { 0 };
        let mut size = None;
        for (q, span) in &a.qualifiers {
            match q {
                SymQualifier::Binding(b) => set_binding(&mut f, *b),
                SymQualifier::Visibility(v) => set_visibility(&mut f, *v),
                SymQualifier::Retain => f |= flags::NO_STRIP,
                SymQualifier::Tls => f |= flags::TLS,
                SymQualifier::Size(n) => size = Some(*n),
                SymQualifier::Name(n) => name = n.as_str().to_string(),
                SymQualifier::Offset(_) => {
                    self.error(*span, "a data symbol in a segment has its offset from its position").notes.push(
                        "help: `(offset N)` makes an absolute symbol, declared with `(@sym.import.data ...)`".into(),
                    );
                }
                SymQualifier::InitPrio(_) => {
                    self.error(*span, "`init_prio` applies to functions only");
                }
                SymQualifier::Comdat(c) => self.syms.comdat_members.push(((0, segment), *c, *span)),
                SymQualifier::ComdatNamed(_) => unreachable!("only in a function's header"),
            }
        }
        let Some(size) = size else {
            self.error(a.span, "a data symbol needs a size: add `(size N)`").notes.push(format!(
                "help: the bytes after it in this segment: {} (the rest of the segment)",
                seg_size - offset.min(seg_size)
            ));
            self.syms.failed.insert(id_name(self.src, id.span));
            return;
        };
        // D2: legal in the format and linked by wasm-ld, but most likely a mistake. The end is
        // computed without wrapping: offset and size are both 64-bit.
        if offset as u128 + size as u128 > seg_size as u128 {
            self.warning(a.span, format!("data symbol `{}` reaches past the end of its segment", id.span.text(self.src)))
                .notes
                .push(format!(
                    "note: it starts at offset {offset} with size {size}, but the segment has {seg_size} bytes; wasm-ld links it as written"
                ));
        }
        let sym = Symbol {
            kind: SymbolKind::Data,
            name,
            flags: f,
            index: 0,
            data: Some(DataDef::Segment { segment, offset, size }),
            span: a.span,
            id: Some(id.span),
        };
        self.add_data_symbol(id, sym);
    }

    fn add_data_symbol(&mut self, id: Id, sym: Symbol) {
        let key = id_name(self.src, id.span);
        if let Some(&first) = self.syms.names[SymbolKind::Data as usize].get(&key) {
            let first = self.syms.symbols[first as usize].span;
            self.error(id.span, format!("duplicate data symbol id `{}`", id.span.text(self.src)))
                .secondary
                .push(Label { span: first, message: "first declared here".into() });
            return;
        }
        let index = self.syms.push(sym);
        self.syms.names[SymbolKind::Data as usize].insert(key, index);
    }

    /// `(@sym.import.data $x ...)`: an undefined data symbol, or an absolute one with `(offset N)`.
    fn data_import(&mut self, a: &SymAnnot) {
        let Some(id) = a.name else {
            self.error(a.span, "a data import needs an id: `(@sym.import.data $x (name \"x\"))`");
            return;
        };
        let mut name = id_name(self.src, id.span);
        let mut f = 0;
        let mut offset = None;
        let mut size = None;
        for (q, span) in &a.qualifiers {
            match q {
                SymQualifier::Binding(Binding::Weak) => f |= flags::BINDING_WEAK,
                SymQualifier::Binding(Binding::Global) => {}
                SymQualifier::Visibility(v) => set_visibility(&mut f, *v),
                SymQualifier::Tls => f |= flags::TLS,
                SymQualifier::Name(n) => name = n.as_str().to_string(),
                SymQualifier::Offset(o) => offset = Some((*o, *span)),
                SymQualifier::Size(s) => size = Some((*s, *span)),
                SymQualifier::Binding(Binding::Local)
                | SymQualifier::Retain
                | SymQualifier::InitPrio(_)
                | SymQualifier::Comdat(_)
                | SymQualifier::ComdatNamed(_) => {
                    self.error(*span, "a data import takes only `weak`, `hidden`, `tls`, `(name ...)`, and `(offset N) (size N)` for an absolute symbol");
                }
            }
        }
        let data = match (offset, size) {
            (Some((o, ospan)), Some((s, _))) => {
                self.warning(ospan, "absolute data symbols are ignored by wasm-ld up to version 22")
                    .notes
                    .push("note: the symbol is written with WASM_SYM_ABSOLUTE as the object format defines it".into());
                f |= flags::ABSOLUTE;
                Some(DataDef::Absolute { offset: o, size: s })
            }
            (Some((_, span)), None) => {
                self.error(span, "an absolute data symbol needs `(size N)` too");
                self.syms.failed.insert(id_name(self.src, id.span));
                return;
            }
            (None, Some((_, span))) => {
                self.error(span, "a data import has no size")
                    .notes
                    .push("help: remove `(size N)`, or add `(offset N)` to define an absolute symbol".into());
                self.syms.failed.insert(id_name(self.src, id.span));
                return;
            }
            (None, None) => {
                f |= flags::UNDEFINED;
                None
            }
        };
        let sym = Symbol { kind: SymbolKind::Data, name, flags: f, index: 0, data, span: a.span, id: Some(id.span) };
        self.add_data_symbol(id, sym);
    }

    /// A `GOT.mem`/`GOT.func` global import: no symbol of its own; its entry refers to the data
    /// or function symbol its field names (A11).
    fn got_entry(&mut self, global: u32, module: &str, field: &str, span: Span) {
        let kind = if module == "GOT.mem" { SymbolKind::Data } else { SymbolKind::Function };
        let found = self.syms.symbols.iter().position(|s| s.kind == kind && s.name == field);
        let symbol = match (found, kind) {
            (Some(i), _) => i as u32,
            (None, SymbolKind::Data) => self.syms.push(Symbol {
                kind: SymbolKind::Data,
                name: field.to_string(),
                flags: flags::UNDEFINED,
                index: 0,
                data: None,
                span,
                id: None,
            }),
            (None, _) => {
                self.error(span, format!("`GOT.func` entry `{field}`: no function symbol with this name"))
                    .notes
                    .push("help: import or define the function (with its signature) in this module".into());
                return;
            }
        };
        self.syms.got.insert(global, symbol);
    }

    /// The local section symbol of the custom section named `name` (A9).
    pub(crate) fn section_symbol(&mut self, name: &Str) -> Option<u32> {
        let matches: Vec<usize> = self
            .encoded
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.id == 0 && s.name == name.as_str())
            .map(|(i, _)| i)
            .collect();
        let index = match matches.as_slice() {
            [i] => *i as u32,
            [] => {
                self.error(name.span, format!("no custom section `{}` in this module", name.as_str()));
                return None;
            }
            _ => {
                self.error(name.span, format!("custom section name `{}` is not unique", name.as_str()));
                return None;
            }
        };
        if let Some(&s) = self.syms.sections.get(&index) {
            return Some(s);
        }
        let s = self.syms.push(Symbol {
            kind: SymbolKind::Section,
            name: name.as_str().to_string(),
            flags: flags::BINDING_LOCAL,
            index,
            data: None,
            span: name.span,
            id: None,
        });
        self.syms.sections.insert(index, s);
        Some(s)
    }

    /// Final checks: unique non-local names; init functions.
    pub(crate) fn finish_symbols(&mut self) {
        let mut seen: HashMap<&str, Span> = HashMap::default();
        let mut dups = Vec::new();
        for s in &self.syms.symbols {
            if s.flags & flags::BINDING_LOCAL != 0 || s.kind == SymbolKind::Section {
                continue;
            }
            if let Some(first) = seen.insert(&s.name, s.span) {
                dups.push((s.span, first, s.name.clone()));
            }
        }
        // The format holds them; LLVM's reader and wasm-ld refuse them (D0: a warning).
        for (span, first, name) in dups {
            let d = self.warning(span, format!("duplicate symbol name `{name}`, which wasm-ld refuses"));
            d.secondary.push(Label { span: first, message: "first symbol with this name".into() });
            d.notes
                .push("note: wasm-ld and LLVM's reader say `duplicate symbol name`; make one of them `local`".into());
        }
        self.data.init_funcs = std::mem::take(&mut self.syms.init_funcs);
    }
}

fn set_binding(f: &mut u32, b: Binding) {
    *f &= !(flags::BINDING_WEAK | flags::BINDING_LOCAL);
    *f |= match b {
        Binding::Global => 0,
        Binding::Local => flags::BINDING_LOCAL,
        Binding::Weak => flags::BINDING_WEAK,
    };
}

fn set_visibility(f: &mut u32, v: Visibility) {
    *f &= !flags::VISIBILITY_HIDDEN;
    if v == Visibility::Hidden {
        *f |= flags::VISIBILITY_HIDDEN;
    }
}

/// Entities exported by `(export ...)` fields.
fn exported_entities(module: &Module) -> HashSet<(EntityKind, u32)> {
    module
        .fields
        .iter()
        .filter_map(|f| match f {
            ModuleField::Export(e) => {
                let kind = match e.kind {
                    ExternKind::Func => EntityKind::Func,
                    ExternKind::Global => EntityKind::Global,
                    ExternKind::Table => EntityKind::Table,
                    ExternKind::Tag => EntityKind::Tag,
                    ExternKind::Memory => return None,
                };
                Some((kind, e.index.num))
            }
            _ => None,
        })
        .collect()
}
