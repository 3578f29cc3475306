//! The definitions at module level: ids of the index spaces, symbols, comdats and labels, by
//! name.

use super::*;

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
