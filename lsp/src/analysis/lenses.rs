//! Code lenses above each function with an id: the symbols the object gives it (name, binding,
//! visibility, export, ...) and how many times the text refers to it, relocations included. The
//! lenses are listed cheaply and their text is made when the editor shows them (resolve).

use super::hover::flag_words;
use super::{Analysis, names};
use relwat::kinds::{IndexSpace, SymbolKind};
use relwat::span::Span;

/// A lens: above the function with `index`, at its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lens {
    /// The function's id.
    pub span: Span,
    /// The function's index.
    pub index: u32,
}

/// A lens for every function with an id.
pub fn lenses(a: &Analysis) -> Vec<Lens> {
    let space = a.defs().spaces.space(IndexSpace::Func);
    space
        .list
        .iter()
        .enumerate()
        .filter(|(_, (_, has_id))| *has_id)
        .map(|(i, &(span, _))| Lens { span, index: i as u32 })
        .collect()
}

/// The text of the lens of function `index`: `symbol "f" (global, default, exported) ·
/// 3 references`, one part per symbol (aliases included), or `no symbol`.
pub fn lens_text(a: &Analysis, index: u32) -> Option<String> {
    let space = a.defs().spaces.space(IndexSpace::Func);
    let &(def, true) = space.list.get(index as usize)? else { return None };
    let mut parts = Vec::new();
    if let Some(link) = &a.checked.linking {
        for s in link.symbols.iter().filter(|s| s.kind == SymbolKind::Function && s.index == index) {
            let name = if s.name.is_empty() { "(no name)".to_string() } else { format!("\"{}\"", s.name) };
            parts.push(format!("symbol {name} ({})", flag_words(s).join(", ")));
        }
    }
    if parts.is_empty() {
        parts.push("no symbol".to_string());
    }
    let refs =
        names::references(a.text(), &a.syntax.module, a.defs(), def.start).into_iter().filter(|s| *s != def).count();
    parts.push(match refs {
        1 => "1 reference".to_string(),
        n => format!("{n} references"),
    });
    Some(parts.join(" · "))
}
