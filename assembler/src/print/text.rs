//! Small text helpers: ids, strings, numbers and types as the relwat parser reads them.

use crate::literals::is_idchar;
use std::fmt::Write;
use wasmparser::{AbstractHeapType, HeapType, RefType, StorageType, ValType};

/// `$name`, or `$"name"` when the name has characters an id cannot hold. `name` must not be empty.
pub(crate) fn id(name: &str) -> String {
    if !name.is_empty() && name.bytes().all(is_idchar) {
        let mut s = String::with_capacity(name.len() + 1);
        s.push('$');
        s.push_str(name);
        s
    } else {
        let mut s = String::from("$");
        string(&mut s, name.as_bytes());
        s
    }
}

/// Appends a string literal with the bytes.
pub(crate) fn string(out: &mut String, bytes: &[u8]) {
    out.push('"');
    string_body(out, bytes);
    out.push('"');
}

/// Appends the escaped bytes of a string literal (without quotes). Valid UTF-8 other than ASCII
/// is kept as is; everything else that is not printable ASCII becomes `\hh`.
pub(crate) fn string_body(out: &mut String, bytes: &[u8]) {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x20..=0x7e => out.push(b as char),
            0x80.. => {
                // A whole UTF-8 character is printed as itself.
                let len = match b {
                    0xc2..=0xdf => 2,
                    0xe0..=0xef => 3,
                    0xf0..=0xf4 => 4,
                    _ => 0,
                };
                if len > 0
                    && let Some(chunk) = bytes.get(i..i + len)
                    && let Ok(s) = std::str::from_utf8(chunk)
                {
                    out.push_str(s);
                    i += len;
                    continue;
                }
                let _ = write!(out, "\\{b:02x}");
            }
            _ => {
                let _ = write!(out, "\\{b:02x}");
            }
        }
        i += 1;
    }
}

/// An `f32` constant that reads back as exactly these bits.
pub(crate) fn f32_text(bits: u32) -> String {
    let sign = if bits >> 31 != 0 { "-" } else { "" };
    let exp = (bits >> 23) & 0xff;
    let mant = bits & 0x7f_ffff;
    if exp == 0xff {
        return if mant == 0 { format!("{sign}inf") } else { format!("{sign}nan:0x{mant:x}") };
    }
    let v = f32::from_bits(bits);
    let dec = format!("{v:?}");
    if crate::literals::parse_f32(&dec) == Some(bits) {
        return dec;
    }
    // Hexadecimal: exact by construction.
    let (lead, e) = if exp == 0 { (0, -126) } else { (1, exp as i32 - 127) };
    let frac = format!("{:06x}", mant << 1);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() { format!("{sign}0x{lead}p{e:+}") } else { format!("{sign}0x{lead}.{frac}p{e:+}") }
}

/// An `f64` constant that reads back as exactly these bits.
pub(crate) fn f64_text(bits: u64) -> String {
    let sign = if bits >> 63 != 0 { "-" } else { "" };
    let exp = (bits >> 52) & 0x7ff;
    let mant = bits & 0xf_ffff_ffff_ffff;
    if exp == 0x7ff {
        return if mant == 0 { format!("{sign}inf") } else { format!("{sign}nan:0x{mant:x}") };
    }
    let v = f64::from_bits(bits);
    let dec = format!("{v:?}");
    if crate::literals::parse_f64(&dec) == Some(bits) {
        return dec;
    }
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp as i64 - 1023) };
    let frac = format!("{mant:013x}");
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() { format!("{sign}0x{lead}p{e:+}") } else { format!("{sign}0x{lead}.{frac}p{e:+}") }
}

/// How type indices are printed (by id when the printer names them).
pub(crate) trait TypeNames {
    /// The text of type `index`.
    fn type_ref(&self, index: u32) -> String;
}

/// A value type.
pub(crate) fn valtype(out: &mut String, t: ValType, names: &dyn TypeNames) {
    match t {
        ValType::I32 => out.push_str("i32"),
        ValType::I64 => out.push_str("i64"),
        ValType::F32 => out.push_str("f32"),
        ValType::F64 => out.push_str("f64"),
        ValType::V128 => out.push_str("v128"),
        ValType::Ref(r) => reftype(out, r, names),
    }
}

/// A storage type.
pub(crate) fn storage(out: &mut String, t: StorageType, names: &dyn TypeNames) {
    match t {
        StorageType::I8 => out.push_str("i8"),
        StorageType::I16 => out.push_str("i16"),
        StorageType::Val(v) => valtype(out, v, names),
    }
}

fn abstract_name(ty: AbstractHeapType) -> &'static str {
    use AbstractHeapType as A;
    match ty {
        A::Func => "func",
        A::Extern => "extern",
        A::Any => "any",
        A::None => "none",
        A::NoExtern => "noextern",
        A::NoFunc => "nofunc",
        A::Eq => "eq",
        A::Struct => "struct",
        A::Array => "array",
        A::I31 => "i31",
        A::Exn => "exn",
        A::NoExn => "noexn",
        A::Cont => "cont",
        A::NoCont => "nocont",
    }
}

/// A reference type: the shorthand when there is one.
pub(crate) fn reftype(out: &mut String, r: RefType, names: &dyn TypeNames) {
    if r.is_nullable()
        && let HeapType::Abstract { shared: false, ty } = r.heap_type()
    {
        let short = match abstract_name(ty) {
            "none" => "nullref".to_string(),
            "noextern" => "nullexternref".into(),
            "nofunc" => "nullfuncref".into(),
            "noexn" => "nullexnref".into(),
            "nocont" => "nullcontref".into(),
            other => format!("{other}ref"),
        };
        out.push_str(&short);
        return;
    }
    out.push_str(if r.is_nullable() { "(ref null " } else { "(ref " });
    heaptype(out, r.heap_type(), names);
    out.push(')');
}

/// A heap type.
pub(crate) fn heaptype(out: &mut String, h: HeapType, names: &dyn TypeNames) {
    match h {
        HeapType::Abstract { shared: false, ty } => out.push_str(abstract_name(ty)),
        HeapType::Abstract { shared: true, ty } => {
            out.push_str("(shared ");
            out.push_str(abstract_name(ty));
            out.push(')');
        }
        HeapType::Concrete(i) => match i.as_module_index() {
            Some(i) => out.push_str(&names.type_ref(i)),
            None => out.push('0'),
        },
        HeapType::Exact(i) => {
            out.push_str("(exact ");
            match i.as_module_index() {
                Some(i) => out.push_str(&names.type_ref(i)),
                None => out.push('0'),
            }
            out.push(')');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert_eq!(id("main"), "$main");
        assert_eq!(id(".L.str"), "$.L.str");
        assert_eq!(id("a b"), "$\"a b\"");
        assert_eq!(id("q\"x"), "$\"q\\\"x\"");
    }

    #[test]
    fn floats_read_back_exactly() {
        for bits in [0u32, 0x8000_0000, 1, 0x3fc0_0000, 0x7f7f_ffff, 0x7fc0_0000, 0xff80_0001, 0x0000_8001, 0x3eaa_aaab]
        {
            let t = f32_text(bits);
            assert_eq!(crate::literals::parse_f32(&t), Some(bits), "{t}");
        }
        for bits in
            [0u64, 1, 0x3ff8_0000_0000_0000, 0x7fef_ffff_ffff_ffff, 0xfff8_0000_0000_0001, 0x3fd5_5555_5555_5555]
        {
            let t = f64_text(bits);
            assert_eq!(crate::literals::parse_f64(&t), Some(bits), "{t}");
        }
    }

    #[test]
    fn strings() {
        let mut s = String::new();
        string(&mut s, b"a\"\\\n\x00\xff\xc3\xa9");
        assert_eq!(s, "\"a\\\"\\\\\\0a\\00\\ffé\"");
    }
}
