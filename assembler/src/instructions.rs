//! The instruction set as one declarative table: mnemonic → opcode and immediate shape.
//!
//! The parser reads immediates by [`ImmKind`], the encoder writes them by the same kind, so a new
//! instruction is one table row.

use crate::suggest;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// How an opcode is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opcode {
    /// A single byte.
    Byte(u8),
    /// A prefix byte (`0xfb`, `0xfc`, `0xfd`, `0xfe`) followed by a LEB128 u32.
    Prefixed(u8, u32),
}

/// The shape of an instruction's immediates, in text and in binary.
///
/// `?` marks text parts that may be omitted. Index immediates accept an id or a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImmKind {
    /// No immediates.
    None,
    /// `block`, `loop`, `if`, `try`: `label? blocktype`.
    Block,
    /// `try_table label? blocktype catch*` where catch is `(catch tag label)`, `(catch_ref tag label)`,
    /// `(catch_all label)` or `(catch_all_ref label)`.
    TryTable,
    /// `else`, `end`, `catch_all` and the like: an optional label id that must match the block's.
    EndLabel,
    /// Legacy `catch`: `label? tagidx` (the optional id is the matching block label, not a tag).
    Catch,
    /// `labelidx` (`br`, `br_if`, `br_on_null`, `br_on_non_null`, `rethrow`, `delegate`).
    Label,
    /// `br_table labelidx+`: the last one is the default.
    BrTable,
    /// `funcidx` (`call`, `return_call`, `ref.func`).
    Func,
    /// `call_indirect`, `return_call_indirect`: `tableidx? typeuse`; binary: typeidx, tableidx.
    CallIndirect,
    /// `typeidx` (`call_ref`, `struct.new`, `array.get`, ...).
    Type,
    /// `typeidx fieldidx` (`struct.get`, `struct.set`, ...); the field may be an id of the type's fields.
    TypeField,
    /// `typeidx u32` (`array.new_fixed`).
    TypeCount,
    /// `typeidx dataidx` (`array.new_data`, `array.init_data`).
    TypeData,
    /// `typeidx elemidx` (`array.new_elem`, `array.init_elem`).
    TypeElem,
    /// `typeidx typeidx` (`array.copy`).
    TypeType,
    /// `localidx`.
    Local,
    /// `globalidx`.
    Global,
    /// `tagidx` (`throw`).
    Tag,
    /// `tableidx?`, default 0 (`table.get`, `table.set`, `table.size`, `table.grow`, `table.fill`).
    Table,
    /// `(tableidx tableidx)?`, default `0 0` (`table.copy`).
    TableCopy,
    /// `tableidx? elemidx` (`table.init`): with one index it is the elem segment.
    TableInit,
    /// `elemidx` (`elem.drop`).
    Elem,
    /// `dataidx` (`data.drop`).
    Data,
    /// `memidx?`, default 0 (`memory.size`, `memory.grow`, `memory.fill`, `memory.discard`).
    Memory,
    /// `(memidx memidx)?`, default `0 0` (`memory.copy`).
    MemoryCopy,
    /// `memidx? dataidx` (`memory.init`).
    MemoryInit,
    /// `memidx? offset=N? align=N?`; the value is the natural alignment as log2.
    MemArg(u8),
    /// `memidx? offset=N? align=N? laneidx` (`v128.load8_lane`, ...); natural alignment as log2.
    MemArgLane(u8),
    /// `i32` literal, written as signed LEB.
    I32,
    /// `i64` literal, written as signed LEB.
    I64,
    /// `f32` literal, 4 bytes little-endian.
    F32,
    /// `f64` literal, 8 bytes little-endian.
    F64,
    /// `v128.const shape lane+`: 16 bytes.
    V128,
    /// `laneidx` as one byte (`i8x16.extract_lane_s`, ...).
    Lane,
    /// `i8x16.shuffle`: 16 lane indices, one byte each.
    Shuffle,
    /// `select (result valtype*)*`: with result types the opcode becomes `0x1c` and a vector of types follows.
    Select,
    /// `heaptype` (`ref.null`).
    HeapType,
    /// `reftype` (`ref.test`, `ref.cast`): the row's opcode is the non-nullable form; a nullable
    /// reference type uses opcode + 1.
    RefType,
    /// `br_on_cast`, `br_on_cast_fail`: `labelidx reftype reftype`; binary: flags byte (bit 0: first
    /// type nullable, bit 1: second nullable), labelidx, heaptype, heaptype.
    BrOnCast,
    /// `atomic.fence`: a reserved zero byte follows the opcode.
    AtomicFence,
}

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct InstrInfo {
    /// The text mnemonic, e.g. `i32.load8_s`.
    pub name: &'static str,
    /// The binary opcode.
    pub opcode: Opcode,
    /// The immediates.
    pub imm: ImmKind,
}

/// An index into [`INSTRUCTIONS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct InstrId(pub u16);

impl InstrId {
    /// The table row.
    pub fn info(self) -> &'static InstrInfo {
        &INSTRUCTIONS[self.0 as usize]
    }
}

/// Whether an opcode belongs to the half-precision (FP16) proposal, which wasmparser does not
/// know: relwat validates each such instruction as an f32 or f32x4 instruction of the same type
/// ([`crate::validate`]).
pub fn is_fp16(op: Opcode) -> bool {
    matches!(op, Opcode::Prefixed(0xfc, 0x30 | 0x31) | Opcode::Prefixed(0xfd, 0x120..=0x14f))
}

/// Looks a mnemonic up.
pub fn lookup(name: &str) -> Option<InstrId> {
    static INDEX: LazyLock<FxHashMap<&'static str, InstrId>> =
        LazyLock::new(|| INSTRUCTIONS.iter().enumerate().map(|(i, info)| (info.name, InstrId(i as u16))).collect());
    INDEX.get(name).copied()
}

/// The known mnemonic closest to `name` (at most two edits away), for "did you mean" hints.
/// Linear in the length of `name`: only mnemonics of about its length are compared, each with a
/// bounded distance.
pub fn closest(name: &str) -> Option<&'static str> {
    const MAX: usize = 2;
    INSTRUCTIONS
        .iter()
        .filter(|i| i.name.len().abs_diff(name.len()) <= MAX)
        .filter_map(|i| suggest::bounded_edit_distance(name.as_bytes(), i.name.as_bytes(), MAX).map(|d| (d, i.name)))
        .min()
        .map(|(_, n)| n)
}

use ImmKind as K;
use Opcode::{Byte as B, Prefixed as P};

macro_rules! table {
    ($($name:literal => $op:expr, $imm:expr;)*) => {
        /// Every instruction of the text format.
        pub static INSTRUCTIONS: &[InstrInfo] = &[$(InstrInfo { name: $name, opcode: $op, imm: $imm }),*];
    };
}

table! {
    // Single-byte opcodes: MVP (core) unless marked.
    "unreachable" => B(0x00), K::None;
    "nop" => B(0x01), K::None;
    "block" => B(0x02), K::Block;
    "loop" => B(0x03), K::Block;
    "if" => B(0x04), K::Block;
    "else" => B(0x05), K::EndLabel;
    "try" => B(0x06), K::Block; // legacy exception handling
    "catch" => B(0x07), K::Catch; // legacy exception handling
    "throw" => B(0x08), K::Tag; // exception handling
    "rethrow" => B(0x09), K::Label; // legacy exception handling
    "throw_ref" => B(0x0a), K::None; // exception handling
    "end" => B(0x0b), K::EndLabel;
    "br" => B(0x0c), K::Label;
    "br_if" => B(0x0d), K::Label;
    "br_table" => B(0x0e), K::BrTable;
    "return" => B(0x0f), K::None;
    "call" => B(0x10), K::Func;
    "call_indirect" => B(0x11), K::CallIndirect;
    "return_call" => B(0x12), K::Func; // tail calls
    "return_call_indirect" => B(0x13), K::CallIndirect; // tail calls
    "call_ref" => B(0x14), K::Type; // function references
    "return_call_ref" => B(0x15), K::Type; // tail calls + function references
    "delegate" => B(0x18), K::Label; // legacy exception handling
    "catch_all" => B(0x19), K::EndLabel; // legacy exception handling
    "drop" => B(0x1a), K::None;
    "select" => B(0x1b), K::Select; // with result types: 0x1c (reference types)
    "try_table" => B(0x1f), K::TryTable; // exception handling
    "local.get" => B(0x20), K::Local;
    "local.set" => B(0x21), K::Local;
    "local.tee" => B(0x22), K::Local;
    "global.get" => B(0x23), K::Global;
    "global.set" => B(0x24), K::Global;
    "table.get" => B(0x25), K::Table; // reference types
    "table.set" => B(0x26), K::Table; // reference types
    "i32.load" => B(0x28), K::MemArg(2);
    "i64.load" => B(0x29), K::MemArg(3);
    "f32.load" => B(0x2a), K::MemArg(2);
    "f64.load" => B(0x2b), K::MemArg(3);
    "i32.load8_s" => B(0x2c), K::MemArg(0);
    "i32.load8_u" => B(0x2d), K::MemArg(0);
    "i32.load16_s" => B(0x2e), K::MemArg(1);
    "i32.load16_u" => B(0x2f), K::MemArg(1);
    "i64.load8_s" => B(0x30), K::MemArg(0);
    "i64.load8_u" => B(0x31), K::MemArg(0);
    "i64.load16_s" => B(0x32), K::MemArg(1);
    "i64.load16_u" => B(0x33), K::MemArg(1);
    "i64.load32_s" => B(0x34), K::MemArg(2);
    "i64.load32_u" => B(0x35), K::MemArg(2);
    "i32.store" => B(0x36), K::MemArg(2);
    "i64.store" => B(0x37), K::MemArg(3);
    "f32.store" => B(0x38), K::MemArg(2);
    "f64.store" => B(0x39), K::MemArg(3);
    "i32.store8" => B(0x3a), K::MemArg(0);
    "i32.store16" => B(0x3b), K::MemArg(1);
    "i64.store8" => B(0x3c), K::MemArg(0);
    "i64.store16" => B(0x3d), K::MemArg(1);
    "i64.store32" => B(0x3e), K::MemArg(2);
    "memory.size" => B(0x3f), K::Memory;
    "memory.grow" => B(0x40), K::Memory;
    "i32.const" => B(0x41), K::I32;
    "i64.const" => B(0x42), K::I64;
    "f32.const" => B(0x43), K::F32;
    "f64.const" => B(0x44), K::F64;
    "i32.eqz" => B(0x45), K::None;
    "i32.eq" => B(0x46), K::None;
    "i32.ne" => B(0x47), K::None;
    "i32.lt_s" => B(0x48), K::None;
    "i32.lt_u" => B(0x49), K::None;
    "i32.gt_s" => B(0x4a), K::None;
    "i32.gt_u" => B(0x4b), K::None;
    "i32.le_s" => B(0x4c), K::None;
    "i32.le_u" => B(0x4d), K::None;
    "i32.ge_s" => B(0x4e), K::None;
    "i32.ge_u" => B(0x4f), K::None;
    "i64.eqz" => B(0x50), K::None;
    "i64.eq" => B(0x51), K::None;
    "i64.ne" => B(0x52), K::None;
    "i64.lt_s" => B(0x53), K::None;
    "i64.lt_u" => B(0x54), K::None;
    "i64.gt_s" => B(0x55), K::None;
    "i64.gt_u" => B(0x56), K::None;
    "i64.le_s" => B(0x57), K::None;
    "i64.le_u" => B(0x58), K::None;
    "i64.ge_s" => B(0x59), K::None;
    "i64.ge_u" => B(0x5a), K::None;
    "f32.eq" => B(0x5b), K::None;
    "f32.ne" => B(0x5c), K::None;
    "f32.lt" => B(0x5d), K::None;
    "f32.gt" => B(0x5e), K::None;
    "f32.le" => B(0x5f), K::None;
    "f32.ge" => B(0x60), K::None;
    "f64.eq" => B(0x61), K::None;
    "f64.ne" => B(0x62), K::None;
    "f64.lt" => B(0x63), K::None;
    "f64.gt" => B(0x64), K::None;
    "f64.le" => B(0x65), K::None;
    "f64.ge" => B(0x66), K::None;
    "i32.clz" => B(0x67), K::None;
    "i32.ctz" => B(0x68), K::None;
    "i32.popcnt" => B(0x69), K::None;
    "i32.add" => B(0x6a), K::None;
    "i32.sub" => B(0x6b), K::None;
    "i32.mul" => B(0x6c), K::None;
    "i32.div_s" => B(0x6d), K::None;
    "i32.div_u" => B(0x6e), K::None;
    "i32.rem_s" => B(0x6f), K::None;
    "i32.rem_u" => B(0x70), K::None;
    "i32.and" => B(0x71), K::None;
    "i32.or" => B(0x72), K::None;
    "i32.xor" => B(0x73), K::None;
    "i32.shl" => B(0x74), K::None;
    "i32.shr_s" => B(0x75), K::None;
    "i32.shr_u" => B(0x76), K::None;
    "i32.rotl" => B(0x77), K::None;
    "i32.rotr" => B(0x78), K::None;
    "i64.clz" => B(0x79), K::None;
    "i64.ctz" => B(0x7a), K::None;
    "i64.popcnt" => B(0x7b), K::None;
    "i64.add" => B(0x7c), K::None;
    "i64.sub" => B(0x7d), K::None;
    "i64.mul" => B(0x7e), K::None;
    "i64.div_s" => B(0x7f), K::None;
    "i64.div_u" => B(0x80), K::None;
    "i64.rem_s" => B(0x81), K::None;
    "i64.rem_u" => B(0x82), K::None;
    "i64.and" => B(0x83), K::None;
    "i64.or" => B(0x84), K::None;
    "i64.xor" => B(0x85), K::None;
    "i64.shl" => B(0x86), K::None;
    "i64.shr_s" => B(0x87), K::None;
    "i64.shr_u" => B(0x88), K::None;
    "i64.rotl" => B(0x89), K::None;
    "i64.rotr" => B(0x8a), K::None;
    "f32.abs" => B(0x8b), K::None;
    "f32.neg" => B(0x8c), K::None;
    "f32.ceil" => B(0x8d), K::None;
    "f32.floor" => B(0x8e), K::None;
    "f32.trunc" => B(0x8f), K::None;
    "f32.nearest" => B(0x90), K::None;
    "f32.sqrt" => B(0x91), K::None;
    "f32.add" => B(0x92), K::None;
    "f32.sub" => B(0x93), K::None;
    "f32.mul" => B(0x94), K::None;
    "f32.div" => B(0x95), K::None;
    "f32.min" => B(0x96), K::None;
    "f32.max" => B(0x97), K::None;
    "f32.copysign" => B(0x98), K::None;
    "f64.abs" => B(0x99), K::None;
    "f64.neg" => B(0x9a), K::None;
    "f64.ceil" => B(0x9b), K::None;
    "f64.floor" => B(0x9c), K::None;
    "f64.trunc" => B(0x9d), K::None;
    "f64.nearest" => B(0x9e), K::None;
    "f64.sqrt" => B(0x9f), K::None;
    "f64.add" => B(0xa0), K::None;
    "f64.sub" => B(0xa1), K::None;
    "f64.mul" => B(0xa2), K::None;
    "f64.div" => B(0xa3), K::None;
    "f64.min" => B(0xa4), K::None;
    "f64.max" => B(0xa5), K::None;
    "f64.copysign" => B(0xa6), K::None;
    "i32.wrap_i64" => B(0xa7), K::None;
    "i32.trunc_f32_s" => B(0xa8), K::None;
    "i32.trunc_f32_u" => B(0xa9), K::None;
    "i32.trunc_f64_s" => B(0xaa), K::None;
    "i32.trunc_f64_u" => B(0xab), K::None;
    "i64.extend_i32_s" => B(0xac), K::None;
    "i64.extend_i32_u" => B(0xad), K::None;
    "i64.trunc_f32_s" => B(0xae), K::None;
    "i64.trunc_f32_u" => B(0xaf), K::None;
    "i64.trunc_f64_s" => B(0xb0), K::None;
    "i64.trunc_f64_u" => B(0xb1), K::None;
    "f32.convert_i32_s" => B(0xb2), K::None;
    "f32.convert_i32_u" => B(0xb3), K::None;
    "f32.convert_i64_s" => B(0xb4), K::None;
    "f32.convert_i64_u" => B(0xb5), K::None;
    "f32.demote_f64" => B(0xb6), K::None;
    "f64.convert_i32_s" => B(0xb7), K::None;
    "f64.convert_i32_u" => B(0xb8), K::None;
    "f64.convert_i64_s" => B(0xb9), K::None;
    "f64.convert_i64_u" => B(0xba), K::None;
    "f64.promote_f32" => B(0xbb), K::None;
    "i32.reinterpret_f32" => B(0xbc), K::None;
    "i64.reinterpret_f64" => B(0xbd), K::None;
    "f32.reinterpret_i32" => B(0xbe), K::None;
    "f64.reinterpret_i64" => B(0xbf), K::None;
    "i32.extend8_s" => B(0xc0), K::None; // sign extension
    "i32.extend16_s" => B(0xc1), K::None; // sign extension
    "i64.extend8_s" => B(0xc2), K::None; // sign extension
    "i64.extend16_s" => B(0xc3), K::None; // sign extension
    "i64.extend32_s" => B(0xc4), K::None; // sign extension
    "ref.null" => B(0xd0), K::HeapType; // reference types
    "ref.is_null" => B(0xd1), K::None; // reference types
    "ref.func" => B(0xd2), K::Func; // reference types
    "ref.eq" => B(0xd3), K::None; // GC
    "ref.as_non_null" => B(0xd4), K::None; // function references
    "br_on_null" => B(0xd5), K::Label; // function references
    "br_on_non_null" => B(0xd6), K::Label; // function references

    // 0xfb: GC and custom descriptors.
    // -- GC
    "struct.new" => P(0xfb, 0x00), K::Type;
    "struct.new_default" => P(0xfb, 0x01), K::Type;
    "struct.get" => P(0xfb, 0x02), K::TypeField;
    "struct.get_s" => P(0xfb, 0x03), K::TypeField;
    "struct.get_u" => P(0xfb, 0x04), K::TypeField;
    "struct.set" => P(0xfb, 0x05), K::TypeField;
    "array.new" => P(0xfb, 0x06), K::Type;
    "array.new_default" => P(0xfb, 0x07), K::Type;
    "array.new_fixed" => P(0xfb, 0x08), K::TypeCount;
    "array.new_data" => P(0xfb, 0x09), K::TypeData;
    "array.new_elem" => P(0xfb, 0x0a), K::TypeElem;
    "array.get" => P(0xfb, 0x0b), K::Type;
    "array.get_s" => P(0xfb, 0x0c), K::Type;
    "array.get_u" => P(0xfb, 0x0d), K::Type;
    "array.set" => P(0xfb, 0x0e), K::Type;
    "array.len" => P(0xfb, 0x0f), K::None;
    "array.fill" => P(0xfb, 0x10), K::Type;
    "array.copy" => P(0xfb, 0x11), K::TypeType;
    "array.init_data" => P(0xfb, 0x12), K::TypeData;
    "array.init_elem" => P(0xfb, 0x13), K::TypeElem;
    "ref.test" => P(0xfb, 0x14), K::RefType; // nullable: 0x15
    "ref.cast" => P(0xfb, 0x16), K::RefType; // nullable: 0x17
    "br_on_cast" => P(0xfb, 0x18), K::BrOnCast;
    "br_on_cast_fail" => P(0xfb, 0x19), K::BrOnCast;
    "any.convert_extern" => P(0xfb, 0x1a), K::None;
    "extern.convert_any" => P(0xfb, 0x1b), K::None;
    "ref.i31" => P(0xfb, 0x1c), K::None;
    "i31.get_s" => P(0xfb, 0x1d), K::None;
    "i31.get_u" => P(0xfb, 0x1e), K::None;
    // -- custom descriptors
    "struct.new_desc" => P(0xfb, 0x20), K::Type;
    "struct.new_default_desc" => P(0xfb, 0x21), K::Type;
    "ref.get_desc" => P(0xfb, 0x22), K::Type;
    "ref.cast_desc_eq" => P(0xfb, 0x23), K::RefType; // nullable: 0x24
    "br_on_cast_desc_eq" => P(0xfb, 0x25), K::BrOnCast;
    "br_on_cast_desc_eq_fail" => P(0xfb, 0x26), K::BrOnCast;

    // 0xfc: saturating truncation, bulk memory, reference types, memory control, wide arithmetic.
    // -- non-trapping float-to-int
    "i32.trunc_sat_f32_s" => P(0xfc, 0x00), K::None;
    "i32.trunc_sat_f32_u" => P(0xfc, 0x01), K::None;
    "i32.trunc_sat_f64_s" => P(0xfc, 0x02), K::None;
    "i32.trunc_sat_f64_u" => P(0xfc, 0x03), K::None;
    "i64.trunc_sat_f32_s" => P(0xfc, 0x04), K::None;
    "i64.trunc_sat_f32_u" => P(0xfc, 0x05), K::None;
    "i64.trunc_sat_f64_s" => P(0xfc, 0x06), K::None;
    "i64.trunc_sat_f64_u" => P(0xfc, 0x07), K::None;
    // -- bulk memory
    "memory.init" => P(0xfc, 0x08), K::MemoryInit;
    "data.drop" => P(0xfc, 0x09), K::Data;
    "memory.copy" => P(0xfc, 0x0a), K::MemoryCopy;
    "memory.fill" => P(0xfc, 0x0b), K::Memory;
    "table.init" => P(0xfc, 0x0c), K::TableInit;
    "elem.drop" => P(0xfc, 0x0d), K::Elem;
    "table.copy" => P(0xfc, 0x0e), K::TableCopy;
    // -- reference types
    "table.grow" => P(0xfc, 0x0f), K::Table;
    "table.size" => P(0xfc, 0x10), K::Table;
    "table.fill" => P(0xfc, 0x11), K::Table;
    // -- memory control
    "memory.discard" => P(0xfc, 0x12), K::Memory;
    // -- wide arithmetic
    "i64.add128" => P(0xfc, 0x13), K::None;
    "i64.sub128" => P(0xfc, 0x14), K::None;
    "i64.mul_wide_s" => P(0xfc, 0x15), K::None;
    "i64.mul_wide_u" => P(0xfc, 0x16), K::None;
    // -- half precision (FP16); validated as their f32 and f32x4 counterparts (see `is_fp16`)
    "f32.load_f16" => P(0xfc, 0x30), K::MemArg(1);
    "f32.store_f16" => P(0xfc, 0x31), K::MemArg(1);

    // 0xfd: SIMD and relaxed SIMD.
    // -- SIMD
    "v128.load" => P(0xfd, 0x00), K::MemArg(4);
    "v128.load8x8_s" => P(0xfd, 0x01), K::MemArg(3);
    "v128.load8x8_u" => P(0xfd, 0x02), K::MemArg(3);
    "v128.load16x4_s" => P(0xfd, 0x03), K::MemArg(3);
    "v128.load16x4_u" => P(0xfd, 0x04), K::MemArg(3);
    "v128.load32x2_s" => P(0xfd, 0x05), K::MemArg(3);
    "v128.load32x2_u" => P(0xfd, 0x06), K::MemArg(3);
    "v128.load8_splat" => P(0xfd, 0x07), K::MemArg(0);
    "v128.load16_splat" => P(0xfd, 0x08), K::MemArg(1);
    "v128.load32_splat" => P(0xfd, 0x09), K::MemArg(2);
    "v128.load64_splat" => P(0xfd, 0x0a), K::MemArg(3);
    "v128.store" => P(0xfd, 0x0b), K::MemArg(4);
    "v128.const" => P(0xfd, 0x0c), K::V128;
    "i8x16.shuffle" => P(0xfd, 0x0d), K::Shuffle;
    "i8x16.swizzle" => P(0xfd, 0x0e), K::None;
    "i8x16.splat" => P(0xfd, 0x0f), K::None;
    "i16x8.splat" => P(0xfd, 0x10), K::None;
    "i32x4.splat" => P(0xfd, 0x11), K::None;
    "i64x2.splat" => P(0xfd, 0x12), K::None;
    "f32x4.splat" => P(0xfd, 0x13), K::None;
    "f64x2.splat" => P(0xfd, 0x14), K::None;
    "i8x16.extract_lane_s" => P(0xfd, 0x15), K::Lane;
    "i8x16.extract_lane_u" => P(0xfd, 0x16), K::Lane;
    "i8x16.replace_lane" => P(0xfd, 0x17), K::Lane;
    "i16x8.extract_lane_s" => P(0xfd, 0x18), K::Lane;
    "i16x8.extract_lane_u" => P(0xfd, 0x19), K::Lane;
    "i16x8.replace_lane" => P(0xfd, 0x1a), K::Lane;
    "i32x4.extract_lane" => P(0xfd, 0x1b), K::Lane;
    "i32x4.replace_lane" => P(0xfd, 0x1c), K::Lane;
    "i64x2.extract_lane" => P(0xfd, 0x1d), K::Lane;
    "i64x2.replace_lane" => P(0xfd, 0x1e), K::Lane;
    "f32x4.extract_lane" => P(0xfd, 0x1f), K::Lane;
    "f32x4.replace_lane" => P(0xfd, 0x20), K::Lane;
    "f64x2.extract_lane" => P(0xfd, 0x21), K::Lane;
    "f64x2.replace_lane" => P(0xfd, 0x22), K::Lane;
    "i8x16.eq" => P(0xfd, 0x23), K::None;
    "i8x16.ne" => P(0xfd, 0x24), K::None;
    "i8x16.lt_s" => P(0xfd, 0x25), K::None;
    "i8x16.lt_u" => P(0xfd, 0x26), K::None;
    "i8x16.gt_s" => P(0xfd, 0x27), K::None;
    "i8x16.gt_u" => P(0xfd, 0x28), K::None;
    "i8x16.le_s" => P(0xfd, 0x29), K::None;
    "i8x16.le_u" => P(0xfd, 0x2a), K::None;
    "i8x16.ge_s" => P(0xfd, 0x2b), K::None;
    "i8x16.ge_u" => P(0xfd, 0x2c), K::None;
    "i16x8.eq" => P(0xfd, 0x2d), K::None;
    "i16x8.ne" => P(0xfd, 0x2e), K::None;
    "i16x8.lt_s" => P(0xfd, 0x2f), K::None;
    "i16x8.lt_u" => P(0xfd, 0x30), K::None;
    "i16x8.gt_s" => P(0xfd, 0x31), K::None;
    "i16x8.gt_u" => P(0xfd, 0x32), K::None;
    "i16x8.le_s" => P(0xfd, 0x33), K::None;
    "i16x8.le_u" => P(0xfd, 0x34), K::None;
    "i16x8.ge_s" => P(0xfd, 0x35), K::None;
    "i16x8.ge_u" => P(0xfd, 0x36), K::None;
    "i32x4.eq" => P(0xfd, 0x37), K::None;
    "i32x4.ne" => P(0xfd, 0x38), K::None;
    "i32x4.lt_s" => P(0xfd, 0x39), K::None;
    "i32x4.lt_u" => P(0xfd, 0x3a), K::None;
    "i32x4.gt_s" => P(0xfd, 0x3b), K::None;
    "i32x4.gt_u" => P(0xfd, 0x3c), K::None;
    "i32x4.le_s" => P(0xfd, 0x3d), K::None;
    "i32x4.le_u" => P(0xfd, 0x3e), K::None;
    "i32x4.ge_s" => P(0xfd, 0x3f), K::None;
    "i32x4.ge_u" => P(0xfd, 0x40), K::None;
    "f32x4.eq" => P(0xfd, 0x41), K::None;
    "f32x4.ne" => P(0xfd, 0x42), K::None;
    "f32x4.lt" => P(0xfd, 0x43), K::None;
    "f32x4.gt" => P(0xfd, 0x44), K::None;
    "f32x4.le" => P(0xfd, 0x45), K::None;
    "f32x4.ge" => P(0xfd, 0x46), K::None;
    "f64x2.eq" => P(0xfd, 0x47), K::None;
    "f64x2.ne" => P(0xfd, 0x48), K::None;
    "f64x2.lt" => P(0xfd, 0x49), K::None;
    "f64x2.gt" => P(0xfd, 0x4a), K::None;
    "f64x2.le" => P(0xfd, 0x4b), K::None;
    "f64x2.ge" => P(0xfd, 0x4c), K::None;
    "v128.not" => P(0xfd, 0x4d), K::None;
    "v128.and" => P(0xfd, 0x4e), K::None;
    "v128.andnot" => P(0xfd, 0x4f), K::None;
    "v128.or" => P(0xfd, 0x50), K::None;
    "v128.xor" => P(0xfd, 0x51), K::None;
    "v128.bitselect" => P(0xfd, 0x52), K::None;
    "v128.any_true" => P(0xfd, 0x53), K::None;
    "v128.load8_lane" => P(0xfd, 0x54), K::MemArgLane(0);
    "v128.load16_lane" => P(0xfd, 0x55), K::MemArgLane(1);
    "v128.load32_lane" => P(0xfd, 0x56), K::MemArgLane(2);
    "v128.load64_lane" => P(0xfd, 0x57), K::MemArgLane(3);
    "v128.store8_lane" => P(0xfd, 0x58), K::MemArgLane(0);
    "v128.store16_lane" => P(0xfd, 0x59), K::MemArgLane(1);
    "v128.store32_lane" => P(0xfd, 0x5a), K::MemArgLane(2);
    "v128.store64_lane" => P(0xfd, 0x5b), K::MemArgLane(3);
    "v128.load32_zero" => P(0xfd, 0x5c), K::MemArg(2);
    "v128.load64_zero" => P(0xfd, 0x5d), K::MemArg(3);
    "f32x4.demote_f64x2_zero" => P(0xfd, 0x5e), K::None;
    "f64x2.promote_low_f32x4" => P(0xfd, 0x5f), K::None;
    "i8x16.abs" => P(0xfd, 0x60), K::None;
    "i8x16.neg" => P(0xfd, 0x61), K::None;
    "i8x16.popcnt" => P(0xfd, 0x62), K::None;
    "i8x16.all_true" => P(0xfd, 0x63), K::None;
    "i8x16.bitmask" => P(0xfd, 0x64), K::None;
    "i8x16.narrow_i16x8_s" => P(0xfd, 0x65), K::None;
    "i8x16.narrow_i16x8_u" => P(0xfd, 0x66), K::None;
    "f32x4.ceil" => P(0xfd, 0x67), K::None;
    "f32x4.floor" => P(0xfd, 0x68), K::None;
    "f32x4.trunc" => P(0xfd, 0x69), K::None;
    "f32x4.nearest" => P(0xfd, 0x6a), K::None;
    "i8x16.shl" => P(0xfd, 0x6b), K::None;
    "i8x16.shr_s" => P(0xfd, 0x6c), K::None;
    "i8x16.shr_u" => P(0xfd, 0x6d), K::None;
    "i8x16.add" => P(0xfd, 0x6e), K::None;
    "i8x16.add_sat_s" => P(0xfd, 0x6f), K::None;
    "i8x16.add_sat_u" => P(0xfd, 0x70), K::None;
    "i8x16.sub" => P(0xfd, 0x71), K::None;
    "i8x16.sub_sat_s" => P(0xfd, 0x72), K::None;
    "i8x16.sub_sat_u" => P(0xfd, 0x73), K::None;
    "f64x2.ceil" => P(0xfd, 0x74), K::None;
    "f64x2.floor" => P(0xfd, 0x75), K::None;
    "i8x16.min_s" => P(0xfd, 0x76), K::None;
    "i8x16.min_u" => P(0xfd, 0x77), K::None;
    "i8x16.max_s" => P(0xfd, 0x78), K::None;
    "i8x16.max_u" => P(0xfd, 0x79), K::None;
    "f64x2.trunc" => P(0xfd, 0x7a), K::None;
    "i8x16.avgr_u" => P(0xfd, 0x7b), K::None;
    "i16x8.extadd_pairwise_i8x16_s" => P(0xfd, 0x7c), K::None;
    "i16x8.extadd_pairwise_i8x16_u" => P(0xfd, 0x7d), K::None;
    "i32x4.extadd_pairwise_i16x8_s" => P(0xfd, 0x7e), K::None;
    "i32x4.extadd_pairwise_i16x8_u" => P(0xfd, 0x7f), K::None;
    "i16x8.abs" => P(0xfd, 0x80), K::None;
    "i16x8.neg" => P(0xfd, 0x81), K::None;
    "i16x8.q15mulr_sat_s" => P(0xfd, 0x82), K::None;
    "i16x8.all_true" => P(0xfd, 0x83), K::None;
    "i16x8.bitmask" => P(0xfd, 0x84), K::None;
    "i16x8.narrow_i32x4_s" => P(0xfd, 0x85), K::None;
    "i16x8.narrow_i32x4_u" => P(0xfd, 0x86), K::None;
    "i16x8.extend_low_i8x16_s" => P(0xfd, 0x87), K::None;
    "i16x8.extend_high_i8x16_s" => P(0xfd, 0x88), K::None;
    "i16x8.extend_low_i8x16_u" => P(0xfd, 0x89), K::None;
    "i16x8.extend_high_i8x16_u" => P(0xfd, 0x8a), K::None;
    "i16x8.shl" => P(0xfd, 0x8b), K::None;
    "i16x8.shr_s" => P(0xfd, 0x8c), K::None;
    "i16x8.shr_u" => P(0xfd, 0x8d), K::None;
    "i16x8.add" => P(0xfd, 0x8e), K::None;
    "i16x8.add_sat_s" => P(0xfd, 0x8f), K::None;
    "i16x8.add_sat_u" => P(0xfd, 0x90), K::None;
    "i16x8.sub" => P(0xfd, 0x91), K::None;
    "i16x8.sub_sat_s" => P(0xfd, 0x92), K::None;
    "i16x8.sub_sat_u" => P(0xfd, 0x93), K::None;
    "f64x2.nearest" => P(0xfd, 0x94), K::None;
    "i16x8.mul" => P(0xfd, 0x95), K::None;
    "i16x8.min_s" => P(0xfd, 0x96), K::None;
    "i16x8.min_u" => P(0xfd, 0x97), K::None;
    "i16x8.max_s" => P(0xfd, 0x98), K::None;
    "i16x8.max_u" => P(0xfd, 0x99), K::None;
    "i16x8.avgr_u" => P(0xfd, 0x9b), K::None;
    "i16x8.extmul_low_i8x16_s" => P(0xfd, 0x9c), K::None;
    "i16x8.extmul_high_i8x16_s" => P(0xfd, 0x9d), K::None;
    "i16x8.extmul_low_i8x16_u" => P(0xfd, 0x9e), K::None;
    "i16x8.extmul_high_i8x16_u" => P(0xfd, 0x9f), K::None;
    "i32x4.abs" => P(0xfd, 0xa0), K::None;
    "i32x4.neg" => P(0xfd, 0xa1), K::None;
    "i32x4.all_true" => P(0xfd, 0xa3), K::None;
    "i32x4.bitmask" => P(0xfd, 0xa4), K::None;
    "i32x4.extend_low_i16x8_s" => P(0xfd, 0xa7), K::None;
    "i32x4.extend_high_i16x8_s" => P(0xfd, 0xa8), K::None;
    "i32x4.extend_low_i16x8_u" => P(0xfd, 0xa9), K::None;
    "i32x4.extend_high_i16x8_u" => P(0xfd, 0xaa), K::None;
    "i32x4.shl" => P(0xfd, 0xab), K::None;
    "i32x4.shr_s" => P(0xfd, 0xac), K::None;
    "i32x4.shr_u" => P(0xfd, 0xad), K::None;
    "i32x4.add" => P(0xfd, 0xae), K::None;
    "i32x4.sub" => P(0xfd, 0xb1), K::None;
    "i32x4.mul" => P(0xfd, 0xb5), K::None;
    "i32x4.min_s" => P(0xfd, 0xb6), K::None;
    "i32x4.min_u" => P(0xfd, 0xb7), K::None;
    "i32x4.max_s" => P(0xfd, 0xb8), K::None;
    "i32x4.max_u" => P(0xfd, 0xb9), K::None;
    "i32x4.dot_i16x8_s" => P(0xfd, 0xba), K::None;
    "i32x4.extmul_low_i16x8_s" => P(0xfd, 0xbc), K::None;
    "i32x4.extmul_high_i16x8_s" => P(0xfd, 0xbd), K::None;
    "i32x4.extmul_low_i16x8_u" => P(0xfd, 0xbe), K::None;
    "i32x4.extmul_high_i16x8_u" => P(0xfd, 0xbf), K::None;
    "i64x2.abs" => P(0xfd, 0xc0), K::None;
    "i64x2.neg" => P(0xfd, 0xc1), K::None;
    "i64x2.all_true" => P(0xfd, 0xc3), K::None;
    "i64x2.bitmask" => P(0xfd, 0xc4), K::None;
    "i64x2.extend_low_i32x4_s" => P(0xfd, 0xc7), K::None;
    "i64x2.extend_high_i32x4_s" => P(0xfd, 0xc8), K::None;
    "i64x2.extend_low_i32x4_u" => P(0xfd, 0xc9), K::None;
    "i64x2.extend_high_i32x4_u" => P(0xfd, 0xca), K::None;
    "i64x2.shl" => P(0xfd, 0xcb), K::None;
    "i64x2.shr_s" => P(0xfd, 0xcc), K::None;
    "i64x2.shr_u" => P(0xfd, 0xcd), K::None;
    "i64x2.add" => P(0xfd, 0xce), K::None;
    "i64x2.sub" => P(0xfd, 0xd1), K::None;
    "i64x2.mul" => P(0xfd, 0xd5), K::None;
    "i64x2.eq" => P(0xfd, 0xd6), K::None;
    "i64x2.ne" => P(0xfd, 0xd7), K::None;
    "i64x2.lt_s" => P(0xfd, 0xd8), K::None;
    "i64x2.gt_s" => P(0xfd, 0xd9), K::None;
    "i64x2.le_s" => P(0xfd, 0xda), K::None;
    "i64x2.ge_s" => P(0xfd, 0xdb), K::None;
    "i64x2.extmul_low_i32x4_s" => P(0xfd, 0xdc), K::None;
    "i64x2.extmul_high_i32x4_s" => P(0xfd, 0xdd), K::None;
    "i64x2.extmul_low_i32x4_u" => P(0xfd, 0xde), K::None;
    "i64x2.extmul_high_i32x4_u" => P(0xfd, 0xdf), K::None;
    "f32x4.abs" => P(0xfd, 0xe0), K::None;
    "f32x4.neg" => P(0xfd, 0xe1), K::None;
    "f32x4.sqrt" => P(0xfd, 0xe3), K::None;
    "f32x4.add" => P(0xfd, 0xe4), K::None;
    "f32x4.sub" => P(0xfd, 0xe5), K::None;
    "f32x4.mul" => P(0xfd, 0xe6), K::None;
    "f32x4.div" => P(0xfd, 0xe7), K::None;
    "f32x4.min" => P(0xfd, 0xe8), K::None;
    "f32x4.max" => P(0xfd, 0xe9), K::None;
    "f32x4.pmin" => P(0xfd, 0xea), K::None;
    "f32x4.pmax" => P(0xfd, 0xeb), K::None;
    "f64x2.abs" => P(0xfd, 0xec), K::None;
    "f64x2.neg" => P(0xfd, 0xed), K::None;
    "f64x2.sqrt" => P(0xfd, 0xef), K::None;
    "f64x2.add" => P(0xfd, 0xf0), K::None;
    "f64x2.sub" => P(0xfd, 0xf1), K::None;
    "f64x2.mul" => P(0xfd, 0xf2), K::None;
    "f64x2.div" => P(0xfd, 0xf3), K::None;
    "f64x2.min" => P(0xfd, 0xf4), K::None;
    "f64x2.max" => P(0xfd, 0xf5), K::None;
    "f64x2.pmin" => P(0xfd, 0xf6), K::None;
    "f64x2.pmax" => P(0xfd, 0xf7), K::None;
    "i32x4.trunc_sat_f32x4_s" => P(0xfd, 0xf8), K::None;
    "i32x4.trunc_sat_f32x4_u" => P(0xfd, 0xf9), K::None;
    "f32x4.convert_i32x4_s" => P(0xfd, 0xfa), K::None;
    "f32x4.convert_i32x4_u" => P(0xfd, 0xfb), K::None;
    "i32x4.trunc_sat_f64x2_s_zero" => P(0xfd, 0xfc), K::None;
    "i32x4.trunc_sat_f64x2_u_zero" => P(0xfd, 0xfd), K::None;
    "f64x2.convert_low_i32x4_s" => P(0xfd, 0xfe), K::None;
    "f64x2.convert_low_i32x4_u" => P(0xfd, 0xff), K::None;
    // -- relaxed SIMD
    "i8x16.relaxed_swizzle" => P(0xfd, 0x100), K::None;
    "i32x4.relaxed_trunc_f32x4_s" => P(0xfd, 0x101), K::None;
    "i32x4.relaxed_trunc_f32x4_u" => P(0xfd, 0x102), K::None;
    "i32x4.relaxed_trunc_f64x2_s_zero" => P(0xfd, 0x103), K::None;
    "i32x4.relaxed_trunc_f64x2_u_zero" => P(0xfd, 0x104), K::None;
    "f32x4.relaxed_madd" => P(0xfd, 0x105), K::None;
    "f32x4.relaxed_nmadd" => P(0xfd, 0x106), K::None;
    "f64x2.relaxed_madd" => P(0xfd, 0x107), K::None;
    "f64x2.relaxed_nmadd" => P(0xfd, 0x108), K::None;
    "i8x16.relaxed_laneselect" => P(0xfd, 0x109), K::None;
    "i16x8.relaxed_laneselect" => P(0xfd, 0x10a), K::None;
    "i32x4.relaxed_laneselect" => P(0xfd, 0x10b), K::None;
    "i64x2.relaxed_laneselect" => P(0xfd, 0x10c), K::None;
    "f32x4.relaxed_min" => P(0xfd, 0x10d), K::None;
    "f32x4.relaxed_max" => P(0xfd, 0x10e), K::None;
    "f64x2.relaxed_min" => P(0xfd, 0x10f), K::None;
    "f64x2.relaxed_max" => P(0xfd, 0x110), K::None;
    "i16x8.relaxed_q15mulr_s" => P(0xfd, 0x111), K::None;
    "i16x8.relaxed_dot_i8x16_i7x16_s" => P(0xfd, 0x112), K::None;
    "i32x4.relaxed_dot_i8x16_i7x16_add_s" => P(0xfd, 0x113), K::None;
    // -- half precision (FP16)
    "f16x8.splat" => P(0xfd, 0x120), K::None;
    "f16x8.extract_lane" => P(0xfd, 0x121), K::Lane;
    "f16x8.replace_lane" => P(0xfd, 0x122), K::Lane;
    "f16x8.abs" => P(0xfd, 0x130), K::None;
    "f16x8.neg" => P(0xfd, 0x131), K::None;
    "f16x8.sqrt" => P(0xfd, 0x132), K::None;
    "f16x8.ceil" => P(0xfd, 0x133), K::None;
    "f16x8.floor" => P(0xfd, 0x134), K::None;
    "f16x8.trunc" => P(0xfd, 0x135), K::None;
    "f16x8.nearest" => P(0xfd, 0x136), K::None;
    "f16x8.eq" => P(0xfd, 0x137), K::None;
    "f16x8.ne" => P(0xfd, 0x138), K::None;
    "f16x8.lt" => P(0xfd, 0x139), K::None;
    "f16x8.gt" => P(0xfd, 0x13a), K::None;
    "f16x8.le" => P(0xfd, 0x13b), K::None;
    "f16x8.ge" => P(0xfd, 0x13c), K::None;
    "f16x8.add" => P(0xfd, 0x13d), K::None;
    "f16x8.sub" => P(0xfd, 0x13e), K::None;
    "f16x8.mul" => P(0xfd, 0x13f), K::None;
    "f16x8.div" => P(0xfd, 0x140), K::None;
    "f16x8.min" => P(0xfd, 0x141), K::None;
    "f16x8.max" => P(0xfd, 0x142), K::None;
    "f16x8.pmin" => P(0xfd, 0x143), K::None;
    "f16x8.pmax" => P(0xfd, 0x144), K::None;
    "i16x8.trunc_sat_f16x8_s" => P(0xfd, 0x145), K::None;
    "i16x8.trunc_sat_f16x8_u" => P(0xfd, 0x146), K::None;
    "f16x8.convert_i16x8_s" => P(0xfd, 0x147), K::None;
    "f16x8.convert_i16x8_u" => P(0xfd, 0x148), K::None;
    "f16x8.demote_f32x4_zero" => P(0xfd, 0x149), K::None;
    "f16x8.demote_f64x2_zero" => P(0xfd, 0x14a), K::None;
    "f32x4.promote_low_f16x8" => P(0xfd, 0x14b), K::None;
    "i16x8.trunc_f16x8_s" => P(0xfd, 0x14c), K::None;
    "i16x8.trunc_f16x8_u" => P(0xfd, 0x14d), K::None;
    "f16x8.madd" => P(0xfd, 0x14e), K::None;
    "f16x8.nmadd" => P(0xfd, 0x14f), K::None;

    // 0xfe: threads (atomics).
    // -- threads
    "memory.atomic.notify" => P(0xfe, 0x00), K::MemArg(2);
    "memory.atomic.wait32" => P(0xfe, 0x01), K::MemArg(2);
    "memory.atomic.wait64" => P(0xfe, 0x02), K::MemArg(3);
    "atomic.fence" => P(0xfe, 0x03), K::AtomicFence;
    "i32.atomic.load" => P(0xfe, 0x10), K::MemArg(2);
    "i64.atomic.load" => P(0xfe, 0x11), K::MemArg(3);
    "i32.atomic.load8_u" => P(0xfe, 0x12), K::MemArg(0);
    "i32.atomic.load16_u" => P(0xfe, 0x13), K::MemArg(1);
    "i64.atomic.load8_u" => P(0xfe, 0x14), K::MemArg(0);
    "i64.atomic.load16_u" => P(0xfe, 0x15), K::MemArg(1);
    "i64.atomic.load32_u" => P(0xfe, 0x16), K::MemArg(2);
    "i32.atomic.store" => P(0xfe, 0x17), K::MemArg(2);
    "i64.atomic.store" => P(0xfe, 0x18), K::MemArg(3);
    "i32.atomic.store8" => P(0xfe, 0x19), K::MemArg(0);
    "i32.atomic.store16" => P(0xfe, 0x1a), K::MemArg(1);
    "i64.atomic.store8" => P(0xfe, 0x1b), K::MemArg(0);
    "i64.atomic.store16" => P(0xfe, 0x1c), K::MemArg(1);
    "i64.atomic.store32" => P(0xfe, 0x1d), K::MemArg(2);
    "i32.atomic.rmw.add" => P(0xfe, 0x1e), K::MemArg(2);
    "i64.atomic.rmw.add" => P(0xfe, 0x1f), K::MemArg(3);
    "i32.atomic.rmw8.add_u" => P(0xfe, 0x20), K::MemArg(0);
    "i32.atomic.rmw16.add_u" => P(0xfe, 0x21), K::MemArg(1);
    "i64.atomic.rmw8.add_u" => P(0xfe, 0x22), K::MemArg(0);
    "i64.atomic.rmw16.add_u" => P(0xfe, 0x23), K::MemArg(1);
    "i64.atomic.rmw32.add_u" => P(0xfe, 0x24), K::MemArg(2);
    "i32.atomic.rmw.sub" => P(0xfe, 0x25), K::MemArg(2);
    "i64.atomic.rmw.sub" => P(0xfe, 0x26), K::MemArg(3);
    "i32.atomic.rmw8.sub_u" => P(0xfe, 0x27), K::MemArg(0);
    "i32.atomic.rmw16.sub_u" => P(0xfe, 0x28), K::MemArg(1);
    "i64.atomic.rmw8.sub_u" => P(0xfe, 0x29), K::MemArg(0);
    "i64.atomic.rmw16.sub_u" => P(0xfe, 0x2a), K::MemArg(1);
    "i64.atomic.rmw32.sub_u" => P(0xfe, 0x2b), K::MemArg(2);
    "i32.atomic.rmw.and" => P(0xfe, 0x2c), K::MemArg(2);
    "i64.atomic.rmw.and" => P(0xfe, 0x2d), K::MemArg(3);
    "i32.atomic.rmw8.and_u" => P(0xfe, 0x2e), K::MemArg(0);
    "i32.atomic.rmw16.and_u" => P(0xfe, 0x2f), K::MemArg(1);
    "i64.atomic.rmw8.and_u" => P(0xfe, 0x30), K::MemArg(0);
    "i64.atomic.rmw16.and_u" => P(0xfe, 0x31), K::MemArg(1);
    "i64.atomic.rmw32.and_u" => P(0xfe, 0x32), K::MemArg(2);
    "i32.atomic.rmw.or" => P(0xfe, 0x33), K::MemArg(2);
    "i64.atomic.rmw.or" => P(0xfe, 0x34), K::MemArg(3);
    "i32.atomic.rmw8.or_u" => P(0xfe, 0x35), K::MemArg(0);
    "i32.atomic.rmw16.or_u" => P(0xfe, 0x36), K::MemArg(1);
    "i64.atomic.rmw8.or_u" => P(0xfe, 0x37), K::MemArg(0);
    "i64.atomic.rmw16.or_u" => P(0xfe, 0x38), K::MemArg(1);
    "i64.atomic.rmw32.or_u" => P(0xfe, 0x39), K::MemArg(2);
    "i32.atomic.rmw.xor" => P(0xfe, 0x3a), K::MemArg(2);
    "i64.atomic.rmw.xor" => P(0xfe, 0x3b), K::MemArg(3);
    "i32.atomic.rmw8.xor_u" => P(0xfe, 0x3c), K::MemArg(0);
    "i32.atomic.rmw16.xor_u" => P(0xfe, 0x3d), K::MemArg(1);
    "i64.atomic.rmw8.xor_u" => P(0xfe, 0x3e), K::MemArg(0);
    "i64.atomic.rmw16.xor_u" => P(0xfe, 0x3f), K::MemArg(1);
    "i64.atomic.rmw32.xor_u" => P(0xfe, 0x40), K::MemArg(2);
    "i32.atomic.rmw.xchg" => P(0xfe, 0x41), K::MemArg(2);
    "i64.atomic.rmw.xchg" => P(0xfe, 0x42), K::MemArg(3);
    "i32.atomic.rmw8.xchg_u" => P(0xfe, 0x43), K::MemArg(0);
    "i32.atomic.rmw16.xchg_u" => P(0xfe, 0x44), K::MemArg(1);
    "i64.atomic.rmw8.xchg_u" => P(0xfe, 0x45), K::MemArg(0);
    "i64.atomic.rmw16.xchg_u" => P(0xfe, 0x46), K::MemArg(1);
    "i64.atomic.rmw32.xchg_u" => P(0xfe, 0x47), K::MemArg(2);
    "i32.atomic.rmw.cmpxchg" => P(0xfe, 0x48), K::MemArg(2);
    "i64.atomic.rmw.cmpxchg" => P(0xfe, 0x49), K::MemArg(3);
    "i32.atomic.rmw8.cmpxchg_u" => P(0xfe, 0x4a), K::MemArg(0);
    "i32.atomic.rmw16.cmpxchg_u" => P(0xfe, 0x4b), K::MemArg(1);
    "i64.atomic.rmw8.cmpxchg_u" => P(0xfe, 0x4c), K::MemArg(0);
    "i64.atomic.rmw16.cmpxchg_u" => P(0xfe, 0x4d), K::MemArg(1);
    "i64.atomic.rmw32.cmpxchg_u" => P(0xfe, 0x4e), K::MemArg(2);
    // -- acquire-release atomics
    "pause" => P(0xfe, 0x04), K::None;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn closest_mnemonics() {
        assert_eq!(closest("i32.ad"), Some("i32.add"));
        assert_eq!(closest("i32.addd"), Some("i32.add"));
        assert_eq!(closest("f32.lod"), Some("f32.load"));
        assert_eq!(closest("nothing.like.this"), None);
        assert_eq!(closest(&"x".repeat(256 << 10)), None);
    }

    #[test]
    fn names_are_unique() {
        let mut seen = HashSet::new();
        for info in INSTRUCTIONS {
            assert!(seen.insert(info.name), "duplicate mnemonic {}", info.name);
        }
    }

    /// `Opcode` as a hashable key.
    fn key(op: Opcode) -> (Option<u8>, u32) {
        match op {
            Opcode::Byte(b) => (None, b.into()),
            Opcode::Prefixed(p, n) => (Some(p), n),
        }
    }

    #[test]
    fn opcodes_are_unique() {
        // Every row has its own opcode; the nullable forms of `RefType` rows (opcode + 1) and the
        // typed `select` (0x1c) are not rows of their own.
        let mut seen = HashSet::new();
        for info in INSTRUCTIONS {
            assert!(seen.insert(key(info.opcode)), "duplicate opcode {:?} ({})", info.opcode, info.name);
        }
        for info in INSTRUCTIONS.iter().filter(|i| i.imm == ImmKind::RefType) {
            let Opcode::Prefixed(p, n) = info.opcode else { panic!("{}", info.name) };
            assert!(!seen.contains(&(Some(p), n + 1)), "{}: opcode + 1 taken", info.name);
        }
        assert!(!seen.contains(&(None, 0x1c)));
    }

    #[test]
    fn lookup_finds_every_row() {
        assert!(INSTRUCTIONS.len() < u16::MAX as usize);
        for (i, info) in INSTRUCTIONS.iter().enumerate() {
            let id = lookup(info.name).unwrap_or_else(|| panic!("lookup({}) failed", info.name));
            assert_eq!(id, InstrId(i as u16));
            assert_eq!(id.info().name, info.name);
        }
        assert_eq!(lookup("get_local"), None);
        assert_eq!(lookup("i32.wrap/i64"), None);
        assert_eq!(lookup("no.such_instr"), None);
    }

    #[test]
    fn natural_alignment_is_at_most_16_bytes() {
        for info in INSTRUCTIONS {
            if let ImmKind::MemArg(a) | ImmKind::MemArgLane(a) = info.imm {
                assert!(a <= 4, "{}", info.name);
            }
        }
    }

    fn row(name: &str) -> (Opcode, ImmKind) {
        let info = lookup(name).unwrap_or_else(|| panic!("missing {name}")).info();
        (info.opcode, info.imm)
    }

    #[test]
    fn spot_checks() {
        use ImmKind as K;
        use Opcode::{Byte as B, Prefixed as P};
        assert_eq!(row("unreachable"), (B(0x00), K::None));
        assert_eq!(row("block"), (B(0x02), K::Block));
        assert_eq!(row("if"), (B(0x04), K::Block));
        assert_eq!(row("else"), (B(0x05), K::EndLabel));
        assert_eq!(row("end"), (B(0x0b), K::EndLabel));
        assert_eq!(row("try"), (B(0x06), K::Block));
        assert_eq!(row("catch"), (B(0x07), K::Catch));
        assert_eq!(row("catch_all"), (B(0x19), K::EndLabel));
        assert_eq!(row("delegate"), (B(0x18), K::Label));
        assert_eq!(row("try_table"), (B(0x1f), K::TryTable));
        assert_eq!(row("throw_ref"), (B(0x0a), K::None));
        assert_eq!(row("br_table"), (B(0x0e), K::BrTable));
        assert_eq!(row("select"), (B(0x1b), K::Select));
        assert_eq!(row("call_indirect"), (B(0x11), K::CallIndirect));
        assert_eq!(row("return_call_ref"), (B(0x15), K::Type));
        assert_eq!(row("i32.load"), (B(0x28), K::MemArg(2)));
        assert_eq!(row("i64.load32_u"), (B(0x35), K::MemArg(2)));
        assert_eq!(row("i64.store"), (B(0x37), K::MemArg(3)));
        assert_eq!(row("i32.const"), (B(0x41), K::I32));
        assert_eq!(row("f64.const"), (B(0x44), K::F64));
        assert_eq!(row("i64.extend32_s"), (B(0xc4), K::None));
        assert_eq!(row("ref.null"), (B(0xd0), K::HeapType));
        assert_eq!(row("br_on_non_null"), (B(0xd6), K::Label));
        assert_eq!(row("struct.get_u"), (P(0xfb, 4), K::TypeField));
        assert_eq!(row("array.new_fixed"), (P(0xfb, 8), K::TypeCount));
        assert_eq!(row("array.copy"), (P(0xfb, 0x11), K::TypeType));
        assert_eq!(row("array.init_elem"), (P(0xfb, 0x13), K::TypeElem));
        assert_eq!(row("ref.test"), (P(0xfb, 0x14), K::RefType));
        assert_eq!(row("ref.cast"), (P(0xfb, 0x16), K::RefType));
        assert_eq!(row("br_on_cast_fail"), (P(0xfb, 0x19), K::BrOnCast));
        assert_eq!(row("i31.get_u"), (P(0xfb, 0x1e), K::None));
        assert_eq!(row("struct.new_desc"), (P(0xfb, 0x20), K::Type));
        assert_eq!(row("ref.cast_desc_eq"), (P(0xfb, 0x23), K::RefType));
        assert_eq!(row("br_on_cast_desc_eq_fail"), (P(0xfb, 0x26), K::BrOnCast));
        assert_eq!(row("i64.trunc_sat_f64_u"), (P(0xfc, 7), K::None));
        assert_eq!(row("memory.init"), (P(0xfc, 8), K::MemoryInit));
        assert_eq!(row("memory.copy"), (P(0xfc, 0x0a), K::MemoryCopy));
        assert_eq!(row("table.init"), (P(0xfc, 0x0c), K::TableInit));
        assert_eq!(row("table.copy"), (P(0xfc, 0x0e), K::TableCopy));
        assert_eq!(row("table.fill"), (P(0xfc, 0x11), K::Table));
        assert_eq!(row("memory.discard"), (P(0xfc, 0x12), K::Memory));
        assert_eq!(row("i64.mul_wide_u"), (P(0xfc, 0x16), K::None));
        assert_eq!(row("v128.load"), (P(0xfd, 0), K::MemArg(4)));
        assert_eq!(row("v128.load8_splat"), (P(0xfd, 7), K::MemArg(0)));
        assert_eq!(row("v128.load64_zero"), (P(0xfd, 0x5d), K::MemArg(3)));
        assert_eq!(row("v128.store16_lane"), (P(0xfd, 0x59), K::MemArgLane(1)));
        assert_eq!(row("v128.const"), (P(0xfd, 0x0c), K::V128));
        assert_eq!(row("i8x16.shuffle"), (P(0xfd, 0x0d), K::Shuffle));
        assert_eq!(row("f64x2.replace_lane"), (P(0xfd, 0x22), K::Lane));
        assert_eq!(row("f64x2.convert_low_i32x4_u"), (P(0xfd, 0xff), K::None));
        assert_eq!(row("i8x16.relaxed_swizzle"), (P(0xfd, 0x100), K::None));
        assert_eq!(row("i32x4.relaxed_dot_i8x16_i7x16_add_s"), (P(0xfd, 0x113), K::None));
        assert_eq!(row("memory.atomic.wait64"), (P(0xfe, 2), K::MemArg(3)));
        assert_eq!(row("atomic.fence"), (P(0xfe, 3), K::AtomicFence));
        assert_eq!(row("i32.atomic.rmw8.add_u"), (P(0xfe, 0x20), K::MemArg(0)));
        assert_eq!(row("i64.atomic.rmw32.cmpxchg_u"), (P(0xfe, 0x4e), K::MemArg(2)));
    }
}
