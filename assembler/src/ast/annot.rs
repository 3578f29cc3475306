//! The annotations of the linking proposal: relocations, symbols, segment info, data items,
//! custom sections and comdats.

use super::*;

/// Relocation format (`i32`, `leb`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum RelocFormat {
    I32,
    I64,
    Leb,
    Sleb,
    Leb64,
    Sleb64,
}

/// Relocation method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum RelocMethod {
    Tag,
    Table,
    Global,
    Func,
    FuncTable,
    FuncText,
    CustomText,
    Data,
}

/// Relocation modifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum RelocModifier {
    Pic,
    Tls,
}

/// What a relocation refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RelocTarget {
    /// A symbol id or index.
    Symbol(Index),
    /// `customtext`: the custom section by name.
    Section(Str),
    /// `(@reloc none)`: not relocated.
    None(Span),
}

/// A relocation addend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Addend {
    /// `+N` / `-N`.
    Value(i64, Span),
    /// A label id.
    Label(Id),
}

/// `(@reloc format? method? modifier? target? addend?)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelocAnnot {
    /// The whole annotation.
    pub span: Span,
    /// Written format.
    pub format: Option<(RelocFormat, Span)>,
    /// Written method.
    pub method: Option<(RelocMethod, Span)>,
    /// Written modifier.
    pub modifier: Option<(RelocModifier, Span)>,
    /// Written target.
    pub target: Option<RelocTarget>,
    /// Written addend.
    pub addend: Option<Addend>,
}

/// Symbol binding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Binding {
    Global,
    Local,
    Weak,
}

/// Symbol visibility.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Visibility {
    Default,
    Hidden,
}

/// A symbol qualifier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SymQualifier {
    /// `global`, `local`, `weak`.
    Binding(Binding),
    /// `default`, `hidden`.
    Visibility(Visibility),
    /// `retain`.
    Retain,
    /// `tls`.
    Tls,
    /// `(size N)`.
    Size(u64),
    /// `(offset N)`.
    Offset(u64),
    /// `(name "...")`.
    Name(Str),
    /// `(init_prio N)`.
    InitPrio(u32),
    /// `(comdat $c)`.
    Comdat(Index),
    /// rwat's `(@comdat "G")` in a function's header (D12): the comdat named G, declared or not.
    ComdatNamed(Str),
}

/// `(@sym name? qualifier*)`, `(@sym none)`, and `(@sym.import.data ...)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SymAnnot {
    /// The whole annotation.
    pub span: Span,
    /// The symbol's id; `None` for the primary symbol.
    pub name: Option<Id>,
    /// `(@sym none)`.
    pub none: bool,
    /// Qualifiers in written order, each with its span.
    pub qualifiers: Vec<(SymQualifier, Span)>,
}

/// A data segment qualifier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SegQualifier {
    /// `(align N)`, in bytes as written.
    Align(u64),
    /// `(name "...")`.
    Name(Str),
    /// `strings`.
    Strings,
    /// `tls`.
    Tls,
    /// `retain`.
    Retain,
}

/// `(@sym.segment qualifier*)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegAnnot {
    /// The whole annotation.
    pub span: Span,
    /// Qualifiers with spans.
    pub qualifiers: Vec<(SegQualifier, Span)>,
}

/// One item of a data segment's or custom section's contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataItem {
    /// A string's bytes.
    Bytes(Str),
    /// `(@sym ...)`: a data symbol starting here.
    Sym(SymAnnot),
    /// `(@reloc ...)`: relocates the bytes just before.
    Reloc(RelocAnnot),
    /// `(@sym.label $l)`.
    Label(Id, Span),
    /// `(@comdat $c)` inside `(@custom ...)`: the section joins the comdat.
    Comdat(Index, Span),
}

/// Where a custom section goes: `(before code)`, `(after data)`, ...
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CustomPlace {
    /// Before the first section (`(before first)`).
    BeforeFirst,
    /// Before a section.
    Before(SectionAnchor),
    /// After a section.
    After(SectionAnchor),
    /// After the last section (the default, and `(after last)`).
    AfterLast,
}

/// Known sections a custom section can be placed next to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum SectionAnchor {
    Type,
    Import,
    Func,
    Table,
    Memory,
    Global,
    Export,
    Start,
    Elem,
    Code,
    Data,
    Tag,
}

/// `(@custom "name" place? item*)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Custom {
    /// The whole annotation.
    pub span: Span,
    /// Section name.
    pub name: Str,
    /// Placement.
    pub place: CustomPlace,
    /// Contents.
    pub items: Vec<DataItem>,
}

/// `(@comdat $c "name")`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comdat {
    /// The whole annotation.
    pub span: Span,
    /// Its id.
    pub id: Id,
    /// The comdat's name in the object.
    pub name: Str,
}
