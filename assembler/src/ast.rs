//! The syntax tree. Every node carries its source [`Span`].
//!
//! Ids are kept as spans (the text is in the source), so the tree has no lifetime and stays small;
//! [`Index`] holds either a number or an id, and the resolver fills in the number.

use crate::instructions::InstrId;
use crate::span::Span;

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

    /// An id reference, unresolved.
    pub fn id(span: Span) -> Index {
        Index { span, num: u32::MAX }
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
// Types

/// Abstract heap types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum AbsHeap {
    Func,
    Extern,
    Any,
    None,
    NoExtern,
    NoFunc,
    Eq,
    Struct,
    Array,
    I31,
    Exn,
    NoExn,
    Cont,
    NoCont,
}

/// A heap type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeapType {
    /// An abstract heap type, possibly `shared`.
    Abstract {
        /// `(shared ...)`.
        shared: bool,
        /// Which one.
        ty: AbsHeap,
    },
    /// A type index.
    Concrete(Index),
    /// `(exact $t)` (custom descriptors).
    Exact(Index),
}

/// A reference type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RefType {
    /// `null` or a shorthand like `funcref`.
    pub nullable: bool,
    /// The heap type.
    pub heap: HeapType,
}

/// A value type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum ValType {
    I32,
    I64,
    F32,
    F64,
    V128,
    Ref(RefType),
}

/// A field's storage type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum StorageType {
    I8,
    I16,
    Val(ValType),
}

/// A parameter or result of a function type; `id` only on named params.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param {
    /// `$x` in `(param $x i32)`.
    pub id: Option<Id>,
    /// The type.
    pub ty: ValType,
    /// Where the type is written.
    pub span: Span,
}

/// A function type: params and results.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FuncType {
    /// Parameters.
    pub params: Vec<Param>,
    /// Results (ids are always `None`).
    pub results: Vec<Param>,
}

/// A struct field or an array's element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldType {
    /// `$f` in `(field $f i32)`.
    pub id: Option<Id>,
    /// `(mut ...)`.
    pub mutable: bool,
    /// The type.
    pub ty: StorageType,
    /// Where it is written.
    pub span: Span,
}

/// The body of a type definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompositeKind {
    /// `(func ...)`.
    Func(FuncType),
    /// `(struct (field ...)*)`.
    Struct(Vec<FieldType>),
    /// `(array ...)`.
    Array(FieldType),
    /// `(cont $ft)` (stack switching).
    Cont(Index),
}

/// A composite type with its `shared` flag and descriptor clauses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompositeType {
    /// `(shared ...)`.
    pub shared: bool,
    /// `(descriptor $t)` (custom descriptors).
    pub descriptor: Option<Index>,
    /// `(describes $t)` (custom descriptors).
    pub describes: Option<Index>,
    /// The kind.
    pub kind: CompositeKind,
}

/// A sub type: `(sub final? $super? comptype)` or a bare composite type (final, no super).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubType {
    /// Whether it is final.
    pub is_final: bool,
    /// The declared supertype.
    pub supertype: Option<Index>,
    /// The composite type.
    pub composite: CompositeType,
}

/// `(type $id? subtype)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeDef {
    /// The whole field.
    pub span: Span,
    /// Its id.
    pub id: Option<Id>,
    /// The definition.
    pub ty: SubType,
}

/// A rec group: `(rec (type ...)*)`, or one plain `(type ...)` field (`explicit == false`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecGroup {
    /// The whole field.
    pub span: Span,
    /// Whether it was written as `(rec ...)`.
    pub explicit: bool,
    /// The types.
    pub types: Vec<TypeDef>,
}

/// A type use: `(type $t)?` followed by inline params and results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeUse {
    /// The whole use (may be empty, at the place it would stand).
    pub span: Span,
    /// `(type $t)`.
    pub index: Option<Index>,
    /// Inline `(param ...)` and `(result ...)`; `None` when neither is written.
    pub inline: Option<FuncType>,
    /// The type index after resolution.
    pub resolved: u32,
}

/// Table, memory limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Minimum.
    pub min: u64,
    /// Maximum.
    pub max: Option<u64>,
    /// Where the limits are written.
    pub span: Span,
}

/// `i32` or `i64` address type of a memory or table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AddrType {
    /// 32-bit (default).
    #[default]
    I32,
    /// 64-bit (memory64 / table64).
    I64,
}

/// A table type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableType {
    /// `i64` for table64.
    pub addr: AddrType,
    /// Limits.
    pub limits: Limits,
    /// Element type.
    pub elem: RefType,
    /// `shared`.
    pub shared: bool,
}

/// A memory type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemoryType {
    /// `i64` for memory64.
    pub addr: AddrType,
    /// Limits, in pages.
    pub limits: Limits,
    /// `shared`.
    pub shared: bool,
    /// `(pagesize N)` (custom page sizes), as log2.
    pub page_size_log2: Option<u32>,
}

/// A global type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GlobalType {
    /// Value type.
    pub ty: ValType,
    /// `(mut ...)`.
    pub mutable: bool,
    /// `shared`.
    pub shared: bool,
}

// ---------------------------------------------------------------------------------------------
// Annotations of the linking proposal

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

// ---------------------------------------------------------------------------------------------
// Instructions

/// A block type: label, and the type use (a single `(result t)` is encoded as that value type).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockType {
    /// The label id.
    pub label: Option<Id>,
    /// `(type ..)? (param ..)* (result ..)*`.
    pub ty: TypeUse,
}

/// One catch clause of `try_table`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CatchClause {
    /// Binary kind: 0 catch, 1 catch_ref, 2 catch_all, 3 catch_all_ref.
    pub kind: u8,
    /// Tag for `catch`/`catch_ref`.
    pub tag: Option<Index>,
    /// Target label.
    pub label: Index,
    /// The clause.
    pub span: Span,
}

/// A memory argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemArg {
    /// Memory index (default 0).
    pub memory: Index,
    /// `offset=N`.
    pub offset: u64,
    /// Alignment as log2 (natural alignment when not written).
    pub align: u32,
}

/// An instruction's immediates, by [`crate::instructions::ImmKind`].
#[derive(Clone, Debug, PartialEq)]
pub enum Imm {
    /// No immediates.
    None,
    /// `block`, `loop`, `if`, `try`.
    Block(Box<BlockType>),
    /// `try_table`.
    TryTable(Box<(BlockType, Vec<CatchClause>)>),
    /// Label id after `end`/`else`/`catch_all`.
    EndLabel(Option<Id>),
    /// One index: label, func, type, local, global, tag, table, elem, data, memory.
    Index(Index),
    /// Two indices: type+field, type+data, type+elem, type+type, table+table, table+elem,
    /// memory+memory, memory+data; legacy `catch` (label id unused, tag).
    Index2(Index, Index),
    /// `array.new_fixed`: type and count.
    TypeCount(Index, u32),
    /// `br_table`: targets, the last is the default.
    BrTable(Vec<Index>),
    /// `call_indirect`: table and type use.
    CallIndirect(Box<(Index, TypeUse)>),
    /// A memory argument.
    MemArg(MemArg),
    /// A memory argument and a lane.
    MemArgLane(MemArg, u8),
    /// `i32.const`.
    I32(i32),
    /// `i64.const`.
    I64(i64),
    /// `f32.const` bit pattern.
    F32(u32),
    /// `f64.const` bit pattern.
    F64(u64),
    /// `v128.const` / `i8x16.shuffle` bytes.
    V128([u8; 16]),
    /// A lane index.
    Lane(u8),
    /// `select` with result types.
    Select(Option<Vec<ValType>>),
    /// `ref.null`.
    HeapType(HeapType),
    /// `ref.test`, `ref.cast`.
    RefType(RefType),
    /// `br_on_cast`, `br_on_cast_fail`.
    BrOnCast(Box<(Index, RefType, RefType)>),
}

/// An instruction in an expression.
#[derive(Clone, Debug, PartialEq)]
pub enum InstrKind {
    /// A real instruction.
    Op(InstrId, Imm),
    /// `(@sym.label $l)`: marks the next instruction's offset.
    Label(Id),
}

/// An instruction with its span (the mnemonic and immediates; for folded instructions the
/// whole parenthesised form).
#[derive(Clone, Debug, PartialEq)]
pub struct Instr {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: InstrKind,
}

/// Which immediate of an instruction an annotation belongs to: its position among the
/// instruction's immediates in text order (0-based); for `try_table`, the catch clause's
/// position (its tag is the clause's one relocatable immediate); for a memory argument, 1 is
/// the offset (0, the memory index, is never relocated).
pub type ImmSlot = u32;

/// An expression: flat instructions (folded forms are unfolded by the parser) and the
/// relocation annotations written after their immediates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Expr {
    /// Instructions in execution order.
    pub instrs: Vec<Instr>,
    /// `(instruction index, which immediate ([`ImmSlot`]), annotation)`.
    pub relocs: Vec<(u32, ImmSlot, RelocAnnot)>,
    /// `(@metadata.code.branch_hint "\01")` before `if`/`br_if`: (instruction index, value).
    pub branch_hints: Vec<(u32, u8)>,
    /// The whole expression.
    pub span: Span,
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
