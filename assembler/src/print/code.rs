//! Instructions decoded with relwat's own instruction table (opcode → row, immediates by
//! [`ImmKind`]), so that mnemonics are exactly the parser's and the offset of every immediate is
//! known: the printer puts `(@reloc ...)` right after the immediate it belongs to.

use super::PrintError;
use super::text::{self, TypeNames};
use crate::instructions::{INSTRUCTIONS, ImmKind, InstrId, Opcode};
use crate::kinds::EntityKind;
use crate::leb::{sleb_len, uleb_len};
use crate::linking::ImmRole;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::LazyLock;
use wasm_encoder::reencode::Reencode;
use wasmparser::{BinaryReader, HeapType, RefType, ValType};

/// Opcode → table row. For `RefType` rows, opcode + 1 is the nullable form; `0x1c` is the typed
/// `select`.
struct OpTable {
    byte: [Option<InstrId>; 256],
    prefixed: HashMap<(u8, u32), (InstrId, bool)>,
}

static OPS: LazyLock<OpTable> = LazyLock::new(|| {
    let mut t = OpTable { byte: [None; 256], prefixed: HashMap::new() };
    for (i, info) in INSTRUCTIONS.iter().enumerate() {
        let id = InstrId(i as u16);
        match info.opcode {
            Opcode::Byte(b) => t.byte[b as usize] = Some(id),
            Opcode::Prefixed(p, n) => {
                t.prefixed.insert((p, n), (id, false));
                if info.imm == ImmKind::RefType {
                    t.prefixed.insert((p, n + 1), (id, true));
                }
            }
        }
    }
    t
});

/// An immediate that relwat may relocate (or pads, in objects).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Site {
    /// Absolute offset of its first byte.
    pub offset: usize,
    /// Its width.
    pub len: usize,
    /// What it is.
    pub role: ImmRole,
    /// The decoded value (index, constant bits, offset).
    pub value: u64,
}

/// What the instruction printer needs from the module printer.
pub(crate) trait Env: TypeNames {
    /// The text of an index (an id, or the number).
    fn name(&self, space: EntityKind, index: u32) -> std::borrow::Cow<'_, str>;
    /// The annotation to write after a relocatable immediate (with a leading space), if any.
    fn site(&mut self, site: Site) -> Result<Option<String>, PrintError>;
    /// Something the text cannot express: the output will not re-assemble to the same bytes.
    fn warn(&mut self, offset: usize, msg: String);
    /// An instruction names a data segment (which makes relwat write a DataCount section).
    fn names_data_segment(&mut self);
    /// An FP16 instruction's opcode stands at `offset` (for validation).
    fn fp16_opcode(&mut self, offset: usize);
}

fn err(e: wasmparser::BinaryReaderError) -> PrintError {
    PrintError { message: e.message().to_string(), offset: Some(e.offset()) }
}

/// Prints the instructions of an expression that ends with `end` at `range.end`: a function body
/// (`is_body`: one instruction per line, indented by block depth) or a constant expression (all
/// on one line). The final `end` is not printed.
pub(crate) struct ExprPrinter<'a, 'e> {
    bytes: &'a [u8],
    r: BinaryReader<'a>,
    env: &'e mut dyn Env,
    out: &'e mut String,
    /// A function body (immediates may be relocated), not a constant expression.
    code: bool,
}

impl<'a, 'e> ExprPrinter<'a, 'e> {
    pub(crate) fn new(bytes: &'a [u8], start: usize, end: usize, env: &'e mut dyn Env, out: &'e mut String) -> Self {
        ExprPrinter { bytes, r: BinaryReader::new(&bytes[start..end], start as u64), env, out, code: false }
    }

    fn pos(&self) -> usize {
        self.r.original_position() as usize
    }

    /// Prints every instruction. `indent` is the body's base indentation (in spaces); `None`
    /// prints a constant expression on one line.
    pub(crate) fn print(mut self, indent: Option<usize>) -> Result<(), PrintError> {
        self.code = indent.is_some();
        let mut depth = 0usize;
        let mut first = true;
        loop {
            if self.r.eof() {
                return Err(PrintError::at(self.pos(), "expression ends without `end`"));
            }
            let start = self.pos();
            let (id, nullable, typed_select) = self.opcode()?;
            let info = id.info();
            if matches!(info.imm, ImmKind::MemoryInit | ImmKind::Data | ImmKind::TypeData) {
                self.env.names_data_segment();
            }
            if crate::instructions::is_fp16(info.opcode) {
                self.env.fp16_opcode(start);
            }
            let name = info.name;
            let closes = matches!(name, "end" | "delegate");
            if closes && depth == 0 {
                if name == "delegate" {
                    return Err(PrintError::at(start, "`delegate` outside a `try` block"));
                }
                if !self.r.eof() {
                    return Err(PrintError::at(self.pos(), "bytes after the final `end` of an expression"));
                }
                return Ok(());
            }
            let level = if closes || matches!(name, "else" | "catch" | "catch_all") {
                depth.checked_sub(1).ok_or_else(|| PrintError::at(start, format!("`{name}` outside a block")))?
            } else {
                depth
            };
            match indent {
                Some(base) => {
                    // Deep nesting (a big `switch` is hundreds of blocks) stops indenting at 32.
                    const SPACES: &str = "                                                                ";
                    let width = base + 2 * level.min(32);
                    self.out.push('\n');
                    for _ in 0..width / SPACES.len() {
                        self.out.push_str(SPACES);
                    }
                    self.out.push_str(&SPACES[..width % SPACES.len()]);
                }
                None => {
                    if !first {
                        self.out.push(' ');
                    }
                }
            }
            first = false;
            self.out.push_str(if typed_select { "select" } else { name });
            self.immediates(info.imm, nullable, typed_select, start)?;
            if closes {
                depth -= 1;
            } else if matches!(info.imm, ImmKind::Block | ImmKind::TryTable) {
                depth += 1;
            }
        }
    }

    /// Reads an opcode: the row, whether it is the nullable form, whether it is the typed select.
    fn opcode(&mut self) -> Result<(InstrId, bool, bool), PrintError> {
        let start = self.pos();
        let b = self.r.read_u8().map_err(err)?;
        if let 0xfb..=0xfe = b {
            let n_start = self.pos();
            let n = self.r.read_var_u32().map_err(err)?;
            if self.pos() - n_start != uleb_len(n as u64) {
                self.env.warn(start, "an opcode with a padded LEB (relwat writes it minimal)".into());
            }
            return match OPS.prefixed.get(&(b, n)) {
                Some(&(id, nullable)) => Ok((id, nullable, false)),
                None => Err(PrintError::at(start, format!("unknown opcode 0x{b:02x} 0x{n:x}"))),
            };
        }
        if b == 0x1c {
            return Ok((crate::instructions::lookup("select").expect("select"), false, true));
        }
        match OPS.byte[b as usize] {
            Some(id) => Ok((id, false, false)),
            None => Err(PrintError::at(start, format!("unknown opcode 0x{b:02x}"))),
        }
    }

    /// A u32 that relwat writes minimal (labels, locals, lanes counts, ...).
    fn u32(&mut self) -> Result<u32, PrintError> {
        let start = self.pos();
        let v = self.r.read_var_u32().map_err(err)?;
        if self.pos() - start != uleb_len(v as u64) {
            self.env.warn(start, format!("a padded LEB ({v}) where relwat writes a minimal one"));
        }
        Ok(v)
    }

    fn push(&mut self, s: &str) {
        self.out.push(' ');
        self.out.push_str(s);
    }

    /// A relocatable u32 index: the name, then the site's annotation.
    fn index_site(&mut self, space: EntityKind, role: ImmRole) -> Result<(), PrintError> {
        let start = self.pos();
        let v = self.r.read_var_u32().map_err(err)?;
        self.out.push(' ');
        self.out.push_str(&self.env.name(space, v));
        self.annotate(Site { offset: start, len: self.pos() - start, role, value: v as u64 })
    }

    fn annotate(&mut self, site: Site) -> Result<(), PrintError> {
        if !self.code {
            // Constant expressions are never relocated: relwat writes their immediates minimal.
            let minimal = match site.role {
                ImmRole::I32Const => sleb_len(site.value as u32 as i32 as i64),
                ImmRole::I64Const => sleb_len(site.value as i64),
                _ => uleb_len(site.value),
            };
            if site.len != minimal {
                self.env
                    .warn(site.offset, "a padded immediate in a constant expression (relwat writes it minimal)".into());
            }
            return Ok(());
        }
        if let Some(a) = self.env.site(site)? {
            self.out.push_str(&a);
        }
        Ok(())
    }

    fn site_type(&mut self, start: usize, v: u32) -> Result<(), PrintError> {
        self.annotate(Site { offset: start, len: self.pos() - start, role: ImmRole::Type, value: v as u64 })
    }

    fn valtype(&mut self) -> Result<ValType, PrintError> {
        let start = self.pos();
        let t = self.r.read::<ValType>().map_err(err)?;
        let mut enc = Vec::new();
        if let Ok(e) = wasm_encoder::reencode::RoundtripReencoder.val_type(t) {
            wasm_encoder::Encode::encode(&e, &mut enc);
        }
        self.canonical(start, &enc, "a value type");
        Ok(t)
    }

    fn heaptype(&mut self) -> Result<HeapType, PrintError> {
        let start = self.pos();
        let t = self.r.read::<HeapType>().map_err(err)?;
        let mut enc = Vec::new();
        if let Ok(e) = wasm_encoder::reencode::RoundtripReencoder.heap_type(t) {
            wasm_encoder::Encode::encode(&e, &mut enc);
        }
        self.canonical(start, &enc, "a heap type");
        Ok(t)
    }

    /// Warns when the bytes from `start` to here are not `canonical`, relwat's encoding of what
    /// was read from them.
    fn canonical(&mut self, start: usize, canonical: &[u8], what: &str) {
        if self.bytes.get(start..self.pos()) != Some(canonical) {
            self.env.warn(start, format!("{what} not written as relwat writes it (a padded LEB or another form)"));
        }
    }

    fn block_type(&mut self) -> Result<(), PrintError> {
        let start = self.pos();
        let b = *self.bytes.get(start).ok_or_else(|| PrintError::at(start, "unexpected end in a block type"))?;
        if b & 0x80 == 0 && b & 0x40 != 0 {
            if b == 0x40 {
                self.r.read_u8().map_err(err)?;
                return Ok(());
            }
            let t = self.valtype()?;
            self.out.push_str(" (result ");
            text::valtype(self.out, t, self.env);
            self.out.push(')');
            return Ok(());
        }
        let idx = self.r.read_var_s33().map_err(err)?;
        let idx = u32::try_from(idx).map_err(|_| PrintError::at(start, "invalid block type"))?;
        let t = self.env.type_ref(idx);
        let _ = write!(self.out, " (type {t})");
        self.site_type(start, idx)
    }

    fn memarg(&mut self, natural: u8) -> Result<(), PrintError> {
        let start = self.pos();
        let flags = self.u32()?;
        let mut align = flags;
        let mut memory = 0;
        if flags & 0x40 != 0 {
            align = flags & !0x40;
            memory = self.u32()?;
            if memory == 0 {
                self.env.warn(start, "a memory argument names memory 0 explicitly".into());
            }
        }
        if align >= 64 {
            return Err(PrintError::at(start, format!("alignment 2^{align} out of range")));
        }
        if memory != 0 {
            let _ = write!(self.out, " {memory}");
        }
        let ostart = self.pos();
        let offset = self.r.read_var_u64().map_err(err)?;
        let site = Site { offset: ostart, len: self.pos() - ostart, role: ImmRole::MemOffset, value: offset };
        let annot = self.env.site(site)?;
        if offset != 0 || annot.is_some() {
            let _ = write!(self.out, " offset={offset}");
        }
        if let Some(a) = annot {
            self.out.push_str(&a);
        }
        if align != natural as u32 {
            let _ = write!(self.out, " align={}", 1u64 << align);
        }
        Ok(())
    }

    fn immediates(
        &mut self,
        kind: ImmKind,
        nullable: bool,
        typed_select: bool,
        start: usize,
    ) -> Result<(), PrintError> {
        use ImmKind as K;
        match kind {
            K::None | K::EndLabel => {}
            K::AtomicFence => {
                let b = self.r.read_u8().map_err(err)?;
                if b != 0 {
                    self.env.warn(start, format!("`atomic.fence` with flags {b} (relwat writes 0)"));
                }
            }
            K::Block => self.block_type()?,
            K::TryTable => {
                self.block_type()?;
                let n = self.u32()?;
                for _ in 0..n {
                    let kind = self.r.read_u8().map_err(err)?;
                    let head = match kind {
                        0 => "catch",
                        1 => "catch_ref",
                        2 => "catch_all",
                        3 => "catch_all_ref",
                        k => return Err(PrintError::at(self.pos() - 1, format!("invalid catch kind {k}"))),
                    };
                    let _ = write!(self.out, " ({head}");
                    if kind < 2 {
                        self.index_site(EntityKind::Tag, ImmRole::Tag)?;
                    }
                    let label = self.u32()?;
                    let _ = write!(self.out, " {label})");
                }
            }
            K::Catch => self.index_site(EntityKind::Tag, ImmRole::Tag)?,
            K::Label | K::Local | K::Elem | K::Data | K::Lane => {
                if kind == K::Lane {
                    let l = self.r.read_u8().map_err(err)?;
                    let _ = write!(self.out, " {l}");
                } else {
                    let v = self.u32()?;
                    let _ = write!(self.out, " {v}");
                }
            }
            K::BrTable => {
                let n = self.u32()?;
                for _ in 0..=n {
                    let v = self.u32()?;
                    let _ = write!(self.out, " {v}");
                }
            }
            K::Func => self.index_site(EntityKind::Func, ImmRole::Func)?,
            K::Global => self.index_site(EntityKind::Global, ImmRole::Global)?,
            K::Tag => self.index_site(EntityKind::Tag, ImmRole::Tag)?,
            K::Table => self.index_site(EntityKind::Table, ImmRole::Table)?,
            K::CallIndirect => {
                // Binary: type, then table; text: table, then type.
                let tstart = self.pos();
                let ty = self.r.read_var_u32().map_err(err)?;
                let tlen = self.pos() - tstart;
                self.index_site(EntityKind::Table, ImmRole::Table)?;
                let t = self.env.type_ref(ty);
                let _ = write!(self.out, " (type {t})");
                self.annotate(Site { offset: tstart, len: tlen, role: ImmRole::Type, value: ty as u64 })?;
            }
            K::Type => {
                let v = self.u32()?;
                let t = self.env.type_ref(v);
                self.push(&t);
            }
            K::TypeField | K::TypeCount | K::TypeData | K::TypeElem => {
                let v = self.u32()?;
                let t = self.env.type_ref(v);
                self.push(&t);
                let n = self.u32()?;
                let _ = write!(self.out, " {n}");
            }
            K::TypeType => {
                let a = self.u32()?;
                let b = self.u32()?;
                let (a, b) = (self.env.type_ref(a), self.env.type_ref(b));
                self.push(&a);
                self.push(&b);
            }
            K::TableCopy => {
                self.index_site(EntityKind::Table, ImmRole::Table)?;
                self.index_site(EntityKind::Table, ImmRole::Table)?;
            }
            K::TableInit => {
                let elem = self.u32()?;
                self.index_site(EntityKind::Table, ImmRole::Table)?;
                let _ = write!(self.out, " {elem}");
            }
            K::Memory => {
                let m = self.u32()?;
                if m != 0 {
                    let _ = write!(self.out, " {m}");
                }
            }
            K::MemoryCopy => {
                let a = self.u32()?;
                let b = self.u32()?;
                if a != 0 || b != 0 {
                    let _ = write!(self.out, " {a} {b}");
                }
            }
            K::MemoryInit => {
                let data = self.u32()?;
                let m = self.u32()?;
                if m != 0 {
                    let _ = write!(self.out, " {m}");
                }
                let _ = write!(self.out, " {data}");
            }
            K::MemArg(natural) => self.memarg(natural)?,
            K::MemArgLane(natural) => {
                self.memarg(natural)?;
                let l = self.r.read_u8().map_err(err)?;
                let _ = write!(self.out, " {l}");
            }
            K::I32 => {
                let s = self.pos();
                let v = self.r.read_var_i32().map_err(err)?;
                let _ = write!(self.out, " {v}");
                self.annotate(Site {
                    offset: s,
                    len: self.pos() - s,
                    role: ImmRole::I32Const,
                    value: v as u32 as u64,
                })?;
            }
            K::I64 => {
                let s = self.pos();
                let v = self.r.read_var_i64().map_err(err)?;
                let _ = write!(self.out, " {v}");
                self.annotate(Site { offset: s, len: self.pos() - s, role: ImmRole::I64Const, value: v as u64 })?;
            }
            K::F32 => {
                let v = self.r.read_f32().map_err(err)?;
                self.push(&text::f32_text(v.bits()));
            }
            K::F64 => {
                let v = self.r.read_f64().map_err(err)?;
                self.push(&text::f64_text(v.bits()));
            }
            K::V128 => {
                let b = self.r.read_bytes(16).map_err(err)?;
                self.out.push_str(" i32x4");
                for lane in b.chunks(4) {
                    let v = u32::from_le_bytes([lane[0], lane[1], lane[2], lane[3]]);
                    let _ = write!(self.out, " 0x{v:08x}");
                }
            }
            K::Shuffle => {
                let b = self.r.read_bytes(16).map_err(err)?;
                for l in b {
                    let _ = write!(self.out, " {l}");
                }
            }
            K::Select => {
                if typed_select {
                    let n = self.u32()?;
                    self.out.push_str(" (result");
                    for _ in 0..n {
                        let t = self.valtype()?;
                        self.out.push(' ');
                        text::valtype(self.out, t, self.env);
                    }
                    self.out.push(')');
                }
            }
            K::HeapType => {
                let h = self.heaptype()?;
                self.out.push(' ');
                text::heaptype(self.out, h, self.env);
            }
            K::RefType => {
                let h = self.heaptype()?;
                let r = RefType::new(nullable, h)
                    .ok_or_else(|| PrintError::at(start, "reference type out of implementation limits"))?;
                self.out.push(' ');
                text::reftype(self.out, r, self.env);
            }
            K::BrOnCast => {
                let flags_at = self.pos();
                let flags = self.r.read_u8().map_err(err)?;
                if flags > 3 {
                    self.env.warn(
                        flags_at,
                        format!("cast flags {flags:#04x} (relwat writes only the two nullability bits)"),
                    );
                }
                let label = self.u32()?;
                let h1 = self.heaptype()?;
                let h2 = self.heaptype()?;
                let _ = write!(self.out, " {label}");
                for (h, n) in [(h1, flags & 1 != 0), (h2, flags & 2 != 0)] {
                    let r = RefType::new(n, h)
                        .ok_or_else(|| PrintError::at(start, "reference type out of implementation limits"))?;
                    self.out.push(' ');
                    text::reftype(self.out, r, self.env);
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leb_lengths() {
        assert_eq!(uleb_len(0), 1);
        assert_eq!(uleb_len(127), 1);
        assert_eq!(uleb_len(128), 2);
        assert_eq!(uleb_len(u32::MAX as u64), 5);
        assert_eq!(sleb_len(0), 1);
        assert_eq!(sleb_len(63), 1);
        assert_eq!(sleb_len(64), 2);
        assert_eq!(sleb_len(-64), 1);
        assert_eq!(sleb_len(-65), 2);
        assert_eq!(sleb_len(i32::MIN as i64), 5);
    }

    #[test]
    fn every_row_decodes_to_itself() {
        for (i, info) in INSTRUCTIONS.iter().enumerate() {
            let found = match info.opcode {
                Opcode::Byte(b) => OPS.byte[b as usize],
                Opcode::Prefixed(p, n) => OPS.prefixed.get(&(p, n)).map(|(id, _)| *id),
            };
            assert_eq!(found, Some(InstrId(i as u16)), "{}", info.name);
        }
    }
}
