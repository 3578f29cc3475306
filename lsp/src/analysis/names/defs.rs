//! The definitions at module level: ids of the index spaces (from the resolver) and of the
//! symbols, comdats and addend labels (from the object rules), and what each use names.

use super::*;
use relwat::object::LinkingData;

pub use relwat::resolve::{Definitions, SpaceDefinitions as Space};

/// Module-level definitions: those of the index spaces and struct fields as the assembler's
/// resolver found them, and the symbols, comdats and labels as the object rules resolved them.
#[derive(Debug, Default)]
pub struct Defs {
    /// The index spaces and struct fields (from the check's resolution).
    pub spaces: Definitions,
    /// Symbol ids per kind: name → the declaring id's span (an entity id for primary symbols).
    pub syms: [HashMap<String, Span>; 6],
    /// Comdats: name → id span.
    pub comdats: HashMap<String, Span>,
    /// Every symbol id, comdat id and addend label the object rules resolved: where it is
    /// written → the id that declares what it names.
    uses: HashMap<Span, Span>,
}

impl Defs {
    /// The definitions of a check: `spaces` from its resolution, the rest from the object
    /// rules' symbols, comdats and resolved names (`linking`), of the same tree.
    pub fn build(src: &str, spaces: Definitions, linking: Option<&LinkingData>) -> Defs {
        let mut d = Defs { spaces, ..Defs::default() };
        let Some(l) = linking else { return d };
        for s in &l.symbols {
            if let Some(id) = s.id
                && let Some(n) = id_name(src, id)
            {
                d.syms[s.kind.slot()].entry(n).or_insert(id);
            }
        }
        for c in &l.comdats {
            if let Some(id) = c.id
                && let Some(n) = id_name(src, id)
            {
                d.comdats.entry(n).or_insert(id);
            }
        }
        d.uses = l.name_uses.iter().map(|u| (u.used, u.declared)).collect();
        d
    }

    /// The space of a module namespace.
    pub fn space(&self, ns: Ns) -> Option<&Space> {
        ns.space().map(|s| self.spaces.space(s))
    }

    /// The definition a symbol, comdat, addend label or struct-field occurrence (`$name` or a
    /// number) refers to.
    pub fn lookup(&self, src: &str, ns: Ns, span: Span) -> Option<Span> {
        match ns {
            // What the object rules resolved it to; a number without an id to point at names an
            // entity's primary symbol: the entity of that index, as the resolver numbered them.
            Ns::Sym(_) | Ns::Comdat | Ns::SymLabel(_) => self.uses.get(&span).copied().or_else(|| match ns {
                Ns::Sym(k) if id_name(src, span).is_none() => {
                    let space = self.space(entity_ns(k)?)?;
                    let n = relwat::literals::parse_u32(span.text(src))?;
                    space.list.get(n as usize).map(|x| x.0)
                }
                _ => None,
            }),
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
