//! Document symbols (the outline: module fields, with their symbols and segments under them) and
//! the symbols as the linker sees them (for workspace symbols).

use super::Analysis;
use relwat::ast::*;
use relwat::object::SymbolKind;
use relwat::span::Span;

/// What an outline entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A function.
    Function,
    /// A type.
    Type,
    /// A global.
    Global,
    /// A table or memory.
    Table,
    /// A tag.
    Tag,
    /// An import or export.
    Import,
    /// A data or element segment.
    Segment,
    /// A symbol (`(@sym ...)`, data symbols).
    Symbol,
    /// A comdat, custom section, start, annotation.
    Other,
}

/// One outline entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outline {
    /// Shown name.
    pub name: String,
    /// Extra text.
    pub detail: String,
    /// Kind.
    pub kind: Kind,
    /// The whole construct.
    pub span: Span,
    /// What to select (the id, or the keyword).
    pub selection: Span,
    /// Nested entries.
    pub children: Vec<Outline>,
}

fn id_or(src: &str, id: Option<Id>, what: &str, n: u32) -> String {
    id.map_or_else(|| format!("{what} {n}"), |i| i.span.text(src).to_string())
}

fn header_children(src: &str, h: &EntityHeader) -> Vec<Outline> {
    h.syms
        .iter()
        .map(|s| Outline {
            name: s.name.map_or_else(|| "(@sym)".to_string(), |i| format!("(@sym {})", i.span.text(src))),
            detail: s.span.text(src).to_string(),
            kind: Kind::Symbol,
            span: s.span,
            selection: s.name.map_or(s.span, |i| i.span),
            children: Vec::new(),
        })
        .collect()
}

fn data_children(src: &str, items: &[DataItem]) -> Vec<Outline> {
    let mut out = Vec::new();
    for it in items {
        match it {
            DataItem::Sym(s) => out.push(Outline {
                name: s.name.map_or_else(|| "(@sym)".to_string(), |i| i.span.text(src).to_string()),
                detail: s.span.text(src).to_string(),
                kind: Kind::Symbol,
                span: s.span,
                selection: s.name.map_or(s.span, |i| i.span),
                children: Vec::new(),
            }),
            DataItem::Label(id, span) => out.push(Outline {
                name: id.span.text(src).to_string(),
                detail: "label".into(),
                kind: Kind::Other,
                span: *span,
                selection: id.span,
                children: Vec::new(),
            }),
            _ => {}
        }
    }
    out
}

/// The outline of the document.
pub fn outline(a: &Analysis) -> Vec<Outline> {
    let src = a.text();
    let mut out = Vec::new();
    let mut counts = [0u32; 8];
    let mut next = |k: usize| {
        counts[k] += 1;
        counts[k] - 1
    };
    for f in &a.syntax.module.fields {
        let e = |name: String, detail: String, kind, span: Span, sel: Option<Id>, children| Outline {
            name,
            detail,
            kind,
            span,
            selection: sel.map_or(Span::new(span.start, span.start), |i| i.span),
            children,
        };
        match f {
            ModuleField::Types(g) => {
                for t in &g.types {
                    let n = next(0);
                    out.push(e(id_or(src, t.id, "type", n), "type".into(), Kind::Type, t.span, t.id, vec![]));
                }
            }
            ModuleField::Import(i) => {
                let (what, h, kind, k) = match &i.item {
                    ImportItem::Func(x) => ("func", &x.header, Kind::Function, 1),
                    ImportItem::Table(x) => ("table", &x.header, Kind::Table, 2),
                    ImportItem::Memory(x) => ("memory", &x.header, Kind::Table, 3),
                    ImportItem::Global(x) => ("global", &x.header, Kind::Global, 4),
                    ImportItem::Tag(x) => ("tag", &x.header, Kind::Tag, 5),
                };
                let n = next(k);
                out.push(e(
                    id_or(src, h.id, what, n),
                    format!("import \"{}\" \"{}\" ({what})", i.module.as_str(), i.field.as_str()),
                    kind,
                    i.span,
                    h.id,
                    header_children(src, h),
                ));
            }
            ModuleField::Func(_)
            | ModuleField::Table(_)
            | ModuleField::Memory(_)
            | ModuleField::Global(_)
            | ModuleField::Tag(_) => {
                let (word, h, span, kind, k) = match f {
                    ModuleField::Func(x) => ("func", &x.header, x.span, Kind::Function, 1),
                    ModuleField::Table(x) => ("table", &x.header, x.span, Kind::Table, 2),
                    ModuleField::Memory(x) => ("memory", &x.header, x.span, Kind::Table, 3),
                    ModuleField::Global(x) => ("global", &x.header, x.span, Kind::Global, 4),
                    ModuleField::Tag(x) => ("tag", &x.header, x.span, Kind::Tag, 5),
                    _ => unreachable!("matched above"),
                };
                let n = next(k);
                let detail = if k == 1 && h.import.is_some() { "func (import)".into() } else { word.into() };
                // A memory has no symbol of its own to list under it.
                let children = if k == 3 { vec![] } else { header_children(src, h) };
                out.push(e(id_or(src, h.id, word, n), detail, kind, span, h.id, children));
            }
            ModuleField::Export(x) => {
                out.push(e(
                    format!("export \"{}\"", x.name.as_str()),
                    x.index.span.text(src).to_string(),
                    Kind::Import,
                    x.span,
                    None,
                    vec![],
                ));
            }
            ModuleField::Start(s) => {
                out.push(e("start".into(), s.func.span.text(src).to_string(), Kind::Other, s.span, None, vec![]))
            }
            ModuleField::Elem(x) => {
                let n = next(6);
                out.push(e(id_or(src, x.id, "elem", n), "elem".into(), Kind::Segment, x.span, x.id, vec![]));
            }
            ModuleField::Data(x) => {
                let n = next(7);
                let seg_name = x.segment.as_ref().and_then(|s| {
                    s.qualifiers.iter().find_map(|(q, _)| match q {
                        SegQualifier::Name(n) => Some(n.as_str().to_string()),
                        _ => None,
                    })
                });
                let detail = seg_name.map_or_else(|| "data".to_string(), |n| format!("data segment \"{n}\""));
                out.push(e(
                    id_or(src, x.id, "data", n),
                    detail,
                    Kind::Segment,
                    x.span,
                    x.id,
                    data_children(src, &x.items),
                ));
            }
            ModuleField::Custom(c) => {
                out.push(e(
                    format!("@custom \"{}\"", c.name.as_str()),
                    "custom section".into(),
                    Kind::Other,
                    c.span,
                    None,
                    data_children(src, &c.items),
                ));
            }
            ModuleField::Comdat(c) => {
                out.push(e(
                    c.id.span.text(src).to_string(),
                    format!("comdat \"{}\"", c.name.as_str()),
                    Kind::Other,
                    c.span,
                    Some(c.id),
                    vec![],
                ));
            }
            ModuleField::DataImport(s) => {
                out.push(e(
                    s.name.map_or_else(|| "@sym.import.data".into(), |i| i.span.text(src).to_string()),
                    "data import".into(),
                    Kind::Symbol,
                    s.span,
                    s.name,
                    vec![],
                ));
            }
            ModuleField::Unknown(_) => {}
        }
    }
    out
}

/// A symbol as the linker sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkerSymbol {
    /// Its name in the object.
    pub name: String,
    /// Its kind.
    pub kind: SymbolKind,
    /// Where it is declared.
    pub span: Span,
    /// Flags in words.
    pub detail: String,
}

/// Every symbol of the object (section symbols excluded).
pub fn linker_symbols(a: &Analysis) -> Vec<LinkerSymbol> {
    let Some(l) = &a.checked.linking else { return Vec::new() };
    l.symbols
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind != SymbolKind::Section && !s.name.is_empty())
        .map(|(i, s)| LinkerSymbol {
            name: s.name.clone(),
            kind: s.kind,
            span: s.span,
            detail: super::hover::describe_symbol(a, i),
        })
        .collect()
}
