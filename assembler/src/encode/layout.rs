//! The `(@relwat.layout ...)` options that change the finished binary (read by
//! [`crate::parser::layout`]): padded section sizes and no `target_features` section.

use crate::ast::Layout;

/// Applies the options that concern the finished binary: `(section-size padded)` rewrites every
/// section size, and every subsection size of `linking`, as a 5-byte LEB; `(target-features
/// none)` drops the `target_features` section. Offsets inside sections (relocations, symbols) are
/// relative to section payloads, so neither changes them. A binary that does not parse is
/// returned as it is.
pub fn finish(layout: &Layout, bytes: Vec<u8>) -> Vec<u8> {
    if !layout.padded_sizes && !layout.no_target_features {
        return bytes;
    }
    rewrite(layout, &bytes).unwrap_or(bytes)
}

fn write_size(out: &mut Vec<u8>, v: u32, padded: bool) {
    if padded {
        out.extend_from_slice(&leb128fmt::encode_fixed_u32(v).expect("u32 fits in 5 bytes"));
    } else {
        use wasm_encoder::Encode;
        v.encode(out);
    }
}

fn rewrite(layout: &Layout, bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() + 64);
    out.extend_from_slice(bytes.get(..8)?);
    let mut pos = 8;
    while pos < bytes.len() {
        let id = bytes[pos];
        pos += 1;
        let size = crate::leb::read_u32(bytes, &mut pos)? as usize;
        let payload = bytes.get(pos..pos.checked_add(size)?)?;
        pos += size;
        let mut new_payload = None;
        if id == 0 {
            let mut p = 0;
            let len = crate::leb::read_u32(payload, &mut p)? as usize;
            let name = payload.get(p..p.checked_add(len)?)?;
            if layout.no_target_features && name == b"target_features" {
                continue;
            }
            if layout.padded_sizes && name == b"linking" {
                new_payload = Some(pad_linking(payload, p + len)?);
            }
        }
        let payload = new_payload.as_deref().unwrap_or(payload);
        out.push(id);
        write_size(&mut out, payload.len() as u32, layout.padded_sizes);
        out.extend_from_slice(payload);
    }
    Some(out)
}

/// The `linking` payload with every subsection size padded; `start` is where the version is.
fn pad_linking(payload: &[u8], start: usize) -> Option<Vec<u8>> {
    let mut out = payload[..start].to_vec();
    let mut pos = start;
    crate::leb::read_u32(payload, &mut pos)?;
    out.extend_from_slice(&payload[start..pos]);
    while pos < payload.len() {
        let id = payload[pos];
        pos += 1;
        let size = crate::leb::read_u32(payload, &mut pos)? as usize;
        let sub = payload.get(pos..pos.checked_add(size)?)?;
        pos += size;
        out.push(id);
        write_size(&mut out, size as u32, true);
        out.extend_from_slice(sub);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_sizes_and_drops_features() {
        // A module with a type section and two custom sections.
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        m.extend_from_slice(&[0, 12, 7, b'l', b'i', b'n', b'k', b'i', b'n', b'g', 2, 8, 1, 0]);
        m.extend_from_slice(b"\0\x10\x0ftarget_features");
        let l = Layout { padded_sizes: true, no_target_features: true, ..Layout::default() };
        let out = finish(&l, m);
        let mut want = b"\0asm\x01\0\0\0".to_vec();
        want.extend_from_slice(&[1, 0x84, 0x80, 0x80, 0x80, 0, 1, 0x60, 0, 0]);
        want.extend_from_slice(&[0, 0x90, 0x80, 0x80, 0x80, 0, 7, b'l', b'i', b'n', b'k', b'i', b'n', b'g', 2]);
        want.extend_from_slice(&[8, 0x81, 0x80, 0x80, 0x80, 0, 0]);
        assert_eq!(out, want);
    }
}
