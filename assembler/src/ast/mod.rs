//! The syntax tree. Every node carries its source [`Span`].
//!
//! Ids are kept as spans (the text is in the source), so the tree has no lifetime and stays small;
//! [`Index`] holds either a number or an id, and the resolver fills in the number.

use crate::instructions::InstrId;
use crate::span::Span;

mod annot;
mod instr;
mod types;

pub use annot::*;
pub use instr::*;
pub use types::*;

/// An identifier `$name` (or `$"name"`); the span covers the whole token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Id {
    /// The `$...` token.
    pub span: Span,
}

/// A reference into an index space, written as a number or an id.
///
/// Whether it is an id is read from the source (`$` at the span's start), which keeps this
/// 12 bytes: instructions hold many of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Index {
    /// The token; empty when the index was left out and defaults to 0.
    pub span: Span,
    /// The index: as written for a number; filled in by the resolver for an id.
    pub num: u32,
}

impl Index {
    /// A numeric index.
    pub fn num(num: u32, span: Span) -> Index {
        Index { span, num }
    }

    /// What [`Index::num`] holds for an id that names nothing: never an index, so that a
    /// mistake is never taken for entity 0 (by the object writer, hovers, hints).
    pub const UNRESOLVED: u32 = u32::MAX;

    /// An id reference, unresolved.
    pub fn id(span: Span) -> Index {
        Index { span, num: Index::UNRESOLVED }
    }

    /// Whether the index is a number, or an id the resolver found.
    pub fn is_resolved(&self) -> bool {
        self.num != Index::UNRESOLVED
    }

    /// Whether it is written as an id.
    pub fn is_id(&self, src: &str) -> bool {
        self.span.start < self.span.end && src.as_bytes().get(self.span.start as usize) == Some(&b'$')
    }
}

/// A string literal: its decoded bytes and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Str {
    /// The decoded bytes.
    pub bytes: Vec<u8>,
    /// The token(s).
    pub span: Span,
}

impl Str {
    /// The bytes as UTF-8 (names are checked to be UTF-8 by the parser).
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes).unwrap_or("")
    }
}

// ---------------------------------------------------------------------------------------------
// Module fields

/// `(export "name")` written inside a definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlineExport {
    /// The name.
    pub name: Str,
    /// The `(export ...)`.
    pub span: Span,
}

/// `(import "module" "field")` written inside a definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlineImport {
    /// Module name.
    pub module: Str,
    /// Field name.
    pub field: Str,
    /// The `(import ...)`.
    pub span: Span,
}

/// What every definition that can be imported and exported has in common.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityHeader {
    /// `$id`.
    pub id: Option<Id>,
    /// Symbol annotations after the id.
    pub syms: Vec<SymAnnot>,
    /// Inline exports.
    pub exports: Vec<InlineExport>,
    /// Inline import; a definition with it has no body.
    pub import: Option<InlineImport>,
}

/// A local declaration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Local {
    /// `$x`.
    pub id: Option<Id>,
    /// Its type.
    pub ty: ValType,
    /// Where the type is.
    pub span: Span,
}

/// `(func ...)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Func {
    /// The whole field.
    pub span: Span,
    /// Id, symbols, exports, import.
    pub header: EntityHeader,
    /// `(exact (type ...))` on an import (custom descriptors).
    pub exact: bool,
    /// Its type.
    pub ty: TypeUse,
    /// Locals.
    pub locals: Vec<Local>,
    /// Body.
    pub body: Expr,
}

/// How a table is initialised.
#[derive(Clone, Debug, PartialEq)]
pub enum TableInit {
    /// Default null.
    None,
    /// `(table ... reftype expr)`.
    Expr(Expr),
    /// `(table reftype (elem ...))`: an implicit active element segment.
    Elems(ElemItems),
}

/// `(table ...)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The whole field.
    pub span: Span,
    /// Id, symbols, exports, import.
    pub header: EntityHeader,
    /// Its type.
    pub ty: TableType,
    /// Initialisation.
    pub init: TableInit,
}

/// `(memory ...)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Memory {
    /// The whole field.
    pub span: Span,
    /// Id, symbols, exports, import.
    pub header: EntityHeader,
    /// Its type.
    pub ty: MemoryType,
    /// `(memory (data ...))`: an implicit active data segment.
    pub inline_data: Option<Vec<DataItem>>,
}

/// `(global ...)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Global {
    /// The whole field.
    pub span: Span,
    /// Id, symbols, exports, import.
    pub header: EntityHeader,
    /// Its type.
    pub ty: GlobalType,
    /// Initialiser (empty for imports).
    pub init: Expr,
}

/// `(tag ...)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Tag {
    /// The whole field.
    pub span: Span,
    /// Id, symbols, exports, import.
    pub header: EntityHeader,
    /// Its type.
    pub ty: TypeUse,
}

pub use crate::kinds::ExternKind;

/// The item of an `(import "m" "f" item)` field.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportItem {
    /// `(func $id? typeuse)`.
    Func(Func),
    /// `(table ...)`.
    Table(Table),
    /// `(memory ...)`.
    Memory(Memory),
    /// `(global ...)`.
    Global(Global),
    /// `(tag ...)`.
    Tag(Tag),
}

/// `(import "module" "field" item)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// The whole field.
    pub span: Span,
    /// Module name.
    pub module: Str,
    /// Field name.
    pub field: Str,
    /// The item (its header's `import` is `None`).
    pub item: ImportItem,
}

/// `(export "name" (kind index))`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    /// The whole field.
    pub span: Span,
    /// The export name.
    pub name: Str,
    /// Kind.
    pub kind: ExternKind,
    /// What is exported.
    pub index: Index,
}

/// Element segment items.
#[derive(Clone, Debug, PartialEq)]
pub enum ElemItems {
    /// `func $a $b` (funcref only).
    Funcs(Vec<Index>),
    /// `reftype (item expr)*`.
    Exprs(RefType, Vec<Expr>),
}

/// Element segment mode.
#[derive(Clone, Debug, PartialEq)]
pub enum ElemMode {
    /// `passive`.
    Passive,
    /// `declare`.
    Declared,
    /// Active in a table at an offset.
    Active {
        /// `(table $t)`; `None` when not written.
        table: Option<Index>,
        /// Offset expression.
        offset: Expr,
    },
}

/// `(elem ...)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Elem {
    /// The whole field.
    pub span: Span,
    /// Its id.
    pub id: Option<Id>,
    /// Mode.
    pub mode: ElemMode,
    /// Items.
    pub items: ElemItems,
}

/// Data segment mode.
#[derive(Clone, Debug, PartialEq)]
pub enum DataMode {
    /// `passive`.
    Passive,
    /// Active in a memory at an offset.
    Active {
        /// `(memory $m)`, default 0.
        memory: Index,
        /// Offset expression.
        offset: Expr,
    },
}

/// `(data ...)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Data {
    /// The whole field.
    pub span: Span,
    /// Its id.
    pub id: Option<Id>,
    /// `(@sym.segment ...)`.
    pub segment: Option<SegAnnot>,
    /// Mode.
    pub mode: DataMode,
    /// Contents with symbols, relocations and labels.
    pub items: Vec<DataItem>,
}

/// `(start $f)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Start {
    /// The whole field.
    pub span: Span,
    /// The function.
    pub func: Index,
}

/// An annotation this tool does not know: kept, ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownAnnot {
    /// The whole annotation.
    pub span: Span,
    /// The `(@name` token.
    pub name: Span,
}

/// A module field.
#[derive(Clone, Debug, PartialEq)]
pub enum ModuleField {
    /// `(type ...)` or `(rec ...)`.
    Types(RecGroup),
    /// `(import ...)`.
    Import(Import),
    /// `(func ...)`.
    Func(Func),
    /// `(table ...)`.
    Table(Table),
    /// `(memory ...)`.
    Memory(Memory),
    /// `(global ...)`.
    Global(Global),
    /// `(export ...)`.
    Export(Export),
    /// `(start ...)`.
    Start(Start),
    /// `(elem ...)`.
    Elem(Elem),
    /// `(data ...)`.
    Data(Data),
    /// `(tag ...)`.
    Tag(Tag),
    /// `(@custom ...)`.
    Custom(Custom),
    /// `(@comdat ...)`.
    Comdat(Comdat),
    /// `(@sym.import.data ...)`.
    DataImport(SymAnnot),
    /// Any other annotation.
    Unknown(UnknownAnnot),
}

impl Module {
    /// The indices in [`Module::fields`] of the defined functions (those with a body), in order.
    pub fn defined_funcs(&self) -> Vec<usize> {
        let defined = |f: &ModuleField| matches!(f, ModuleField::Func(f) if f.header.import.is_none());
        (0..self.fields.len()).filter(|&i| defined(&self.fields[i])).collect()
    }
}

impl ModuleField {
    /// The field's whole text, from its `(` to its `)`.
    pub fn span(&self) -> Span {
        match self {
            ModuleField::Types(g) => g.span,
            ModuleField::Import(x) => x.span,
            ModuleField::Func(x) => x.span,
            ModuleField::Table(x) => x.span,
            ModuleField::Memory(x) => x.span,
            ModuleField::Global(x) => x.span,
            ModuleField::Export(x) => x.span,
            ModuleField::Start(x) => x.span,
            ModuleField::Elem(x) => x.span,
            ModuleField::Data(x) => x.span,
            ModuleField::Tag(x) => x.span,
            ModuleField::Custom(x) => x.span,
            ModuleField::Comdat(x) => x.span,
            ModuleField::DataImport(x) => x.span,
            ModuleField::Unknown(x) => x.span,
        }
    }
}

/// A module: `(module $id? field*)` or a bare list of fields.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Module {
    /// The whole module.
    pub span: Span,
    /// `$id`.
    pub id: Option<Id>,
    /// Fields in source order.
    pub fields: Vec<ModuleField>,
    /// `(@relwat.layout ...)`: byte-level choices (filled in by [`crate::parser::layout::read`]).
    pub layout: Layout,
    /// The memory an object imports without a word in the text: code that uses memory in a
    /// module that declares none reads `(import "env" "__linear_memory" (memory 0))` of this
    /// address type into it, before every other import (decisions.md D12). Set by
    /// [`crate::pipeline::run`].
    pub implied_memory: Option<AddrType>,
}

// ---------------------------------------------------------------------------------------------
// Layout: byte-level choices the rest of the text cannot express

/// `(@relwat.layout option*)`: how an object is laid out where the text leaves a choice, so that
/// `obj2wat` output re-assembles byte for byte. Every option is off by default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The annotation, when written.
    pub span: Option<Span>,
    /// `(section-size padded)`: every section size, and every `linking` subsection size, is a
    /// 5-byte LEB (as LLVM writes them).
    pub padded_sizes: bool,
    /// `(datacount always)`: the DataCount section is written even when no instruction needs it
    /// (LLVM writes it whenever an object has data segments), `Some(true)`; `(datacount none)`:
    /// never, even when an instruction names a data segment (llvm-mc without bulk memory),
    /// `Some(false)`.
    pub datacount: Option<bool>,
    /// `(target-features none)`: the object gets no `target_features` section.
    pub no_target_features: bool,
    /// `(symbol-order ...)`: the symbol table starts with these symbols, in this order; the
    /// others follow in their usual order.
    pub symbol_order: Option<Vec<SymbolRef>>,
    /// `(init-order $f ...)`: the init functions start with these (by function symbol), in this
    /// order; the others follow in their usual order.
    pub init_order: Option<Vec<Index>>,
    /// `(symbol-flags $sym 0xNN)`, one per symbol: that symbol's flags word, exactly (for flag
    /// combinations no annotation gives, decisions.md D3).
    pub symbol_flags: Vec<SymbolFlags>,
    /// `(reloc-offset padded)`: the offset of every relocation entry is a 5-byte LEB.
    pub padded_reloc_offsets: bool,
    /// `(reloc-order data code ".debug_info" ...)`: the `reloc.*` sections start with those of
    /// these sections, in this order; the others follow in their usual order (code, data, custom
    /// sections in section order).
    pub reloc_order: Option<Vec<RelocSectionRef>>,
}

/// A section named in `(reloc-order ...)`: the section a `reloc.*` section applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RelocSectionRef {
    /// `code`.
    Code(Span),
    /// `data`.
    Data(Span),
    /// A custom section, by name.
    Custom(Str),
}

/// One `(symbol-flags ...)` entry of the layout annotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SymbolFlags {
    /// The symbol.
    pub symbol: SymbolRef,
    /// The flags word (`WASM_SYM_*` bits).
    pub flags: u32,
    /// The entry.
    pub span: Span,
}

/// A symbol named in `(symbol-order ...)`: `(func $f)`, `(data $x)`, `(section ".debug_str")`, ...
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SymbolRef {
    /// A function, global, table or tag symbol: by symbol id, or an entity's number for its
    /// primary symbol.
    Entity(ExternKind, Index),
    /// A data symbol, by id.
    Data(Index),
    /// The section symbol of the custom section with this name.
    Section(Str),
    /// A symbol id of any kind (`symbol-flags` without a kind): it must name one symbol.
    Any(Index),
}
