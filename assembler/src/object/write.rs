//! Binary encoding of the `linking`, `reloc.*` and `target_features` sections, appended after
//! the module's sections in the order LLVM's reader requires (C4).

use super::symbols::{DataDef, SymbolKind};
use super::{LinkingData, flags};
use crate::encode::Encoded;
use crate::linking;
use wasm_encoder::Encode;

const SEGMENT_INFO: u8 = 5;
const INIT_FUNCS: u8 = 6;
const COMDAT_INFO: u8 = 7;
const SYMBOL_TABLE: u8 = 8;

/// The object: the encoded module, then `linking`, `reloc.*`, `name`, `producers`,
/// `target_features`.
pub fn object_bytes(encoded: &Encoded, data: &LinkingData) -> Vec<u8> {
    let mut out = encoded.bytes.clone();
    custom(&mut out, "linking", &linking(data));
    for r in &data.relocs {
        let mut p = Vec::new();
        r.section.encode(&mut p);
        (r.entries.len() as u32).encode(&mut p);
        for e in &r.entries {
            p.push(e.ty);
            if data.padded_reloc_offsets {
                p.extend_from_slice(&leb128fmt::encode_fixed_u32(e.offset).expect("u32 fits in 5 bytes"));
            } else {
                e.offset.encode(&mut p);
            }
            e.index.encode(&mut p);
            if linking::has_addend(e.ty) {
                e.addend.encode(&mut p);
            }
        }
        custom(&mut out, &r.name, &p);
    }
    for name in ["name", "producers", "target_features"] {
        for (n, payload) in &encoded.late_customs {
            if n == name {
                // The payload already starts with the name.
                out.push(0);
                (payload.len() as u32).encode(&mut out);
                out.extend_from_slice(payload);
            }
        }
    }
    if !data.features.is_empty() {
        let mut p = Vec::new();
        (data.features.len() as u32).encode(&mut p);
        for f in &data.features {
            p.push(b'+');
            f.encode(&mut p);
        }
        custom(&mut out, "target_features", &p);
    }
    out
}

fn custom(out: &mut Vec<u8>, name: &str, payload: &[u8]) {
    let mut content = Vec::with_capacity(payload.len() + name.len() + 5);
    name.encode(&mut content);
    content.extend_from_slice(payload);
    out.push(0);
    (content.len() as u32).encode(out);
    out.extend_from_slice(&content);
}

fn subsection(out: &mut Vec<u8>, id: u8, payload: &[u8]) {
    out.push(id);
    (payload.len() as u32).encode(out);
    out.extend_from_slice(payload);
}

/// The `linking` payload: version 2, then symbol table, segment info, init funcs, comdats.
fn linking(data: &LinkingData) -> Vec<u8> {
    let mut out = Vec::new();
    2u32.encode(&mut out);
    if !data.symbols.is_empty() {
        let mut p = Vec::new();
        (data.symbols.len() as u32).encode(&mut p);
        for s in &data.symbols {
            p.push(s.kind as u8);
            s.flags.encode(&mut p);
            match s.kind {
                SymbolKind::Function | SymbolKind::Global | SymbolKind::Tag | SymbolKind::Table => {
                    s.index.encode(&mut p);
                    if s.flags & flags::UNDEFINED == 0 || s.flags & flags::EXPLICIT_NAME != 0 {
                        s.name.as_str().encode(&mut p);
                    }
                }
                SymbolKind::Data => {
                    s.name.as_str().encode(&mut p);
                    match s.data {
                        Some(DataDef::Segment { segment, offset, size }) => {
                            segment.encode(&mut p);
                            offset.encode(&mut p);
                            size.encode(&mut p);
                        }
                        Some(DataDef::Absolute { offset, size }) => {
                            0u32.encode(&mut p);
                            offset.encode(&mut p);
                            size.encode(&mut p);
                        }
                        None => {}
                    }
                }
                SymbolKind::Section => s.index.encode(&mut p),
            }
        }
        subsection(&mut out, SYMBOL_TABLE, &p);
    }
    if !data.segments.is_empty() {
        let mut p = Vec::new();
        (data.segments.len() as u32).encode(&mut p);
        for s in &data.segments {
            s.name.as_str().encode(&mut p);
            s.align_log2.encode(&mut p);
            s.flags.encode(&mut p);
        }
        subsection(&mut out, SEGMENT_INFO, &p);
    }
    if !data.init_funcs.is_empty() {
        let mut p = Vec::new();
        (data.init_funcs.len() as u32).encode(&mut p);
        for (prio, sym) in &data.init_funcs {
            prio.encode(&mut p);
            sym.encode(&mut p);
        }
        subsection(&mut out, INIT_FUNCS, &p);
    }
    if !data.comdats.is_empty() {
        let mut p = Vec::new();
        (data.comdats.len() as u32).encode(&mut p);
        for c in &data.comdats {
            c.name.as_str().encode(&mut p);
            0u32.encode(&mut p);
            (c.members.len() as u32).encode(&mut p);
            for (kind, index) in &c.members {
                p.push(*kind);
                index.encode(&mut p);
            }
        }
        subsection(&mut out, COMDAT_INFO, &p);
    }
    out
}
