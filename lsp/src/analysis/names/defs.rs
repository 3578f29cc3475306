//! The definitions at module level: ids of the index spaces, symbols, comdats and labels, by
//! name.

use super::*;

pub use relwat::resolve::{Definitions, SpaceDefinitions as Space};

/// Module-level definitions: those of the index spaces and struct fields as the assembler's
/// resolver found them, and the symbol and comdat ids (which the object writer reads).
#[derive(Debug, Default)]
pub struct Defs {
    /// The index spaces and struct fields (from the check's resolution).
    pub spaces: Definitions,
    /// Symbol ids per kind: name → the defining id's span (an entity id for primary symbols).
    pub syms: [HashMap<String, Span>; 6],
    /// Comdats: name → id span.
    pub comdats: HashMap<String, Span>,
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
    /// Collects the symbol and comdat ids of `module` (bodies are not visited); the index
    /// spaces are `spaces`, from the resolution of the same tree.
    pub fn build(src: &str, module: &Module, spaces: Definitions) -> Defs {
        let mut d = Defs { spaces, ..Defs::default() };
        for f in &module.fields {
            for (ns, h, _) in header_entity(f) {
                if let Some(k) = sym_kind(ns) {
                    for id in h.id.iter().chain(h.syms.iter().filter_map(|s| s.name.as_ref())) {
                        if let Some(n) = id_name(src, id.span) {
                            d.syms[k.slot()].entry(n).or_insert(id.span);
                        }
                    }
                }
            }
            match f {
                ModuleField::Data(x) => data_syms(src, &x.items, &mut d.syms[SymbolKind::Data.slot()]),
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
        ns.space().map(|s| self.spaces.space(s))
    }

    /// The definition a symbol, comdat or struct-field occurrence (`$name` or a number) refers to.
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
            Ns::Field(t) => self.spaces.struct_field(src, t, span),
            // Uses of index spaces, locals and labels are what the resolver made them (see
            // `walk.rs`), never looked up again by name.
            _ => None,
        }
    }

    /// The index and field of the entity whose id (or field) is at `def` in a module space.
    pub fn entity_of(&self, ns: Ns, def: Span) -> Option<(u32, u32)> {
        self.spaces.entity_of(ns.space()?, def)
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
