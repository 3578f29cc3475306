//! Instructions: block types, catch clauses, memory arguments, immediates and expressions.

use super::*;

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
