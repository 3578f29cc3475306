//! `obj2wat`: a relocatable object printed as annotated text that re-assembles byte for byte.
//!
//! [`print_object`] reads the object with wasmparser ([`read`]), names every entity after its
//! symbol, decodes code with relwat's own instruction table ([`code`]) so that each relocation is
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
//!   [`crate::encode::layout`]).
//!
//! Whatever the text cannot express is reported in [`Printed::warnings`]: such output assembles,
//! but not to the same bytes. Malformed input is an error, never a panic.

mod canonical;
mod code;
pub mod compare;
mod read;
mod text;

use crate::linking;
use crate::linking::{ImmRole, spelling};
use code::{Env, ExprPrinter, Site, Space};
use read::{Object, RelocEntry, kind_slot};
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

/// Symbol kinds as the printer sees them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    Func = 0,
    Global = 1,
    Table = 2,
    Tag = 3,
    Data = 4,
    Section = 5,
}

impl Kind {
    fn word(self) -> &'static str {
        match self {
            Kind::Func => "func",
            Kind::Global => "global",
            Kind::Table => "table",
            Kind::Tag => "tag",
            Kind::Data => "data",
            Kind::Section => "section",
        }
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
    kind: Kind,
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
    ents: [Vec<Entity>; 4],
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

fn kind_of(k: ExternalKind) -> Option<Kind> {
    match k {
        ExternalKind::Func | ExternalKind::FuncExact => Some(Kind::Func),
        ExternalKind::Global => Some(Kind::Global),
        ExternalKind::Table => Some(Kind::Table),
        ExternalKind::Tag => Some(Kind::Tag),
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

fn func_kind_needs(kind: Kind, ty: u8) -> bool {
    use linking::Target as T;
    let Some(row) = linking::row(ty) else { return false };
    // A GOT entry (GLOBAL_INDEX_LEB) may name a function or a data symbol.
    let got = ty == linking::ty::GLOBAL_INDEX_LEB;
    match kind {
        Kind::Func => matches!(row.target, T::Function | T::TableSlot) || got,
        Kind::Data => row.target == T::Data || got,
        Kind::Global => row.target == T::Global,
        Kind::Tag => row.target == T::Tag,
        Kind::Table => row.target == T::Table,
        Kind::Section => row.target == T::Section,
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
                        let k = kind_slot(&i.ty);
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

    // ------------------------------------------------------------------------------------------
    // Symbols and names

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

    /// Entities with their import and export status.
    fn entities(&mut self) {
        let obj = self.obj;
        for (i, imp) in obj.imports.iter().enumerate() {
            let slot = match kind_slot(&imp.ty) {
                0 => 0,
                1 => 2,
                3 => 1,
                4 => 3,
                _ => continue,
            };
            self.ents[slot].push(Entity { import: Some(i), ..Entity::default() });
        }
        for _ in &obj.func_types {
            self.ents[Kind::Func as usize].push(Entity::default());
        }
        for _ in &obj.globals {
            self.ents[Kind::Global as usize].push(Entity::default());
        }
        for _ in &obj.tables {
            self.ents[Kind::Table as usize].push(Entity::default());
        }
        for _ in &obj.tags {
            self.ents[Kind::Tag as usize].push(Entity::default());
        }
        for e in &obj.exports {
            if let Some(k) = kind_of(e.kind)
                && let Some(ent) = self.ents[k as usize].get_mut(e.index as usize)
            {
                ent.exported = true;
            }
        }
    }

    fn import_field(&self, kind: Kind, index: u32) -> Option<&'a str> {
        let imp = self.ents[kind as usize].get(index as usize)?.import?;
        Some(self.obj.imports[imp].name)
    }

    fn is_got(&self, kind: Kind, index: u32) -> bool {
        kind == Kind::Global
            && self.ents[1]
                .get(index as usize)
                .and_then(|e| e.import)
                .is_some_and(|i| matches!(self.obj.imports[i].module, "GOT.mem" | "GOT.func"))
    }

    /// Reads the symbol table into [`Sym`]s and sorts them onto entities and segments.
    fn symbols(&mut self) -> Result<(), PrintError> {
        let linking = self.linking();
        let nsegs = self.obj.data.len();
        for (i, s) in linking.symbols.iter().enumerate() {
            let (flags, name) = (s.flags, s.name);
            let (kind, index, data) = match s.kind {
                0 => (Kind::Func, s.index, None),
                2 => (Kind::Global, s.index, None),
                5 => (Kind::Table, s.index, None),
                4 => (Kind::Tag, s.index, None),
                1 => (Kind::Data, s.data.map_or(0, |d| d.0), s.data.map(|d| (d.1, d.2))),
                _ => (Kind::Section, s.index, None),
            };
            let name = match (kind, name) {
                (_, Some(n)) => n.to_string(),
                (Kind::Section, None) => {
                    self.obj.section_of(index as usize).map(|s| s.name.clone()).unwrap_or_default()
                }
                (_, None) => self.import_field(kind, index).unwrap_or("").to_string(),
            };
            let mut sym = Sym { kind, flags, name, index, data, role: Role::Lost, text: String::new() };
            match kind {
                Kind::Func | Kind::Global | Kind::Table | Kind::Tag => {
                    let n = self.ents[kind as usize].len();
                    if index as usize >= n {
                        return Err(PrintError {
                            message: format!(
                                "symbol {i} (`{}`) refers to {} {index}, but there are only {n}",
                                sym.name,
                                kind.word()
                            ),
                            offset: None,
                        });
                    }
                    let imported = self.ents[kind as usize][index as usize].import.is_some();
                    if imported != (flags & UNDEFINED != 0) {
                        self.warn_at(
                            None,
                            format!(
                                "symbol {i} (`{}`): UNDEFINED is {} but the {} is {}",
                                sym.name,
                                if flags & UNDEFINED != 0 { "set" } else { "clear" },
                                kind.word(),
                                if imported { "imported" } else { "defined" }
                            ),
                        );
                    }
                    if self.is_got(kind, index) {
                        self.warn_at(
                            None,
                            format!("symbol {i} (`{}`) names a GOT import, which has no symbol in relwat", sym.name),
                        );
                    }
                }
                Kind::Data => {
                    if let Some((off, _)) = data {
                        if flags & ABSOLUTE != 0 {
                            sym.role = Role::DataImport;
                            if index != 0 {
                                self.warn_at(
                                    None,
                                    format!("absolute symbol `{}` has segment {index} (relwat writes 0)", sym.name),
                                );
                            }
                        } else if (index as usize) < nsegs {
                            // A symbol may reach past its segment's end (D2); it must start in it.
                            let seg_len = self.obj.data[index as usize].data.len() as u64;
                            if off <= seg_len {
                                sym.role = Role::Data;
                            }
                        } else {
                            return Err(PrintError {
                                message: format!(
                                    "data symbol `{}` is in segment {index}, but there are only {nsegs}",
                                    sym.name
                                ),
                                offset: None,
                            });
                        }
                    } else {
                        sym.role = Role::DataImport;
                    }
                }
                Kind::Section => {
                    if self.obj.section_of(index as usize).is_none_or(|s| s.id != 0) {
                        self.warn_at(
                            None,
                            format!("section symbol {i} refers to section {index}, which is not a custom section"),
                        );
                    } else if self.obj.section_of(index as usize).is_some_and(|s| {
                        s.name == "linking"
                            || s.name.starts_with("reloc.")
                            || matches!(s.name.as_str(), "name" | "producers" | "target_features")
                    }) {
                        self.warn_at(
                            None,
                            format!("section symbol {i} refers to a section relwat generates or places itself"),
                        );
                    } else if self.syms.iter().any(|s| s.kind == Kind::Section && s.index == index) {
                        self.warn_at(
                            None,
                            format!("a second section symbol for section {index} (relwat writes one per section)"),
                        );
                    } else {
                        sym.role = Role::Section;
                    }
                }
            }
            self.syms.push(sym);
        }
        // Primary and extra symbols of each entity.
        for kind in [Kind::Func, Kind::Global, Kind::Table, Kind::Tag] {
            let mut by_entity: Vec<Vec<usize>> = vec![Vec::new(); self.ents[kind as usize].len()];
            for (i, s) in self.syms.iter().enumerate() {
                if s.kind == kind {
                    by_entity[s.index as usize].push(i);
                }
            }
            for (e, list) in by_entity.into_iter().enumerate() {
                if list.is_empty() {
                    continue;
                }
                let exported = self.ents[kind as usize][e].exported;
                let primary =
                    list.iter().copied().find(|&s| (self.syms[s].flags & EXPORTED != 0) == exported).unwrap_or(list[0]);
                self.syms[primary].role = Role::Primary;
                for &s in &list {
                    if s != primary {
                        self.syms[s].role = Role::Extra;
                        if self.syms[s].flags & EXPORTED != 0 {
                            let n = self.syms[s].name.clone();
                            self.warn_at(
                                None,
                                format!("symbol `{n}` is EXPORTED but is not its entity's primary symbol"),
                            );
                        }
                    }
                }
                let ent = &mut self.ents[kind as usize][e];
                ent.primary = Some(primary);
                ent.extras = list.into_iter().filter(|&s| s != primary).collect();
            }
        }
        // Data symbols by segment (by offset, then table order) and data imports.
        for (i, s) in self.syms.iter().enumerate() {
            match s.role {
                Role::Data => self.seg_syms[s.index as usize].push(i),
                Role::DataImport => self.data_imports.push(i),
                _ => {}
            }
        }
        for list in &mut self.seg_syms {
            let syms = &self.syms;
            list.sort_by_key(|&i| syms[i].data.map_or(0, |d| d.0));
        }
        // Init functions and comdats.
        for &(prio, sym) in &linking.init_funcs {
            match self.syms.get(sym as usize) {
                Some(s) if s.kind == Kind::Func && matches!(s.role, Role::Primary | Role::Extra) => {
                    self.init.entry(sym as usize).or_default().push(prio)
                }
                _ => {
                    return Err(PrintError {
                        message: format!("init function entry refers to symbol {sym}, which is not a function symbol"),
                        offset: None,
                    });
                }
            }
        }
        for (ci, c) in linking.comdats.iter().enumerate() {
            if c.flags != 0 {
                self.warn_at(None, format!("comdat `{}` has flags {} (relwat writes 0)", c.name, c.flags));
            }
            for &(kind, index) in &c.members {
                let dup = match kind {
                    1 => self.func_comdat.insert(index, ci).is_some(),
                    0 => self.seg_comdat.insert(index, ci).is_some(),
                    5 => {
                        self.section_comdat.entry(index as usize).or_default().push(ci);
                        false
                    }
                    _ => {
                        let what = ["", "", "global", "tag", "table"][kind as usize];
                        self.warn_at(
                            None,
                            format!("comdat `{}` has a {what} member, which relwat cannot write", c.name),
                        );
                        false
                    }
                };
                if dup {
                    self.warn_at(None, format!("an entity is in two comdats (`{}`)", c.name));
                }
            }
        }
        Ok(())
    }

    /// Ids for types, entities, extra symbols, data symbols, segments, comdats.
    fn names(&mut self) {
        let obj = self.obj;
        let mut taken: HashSet<String> = HashSet::default();
        for (i, ft) in obj.type_sigs.iter().enumerate() {
            let n = unique(&mut taken, &type_name(ft.as_ref(), i), "t");
            self.type_ids.push(text::id(&n));
        }
        let prefixes = ["f", "g", "tab", "tag"];
        for kind in [Kind::Func, Kind::Global, Kind::Table, Kind::Tag] {
            let k = kind as usize;
            let mut taken: HashSet<String> = HashSet::default();
            // Primaries first, so that they keep the clean names.
            for e in 0..self.ents[k].len() {
                let want = match (self.ents[k][e].primary, self.ents[k][e].import) {
                    (Some(p), _) => self.syms[p].name.clone(),
                    (None, Some(imp)) if self.is_got(kind, e as u32) => {
                        format!("{}.{}", obj.imports[imp].module, obj.imports[imp].name)
                    }
                    (None, Some(imp)) => obj.imports[imp].name.to_string(),
                    (None, None) => String::new(),
                };
                let n = unique(&mut taken, &want, &format!("{}{e}", prefixes[k]));
                self.ents[k][e].id = text::id(&n);
                if let Some(p) = self.ents[k][e].primary {
                    self.syms[p].text = self.ents[k][e].id.clone();
                }
            }
            for e in 0..self.ents[k].len() {
                for x in self.ents[k][e].extras.clone() {
                    let n = unique(&mut taken, &self.syms[x].name.clone(), &format!("{}{e}.alias", prefixes[k]));
                    self.syms[x].text = text::id(&n);
                }
            }
        }
        let mut taken: HashSet<String> = HashSet::default();
        for i in 0..self.syms.len() {
            match self.syms[i].role {
                Role::Data | Role::DataImport => {
                    let n = unique(&mut taken, &self.syms[i].name.clone(), &format!("d{i}"));
                    self.syms[i].text = text::id(&n);
                }
                Role::Section => {
                    let mut s = String::new();
                    text::string(&mut s, self.syms[i].name.as_bytes());
                    self.syms[i].text = s;
                }
                _ => {}
            }
        }
        let mut taken: HashSet<String> = HashSet::default();
        let names: Vec<String> = self
            .linking()
            .segments
            .as_ref()
            .map(|s| s.iter().map(|s| s.name.to_string()).collect())
            .unwrap_or_default();
        for i in 0..obj.data.len() {
            let want = names.get(i).cloned().unwrap_or_default();
            let n = unique(&mut taken, &want, &format!("seg{i}"));
            self.seg_ids.push(text::id(&n));
        }
        let mut taken: HashSet<String> = HashSet::default();
        for c in &self.linking().comdats {
            let n = unique(&mut taken, c.name, "comdat");
            self.comdat_ids.push(text::id(&n));
        }
        // GOT imports: the symbol relwat picks for each (the first with the field's name).
        for (g, ent) in self.ents[1].iter().enumerate() {
            let Some(imp) = ent.import else { continue };
            let imp = &obj.imports[imp];
            let kind = match imp.module {
                "GOT.mem" => Kind::Data,
                "GOT.func" => Kind::Func,
                _ => continue,
            };
            let found = self.syms.iter().position(|s| s.kind == kind && s.name == imp.name && s.role != Role::Lost);
            self.got.insert(g as u32, found);
            if found.is_none() {
                self.warnings.push(format!(
                    "`{}` import `{}` has no {} symbol of that name (relwat would make one)",
                    imp.module,
                    imp.name,
                    kind.word()
                ));
            }
        }
    }

    /// Known sections (other than code) that relwat would encode otherwise.
    fn check_sections(&mut self) {
        let obj = self.obj;
        for sec in &obj.sections {
            if sec.id == 0 {
                if sec.contents - sec.payload.start != crate::leb::uleb_len(sec.name.len() as u64) + sec.name.len() {
                    self.warn_at(
                        Some(sec.payload.start),
                        format!(
                            "the name of custom section `{}` has a padded length (relwat writes it minimal)",
                            sec.name
                        ),
                    );
                }
                continue;
            }
            if sec.id == 10 {
                if let Some(at) = canonical::code_framing_difference(&obj.bytes[sec.payload.clone()]) {
                    self.warn_at(
                        Some(sec.payload.start + at),
                        "a count or a local type in the code section is not written as relwat writes it (a padded LEB or another form)",
                    );
                }
                continue;
            }
            if let Some(at) = canonical::first_difference(sec.id, &obj.bytes[sec.payload.clone()]) {
                self.warn_at(
                    Some(sec.payload.start + at),
                    format!(
                        "the {} section is not encoded as relwat writes its contents (a padded LEB or another form)",
                        canonical::section_name(sec.id)
                    ),
                );
            }
        }
    }

    /// What of the `linking` section the text cannot express.
    fn check_linking(&mut self) {
        let linking = self.linking();
        let ids: Vec<u8> = linking.subsections.iter().map(|(id, _, _)| *id).collect();
        let mut want = Vec::new();
        if !linking.symbols.is_empty() {
            want.push(8);
        }
        if linking.segments.as_ref().is_some_and(|s| !s.is_empty()) {
            want.push(5);
        }
        if !linking.init_funcs.is_empty() {
            want.push(6);
        }
        if !linking.comdats.is_empty() {
            want.push(7);
        }
        if ids != want {
            self.warn_at(None, format!("linking subsections {ids:?}; relwat writes {want:?}"));
        }
        let sec = &self.obj.sections[linking.section];
        if let Some((what, at)) = read::linking_non_minimal(&self.obj.bytes[sec.contents..sec.payload.end]) {
            self.warn_at(Some(sec.contents + at), format!("{what} (relwat writes it minimal)"));
        }
        let nsegs = self.obj.data.len();
        match &linking.segments {
            Some(s) if s.len() != nsegs => {
                self.warn_at(None, format!("segment info for {} of {nsegs} segments (relwat writes all)", s.len()));
            }
            None if nsegs > 0 => self.warn_at(None, "no segment info (relwat writes it for every segment)"),
            _ => {}
        }
        // Sizes: LLVM pads every section size (and subsection size) to 5 bytes.
        let widths: Vec<usize> = self.obj.sections.iter().map(|s| s.size_len).collect();
        let padded = widths.iter().all(|w| *w == 5) && linking.subsections.iter().all(|(_, w, _)| *w == 5);
        let minimal = self.obj.sections.iter().all(|s| s.size_len == crate::leb::uleb_len((s.payload.len()) as u64))
            && linking.subsections.iter().all(|(_, w, size)| *w == crate::leb::uleb_len(*size as u64));
        if padded {
            self.layout.push("(section-size padded)".into());
        } else if !minimal {
            self.warn_at(
                None,
                "section and linking subsection sizes are neither all minimal nor all padded to 5 bytes",
            );
        }
        for b in &self.obj.bodies {
            if b.size_len != crate::leb::uleb_len((b.range.len()) as u64) {
                self.warn_at(Some(b.range.start), "a function body size is padded (relwat writes it minimal)");
            }
        }
        // relwat writes DataCount when code needs it; the option makes it unconditional.
        if self.obj.datacount.is_some() {
            self.layout.push("(datacount always)".into());
        }
        if !self.obj.sections.iter().any(|s| s.id == 0 && s.name == "target_features") {
            self.layout.push("(target-features none)".into());
        }
        if let Some(c) = self.obj.datacount
            && c as usize != nsegs
        {
            self.warn_at(None, format!("DataCount is {c} but there are {nsegs} data segments"));
        }
    }

    /// Indexes the code relocations by absolute offset; checks every reloc section.
    fn relocs_index(&mut self) -> Result<(), PrintError> {
        let obj = self.obj;
        let nsyms = self.syms.len();
        let mut seen_targets = HashSet::default();
        for r in &obj.relocs {
            let Some(target) = obj.section_of(r.target) else {
                return Err(PrintError {
                    message: format!("`{}` applies to section {}, which does not exist", r.name, r.target),
                    offset: None,
                });
            };
            if !seen_targets.insert(r.target) {
                self.warn_at(None, format!("a second reloc section for section {}", r.target));
            }
            let expected = match target.id {
                10 => "reloc.CODE".to_string(),
                11 => "reloc.DATA".to_string(),
                0 => format!("reloc.{}", target.name),
                id => {
                    return Err(PrintError {
                        message: format!(
                            "`{}` applies to section {} (id {id}); only code, data and custom sections can be relocated",
                            r.name, r.target
                        ),
                        offset: None,
                    });
                }
            };
            if r.name != expected {
                self.warn_at(None, format!("reloc section `{}` is written by relwat as `{expected}`", r.name));
            }
            let base = if target.id == 0 { target.contents } else { target.payload.start };
            let mut last = 0;
            for (i, e) in r.entries.iter().enumerate() {
                let ty = e.ty;
                let width = e.extent();
                let end = base as u64 + e.offset as u64 + width as u64;
                if end > target.payload.end as u64 {
                    return Err(PrintError {
                        message: format!(
                            "relocation {i} of `{}` at offset 0x{:x} reaches past the end of its section",
                            r.name, e.offset
                        ),
                        offset: None,
                    });
                }
                if e.offset < last {
                    self.warn_at(None, format!("relocations of `{}` are not sorted by offset", r.name));
                } else if i > 0 && e.offset == last {
                    // The text orders them by where they end, relwat by offset: their order
                    // would depend on their widths.
                    self.warn_at(None, format!("two relocations of `{}` at offset 0x{:x}", r.name, e.offset));
                }
                last = e.offset;
                if ty != linking::ty::TYPE_INDEX_LEB && e.index as usize >= nsyms {
                    return Err(PrintError {
                        message: format!(
                            "relocation {i} of `{}` refers to symbol {}, but there are {nsyms}",
                            r.name, e.index
                        ),
                        offset: None,
                    });
                }
            }
            if target.id == 10 {
                for e in &r.entries {
                    self.code_relocs.insert(base + e.offset as usize, self.code_entries.len());
                    self.code_entries.push(*e);
                }
            }
        }
        self.code_used = vec![false; self.code_entries.len()];
        self.reloc_layout();
        Ok(())
    }

    /// How the `reloc.*` sections are written and ordered, where relwat's defaults differ.
    fn reloc_layout(&mut self) {
        let obj = self.obj;
        for r in &obj.relocs {
            if r.entries.is_empty() {
                self.warn_at(None, format!("`{}` has no entries (relwat writes no empty reloc section)", r.name));
            }
            if !r.minimal_fields {
                self.warn_at(
                    None,
                    format!("`{}` has padded LEBs besides the entry offsets (relwat writes them minimal)", r.name),
                );
            }
        }
        let offsets: Vec<bool> = obj.relocs.iter().filter_map(|r| r.padded_offsets).collect();
        let mixed = obj.relocs.iter().any(|r| !r.entries.is_empty() && r.padded_offsets.is_none());
        if mixed || (offsets.contains(&true) && offsets.contains(&false)) {
            self.warn_at(None, "relocation offsets are neither all minimal nor all 5-byte LEBs");
        } else if offsets.contains(&true) {
            self.layout.push("(reloc-offset padded)".into());
        }
        // relwat writes `linking` after the last known section and before every `reloc.*`.
        let linking_at = self.linking().section;
        if let Some(r) = obj.relocs.iter().find(|r| r.section < linking_at) {
            self.warn_at(None, format!("`{}` stands before `linking` (relwat writes it after)", r.name));
        }
        if let Some(s) = obj.sections[linking_at..].iter().find(|s| s.id != 0) {
            self.warn_at(
                None,
                format!("`linking` stands before section {} (relwat writes it after the last known section)", s.id),
            );
        }
        // relwat writes reloc.CODE, reloc.DATA, then the custom sections' in section order.
        let key = |r: &read::RelocInfo| match obj.sections.get(r.target).map(|s| s.id) {
            Some(10) => 0,
            Some(11) => 1,
            _ => 2 + r.target,
        };
        let order: Vec<&read::RelocInfo> = obj.relocs.iter().filter(|r| !r.entries.is_empty()).collect();
        if order.windows(2).all(|w| key(w[0]) < key(w[1])) {
            return;
        }
        let mut s = String::from("(reloc-order");
        for r in &order {
            match key(r) {
                0 => s.push_str(" code"),
                1 => s.push_str(" data"),
                _ => {
                    let name = obj.sections[r.target].name.as_str();
                    if obj.sections.iter().filter(|x| x.id == 0 && x.name == name).count() > 1 {
                        self.warn_at(None, format!("`{}` applies to one of several custom sections named `{name}`, which `reloc-order` cannot tell apart", r.name));
                    }
                    s.push(' ');
                    text::string(&mut s, name.as_bytes());
                }
            }
        }
        s.push(')');
        self.layout.push(s);
    }

    // ------------------------------------------------------------------------------------------
    // Emitting

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

    fn emit(&mut self) -> Result<(), PrintError> {
        let obj = self.obj;
        if obj.bodies.len() != obj.func_types.len() {
            return Err(PrintError {
                message: format!(
                    "{} functions are declared but the code section has {} bodies",
                    obj.func_types.len(),
                    obj.bodies.len()
                ),
                offset: None,
            });
        }
        self.emit_types();
        self.emit_comdats();
        self.prepare_data();
        for unit in self.plan() {
            match unit {
                Unit::Import(i) => self.emit_import(i),
                Unit::Func(i) => self.emit_func(i)?,
                Unit::Table(i) => self.emit_table(i)?,
                Unit::Memory(i) => self.emit_memory(i),
                Unit::Tag(i) => self.emit_tag(i),
                Unit::Global(i) => self.emit_global(i)?,
                Unit::DataImport(s) => self.emit_data_import(s),
                Unit::Data(i) => self.emit_segment(i)?,
            }
        }
        self.finish_data();
        self.emit_exports();
        if let Some(s) = self.obj.start {
            let f = self.name(Space::Func, s);
            self.line(&format!("(start {f})"));
        }
        self.emit_elems()?;
        self.emit_customs()?;
        for (i, used) in self.code_used.iter().enumerate() {
            if !used {
                let e = self.code_entries[i];
                self.warnings.push(format!(
                    "code relocation {} at offset 0x{:x} is not at an immediate relwat relocates",
                    e.type_name(),
                    e.offset
                ));
            }
        }
        Ok(())
    }

    /// The symbols a field declares, in the order relwat creates them.
    fn unit_symbols(&self, unit: Unit) -> Vec<usize> {
        let ent = |k: Kind, i: u32| -> Vec<usize> {
            match self.ents[k as usize].get(i as usize) {
                Some(e) => e.primary.into_iter().chain(e.extras.iter().copied()).collect(),
                None => Vec::new(),
            }
        };
        let counts = self.obj.import_counts();
        match unit {
            Unit::Import(i) => {
                let imp = &self.obj.imports[i];
                let index = self.import_index[i];
                match kind_slot(&imp.ty) {
                    0 => ent(Kind::Func, index),
                    1 => ent(Kind::Table, index),
                    3 => ent(Kind::Global, index),
                    4 => ent(Kind::Tag, index),
                    _ => Vec::new(),
                }
            }
            Unit::Func(i) => ent(Kind::Func, counts[0] + i as u32),
            Unit::Table(i) => ent(Kind::Table, counts[1] + i as u32),
            Unit::Global(i) => ent(Kind::Global, counts[3] + i as u32),
            Unit::Tag(i) => ent(Kind::Tag, counts[4] + i as u32),
            Unit::Memory(_) => Vec::new(),
            Unit::DataImport(s) => vec![s],
            Unit::Data(i) => self.seg_syms[i].clone(),
        }
    }

    /// The order of the fields that declare symbols. relwat numbers symbols in field order, so
    /// when the object's symbol order can be had by interleaving the fields (imports first, each
    /// kind in index order), the text does so and needs no `symbol-order`; otherwise the fields
    /// go kind by kind.
    fn plan(&mut self) -> Vec<Unit> {
        let obj = self.obj;
        let mut queues: Vec<std::collections::VecDeque<Unit>> = vec![
            (0..obj.imports.len()).map(Unit::Import).collect(),
            (0..obj.func_types.len()).map(Unit::Func).collect(),
            (0..obj.tables.len()).map(Unit::Table).collect(),
            (0..obj.memories.len()).map(Unit::Memory).collect(),
            (0..obj.tags.len()).map(Unit::Tag).collect(),
            (0..obj.globals.len()).map(Unit::Global).collect(),
            (0..obj.data.len()).map(Unit::Data).collect(),
        ];
        let canonical: Vec<Unit> = queues
            .iter()
            .take(6)
            .flatten()
            .copied()
            .chain(self.data_imports.iter().map(|&s| Unit::DataImport(s)))
            .chain(queues[6].iter().copied())
            .collect();
        // Which unit declares each symbol.
        let mut owner: HashMap<usize, (usize, Unit)> = HashMap::default();
        for (q, queue) in queues.iter().enumerate() {
            for &u in queue {
                for s in self.unit_symbols(u) {
                    owner.insert(s, (q, u));
                }
            }
        }
        for &s in &self.data_imports {
            owner.insert(s, (usize::MAX, Unit::DataImport(s)));
        }
        let order: Vec<usize> =
            (0..self.syms.len()).filter(|&i| !matches!(self.syms[i].role, Role::Lost | Role::Section)).collect();
        let mut plan = Vec::new();
        let mut i = 0;
        let mut definitions_started = false;
        while i < order.len() {
            let Some(&(q, unit)) = owner.get(&order[i]) else { return canonical };
            let block = self.unit_symbols(unit);
            if order.get(i..i + block.len()) != Some(&block[..]) {
                return canonical;
            }
            if q != usize::MAX {
                // Units of the same kind before it declare no symbols: they go first.
                while let Some(&head) = queues[q].front() {
                    queues[q].pop_front();
                    if head == unit {
                        break;
                    }
                    if !self.unit_symbols(head).is_empty() {
                        return canonical;
                    }
                    plan.push(head);
                }
            }
            if q != 0 && !definitions_started {
                // Imports come before every definition.
                definitions_started = true;
                while let Some(head) = queues[0].pop_front() {
                    if !self.unit_symbols(head).is_empty() {
                        return canonical;
                    }
                    plan.push(head);
                }
            } else if q == 0 && definitions_started {
                return canonical;
            }
            plan.push(unit);
            i += block.len();
        }
        for queue in &mut queues {
            plan.extend(queue.drain(..));
        }
        // Imports first, even when none has a symbol.
        plan.sort_by_key(|u| !matches!(u, Unit::Import(_)));
        plan
    }

    fn emit_types(&mut self) {
        let obj = self.obj;
        let mut index = 0usize;
        for g in &obj.rec_groups {
            let explicit = g.is_explicit_rec_group();
            if explicit {
                self.out.push_str("\n  (rec");
            }
            for st in g.types() {
                let mut s = String::new();
                let _ = write!(s, "(type {} ", self.type_ids[index]);
                let c = &st.composite_type;
                let sub = !st.is_final || !st.supertype_idxs.is_empty();
                if sub {
                    s.push_str("(sub ");
                    if st.is_final {
                        s.push_str("final ");
                    }
                    if let Some(sup) = st.supertype_idxs.first().and_then(|i| i.as_module_index()) {
                        let _ = write!(s, "{} ", self.type_ref(sup));
                    }
                }
                if c.shared {
                    s.push_str("(shared ");
                }
                if let Some(d) = c.describes_idx.and_then(|i| i.as_module_index()) {
                    let _ = write!(s, "(describes {}) ", self.type_ref(d));
                }
                if let Some(d) = c.descriptor_idx.and_then(|i| i.as_module_index()) {
                    let _ = write!(s, "(descriptor {}) ", self.type_ref(d));
                }
                match &c.inner {
                    CompositeInnerType::Func(ft) => {
                        s.push_str("(func");
                        self.func_sig(&mut s, ft);
                        s.push(')');
                    }
                    CompositeInnerType::Struct(st) => {
                        s.push_str("(struct");
                        for f in st.fields.iter() {
                            s.push_str(" (field ");
                            if f.mutable {
                                s.push_str("(mut ");
                                text::storage(&mut s, f.element_type, self);
                                s.push(')');
                            } else {
                                text::storage(&mut s, f.element_type, self);
                            }
                            s.push(')');
                        }
                        s.push(')');
                    }
                    CompositeInnerType::Array(a) => {
                        s.push_str("(array ");
                        if a.0.mutable {
                            s.push_str("(mut ");
                            text::storage(&mut s, a.0.element_type, self);
                            s.push(')');
                        } else {
                            text::storage(&mut s, a.0.element_type, self);
                        }
                        s.push(')');
                    }
                    CompositeInnerType::Cont(ct) => {
                        let t = ct.0.as_module_index().map_or("0".into(), |i| self.type_ref(i));
                        let _ = write!(s, "(cont {t})");
                    }
                }
                if c.shared {
                    s.push(')');
                }
                if sub {
                    s.push(')');
                }
                s.push(')');
                if explicit {
                    self.out.push_str("\n    ");
                    self.out.push_str(&s);
                } else {
                    self.line(&s);
                }
                index += 1;
            }
            if explicit {
                self.out.push(')');
            }
        }
    }

    fn emit_comdats(&mut self) {
        for (i, c) in self.linking().comdats.iter().enumerate() {
            let mut s = format!("(@comdat {} ", self.comdat_ids[i]);
            text::string(&mut s, c.name.as_bytes());
            s.push(')');
            self.line(&s);
        }
    }

    /// Whether the id of symbol `sym` also names a symbol of another of the kinds a `global`
    /// relocation looks among (globals, data, functions: GOT entries).
    fn got_id_clash(&self, sym: usize) -> bool {
        let s = &self.syms[sym];
        let got_kind = |k: Kind| matches!(k, Kind::Global | Kind::Data | Kind::Func);
        self.syms.iter().enumerate().any(|(j, o)| j != sym && o.text == s.text && o.kind != s.kind && got_kind(o.kind))
    }

    /// Notes symbol `i` for `(symbol-flags ...)` when its flags are not `implied`, those the
    /// text gives it otherwise (D3).
    fn exact_flags(&mut self, i: usize, implied: u32) {
        if self.syms[i].flags != implied {
            self.exact_flags.push(i);
        }
    }

    /// `(@sym ...)` annotations of an entity (primary, then extras), or `(@sym none)`.
    fn entity_syms(&mut self, kind: Kind, index: u32) -> String {
        let ent = self.ents[kind as usize][index as usize].clone();
        let mut s = String::new();
        let Some(p) = ent.primary else {
            if !self.is_got(kind, index) {
                s.push_str(" (@sym none)");
            }
            return s;
        };
        let imported = ent.import.is_some();
        let mut default = if imported { UNDEFINED } else { 0 };
        if ent.exported {
            default |= EXPORTED | NO_STRIP;
        }
        let id_name = decode_id_text(&ent.id);
        let quals = self.qualifiers(p, default, imported, &id_name, kind == Kind::Func);
        if !quals.is_empty() {
            let _ = write!(s, " (@sym{quals})");
        }
        self.natural.push(p);
        for x in ent.extras {
            let default = if imported { UNDEFINED } else { 0 };
            let id_name = decode_id_text(&self.syms[x].text);
            let quals = self.qualifiers(x, default, imported, &id_name, kind == Kind::Func);
            let _ = write!(s, " (@sym {}{quals})", self.syms[x].text);
            self.natural.push(x);
        }
        s
    }

    /// The qualifiers (each with a leading space) that turn the default symbol into symbol `i`.
    fn qualifiers(&mut self, i: usize, default: u32, imported: bool, id_name: &str, is_func: bool) -> String {
        let sym = self.syms[i].clone();
        let f = sym.flags;
        let mut q = String::new();
        // The flags relwat gives the symbol from the text written here.
        let mut implied = default;
        match f & (WEAK | LOCAL) {
            WEAK => q.push_str(" weak"),
            LOCAL => q.push_str(" local"),
            _ => {}
        }
        if f & (WEAK | LOCAL) != WEAK | LOCAL {
            implied |= f & (WEAK | LOCAL);
        }
        if f & HIDDEN != 0 {
            q.push_str(" hidden");
            implied |= HIDDEN;
        }
        if f & NO_STRIP != 0 && default & NO_STRIP == 0 {
            q.push_str(" retain");
            implied |= NO_STRIP;
        }
        let mut name_q = false;
        if imported {
            if f & EXPLICIT_NAME != 0 {
                name_q = true;
                implied |= EXPLICIT_NAME;
            }
        } else if sym.name != id_name {
            name_q = true;
        }
        if name_q {
            q.push_str(" (name ");
            text::string(&mut q, sym.name.as_bytes());
            q.push(')');
        }
        self.exact_flags(i, implied);
        // One `(init_prio N)` per entry, in the object's order (D1).
        for p in self.init.get(&i).into_iter().flatten() {
            let _ = write!(q, " (init_prio {p})");
        }
        if is_func
            && !imported
            && self.ents[0][sym.index as usize].primary == Some(i)
            && let Some(&c) = self.func_comdat.get(&sym.index)
        {
            let _ = write!(q, " (comdat {})", self.comdat_ids[c]);
            self.comdat_carriers.insert(i, (c, 1, sym.index));
        }
        q
    }

    fn emit_import(&mut self, i: usize) {
        let obj = self.obj;
        let imp = &obj.imports[i];
        let index = self.import_index[i];
        let mut s = String::from("(import ");
        text::string(&mut s, imp.module.as_bytes());
        s.push(' ');
        text::string(&mut s, imp.name.as_bytes());
        s.push(' ');
        match imp.ty {
            TypeRef::Func(t) | TypeRef::FuncExact(t) => {
                let syms = self.entity_syms(Kind::Func, index);
                let id = &self.ents[0][index as usize].id;
                let tu = self.type_use(t);
                if matches!(imp.ty, TypeRef::FuncExact(_)) {
                    let _ = write!(s, "(func {id}{syms} (exact {tu})))");
                } else {
                    let _ = write!(s, "(func {id}{syms} {tu}))");
                }
            }
            TypeRef::Table(t) => {
                let syms = self.entity_syms(Kind::Table, index);
                let id = self.ents[2][index as usize].id.clone();
                let _ = write!(s, "(table {id}{syms} {}))", self.table_type(&t));
            }
            TypeRef::Memory(m) => {
                let _ = write!(s, "(memory {}))", memory_type(&m));
            }
            TypeRef::Global(g) => {
                let syms = self.entity_syms(Kind::Global, index);
                let id = self.ents[1][index as usize].id.clone();
                let _ = write!(s, "(global {id}{syms} {}))", self.global_type(&g));
            }
            TypeRef::Tag(t) => {
                let syms = self.entity_syms(Kind::Tag, index);
                let id = self.ents[3][index as usize].id.clone();
                let _ = write!(s, "(tag {id}{syms} {}))", self.type_use(t.func_type_idx));
            }
        }
        self.line(&s);
    }

    fn table_type(&self, t: &wasmparser::TableType) -> String {
        let mut s = limits(t.table64, t.initial, t.maximum, t.shared);
        s.push(' ');
        text::reftype(&mut s, t.element_type, self);
        s
    }

    fn global_type(&mut self, g: &wasmparser::GlobalType) -> String {
        let mut s = String::new();
        if g.shared {
            self.warn_at(None, "a shared global (relwat cannot write `shared` globals)");
        }
        if g.mutable {
            s.push_str("(mut ");
            text::valtype(&mut s, g.content_type, self);
            s.push(')');
        } else {
            text::valtype(&mut s, g.content_type, self);
        }
        s
    }

    fn emit_func(&mut self, i: usize) -> Result<(), PrintError> {
        let obj = self.obj;
        let nimp = obj.import_counts()[0];
        {
            let body = &obj.bodies[i];
            let index = nimp + i as u32;
            let syms = self.entity_syms(Kind::Func, index);
            let id = self.ents[0][index as usize].id.clone();
            let tu = self.type_use(obj.func_types[i]);
            let _ = write!(self.out, "\n  (func {id}{syms} {tu}");
            if !body.locals.is_empty() {
                let mut merged: Vec<(u32, ValType)> = Vec::new();
                for &(n, t) in &body.locals {
                    if n == 0 {
                        self.warn_at(Some(body.range.start), "a local declaration of count 0 (relwat drops it)");
                        continue;
                    }
                    match merged.last_mut() {
                        Some((m, prev)) if *prev == t => {
                            self.warn_at(
                                Some(body.range.start),
                                "two adjacent local declarations of one type (relwat merges them)",
                            );
                            *m += n;
                        }
                        _ => merged.push((n, t)),
                    }
                }
                self.out.push_str("\n    (local");
                for (n, t) in merged {
                    for _ in 0..n {
                        self.out.push(' ');
                        let mut ts = String::new();
                        text::valtype(&mut ts, t, self);
                        self.out.push_str(&ts);
                    }
                }
                self.out.push(')');
            }
            let mut out = std::mem::take(&mut self.out);
            let r = ExprPrinter::new(obj.bytes, body.code, body.range.end, self, &mut out).print(Some(4));
            self.out = out;
            r?;
            self.out.push(')');
        }
        Ok(())
    }

    /// A constant expression, on one line.
    fn const_expr(&mut self, e: &wasmparser::ConstExpr<'_>) -> Result<String, PrintError> {
        let r = e.get_binary_reader();
        let range = r.range();
        let mut out = String::new();
        ExprPrinter::new(self.obj.bytes, range.start as usize, range.end as usize, self, &mut out).print(None)?;
        Ok(out)
    }

    fn emit_table(&mut self, i: usize) -> Result<(), PrintError> {
        let obj = self.obj;
        let t = &obj.tables[i];
        let index = obj.import_counts()[1] + i as u32;
        let syms = self.entity_syms(Kind::Table, index);
        let id = self.ents[2][index as usize].id.clone();
        let ty = self.table_type(&t.ty);
        let init = match &t.init {
            TableInit::RefNull => String::new(),
            TableInit::Expr(e) => format!(" {}", self.const_expr(e)?),
        };
        self.line(&format!("(table {id}{syms} {ty}{init})"));
        Ok(())
    }

    fn emit_memory(&mut self, i: usize) {
        let s = format!("(memory {})", memory_type(&self.obj.memories[i]));
        self.line(&s);
    }

    fn emit_tag(&mut self, i: usize) {
        let obj = self.obj;
        let index = obj.import_counts()[4] + i as u32;
        let syms = self.entity_syms(Kind::Tag, index);
        let id = self.ents[3][index as usize].id.clone();
        let tu = self.type_use(obj.tags[i].func_type_idx);
        self.line(&format!("(tag {id}{syms} {tu})"));
    }

    fn emit_global(&mut self, i: usize) -> Result<(), PrintError> {
        let obj = self.obj;
        let g = &obj.globals[i];
        let index = obj.import_counts()[3] + i as u32;
        let syms = self.entity_syms(Kind::Global, index);
        let id = self.ents[1][index as usize].id.clone();
        let ty = self.global_type(&g.ty);
        let init = self.const_expr(&g.init_expr)?;
        self.line(&format!("(global {id}{syms} {ty} {init})"));
        Ok(())
    }

    fn emit_data_import(&mut self, i: usize) {
        {
            let sym = self.syms[i].clone();
            let f = sym.flags;
            let mut s = format!("(@sym.import.data {}", sym.text);
            let mut implied = 0;
            if f & WEAK != 0 && f & LOCAL == 0 {
                s.push_str(" weak");
                implied |= WEAK;
            }
            if f & HIDDEN != 0 {
                s.push_str(" hidden");
                implied |= HIDDEN;
            }
            if f & TLS != 0 {
                s.push_str(" tls");
                implied |= TLS;
            }
            if sym.name != decode_id_text(&sym.text) {
                s.push_str(" (name ");
                text::string(&mut s, sym.name.as_bytes());
                s.push(')');
            }
            if let Some((off, size)) = sym.data {
                let _ = write!(s, " (offset {off}) (size {size})");
                implied |= ABSOLUTE;
            } else {
                implied |= UNDEFINED;
            }
            self.exact_flags(i, implied);
            s.push(')');
            self.line(&s);
            self.natural.push(i);
        }
    }

    fn emit_exports(&mut self) {
        for e in &self.obj.exports {
            let mut s = String::from("(export ");
            text::string(&mut s, e.name.as_bytes());
            let target = match e.kind {
                ExternalKind::Func | ExternalKind::FuncExact => format!("func {}", self.name(Space::Func, e.index)),
                ExternalKind::Global => format!("global {}", self.name(Space::Global, e.index)),
                ExternalKind::Table => format!("table {}", self.name(Space::Table, e.index)),
                ExternalKind::Tag => format!("tag {}", self.name(Space::Tag, e.index)),
                ExternalKind::Memory => format!("memory {}", e.index),
            };
            let _ = write!(s, " ({target}))");
            self.line(&s);
        }
    }

    fn emit_elems(&mut self) -> Result<(), PrintError> {
        let obj = self.obj;
        for e in &obj.elems {
            let mut s = String::from("(elem");
            match &e.kind {
                ElementKind::Passive => {}
                ElementKind::Declared => s.push_str(" declare"),
                ElementKind::Active { table_index, offset_expr } => {
                    if let Some(t) = table_index {
                        let _ = write!(s, " (table {})", self.name(Space::Table, *t));
                    } else if matches!(e.items, ElementItems::Expressions(..)) {
                        // Without a table, wasm-encoder picks the MVP form only for funcref.
                    }
                    let off = self.const_expr(offset_expr)?;
                    let _ = write!(s, " (offset {off})");
                }
            }
            let mut items = Vec::new();
            match &e.items {
                ElementItems::Functions(fs) => {
                    s.push_str(" func");
                    for f in fs.clone() {
                        let f = f.map_err(|e| PrintError { message: e.message().into(), offset: Some(e.offset()) })?;
                        items.push(self.name(Space::Func, f).into_owned());
                    }
                }
                ElementItems::Expressions(ty, exprs) => {
                    s.push(' ');
                    text::reftype(&mut s, *ty, self);
                    if matches!(e.kind, ElementKind::Active { table_index: None, .. })
                        && *ty != wasmparser::RefType::FUNCREF
                    {
                        self.warn_at(None, "an element segment without a table of non-funcref expressions");
                    }
                    for x in exprs.clone() {
                        let x = x.map_err(|e| PrintError { message: e.message().into(), offset: Some(e.offset()) })?;
                        let t = self.const_expr(&x)?;
                        items.push(format!("(item {t})"));
                    }
                }
            }
            self.out.push_str("\n  ");
            self.out.push_str(&s);
            if items.iter().map(|i| i.len() + 1).sum::<usize>() + s.len() <= 98 {
                for i in &items {
                    self.out.push(' ');
                    self.out.push_str(i);
                }
            } else {
                self.items(&items, 4);
            }
            self.out.push(')');
        }
        Ok(())
    }

    /// The data relocations, for [`Printer::emit_segment`].
    fn prepare_data(&mut self) {
        let obj = self.obj;
        self.data_relocs = obj
            .relocs
            .iter()
            .filter(|r| Some(r.target) == obj.data_section)
            .flat_map(|r| r.entries.iter().copied())
            .collect();
        self.data_used = vec![false; self.data_relocs.len()];
    }

    /// Data relocations no segment holds.
    fn finish_data(&mut self) {
        for ri in 0..self.data_used.len() {
            if !self.data_used[ri] {
                let off = self.data_relocs[ri].offset;
                self.warn_at(None, format!("data relocation at 0x{off:x} is in no segment"));
            }
        }
    }

    fn emit_segment(&mut self, i: usize) -> Result<(), PrintError> {
        let obj = self.obj;
        let data_base = obj.data_section.map(|i| obj.sections[i].payload.start);
        let relocs = std::mem::take(&mut self.data_relocs);
        let mut used = std::mem::take(&mut self.data_used);
        let segs = self.linking().segments.clone().unwrap_or_default();
        let seg = &obj.data[i];
        {
            let mut s = format!("\n  (data {}", self.seg_ids[i]);
            if let Some(info) = segs.get(i) {
                let mut q = String::new();
                if !info.name.is_empty() {
                    q.push_str(" (name ");
                    text::string(&mut q, info.name.as_bytes());
                    q.push(')');
                }
                if info.alignment >= 64 {
                    self.warn_at(None, format!("segment `{}` has alignment 2^{}", info.name, info.alignment));
                } else if info.alignment != 0 {
                    let _ = write!(q, " (align {})", 1u64 << info.alignment);
                }
                let flags = info.flags;
                if flags & 1 != 0 {
                    q.push_str(" strings");
                }
                if flags & 2 != 0 {
                    q.push_str(" tls");
                }
                if flags & 4 != 0 {
                    q.push_str(" retain");
                }
                if flags & !7 != 0 {
                    self.warn_at(None, format!("segment `{}` has flags 0x{flags:x}", info.name));
                }
                if !q.is_empty() {
                    let _ = write!(s, " (@sym.segment{q})");
                }
            }
            match &seg.kind {
                DataKind::Passive => {}
                DataKind::Active { memory_index, offset_expr } => {
                    if *memory_index != 0 {
                        let _ = write!(s, " (memory {memory_index})");
                    }
                    let off = self.const_expr(offset_expr)?;
                    let _ = write!(s, " (offset {off})");
                }
            }
            self.out.push_str(&s);
            // Items: relocations end at their last byte, symbols start at their first.
            let rel_start = data_base.map_or(0, |b| seg.start - b);
            let rel_end = rel_start + seg.data.len();
            let mut points: Vec<(usize, u8, usize)> = Vec::new(); // (position, 0 reloc / 1 sym, index)
            for (ri, r) in relocs.iter().enumerate() {
                let start = r.offset as usize;
                if start >= rel_start && start < rel_end {
                    let end = start + r.extent();
                    if end > rel_end {
                        self.warn_at(
                            Some(seg.start),
                            format!("a relocation at 0x{start:x} straddles the end of segment {i}"),
                        );
                        continue;
                    }
                    used[ri] = true;
                    points.push((end - rel_start, 0, ri));
                }
            }
            let tls_seg = segs
                .get(i)
                .is_some_and(|s| s.flags & 2 != 0 || s.name.starts_with(".tdata") || s.name.starts_with(".tbss"));
            for &si in &self.seg_syms[i] {
                points.push((self.syms[si].data.map_or(0, |d| d.0) as usize, 1, si));
            }
            points.sort_by_key(|p| (p.0, p.1));
            let mut pos = 0;
            let mut items = Vec::new();
            let seg_comdat = self.seg_comdat.get(&(i as u32)).copied();
            let mut comdat_done = false;
            for (at, what, idx) in points {
                if at > pos {
                    items.extend(chunks(&seg.data[pos..at]));
                    pos = at;
                }
                if what == 0 {
                    let r = relocs[idx];
                    items.push(self.field_reloc(&r)?);
                } else {
                    let sym = self.syms[idx].clone();
                    let mut q = String::new();
                    let f = sym.flags;
                    // A symbol in a TLS segment gets the TLS flag (B6).
                    let mut implied = if tls_seg { TLS } else { 0 };
                    match f & (WEAK | LOCAL) {
                        WEAK => q.push_str(" weak"),
                        LOCAL => q.push_str(" local"),
                        _ => {}
                    }
                    if f & (WEAK | LOCAL) != WEAK | LOCAL {
                        implied |= f & (WEAK | LOCAL);
                    }
                    if f & HIDDEN != 0 {
                        q.push_str(" hidden");
                        implied |= HIDDEN;
                    }
                    if f & NO_STRIP != 0 {
                        q.push_str(" retain");
                        implied |= NO_STRIP;
                    }
                    if f & TLS != 0 && !tls_seg {
                        q.push_str(" tls");
                        implied |= TLS;
                    }
                    self.exact_flags(idx, implied);
                    if sym.name != decode_id_text(&sym.text) {
                        q.push_str(" (name ");
                        text::string(&mut q, sym.name.as_bytes());
                        q.push(')');
                    }
                    let _ = write!(q, " (size {})", sym.data.map_or(0, |d| d.1));
                    if let (Some(c), false) = (seg_comdat, comdat_done) {
                        let _ = write!(q, " (comdat {})", self.comdat_ids[c]);
                        comdat_done = true;
                        self.comdat_carriers.insert(idx, (c, 0, i as u32));
                    }
                    items.push(format!("(@sym {}{q})", sym.text));
                    self.natural.push(idx);
                }
            }
            if pos < seg.data.len() {
                items.extend(chunks(&seg.data[pos..]));
            }
            if seg_comdat.is_some() && !comdat_done {
                self.warn_at(None, format!("segment {i} is in a comdat but has no symbol to say so"));
            }
            self.items(&items, 4);
            self.out.push(')');
        }
        self.data_relocs = relocs;
        self.data_used = used;
        Ok(())
    }

    /// Writes string and annotation items, wrapping lines.
    fn items(&mut self, items: &[String], indent: usize) {
        let mut col = usize::MAX;
        for it in items {
            if col == usize::MAX || col + it.len() > 100 {
                self.out.push('\n');
                for _ in 0..indent {
                    self.out.push(' ');
                }
                col = indent;
            } else {
                self.out.push(' ');
                col += 1;
            }
            self.out.push_str(it);
            col += it.len();
        }
    }

    /// A relocation among data or custom-section bytes: the full spelling.
    fn field_reloc(&mut self, r: &RelocEntry) -> Result<String, PrintError> {
        let ty = r.ty;
        let Some((format, method, modifier)) = spelling(ty) else {
            self.warn_at(None, format!("{} among bytes cannot be written", r.type_name()));
            return Ok(String::new());
        };
        let sym = r.index as usize;
        let (kind, role, n) = (self.syms[sym].kind, self.syms[sym].role, self.syms[sym].name.clone());
        if !func_kind_needs(kind, ty) || role == Role::Lost {
            self.warn_at(None, format!("{} against `{n}`, a {} symbol", r.type_name(), kind.word()));
        }
        if role == Role::Section && self.sections_seen.insert(sym) {
            self.natural_sections.push(sym);
        }
        if role == Role::Section {
            let named = self.obj.sections.iter().filter(|s| s.id == 0 && s.name == n).count();
            if named > 1 {
                self.warn_at(
                    None,
                    format!("`customtext` names its section by name, and {named} custom sections are named `{n}`"),
                );
            }
        }
        if method == "global" && self.got_id_clash(sym) {
            self.warn_at(None, format!("{} against `{n}`, whose id names symbols of several kinds", r.type_name()));
        }
        let mut out = format!("(@reloc {format} {method}");
        if let Some(m) = modifier {
            out.push(' ');
            out.push_str(m);
        }
        out.push(' ');
        out.push_str(&self.syms[sym].text);
        out.push_str(&addend_text(ty, r.addend));
        out.push(')');
        Ok(out)
    }

    fn emit_customs(&mut self) -> Result<(), PrintError> {
        let obj = self.obj;
        let known = |s: &read::SectionInfo| s.id != 0;
        let last_known = obj.sections.iter().rposition(known);
        let linking_at = self.linking().section;
        let late = ["name", "producers", "target_features"];
        let mut late_seen = Vec::new();
        for (si, sec) in obj.sections.iter().enumerate() {
            if sec.id != 0 || sec.name == "linking" || sec.name.starts_with("reloc.") {
                continue;
            }
            let is_late = late.contains(&sec.name.as_str());
            if is_late {
                if si < linking_at || obj.relocs.iter().any(|r| r.section > si) {
                    self.warn_at(
                        None,
                        format!("`{}` stands before `linking`/`reloc.*` (relwat writes it after them)", sec.name),
                    );
                }
                late_seen.push(late.iter().position(|n| *n == sec.name).unwrap_or(0));
            } else if si > linking_at {
                self.warn_at(
                    None,
                    format!("custom section `{}` stands after `linking` (relwat writes it before)", sec.name),
                );
            }
            let data = &obj.bytes[sec.contents..sec.payload.end];
            if sec.name == "producers"
                && let Some(text) = producers_text(data)
            {
                self.line(&text);
                continue;
            }
            let mut s = String::from("(@custom ");
            text::string(&mut s, sec.name.as_bytes());
            if !is_late {
                let prev = obj.sections[..si].iter().rposition(known);
                match prev {
                    None => s.push_str(" (before first)"),
                    Some(p) if Some(p) == last_known => {}
                    Some(p) => {
                        let anchor = match obj.sections[p].id {
                            1 => "(after type)",
                            2 => "(after import)",
                            3 => "(after func)",
                            4 => "(after table)",
                            5 => "(after memory)",
                            6 => "(after global)",
                            7 => "(after export)",
                            8 => "(after start)",
                            9 => "(after elem)",
                            10 => "(after code)",
                            11 => "(after data)",
                            12 => "(before code)",
                            13 => "(after tag)",
                            _ => "",
                        };
                        s.push(' ');
                        s.push_str(anchor);
                    }
                }
            }
            self.out.push_str("\n  ");
            self.out.push_str(&s);
            let mut items = Vec::new();
            if let Some(cs) = self.section_comdat.get(&si).cloned() {
                if cs.len() > 1 {
                    self.warn_at(None, format!("custom section `{}` is in {} comdats", sec.name, cs.len()));
                }
                for c in cs {
                    items.push(format!("(@comdat {})", self.comdat_ids[c]));
                    self.printed_section_comdats.push((si, c));
                }
            }
            let relocs: Vec<RelocEntry> =
                obj.relocs.iter().filter(|r| r.target == si).flat_map(|r| r.entries.iter().copied()).collect();
            let mut ends: Vec<(usize, usize)> =
                relocs.iter().enumerate().map(|(i, r)| (r.offset as usize + r.extent(), i)).collect();
            ends.sort();
            let mut pos = 0;
            if sec.name == "target_features" {
                items.extend(features_items(data));
                pos = data.len();
            }
            for (end, i) in ends {
                if end > pos {
                    items.extend(chunks(&data[pos..end]));
                    pos = end;
                }
                items.push(self.field_reloc(&relocs[i])?);
            }
            if pos < data.len() {
                items.extend(chunks(&data[pos..]));
            }
            self.items(&items, 4);
            self.out.push(')');
        }
        if late_seen.windows(2).any(|w| w[0] > w[1]) {
            self.warn_at(None, "`name`, `producers` and `target_features` are out of relwat's order");
        }
        // Section symbols no relocation refers to are not written by relwat.
        for i in 0..self.syms.len() {
            if self.syms[i].role == Role::Section && !self.sections_seen.contains(&i) {
                let n = self.syms[i].name.clone();
                self.warn_at(None, format!("section symbol for `{n}` is not used by any relocation"));
            }
        }
        Ok(())
    }

    /// The `(@relwat.layout ...)` options about order and flags.
    fn layout_options(&mut self) {
        for &i in &self.natural_sections.clone() {
            self.exact_flags(i, LOCAL);
        }
        if self.obj.datacount.is_none() && self.names_data_segment {
            self.layout.push("(datacount none)".into());
        }
        let sections = std::mem::take(&mut self.natural_sections);
        self.natural.extend(sections);
        let n = self.syms.len();
        let printable: Vec<usize> = (0..n).filter(|&i| self.syms[i].role != Role::Lost).collect();
        if printable.len() != n {
            self.warn_at(None, format!("{} symbols cannot be written", n - printable.len()));
        }
        if self.natural != printable {
            // Symbols left out of the list follow the listed ones in relwat's order: list only
            // up to the longest tail of the table that is already in that order.
            let mut pos = vec![usize::MAX; n];
            for (p, &i) in self.natural.iter().enumerate() {
                pos[i] = p;
            }
            let mut keep = printable.len();
            while keep > 0 && (keep == printable.len() || pos[printable[keep - 1]] < pos[printable[keep]]) {
                keep -= 1;
            }
            let mut s = String::from("(symbol-order");
            let mut open: Option<Kind> = None;
            let mut col = 0;
            for &i in &printable[..keep] {
                let k = self.syms[i].kind;
                if open != Some(k) {
                    if open.is_some() {
                        s.push(')');
                    }
                    s.push_str("\n      (");
                    s.push_str(k.word());
                    open = Some(k);
                    col = 7 + k.word().len();
                }
                let t = &self.syms[i].text;
                if col + 1 + t.len() > 100 {
                    s.push_str("\n        ");
                    col = 8;
                } else {
                    s.push(' ');
                    col += 1;
                }
                s.push_str(t);
                col += t.len();
            }
            if open.is_some() {
                s.push(')');
            }
            s.push(')');
            self.layout.push(s);
        }
        // Comdat members: relwat lists them in the order of the symbols that name the comdat,
        // then the custom sections, and then moves the functions last.
        let mut members: Vec<Vec<(u8, u32)>> = vec![Vec::new(); self.comdat_ids.len()];
        for &i in &self.natural {
            if let Some(&(c, kind, index)) = self.comdat_carriers.get(&i)
                && !members[c].contains(&(kind, index))
            {
                members[c].push((kind, index));
            }
        }
        // The custom sections as printed, in section order (a member that names no custom
        // section is not printed, and the comparison below reports it).
        let mut sections = self.printed_section_comdats.clone();
        sections.sort();
        for (si, c) in sections {
            members[c].push((5, si as u32));
        }
        // As LLVM, relwat puts data segments and custom sections before functions.
        for m in &mut members {
            m.sort_by_key(|(kind, _)| *kind == 1);
        }
        for (c, comdat) in self.linking().comdats.iter().enumerate() {
            let object = &comdat.members;
            if *object != members[c] {
                self.warn_at(
                    None,
                    format!("comdat `{}` lists its members as {object:?}; relwat writes {:?}", comdat.name, members[c]),
                );
            }
        }
        // Flags no annotation gives (D3), in symbol-table order; the kind is written when the
        // id also names a symbol of another kind.
        let mut exact = std::mem::take(&mut self.exact_flags);
        exact.sort_unstable();
        exact.dedup();
        if !exact.is_empty() {
            let mut kinds_of: HashMap<&str, HashSet<Kind>> = HashMap::default();
            for s in self.syms.iter().filter(|s| s.role != Role::Lost && s.kind != Kind::Section) {
                kinds_of.entry(s.text.as_str()).or_default().insert(s.kind);
            }
            let mut entries = Vec::new();
            for i in exact {
                let s = &self.syms[i];
                let kind = if s.kind == Kind::Section || kinds_of.get(s.text.as_str()).is_some_and(|k| k.len() > 1) {
                    format!("{} ", s.kind.word())
                } else {
                    String::new()
                };
                entries.push(format!("(symbol-flags {kind}{} 0x{:x})", s.text, s.flags));
            }
            self.layout.extend(entries);
        }
        // Init functions: relwat lists them in the order it creates their symbols.
        let natural_init: Vec<usize> = self.natural.iter().copied().filter(|i| self.init.contains_key(i)).collect();
        let object_init: Vec<usize> = self.linking().init_funcs.iter().map(|(_, s)| *s as usize).collect();
        if natural_init != object_init {
            let mut s = String::from("(init-order");
            for i in &object_init {
                s.push(' ');
                s.push_str(&self.syms[*i].text);
            }
            s.push(')');
            self.layout.push(s);
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
    fn name(&self, space: Space, index: u32) -> Cow<'_, str> {
        let k = match space {
            Space::Func => 0,
            Space::Global => 1,
            Space::Table => 2,
            Space::Tag => 3,
        };
        self.ents[k].get(index as usize).map_or_else(|| Cow::Owned(index.to_string()), |e| Cow::Borrowed(e.id.as_str()))
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
                    ImmRole::Func => (FUNCTION_INDEX_LEB, Kind::Func),
                    ImmRole::Tag => (TAG_INDEX_LEB, Kind::Tag),
                    _ => (TABLE_NUMBER_LEB, Kind::Table),
                };
                if ty != want_ty || self.syms[sym].kind != kind {
                    return bad(self, "an index");
                }
                let primary = self.ents[kind as usize].get(site.value as usize).and_then(|e| e.primary);
                if primary == Some(sym) { Ok(None) } else { Ok(Some(format!(" (@reloc {})", sym_ref(self)))) }
            }
            ImmRole::Global => {
                if ty != GLOBAL_INDEX_LEB {
                    return bad(self, "a global index");
                }
                let s = &self.syms[sym];
                match s.kind {
                    Kind::Global => {
                        let primary = self.ents[1].get(site.value as usize).and_then(|e| e.primary);
                        let got = self.is_got(Kind::Global, site.value as u32);
                        if primary == Some(sym) && !got {
                            Ok(None)
                        } else {
                            Ok(Some(format!(" (@reloc {})", sym_ref(self))))
                        }
                    }
                    Kind::Data | Kind::Func => {
                        let implicit = self.got.get(&(site.value as u32)) == Some(&Some(sym));
                        if implicit {
                            Ok(None)
                        } else {
                            let m = if s.kind == Kind::Data { "data" } else { "func" };
                            Ok(Some(format!(" (@reloc {m} {})", sym_ref(self))))
                        }
                    }
                    _ => bad(self, "a global index"),
                }
            }
            ImmRole::I32Const | ImmRole::I64Const if ty == GLOBAL_INDEX_LEB => {
                // A GOT entry at a constant (D4): the symbol is found by id among globals, data
                // and functions, so the id must name one of them only.
                if !matches!(self.syms[sym].kind, Kind::Global | Kind::Data | Kind::Func) {
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
                let want_kind = if method == "data" { Kind::Data } else { Kind::Func };
                if self.syms[sym].kind != want_kind {
                    return bad(self, "a constant");
                }
                Ok(Some(format!(" (@reloc {method}{modifier} {}{})", sym_ref(self), addend_text(ty, r.addend))))
            }
            ImmRole::MemOffset => {
                let want_ty = if self.memory64 { MEMORY_ADDR_LEB64 } else { MEMORY_ADDR_LEB };
                if ty != want_ty || self.syms[sym].kind != Kind::Data {
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
