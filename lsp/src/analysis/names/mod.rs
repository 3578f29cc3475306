//! Names: every id occurrence in the tree with the namespace it belongs to, the definitions at
//! module level, and what each occurrence refers to. Go to definition, find references and rename
//! are built on these.

use relwat::ast::*;
use relwat::instructions::ImmKind;
use relwat::literals;
use relwat::span::Span;
use std::collections::HashMap;

pub use relwat::kinds::{IndexSpace, SymbolKind};

mod defs;
mod walk;

pub use defs::{Defs, Space};
pub use walk::Walker;

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
    pub(crate) fn space(self) -> Option<IndexSpace> {
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

/// What an occurrence refers to, as far as the walk knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// It is a definition.
    Def,
    /// Resolved during the walk (locals, block labels): the definition's span.
    Known(Span),
    /// Not resolvable (unknown local, label, ...).
    Unknown,
    /// An index of a module index space, as the assembler's resolver resolved it.
    Resolved(IndexSpace, u32),
    /// A symbol, comdat or addend label: what the object rules resolved it to (see [`Defs`]).
    Module,
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

/// Where the definition of the occurrence is (for a definition: itself).
pub fn resolve(src: &str, defs: &Defs, occ: &Occ) -> Option<Span> {
    match &occ.target {
        Target::Def => Some(occ.span),
        Target::Known(s) => Some(*s),
        Target::Unknown => None,
        Target::Resolved(space, index) => defs.spaces.space(*space).list.get(*index as usize).map(|x| x.0),
        Target::Module => defs.lookup(src, occ.ns, occ.span),
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
pub fn occurrence_at(module: &Module, offset: u32) -> Option<Occ> {
    let fi = field_at(module, offset)?;
    let occs = Walker::field(module, fi);
    occs.iter()
        .find(|o| o.span.start <= offset && offset < o.span.end)
        .or_else(|| occs.iter().find(|o| o.span.end == offset))
        .cloned()
}

/// Go to definition: the definition's span.
pub fn definition(src: &str, module: &Module, defs: &Defs, offset: u32) -> Option<Span> {
    let occ = occurrence_at(module, offset)?;
    resolve(src, defs, &occ)
}

/// Every occurrence that refers to the same definition as the one at `offset` (definitions
/// included), sorted.
pub fn references(src: &str, module: &Module, defs: &Defs, offset: u32) -> Vec<Span> {
    let Some(occ) = occurrence_at(module, offset) else { return Vec::new() };
    let Some(def) = resolve(src, defs, &occ) else { return Vec::new() };
    let text = occ.span.text(src);
    let name = id_name(src, occ.span);
    let def_name = id_name(src, def);
    let candidates = match occ.ns {
        Ns::Local(_) | Ns::Label(_) => Walker::field(module, occ.field as usize),
        _ => Walker::module(module),
    };
    let mut out: Vec<Span> = candidates
        .iter()
        .filter(|o| {
            // Cheap filter first: same name, or a number (numbers refer by position).
            let n = id_name(src, o.span);
            n.is_none() || n == name || n == def_name || o.span.text(src) == text
        })
        .filter(|o| resolve(src, defs, o) == Some(def))
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
    let occ = occurrence_at(module, offset).ok_or(RenameError::NoId)?;
    if id_name(src, occ.span).is_none() {
        return Err(RenameError::NoId);
    }
    let def = resolve(src, defs, &occ).ok_or(RenameError::NoId)?;
    let new_id = if new_name.starts_with('$') { new_name.to_string() } else { format!("${new_name}") };
    let valid = new_id.len() > 1
        && new_id[1..].bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-./:<=>?@\\^_`|~".contains(&b));
    if !valid {
        return Err(RenameError::BadName(new_id));
    }
    let new_plain = new_id[1..].to_string();
    // The namespaces the definition's name lives in: an entity id is also its primary symbol.
    let def_occ = Walker::module(module).into_iter().find(|o| o.span == def);
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
                    Walker::field(module, d.field as usize).iter().any(|o| {
                        o.ns == ns && o.target == Target::Def && id_name(src, o.span).as_deref() == Some(&new_plain)
                    })
                }
                Ns::Sym(k) => defs.syms[k.slot()].get(&new_plain).is_some_and(|s| *s != def),
                Ns::Comdat => defs.comdats.get(&new_plain).is_some_and(|s| *s != def),
                Ns::Field(t) => defs
                    .spaces
                    .struct_fields
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

/// Go to type definition: the definition of the type of what the id at `offset` names: a
/// function's or a tag's type (when it is one the text defines, not one added for an inline
/// signature), the `(ref $t)` of a global, a table, a parameter or a local.
pub fn type_definition(src: &str, module: &Module, defs: &Defs, offset: u32) -> Option<Span> {
    let occ = occurrence_at(module, offset)?;
    let def = resolve(src, defs, &occ)?;
    let types = defs.spaces.space(IndexSpace::Type);
    let of_type_index = |i: u32| types.list.get(i as usize).map(|x| x.0);
    let of_valtype = |t: &ValType| match t {
        ValType::Ref(RefType { heap: HeapType::Concrete(i) | HeapType::Exact(i), .. }) => of_type_index(i.num),
        _ => None,
    };
    let ns = match occ.ns {
        Ns::Sym(k) => entity_ns(k)?,
        ns => ns,
    };
    match ns {
        Ns::Local(field) => {
            let ModuleField::Func(f) = module.fields.get(field as usize)? else { return None };
            let params = f.ty.inline.iter().flat_map(|t| t.params.iter().map(|p| (p.id, &p.ty)));
            let locals = f.locals.iter().map(|l| (l.id, &l.ty));
            let (_, ty) = params.chain(locals).find(|(id, _)| id.is_some_and(|id| id.span == def))?;
            of_valtype(ty)
        }
        Ns::FUNC | Ns::TAG | Ns::GLOBAL | Ns::TABLE => {
            let field = module.fields.get(field_at(module, def.start)?)?;
            match field {
                ModuleField::Func(f) => of_type_index(f.ty.resolved),
                ModuleField::Tag(t) => of_type_index(t.ty.resolved),
                ModuleField::Global(g) => of_valtype(&g.ty.ty),
                ModuleField::Table(t) => of_valtype(&ValType::Ref(t.ty.elem)),
                ModuleField::Import(i) => match &i.item {
                    ImportItem::Func(f) => of_type_index(f.ty.resolved),
                    ImportItem::Tag(t) => of_type_index(t.ty.resolved),
                    ImportItem::Global(g) => of_valtype(&g.ty.ty),
                    ImportItem::Table(t) => of_valtype(&ValType::Ref(t.ty.elem)),
                    ImportItem::Memory(_) => None,
                },
                _ => None,
            }
        }
        _ => None,
    }
}
