//! Reading an object: every section with wasmparser, plus what the text needs to know about the
//! bytes themselves (section header widths, where each function body and data segment is).

use super::PrintError;
use crate::kinds::ExternKind;
use crate::linking;
use std::ops::Range;
use wasmparser::{
    DataKind, Element, Export, FuncType, Global, Import, MemoryType, Parser, Payload, RecGroup, Table, TagType, ValType,
};

/// One section of the object, in file order.
#[derive(Debug, Clone)]
pub(crate) struct SectionInfo {
    /// Section id (0 for custom sections).
    pub id: u8,
    /// A custom section's name.
    pub name: String,
    /// Width of the section-size LEB.
    pub size_len: usize,
    /// The payload (after id and size).
    pub payload: Range<usize>,
    /// For custom sections: where the contents start (after the name).
    pub contents: usize,
}

/// A function body.
#[derive(Debug, Clone)]
pub(crate) struct Body {
    /// Local declarations: (count, type).
    pub locals: Vec<(u32, ValType)>,
    /// The body after its size field (locals first), absolute.
    pub range: Range<usize>,
    /// Where the instructions start, absolute.
    pub code: usize,
    /// Width of the body-size LEB.
    pub size_len: usize,
}

/// A data segment.
#[derive(Debug, Clone)]
pub(crate) struct Segment<'a> {
    /// Active or passive, with its offset expression.
    pub kind: DataKind<'a>,
    /// Its bytes.
    pub data: &'a [u8],
    /// Where its bytes start, absolute.
    pub start: usize,
}

/// A comdat.
#[derive(Debug, Clone)]
pub(crate) struct Comdat<'a> {
    pub name: &'a str,
    pub flags: u32,
    /// (kind: 0 data, 1 function, 2 global, 3 tag, 4 table, 5 section; index).
    pub members: Vec<(u8, u32)>,
}

/// One symbol-table entry. The `linking` section is read by hand: LLVM reads (and may write) the
/// offset and size of a data symbol as 64-bit numbers, which wasmparser 0.263 reads as 32-bit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LinkSymbol<'a> {
    /// 0 function, 1 data, 2 global, 3 section, 4 tag, 5 table.
    pub kind: u8,
    pub flags: u32,
    /// Entity or section index (0 for data symbols).
    pub index: u32,
    /// The name, when the entry has one.
    pub name: Option<&'a str>,
    /// A defined data symbol's (segment, offset, size).
    pub data: Option<(u32, u64, u64)>,
}

/// A data segment's entry of the segment info.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SegmentInfo<'a> {
    pub name: &'a str,
    /// Log2 of the alignment.
    pub alignment: u32,
    pub flags: u32,
}

/// The `linking` section.
#[derive(Debug, Clone, Default)]
pub(crate) struct LinkingInfo<'a> {
    /// Index of the section.
    pub section: usize,
    /// Subsections in file order: (id, width of the size LEB, size).
    pub subsections: Vec<(u8, usize, usize)>,
    pub symbols: Vec<LinkSymbol<'a>>,
    /// Segment info, when the subsection is present.
    pub segments: Option<Vec<SegmentInfo<'a>>>,
    /// (priority, symbol).
    pub init_funcs: Vec<(u32, u32)>,
    pub comdats: Vec<Comdat<'a>>,
}

/// One relocation entry. Read by hand rather than with wasmparser, which does not know every
/// type relwat does (type 27, LLVM 23).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RelocEntry {
    /// The type (`R_WASM_*`).
    pub ty: u8,
    /// Offset in the target section (custom sections: after the name).
    pub offset: u32,
    /// Symbol index, or type index for `R_WASM_TYPE_INDEX_LEB`.
    pub index: u32,
    /// The addend (0 for types without one).
    pub addend: i64,
}

impl RelocEntry {
    /// Bytes it rewrites.
    pub fn extent(&self) -> usize {
        linking::type_width(self.ty).expect("read entries have known types")
    }

    /// LLVM's name of its type.
    pub fn type_name(&self) -> &'static str {
        linking::name(self.ty)
    }
}

/// A `reloc.*` section.
#[derive(Debug, Clone)]
pub(crate) struct RelocInfo {
    /// Index of the reloc section itself.
    pub section: usize,
    /// Index of the section it applies to.
    pub target: usize,
    /// Its name.
    pub name: String,
    /// Entries in file order.
    pub entries: Vec<RelocEntry>,
    /// How the entry offsets are written: `Some(false)` all minimal, `Some(true)` all as 5-byte
    /// LEBs, `None` otherwise (or no entries).
    pub padded_offsets: Option<bool>,
    /// Whether every other field (target, count, type, index, addend) is written minimal.
    pub minimal_fields: bool,
}

/// Everything read from an object.
#[derive(Default)]
pub(crate) struct Object<'a> {
    pub bytes: &'a [u8],
    pub sections: Vec<SectionInfo>,
    pub rec_groups: Vec<RecGroup>,
    /// Function types by type index (`None` for other types).
    pub type_sigs: Vec<Option<FuncType>>,
    pub imports: Vec<Import<'a>>,
    /// Type index of every defined function.
    pub func_types: Vec<u32>,
    pub tables: Vec<Table<'a>>,
    pub memories: Vec<MemoryType>,
    pub globals: Vec<Global<'a>>,
    pub tags: Vec<TagType>,
    pub exports: Vec<Export<'a>>,
    pub start: Option<u32>,
    pub elems: Vec<Element<'a>>,
    pub datacount: Option<u32>,
    pub bodies: Vec<Body>,
    pub data: Vec<Segment<'a>>,
    pub linking: Option<LinkingInfo<'a>>,
    pub relocs: Vec<RelocInfo>,
    /// Index of the code and data sections.
    pub code_section: Option<usize>,
    pub data_section: Option<usize>,
}

/// LEBs of a custom section's payload, read by hand.
struct RawReader<'b> {
    bytes: &'b [u8],
    pos: usize,
    /// Offset of `bytes` in the file, for errors.
    base: usize,
}

impl<'b> RawReader<'b> {
    fn error(&self, at: usize, message: impl Into<String>) -> PrintError {
        PrintError::at(self.base + at, message)
    }

    /// A signed or unsigned LEB of at most `bits` bits (up to 64).
    fn leb(&mut self, bits: u32, signed: bool) -> Result<i128, PrintError> {
        let start = self.pos;
        let (mut v, mut shift) = (0i128, 0u32);
        loop {
            let b = *self.bytes.get(self.pos).ok_or_else(|| self.error(start, "unexpected end of a LEB128 number"))?;
            self.pos += 1;
            v |= ((b & 0x7f) as i128) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                if signed && b & 0x40 != 0 {
                    v |= -1i128 << shift;
                }
                break;
            }
            if shift >= bits + 7 {
                return Err(self.error(start, "LEB128 number too long"));
            }
        }
        let (lo, hi) =
            if signed { (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1) } else { (0, (1i128 << bits) - 1) };
        if v < lo || v > hi {
            return Err(
                self.error(start, format!("LEB128 number out of range for {}{bits}", if signed { "i" } else { "u" }))
            );
        }
        Ok(v)
    }

    fn u32(&mut self) -> Result<u32, PrintError> {
        Ok(self.leb(32, false)? as u32)
    }

    fn u64(&mut self) -> Result<u64, PrintError> {
        Ok(self.leb(64, false)? as u64)
    }

    fn s32(&mut self) -> Result<i32, PrintError> {
        Ok(self.leb(32, true)? as i32)
    }

    fn s64(&mut self) -> Result<i64, PrintError> {
        Ok(self.leb(64, true)? as i64)
    }

    fn byte(&mut self) -> Result<u8, PrintError> {
        let b = *self.bytes.get(self.pos).ok_or_else(|| self.error(self.pos, "unexpected end of a section"))?;
        self.pos += 1;
        Ok(b)
    }

    /// A UTF-8 name: its length, then its bytes.
    fn name(&mut self) -> Result<&'b str, PrintError> {
        let start = self.pos;
        let len = self.u32()? as usize;
        let end = self.pos.checked_add(len).filter(|e| *e <= self.bytes.len());
        let end = end.ok_or_else(|| self.error(start, "a name runs past the end of its section"))?;
        let name =
            std::str::from_utf8(&self.bytes[self.pos..end]).map_err(|_| self.error(start, "a name is not UTF-8"))?;
        self.pos = end;
        Ok(name)
    }

    /// A symbol-table entry (Linking.md `syminfo`).
    fn symbol(&mut self) -> Result<LinkSymbol<'b>, PrintError> {
        const UNDEFINED: u32 = 0x10;
        const EXPLICIT_NAME: u32 = 0x40;
        let at = self.pos;
        let kind = self.byte()?;
        let flags = self.u32()?;
        let undefined = flags & UNDEFINED != 0;
        let mut sym = LinkSymbol { kind, flags, index: 0, name: None, data: None };
        match kind {
            0 | 2 | 4 | 5 => {
                sym.index = self.u32()?;
                if !undefined || flags & EXPLICIT_NAME != 0 {
                    sym.name = Some(self.name()?);
                }
            }
            1 => {
                sym.name = Some(self.name()?);
                if !undefined {
                    sym.data = Some((self.u32()?, self.u64()?, self.u64()?));
                }
            }
            3 => sym.index = self.u32()?,
            k => return Err(self.error(at, format!("unknown symbol kind {k}"))),
        }
        Ok(sym)
    }
}

fn err(e: wasmparser::BinaryReaderError) -> PrintError {
    PrintError { message: e.message().to_string(), offset: Some(e.offset()) }
}

/// Reads an LEB u32 at `pos`; for the section headers.
fn read_u32(bytes: &[u8], pos: &mut usize) -> Result<u32, PrintError> {
    let start = *pos;
    let mut value = 0u64;
    for i in 0..5 {
        let Some(&b) = bytes.get(*pos) else {
            return Err(PrintError::at(start, "unexpected end of the file in a LEB128 number"));
        };
        *pos += 1;
        value |= ((b & 0x7f) as u64) << (7 * i);
        if b & 0x80 == 0 {
            return u32::try_from(value).map_err(|_| PrintError::at(start, "LEB128 number out of range for u32"));
        }
    }
    Err(PrintError::at(start, "LEB128 number too long for u32"))
}

impl<'a> Object<'a> {
    /// Reads an object. Errors say what is malformed and where.
    pub(crate) fn read(bytes: &'a [u8]) -> Result<Object<'a>, PrintError> {
        if bytes.starts_with(b"BC\xc0\xde") || bytes.starts_with(&[0xde, 0xc0, 0x17, 0x0b]) {
            return Err(PrintError {
                message: "LLVM bitcode (an LTO object), not a WebAssembly object: compile without -flto".into(),
                offset: None,
            });
        }
        if bytes.starts_with(b"!<arch>\n") || bytes.starts_with(b"!<thin>\n") {
            return Err(PrintError {
                message: "an archive, not an object: extract its members first (`llvm-ar-22 x`)".into(),
                offset: None,
            });
        }
        if bytes.len() < 8 || &bytes[..4] != b"\0asm" {
            return Err(PrintError { message: "not a WebAssembly file (no `\\0asm` header)".into(), offset: None });
        }
        if bytes[4..8] != [1, 0, 0, 0] {
            return Err(PrintError::at(
                4,
                "not a WebAssembly core module (unsupported version; components are not supported)",
            ));
        }
        let mut o = Object { bytes, ..Object::default() };
        o.scan_sections()?;
        o.parse()?;
        Ok(o)
    }

    /// Section headers, straight from the bytes.
    fn scan_sections(&mut self) -> Result<(), PrintError> {
        let bytes = self.bytes;
        let mut pos = 8;
        while pos < bytes.len() {
            let start = pos;
            let id = bytes[pos];
            pos += 1;
            let size_start = pos;
            let size = read_u32(bytes, &mut pos)? as usize;
            let size_len = pos - size_start;
            let end = pos.checked_add(size).filter(|e| *e <= bytes.len()).ok_or_else(|| {
                PrintError::at(start, format!("section {id} is {size} bytes long but the file ends before"))
            })?;
            let payload = pos..end;
            let (name, contents) = if id == 0 {
                let mut p = pos;
                let len = read_u32(bytes, &mut p)? as usize;
                let name_end = p
                    .checked_add(len)
                    .filter(|e| *e <= end)
                    .ok_or_else(|| PrintError::at(pos, "custom section name runs past the end of the section"))?;
                let name = std::str::from_utf8(&bytes[p..name_end])
                    .map_err(|_| PrintError::at(p, "custom section name is not UTF-8"))?;
                (name.to_string(), name_end)
            } else {
                (String::new(), pos)
            };
            self.sections.push(SectionInfo { id, name, size_len, payload, contents });
            pos = end;
        }
        Ok(())
    }

    fn parse(&mut self) -> Result<(), PrintError> {
        let bytes = self.bytes;
        let mut section = 0usize;
        let mut code_count = None;
        for payload in Parser::new(0).parse_all(bytes) {
            let payload = payload.map_err(err)?;
            match payload {
                Payload::Version { .. } => continue,
                Payload::TypeSection(r) => {
                    for g in r {
                        let g = g.map_err(err)?;
                        for t in g.types() {
                            self.type_sigs.push(match &t.composite_type.inner {
                                wasmparser::CompositeInnerType::Func(f) => Some(f.clone()),
                                _ => None,
                            });
                        }
                        self.rec_groups.push(g);
                    }
                }
                Payload::ImportSection(r) => {
                    for i in r.into_imports() {
                        self.imports.push(i.map_err(err)?);
                    }
                }
                Payload::FunctionSection(r) => {
                    for f in r {
                        self.func_types.push(f.map_err(err)?);
                    }
                }
                Payload::TableSection(r) => {
                    for t in r {
                        self.tables.push(t.map_err(err)?);
                    }
                }
                Payload::MemorySection(r) => {
                    for m in r {
                        self.memories.push(m.map_err(err)?);
                    }
                }
                Payload::TagSection(r) => {
                    for t in r {
                        self.tags.push(t.map_err(err)?);
                    }
                }
                Payload::GlobalSection(r) => {
                    for g in r {
                        self.globals.push(g.map_err(err)?);
                    }
                }
                Payload::ExportSection(r) => {
                    for e in r {
                        self.exports.push(e.map_err(err)?);
                    }
                }
                Payload::StartSection { func, .. } => self.start = Some(func),
                Payload::ElementSection(r) => {
                    for e in r {
                        self.elems.push(e.map_err(err)?);
                    }
                }
                Payload::DataCountSection { count, .. } => self.datacount = Some(count),
                Payload::DataSection(r) => {
                    self.data_section = Some(section);
                    for d in r {
                        let d = d.map_err(err)?;
                        let start = d.range.end as usize - d.data.len();
                        self.data.push(Segment { kind: d.kind, data: d.data, start });
                    }
                }
                Payload::CodeSectionStart { count, .. } => {
                    self.code_section = Some(section);
                    code_count = Some(count);
                    // The `CodeSectionEntry` payloads follow; `section` moves on after them.
                    continue;
                }
                Payload::CodeSectionEntry(body) => {
                    let range = body.range();
                    let range = range.start as usize..range.end as usize;
                    let size_len = {
                        // The size field ends where the body starts.
                        let mut s = range.start - 1;
                        while s > 0 && bytes[s - 1] & 0x80 != 0 {
                            s -= 1;
                        }
                        range.start - s
                    };
                    let mut locals = Vec::new();
                    let mut lr = body.get_locals_reader().map_err(err)?;
                    for _ in 0..lr.get_count() {
                        locals.push(lr.read().map_err(err)?);
                    }
                    let code = lr.original_position() as usize;
                    self.bodies.push(Body { locals, range, code, size_len });
                    if Some(self.bodies.len() as u32) == code_count {
                        section += 1;
                    }
                    continue;
                }
                Payload::CustomSection(c) => {
                    let data = c.data();
                    if c.name() == "linking" {
                        if self.linking.is_some() {
                            return Err(PrintError::at(c.range().start as usize, "a second `linking` section"));
                        }
                        self.linking = Some(self.read_linking(section, data, c.data_offset() as usize)?);
                    } else if c.name().starts_with("reloc.") {
                        let mut r = RawReader { bytes: data, pos: 0, base: c.data_offset() as usize };
                        let target = r.u32()? as usize;
                        let count = r.u32()?;
                        let mut entries = Vec::new();
                        for _ in 0..count {
                            let at = r.pos;
                            let ty = r.u32()?;
                            let ty = u8::try_from(ty)
                                .ok()
                                .filter(|t| linking::type_width(*t).is_some())
                                .ok_or_else(|| r.error(at, format!("unknown relocation type {ty}")))?;
                            let offset = r.u32()?;
                            let index = r.u32()?;
                            let addend = if linking::has_addend(ty) {
                                if linking::addend_is_64(ty) { r.s64()? } else { r.s32()? as i64 }
                            } else {
                                0
                            };
                            entries.push(RelocEntry { ty, offset, index, addend });
                        }
                        if r.pos != data.len() {
                            return Err(r.error(r.pos, "bytes after the entries of a reloc section"));
                        }
                        let (padded_offsets, minimal_fields) = reloc_widths(data, &entries);
                        self.relocs.push(RelocInfo {
                            section,
                            target,
                            name: c.name().to_string(),
                            entries,
                            padded_offsets,
                            minimal_fields,
                        });
                    }
                }
                Payload::End(_) => break,
                Payload::ModuleSection { .. } | Payload::ComponentSection { .. } => {
                    return Err(PrintError::at(0, "components are not supported"));
                }
                Payload::UnknownSection { id, range, .. } => {
                    return Err(PrintError::at(range.start as usize, format!("unknown section id {id}")));
                }
                _ => {}
            }
            section += 1;
        }
        if section != self.sections.len() {
            return Err(PrintError {
                message: format!(
                    "internal error: {} sections read but {} found in the file",
                    section,
                    self.sections.len()
                ),
                offset: None,
            });
        }
        Ok(())
    }

    /// The `linking` section's payload (after its name), `data` at `base` in the file.
    fn read_linking(&self, section: usize, data: &'a [u8], base: usize) -> Result<LinkingInfo<'a>, PrintError> {
        let mut info = LinkingInfo { section, ..LinkingInfo::default() };
        let mut r = RawReader { bytes: data, pos: 0, base };
        let version = r.u32()?;
        if version != 2 {
            return Err(r.error(0, format!("unexpected linking section version {version} (2 expected)")));
        }
        while r.pos < data.len() {
            let id = r.byte()?;
            let size_start = r.pos;
            let size = r.u32()? as usize;
            info.subsections.push((id, r.pos - size_start, size));
            let end = r
                .pos
                .checked_add(size)
                .filter(|e| *e <= data.len())
                .ok_or_else(|| r.error(size_start, "linking subsection runs past the end of the section"))?;
            let mut sub = RawReader { bytes: &data[..end], pos: r.pos, base };
            match id {
                8 => {
                    for _ in 0..sub.u32()? {
                        info.symbols.push(sub.symbol()?);
                    }
                }
                5 => {
                    let mut v = Vec::new();
                    for _ in 0..sub.u32()? {
                        v.push(SegmentInfo { name: sub.name()?, alignment: sub.u32()?, flags: sub.u32()? });
                    }
                    info.segments = Some(v);
                }
                6 => {
                    for _ in 0..sub.u32()? {
                        info.init_funcs.push((sub.u32()?, sub.u32()?));
                    }
                }
                7 => {
                    for _ in 0..sub.u32()? {
                        let name = sub.name()?;
                        let flags = sub.u32()?;
                        let mut members = Vec::new();
                        for _ in 0..sub.u32()? {
                            let at = sub.pos;
                            let kind = sub.byte()?;
                            if kind > 5 {
                                return Err(sub.error(at, format!("unknown comdat member kind {kind}")));
                            }
                            members.push((kind, sub.u32()?));
                        }
                        info.comdats.push(Comdat { name, flags, members });
                    }
                }
                // Other subsections are skipped, as LLVM's reader does (obj2wat warns).
                _ => sub.pos = end,
            }
            if sub.pos != end {
                return Err(sub.error(sub.pos, format!("bytes after the contents of linking subsection {id}")));
            }
            r.pos = end;
        }
        Ok(info)
    }

    /// Number of imports of each kind, by [`ExternKind::slot`].
    pub(crate) fn import_counts(&self) -> [u32; 5] {
        let mut n = [0; 5];
        for i in &self.imports {
            n[extern_kind(&i.ty).slot()] += 1;
        }
        n
    }

    /// The section index of a payload offset's section.
    pub(crate) fn section_of(&self, index: usize) -> Option<&SectionInfo> {
        self.sections.get(index)
    }
}

/// The widths of a reloc section's fields (`payload`, after the name; the entries are already
/// read, so the bytes are well formed): how the entry offsets are written (see
/// [`RelocInfo::padded_offsets`]), and whether every other field is minimal.
fn reloc_widths(payload: &[u8], entries: &[RelocEntry]) -> (Option<bool>, bool) {
    fn leb(p: &[u8], pos: &mut usize, signed: bool) -> Option<bool> {
        if signed {
            crate::leb::read_i64_minimal(p, pos).map(|(_, m)| m)
        } else {
            crate::leb::read_u64_minimal(p, pos).map(|(_, m)| m)
        }
    }
    let mut pos = 0;
    let mut minimal = leb(payload, &mut pos, false).unwrap_or(false) & leb(payload, &mut pos, false).unwrap_or(false);
    let (mut all_min, mut all_padded) = (true, true);
    for e in entries {
        minimal &= leb(payload, &mut pos, false).unwrap_or(false);
        let start = pos;
        let offset_minimal = leb(payload, &mut pos, false).unwrap_or(false);
        all_min &= offset_minimal;
        all_padded &= pos - start == 5;
        minimal &= leb(payload, &mut pos, false).unwrap_or(false);
        if linking::has_addend(e.ty) {
            minimal &= leb(payload, &mut pos, true).unwrap_or(false);
        }
    }
    let offsets = match (all_min, all_padded) {
        _ if entries.is_empty() => None,
        (true, _) => Some(false),
        (false, true) => Some(true),
        _ => None,
    };
    (offsets, minimal && pos == payload.len())
}

/// Checks that every LEB in the `linking` payload `p` (after the section name) is minimal, as
/// relwat writes them (subsection sizes aside: `(section-size padded)` covers those). Returns
/// what is written otherwise, with its offset in `p`. The payload was read by wasmparser before,
/// so it is well formed.
pub(crate) fn linking_non_minimal(p: &[u8]) -> Option<(String, usize)> {
    struct R<'p> {
        p: &'p [u8],
        pos: usize,
    }
    impl R<'_> {
        /// An unsigned LEB; `Err(offset)` when it is not minimal (or malformed).
        fn leb(&mut self) -> Result<u64, usize> {
            let start = self.pos;
            match crate::leb::read_u64_minimal(self.p, &mut self.pos) {
                Some((v, true)) => Ok(v),
                _ => Err(start),
            }
        }
        fn byte(&mut self) -> Result<u8, usize> {
            let b = *self.p.get(self.pos).ok_or(self.pos)?;
            self.pos += 1;
            Ok(b)
        }
        fn name(&mut self) -> Result<(), usize> {
            let n = self.leb()? as usize;
            self.pos = self.pos.checked_add(n).filter(|e| *e <= self.p.len()).ok_or(self.pos)?;
            Ok(())
        }
    }
    let mut r = R { p, pos: 0 };
    let fail = |what: &str, at: usize| Some((format!("a non-minimal LEB in the `linking` section ({what})"), at));
    if let Err(at) = r.leb() {
        return fail("version", at);
    }
    while r.pos < p.len() {
        let Ok(id) = r.byte() else { return None };
        // The subsection size: padded or not, as the layout says.
        let mut size = 0usize;
        let mut shift = 0;
        while let Some(&b) = p.get(r.pos) {
            r.pos += 1;
            size |= ((b & 0x7f) as usize).checked_shl(shift).unwrap_or(0);
            shift += 7;
            if b & 0x80 == 0 || shift > 35 {
                break;
            }
        }
        let end = r.pos.saturating_add(size).min(p.len());
        let result: Result<(), usize> = (|| {
            match id {
                8 => {
                    for _ in 0..r.leb()? {
                        let kind = r.byte()?;
                        let flags = r.leb()?;
                        let undefined = flags & 0x10 != 0;
                        match kind {
                            0 | 2 | 4 | 5 => {
                                r.leb()?;
                                if !undefined || flags & 0x40 != 0 {
                                    r.name()?;
                                }
                            }
                            1 => {
                                r.name()?;
                                if !undefined {
                                    r.leb()?;
                                    r.leb()?;
                                    r.leb()?;
                                }
                            }
                            _ => {
                                r.leb()?;
                            }
                        }
                    }
                }
                5 => {
                    for _ in 0..r.leb()? {
                        r.name()?;
                        r.leb()?;
                        r.leb()?;
                    }
                }
                6 => {
                    for _ in 0..r.leb()? {
                        r.leb()?;
                        r.leb()?;
                    }
                }
                7 => {
                    for _ in 0..r.leb()? {
                        r.name()?;
                        r.leb()?;
                        for _ in 0..r.leb()? {
                            r.byte()?;
                            r.leb()?;
                        }
                    }
                }
                _ => {}
            }
            Ok(())
        })();
        if matches!(id, 5..=8) && result.is_ok() && r.pos != end {
            return Some(("bytes after the contents of a `linking` subsection".into(), r.pos));
        }
        if let Err(at) = result {
            let what = match id {
                8 => "symbol table",
                5 => "segment info",
                6 => "init functions",
                7 => "comdats",
                _ => "subsection",
            };
            return fail(what, at);
        }
        r.pos = end;
    }
    None
}

/// 0 func, 1 table, 2 memory, 3 global, 4 tag.
pub(crate) fn extern_kind(t: &wasmparser::TypeRef) -> ExternKind {
    match t {
        wasmparser::TypeRef::Func(_) | wasmparser::TypeRef::FuncExact(_) => ExternKind::Func,
        wasmparser::TypeRef::Table(_) => ExternKind::Table,
        wasmparser::TypeRef::Memory(_) => ExternKind::Memory,
        wasmparser::TypeRef::Global(_) => ExternKind::Global,
        wasmparser::TypeRef::Tag(_) => ExternKind::Tag,
    }
}
