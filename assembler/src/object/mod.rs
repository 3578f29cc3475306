//! Relocatable objects: the annotations lowered into the `linking` section (symbol table, segment
//! info, init functions, comdats), the `reloc.*` sections and `target_features`, following
//! tool-conventions `Linking.md` and `decisions.md`.
//!
//! The encoder has already written the module with every relocatable immediate padded and has
//! recorded where each one is; this module decides symbols and relocation types, checks the rules,
//! and appends the linking data. It is written by hand: wasm-encoder has no reloc sections and no
//! segment info, init functions, comdats, tag or section symbols.

mod code_relocs;
mod comdats;
mod field_relocs;
mod layout;
mod rules;
mod symbols;
mod write;

use crate::ast::*;
use crate::diagnostic::Diagnostic;
use crate::encode::Encoded;
use crate::encode::code::ImmSite;
use crate::instructions::{ImmKind, Opcode};
use crate::linking::ImmRole;
use crate::linking::{self, ty};
use crate::resolve::{Resolved, same_id};
use crate::span::Span;
pub use symbols::{DataDef, Symbol, SymbolKind};
use symbols::{EntityKind, SymbolTable};

/// Symbol flags (`WASM_SYM_*`).
#[allow(missing_docs)]
pub mod flags {
    pub const BINDING_WEAK: u32 = 0x1;
    pub const BINDING_LOCAL: u32 = 0x2;
    pub const VISIBILITY_HIDDEN: u32 = 0x4;
    pub const UNDEFINED: u32 = 0x10;
    pub const EXPORTED: u32 = 0x20;
    pub const EXPLICIT_NAME: u32 = 0x40;
    pub const NO_STRIP: u32 = 0x80;
    pub const TLS: u32 = 0x100;
    pub const ABSOLUTE: u32 = 0x200;
}

/// One relocation entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reloc {
    /// The type (`R_WASM_*`).
    pub ty: u8,
    /// Offset in the target section's payload (custom sections: after the name).
    pub offset: u32,
    /// Symbol index, or the type index for `R_WASM_TYPE_INDEX_LEB`.
    pub index: u32,
    /// Addend (types with addends only).
    pub addend: i64,
    /// The annotation or instruction it comes from.
    pub span: Span,
}

/// Which section a group of relocations applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelocSection {
    /// `reloc.<name>`.
    pub name: String,
    /// Index of the target section.
    pub section: u32,
    /// Entries, sorted by offset.
    pub entries: Vec<Reloc>,
}

/// A data segment as the linking section describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentInfo {
    /// Name (`.data.x`, ...).
    pub name: String,
    /// Alignment as log2.
    pub align_log2: u32,
    /// `WASM_SEG_FLAG_*`.
    pub flags: u32,
}

/// A comdat with its members `(kind, index)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComdatInfo {
    /// Its name.
    pub name: String,
    /// The id that declares it in the text.
    pub id: Option<Span>,
    /// Members: kind (0 data, 1 function, 5 section) and index.
    pub members: Vec<(u8, u32)>,
}

/// Everything the object adds to the module.
#[derive(Clone, Debug, Default)]
pub struct LinkingData {
    /// The symbol table.
    pub symbols: Vec<Symbol>,
    /// Segment info for every data segment.
    pub segments: Vec<SegmentInfo>,
    /// Init functions: (priority, symbol index).
    pub init_funcs: Vec<(u32, u32)>,
    /// Comdats.
    pub comdats: Vec<ComdatInfo>,
    /// `reloc.CODE`, `reloc.DATA`, `reloc.<custom>`.
    pub relocs: Vec<RelocSection>,
    /// Features for `target_features` (`+name`), unless the text gives the section.
    pub features: Vec<&'static str>,
    /// Relocation entry offsets as 5-byte LEBs (`(reloc-offset padded)`).
    pub padded_reloc_offsets: bool,
    /// Every name of the text the object rules resolved, with what it resolved to (for the
    /// language server: one resolution, the one the object is written with).
    pub name_uses: Vec<NameUse>,
}

/// A name the object rules resolved: a symbol id after `(@reloc ...)` or in the layout
/// annotation, a comdat id, a label used as an addend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameUse {
    /// The name as written.
    pub used: Span,
    /// The id that declares what it names (for a primary symbol, its entity's id).
    pub declared: Span,
}

/// What [`write_object`] gives: the object bytes (when there is no error), the linking data and
/// the diagnostics.
pub type ObjectOutput = (Option<Vec<u8>>, LinkingData, Vec<Diagnostic>);

/// Lowers the annotations of an encoded module into linking data and appends the object's
/// sections. Returns the object bytes (when there is no error) and the diagnostics.
pub fn write_object(src: &str, module: &Module, resolved: &Resolved, encoded: &Encoded) -> ObjectOutput {
    write_object_with(src, module, resolved, encoded, CodeFacts::of_module(module))
}

/// [`write_object`] with the facts of the function bodies already gathered (by
/// [`CodeFacts::add_body`], in function order): the module's own bodies are not read, only
/// their relocation annotations ([`Expr::relocs`]).
pub fn write_object_with(
    src: &str,
    module: &Module,
    resolved: &Resolved,
    encoded: &Encoded,
    code: CodeFacts,
) -> ObjectOutput {
    let mut cx = Lowering::new(src, module, resolved, encoded, code);
    cx.run();
    let Lowering { diags, data, .. } = cx;
    if diags.iter().any(Diagnostic::is_error) {
        return (None, data, diags);
    }
    let bytes = write::object_bytes(encoded, &data);
    (Some(bytes), data, diags)
}

/// The state of one lowering.
pub(crate) struct Lowering<'a> {
    pub(crate) src: &'a str,
    pub(crate) module: &'a Module,
    pub(crate) encoded: &'a Encoded,
    pub(crate) diags: Vec<Diagnostic>,
    pub(crate) syms: SymbolTable,
    pub(crate) data: LinkingData,
    /// Defined functions in order: (function index, body).
    funcs: Vec<(u32, &'a Func)>,
    /// Data segments in index order.
    segments: Vec<Segment<'a>>,
    /// What the function bodies use and break.
    code: CodeFacts,
}

/// What the object needs to know of the function bodies beyond their relocations: found by one
/// pass over each body, which may run as soon as the body is parsed and resolved.
#[derive(Clone, Debug, Default)]
pub struct CodeFacts {
    /// `ref.func` in function bodies, for the table warnings.
    ref_funcs: Vec<(Span, Index)>,
    /// Features the bodies use (bits of [`CODE_FEATURES`]).
    features: u32,
    /// Constructs an object cannot express (A14).
    diags: Vec<Diagnostic>,
}

/// A data segment of the text.
pub(crate) struct Segment<'a> {
    pub(crate) span: Span,
    pub(crate) annot: Option<&'a SegAnnot>,
    pub(crate) items: &'a [DataItem],
    pub(crate) size: u64,
    pub(crate) tls: bool,
}

impl<'a> Lowering<'a> {
    fn new(
        src: &'a str,
        module: &'a Module,
        resolved: &'a Resolved,
        encoded: &'a Encoded,
        code: CodeFacts,
    ) -> Lowering<'a> {
        let _ = resolved;
        let mut funcs = Vec::new();
        let mut segments = Vec::new();
        let mut func_index = 0u32;
        for f in &module.fields {
            match f {
                ModuleField::Import(Import { item: ImportItem::Func(_), .. }) => func_index += 1,
                ModuleField::Func(func) => {
                    if func.header.import.is_none() {
                        funcs.push((func_index, func));
                    }
                    func_index += 1;
                }
                ModuleField::Memory(m) => {
                    if let Some(items) = &m.inline_data {
                        segments.push(Segment::new(m.span, None, items, None));
                    }
                }
                ModuleField::Data(d) => {
                    let offset = match &d.mode {
                        DataMode::Active { offset, .. } => Some(offset),
                        DataMode::Passive => None,
                    };
                    segments.push(Segment::new(d.span, d.segment.as_ref(), &d.items, offset));
                }
                _ => {}
            }
        }
        Lowering {
            src,
            module,
            encoded,
            diags: Vec::new(),
            syms: SymbolTable::default(),
            data: LinkingData::default(),
            funcs,
            segments,
            code,
        }
    }

    pub(crate) fn error(&mut self, span: Span, msg: impl Into<String>) -> &mut Diagnostic {
        self.diags.push(Diagnostic::error(span, msg));
        self.diags.last_mut().expect("just pushed")
    }

    pub(crate) fn warning(&mut self, span: Span, msg: impl Into<String>) -> &mut Diagnostic {
        self.diags.push(Diagnostic::warning(span, msg));
        self.diags.last_mut().expect("just pushed")
    }

    /// Records that `used` names `symbol` (when the symbol has an id to point at).
    pub(crate) fn symbol_used(&mut self, used: Span, symbol: u32) {
        if let Some(declared) = self.syms.symbols[symbol as usize].id {
            self.name_used(used, declared);
        }
    }

    /// Records that `used` names what `declared` declares.
    pub(crate) fn name_used(&mut self, used: Span, declared: Span) {
        self.data.name_uses.push(NameUse { used, declared });
    }

    fn run(&mut self) {
        self.check_module();
        self.type_warnings();
        self.segment_info();
        self.collect_symbols();
        self.code_relocs();
        self.data_relocs();
        self.custom_relocs();
        self.finish_symbols();
        self.table_warnings();
        self.comdats();
        self.features();
        self.apply_symbol_flags();
        self.apply_layout_order();
        self.data.symbols = std::mem::take(&mut self.syms.symbols);
        for r in &mut self.data.relocs {
            r.entries.sort_by_key(|e| e.offset);
        }
        self.data.relocs.retain(|r| !r.entries.is_empty());
        self.apply_reloc_order();
        self.data.padded_reloc_offsets = self.module.layout.padded_reloc_offsets;
    }

    fn encoded_memory64(&self) -> bool {
        if let Some(addr) = self.module.implied_memory {
            return addr == AddrType::I64;
        }
        self.module.fields.iter().find_map(|f| match f {
            ModuleField::Memory(m) | ModuleField::Import(Import { item: ImportItem::Memory(m), .. }) => {
                Some(m.ty.addr == AddrType::I64)
            }
            _ => None,
        }) == Some(true)
    }
}

impl CodeFacts {
    /// The facts of the bodies of `module`'s defined functions.
    pub fn of_module(module: &Module) -> CodeFacts {
        let mut code = CodeFacts::default();
        for field in &module.fields {
            if let ModuleField::Func(f) = field
                && f.header.import.is_none()
            {
                code.add_body(f, &f.body);
            }
        }
        code
    }

    /// The facts of one body: `body`, of the defined function `f` (see [`CodeFacts::add_body`]).
    pub fn of_body(f: &Func, body: &Expr) -> CodeFacts {
        let mut code = CodeFacts::default();
        code.add_body(f, body);
        code
    }

    /// Moves every source range by `delta` bytes (facts of a body whose function now stands
    /// elsewhere in an edited text).
    pub fn shift(&mut self, delta: i64) {
        for (span, index) in &mut self.ref_funcs {
            *span = span.moved(delta);
            index.span = index.span.moved(delta);
        }
        for d in &mut self.diags {
            d.shift(delta);
        }
    }

    /// Reads the body `body` of the defined function `f` (which may be held apart from `f`).
    /// Segment indices and second memories in code have no relocation (A14); the same pass notes
    /// `ref.func` (for the table warnings) and the features the code uses (for `target_features`):
    /// bodies are most of a module, so they are read once.
    pub fn add_body(&mut self, f: &Func, body: &Expr) {
        let ref_func = crate::instructions::lookup("ref.func").expect("in the table");
        if f.ty.inline.as_ref().is_some_and(|t| t.results.len() > 1) {
            self.features |= feature_bit("multivalue");
        }
        // D9: type indices outside `call_indirect` and block types have no relocation, and
        // wasm-ld 22 keeps them as they are.
        let concrete =
            |t: &ValType| matches!(t, ValType::Ref(RefType { heap: HeapType::Concrete(_) | HeapType::Exact(_), .. }));
        if let Some(l) = f.locals.iter().find(|l| concrete(&l.ty)) {
            self.diags.push(unrenumbered_type(l.span));
        }
        for i in &body.instrs {
            let InstrKind::Op(id, imm) = &i.kind else { continue };
            let info = id.info();
            self.features |= instr_features(info, imm);
            let typed = match imm {
                Imm::Index(_) => info.imm == ImmKind::Type,
                Imm::Index2(..) | Imm::TypeCount(..) => {
                    matches!(
                        info.imm,
                        ImmKind::TypeField
                            | ImmKind::TypeData
                            | ImmKind::TypeElem
                            | ImmKind::TypeType
                            | ImmKind::TypeCount
                    )
                }
                Imm::HeapType(h) => matches!(h, HeapType::Concrete(_) | HeapType::Exact(_)),
                Imm::RefType(r) => concrete(&ValType::Ref(*r)),
                Imm::BrOnCast(b) => concrete(&ValType::Ref(b.1)) || concrete(&ValType::Ref(b.2)),
                Imm::Select(Some(ts)) => ts.iter().any(concrete),
                _ => false,
            };
            if typed {
                self.diags.push(unrenumbered_type(i.span));
            }
            if *id == ref_func
                && let Imm::Index(func) = imm
            {
                self.ref_funcs.push((i.span, *func));
            }
            let segment_use = matches!(info.imm, ImmKind::MemoryInit | ImmKind::Data | ImmKind::TypeData)
                || matches!(info.imm, ImmKind::TableInit | ImmKind::Elem | ImmKind::TypeElem);
            if segment_use {
                // The format holds it (llvm-mc writes it); wasm-ld mishandles it (D0: a warning).
                let d = Diagnostic::warning(
                    i.span,
                    format!("`{}` names a segment by index, which wasm-ld does not renumber", info.name),
                );
                self.diags.push(d.with_note(
                    "the linker renumbers data and element segments and has no relocation for their indices: the linked code may name another segment",
                ));
                continue;
            }
            let memories: &[&Index] = match imm {
                Imm::MemArg(m) | Imm::MemArgLane(m, _) => &[&m.memory],
                Imm::Index(m) if info.imm == ImmKind::Memory => &[m],
                Imm::Index2(a, b) if info.imm == ImmKind::MemoryCopy => &[a, b],
                _ => &[],
            };
            if let Some(m) = memories.iter().find(|m| m.num != 0) {
                let span = if m.span.start < m.span.end { m.span } else { i.span };
                self.diags.push(
                    Diagnostic::warning(span, "wasm-ld links objects with one memory: this names another").with_note(
                        "the linked code keeps this memory index, which names no memory of the linked module",
                    ),
                );
            }
        }
    }

    /// The diagnostics of the constructs an object cannot express.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diags
    }

    /// Whether the bodies read so far break a rule.
    pub fn has_diagnostics(&self) -> bool {
        !self.diags.is_empty()
    }

    /// Adds the facts of later bodies.
    pub fn append(&mut self, mut later: CodeFacts) {
        self.ref_funcs.append(&mut later.ref_funcs);
        self.features |= later.features;
        self.diags.append(&mut later.diags);
    }
}

/// The features instructions can use, for `target_features`; [`instr_features`] gives bits
/// of this list.
const CODE_FEATURES: &[&str] = &[
    "relaxed-simd",
    "simd128",
    "atomics",
    "gc",
    "nontrapping-fptoint",
    "bulk-memory",
    "reference-types",
    "wide-arithmetic",
    "sign-ext",
    "exception-handling",
    "tail-call",
    "call-indirect-overlong",
    "bulk-memory-opt",
    "multivalue",
    "fp16",
];

/// The bit of `name` in [`CODE_FEATURES`].
fn feature_bit(name: &str) -> u32 {
    1 << CODE_FEATURES.iter().position(|f| *f == name).expect("a code feature")
}

/// The features an instruction uses, as bits of [`CODE_FEATURES`].
fn instr_features(info: &crate::instructions::InstrInfo, imm: &Imm) -> u32 {
    let feature = match info.opcode {
        op if crate::instructions::is_fp16(op) => 14,
        Opcode::Prefixed(0xfd, n) if n >= 0x100 => 0,
        Opcode::Prefixed(0xfd, _) => 1,
        Opcode::Prefixed(0xfe, _) => 2,
        Opcode::Prefixed(0xfb, _) => 3,
        Opcode::Prefixed(0xfc, 0..=7) => 4,
        Opcode::Prefixed(0xfc, 8..=14) => 5,
        Opcode::Prefixed(0xfc, 15..=17) => 6,
        Opcode::Prefixed(0xfc, 19..=22) => 7,
        Opcode::Byte(0xc0..=0xc4) => 8,
        Opcode::Byte(0x06..=0x0a | 0x18 | 0x19 | 0x1f) => 9,
        Opcode::Byte(0x12 | 0x13 | 0x15) => 10,
        Opcode::Byte(0x25 | 0x26 | 0xd0..=0xd2 | 0x1c) => 6,
        _ => u32::MAX,
    };
    let mut bits = if feature == u32::MAX { 0 } else { 1 << feature };
    if matches!(info.imm, ImmKind::CallIndirect | ImmKind::Table | ImmKind::TableCopy) {
        bits |= 1 << 11;
    }
    if matches!(info.opcode, Opcode::Prefixed(0xfc, 10 | 11)) {
        bits |= 1 << 12;
    }
    if let Imm::Block(bt) = imm
        && bt.ty.resolved != u32::MAX
    {
        bits |= 1 << 13;
    }
    bits
}

impl<'a> Segment<'a> {
    fn new(
        span: Span,
        annot: Option<&'a SegAnnot>,
        items: &'a [DataItem],
        mode_offset: Option<&'a Expr>,
    ) -> Segment<'a> {
        let size = items.iter().map(|i| if let DataItem::Bytes(s) = i { s.bytes.len() as u64 } else { 0 }).sum();
        let tls = annot.is_some_and(|a| a.qualifiers.iter().any(|(q, _)| *q == SegQualifier::Tls));
        let _ = mode_offset;
        Segment { span, annot, items, size, tls }
    }
}

/// D9: a type index in code that has no relocation (only `call_indirect` and block types have).
fn unrenumbered_type(span: Span) -> Diagnostic {
    Diagnostic::warning(span, "wasm-ld 22 does not renumber this type index").with_note(
        "objects relocate the type indices of `call_indirect` and block types only: in the linked module this one may name another type",
    )
}

/// The layout keyword of a symbol kind, by its [`SymbolKind::name`].
fn kind_word(name: &str) -> &str {
    if name == "function" { "func" } else { name }
}

/// The byte offset of label `id` among `items`.
fn label_offset(src: &str, items: &[DataItem], id: Id) -> Option<(u64, Span)> {
    let mut pos = 0u64;
    for item in items {
        match item {
            DataItem::Bytes(s) => pos += s.bytes.len() as u64,
            DataItem::Label(l, _) if same_id(src, l.span, id.span) => return Some((pos, l.span)),
            _ => {}
        }
    }
    None
}
