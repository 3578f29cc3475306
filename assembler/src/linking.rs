//! The linking vocabulary in one place: every relocation type (one row of `relocs!`) and every
//! word of the linking annotations. The parser, the object writer, the printer, the language
//! server and both grammars read these tables (the grammars' generators read this file's text:
//! keep the word tables as `("word", ...)` and `q("word", ...)` rows).
//!
//! Adding a relocation type is adding a row: its constant in [`ty`], its LLVM name, its spelling
//! and its facts all come from that row.

use crate::ast::{RelocFormat, RelocMethod, RelocModifier};

/// What an immediate is, for relocation purposes: the places in code a relocation can stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImmRole {
    /// A function index (`call`, `return_call`, `ref.func`).
    Func,
    /// A global index.
    Global,
    /// A tag index.
    Tag,
    /// A table index.
    Table,
    /// A type index (`call_indirect`, block types).
    Type,
    /// The constant of `i32.const`.
    I32Const,
    /// The constant of `i64.const`.
    I64Const,
    /// A memory argument's offset.
    MemOffset,
}

/// Where a relocation type can be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// After an immediate of this role in code.
    Imm(ImmRole),
    /// Among the bytes of a data segment or a custom section.
    Bytes,
}

/// Whether a relocation carries an addend, and how wide it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddendWidth {
    /// No addend.
    None,
    /// A signed addend that must fit in 32 bits.
    I32,
    /// A signed 64-bit addend.
    I64,
}

/// The kind of symbol (or entity) a relocation refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A function symbol.
    Function,
    /// A function symbol, whose function is put into the indirect function table.
    TableSlot,
    /// A data symbol.
    Data,
    /// A global symbol (or, at a global index, a GOT entry of a data or function symbol).
    Global,
    /// A tag symbol.
    Tag,
    /// A table symbol.
    Table,
    /// A section symbol.
    Section,
    /// A type index (no symbol).
    Type,
}

/// One relocation type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RelocRow {
    /// The type's number in `reloc.*` sections.
    pub ty: u8,
    /// LLVM's name, e.g. `R_WASM_MEMORY_ADDR_SLEB`.
    pub name: &'static str,
    /// How `(@reloc ...)` spells it (decisions.md A1); `None` for the type written implicitly
    /// only (`R_WASM_TYPE_INDEX_LEB`, at type indices).
    pub spelling: Option<(RelocFormat, RelocMethod, Option<RelocModifier>)>,
    /// Bytes it rewrites.
    pub width: u8,
    /// Its addend.
    pub addend: AddendWidth,
    /// What it refers to.
    pub target: Target,
    /// Where it can be written.
    pub places: &'static [Place],
    /// The first LLVM release whose tools read it.
    pub llvm: u8,
}

macro_rules! relocs {
    ($($name:ident = $ty:literal, $spelling:expr, width $width:literal, addend $addend:ident,
       $target:ident, [$($place:expr),*], llvm $llvm:literal;)*) => {
        /// Relocation type numbers, as LLVM defines them (`WasmRelocs.def`).
        #[allow(missing_docs)]
        pub mod ty {
            $(pub const $name: u8 = $ty;)*
        }

        /// Every relocation type relwat knows, indexed by its number.
        pub static RELOCS: &[RelocRow] = &[$(RelocRow {
            ty: $ty,
            name: concat!("R_WASM_", stringify!($name)),
            spelling: $spelling,
            width: $width,
            addend: AddendWidth::$addend,
            target: Target::$target,
            places: &[$($place),*],
            llvm: $llvm,
        }),*];
    };
}

use ImmRole as R;
use Place::{Bytes, Imm};
use RelocFormat as F;
use RelocMethod as M;
use RelocModifier as Mo;

const fn s(f: F, m: M, mo: Option<Mo>) -> Option<(F, M, Option<Mo>)> {
    Some((f, m, mo))
}

relocs! {
    FUNCTION_INDEX_LEB = 0, s(F::Leb, M::Func, None), width 5, addend None, Function, [Imm(R::Func)], llvm 10;
    TABLE_INDEX_SLEB = 1, s(F::Sleb, M::FuncTable, None), width 5, addend None, TableSlot, [Imm(R::I32Const)], llvm 10;
    TABLE_INDEX_I32 = 2, s(F::I32, M::FuncTable, None), width 4, addend None, TableSlot, [Bytes], llvm 10;
    MEMORY_ADDR_LEB = 3, s(F::Leb, M::Data, None), width 5, addend I32, Data, [Imm(R::MemOffset)], llvm 10;
    MEMORY_ADDR_SLEB = 4, s(F::Sleb, M::Data, None), width 5, addend I32, Data, [Imm(R::I32Const)], llvm 10;
    MEMORY_ADDR_I32 = 5, s(F::I32, M::Data, None), width 4, addend I32, Data, [Bytes], llvm 10;
    TYPE_INDEX_LEB = 6, None, width 5, addend None, Type, [Imm(R::Type)], llvm 10;
    GLOBAL_INDEX_LEB = 7, s(F::Leb, M::Global, None), width 5, addend None, Global,
        [Imm(R::Global), Imm(R::I32Const), Imm(R::I64Const)], llvm 10;
    FUNCTION_OFFSET_I32 = 8, s(F::I32, M::FuncText, None), width 4, addend I32, Function, [Bytes], llvm 10;
    SECTION_OFFSET_I32 = 9, s(F::I32, M::CustomText, None), width 4, addend I32, Section, [Bytes], llvm 10;
    TAG_INDEX_LEB = 10, s(F::Leb, M::Tag, None), width 5, addend None, Tag, [Imm(R::Tag)], llvm 10;
    MEMORY_ADDR_REL_SLEB = 11, s(F::Sleb, M::Data, Some(Mo::Pic)), width 5, addend I32, Data, [Imm(R::I32Const)], llvm 10;
    TABLE_INDEX_REL_SLEB = 12, s(F::Sleb, M::FuncTable, Some(Mo::Pic)), width 5, addend None, TableSlot,
        [Imm(R::I32Const)], llvm 10;
    GLOBAL_INDEX_I32 = 13, s(F::I32, M::Global, None), width 4, addend None, Global, [Bytes], llvm 11;
    MEMORY_ADDR_LEB64 = 14, s(F::Leb64, M::Data, None), width 10, addend I64, Data, [Imm(R::MemOffset)], llvm 11;
    MEMORY_ADDR_SLEB64 = 15, s(F::Sleb64, M::Data, None), width 10, addend I64, Data, [Imm(R::I64Const)], llvm 11;
    MEMORY_ADDR_I64 = 16, s(F::I64, M::Data, None), width 8, addend I64, Data, [Bytes], llvm 11;
    MEMORY_ADDR_REL_SLEB64 = 17, s(F::Sleb64, M::Data, Some(Mo::Pic)), width 10, addend I64, Data,
        [Imm(R::I64Const)], llvm 11;
    TABLE_INDEX_SLEB64 = 18, s(F::Sleb64, M::FuncTable, None), width 10, addend None, TableSlot,
        [Imm(R::I64Const)], llvm 12;
    TABLE_INDEX_I64 = 19, s(F::I64, M::FuncTable, None), width 8, addend None, TableSlot, [Bytes], llvm 12;
    TABLE_NUMBER_LEB = 20, s(F::Leb, M::Table, None), width 5, addend None, Table, [Imm(R::Table)], llvm 12;
    MEMORY_ADDR_TLS_SLEB = 21, s(F::Sleb, M::Data, Some(Mo::Tls)), width 5, addend I32, Data, [Imm(R::I32Const)], llvm 12;
    FUNCTION_OFFSET_I64 = 22, s(F::I64, M::FuncText, None), width 8, addend I64, Function, [Bytes], llvm 12;
    MEMORY_ADDR_LOCREL_I32 = 23, s(F::I32, M::Data, Some(Mo::Pic)), width 4, addend I32, Data, [Bytes], llvm 13;
    TABLE_INDEX_REL_SLEB64 = 24, s(F::Sleb64, M::FuncTable, Some(Mo::Pic)), width 10, addend None, TableSlot,
        [Imm(R::I64Const)], llvm 13;
    MEMORY_ADDR_TLS_SLEB64 = 25, s(F::Sleb64, M::Data, Some(Mo::Tls)), width 10, addend I64, Data,
        [Imm(R::I64Const)], llvm 13;
    FUNCTION_INDEX_I32 = 26, s(F::I32, M::Func, None), width 4, addend None, Function, [Bytes], llvm 17;
    MEMORY_ADDR_LOCREL_I64 = 27, s(F::I64, M::Data, Some(Mo::Pic)), width 8, addend I64, Data, [Bytes], llvm 23;
}

/// The highest relocation type relwat knows.
pub const LAST: u8 = (RELOCS.len() - 1) as u8;

/// The row of type `t`, if relwat knows it.
pub fn row(t: u8) -> Option<&'static RelocRow> {
    RELOCS.get(t as usize)
}

/// Whether LLVM 22's tools (wasm-ld-22, llvm-readobj-22) read relocations of this type.
pub fn known_to_llvm_22(t: u8) -> bool {
    row(t).is_some_and(|r| r.llvm <= 22)
}

/// LLVM's name of a relocation type, e.g. `R_WASM_MEMORY_ADDR_SLEB`.
pub fn name(t: u8) -> &'static str {
    row(t).map_or("R_WASM_UNKNOWN", |r| r.name)
}

/// The relocation type for a (format, method, modifier), per decisions.md A1.
pub fn lookup(format: RelocFormat, method: RelocMethod, modifier: Option<RelocModifier>) -> Option<u8> {
    RELOCS.iter().find(|r| r.spelling == Some((format, method, modifier))).map(|r| r.ty)
}

/// How `(@reloc ...)` spells type `t`: its format, method and modifier words.
pub fn spelling(t: u8) -> Option<(&'static str, &'static str, Option<&'static str>)> {
    let (f, m, mo) = row(t)?.spelling?;
    Some((format_name(f), method_name(m), mo.map(modifier_name)))
}

/// Whether a relocation type carries an addend (`llvm::wasm::relocTypeHasAddend`).
pub fn has_addend(t: u8) -> bool {
    row(t).is_some_and(|r| r.addend != AddendWidth::None)
}

/// Whether the addend is 64-bit (otherwise it must fit in 32 bits).
pub fn addend_is_64(t: u8) -> bool {
    row(t).is_some_and(|r| r.addend == AddendWidth::I64)
}

/// Whether a relocation type puts a function into the indirect function table (`functable`).
pub fn is_table_index(t: u8) -> bool {
    row(t).is_some_and(|r| r.target == Target::TableSlot)
}

/// Whether a relocation type targets a function symbol: function indices, table indices and
/// function offsets.
pub fn targets_function(t: u8) -> bool {
    row(t).is_some_and(|r| matches!(r.target, Target::Function | Target::TableSlot))
}

/// Bytes a relocation of type `t` rewrites; `None` for a type relwat does not know.
pub fn type_width(t: u8) -> Option<usize> {
    row(t).map(|r| r.width as usize)
}

/// Bytes a relocation of this format rewrites.
pub fn width(format: RelocFormat) -> u32 {
    match format {
        RelocFormat::I32 => 4,
        RelocFormat::I64 => 8,
        RelocFormat::Leb | RelocFormat::Sleb => 5,
        RelocFormat::Leb64 | RelocFormat::Sleb64 => 10,
    }
}

/// The format words of `(@reloc ...)`, one per row.
pub const FORMAT_WORDS: &[(&str, RelocFormat)] = &[
    ("i32", RelocFormat::I32),
    ("i64", RelocFormat::I64),
    ("leb", RelocFormat::Leb),
    ("sleb", RelocFormat::Sleb),
    ("leb64", RelocFormat::Leb64),
    ("sleb64", RelocFormat::Sleb64),
];

/// The method words of `(@reloc ...)`, one per row.
pub const METHOD_WORDS: &[(&str, RelocMethod)] = &[
    ("tag", RelocMethod::Tag),
    ("table", RelocMethod::Table),
    ("global", RelocMethod::Global),
    ("func", RelocMethod::Func),
    ("functable", RelocMethod::FuncTable),
    ("functext", RelocMethod::FuncText),
    ("customtext", RelocMethod::CustomText),
    ("data", RelocMethod::Data),
];

/// Other spellings of method words, accepted with a warning: (word, what it means).
pub const METHOD_ALIASES: &[(&str, RelocMethod)] = &[
    // The proposal's text writes `functbl` once.
    ("functbl", RelocMethod::FuncTable),
];

/// The modifier words of `(@reloc ...)`, one per row.
pub const MODIFIER_WORDS: &[(&str, RelocModifier)] = &[("pic", RelocModifier::Pic), ("tls", RelocModifier::Tls)];

/// `(@reloc none)`: the immediate stays unrelocated.
pub const RELOC_NONE: &str = "none";

/// The format a word names.
pub fn format_of(word: &str) -> Option<RelocFormat> {
    FORMAT_WORDS.iter().find(|(w, _)| *w == word).map(|(_, f)| *f)
}

/// The method a word names (an alias included).
pub fn method_of(word: &str) -> Option<RelocMethod> {
    METHOD_WORDS.iter().chain(METHOD_ALIASES).find(|(w, _)| *w == word).map(|(_, m)| *m)
}

/// The modifier a word names.
pub fn modifier_of(word: &str) -> Option<RelocModifier> {
    MODIFIER_WORDS.iter().find(|(w, _)| *w == word).map(|(_, m)| *m)
}

/// The text spelling of a format.
pub fn format_name(f: RelocFormat) -> &'static str {
    FORMAT_WORDS.iter().find(|(_, x)| *x == f).map_or("?", |(w, _)| w)
}

/// The text spelling of a method.
pub fn method_name(m: RelocMethod) -> &'static str {
    METHOD_WORDS.iter().find(|(_, x)| *x == m).map_or("?", |(w, _)| w)
}

/// The text spelling of a modifier.
pub fn modifier_name(m: RelocModifier) -> &'static str {
    MODIFIER_WORDS.iter().find(|(_, x)| *x == m).map_or("?", |(w, _)| w)
}

/// A qualifier of `(@sym ...)` or `(@sym.segment ...)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QualifierWord {
    /// The word.
    pub word: &'static str,
    /// Whether it is written as a list with a value, `(word VALUE)`.
    pub list: bool,
    /// The group of qualifiers of which at most one may be written.
    pub group: &'static str,
    /// What it sets, in LLVM's words where it is a flag.
    pub meaning: &'static str,
}

const fn q(word: &'static str, list: bool, group: &'static str, meaning: &'static str) -> QualifierWord {
    QualifierWord { word, list, group, meaning }
}

/// The qualifiers of `(@sym ...)` and `(@sym.import.data ...)`, one per row.
pub const SYM_QUALIFIERS: &[QualifierWord] = &[
    q("global", false, "binding", "binding: global (the default)"),
    q("local", false, "binding", "WASM_SYM_BINDING_LOCAL"),
    q("weak", false, "binding", "WASM_SYM_BINDING_WEAK"),
    q("default", false, "visibility", "visibility: default"),
    q("hidden", false, "visibility", "WASM_SYM_VISIBILITY_HIDDEN"),
    q("retain", false, "retain", "WASM_SYM_NO_STRIP"),
    q("tls", false, "tls", "WASM_SYM_TLS"),
    q("size", true, "size", "the data symbol's size"),
    q("offset", true, "offset", "the data symbol's offset (an absolute symbol when imported)"),
    q("name", true, "name", "the symbol's name in the object"),
    q("init_prio", true, "init_prio", "an init function entry with this priority"),
    q("comdat", true, "comdat", "the comdat it belongs to"),
];

/// `(@sym none)`: no symbol at all.
pub const SYM_NONE: &str = "none";

/// The qualifiers of `(@sym.segment ...)`, one per row.
pub const SEG_QUALIFIERS: &[QualifierWord] = &[
    q("strings", false, "strings", "WASM_SEGMENT_FLAG_STRINGS"),
    q("tls", false, "tls", "WASM_SEGMENT_FLAG_TLS"),
    q("retain", false, "retain", "WASM_SEG_FLAG_RETAIN"),
    q("align", true, "align", "the segment's alignment in bytes"),
    q("name", true, "name", "the segment's name"),
];

/// The row of a symbol qualifier.
pub fn sym_qualifier(word: &str) -> Option<&'static QualifierWord> {
    SYM_QUALIFIERS.iter().find(|x| x.word == word)
}

/// The row of a segment qualifier.
pub fn seg_qualifier(word: &str) -> Option<&'static QualifierWord> {
    SEG_QUALIFIERS.iter().find(|x| x.word == word)
}

/// The qualifiers of a table as a help text: `global local ... (size N) (name "...")`.
pub fn qualifiers_help(table: &[QualifierWord]) -> String {
    let mut out: Vec<String> = table.iter().filter(|x| !x.list).map(|x| x.word.to_string()).collect();
    out.extend(table.iter().filter(|x| x.list).map(|x| match x.word {
        "name" => "(name \"...\")".to_string(),
        "comdat" => "(comdat $c)".to_string(),
        w => format!("({w} N)"),
    }));
    out.join(" ")
}

/// The components of `(@reloc ...)` as a help text.
pub fn reloc_words_help() -> String {
    let words = |v: Vec<&str>| v.join(" ");
    format!(
        "formats: {}; methods: {}; modifiers: {}",
        words(FORMAT_WORDS.iter().map(|x| x.0).collect()),
        words(METHOD_WORDS.iter().map(|x| x.0).collect()),
        words(MODIFIER_WORDS.iter().map(|x| x.0).collect()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_numbered_by_their_type() {
        for (i, r) in RELOCS.iter().enumerate() {
            assert_eq!(r.ty as usize, i, "{}", r.name);
        }
        assert_eq!(LAST, ty::MEMORY_ADDR_LOCREL_I64);
        assert_eq!(name(ty::MEMORY_ADDR_TLS_SLEB), "R_WASM_MEMORY_ADDR_TLS_SLEB");
        assert_eq!(name(LAST + 1), "R_WASM_UNKNOWN");
    }

    #[test]
    fn every_spelled_type_has_exactly_one_spelling() {
        for r in RELOCS {
            let Some((f, m, mo)) = r.spelling else {
                assert_eq!(r.ty, ty::TYPE_INDEX_LEB);
                continue;
            };
            assert_eq!(lookup(f, m, mo), Some(r.ty), "{}", r.name);
            assert_eq!(RELOCS.iter().filter(|x| x.spelling == r.spelling).count(), 1, "{}", r.name);
            // The width follows the format.
            assert_eq!(r.width as u32, width(f), "{}", r.name);
            let (fw, mw, mow) = spelling(r.ty).expect("spelled");
            assert_eq!((format_of(fw), method_of(mw), mow.and_then(modifier_of)), (Some(f), Some(m), mo));
        }
        assert_eq!(lookup(F::I64, M::Func, None), None);
    }

    #[test]
    fn facts_follow_llvm() {
        // `llvm::wasm::relocTypeHasAddend`.
        let with_addend: Vec<u8> = RELOCS.iter().filter(|r| has_addend(r.ty)).map(|r| r.ty).collect();
        assert_eq!(with_addend, [3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25, 27]);
        assert!(known_to_llvm_22(ty::FUNCTION_INDEX_I32));
        assert!(!known_to_llvm_22(ty::MEMORY_ADDR_LOCREL_I64));
        assert_eq!(type_width(LAST + 1), None);
        // Places: LEBs stand at immediates, fixed-width fields among bytes.
        for r in RELOCS {
            for p in r.places {
                match p {
                    Place::Bytes => assert!(matches!(r.width, 4 | 8), "{}", r.name),
                    Place::Imm(_) => assert!(matches!(r.width, 5 | 10), "{}", r.name),
                }
            }
        }
    }

    /// The parser accepts every word of the tables where it stands, and no other.
    #[test]
    fn the_parser_reads_the_words_of_the_tables() {
        let errors = |text: &str| {
            let p = crate::parser::parse(text);
            p.diagnostics.iter().filter(|d| d.severity == crate::diagnostic::Severity::Error).count()
        };
        for q in SYM_QUALIFIERS {
            let value = match q.word {
                "name" => " \"n\"",
                "comdat" => " $c",
                _ if q.list => " 1",
                _ => "",
            };
            let word = if q.list { format!("({}{value})", q.word) } else { q.word.to_string() };
            let text = format!("(module (@comdat $c \"c\") (func $f (@sym {word})))");
            assert_eq!(errors(&text), 0, "{text}");
        }
        for q in SEG_QUALIFIERS {
            let word = match (q.list, q.word) {
                (false, w) => w.to_string(),
                (true, "name") => "(name \"n\")".to_string(),
                (true, w) => format!("({w} 1)"),
            };
            let text = format!("(module (memory 1) (data $d (@sym.segment {word}) (i32.const 0) \"x\"))");
            assert_eq!(errors(&text), 0, "{text}");
        }
        for &(f, _) in FORMAT_WORDS {
            for &(m, _) in METHOD_WORDS.iter().chain(METHOD_ALIASES) {
                let text = format!("(module (memory 1) (data (i32.const 0) \"xxxx\" (@reloc {f} {m} $s)))");
                assert_eq!(errors(&text), 0, "{text}");
            }
        }
        for &(mo, _) in MODIFIER_WORDS {
            let text = format!("(module (memory 1) (data (i32.const 0) \"xxxx\" (@reloc i32 data {mo} $s)))");
            assert_eq!(errors(&text), 0, "{text}");
        }
        for text in [
            "(module (func $f (@sym strong)))",
            "(module (memory 1) (data $d (@sym.segment weak) (i32.const 0) \"x\"))",
            "(module (memory 1) (data (i32.const 0) \"xxxx\" (@reloc i16 data $s)))",
        ] {
            assert!(errors(text) > 0, "{text}");
        }
    }

    #[test]
    fn words_are_unique_within_their_table() {
        for words in [
            FORMAT_WORDS.iter().map(|x| x.0).collect::<Vec<_>>(),
            METHOD_WORDS.iter().chain(METHOD_ALIASES).map(|x| x.0).collect(),
            MODIFIER_WORDS.iter().map(|x| x.0).collect(),
            SYM_QUALIFIERS.iter().map(|x| x.word).collect(),
            SEG_QUALIFIERS.iter().map(|x| x.word).collect(),
        ] {
            let mut sorted = words.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), words.len(), "{words:?}");
        }
    }
}
