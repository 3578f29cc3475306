//! Values of literal tokens: integers, floats, strings and quoted ids, in every WAT form.
//!
//! Every function takes the token's source text and follows the WebAssembly text format
//! ("Values" in the spec): digits may be separated by single underscores (`1_000`, `0xff_ff`),
//! integers are decimal or `0x` hexadecimal, floats are decimal or hexadecimal with an optional
//! fraction and exponent, `inf`, `nan` or `nan:0x<payload>`, all with an optional sign.
//! Out-of-range and malformed texts give `None` (or an `Err` with a message for strings).

use std::borrow::Cow;

// ---------------------------------------------------------------------------------------------
// Syntax helpers
// ---------------------------------------------------------------------------------------------

#[inline]
fn is_digit(c: u8, hex: bool) -> bool {
    if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() }
}

#[inline]
fn digit_value(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        _ => c - b'A' + 10,
    }
}

/// Scans `digit ('_'? digit)*` starting at `i`; returns the index after it, or `None` when there
/// is no digit at `i` or an underscore that is not between two digits.
#[inline]
fn scan_digits(s: &[u8], mut i: usize, hex: bool) -> Option<usize> {
    if !s.get(i).is_some_and(|&c| is_digit(c, hex)) {
        return None;
    }
    i += 1;
    loop {
        match s.get(i) {
            Some(&c) if is_digit(c, hex) => i += 1,
            Some(b'_') => {
                if s.get(i + 1).is_some_and(|&c| is_digit(c, hex)) {
                    i += 2;
                } else {
                    return None;
                }
            }
            _ => return Some(i),
        }
    }
}

/// Whether all of `s` is `digit ('_'? digit)*`.
#[inline]
fn is_digits(s: &[u8], hex: bool) -> bool {
    scan_digits(s, 0, hex) == Some(s.len())
}

/// Splits an optional `+`/`-`: (negative, rest).
#[inline]
fn split_sign(s: &[u8]) -> (bool, &[u8]) {
    match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    }
}

/// Whether `text` is an integer literal: optional sign, then decimal digits or `0x` hex digits,
/// underscores only between digits (`12`, `-0x1_F`, `+7`).
pub fn is_integer_literal(text: &str) -> bool {
    let (_, s) = split_sign(text.as_bytes());
    match s.strip_prefix(b"0x") {
        Some(h) => is_digits(h, true),
        None => is_digits(s, false),
    }
}

/// The magnitude part of a float literal, after the sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FloatSyntax<'a> {
    /// `inf`
    Inf,
    /// `nan`
    Nan,
    /// `nan:0x<hexnum>`: the hex digits (with underscores).
    NanPayload(&'a [u8]),
    /// A decimal number (an integer or a float), with underscores.
    Dec(&'a [u8]),
    /// `0x` integer part, fraction digits (may be empty), exponent (negative, digits).
    Hex { int: &'a [u8], frac: &'a [u8], exp: Option<(bool, &'a [u8])> },
}

/// Parses the exponent part at `i`: `sign? num` up to the end of `s`.
fn exponent_at(s: &[u8], i: usize) -> Option<(bool, &[u8])> {
    let (neg, rest) = split_sign(&s[i..]);
    if is_digits(rest, false) { Some((neg, rest)) } else { None }
}

/// Splits a float literal (or an integer literal, which is a float too) into sign and parts.
fn float_syntax(text: &[u8]) -> Option<(bool, FloatSyntax<'_>)> {
    let (neg, s) = split_sign(text);
    match s {
        b"inf" => return Some((neg, FloatSyntax::Inf)),
        b"nan" => return Some((neg, FloatSyntax::Nan)),
        _ => {}
    }
    if let Some(p) = s.strip_prefix(b"nan:0x") {
        return is_digits(p, true).then_some((neg, FloatSyntax::NanPayload(p)));
    }
    if let Some(h) = s.strip_prefix(b"0x") {
        let int_end = scan_digits(h, 0, true)?;
        let int = &h[..int_end];
        let mut i = int_end;
        let mut frac: &[u8] = &[];
        if h.get(i) == Some(&b'.') {
            i += 1;
            if h.get(i).is_some_and(|c| c.is_ascii_hexdigit()) {
                let e = scan_digits(h, i, true)?;
                frac = &h[i..e];
                i = e;
            }
        }
        let exp = match h.get(i) {
            None => None,
            Some(b'p' | b'P') => Some(exponent_at(h, i + 1)?),
            Some(_) => return None,
        };
        return Some((neg, FloatSyntax::Hex { int, frac, exp }));
    }
    let mut i = scan_digits(s, 0, false)?;
    if s.get(i) == Some(&b'.') {
        i += 1;
        if s.get(i).is_some_and(|c| c.is_ascii_digit()) {
            i = scan_digits(s, i, false)?;
        }
    }
    match s.get(i) {
        None => {}
        Some(b'e' | b'E') => {
            exponent_at(s, i + 1)?;
        }
        Some(_) => return None,
    }
    Some((neg, FloatSyntax::Dec(s)))
}

/// Whether `text` is a float literal that is not an integer literal: a decimal or hex number
/// with a `.` or exponent (`1.`, `1.5e+10`, `0x1.8p3`, `0x1P-2`), `inf`, `nan` or
/// `nan:0x<hexnum>`, each with an optional sign.
pub fn is_float_literal(text: &str) -> bool {
    !is_integer_literal(text) && float_syntax(text.as_bytes()).is_some()
}

// ---------------------------------------------------------------------------------------------
// Integers
// ---------------------------------------------------------------------------------------------

/// An unsigned literal (`num` or `0x hexnum`, no sign) as a u128; `None` if malformed or larger.
fn parse_uint(s: &[u8]) -> Option<u128> {
    let (digits, hex) = match s.strip_prefix(b"0x") {
        Some(h) => (h, true),
        None => (s, false),
    };
    digits_value(digits, hex)
}

/// The value of `digit ('_'? digit)*` in base 16 or 10; `None` if malformed or above u128.
fn digits_value(digits: &[u8], hex: bool) -> Option<u128> {
    if !is_digits(digits, hex) {
        return None;
    }
    let radix: u128 = if hex { 16 } else { 10 };
    let mut n: u128 = 0;
    for &c in digits {
        if c != b'_' {
            n = n.checked_mul(radix)?.checked_add(digit_value(c) as u128)?;
        }
    }
    Some(n)
}

/// An unsigned 32-bit literal (indices, alignments, limits): `num` or `0x hexnum`, no sign.
pub fn parse_u32(text: &str) -> Option<u32> {
    parse_uint(text.as_bytes()).and_then(|n| u32::try_from(n).ok())
}

/// An unsigned 64-bit literal (memory64 limits, offsets): `num` or `0x hexnum`, no sign.
pub fn parse_u64(text: &str) -> Option<u64> {
    parse_uint(text.as_bytes()).and_then(|n| u64::try_from(n).ok())
}

/// An uninterpreted `bits`-wide integer (1 ..= 64): unsigned values `0 ..= 2^bits - 1` and
/// negative values down to `-2^(bits-1)`; returns the `bits`-bit two's complement pattern
/// (e.g. `-1` with 8 bits is `0xff`).
///
/// A `+` sign is accepted with the unsigned range too, as the reference interpreter and the
/// `wast` crate do.
pub fn parse_int_bits(text: &str, bits: u32) -> Option<u64> {
    assert!((1..=64).contains(&bits), "parse_int_bits: width {bits} out of 1..=64");
    let (neg, rest) = split_sign(text.as_bytes());
    let n = parse_uint(rest)?;
    let modulus = 1u128 << bits;
    if neg {
        if n > modulus / 2 {
            return None;
        }
        Some(((modulus - n) % modulus) as u64)
    } else if n < modulus {
        Some(n as u64)
    } else {
        None
    }
}

/// An `i32` literal: `-2^31 ..= 2^32 - 1`; unsigned values above `i32::MAX` wrap to their bit
/// pattern (`4294967295` is `-1`).
pub fn parse_i32(text: &str) -> Option<i32> {
    parse_int_bits(text, 32).map(|b| b as u32 as i32)
}

/// An `i64` literal: `-2^63 ..= 2^64 - 1`; unsigned values above `i64::MAX` wrap to their bit
/// pattern.
pub fn parse_i64(text: &str) -> Option<i64> {
    parse_int_bits(text, 64).map(|b| b as i64)
}

// ---------------------------------------------------------------------------------------------
// Floats
// ---------------------------------------------------------------------------------------------

/// The shape of an IEEE 754 binary format.
#[derive(Clone, Copy)]
struct Format {
    /// Explicit mantissa (significand) bits: 23 or 52.
    mant_bits: u32,
    /// Exponent bits: 8 or 11.
    exp_bits: u32,
}

const F32: Format = Format { mant_bits: 23, exp_bits: 8 };
const F64: Format = Format { mant_bits: 52, exp_bits: 11 };

impl Format {
    fn sign_bit(self) -> u64 {
        1 << (self.mant_bits + self.exp_bits)
    }
    fn inf_bits(self) -> u64 {
        ((1u64 << self.exp_bits) - 1) << self.mant_bits
    }
}

/// Rounds `m * 2^e` (plus `sticky`: nonzero bits below `m`) to nearest, ties to even, in
/// `fmt`; returns the bits of the magnitude or `None` when it rounds to infinity.
fn round_to_format(m: u64, e: i64, sticky: bool, fmt: Format) -> Option<u64> {
    if m == 0 {
        return Some(0);
    }
    let p = fmt.mant_bits as i64 + 1; // precision with the implicit bit
    let bias = (1i64 << (fmt.exp_bits - 1)) - 1;
    let emin = 1 - bias;
    let lz = m.leading_zeros() as i64;
    // Exponent of the leading one: value = 1.xxx * 2^big_e.
    let big_e = e.saturating_add(63 - lz);
    if big_e > bias {
        return None;
    }
    let wide = (m as u128) << (lz + 64); // leading one at bit 127
    let subnormal = big_e < emin;
    let shift = (128 - p) + if subnormal { (emin - big_e).min(1000) } else { 0 };
    let (kept, rem, half): (u128, u128, u128) = if shift > 128 {
        (0, 0, 1) // below half the smallest subnormal
    } else if shift == 128 {
        (0, wide, 1 << 127)
    } else {
        (wide >> shift, wide & ((1u128 << shift) - 1), 1u128 << (shift - 1))
    };
    let round_up = rem > half || (rem == half && (sticky || kept & 1 == 1));
    let kept = kept + round_up as u128;
    let bits = if subnormal {
        // Exponent field 0; a carry into bit `mant_bits` makes it the smallest normal.
        kept as u64
    } else {
        // `kept` includes the implicit bit, which adds one to the exponent field.
        (((big_e + bias - 1) as u64) << fmt.mant_bits) + kept as u64
    };
    (bits < fmt.inf_bits()).then_some(bits)
}

/// The value of a hex float `0x int.frac p exp` in `fmt`, exactly rounded.
fn hex_float_bits(int: &[u8], frac: &[u8], exp: Option<(bool, &[u8])>, fmt: Format) -> Option<u64> {
    let mut m: u64 = 0;
    let mut e: i64 = 0;
    let mut sticky = false;
    for &c in int.iter().filter(|&&c| c != b'_') {
        let d = digit_value(c) as u64;
        if m >> 60 == 0 {
            m = m * 16 + d;
        } else {
            e += 4;
            sticky |= d != 0;
        }
    }
    for &c in frac.iter().filter(|&&c| c != b'_') {
        let d = digit_value(c) as u64;
        if m >> 60 == 0 {
            m = m * 16 + d;
            e -= 4;
        } else {
            sticky |= d != 0;
        }
    }
    if let Some((neg, digits)) = exp {
        // Saturate: anything beyond ±10^15 is far outside every format.
        let mut x: i64 = 0;
        for &c in digits.iter().filter(|&&c| c != b'_') {
            x = (x * 10 + (c - b'0') as i64).min(1_000_000_000_000_000);
        }
        e = if neg { e - x } else { e + x };
    }
    round_to_format(m, e, sticky, fmt)
}

/// Removes underscores (borrowing when there are none).
fn strip_underscores(s: &[u8]) -> Cow<'_, str> {
    // The callers pass ASCII digit text checked by `float_syntax`.
    let s = std::str::from_utf8(s).unwrap_or("");
    if s.contains('_') { Cow::Owned(s.replace('_', "")) } else { Cow::Borrowed(s) }
}

/// Parses any float or integer literal into `fmt` bits; `dec` converts decimal magnitudes.
fn parse_float(text: &str, fmt: Format, dec: impl Fn(&str) -> Option<u64>) -> Option<u64> {
    let (neg, syntax) = float_syntax(text.as_bytes())?;
    let magnitude = match syntax {
        FloatSyntax::Inf => fmt.inf_bits(),
        FloatSyntax::Nan => fmt.inf_bits() | 1 << (fmt.mant_bits - 1),
        FloatSyntax::NanPayload(p) => {
            let n = digits_value(p, true)?;
            if n == 0 || n >= 1 << fmt.mant_bits {
                return None;
            }
            fmt.inf_bits() | n as u64
        }
        FloatSyntax::Dec(s) => dec(&strip_underscores(s))?,
        FloatSyntax::Hex { int, frac, exp } => hex_float_bits(int, frac, exp, fmt)?,
    };
    Some(if neg { magnitude | fmt.sign_bit() } else { magnitude })
}

/// An `f32` literal as its bit pattern: decimal or hex float or integer forms (correctly
/// rounded to nearest even), `inf`, `nan` (canonical), `nan:0xN` (1 <= N < 2^23), optional
/// sign. `None` when malformed or when the value rounds to infinity.
pub fn parse_f32(text: &str) -> Option<u32> {
    parse_float(text, F32, |s| {
        // Parse to f32 directly: going through f64 would round twice.
        let v: f32 = s.parse().ok()?;
        v.is_finite().then(|| v.to_bits() as u64)
    })
    .map(|b| b as u32)
}

/// An `f64` literal as its bit pattern: decimal or hex float or integer forms (correctly
/// rounded to nearest even), `inf`, `nan` (canonical), `nan:0xN` (1 <= N < 2^52), optional
/// sign. `None` when malformed or when the value rounds to infinity.
pub fn parse_f64(text: &str) -> Option<u64> {
    parse_float(text, F64, |s| {
        let v: f64 = s.parse().ok()?;
        v.is_finite().then(|| v.to_bits())
    })
}

// ---------------------------------------------------------------------------------------------
// Strings, names, ids
// ---------------------------------------------------------------------------------------------

/// Bytes a string scan must stop at: `"`, `\`, and the control characters.
pub(crate) static STRING_SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[0x7f] = true;
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// Length in bytes of the UTF-8 character starting with byte `b` (1 for stray bytes).
#[inline]
pub(crate) fn utf8_len(b: u8) -> usize {
    match b {
        0xf0..=0xff => 4,
        0xe0..=0xef => 3,
        0xc0..=0xdf => 2,
        _ => 1,
    }
}

/// What follows a backslash in a string.
pub(crate) enum Escape {
    /// A valid escape of `len` bytes (backslash included) that stands for bytes or a char.
    Byte(u8, usize),
    /// A valid `\u{...}` escape of `len` bytes.
    Char(char, usize),
    /// Invalid: the message, and how many bytes the error covers (backslash included).
    Bad(String, usize),
}

/// Decodes the escape whose backslash is at `s[i]`.
pub(crate) fn escape_at(s: &[u8], i: usize) -> Escape {
    let Some(&c) = s.get(i + 1) else {
        return Escape::Bad("unterminated escape sequence".into(), 1);
    };
    match c {
        b't' => Escape::Byte(b'\t', 2),
        b'n' => Escape::Byte(b'\n', 2),
        b'r' => Escape::Byte(b'\r', 2),
        b'"' => Escape::Byte(b'"', 2),
        b'\'' => Escape::Byte(b'\'', 2),
        b'\\' => Escape::Byte(b'\\', 2),
        b'u' => {
            if s.get(i + 2) != Some(&b'{') {
                return Escape::Bad("malformed unicode escape: expected `\\u{hex}`".into(), 2);
            }
            let Some(end) = scan_digits(s, i + 3, true) else {
                return Escape::Bad("malformed unicode escape: expected hex digits in `\\u{...}`".into(), 3);
            };
            if s.get(end) != Some(&b'}') {
                return Escape::Bad("malformed unicode escape: expected `}`".into(), end - i);
            }
            let len = end + 1 - i;
            let mut n: u32 = 0;
            for &d in s[i + 3..end].iter().filter(|&&d| d != b'_') {
                n = n.saturating_mul(16).saturating_add(digit_value(d) as u32);
            }
            match char::from_u32(n) {
                Some(ch) => Escape::Char(ch, len),
                None => Escape::Bad(
                    "unicode escape out of range: not a Unicode scalar value (surrogate or above 0x10FFFF)".into(),
                    len,
                ),
            }
        }
        h if h.is_ascii_hexdigit() => match s.get(i + 2) {
            Some(&l) if l.is_ascii_hexdigit() => Escape::Byte(digit_value(h) * 16 + digit_value(l), 3),
            _ => Escape::Bad("malformed escape: `\\` and one hex digit needs a second hex digit".into(), 2),
        },
        other => {
            let len = 1 + utf8_len(other);
            let shown = String::from_utf8_lossy(&s[i..(i + len).min(s.len())]).into_owned();
            Escape::Bad(format!("unknown escape sequence `{shown}`"), len)
        }
    }
}

/// The warning for a raw DEL (U+007F) in a string, which is read as the byte 0x7f.
pub const DEL_MESSAGE: &str = "unescaped U+007F (DEL) in a string: read as `\\7f`, as wabt reads it";

/// A message for a control character in a string.
pub(crate) fn control_char_message(b: u8) -> String {
    let hint = match b {
        b'\t' => " (write `\\t`)",
        b'\n' => " (write `\\n`)",
        b'\r' => " (write `\\r`)",
        _ => "",
    };
    format!("control character U+{b:04X} in string; use an escape such as `\\{b:02x}`{hint}")
}

/// Decodes a string token (quotes included) into its bytes: escapes `\t \n \r \" \' \\ \hh
/// \u{hex}`; other characters as their UTF-8. On a malformed string returns the byte offset
/// in the token text where the problem is and a message.
pub fn decode_string(text: &str) -> Result<Vec<u8>, (usize, String)> {
    let s = text.as_bytes();
    if s.first() != Some(&b'"') {
        return Err((0, "expected a string".into()));
    }
    let mut out = Vec::with_capacity(s.len().saturating_sub(2));
    let mut i = 1;
    loop {
        let chunk_end = s[i..].iter().position(|&b| STRING_SPECIAL[b as usize]).map_or(s.len(), |p| i + p);
        out.extend_from_slice(&s[i..chunk_end]);
        i = chunk_end;
        let Some(&b) = s.get(i) else {
            return Err((0, "unterminated string".into()));
        };
        match b {
            b'"' => {
                if i + 1 != s.len() {
                    return Err((i + 1, "unexpected text after the closing quote".into()));
                }
                return Ok(out);
            }
            b'\\' => match escape_at(s, i) {
                Escape::Byte(v, len) => {
                    out.push(v);
                    i += len;
                }
                Escape::Char(c, len) => {
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                    i += len;
                }
                Escape::Bad(msg, _) => return Err((i, msg)),
            },
            // Read as wabt reads it; the lexer warns (see `DEL_MESSAGE`).
            0x7f => {
                out.push(0x7f);
                i += 1;
            }
            _ => return Err((i, control_char_message(b))),
        }
    }
}

/// Whether decoded string bytes are valid UTF-8 (a *name*: import/export/custom names).
pub fn string_is_utf8(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok()
}

/// Decodes a string token (quotes included) that must be a *name*: valid UTF-8 after decoding.
/// Borrows from `text` when there are no escapes.
pub fn decode_name(text: &str) -> Result<Cow<'_, str>, (usize, String)> {
    let s = text.as_bytes();
    if s.len() >= 2 && s[0] == b'"' && s[s.len() - 1] == b'"' {
        let inner = &s[1..s.len() - 1];
        if !inner.iter().any(|&b| STRING_SPECIAL[b as usize]) {
            // No escapes, no quotes, no control characters: the source text itself (UTF-8).
            return Ok(Cow::Borrowed(&text[1..text.len() - 1]));
        }
    }
    let bytes = decode_string(text)?;
    String::from_utf8(bytes)
        .map(Cow::Owned)
        .map_err(|_| (0, "malformed UTF-8 encoding: a name must be valid UTF-8".into()))
}

/// Whether `c` may stand in an unquoted id (`$name`) or keyword (the lexer's `idchar`).
pub fn is_idchar(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+-./:<=>?@\\^_`|~".contains(&c)
}

/// The name of an id token without the `$`: `$foo` → `foo`, `$"a b"` → `a b` (the quoted
/// form is decoded, must be valid UTF-8 and non-empty). Errors carry a byte offset in `text`.
pub fn decode_id(text: &str) -> Result<Cow<'_, str>, (usize, String)> {
    let Some(rest) = text.strip_prefix('$') else {
        return Err((0, "expected an identifier starting with `$`".into()));
    };
    let name =
        if rest.starts_with('"') { decode_name(rest).map_err(|(o, m)| (o + 1, m))? } else { Cow::Borrowed(rest) };
    if name.is_empty() {
        return Err((0, "empty identifier".into()));
    }
    Ok(name)
}

/// The name of an annotation token without the `(@`: `(@sym` → `sym`, `(@"a b"` → `a b`
/// (decoded, valid UTF-8, non-empty). Errors carry a byte offset in `text`.
pub fn decode_annotation(text: &str) -> Result<Cow<'_, str>, (usize, String)> {
    let Some(rest) = text.strip_prefix("(@") else {
        return Err((0, "expected an annotation starting with `(@`".into()));
    };
    let name =
        if rest.starts_with('"') { decode_name(rest).map_err(|(o, m)| (o + 2, m))? } else { Cow::Borrowed(rest) };
    if name.is_empty() {
        return Err((0, "empty annotation id".into()));
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsigned() {
        assert_eq!(parse_u32("0"), Some(0));
        assert_eq!(parse_u32("1_000"), Some(1000));
        assert_eq!(parse_u32("0x1_F"), Some(31));
        assert_eq!(parse_u32("0xFFFF_FFFF"), Some(u32::MAX));
        assert_eq!(parse_u32("4294967295"), Some(u32::MAX));
        assert_eq!(parse_u32("4294967296"), None);
        assert_eq!(parse_u32("0x1_0000_0000"), None);
        assert_eq!(parse_u32("+1"), None);
        assert_eq!(parse_u32("-0"), None);
        assert_eq!(parse_u32("1__0"), None);
        assert_eq!(parse_u32("_1"), None);
        assert_eq!(parse_u32("1_"), None);
        assert_eq!(parse_u32("0x"), None);
        assert_eq!(parse_u32("0x_1"), None);
        assert_eq!(parse_u32("0X1"), None);
        assert_eq!(parse_u32(""), None);
        assert_eq!(parse_u32("1.0"), None);
        assert_eq!(parse_u64("18446744073709551615"), Some(u64::MAX));
        assert_eq!(parse_u64("0xffff_ffff_ffff_ffff"), Some(u64::MAX));
        assert_eq!(parse_u64("18446744073709551616"), None);
        assert_eq!(parse_u64("99999999999999999999999999999999999999999999999"), None);
    }

    #[test]
    fn signed() {
        assert_eq!(parse_i32("4294967295"), Some(-1));
        assert_eq!(parse_i32("0xffffffff"), Some(-1));
        assert_eq!(parse_i32("-2147483648"), Some(i32::MIN));
        assert_eq!(parse_i32("-0x80000000"), Some(i32::MIN));
        assert_eq!(parse_i32("-2147483649"), None);
        assert_eq!(parse_i32("-0x80000001"), None);
        assert_eq!(parse_i32("4294967296"), None);
        assert_eq!(parse_i32("0x100000000"), None);
        assert_eq!(parse_i32("+7"), Some(7));
        assert_eq!(parse_i32("-0"), Some(0));
        assert_eq!(parse_i32("+0x7fff_ffff"), Some(i32::MAX));
        assert_eq!(parse_i32("-1"), Some(-1));
        assert_eq!(parse_i32("--1"), None);
        assert_eq!(parse_i32("-_1"), None);
        assert_eq!(parse_i32("1.0"), None);
        assert_eq!(parse_i64("18446744073709551615"), Some(-1));
        assert_eq!(parse_i64("-9223372036854775808"), Some(i64::MIN));
        assert_eq!(parse_i64("-9223372036854775809"), None);
        assert_eq!(parse_i64("18446744073709551616"), None);
        assert_eq!(parse_i64("0x7fff_ffff_ffff_ffff"), Some(i64::MAX));
    }

    #[test]
    fn lanes() {
        assert_eq!(parse_int_bits("255", 8), Some(0xff));
        assert_eq!(parse_int_bits("256", 8), None);
        assert_eq!(parse_int_bits("-128", 8), Some(0x80));
        assert_eq!(parse_int_bits("-129", 8), None);
        assert_eq!(parse_int_bits("-1", 8), Some(0xff));
        assert_eq!(parse_int_bits("-0", 8), Some(0));
        assert_eq!(parse_int_bits("0xffff", 16), Some(0xffff));
        assert_eq!(parse_int_bits("-0x8000", 16), Some(0x8000));
        assert_eq!(parse_int_bits("-32769", 16), None);
        assert_eq!(parse_int_bits("65_535", 16), Some(0xffff));
        assert_eq!(parse_int_bits("-1", 64), Some(u64::MAX));
        assert_eq!(parse_int_bits("-1", 1), Some(1));
        assert_eq!(parse_int_bits("-2", 1), None);
    }

    #[test]
    fn classification() {
        for t in ["0", "1_000", "-0x1_F", "+7", "0xABCdef"] {
            assert!(is_integer_literal(t), "{t}");
            assert!(!is_float_literal(t), "{t}");
        }
        for t in [
            "1.",
            "1.5",
            "1.5e+10",
            "1e3",
            "1E-3",
            "1.e5",
            "0x1.8p3",
            "0x1P-2",
            "0x1.",
            "0x1.p1",
            "0x.p1x",
            "inf",
            "-inf",
            "+nan",
            "nan:0x7f_ffff",
            "-nan:0x1",
            "1_0.0_1e1_0",
            "0x1_f.f_fp1_0",
        ] {
            if t == "0x.p1x" {
                assert!(!is_float_literal(t));
                continue;
            }
            assert!(is_float_literal(t), "{t}");
        }
        for t in [
            "1__0", "_1", "1_", "0x", "0x_1", "1x", "0xg", ".0", "0e", "0e+", "0.0e-", "0x.", "0x0.g", "0x0p", "0x0p+",
            "0x0pA", "1._0", "1.0_", "1_.0", "1e_1", "1e1_", "1.0e+_1", "0x1_p1", "0x1p_1", "nan:0x", "nan:",
            "nan:0x_1", "nan:0xg", "infinity", "NaN", "+-1", "-", "+", "0_x100", "1e", "0x1p",
        ] {
            assert!(!is_integer_literal(t) && !is_float_literal(t), "{t}");
        }
    }

    fn f32b(t: &str) -> Option<u32> {
        parse_f32(t)
    }

    #[test]
    fn f32_special() {
        assert_eq!(f32b("inf"), Some(0x7f80_0000));
        assert_eq!(f32b("-inf"), Some(0xff80_0000));
        assert_eq!(f32b("+inf"), Some(0x7f80_0000));
        assert_eq!(f32b("nan"), Some(0x7fc0_0000));
        assert_eq!(f32b("-nan"), Some(0xffc0_0000));
        assert_eq!(f32b("nan:0x200000"), Some(0x7fa0_0000));
        assert_eq!(f32b("nan:0x7f_ffff"), Some(0x7fff_ffff));
        assert_eq!(f32b("-nan:0x1"), Some(0xff80_0001));
        assert_eq!(f32b("nan:0x80_0000"), None);
        assert_eq!(f32b("nan:0x0"), None);
        assert_eq!(f32b("-0"), Some(0x8000_0000));
        assert_eq!(f32b("0"), Some(0));
        assert_eq!(f32b("-0x0"), Some(0x8000_0000));
        assert_eq!(f32b("-0.0"), Some(0x8000_0000));
    }

    #[test]
    fn f32_values() {
        assert_eq!(f32b("1"), Some(1.0f32.to_bits()));
        assert_eq!(f32b("1_000"), Some(1000.0f32.to_bits()));
        assert_eq!(f32b("0x10"), Some(16.0f32.to_bits()));
        assert_eq!(f32b("1.5"), Some(1.5f32.to_bits()));
        assert_eq!(f32b("1."), Some(1.0f32.to_bits()));
        assert_eq!(f32b("1.e1"), Some(10.0f32.to_bits()));
        assert_eq!(f32b("-1.5e+1_0"), Some((-1.5e10f32).to_bits()));
        assert_eq!(f32b("0x1p+3"), Some(8.0f32.to_bits()));
        assert_eq!(f32b("0x1.8p3"), Some(12.0f32.to_bits()));
        assert_eq!(f32b("0x1P-2"), Some(0.25f32.to_bits()));
        assert_eq!(f32b("0x.8p1"), None); // hex float needs an integer part
        assert_eq!(f32b("0x1.fffffep127"), Some(0x7f7f_ffff));
        assert_eq!(f32b("-0x1.fffffep127"), Some(0xff7f_ffff));
        assert_eq!(f32b("0x1p-149"), Some(1));
        assert_eq!(f32b("0x1p-150"), Some(0)); // tie to even: 0
        assert_eq!(f32b("0x1.000001p-150"), Some(1)); // above the tie
        assert_eq!(f32b("0x1.8p-149"), Some(2)); // 1.5 ulp: tie to even → 2
        assert_eq!(f32b("0x1p-126"), Some(0x0080_0000));
        assert_eq!(f32b("0x1.fffffcp-127"), Some(0x007f_ffff));
        assert_eq!(f32b("0x1.fffffep-127"), Some(0x0080_0000)); // rounds up into the normals
        assert_eq!(f32b("0x1p-1000"), Some(0));
        assert_eq!(f32b("0x1p-99999999999999999999"), Some(0));
        assert_eq!(f32b("0x0p99999999999999999999"), Some(0));
        // Ties in the normal range: 0x1.000001 is half an ulp above 1 (even → down),
        // 0x1.000003 is half an ulp above 0x1.000002 (odd → up).
        assert_eq!(f32b("0x1.000001p0"), Some(0x3f80_0000));
        assert_eq!(f32b("0x1.0000010000000000000000001p0"), Some(0x3f80_0001));
        assert_eq!(f32b("0x1.000003p0"), Some(0x3f80_0002));
        assert_eq!(f32b("0x1.000002fffffffffffffp0"), Some(0x3f80_0001));
        // Overflow: values that round to the max finite are fine, beyond are malformed.
        assert_eq!(f32b("0x1.fffffefffffff8000000p127"), Some(0x7f7f_ffff));
        assert_eq!(f32b("0x1.fffffe7p127"), Some(0x7f7f_ffff));
        assert_eq!(f32b("0x1.ffffffp127"), None);
        assert_eq!(f32b("0x1p128"), None);
        assert_eq!(f32b("-0x1p128"), None);
        assert_eq!(f32b("1e38"), Some(1e38f32.to_bits()));
        assert_eq!(f32b("1e39"), None);
        assert_eq!(f32b("340282356779733661637539395458142568447"), Some(0x7f7f_ffff));
        assert_eq!(f32b("340282356779733661637539395458142568448"), None);
        assert_eq!(f32b("1e-50"), Some(0));
        // Many hex digits: rounding uses a sticky bit for the dropped ones.
        assert_eq!(f32b("0x100000000000000000000000000000001p-128"), Some(0x3f80_0000));
        assert_eq!(f32b("0x1_0000_0000_0000_0000p0"), Some(0x5f80_0000));
        // Checked against exact rational arithmetic (wat 1.263 rounds these two wrongly).
        assert_eq!(f32b("0x300090a0600p-98"), Some(0x2340_0243));
        assert_eq!(parse_f64("0x1c000000e00000802p567"), Some(0x676c_0000_00e0_0001));
        // Decimal f32 must not round through f64: this one differs.
        assert_eq!(f32b("1.00000005960464477550"), Some(0x3f80_0001));
    }

    #[test]
    fn f64_values() {
        assert_eq!(parse_f64("nan"), Some(0x7ff8_0000_0000_0000));
        assert_eq!(parse_f64("-nan:0x1"), Some(0xfff0_0000_0000_0001));
        assert_eq!(parse_f64("nan:0xf_ffff_ffff_ffff"), Some(0x7fff_ffff_ffff_ffff));
        assert_eq!(parse_f64("nan:0x10_0000_0000_0000"), None);
        assert_eq!(parse_f64("-inf"), Some(0xfff0_0000_0000_0000));
        assert_eq!(parse_f64("-0"), Some(0x8000_0000_0000_0000));
        assert_eq!(parse_f64("0x1p-1074"), Some(1));
        assert_eq!(parse_f64("0x1p-1075"), Some(0));
        assert_eq!(parse_f64("0x1.1p-1075"), Some(1));
        assert_eq!(parse_f64("0x1.fffffffffffffp1023"), Some(0x7fef_ffff_ffff_ffff));
        assert_eq!(parse_f64("0x1.fffffffffffff7ffffffp1023"), Some(0x7fef_ffff_ffff_ffff));
        assert_eq!(parse_f64("0x1.fffffffffffff8p1023"), None);
        assert_eq!(parse_f64("1e308"), Some(1e308f64.to_bits()));
        assert_eq!(parse_f64("1e309"), None);
        assert_eq!(parse_f64("0x1.8p1"), Some(3.0f64.to_bits()));
        assert_eq!(parse_f64("1_000.000_1"), Some(1000.0001f64.to_bits()));
        assert_eq!(parse_f64("0x1.0000000000000800p0"), Some(0x3ff0_0000_0000_0000)); // tie → even
        assert_eq!(parse_f64("0x1.0000000000001800p0"), Some(0x3ff0_0000_0000_0002)); // tie → even
        assert_eq!(parse_f64("0x1.0000000000000801p0"), Some(0x3ff0_0000_0000_0001));
        assert_eq!(parse_f64("1.5x"), None);
    }

    #[test]
    fn strings() {
        assert_eq!(decode_string(r#""""#), Ok(vec![]));
        assert_eq!(decode_string(r#""abc""#), Ok(b"abc".to_vec()));
        assert_eq!(decode_string(r#""\t\n\r\"\'\\""#), Ok(b"\t\n\r\"'\\".to_vec()));
        assert_eq!(decode_string(r#""\00\ff\Aa""#), Ok(vec![0, 0xff, 0xaa]));
        assert_eq!(decode_string(r#""\u{41}\u{1F600}\u{1_0}""#), Ok("A😀\u{10}".as_bytes().to_vec()));
        assert_eq!(decode_string("\"Heiße\""), Ok("Heiße".as_bytes().to_vec()));
        assert!(decode_string(r#""\u{D800}""#).is_err());
        assert!(decode_string(r#""\u{110000}""#).is_err());
        assert!(decode_string(r#""\u{ffffffffffffffff}""#).is_err());
        assert_eq!(decode_string(r#""\u{}""#).unwrap_err().0, 1);
        assert_eq!(decode_string(r#""\u41""#).unwrap_err().0, 1);
        assert_eq!(decode_string(r#""ab\q""#).unwrap_err().0, 3);
        assert_eq!(decode_string(r#""\a""#).unwrap_err().0, 1);
        assert_eq!(decode_string("\"a\tb\"").unwrap_err().0, 2);
        assert_eq!(decode_string("\"a\x01\"").unwrap_err().0, 2);
        // DEL is read as its byte, as wabt reads GCC's strings (the lexer warns).
        assert_eq!(decode_string("\"a\x7f\"").unwrap(), b"a\x7f");
        assert_eq!(decode_string("\"abc").unwrap_err().1, "unterminated string");
        assert_eq!(decode_string("\"abc\\\"").unwrap_err().1, "unterminated string");
        assert!(decode_string("abc").is_err());
        assert!(string_is_utf8(b"abc"));
        assert!(!string_is_utf8(&[0xff]));
    }

    #[test]
    fn names_and_ids() {
        assert_eq!(decode_name(r#""abc""#).unwrap(), "abc");
        assert!(matches!(decode_name(r#""abc""#).unwrap(), Cow::Borrowed(_)));
        assert_eq!(decode_name(r#""\41\u{42}""#).unwrap(), "AB");
        assert!(decode_name(r#""\ef""#).is_err());
        assert_eq!(decode_id("$foo").unwrap(), "foo");
        assert_eq!(decode_id("$l$l").unwrap(), "l$l");
        assert_eq!(decode_id(r#"$"a b""#).unwrap(), "a b");
        assert_eq!(decode_id(r#"$"\41B""#).unwrap(), "AB");
        assert_eq!(decode_id(r#"$"\u{f61a}""#).unwrap(), "\u{f61a}");
        assert!(decode_id(r#"$"""#).is_err());
        assert!(decode_id("$").is_err());
        assert!(decode_id(r#"$"\ef""#).is_err());
        assert_eq!(decode_id(r#"$"a\q""#).unwrap_err().0, 3);
        assert!(decode_id("foo").is_err());
        assert_eq!(decode_annotation("(@sym").unwrap(), "sym");
        assert_eq!(decode_annotation(r#"(@"a b""#).unwrap(), "a b");
        assert!(decode_annotation(r#"(@"""#).is_err());
        assert!(decode_annotation("(@").is_err());
        assert!(decode_annotation(r#"(@"\ef""#).is_err());
    }
}
