//! Relocation types: the mapping from (format, method, modifier) of decisions.md A1, and the
//! facts about each type (width, addend, symbol kind).

use crate::ast::{RelocFormat, RelocMethod, RelocModifier};

/// Relocation type values as LLVM 22 defines them (`WasmRelocs.def`).
#[allow(missing_docs)]
pub mod ty {
    pub const FUNCTION_INDEX_LEB: u8 = 0;
    pub const TABLE_INDEX_SLEB: u8 = 1;
    pub const TABLE_INDEX_I32: u8 = 2;
    pub const MEMORY_ADDR_LEB: u8 = 3;
    pub const MEMORY_ADDR_SLEB: u8 = 4;
    pub const MEMORY_ADDR_I32: u8 = 5;
    pub const TYPE_INDEX_LEB: u8 = 6;
    pub const GLOBAL_INDEX_LEB: u8 = 7;
    pub const FUNCTION_OFFSET_I32: u8 = 8;
    pub const SECTION_OFFSET_I32: u8 = 9;
    pub const TAG_INDEX_LEB: u8 = 10;
    pub const MEMORY_ADDR_REL_SLEB: u8 = 11;
    pub const TABLE_INDEX_REL_SLEB: u8 = 12;
    pub const GLOBAL_INDEX_I32: u8 = 13;
    pub const MEMORY_ADDR_LEB64: u8 = 14;
    pub const MEMORY_ADDR_SLEB64: u8 = 15;
    pub const MEMORY_ADDR_I64: u8 = 16;
    pub const MEMORY_ADDR_REL_SLEB64: u8 = 17;
    pub const TABLE_INDEX_SLEB64: u8 = 18;
    pub const TABLE_INDEX_I64: u8 = 19;
    pub const TABLE_NUMBER_LEB: u8 = 20;
    pub const MEMORY_ADDR_TLS_SLEB: u8 = 21;
    pub const FUNCTION_OFFSET_I64: u8 = 22;
    pub const MEMORY_ADDR_LOCREL_I32: u8 = 23;
    pub const TABLE_INDEX_REL_SLEB64: u8 = 24;
    pub const MEMORY_ADDR_TLS_SLEB64: u8 = 25;
    pub const FUNCTION_INDEX_I32: u8 = 26;
    /// LLVM 23 (`WasmRelocs.def` after LLVM 22): LLVM 22's tools do not read it (D8).
    pub const MEMORY_ADDR_LOCREL_I64: u8 = 27;
}

/// The highest relocation type relwat knows.
pub const LAST: u8 = ty::MEMORY_ADDR_LOCREL_I64;

/// Whether LLVM 22's tools (wasm-ld-22, llvm-readobj-22) read relocations of this type.
pub fn known_to_llvm_22(t: u8) -> bool {
    t <= ty::FUNCTION_INDEX_I32
}

/// LLVM's name of a relocation type, e.g. `R_WASM_MEMORY_ADDR_SLEB`.
pub fn name(t: u8) -> &'static str {
    const NAMES: [&str; 28] = [
        "R_WASM_FUNCTION_INDEX_LEB",
        "R_WASM_TABLE_INDEX_SLEB",
        "R_WASM_TABLE_INDEX_I32",
        "R_WASM_MEMORY_ADDR_LEB",
        "R_WASM_MEMORY_ADDR_SLEB",
        "R_WASM_MEMORY_ADDR_I32",
        "R_WASM_TYPE_INDEX_LEB",
        "R_WASM_GLOBAL_INDEX_LEB",
        "R_WASM_FUNCTION_OFFSET_I32",
        "R_WASM_SECTION_OFFSET_I32",
        "R_WASM_TAG_INDEX_LEB",
        "R_WASM_MEMORY_ADDR_REL_SLEB",
        "R_WASM_TABLE_INDEX_REL_SLEB",
        "R_WASM_GLOBAL_INDEX_I32",
        "R_WASM_MEMORY_ADDR_LEB64",
        "R_WASM_MEMORY_ADDR_SLEB64",
        "R_WASM_MEMORY_ADDR_I64",
        "R_WASM_MEMORY_ADDR_REL_SLEB64",
        "R_WASM_TABLE_INDEX_SLEB64",
        "R_WASM_TABLE_INDEX_I64",
        "R_WASM_TABLE_NUMBER_LEB",
        "R_WASM_MEMORY_ADDR_TLS_SLEB",
        "R_WASM_FUNCTION_OFFSET_I64",
        "R_WASM_MEMORY_ADDR_LOCREL_I32",
        "R_WASM_TABLE_INDEX_REL_SLEB64",
        "R_WASM_MEMORY_ADDR_TLS_SLEB64",
        "R_WASM_FUNCTION_INDEX_I32",
        "R_WASM_MEMORY_ADDR_LOCREL_I64",
    ];
    NAMES.get(t as usize).copied().unwrap_or("R_WASM_UNKNOWN")
}

/// The relocation type for a (format, method, modifier), per decisions.md A1.
pub fn lookup(format: RelocFormat, method: RelocMethod, modifier: Option<RelocModifier>) -> Option<u8> {
    use RelocFormat as F;
    use RelocMethod as M;
    use RelocModifier as Mo;
    use ty::*;
    Some(match (format, method, modifier) {
        (F::Leb, M::Func, None) => FUNCTION_INDEX_LEB,
        (F::I32, M::Func, None) => FUNCTION_INDEX_I32,
        (F::Sleb, M::FuncTable, None) => TABLE_INDEX_SLEB,
        (F::I32, M::FuncTable, None) => TABLE_INDEX_I32,
        (F::Sleb64, M::FuncTable, None) => TABLE_INDEX_SLEB64,
        (F::I64, M::FuncTable, None) => TABLE_INDEX_I64,
        (F::Sleb, M::FuncTable, Some(Mo::Pic)) => TABLE_INDEX_REL_SLEB,
        (F::Sleb64, M::FuncTable, Some(Mo::Pic)) => TABLE_INDEX_REL_SLEB64,
        (F::Leb, M::Data, None) => MEMORY_ADDR_LEB,
        (F::Sleb, M::Data, None) => MEMORY_ADDR_SLEB,
        (F::I32, M::Data, None) => MEMORY_ADDR_I32,
        (F::Leb64, M::Data, None) => MEMORY_ADDR_LEB64,
        (F::Sleb64, M::Data, None) => MEMORY_ADDR_SLEB64,
        (F::I64, M::Data, None) => MEMORY_ADDR_I64,
        (F::Sleb, M::Data, Some(Mo::Pic)) => MEMORY_ADDR_REL_SLEB,
        (F::Sleb64, M::Data, Some(Mo::Pic)) => MEMORY_ADDR_REL_SLEB64,
        (F::I32, M::Data, Some(Mo::Pic)) => MEMORY_ADDR_LOCREL_I32,
        (F::I64, M::Data, Some(Mo::Pic)) => MEMORY_ADDR_LOCREL_I64,
        (F::Sleb, M::Data, Some(Mo::Tls)) => MEMORY_ADDR_TLS_SLEB,
        (F::Sleb64, M::Data, Some(Mo::Tls)) => MEMORY_ADDR_TLS_SLEB64,
        (F::Leb, M::Global, None) => GLOBAL_INDEX_LEB,
        (F::I32, M::Global, None) => GLOBAL_INDEX_I32,
        (F::Leb, M::Tag, None) => TAG_INDEX_LEB,
        (F::Leb, M::Table, None) => TABLE_NUMBER_LEB,
        (F::I32, M::FuncText, None) => FUNCTION_OFFSET_I32,
        (F::I64, M::FuncText, None) => FUNCTION_OFFSET_I64,
        (F::I32, M::CustomText, None) => SECTION_OFFSET_I32,
        _ => return None,
    })
}

/// Whether a relocation type carries an addend (`llvm::wasm::relocTypeHasAddend`).
pub fn has_addend(t: u8) -> bool {
    use ty::*;
    matches!(
        t,
        MEMORY_ADDR_LEB
            | MEMORY_ADDR_SLEB
            | MEMORY_ADDR_I32
            | FUNCTION_OFFSET_I32
            | SECTION_OFFSET_I32
            | MEMORY_ADDR_REL_SLEB
            | MEMORY_ADDR_LEB64
            | MEMORY_ADDR_SLEB64
            | MEMORY_ADDR_I64
            | MEMORY_ADDR_REL_SLEB64
            | MEMORY_ADDR_TLS_SLEB
            | FUNCTION_OFFSET_I64
            | MEMORY_ADDR_LOCREL_I32
            | MEMORY_ADDR_TLS_SLEB64
            | MEMORY_ADDR_LOCREL_I64
    )
}

/// Whether a relocation type puts a function into the indirect function table (`functable`).
pub fn is_table_index(t: u8) -> bool {
    use ty::*;
    matches!(
        t,
        TABLE_INDEX_SLEB
            | TABLE_INDEX_I32
            | TABLE_INDEX_SLEB64
            | TABLE_INDEX_I64
            | TABLE_INDEX_REL_SLEB
            | TABLE_INDEX_REL_SLEB64
    )
}

/// Whether a relocation type targets a function symbol: function indices, table indices and
/// function offsets.
pub fn targets_function(t: u8) -> bool {
    use ty::*;
    matches!(t, FUNCTION_INDEX_LEB | FUNCTION_INDEX_I32 | FUNCTION_OFFSET_I32 | FUNCTION_OFFSET_I64)
        || is_table_index(t)
}

/// Whether the addend is 64-bit (otherwise it must fit in 32 bits).
pub fn addend_is_64(t: u8) -> bool {
    use ty::*;
    matches!(
        t,
        MEMORY_ADDR_LEB64
            | MEMORY_ADDR_SLEB64
            | MEMORY_ADDR_I64
            | MEMORY_ADDR_REL_SLEB64
            | MEMORY_ADDR_TLS_SLEB64
            | FUNCTION_OFFSET_I64
            | MEMORY_ADDR_LOCREL_I64
    )
}

/// Bytes a relocation of type `t` rewrites; `None` for a type relwat does not know.
pub fn type_width(t: u8) -> Option<usize> {
    use ty::*;
    Some(match t {
        FUNCTION_INDEX_LEB | TABLE_INDEX_SLEB | MEMORY_ADDR_LEB | MEMORY_ADDR_SLEB | TYPE_INDEX_LEB
        | GLOBAL_INDEX_LEB | TAG_INDEX_LEB | MEMORY_ADDR_REL_SLEB | TABLE_INDEX_REL_SLEB | TABLE_NUMBER_LEB
        | MEMORY_ADDR_TLS_SLEB => 5,
        MEMORY_ADDR_LEB64
        | MEMORY_ADDR_SLEB64
        | TABLE_INDEX_SLEB64
        | TABLE_INDEX_REL_SLEB64
        | MEMORY_ADDR_REL_SLEB64
        | MEMORY_ADDR_TLS_SLEB64 => 10,
        TABLE_INDEX_I32
        | MEMORY_ADDR_I32
        | FUNCTION_OFFSET_I32
        | SECTION_OFFSET_I32
        | GLOBAL_INDEX_I32
        | MEMORY_ADDR_LOCREL_I32
        | FUNCTION_INDEX_I32 => 4,
        MEMORY_ADDR_I64 | TABLE_INDEX_I64 | FUNCTION_OFFSET_I64 | MEMORY_ADDR_LOCREL_I64 => 8,
        _ => return None,
    })
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

/// The text spelling of a format.
pub fn format_name(f: RelocFormat) -> &'static str {
    match f {
        RelocFormat::I32 => "i32",
        RelocFormat::I64 => "i64",
        RelocFormat::Leb => "leb",
        RelocFormat::Sleb => "sleb",
        RelocFormat::Leb64 => "leb64",
        RelocFormat::Sleb64 => "sleb64",
    }
}

/// The text spelling of a method.
pub fn method_name(m: RelocMethod) -> &'static str {
    match m {
        RelocMethod::Tag => "tag",
        RelocMethod::Table => "table",
        RelocMethod::Global => "global",
        RelocMethod::Func => "func",
        RelocMethod::FuncTable => "functable",
        RelocMethod::FuncText => "functext",
        RelocMethod::CustomText => "customtext",
        RelocMethod::Data => "data",
    }
}

/// The text spelling of a modifier.
pub fn modifier_name(m: RelocModifier) -> &'static str {
    match m {
        RelocModifier::Pic => "pic",
        RelocModifier::Tls => "tls",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_has_exactly_one_spelling() {
        use RelocFormat as F;
        use RelocMethod as M;
        let formats = [F::I32, F::I64, F::Leb, F::Sleb, F::Leb64, F::Sleb64];
        let methods = [M::Tag, M::Table, M::Global, M::Func, M::FuncTable, M::FuncText, M::CustomText, M::Data];
        let modifiers = [None, Some(RelocModifier::Pic), Some(RelocModifier::Tls)];
        let mut seen = [0; LAST as usize + 1];
        for f in formats {
            for m in methods {
                for mo in modifiers {
                    if let Some(t) = lookup(f, m, mo) {
                        seen[t as usize] += 1;
                    }
                }
            }
        }
        // TYPE_INDEX_LEB is implicit only; every other type has one spelling.
        for (t, n) in seen.iter().enumerate() {
            let expected = if t as u8 == ty::TYPE_INDEX_LEB { 0 } else { 1 };
            assert_eq!(*n, expected, "{}", name(t as u8));
        }
        assert_eq!(lookup(F::I64, M::Func, None), None);
    }

    #[test]
    fn widths_follow_the_formats() {
        use RelocFormat as F;
        use RelocMethod as M;
        for f in [F::I32, F::I64, F::Leb, F::Sleb, F::Leb64, F::Sleb64] {
            for m in [M::Tag, M::Table, M::Global, M::Func, M::FuncTable, M::FuncText, M::CustomText, M::Data] {
                for mo in [None, Some(RelocModifier::Pic), Some(RelocModifier::Tls)] {
                    if let Some(t) = lookup(f, m, mo) {
                        assert_eq!(type_width(t), Some(width(f) as usize), "{}", name(t));
                    }
                }
            }
        }
        assert_eq!(type_width(LAST + 1), None);
    }
}
