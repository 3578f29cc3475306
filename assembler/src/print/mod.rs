//! `obj2wat`: a relocatable object printed as annotated text that re-assembles byte for byte.
//!
//! [`print_object`] reads the object with wasmparser (`read.rs`), names every entity after its
//! symbol, decodes code with relwat's own instruction table (`code.rs`) so that each relocation is
//! printed right after the immediate it patches, and writes:
//!
//! - the module's sections as WAT (types, imports, functions, tables, memories, tags, globals,
//!   exports, start, elements, data), custom sections as `(@custom "name" (after X) ...)`,
//!   `producers` as `(@producers ...)`;
//! - symbols as `(@sym ...)` where they differ from the defaults of decisions.md B1, extra symbols
//!   as `(@sym $alias ...)`, data symbols inside the data strings, data imports and absolute
//!   symbols as `(@sym.import.data ...)`, `(@sym none)` for entities without a symbol, init
//!   functions, comdats and segment info;
//! - every relocation as `(@reloc ...)` with the stored value printed (A6), `(@reloc none)` where
//!   relwat would relocate an index the object does not;
//! - `(@relwat.layout ...)` for the byte-level choices the rest cannot express (see
//!   [`crate::parser::layout`]).
//!
//! Whatever the text cannot express is reported in [`Printed::warnings`]: such output assembles,
//! but not to the same bytes. Malformed input is an error, never a panic.

mod canonical;
mod checks;
mod code;
pub mod compare;
mod emit;
mod layout;
mod naming;
mod plan;
mod read;
mod text;

use crate::kinds::{EntityKind, ExternKind, SymbolKind};
use crate::linking;
use crate::linking::{ImmRole, spelling};
use code::{Env, ExprPrinter, Site};
use read::{Object, RelocEntry, extern_kind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::fmt::Write;
use text::TypeNames;
use wasmparser::{CompositeInnerType, DataKind, ElementItems, ElementKind, ExternalKind, TableInit, TypeRef, ValType};

/// The printed text and what it could not express.
#[derive(Debug, Clone)]
pub struct Printed {
    /// The module text.
    pub text: String,
    /// Things the text cannot express (it re-assembles, but not to the same bytes), each with the
    /// byte offset it is about when there is one.
    pub warnings: Vec<String>,
    /// Why the object does not validate, when it does not (llvm-mc `-no-type-check` output, ...):
    /// its text then assembles only without validation (`wat2obj --no-validate`, decisions.md D5).
    pub invalid: Option<String>,
}

/// Why an input could not be printed: it is not an object, or it is malformed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintError {
    /// What is wrong.
    pub message: String,
    /// Where, as a byte offset in the input.
    pub offset: Option<u64>,
}

impl PrintError {
    pub(crate) fn at(offset: usize, message: impl Into<String>) -> PrintError {
        PrintError { message: message.into(), offset: Some(offset as u64) }
    }
}

impl std::fmt::Display for PrintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.offset {
            Some(o) => write!(f, "{} (at byte 0x{o:x})", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

impl std::error::Error for PrintError {}

/// Prints a relocatable object as annotated text.
pub fn print_object(bytes: &[u8]) -> Result<Printed, PrintError> {
    let obj = Object::read(bytes)?;
    if obj.linking.is_none() {
        return Err(PrintError {
            message: "not a relocatable object: there is no `linking` section".into(),
            offset: None,
        });
    }
    let mut p = Printer::new(&obj)?;
    p.run()?;
    let invalid = crate::validate::validate_object(bytes, &p.fp16);
    Ok(Printed { text: p.finish(), warnings: p.warnings, invalid })
}

// Symbol flags.
const WEAK: u32 = 0x1;
const LOCAL: u32 = 0x2;
const HIDDEN: u32 = 0x4;
const UNDEFINED: u32 = 0x10;
const EXPORTED: u32 = 0x20;
const EXPLICIT_NAME: u32 = 0x40;
const NO_STRIP: u32 = 0x80;
const TLS: u32 = 0x100;
const ABSOLUTE: u32 = 0x200;

/// The entity a symbol of `kind` names (`kind` is a function, global, table or tag symbol).
fn entity(kind: SymbolKind) -> EntityKind {
    kind.entity_kind().expect("the symbol of an entity")
}

/// The functions, globals, tables and tags of the module, each as the printer names it.
#[derive(Default)]
struct Entities([Vec<Entity>; 4]);

impl std::ops::Index<EntityKind> for Entities {
    type Output = Vec<Entity>;
    fn index(&self, kind: EntityKind) -> &Vec<Entity> {
        &self.0[kind.slot()]
    }
}

impl std::ops::IndexMut<EntityKind> for Entities {
    fn index_mut(&mut self, kind: EntityKind) -> &mut Vec<Entity> {
        &mut self.0[kind.slot()]
    }
}

/// What a symbol is in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// The primary symbol of its entity.
    Primary,
    /// `(@sym $alias ...)` on its entity.
    Extra,
    /// A data symbol in a segment.
    Data,
    /// `(@sym.import.data ...)`: undefined, or absolute.
    DataImport,
    /// A section symbol, implied by `customtext` relocations.
    Section,
    /// Cannot be printed (reported).
    Lost,
}

/// One symbol of the object.
#[derive(Clone, Debug)]
struct Sym {
    kind: SymbolKind,
    flags: u32,
    /// The symbol's name (for undefined symbols without an explicit name: the import field).
    name: String,
    /// Entity index (function, global, table, tag), segment (data), or section index.
    index: u32,
    /// Data: (offset, size) when defined.
    data: Option<(u64, u64)>,
    role: Role,
    /// How relocations name it: `$id`, or `".name"` for a section.
    text: String,
}

/// A function, global, table or tag.
#[derive(Clone, Debug, Default)]
struct Entity {
    /// Its id, with `$`.
    id: String,
    primary: Option<usize>,
    extras: Vec<usize>,
    /// Index into the imports, if imported.
    import: Option<usize>,
    exported: bool,
}

struct Printer<'a> {
    obj: &'a Object<'a>,
    syms: Vec<Sym>,
    ents: Entities,
    type_ids: Vec<String>,
    seg_ids: Vec<String>,
    comdat_ids: Vec<String>,
    /// Data symbols of each segment, in print order.
    seg_syms: Vec<Vec<usize>>,
    data_imports: Vec<usize>,
    /// Comdat of each function / segment / custom section.
    func_comdat: HashMap<u32, usize>,
    seg_comdat: HashMap<u32, usize>,
    section_comdat: HashMap<usize, Vec<usize>>,
    /// Init-function priorities of each symbol.
    init: HashMap<usize, Vec<u32>>,
    /// Code relocations by absolute offset: entry index.
    code_relocs: HashMap<usize, usize>,
    code_entries: Vec<RelocEntry>,
    code_used: Vec<bool>,
    /// The symbols in the order relwat will create them from the text.
    natural: Vec<usize>,
    /// Section symbols referenced so far, and in relwat's order (after all other symbols).
    sections_seen: HashSet<usize>,
    natural_sections: Vec<usize>,
    memory64: bool,
    out: String,
    layout: Vec<String>,
    warnings: Vec<String>,
    /// Global index of each GOT import → the symbol its entry refers to (by relwat's rule).
    got: HashMap<u32, Option<usize>>,
    /// Symbols that carry `(comdat $c)`: symbol → (comdat, member kind, member index).
    comdat_carriers: HashMap<usize, (usize, u8, u32)>,
    /// Index of each import in its entity kind.
    import_index: Vec<u32>,
    data_relocs: Vec<RelocEntry>,
    data_used: Vec<bool>,
    /// Symbols whose flags the annotations cannot give: `(symbol-flags ...)` in the layout.
    exact_flags: Vec<usize>,
    /// Whether code names a data segment (relwat then writes a DataCount section).
    names_data_segment: bool,
    /// (custom section, comdat) of each `(@comdat $c)` printed in a custom section.
    printed_section_comdats: Vec<(usize, usize)>,
    /// Offset of every FP16 opcode, for validation.
    fp16: Vec<u32>,
}

/// A module field that may declare symbols.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Import(usize),
    Func(usize),
    Table(usize),
    Memory(usize),
    Tag(usize),
    Global(usize),
    DataImport(usize),
    Data(usize),
}

/// The entity an export names (memories have no symbols).
fn exported_entity(k: ExternalKind) -> Option<EntityKind> {
    match k {
        ExternalKind::Func | ExternalKind::FuncExact => Some(EntityKind::Func),
        ExternalKind::Global => Some(EntityKind::Global),
        ExternalKind::Table => Some(EntityKind::Table),
        ExternalKind::Tag => Some(EntityKind::Tag),
        ExternalKind::Memory => None,
    }
}

/// Type names: `$f_i32_i32->i32` style for function types, `$tN` otherwise.
fn type_name(ft: Option<&wasmparser::FuncType>, index: usize) -> String {
    let Some(ft) = ft else { return format!("t{index}") };
    let simple = |ts: &[ValType]| -> Option<String> {
        let mut s = Vec::new();
        for t in ts {
            s.push(match t {
                ValType::I32 => "i32",
                ValType::I64 => "i64",
                ValType::F32 => "f32",
                ValType::F64 => "f64",
                ValType::V128 => "v128",
                ValType::Ref(r) if *r == wasmparser::RefType::FUNCREF => "funcref",
                ValType::Ref(r) if *r == wasmparser::RefType::EXTERNREF => "externref",
                ValType::Ref(r) if *r == wasmparser::RefType::EXNREF => "exnref",
                ValType::Ref(_) => return None,
            });
        }
        Some(if s.is_empty() { "void".into() } else { s.join("_") })
    };
    match (simple(ft.params()), simple(ft.results())) {
        (Some(p), Some(r)) => format!("{p}->{r}"),
        _ => format!("t{index}"),
    }
}

/// Picks a unique id for `want` in `taken`; returns the name without `$`.
fn unique(taken: &mut HashSet<String>, want: &str, fallback: &str) -> String {
    let base = if want.is_empty() { fallback } else { want };
    if taken.insert(base.to_string()) {
        return base.to_string();
    }
    for n in 1.. {
        let c = format!("{base}.{n}");
        if taken.insert(c.clone()) {
            return c;
        }
    }
    unreachable!()
}

fn addend_text(ty: u8, addend: i64) -> String {
    if linking::has_addend(ty) && addend != 0 { format!(" {addend:+}") } else { String::new() }
}

fn func_kind_needs(kind: SymbolKind, ty: u8) -> bool {
    use linking::Target as T;
    let Some(row) = linking::row(ty) else { return false };
    // A GOT entry (GLOBAL_INDEX_LEB) may name a function or a data symbol.
    let got = ty == linking::ty::GLOBAL_INDEX_LEB;
    match kind {
        SymbolKind::Function => matches!(row.target, T::Function | T::TableSlot) || got,
        SymbolKind::Data => row.target == T::Data || got,
        SymbolKind::Global => row.target == T::Global,
        SymbolKind::Tag => row.target == T::Tag,
        SymbolKind::Table => row.target == T::Table,
        SymbolKind::Section => row.target == T::Section,
    }
}

impl<'a> Printer<'a> {
    fn new(obj: &'a Object<'a>) -> Result<Printer<'a>, PrintError> {
        let memory64 = obj
            .imports
            .iter()
            .find_map(|i| if let TypeRef::Memory(m) = i.ty { Some(m.memory64) } else { None })
            .or_else(|| obj.memories.first().map(|m| m.memory64))
            .unwrap_or(false);
        Ok(Printer {
            obj,
            syms: Vec::new(),
            ents: Default::default(),
            type_ids: Vec::new(),
            seg_ids: Vec::new(),
            comdat_ids: Vec::new(),
            seg_syms: vec![Vec::new(); obj.data.len()],
            data_imports: Vec::new(),
            func_comdat: HashMap::default(),
            seg_comdat: HashMap::default(),
            section_comdat: HashMap::default(),
            init: HashMap::default(),
            code_relocs: HashMap::default(),
            code_entries: Vec::new(),
            code_used: Vec::new(),
            natural: Vec::new(),
            sections_seen: HashSet::default(),
            natural_sections: Vec::new(),
            memory64,
            // Text is about 11 times the object (SQLite: 15.2 MB from 1.36 MB); pages of the
            // reservation that are never written cost nothing, a regrowth copies all the text.
            out: String::with_capacity(obj.bytes.len() * 12),
            layout: Vec::new(),
            warnings: Vec::new(),
            got: HashMap::default(),
            comdat_carriers: HashMap::default(),
            import_index: {
                let mut next = [0u32; 5];
                obj.imports
                    .iter()
                    .map(|i| {
                        let k = extern_kind(&i.ty).slot();
                        next[k] += 1;
                        next[k] - 1
                    })
                    .collect()
            },
            data_relocs: Vec::new(),
            data_used: Vec::new(),
            exact_flags: Vec::new(),
            names_data_segment: false,
            printed_section_comdats: Vec::new(),
            fp16: Vec::new(),
        })
    }

    fn warn_at(&mut self, offset: Option<usize>, msg: impl Into<String>) {
        let msg = msg.into();
        self.warnings.push(match offset {
            Some(o) => format!("{msg} (at byte 0x{o:x})"),
            None => msg,
        });
    }

    fn linking(&self) -> &'a read::LinkingInfo<'a> {
        self.obj.linking.as_ref().expect("checked by print_object")
    }

    fn run(&mut self) -> Result<(), PrintError> {
        self.entities();
        self.symbols()?;
        self.names();
        self.check_linking();
        self.check_sections();
        self.relocs_index()?;
        self.emit()?;
        self.layout_options();
        Ok(())
    }

    fn line(&mut self, s: &str) {
        self.out.push_str("\n  ");
        self.out.push_str(s);
    }

    fn type_use(&self, ty: u32) -> String {
        let mut s = format!("(type {})", self.type_ref(ty));
        if let Some(Some(ft)) = self.obj.type_sigs.get(ty as usize) {
            self.func_sig(&mut s, ft);
        }
        s
    }

    fn func_sig(&self, s: &mut String, ft: &wasmparser::FuncType) {
        if !ft.params().is_empty() {
            s.push_str(" (param");
            for t in ft.params() {
                s.push(' ');
                text::valtype(s, *t, self);
            }
            s.push(')');
        }
        if !ft.results().is_empty() {
            s.push_str(" (result");
            for t in ft.results() {
                s.push(' ');
                text::valtype(s, *t, self);
            }
            s.push(')');
        }
    }

    fn finish(&mut self) -> String {
        let mut head = String::from("(module");
        if !self.layout.is_empty() {
            head.push_str("\n  (@relwat.layout");
            for o in &self.layout {
                head.push_str("\n    ");
                head.push_str(o);
            }
            head.push(')');
        }
        // In place: a second buffer of the whole text would cost as much again in fresh pages.
        let mut text = std::mem::take(&mut self.out);
        text.insert_str(0, &head);
        text.push_str(")\n");
        text
    }
}

impl TypeNames for Printer<'_> {
    fn type_ref(&self, index: u32) -> String {
        self.type_ids.get(index as usize).cloned().unwrap_or_else(|| index.to_string())
    }
}

impl Env for Printer<'_> {
    fn name(&self, space: EntityKind, index: u32) -> Cow<'_, str> {
        self.ents[space]
            .get(index as usize)
            .map_or_else(|| Cow::Owned(index.to_string()), |e| Cow::Borrowed(e.id.as_str()))
    }

    fn warn(&mut self, offset: usize, msg: String) {
        self.warn_at(Some(offset), msg);
    }

    fn names_data_segment(&mut self) {
        self.names_data_segment = true;
    }

    fn fp16_opcode(&mut self, offset: usize) {
        self.fp16.push(offset as u32);
    }

    fn site(&mut self, site: Site) -> Result<Option<String>, PrintError> {
        use linking::ty::*;
        let reloc = self.code_relocs.get(&site.offset).copied();
        if let Some(i) = reloc {
            self.code_used[i] = true;
        }
        let bytes = &self.obj.bytes[site.offset..site.offset + site.len];
        let index_role = matches!(site.role, ImmRole::Func | ImmRole::Global | ImmRole::Tag | ImmRole::Table);
        let Some(ri) = reloc else {
            return Ok(match site.role {
                _ if index_role => {
                    if site.len != crate::leb::uleb_len(site.value) {
                        self.warn_at(Some(site.offset), "an unrelocated index is padded (relwat writes it minimal)");
                    }
                    Some(" (@reloc none)".into())
                }
                ImmRole::Type => {
                    self.warn_at(Some(site.offset), "an unrelocated type index (relwat relocates every type index)");
                    None
                }
                ImmRole::I32Const => {
                    if site.len != crate::leb::sleb_len(site.value as u32 as i32 as i64) {
                        self.warn_at(Some(site.offset), "an unrelocated i32.const is padded");
                    }
                    None
                }
                ImmRole::I64Const => {
                    if site.len != crate::leb::sleb_len(site.value as i64) {
                        self.warn_at(Some(site.offset), "an unrelocated i64.const is padded");
                    }
                    None
                }
                _ => {
                    if site.len != crate::leb::uleb_len(site.value) {
                        self.warn_at(Some(site.offset), "an unrelocated memory offset is padded");
                    }
                    None
                }
            });
        };
        let r = self.code_entries[ri];
        let ty = r.ty;
        let bad = |p: &mut Self, what: &str| {
            p.warn_at(Some(site.offset), format!("{} at {what} cannot be written", r.type_name()));
            Ok(None)
        };
        // The padded form relwat writes for this immediate.
        let want: Vec<u8> = match site.role {
            ImmRole::I32Const => leb128fmt::encode_fixed_s32(site.value as u32 as i32).map(|b| b.to_vec()),
            // A GOT entry at `i64.const` is a 5-byte field (D4).
            ImmRole::I64Const if ty == GLOBAL_INDEX_LEB => {
                i32::try_from(site.value as i64).ok().and_then(leb128fmt::encode_fixed_s32).map(|b| b.to_vec())
            }
            ImmRole::I64Const => leb128fmt::encode_fixed_s64(site.value as i64).map(|b| b.to_vec()),
            ImmRole::MemOffset if self.memory64 => leb128fmt::encode_fixed_u64(site.value).map(|b| b.to_vec()),
            ImmRole::Type if false => None,
            _ => u32::try_from(site.value).ok().and_then(leb128fmt::encode_fixed_u32).map(|b| b.to_vec()),
        }
        .unwrap_or_default();
        let want = if site.role == ImmRole::Type {
            // Block types are written as padded s33, call_indirect types as padded u32: the same
            // bytes for type indices.
            leb128fmt::encode_fixed_u32(site.value as u32).map(|b| b.to_vec()).unwrap_or_default()
        } else {
            want
        };
        if bytes != want.as_slice() {
            self.warn_at(Some(site.offset), "a relocated immediate is not padded as relwat pads it");
        }
        let sym = r.index as usize;
        let sym_ref = |p: &Self| p.syms.get(sym).map(|s| s.text.clone()).unwrap_or_default();
        match site.role {
            ImmRole::Type => {
                if ty != TYPE_INDEX_LEB || r.index as u64 != site.value {
                    return bad(self, "a type index");
                }
                Ok(None)
            }
            ImmRole::Func | ImmRole::Tag | ImmRole::Table => {
                let (want_ty, kind) = match site.role {
                    ImmRole::Func => (FUNCTION_INDEX_LEB, SymbolKind::Function),
                    ImmRole::Tag => (TAG_INDEX_LEB, SymbolKind::Tag),
                    _ => (TABLE_NUMBER_LEB, SymbolKind::Table),
                };
                if ty != want_ty || self.syms[sym].kind != kind {
                    return bad(self, "an index");
                }
                let primary = self.ents[entity(kind)].get(site.value as usize).and_then(|e| e.primary);
                if primary == Some(sym) { Ok(None) } else { Ok(Some(format!(" (@reloc {})", sym_ref(self)))) }
            }
            ImmRole::Global => {
                if ty != GLOBAL_INDEX_LEB {
                    return bad(self, "a global index");
                }
                let s = &self.syms[sym];
                match s.kind {
                    SymbolKind::Global => {
                        let primary = self.ents[EntityKind::Global].get(site.value as usize).and_then(|e| e.primary);
                        let got = self.is_got(SymbolKind::Global, site.value as u32);
                        if primary == Some(sym) && !got {
                            Ok(None)
                        } else {
                            Ok(Some(format!(" (@reloc {})", sym_ref(self))))
                        }
                    }
                    SymbolKind::Data | SymbolKind::Function => {
                        let implicit = self.got.get(&(site.value as u32)) == Some(&Some(sym));
                        if implicit {
                            Ok(None)
                        } else {
                            let m = if s.kind == SymbolKind::Data { "data" } else { "func" };
                            Ok(Some(format!(" (@reloc {m} {})", sym_ref(self))))
                        }
                    }
                    _ => bad(self, "a global index"),
                }
            }
            ImmRole::I32Const | ImmRole::I64Const if ty == GLOBAL_INDEX_LEB => {
                // A GOT entry at a constant (D4): the symbol is found by id among globals, data
                // and functions, so the id must name one of them only.
                if !matches!(self.syms[sym].kind, SymbolKind::Global | SymbolKind::Data | SymbolKind::Function) {
                    return bad(self, "a constant");
                }
                if self.got_id_clash(sym) {
                    return bad(self, "a constant, against an id that names symbols of several kinds,");
                }
                Ok(Some(format!(" (@reloc leb global {})", sym_ref(self))))
            }
            ImmRole::I32Const | ImmRole::I64Const => {
                let is64 = site.role == ImmRole::I64Const;
                let (method, modifier) = match (ty, is64) {
                    (TABLE_INDEX_SLEB, false) | (TABLE_INDEX_SLEB64, true) => ("functable", ""),
                    (TABLE_INDEX_REL_SLEB, false) | (TABLE_INDEX_REL_SLEB64, true) => ("functable", " pic"),
                    (MEMORY_ADDR_SLEB, false) | (MEMORY_ADDR_SLEB64, true) => ("data", ""),
                    (MEMORY_ADDR_REL_SLEB, false) | (MEMORY_ADDR_REL_SLEB64, true) => ("data", " pic"),
                    (MEMORY_ADDR_TLS_SLEB, false) | (MEMORY_ADDR_TLS_SLEB64, true) => ("data", " tls"),
                    _ => return bad(self, "a constant"),
                };
                let want_kind = if method == "data" { SymbolKind::Data } else { SymbolKind::Function };
                if self.syms[sym].kind != want_kind {
                    return bad(self, "a constant");
                }
                Ok(Some(format!(" (@reloc {method}{modifier} {}{})", sym_ref(self), addend_text(ty, r.addend))))
            }
            ImmRole::MemOffset => {
                let want_ty = if self.memory64 { MEMORY_ADDR_LEB64 } else { MEMORY_ADDR_LEB };
                if ty != want_ty || self.syms[sym].kind != SymbolKind::Data {
                    return bad(self, "a memory offset");
                }
                Ok(Some(format!(" (@reloc {}{})", sym_ref(self), addend_text(ty, r.addend))))
            }
        }
    }
}

/// An id's name: `$a` → `a`, `$"a b"` → `a b`.
fn decode_id_text(id: &str) -> String {
    crate::literals::decode_id(id).map(|c| c.into_owned()).unwrap_or_default()
}

/// A table's or memory's address type, limits and `shared`: `i64 1 2 shared`.
fn limits(is64: bool, initial: u64, maximum: Option<u64>, shared: bool) -> String {
    let mut s = String::new();
    if is64 {
        s.push_str("i64 ");
    }
    let _ = write!(s, "{initial}");
    if let Some(m) = maximum {
        let _ = write!(s, " {m}");
    }
    if shared {
        s.push_str(" shared");
    }
    s
}

fn memory_type(m: &wasmparser::MemoryType) -> String {
    let mut s = limits(m.memory64, m.initial, m.maximum, m.shared);
    if let Some(p) = m.page_size_log2 {
        let _ = write!(s, " (pagesize {})", 1u64 << p);
    }
    s
}

/// A string item.
fn bytes_item(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len() + 2);
    text::string(&mut s, b);
    s
}

/// Bytes as string items of at most 32 bytes, for long runs.
fn chunks(b: &[u8]) -> Vec<String> {
    b.chunks(32).map(bytes_item).collect()
}

/// `target_features` as one string per feature.
fn features_items(data: &[u8]) -> Vec<String> {
    let mut r = wasmparser::BinaryReader::new(data, 0);
    let mut items = Vec::new();
    let parsed = (|| -> Option<()> {
        let start = r.current_position();
        let n = r.read_var_u32().ok()?;
        items.push(bytes_item(&data[start..r.current_position()]));
        for _ in 0..n {
            let s = r.current_position();
            r.read_u8().ok()?;
            r.read_string().ok()?;
            items.push(bytes_item(&data[s..r.current_position()]));
        }
        r.eof().then_some(())
    })();
    if parsed.is_some() { items } else { chunks(data) }
}

/// `(@producers ...)` when relwat would encode it back to exactly these bytes.
fn producers_text(data: &[u8]) -> Option<String> {
    use wasm_encoder::Encode;
    let reader = wasmparser::ProducersSectionReader::new(wasmparser::BinaryReader::new(data, 0)).ok()?;
    let mut fields: [(&str, Vec<(String, String)>); 3] =
        [("language", Vec::new()), ("sdk", Vec::new()), ("processed-by", Vec::new())];
    for f in reader {
        let f = f.ok()?;
        let slot = fields.iter().position(|(n, _)| *n == f.name)?;
        for v in f.values {
            let v = v.ok()?;
            fields[slot].1.push((v.name.to_string(), v.version.to_string()));
        }
    }
    // What relwat's parser encodes.
    let mut payload = Vec::new();
    let present: Vec<_> = fields.iter().filter(|(_, v)| !v.is_empty()).collect();
    (present.len() as u32).encode(&mut payload);
    for (field, values) in &present {
        field.encode(&mut payload);
        (values.len() as u32).encode(&mut payload);
        for (n, v) in values {
            n.as_str().encode(&mut payload);
            v.as_str().encode(&mut payload);
        }
    }
    if payload != data {
        return None;
    }
    let mut s = String::from("(@producers");
    for (field, values) in present {
        for (n, v) in values {
            let _ = write!(s, " ({field} ");
            text::string(&mut s, n.as_bytes());
            s.push(' ');
            text::string(&mut s, v.as_bytes());
            s.push(')');
        }
    }
    s.push(')');
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_relocation_type_but_type_index_has_a_spelling() {
        for t in 0..27u8 {
            assert_eq!(spelling(t).is_some(), t != linking::ty::TYPE_INDEX_LEB, "{}", linking::name(t));
        }
    }

    #[test]
    fn not_an_object() {
        let e = print_object(b"hello").unwrap_err();
        assert!(e.message.contains("not a WebAssembly file"), "{e}");
        let e = print_object(b"\0asm\x01\0\0\0").unwrap_err();
        assert!(e.message.contains("no `linking` section"), "{e}");
    }
}
