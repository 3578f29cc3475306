//! Instruction encoding, driven by the instruction table, recording where every immediate goes.

use super::types::{heaptype, valtype};
use crate::ast::*;
use crate::instructions::{ImmKind, InstrId, Opcode};
use crate::span::Span;
use wasm_encoder::Encode;

pub use crate::linking::ImmRole;

/// Where an immediate was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImmSite {
    /// Byte offset in the section payload (after the section's size field).
    pub offset: u32,
    /// Number of bytes written.
    pub len: u8,
    /// What it is.
    pub role: ImmRole,
    /// Which immediate of the instruction in text order (as in [`Expr::relocs`]).
    pub slot: ImmSlot,
    /// The instruction's index in its expression.
    pub instr: u32,
    /// The instruction.
    pub op: InstrId,
    /// The instruction's source range.
    pub span: Span,
    /// The value written (index, constant bits, offset).
    pub value: u64,
}

/// Encodes instructions into a byte buffer.
pub struct CodeWriter<'a> {
    /// Output bytes.
    pub out: Vec<u8>,
    /// Pad relocatable immediates to their maximal width (objects).
    pub pad: bool,
    /// Record the instruction map (editors, placing validation errors).
    pub record: bool,
    /// Record the sites of relocatable immediates (objects, editors).
    pub record_sites: bool,
    /// Immediate sites, offsets relative to `out`.
    pub sites: Vec<ImmSite>,
    /// (offset in `out`, span) of each instruction.
    pub map: Vec<(u32, Span)>,
    /// Offset in `out` of each entry of the expression (labels: the next instruction's).
    pub instr_offsets: Vec<u32>,
    /// Memory index → whether it is 64-bit (memarg offsets of 64-bit memories use 10-byte padding).
    pub memory64: &'a [bool],
    /// Offset in `out` of each FP16 opcode (validated apart: [`crate::validate::as_standard`]).
    pub fp16: Vec<u32>,
    cur_instr: u32,
    cur_op: InstrId,
    cur_span: Span,
    /// Annotations on the current instruction's immediates.
    cur_relocs: Vec<(ImmSlot, &'a RelocAnnot)>,
}

impl<'a> CodeWriter<'a> {
    /// A writer; `pad` for objects.
    pub fn new(pad: bool, record: bool, record_sites: bool, memory64: &'a [bool]) -> CodeWriter<'a> {
        CodeWriter {
            out: Vec::new(),
            pad,
            record,
            record_sites,
            sites: Vec::new(),
            map: Vec::new(),
            instr_offsets: Vec::new(),
            memory64,
            fp16: Vec::new(),
            cur_instr: 0,
            cur_op: InstrId(0),
            cur_span: Span::default(),
            cur_relocs: Vec::new(),
        }
    }

    fn u32(&mut self, v: u32) {
        v.encode(&mut self.out);
    }

    fn site(&mut self, start: usize, role: ImmRole, slot: ImmSlot, value: u64) {
        // Constants and memory offsets are relocated only when annotated: the others are left
        // out, which keeps the list small (most immediates of real code are constants).
        let value_role = matches!(role, ImmRole::I32Const | ImmRole::I64Const | ImmRole::MemOffset);
        if !self.record_sites || (value_role && self.annotation(slot).is_none()) {
            return;
        }
        self.sites.push(ImmSite {
            offset: start as u32,
            len: (self.out.len() - start) as u8,
            role,
            slot,
            instr: self.cur_instr,
            op: self.cur_op,
            span: self.cur_span,
            value,
        });
    }

    /// The annotation written after immediate `slot` of the current instruction.
    fn annotation(&self, slot: ImmSlot) -> Option<&'a RelocAnnot> {
        self.cur_relocs.iter().find(|(s, _)| *s == slot).map(|(_, r)| *r)
    }

    /// Whether immediate `slot` carries `(@reloc none)`: then it is written minimal (A12).
    fn unrelocated(&self, slot: ImmSlot) -> bool {
        matches!(self.annotation(slot), Some(RelocAnnot { target: Some(RelocTarget::None(_)), .. }))
    }

    /// A relocatable u32 index: padded to 5 bytes in objects unless `(@reloc none)`.
    fn index(&mut self, v: u32, role: ImmRole, slot: ImmSlot) {
        let start = self.out.len();
        if self.pad && !self.unrelocated(slot) {
            self.out.extend_from_slice(&leb128fmt::encode_fixed_u32(v).expect("u32 fits"));
        } else {
            self.u32(v);
        }
        self.site(start, role, slot, v as u64);
    }

    /// Encodes a whole expression (without the final `end`).
    pub fn expr(&mut self, e: &'a Expr) {
        let mut next_reloc = 0;
        for (i, instr) in e.instrs.iter().enumerate() {
            self.cur_relocs.clear();
            while let Some((at, slot, r)) = e.relocs.get(next_reloc) {
                if *at as usize > i {
                    break;
                }
                if *at as usize == i {
                    self.cur_relocs.push((*slot, r));
                }
                next_reloc += 1;
            }
            if self.record || self.record_sites || !e.branch_hints.is_empty() {
                self.instr_offsets.push(self.out.len() as u32);
            }
            if let InstrKind::Op(id, imm) = &instr.kind {
                self.cur_instr = i as u32;
                self.cur_op = *id;
                self.cur_span = instr.span;
                if self.record {
                    self.map.push((self.out.len() as u32, instr.span));
                }
                self.instr(*id, imm);
            }
        }
    }

    fn opcode(&mut self, op: Opcode) {
        if crate::instructions::is_fp16(op) {
            self.fp16.push(self.out.len() as u32);
        }
        match op {
            Opcode::Byte(b) => self.out.push(b),
            Opcode::Prefixed(p, n) => {
                self.out.push(p);
                self.u32(n);
            }
        }
    }

    fn block_type(&mut self, bt: &BlockType) {
        let tu = &bt.ty;
        if tu.resolved != u32::MAX {
            let start = self.out.len();
            if self.pad {
                self.out.extend_from_slice(&leb128fmt::encode_fixed_s32(tu.resolved as i32).expect("fits"));
            } else {
                (tu.resolved as i64).encode(&mut self.out);
            }
            self.site(start, ImmRole::Type, 0, tu.resolved as u64);
            return;
        }
        match tu.inline.as_ref().and_then(|ft| ft.results.first()) {
            None => self.out.push(0x40),
            Some(p) => valtype(&p.ty).encode(&mut self.out),
        }
    }

    fn memarg(&mut self, m: &MemArg) {
        let mem = m.memory.num;
        if mem == 0 {
            self.u32(m.align);
        } else {
            self.u32(m.align | 0x40);
            self.u32(mem);
        }
        let start = self.out.len();
        let is64 = self.memory64.get(mem as usize).copied().unwrap_or(false);
        if self.pad && mem == 0 && self.annotation(1).is_some() && !self.unrelocated(1) {
            if is64 {
                self.out.extend_from_slice(&leb128fmt::encode_fixed_u64(m.offset).expect("fits"));
            } else {
                match leb128fmt::encode_fixed_u32(m.offset as u32) {
                    Some(b) if m.offset <= u32::MAX as u64 => self.out.extend_from_slice(&b),
                    _ => m.offset.encode(&mut self.out),
                }
            }
        } else {
            m.offset.encode(&mut self.out);
        }
        self.site(start, ImmRole::MemOffset, 1, m.offset);
    }

    fn instr(&mut self, id: InstrId, imm: &Imm) {
        let info = id.info();
        match (info.imm, imm) {
            (ImmKind::Select, Imm::Select(Some(types))) => {
                self.out.push(0x1c);
                self.u32(types.len() as u32);
                for t in types {
                    valtype(t).encode(&mut self.out);
                }
                return;
            }
            (ImmKind::RefType, Imm::RefType(r)) => {
                let op = match info.opcode {
                    Opcode::Prefixed(p, n) => Opcode::Prefixed(p, n + r.nullable as u32),
                    Opcode::Byte(b) => Opcode::Byte(b + r.nullable as u8),
                };
                self.opcode(op);
                heaptype(&r.heap).encode(&mut self.out);
                return;
            }
            _ => self.opcode(info.opcode),
        }
        match (info.imm, imm) {
            (ImmKind::AtomicFence, _) => self.out.push(0x00),
            (_, Imm::None | Imm::EndLabel(_) | Imm::Select(None)) => {}
            (_, Imm::Block(bt)) => self.block_type(bt),
            (_, Imm::TryTable(b)) => {
                let (bt, clauses) = &**b;
                self.block_type(bt);
                self.u32(clauses.len() as u32);
                for (slot, c) in clauses.iter().enumerate() {
                    self.out.push(c.kind);
                    if let Some(t) = c.tag {
                        self.index(t.num, ImmRole::Tag, slot as ImmSlot);
                    }
                    self.u32(c.label.num);
                }
            }
            (k, Imm::Index(i)) => match k {
                ImmKind::Func => self.index(i.num, ImmRole::Func, 0),
                ImmKind::Global => self.index(i.num, ImmRole::Global, 0),
                ImmKind::Tag | ImmKind::Catch => self.index(i.num, ImmRole::Tag, 0),
                ImmKind::Table => self.index(i.num, ImmRole::Table, 0),
                _ => self.u32(i.num),
            },
            (k, Imm::Index2(a, b)) => match k {
                // Binary order: segment first, then table or memory.
                ImmKind::MemoryInit => {
                    self.u32(b.num);
                    self.u32(a.num);
                }
                ImmKind::TableInit => {
                    self.u32(b.num);
                    self.index(a.num, ImmRole::Table, 0);
                }
                ImmKind::TableCopy => {
                    self.index(a.num, ImmRole::Table, 0);
                    self.index(b.num, ImmRole::Table, 1);
                }
                _ => {
                    self.u32(a.num);
                    self.u32(b.num);
                }
            },
            (_, Imm::TypeCount(t, n)) => {
                self.u32(t.num);
                self.u32(*n);
            }
            (_, Imm::BrTable(labels)) => {
                let (default, rest) = labels.split_last().expect("br_table has a default");
                self.u32(rest.len() as u32);
                for l in rest {
                    self.u32(l.num);
                }
                self.u32(default.num);
            }
            (_, Imm::CallIndirect(b)) => {
                let (table, tu) = &**b;
                self.index(tu.resolved, ImmRole::Type, 1);
                self.index(table.num, ImmRole::Table, 0);
            }
            (_, Imm::MemArg(m)) => self.memarg(m),
            (_, Imm::MemArgLane(m, lane)) => {
                self.memarg(m);
                self.out.push(*lane);
            }
            (_, Imm::I32(v)) => {
                let start = self.out.len();
                if self.pad && self.annotation(0).is_some() && !self.unrelocated(0) {
                    self.out.extend_from_slice(&leb128fmt::encode_fixed_s32(*v).expect("fits"));
                } else {
                    v.encode(&mut self.out);
                }
                self.site(start, ImmRole::I32Const, 0, *v as u32 as u64);
            }
            (_, Imm::I64(v)) => {
                let start = self.out.len();
                // `(@reloc leb global $x)` (a GOT entry, D4) relocates a 5-byte field.
                let five = matches!(self.annotation(0), Some(RelocAnnot { format: Some((RelocFormat::Leb, _)), .. }));
                let small = i32::try_from(*v).ok().filter(|_| five);
                if self.pad && self.annotation(0).is_some() && !self.unrelocated(0) && (small.is_some() || !five) {
                    match small {
                        Some(v) => self.out.extend_from_slice(&leb128fmt::encode_fixed_s32(v).expect("fits")),
                        None => self.out.extend_from_slice(&leb128fmt::encode_fixed_s64(*v).expect("fits")),
                    }
                } else {
                    v.encode(&mut self.out);
                }
                self.site(start, ImmRole::I64Const, 0, *v as u64);
            }
            (_, Imm::F32(bits)) => self.out.extend_from_slice(&bits.to_le_bytes()),
            (_, Imm::F64(bits)) => self.out.extend_from_slice(&bits.to_le_bytes()),
            (_, Imm::V128(bytes)) => self.out.extend_from_slice(bytes),
            (_, Imm::Lane(l)) => self.out.push(*l),
            (_, Imm::HeapType(h)) => heaptype(h).encode(&mut self.out),
            (_, Imm::RefType(r)) => heaptype(&r.heap).encode(&mut self.out),
            (_, Imm::BrOnCast(b)) => {
                let (label, a, c) = &**b;
                self.out.push(a.nullable as u8 | (c.nullable as u8) << 1);
                self.u32(label.num);
                heaptype(&a.heap).encode(&mut self.out);
                heaptype(&c.heap).encode(&mut self.out);
            }
            (_, Imm::Select(Some(_))) => unreachable!("handled above"),
        }
    }
}
