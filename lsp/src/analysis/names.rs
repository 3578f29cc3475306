//! Names: every id occurrence in the tree with the namespace it belongs to, the definitions at
//! module level, and what each occurrence refers to. Go to definition, find references and rename
//! are built on these.

use relwat::ast::*;
use relwat::instructions::ImmKind;
use relwat::literals;
use relwat::span::Span;
use std::collections::HashMap;

pub use relwat::kinds::{IndexSpace, SymbolKind};

/// Namespaces of ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ns {
    /// One of the module's index spaces.
    Space(IndexSpace),
    /// Parameters and locals of the function in field `.0`.
    Local(u32),
    /// Block labels of the function in field `.0`.
    Label(u32),
    /// Fields of the struct type with index `.0`.
    Field(u32),
    /// Symbols of a kind (never [`SymbolKind::Section`]: section symbols have no ids).
    Sym(SymbolKind),
    /// Comdats.
    Comdat,
    /// `(@sym.label ...)` labels of the function, data segment or custom section in field `.0`.
    SymLabel(u32),
}

#[allow(missing_docs)]
impl Ns {
    pub const TYPE: Ns = Ns::Space(IndexSpace::Type);
    pub const FUNC: Ns = Ns::Space(IndexSpace::Func);
    pub const TABLE: Ns = Ns::Space(IndexSpace::Table);
    pub const MEMORY: Ns = Ns::Space(IndexSpace::Memory);
    pub const GLOBAL: Ns = Ns::Space(IndexSpace::Global);
    pub const TAG: Ns = Ns::Space(IndexSpace::Tag);
    pub const ELEM: Ns = Ns::Space(IndexSpace::Elem);
    pub const DATA: Ns = Ns::Space(IndexSpace::Data);
}

impl Ns {
    /// The module index space, for the eight of them.
    fn space(self) -> Option<IndexSpace> {
        match self {
            Ns::Space(s) => Some(s),
            _ => None,
        }
    }

    /// A word for hovers and messages.
    pub fn describe(self) -> &'static str {
        match self {
            Ns::Space(s) => s.describe(),
            Ns::Local(_) => "local",
            Ns::Label(_) => "label",
            Ns::Field(_) => "field",
            Ns::Sym(SymbolKind::Function) => "function symbol",
            Ns::Sym(SymbolKind::Data) => "data symbol",
            Ns::Sym(SymbolKind::Global) => "global symbol",
            Ns::Sym(SymbolKind::Tag) => "tag symbol",
            Ns::Sym(SymbolKind::Table) => "table symbol",
            Ns::Sym(SymbolKind::Section) => "section symbol",
            Ns::Comdat => "comdat",
            Ns::SymLabel(_) => "label",
        }
    }
}

/// Where a label used as an addend lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelHost {
    /// In the function or data segment of the symbol written before it.
    Symbol(SymbolKind, Span),
    /// In the custom section with this name.
    Section(String),
}

/// What an occurrence refers to, as far as the walk knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// It is a definition.
    Def,
    /// Resolved during the walk (locals, block labels): the definition's span.
    Known(Span),
    /// Not resolvable (unknown local, label, ...).
    Unknown,
    /// A name or number of a module-level namespace, resolved with [`Defs`].
    Module,
    /// A label used as an addend.
    AddendLabel(LabelHost),
}

/// One id (or index) in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occ {
    /// The token.
    pub span: Span,
    /// Its namespace.
    pub ns: Ns,
    /// What it refers to.
    pub target: Target,
    /// The module field it is in.
    pub field: u32,
}

/// The name of an id token (`$a` and `$"a"` give `a`); `None` for a number.
pub fn id_name(src: &str, span: Span) -> Option<String> {
    let t = span.text(src);
    if !t.starts_with('$') {
        return None;
    }
    Some(literals::decode_id(t).map(|c| c.into_owned()).unwrap_or_else(|_| t[1..].to_string()))
}

/// One module index space.
#[derive(Debug, Default)]
pub struct Space {
    /// Name → (index, id span).
    pub names: HashMap<String, (u32, Span)>,
    /// For each index: the id span, or the defining field's span when it has no id.
    pub list: Vec<(Span, bool)>,
    /// For each index: the module field.
    pub fields: Vec<u32>,
}

/// Module-level definitions.
#[derive(Debug, Default)]
pub struct Defs {
    /// The eight index spaces.
    pub spaces: [Space; 8],
    /// Symbol ids per kind: name → the defining id's span (an entity id for primary symbols).
    pub syms: [HashMap<String, Span>; 6],
    /// Comdats: name → id span.
    pub comdats: HashMap<String, Span>,
    /// Struct fields per type index: (name, id span).
    pub type_fields: HashMap<u32, Vec<(Option<String>, Span)>>,
}

fn header_entity(f: &ModuleField) -> Vec<(Ns, &EntityHeader, Span)> {
    match f {
        ModuleField::Import(i) => {
            let (ns, h) = match &i.item {
                ImportItem::Func(x) => (Ns::FUNC, &x.header),
                ImportItem::Table(x) => (Ns::TABLE, &x.header),
                ImportItem::Memory(x) => (Ns::MEMORY, &x.header),
                ImportItem::Global(x) => (Ns::GLOBAL, &x.header),
                ImportItem::Tag(x) => (Ns::TAG, &x.header),
            };
            vec![(ns, h, i.span)]
        }
        ModuleField::Func(x) => vec![(Ns::FUNC, &x.header, x.span)],
        ModuleField::Table(x) => vec![(Ns::TABLE, &x.header, x.span)],
        ModuleField::Memory(x) => vec![(Ns::MEMORY, &x.header, x.span)],
        ModuleField::Global(x) => vec![(Ns::GLOBAL, &x.header, x.span)],
        ModuleField::Tag(x) => vec![(Ns::TAG, &x.header, x.span)],
        _ => vec![],
    }
}

/// The symbol kind of an entity namespace.
pub fn sym_kind(ns: Ns) -> Option<SymbolKind> {
    Some(match ns.space()? {
        IndexSpace::Func => SymbolKind::Function,
        IndexSpace::Global => SymbolKind::Global,
        IndexSpace::Table => SymbolKind::Table,
        IndexSpace::Tag => SymbolKind::Tag,
        _ => return None,
    })
}

/// The kind of symbol a relocation method targets (`None` for a custom section's text).
pub fn method_sym_kind(m: RelocMethod) -> Option<SymbolKind> {
    match m {
        RelocMethod::Data => Some(SymbolKind::Data),
        RelocMethod::Func | RelocMethod::FuncTable | RelocMethod::FuncText => Some(SymbolKind::Function),
        RelocMethod::Global => Some(SymbolKind::Global),
        RelocMethod::Tag => Some(SymbolKind::Tag),
        RelocMethod::Table => Some(SymbolKind::Table),
        RelocMethod::CustomText => None,
    }
}

/// The entity namespace of a symbol kind.
pub fn entity_ns(k: SymbolKind) -> Option<Ns> {
    k.entity_kind().map(|e| Ns::Space(e.space()))
}

impl Defs {
    /// Collects the definitions of `module` (bodies are not visited).
    pub fn build(src: &str, module: &Module) -> Defs {
        let mut d = Defs::default();
        let define = |d: &mut Defs, ns: Ns, id: Option<Id>, fspan: Span, field: u32| {
            let s = ns.space().expect("module space").slot();
            let sp = &mut d.spaces[s];
            let index = sp.list.len() as u32;
            match id {
                Some(id) => {
                    sp.list.push((id.span, true));
                    if let Some(n) = id_name(src, id.span) {
                        sp.names.entry(n).or_insert((index, id.span));
                    }
                }
                None => sp.list.push((fspan, false)),
            }
            sp.fields.push(field);
        };
        let mut type_index = 0u32;
        for (fi, f) in module.fields.iter().enumerate() {
            let fi = fi as u32;
            for (ns, h, span) in header_entity(f) {
                define(&mut d, ns, h.id, span, fi);
                if let Some(k) = sym_kind(ns) {
                    if let Some(id) = h.id
                        && let Some(n) = id_name(src, id.span)
                    {
                        d.syms[k.slot()].entry(n).or_insert(id.span);
                    }
                    for s in &h.syms {
                        if let Some(id) = s.name
                            && let Some(n) = id_name(src, id.span)
                        {
                            d.syms[k.slot()].entry(n).or_insert(id.span);
                        }
                    }
                }
            }
            match f {
                ModuleField::Types(g) => {
                    for t in &g.types {
                        define(&mut d, Ns::TYPE, t.id, t.span, fi);
                        if let CompositeKind::Struct(fields) = &t.ty.composite.kind {
                            d.type_fields.insert(
                                type_index,
                                fields
                                    .iter()
                                    .map(|x| (x.id.and_then(|i| id_name(src, i.span)), x.id.map_or(x.span, |i| i.span)))
                                    .collect(),
                            );
                        }
                        type_index += 1;
                    }
                }
                ModuleField::Table(t) if matches!(t.init, TableInit::Elems(_)) => {
                    define(&mut d, Ns::ELEM, None, t.span, fi)
                }
                ModuleField::Memory(m) if m.inline_data.is_some() => define(&mut d, Ns::DATA, None, m.span, fi),
                ModuleField::Elem(e) => define(&mut d, Ns::ELEM, e.id, e.span, fi),
                ModuleField::Data(x) => {
                    define(&mut d, Ns::DATA, x.id, x.span, fi);
                    data_syms(src, &x.items, &mut d.syms[SymbolKind::Data.slot()]);
                }
                ModuleField::Memory(m) => {
                    if let Some(items) = &m.inline_data {
                        data_syms(src, items, &mut d.syms[SymbolKind::Data.slot()]);
                    }
                }
                ModuleField::DataImport(s) => {
                    if let Some(id) = s.name
                        && let Some(n) = id_name(src, id.span)
                    {
                        d.syms[SymbolKind::Data.slot()].entry(n).or_insert(id.span);
                    }
                }
                ModuleField::Comdat(c) => {
                    if let Some(n) = id_name(src, c.id.span) {
                        d.comdats.entry(n).or_insert(c.id.span);
                    }
                }
                _ => {}
            }
        }
        d
    }

    /// The space of a module namespace.
    pub fn space(&self, ns: Ns) -> Option<&Space> {
        ns.space().map(|s| &self.spaces[s.slot()])
    }

    /// The definition a module-level occurrence (`$name` or a number) refers to.
    pub fn lookup(&self, src: &str, ns: Ns, span: Span) -> Option<Span> {
        let name = id_name(src, span);
        match ns {
            Ns::Sym(k) => match name {
                Some(n) => self.syms[k.slot()].get(&n).copied(),
                None => {
                    let space = self.space(entity_ns(k)?)?;
                    let n = relwat::literals::parse_u32(span.text(src))?;
                    space.list.get(n as usize).map(|x| x.0)
                }
            },
            Ns::Comdat => match name {
                Some(n) => self.comdats.get(&n).copied(),
                None => None,
            },
            Ns::Field(t) => {
                let fields = self.type_fields.get(&t)?;
                match name {
                    Some(n) => fields.iter().find(|(x, _)| x.as_deref() == Some(n.as_str())).map(|x| x.1),
                    None => fields.get(relwat::literals::parse_u32(span.text(src))? as usize).map(|x| x.1),
                }
            }
            _ => {
                let space = self.space(ns)?;
                match name {
                    Some(n) => space.names.get(&n).map(|x| x.1),
                    None => space.list.get(relwat::literals::parse_u32(span.text(src))? as usize).map(|x| x.0),
                }
            }
        }
    }

    /// The index and field of the entity whose id (or field) is at `def` in a module space.
    pub fn entity_of(&self, ns: Ns, def: Span) -> Option<(u32, u32)> {
        let space = self.space(ns)?;
        space.list.iter().position(|(s, _)| *s == def).map(|i| (i as u32, space.fields[i]))
    }
}

fn data_syms(src: &str, items: &[DataItem], out: &mut HashMap<String, Span>) {
    for it in items {
        if let DataItem::Sym(s) = it
            && let Some(id) = s.name
            && let Some(n) = id_name(src, id.span)
        {
            out.entry(n).or_insert(id.span);
        }
    }
}

/// Walks the tree and lists every occurrence.
pub struct Walker<'a> {
    src: &'a str,
    /// What was found.
    pub out: Vec<Occ>,
    field: u32,
    type_index: u32,
    locals: HashMap<String, Span>,
    labels: Vec<(Option<Id>, Span)>,
}

impl<'a> Walker<'a> {
    /// A walker over `src`.
    pub fn new(src: &'a str) -> Walker<'a> {
        Walker { src, out: Vec::new(), field: 0, type_index: 0, locals: HashMap::new(), labels: Vec::new() }
    }

    /// Every occurrence in the module.
    pub fn module(src: &'a str, m: &Module) -> Vec<Occ> {
        let mut w = Walker::new(src);
        if let Some(id) = m.id {
            let _ = id;
        }
        for (i, f) in m.fields.iter().enumerate() {
            w.field = i as u32;
            w.field_(f);
        }
        w.out
    }

    /// The occurrences in field `index` of the module (type indices counted from the start).
    pub fn field(src: &'a str, m: &Module, index: usize) -> Vec<Occ> {
        let mut w = Walker::new(src);
        w.type_index = m.fields[..index]
            .iter()
            .map(|f| if let ModuleField::Types(g) = f { g.types.len() as u32 } else { 0 })
            .sum();
        w.field = index as u32;
        w.field_(&m.fields[index]);
        w.out
    }

    fn push(&mut self, span: Span, ns: Ns, target: Target) {
        if span.start < span.end {
            self.out.push(Occ { span, ns, target, field: self.field });
        }
    }

    fn def(&mut self, id: Option<Id>, ns: Ns) {
        if let Some(id) = id {
            self.push(id.span, ns, Target::Def);
        }
    }

    fn use_(&mut self, i: &Index, ns: Ns) {
        self.push(i.span, ns, Target::Module);
    }

    fn header(&mut self, h: &EntityHeader, ns: Ns) {
        self.def(h.id, ns);
        for s in &h.syms {
            self.sym_annot(s, sym_kind(ns));
        }
    }

    fn sym_annot(&mut self, s: &SymAnnot, kind: Option<SymbolKind>) {
        if let Some(k) = kind {
            self.def(s.name, Ns::Sym(k));
        }
        for (q, _) in &s.qualifiers {
            if let SymQualifier::Comdat(c) = q {
                self.use_(c, Ns::Comdat);
            }
        }
    }

    fn valtype(&mut self, v: &ValType) {
        if let ValType::Ref(r) = v {
            self.heap(&r.heap);
        }
    }

    fn heap(&mut self, h: &HeapType) {
        if let HeapType::Concrete(i) | HeapType::Exact(i) = h {
            self.use_(i, Ns::TYPE);
        }
    }

    fn typeuse(&mut self, t: &TypeUse) {
        if let Some(i) = &t.index {
            self.use_(i, Ns::TYPE);
        }
        if let Some(f) = &t.inline {
            for p in f.params.iter().chain(&f.results) {
                self.valtype(&p.ty);
            }
        }
    }

    fn field_(&mut self, f: &ModuleField) {
        match f {
            ModuleField::Types(g) => {
                for t in &g.types {
                    self.def(t.id, Ns::TYPE);
                    let c = &t.ty.composite;
                    for i in t.ty.supertype.iter().chain(&c.descriptor).chain(&c.describes) {
                        self.use_(i, Ns::TYPE);
                    }
                    match &c.kind {
                        CompositeKind::Func(ft) => {
                            for p in ft.params.iter().chain(&ft.results) {
                                self.valtype(&p.ty);
                            }
                        }
                        CompositeKind::Struct(fs) => {
                            for x in fs {
                                self.def(x.id, Ns::Field(self.type_index));
                                if let StorageType::Val(v) = &x.ty {
                                    self.valtype(v);
                                }
                            }
                        }
                        CompositeKind::Array(x) => {
                            if let StorageType::Val(v) = &x.ty {
                                self.valtype(v);
                            }
                        }
                        CompositeKind::Cont(i) => self.use_(i, Ns::TYPE),
                    }
                    self.type_index += 1;
                }
            }
            ModuleField::Import(i) => match &i.item {
                ImportItem::Func(x) => self.func(x),
                ImportItem::Table(x) => self.table(x),
                ImportItem::Memory(x) => self.memory(x),
                ImportItem::Global(x) => self.global(x),
                ImportItem::Tag(x) => {
                    self.header(&x.header, Ns::TAG);
                    self.typeuse(&x.ty);
                }
            },
            ModuleField::Func(x) => self.func(x),
            ModuleField::Table(x) => self.table(x),
            ModuleField::Memory(x) => self.memory(x),
            ModuleField::Global(x) => self.global(x),
            ModuleField::Tag(x) => {
                self.header(&x.header, Ns::TAG);
                self.typeuse(&x.ty);
            }
            ModuleField::Export(e) => {
                let ns = match e.kind {
                    ExternKind::Func => Ns::FUNC,
                    ExternKind::Table => Ns::TABLE,
                    ExternKind::Memory => Ns::MEMORY,
                    ExternKind::Global => Ns::GLOBAL,
                    ExternKind::Tag => Ns::TAG,
                };
                self.use_(&e.index, ns);
            }
            ModuleField::Start(s) => self.use_(&s.func, Ns::FUNC),
            ModuleField::Elem(e) => {
                self.def(e.id, Ns::ELEM);
                if let ElemMode::Active { table, offset } = &e.mode {
                    if let Some(t) = table {
                        self.use_(t, Ns::TABLE);
                    }
                    self.expr(offset);
                }
                self.elem_items(&e.items);
            }
            ModuleField::Data(d) => {
                self.def(d.id, Ns::DATA);
                if let DataMode::Active { memory, offset } = &d.mode {
                    self.use_(memory, Ns::MEMORY);
                    self.expr(offset);
                }
                self.items(&d.items, true);
            }
            ModuleField::Custom(c) => self.items(&c.items, false),
            ModuleField::Comdat(c) => self.def(Some(c.id), Ns::Comdat),
            ModuleField::DataImport(s) => self.sym_annot(s, Some(SymbolKind::Data)),
            ModuleField::Unknown(_) => {}
        }
    }

    fn elem_items(&mut self, items: &ElemItems) {
        match items {
            ElemItems::Funcs(fs) => fs.iter().for_each(|f| self.use_(f, Ns::FUNC)),
            ElemItems::Exprs(r, es) => {
                self.heap(&r.heap);
                es.iter().for_each(|e| self.expr(e));
            }
        }
    }

    fn items(&mut self, items: &[DataItem], data: bool) {
        for it in items {
            match it {
                DataItem::Bytes(_) => {}
                DataItem::Sym(s) => self.sym_annot(s, if data { Some(SymbolKind::Data) } else { None }),
                DataItem::Reloc(r) => self.reloc(r, None),
                DataItem::Label(id, _) => self.def(Some(*id), Ns::SymLabel(self.field)),
                DataItem::Comdat(c, _) => self.use_(c, Ns::Comdat),
            }
        }
    }

    /// A `(@reloc ...)`; `implied` is the symbol kind its position gives when no method is written.
    fn reloc(&mut self, r: &RelocAnnot, implied: Option<SymbolKind>) {
        let kind = match r.method {
            Some((m, _)) => method_sym_kind(m),
            None => implied,
        };
        let mut host = None;
        match &r.target {
            Some(RelocTarget::Symbol(i)) => {
                if let Some(k) = kind {
                    self.use_(i, Ns::Sym(k));
                    host = Some(LabelHost::Symbol(k, i.span));
                }
            }
            Some(RelocTarget::Section(s)) => host = Some(LabelHost::Section(s.as_str().to_string())),
            _ => {}
        }
        if let Some(Addend::Label(id)) = r.addend {
            match host {
                Some(h) => self.push(id.span, Ns::SymLabel(u32::MAX), Target::AddendLabel(h)),
                None => self.push(id.span, Ns::SymLabel(u32::MAX), Target::Unknown),
            }
        }
    }

    fn func(&mut self, f: &Func) {
        self.header(&f.header, Ns::FUNC);
        self.typeuse(&f.ty);
        self.locals.clear();
        let scope = Ns::Local(self.field);
        if let Some(ft) = &f.ty.inline {
            for p in &ft.params {
                if let Some(id) = p.id {
                    self.push(id.span, scope, Target::Def);
                    if let Some(n) = id_name(self.src, id.span) {
                        self.locals.entry(n).or_insert(id.span);
                    }
                }
            }
        }
        for l in &f.locals {
            self.valtype(&l.ty);
            if let Some(id) = l.id {
                self.push(id.span, scope, Target::Def);
                if let Some(n) = id_name(self.src, id.span) {
                    self.locals.entry(n).or_insert(id.span);
                }
            }
        }
        self.expr(&f.body);
    }

    fn table(&mut self, t: &Table) {
        self.header(&t.header, Ns::TABLE);
        self.heap(&t.ty.elem.heap);
        match &t.init {
            TableInit::None => {}
            TableInit::Expr(e) => self.expr(e),
            TableInit::Elems(i) => self.elem_items(i),
        }
    }

    fn memory(&mut self, m: &Memory) {
        self.header(&m.header, Ns::MEMORY);
        if let Some(items) = &m.inline_data {
            self.items(items, true);
        }
    }

    fn global(&mut self, g: &Global) {
        self.header(&g.header, Ns::GLOBAL);
        self.valtype(&g.ty.ty);
        self.expr(&g.init);
    }

    fn label_use(&mut self, i: &Index) {
        let ns = Ns::Label(self.field);
        if i.span.start >= i.span.end {
            return;
        }
        let target = match id_name(self.src, i.span) {
            Some(n) => self
                .labels
                .iter()
                .rev()
                .find(|(l, _)| l.is_some_and(|l| id_name(self.src, l.span).as_deref() == Some(n.as_str())))
                .map(|(l, _)| Target::Known(l.expect("named").span))
                .unwrap_or(Target::Unknown),
            None => match relwat::literals::parse_u32(i.span.text(self.src)) {
                Some(depth) if (depth as usize) < self.labels.len() => {
                    let (l, s) = self.labels[self.labels.len() - 1 - depth as usize];
                    Target::Known(l.map_or(s, |l| l.span))
                }
                _ => Target::Unknown,
            },
        };
        self.push(i.span, ns, target);
    }

    fn expr(&mut self, e: &Expr) {
        self.labels.clear();
        let mut reloc_i = 0;
        for (k, instr) in e.instrs.iter().enumerate() {
            let InstrKind::Op(id, imm) = &instr.kind else {
                if let InstrKind::Label(l) = &instr.kind {
                    self.push(l.span, Ns::SymLabel(self.field), Target::Def);
                }
                continue;
            };
            let info = id.info();
            let mut implied = None;
            match (info.imm, imm) {
                (ImmKind::Block, Imm::Block(bt)) => {
                    self.block_type(bt, instr.span);
                }
                (ImmKind::TryTable, Imm::TryTable(b)) => {
                    let (bt, clauses) = &**b;
                    for c in clauses {
                        if let Some(t) = &c.tag {
                            self.use_(t, Ns::TAG);
                        }
                        self.label_use(&c.label);
                    }
                    self.block_type(bt, instr.span);
                    implied = Some(SymbolKind::Tag);
                }
                (ImmKind::EndLabel, Imm::EndLabel(l)) => {
                    if let Some(l) = l {
                        let target = match self.labels.last() {
                            Some((Some(open), _)) => Target::Known(open.span),
                            _ => Target::Unknown,
                        };
                        self.push(l.span, Ns::Label(self.field), target);
                    }
                    if info.name == "end" {
                        self.labels.pop();
                    }
                }
                (ImmKind::Label, Imm::Index(i)) => {
                    if info.name == "delegate" {
                        self.labels.pop();
                    }
                    self.label_use(i);
                }
                (ImmKind::BrTable, Imm::BrTable(ls)) => ls.iter().for_each(|l| self.label_use(l)),
                (ImmKind::BrOnCast, Imm::BrOnCast(b)) => {
                    self.label_use(&b.0);
                    self.heap(&b.1.heap);
                    self.heap(&b.2.heap);
                }
                (ImmKind::Func, Imm::Index(i)) => {
                    self.use_(i, Ns::FUNC);
                    implied = Some(SymbolKind::Function);
                }
                (ImmKind::Type, Imm::Index(i)) => self.use_(i, Ns::TYPE),
                (ImmKind::Local, Imm::Index(i)) => {
                    let t = match id_name(self.src, i.span) {
                        Some(n) => self.locals.get(&n).map_or(Target::Unknown, |s| Target::Known(*s)),
                        None => Target::Unknown,
                    };
                    self.push(i.span, Ns::Local(self.field), t);
                }
                (ImmKind::Global, Imm::Index(i)) => {
                    self.use_(i, Ns::GLOBAL);
                    implied = Some(SymbolKind::Global);
                }
                (ImmKind::Tag | ImmKind::Catch, Imm::Index(i)) => {
                    self.use_(i, Ns::TAG);
                    implied = Some(SymbolKind::Tag);
                }
                (ImmKind::Catch, Imm::Index2(_, t)) => {
                    self.use_(t, Ns::TAG);
                    implied = Some(SymbolKind::Tag);
                }
                (ImmKind::Elem, Imm::Index(i)) => self.use_(i, Ns::ELEM),
                (ImmKind::Data, Imm::Index(i)) => self.use_(i, Ns::DATA),
                (ImmKind::Table, Imm::Index(i)) => {
                    self.use_(i, Ns::TABLE);
                    implied = Some(SymbolKind::Table);
                }
                (ImmKind::Memory, Imm::Index(i)) => self.use_(i, Ns::MEMORY),
                (ImmKind::TableCopy, Imm::Index2(a, b)) => {
                    self.use_(a, Ns::TABLE);
                    self.use_(b, Ns::TABLE);
                    implied = Some(SymbolKind::Table);
                }
                (ImmKind::MemoryCopy, Imm::Index2(a, b)) => {
                    self.use_(a, Ns::MEMORY);
                    self.use_(b, Ns::MEMORY);
                }
                (ImmKind::TableInit, Imm::Index2(a, b)) => {
                    self.use_(a, Ns::TABLE);
                    self.use_(b, Ns::ELEM);
                    implied = Some(SymbolKind::Table);
                }
                (ImmKind::MemoryInit, Imm::Index2(a, b)) => {
                    self.use_(a, Ns::MEMORY);
                    self.use_(b, Ns::DATA);
                }
                (ImmKind::TypeField, Imm::Index2(t, f)) => {
                    self.use_(t, Ns::TYPE);
                    self.push(f.span, Ns::Field(t.num), Target::Module);
                }
                (ImmKind::TypeData, Imm::Index2(t, d)) => {
                    self.use_(t, Ns::TYPE);
                    self.use_(d, Ns::DATA);
                }
                (ImmKind::TypeElem, Imm::Index2(t, x)) => {
                    self.use_(t, Ns::TYPE);
                    self.use_(x, Ns::ELEM);
                }
                (ImmKind::TypeType, Imm::Index2(a, b)) => {
                    self.use_(a, Ns::TYPE);
                    self.use_(b, Ns::TYPE);
                }
                (ImmKind::TypeCount, Imm::TypeCount(t, _)) => self.use_(t, Ns::TYPE),
                (ImmKind::CallIndirect, Imm::CallIndirect(b)) => {
                    self.use_(&b.0, Ns::TABLE);
                    self.typeuse(&b.1);
                    implied = Some(SymbolKind::Table);
                }
                (ImmKind::MemArg(_), Imm::MemArg(m)) | (ImmKind::MemArgLane(_), Imm::MemArgLane(m, _)) => {
                    self.use_(&m.memory, Ns::MEMORY);
                    implied = Some(SymbolKind::Data);
                }
                (ImmKind::Select, Imm::Select(Some(ts))) => ts.iter().for_each(|t| self.valtype(t)),
                (ImmKind::HeapType, Imm::HeapType(h)) => self.heap(h),
                (ImmKind::RefType, Imm::RefType(r)) => self.heap(&r.heap),
                _ => {}
            }
            // The annotations on this instruction's immediates.
            while reloc_i < e.relocs.len() && (e.relocs[reloc_i].0 as usize) < k {
                reloc_i += 1;
            }
            while reloc_i < e.relocs.len() && e.relocs[reloc_i].0 as usize == k {
                let r = &e.relocs[reloc_i].2;
                self.reloc(r, implied);
                reloc_i += 1;
            }
        }
        // Annotations out of order (not expected): still visit them.
        if e.relocs.windows(2).any(|w| w[0].0 > w[1].0) {
            for (_, _, r) in &e.relocs {
                if !self.out.iter().any(|o| o.span.start >= r.span.start && o.span.end <= r.span.end) {
                    self.reloc(r, None);
                }
            }
        }
    }

    fn block_type(&mut self, bt: &BlockType, instr: Span) {
        if let Some(l) = bt.label {
            self.push(l.span, Ns::Label(self.field), Target::Def);
        }
        self.typeuse(&bt.ty);
        self.labels.push((bt.label, instr));
    }
}

/// Where the definition of the occurrence is (for a definition: itself).
pub fn resolve(src: &str, module: &Module, defs: &Defs, occ: &Occ) -> Option<Span> {
    match &occ.target {
        Target::Def => Some(occ.span),
        Target::Known(s) => Some(*s),
        Target::Unknown => None,
        Target::Module => defs.lookup(src, occ.ns, occ.span),
        Target::AddendLabel(host) => {
            let name = id_name(src, occ.span)?;
            let field = match host {
                LabelHost::Symbol(k, sym) => {
                    let def = defs.lookup(src, Ns::Sym(*k), *sym)?;
                    module.fields.iter().position(|f| {
                        let s = f.span();
                        s.start <= def.start && def.end <= s.end
                    })?
                }
                LabelHost::Section(n) => {
                    module.fields.iter().position(|f| matches!(f, ModuleField::Custom(c) if c.name.as_str() == n))?
                }
            };
            Walker::field(src, module, field)
                .into_iter()
                .find(|o| {
                    matches!(o.ns, Ns::SymLabel(_))
                        && o.target == Target::Def
                        && id_name(src, o.span).as_deref() == Some(name.as_str())
                })
                .map(|o| o.span)
        }
    }
}

/// The index of the field containing `offset`.
pub fn field_at(module: &Module, offset: u32) -> Option<usize> {
    let i = module.fields.partition_point(|f| f.span().end < offset);
    module.fields.get(i).filter(|f| {
        let s = f.span();
        s.start <= offset && offset <= s.end
    })?;
    Some(i)
}

/// The occurrence at `offset` (the token touching it; at a boundary between two, the later).
pub fn occurrence_at(src: &str, module: &Module, offset: u32) -> Option<Occ> {
    let fi = field_at(module, offset)?;
    let occs = Walker::field(src, module, fi);
    occs.iter()
        .find(|o| o.span.start <= offset && offset < o.span.end)
        .or_else(|| occs.iter().find(|o| o.span.end == offset))
        .cloned()
}

/// Go to definition: the definition's span.
pub fn definition(src: &str, module: &Module, defs: &Defs, offset: u32) -> Option<Span> {
    let occ = occurrence_at(src, module, offset)?;
    resolve(src, module, defs, &occ)
}

/// Every occurrence that refers to the same definition as the one at `offset` (definitions
/// included), sorted.
pub fn references(src: &str, module: &Module, defs: &Defs, offset: u32) -> Vec<Span> {
    let Some(occ) = occurrence_at(src, module, offset) else { return Vec::new() };
    let Some(def) = resolve(src, module, defs, &occ) else { return Vec::new() };
    let text = occ.span.text(src);
    let name = id_name(src, occ.span);
    let def_name = id_name(src, def);
    let candidates = match occ.ns {
        Ns::Local(_) | Ns::Label(_) => Walker::field(src, module, occ.field as usize),
        _ => Walker::module(src, module),
    };
    let mut out: Vec<Span> = candidates
        .iter()
        .filter(|o| {
            // Cheap filter first: same name, or a number (numbers refer by position).
            let n = id_name(src, o.span);
            n.is_none() || n == name || n == def_name || o.span.text(src) == text
        })
        .filter(|o| resolve(src, module, defs, o) == Some(def))
        .map(|o| o.span)
        .collect();
    out.sort_by_key(|s| s.start);
    out.dedup();
    out
}

/// Why a rename cannot be done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RenameError {
    /// Nothing renamable at the position.
    NoId,
    /// The new name is not a valid id.
    BadName(String),
    /// The new name is taken in the namespace.
    Taken(String),
}

/// Rename: the edits (span, new text) that rename the id at `offset` and every reference to it.
/// `new_name` may be written with or without `$`.
pub fn rename(
    src: &str,
    module: &Module,
    defs: &Defs,
    offset: u32,
    new_name: &str,
) -> Result<Vec<(Span, String)>, RenameError> {
    let occ = occurrence_at(src, module, offset).ok_or(RenameError::NoId)?;
    if id_name(src, occ.span).is_none() {
        return Err(RenameError::NoId);
    }
    let def = resolve(src, module, defs, &occ).ok_or(RenameError::NoId)?;
    let new_id = if new_name.starts_with('$') { new_name.to_string() } else { format!("${new_name}") };
    let valid = new_id.len() > 1
        && new_id[1..].bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-./:<=>?@\\^_`|~".contains(&b));
    if !valid {
        return Err(RenameError::BadName(new_id));
    }
    let new_plain = new_id[1..].to_string();
    // The namespaces the definition's name lives in: an entity id is also its primary symbol.
    let def_occ = Walker::module(src, module).into_iter().find(|o| o.span == def);
    if let Some(d) = &def_occ {
        let mut spaces = vec![d.ns];
        if let Some(k) = sym_kind(d.ns) {
            spaces.push(Ns::Sym(k));
        }
        if let Some(e) = match d.ns {
            Ns::Sym(k) => entity_ns(k),
            _ => None,
        } {
            spaces.push(e);
        }
        for ns in spaces {
            let taken = match ns {
                Ns::Local(_) | Ns::Label(_) | Ns::SymLabel(_) => {
                    Walker::field(src, module, d.field as usize).iter().any(|o| {
                        o.ns == ns && o.target == Target::Def && id_name(src, o.span).as_deref() == Some(&new_plain)
                    })
                }
                Ns::Sym(k) => defs.syms[k.slot()].get(&new_plain).is_some_and(|s| *s != def),
                Ns::Comdat => defs.comdats.get(&new_plain).is_some_and(|s| *s != def),
                Ns::Field(t) => defs
                    .type_fields
                    .get(&t)
                    .is_some_and(|f| f.iter().any(|(n, s)| n.as_deref() == Some(&new_plain) && *s != def)),
                _ => defs.space(ns).is_some_and(|s| s.names.get(&new_plain).is_some_and(|x| x.1 != def)),
            };
            if taken {
                return Err(RenameError::Taken(format!("{} `{}` already exists", ns.describe(), new_id)));
            }
        }
    }
    let refs = references(src, module, defs, offset);
    Ok(refs.into_iter().filter(|s| id_name(src, *s).is_some()).map(|s| (s, new_id.clone())).collect())
}
