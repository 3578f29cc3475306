//! LEB128 numbers as relwat reads and measures them by hand: widths of minimal encodings, and
//! readers that also say how many bytes a number took (padded LEBs are what objects are made
//! of). Minimal encodings are written with wasm-encoder's `Encode`, padded ones with
//! `leb128fmt`'s fixed-width encoders.

/// The width of the minimal unsigned LEB of `v`.
pub fn uleb_len(mut v: u64) -> usize {
    let mut n = 1;
    while v >= 0x80 {
        v >>= 7;
        n += 1;
    }
    n
}

/// The width of the minimal signed LEB of `v`.
pub fn sleb_len(mut v: i64) -> usize {
    let mut n = 1;
    loop {
        let byte = v & 0x7f;
        v >>= 7;
        if (v == 0 && byte & 0x40 == 0) || (v == -1 && byte & 0x40 != 0) {
            return n;
        }
        n += 1;
    }
}

/// An unsigned LEB at `*pos` (at most 10 bytes; bits past 64 are dropped), moving `*pos` past
/// it. `None` at the end of `bytes` or for a longer number.
pub fn read_u64(bytes: &[u8], pos: &mut usize) -> Option<u64> {
    let (mut v, mut shift) = (0u64, 0u32);
    loop {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        if shift < 64 {
            v |= ((b & 0x7f) as u64) << shift;
        }
        shift += 7;
        if b & 0x80 == 0 {
            return Some(v);
        }
        if shift >= 70 {
            return None;
        }
    }
}

/// A signed LEB at `*pos` (at most 10 bytes), moving `*pos` past it.
pub fn read_i64(bytes: &[u8], pos: &mut usize) -> Option<i64> {
    let (mut v, mut shift) = (0i128, 0u32);
    loop {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        v |= ((b & 0x7f) as i128) << shift;
        shift += 7;
        if b & 0x80 == 0 {
            if b & 0x40 != 0 {
                v |= -1i128 << shift;
            }
            return Some(v as i64);
        }
        if shift >= 70 {
            return None;
        }
    }
}

/// An unsigned LEB at `*pos` that fits in 32 bits (at most 5 bytes), moving `*pos` past it.
pub fn read_u32(bytes: &[u8], pos: &mut usize) -> Option<u32> {
    let start = *pos;
    let v = read_u64(bytes, pos)?;
    (*pos - start <= 5).then_some(v).and_then(|v| u32::try_from(v).ok())
}

/// Whether the unsigned LEB at `*pos` is minimal, moving `*pos` past it; `None` when there is no
/// LEB there.
pub fn read_u64_minimal(bytes: &[u8], pos: &mut usize) -> Option<(u64, bool)> {
    let start = *pos;
    let v = read_u64(bytes, pos)?;
    Some((v, *pos - start == uleb_len(v)))
}

/// Whether the signed LEB at `*pos` is minimal, moving `*pos` past it.
pub fn read_i64_minimal(bytes: &[u8], pos: &mut usize) -> Option<(i64, bool)> {
    let start = *pos;
    let v = read_i64(bytes, pos)?;
    Some((v, *pos - start == sleb_len(v)))
}

/// Writes `v` as an unsigned LEB of at least `width` bytes.
pub fn write_u64_padded(out: &mut Vec<u8>, mut v: u64, width: usize) {
    let mut n = 0;
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        n += 1;
        if v == 0 && n >= width {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_and_readers_agree() {
        for v in [0u64, 1, 0x7f, 0x80, 0x3fff, 0x4000, u32::MAX as u64, u64::MAX] {
            let mut out = Vec::new();
            write_u64_padded(&mut out, v, 0);
            assert_eq!(out.len(), uleb_len(v));
            let mut pos = 0;
            assert_eq!(read_u64_minimal(&out, &mut pos), Some((v, true)));
            let mut padded = Vec::new();
            write_u64_padded(&mut padded, v, 10);
            let mut pos = 0;
            assert_eq!(read_u64_minimal(&padded, &mut pos), Some((v, v >= 1 << 63)), "{v}");
        }
        for v in [0i64, -1, 63, 64, -64, -65, i32::MIN as i64, i64::MIN, i64::MAX] {
            let mut out = Vec::new();
            wasm_encoder::Encode::encode(&v, &mut out);
            assert_eq!(out.len(), sleb_len(v));
            let mut pos = 0;
            assert_eq!(read_i64_minimal(&out, &mut pos), Some((v, true)));
        }
        let mut pos = 0;
        assert_eq!(read_u32(&[0x80, 0x80, 0x80, 0x80, 0x10], &mut pos), None);
        let mut pos = 0;
        assert_eq!(read_u64(&[0x80], &mut pos), None);
    }
}
