//! Whether a known section other than code is encoded the way relwat writes it.
//!
//! relwat builds these sections with wasm-encoder, so their bytes are a function of their
//! contents: wasm-encoder's re-encoding of what wasmparser reads from a section is what relwat
//! writes for the text that section prints as. A section written another way (a padded LEB in a
//! count, a flag or an index; an explicit form where wasm-encoder writes the short one) prints as
//! text that re-assembles to other bytes, and the printer warns. The code section has its own,
//! finer checks (padded immediates, relocation sites).

use wasm_encoder::Encode;
use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasmparser::BinaryReader;

/// The offset in `payload` (the bytes after a section's id and size) of the first byte that
/// differs from relwat's encoding of the same contents, when one does. `None` when the section
/// is encoded as relwat writes it, is the code section or a custom section, or cannot be read
/// (reading errors are reported elsewhere).
pub(super) fn first_difference(id: u8, payload: &[u8]) -> Option<usize> {
    let canonical = reencode(id, payload)?;
    if canonical == payload {
        return None;
    }
    let at = payload.iter().zip(&canonical).position(|(a, b)| a != b);
    Some(at.unwrap_or(payload.len().min(canonical.len())))
}

/// In the code section, the offset in `payload` of the first LEB of its framing (the count of
/// bodies, a body's count of local declarations, each declaration's count) that is
/// not minimal, or of a local type not written in its shortest form. The instructions are
/// checked one by one elsewhere.
pub(super) fn code_framing_difference(payload: &[u8]) -> Option<usize> {
    let mut rd = BinaryReader::new(payload, 0);
    let minimal_u32 = |rd: &mut BinaryReader| -> Option<Result<u32, usize>> {
        let at = rd.original_position() as usize;
        let n = rd.read_var_u32().ok()?;
        let mut enc = Vec::new();
        n.encode(&mut enc);
        Some(if rd.original_position() as usize - at == enc.len() { Ok(n) } else { Err(at) })
    };
    let count = match minimal_u32(&mut rd)? {
        Ok(n) => n,
        Err(at) => return Some(at),
    };
    for _ in 0..count {
        // Padded body sizes have their own check and layout entry.
        let size = rd.read_var_u32().ok()? as usize;
        let body_end = rd.original_position() as usize + size;
        let decls = match minimal_u32(&mut rd)? {
            Ok(n) => n,
            Err(at) => return Some(at),
        };
        for _ in 0..decls {
            if let Err(at) = minimal_u32(&mut rd)? {
                return Some(at);
            }
            let at = rd.original_position() as usize;
            let ty: wasmparser::ValType = rd.read().ok()?;
            let mut enc = Vec::new();
            RoundtripReencoder.val_type(ty).ok()?.encode(&mut enc);
            if payload.get(at..rd.original_position() as usize)? != enc.as_slice() {
                return Some(at);
            }
        }
        if body_end > payload.len() || body_end < rd.original_position() as usize {
            return None;
        }
        rd = BinaryReader::new(&payload[body_end..], body_end as u64);
    }
    None
}

/// wasm-encoder's encoding of the section's contents, without its id and size.
fn reencode(id: u8, payload: &[u8]) -> Option<Vec<u8>> {
    let reader = || BinaryReader::new(payload, 0);
    let mut r = RoundtripReencoder;
    let mut out = Vec::new();
    match id {
        1 => {
            let mut s = wasm_encoder::TypeSection::new();
            r.parse_type_section(&mut s, wasmparser::TypeSectionReader::new(reader()).ok()?).ok()?;
            s.encode(&mut out);
        }
        2 => {
            let mut s = wasm_encoder::ImportSection::new();
            r.parse_import_section(&mut s, wasmparser::ImportSectionReader::new(reader()).ok()?).ok()?;
            s.encode(&mut out);
        }
        3 => {
            let mut s = wasm_encoder::FunctionSection::new();
            r.parse_function_section(&mut s, wasmparser::FunctionSectionReader::new(reader()).ok()?).ok()?;
            s.encode(&mut out);
        }
        4 => {
            let mut s = wasm_encoder::TableSection::new();
            r.parse_table_section(&mut s, wasmparser::TableSectionReader::new(reader()).ok()?).ok()?;
            s.encode(&mut out);
        }
        5 => {
            let mut s = wasm_encoder::MemorySection::new();
            r.parse_memory_section(&mut s, wasmparser::MemorySectionReader::new(reader()).ok()?).ok()?;
            s.encode(&mut out);
        }
        6 => {
            let mut s = wasm_encoder::GlobalSection::new();
            r.parse_global_section(&mut s, wasmparser::GlobalSectionReader::new(reader()).ok()?).ok()?;
            s.encode(&mut out);
        }
        7 => {
            let mut s = wasm_encoder::ExportSection::new();
            r.parse_export_section(&mut s, wasmparser::ExportSectionReader::new(reader()).ok()?).ok()?;
            s.encode(&mut out);
        }
        8 | 12 => {
            // The start function and the data count: one u32 each.
            let mut rd = reader();
            let n = rd.read_var_u32().ok()?;
            if !rd.eof() {
                return None;
            }
            n.encode(&mut out);
            return Some(out);
        }
        9 => {
            let mut s = wasm_encoder::ElementSection::new();
            r.parse_element_section(&mut s, wasmparser::ElementSectionReader::new(reader()).ok()?).ok()?;
            s.encode(&mut out);
        }
        11 => {
            let mut s = wasm_encoder::DataSection::new();
            r.parse_data_section(&mut s, wasmparser::DataSectionReader::new(reader()).ok()?).ok()?;
            s.encode(&mut out);
        }
        13 => {
            let mut s = wasm_encoder::TagSection::new();
            r.parse_tag_section(&mut s, wasmparser::TagSectionReader::new(reader()).ok()?).ok()?;
            s.encode(&mut out);
        }
        _ => return None,
    }
    // `encode` writes the section's size first.
    let mut rd = BinaryReader::new(&out, 0);
    let size = rd.read_var_u32().ok()? as usize;
    let start = rd.original_position() as usize;
    (start + size == out.len()).then(|| out[start..].to_vec())
}

/// The section's name as error messages give it.
pub(super) fn section_name(id: u8) -> &'static str {
    match id {
        1 => "type",
        2 => "import",
        3 => "function",
        4 => "table",
        5 => "memory",
        6 => "global",
        7 => "export",
        8 => "start",
        9 => "element",
        10 => "code",
        11 => "data",
        12 => "data count",
        13 => "tag",
        _ => "unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_sections_are_canonical_and_padded_ones_are_not() {
        // One active data segment at memory 0, offset i32.const 16, two bytes.
        let data = [0x01, 0x00, 0x41, 0x10, 0x0b, 0x02, 0xaa, 0xbb];
        assert_eq!(first_difference(11, &data), None);
        // Its flags as a padded LEB.
        let padded = [0x01, 0x80, 0x80, 0x80, 0x80, 0x00, 0x41, 0x10, 0x0b, 0x02, 0xaa, 0xbb];
        assert_eq!(first_difference(11, &padded), Some(1));
        // A padded count of functions.
        assert_eq!(first_difference(3, &[0x01, 0x00]), None);
        assert_eq!(first_difference(3, &[0x81, 0x00, 0x00]), Some(0));
        // The data count.
        assert_eq!(first_difference(12, &[0x02]), None);
        assert_eq!(first_difference(12, &[0x82, 0x00]), Some(0));
        // Code: one body with one local declaration of two i32s, then `end`.
        assert_eq!(code_framing_difference(&[0x01, 0x04, 0x01, 0x02, 0x7f, 0x0b]), None);
        assert_eq!(code_framing_difference(&[0x81, 0x00, 0x04, 0x01, 0x02, 0x7f, 0x0b]), Some(0));
        assert_eq!(code_framing_difference(&[0x01, 0x05, 0x81, 0x00, 0x02, 0x7f, 0x0b]), Some(2));
        assert_eq!(code_framing_difference(&[0x01, 0x05, 0x01, 0x82, 0x00, 0x7f, 0x0b]), Some(3));
        // Unreadable: no claim.
        assert_eq!(first_difference(11, &[0x05]), None);
    }
}
