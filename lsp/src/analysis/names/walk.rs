//! Every id occurrence of a field or a module, with the namespace it belongs to and, for the
//! uses the assembler's resolver resolves (module index spaces, locals, labels), what it resolved
//! them to: the index the resolver wrote into the tree, turned into its definition's place.

use super::*;

/// Walks the tree and lists every occurrence.
pub struct Walker {
    /// What was found.
    pub out: Vec<Occ>,
    field: u32,
    type_index: u32,
    /// The parameters and locals of the function being walked, by index: each id's place.
    locals: Vec<Option<Span>>,
    labels: Vec<(Option<Id>, Span)>,
    /// The number of parameters of each explicit function type (by type index), for the
    /// functions whose signature is only `(type $t)`.
    param_counts: Vec<usize>,
}

impl Walker {
    /// A walker over `src`.
    pub fn new(m: &Module) -> Walker {
        let mut param_counts = Vec::new();
        for f in &m.fields {
            if let ModuleField::Types(g) = f {
                param_counts.extend(g.types.iter().map(|t| match &t.ty.composite.kind {
                    CompositeKind::Func(ft) => ft.params.len(),
                    _ => 0,
                }));
            }
        }
        Walker { out: Vec::new(), field: 0, type_index: 0, locals: Vec::new(), labels: Vec::new(), param_counts }
    }

    /// Every occurrence in the module.
    pub fn module(m: &Module) -> Vec<Occ> {
        let mut w = Walker::new(m);
        for (i, f) in m.fields.iter().enumerate() {
            w.field = i as u32;
            w.field_(f);
        }
        w.out
    }

    /// The occurrences in field `index` of the module (type indices counted from the start).
    pub fn field(m: &Module, index: usize) -> Vec<Occ> {
        let mut w = Walker::new(m);
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
        let target = match ns {
            // What the resolver wrote into the tree (an id that names nothing names nothing).
            Ns::Space(space) if i.is_resolved() => Target::Resolved(space, i.num),
            Ns::Space(_) => Target::Unknown,
            _ => Target::Module,
        };
        self.push(i.span, ns, target);
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
        if let Some(RelocTarget::Symbol(i)) = &r.target
            && let Some(k) = kind
        {
            self.use_(i, Ns::Sym(k));
        }
        if let Some(Addend::Label(id)) = r.addend {
            self.push(id.span, Ns::SymLabel(u32::MAX), Target::Module);
        }
    }

    fn func(&mut self, f: &Func) {
        self.header(&f.header, Ns::FUNC);
        self.typeuse(&f.ty);
        self.locals.clear();
        let scope = Ns::Local(self.field);
        match &f.ty.inline {
            Some(ft) => {
                for p in &ft.params {
                    if let Some(id) = p.id {
                        self.push(id.span, scope, Target::Def);
                    }
                    self.locals.push(p.id.map(|id| id.span));
                }
            }
            // `(type $t)` alone: parameters without ids, as many as the type has.
            None => {
                let n = self.param_counts.get(f.ty.resolved as usize).copied().unwrap_or(0);
                self.locals.resize(n, None);
            }
        }
        for l in &f.locals {
            self.valtype(&l.ty);
            if let Some(id) = l.id {
                self.push(id.span, scope, Target::Def);
            }
            self.locals.push(l.id.map(|id| id.span));
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

    /// A label: the resolver wrote its depth into the tree (for an id and a number alike).
    fn label_use(&mut self, i: &Index) {
        let ns = Ns::Label(self.field);
        if i.span.start >= i.span.end {
            return;
        }
        let depth = i.num as usize;
        let target = match self.labels.len().checked_sub(depth + 1) {
            Some(k) if i.is_resolved() => {
                let (l, s) = self.labels[k];
                Target::Known(l.map_or(s, |l| l.span))
            }
            _ => Target::Unknown,
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
                    // The index the resolver wrote into the tree, to the local's id.
                    let t = match self.locals.get(i.num as usize) {
                        Some(Some(s)) if i.is_resolved() => Target::Known(*s),
                        _ => Target::Unknown,
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
