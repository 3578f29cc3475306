//! Validation with wasmparser, as wat2wasm does it, with errors mapped back to source ranges.
//!
//! Function bodies are validated one by one, so a type error in one function does not hide the
//! errors in the others.

use crate::diagnostic::Diagnostic;
use crate::encode::SourceMap;
use crate::span::Span;
use wasmparser::{FuncValidatorAllocations, Parser, ValidPayload, Validator, WasmFeatures};

/// Validates `bytes`; each error becomes a diagnostic at the source range `map` gives for its
/// offset (or `fallback` when the offset maps to nothing).
pub fn validate(bytes: &[u8], features: WasmFeatures, map: &SourceMap, fallback: Span) -> Vec<Diagnostic> {
    let errors = validate_bodies(bytes, features, &mut |_| true);
    errors.iter().map(|e| e.diagnostic(map.lookup(e.offset as usize).unwrap_or(fallback))).collect()
}

/// Why a binary (a module or an object) does not validate with every feature on, with the
/// offset; `None` when it validates. `fp16` gives the FP16 opcodes (see [`as_standard`]).
pub fn validate_object(bytes: &[u8], fp16: &[u32]) -> Option<String> {
    let mut v = Validator::new_with_features(WasmFeatures::all());
    let bytes = as_standard(bytes, fp16);
    v.validate_all(&bytes).err().map(|e| format!("{} (at byte 0x{:x})", e.message(), e.offset()))
}

/// `bytes` with each FP16 instruction (whose opcodes are at the offsets `fp16`) replaced by an
/// instruction of the same type and the same length that wasmparser knows, so that a module
/// using the FP16 proposal (which wasmparser does not know) is validated in full; offsets, and so
/// the places of errors, stay as they are. Written by hand: no crate validates FP16.
///
/// - `f32.load_f16`, `f32.store_f16` (`fc 30`, `fc 31`) become `nop` and `f32.load`, `f32.store`;
///   an alignment above 2 bytes, valid for those, is made one that is not.
/// - `f16x8.splat`, `f16x8.extract_lane`, `f16x8.replace_lane` become their `f32x4` forms; a lane
///   below 8, valid for `f16x8`, becomes lane 0.
/// - Unary, binary and ternary `v128` operations become `f32x4.abs`, `f32x4.add` and
///   `v128.bitselect`.
pub fn as_standard<'b>(bytes: &'b [u8], fp16: &[u32]) -> std::borrow::Cow<'b, [u8]> {
    if fp16.is_empty() {
        return std::borrow::Cow::Borrowed(bytes);
    }
    let mut out = bytes.to_vec();
    for &at in fp16 {
        let at = at as usize;
        let Some(&prefix) = out.get(at) else { continue };
        // The sub-opcode, and where it ends.
        let (mut sub, mut end, mut shift) = (0u32, at + 1, 0);
        while let Some(&b) = out.get(end) {
            sub |= ((b & 0x7f) as u32).checked_shl(shift).unwrap_or(0);
            end += 1;
            shift += 7;
            if b & 0x80 == 0 || shift > 28 {
                break;
            }
        }
        match (prefix, sub) {
            (0xfc, 0x30 | 0x31) if end == at + 2 => {
                out[at] = 0x01;
                out[at + 1] = if sub == 0x30 { 0x2a } else { 0x38 };
                // The alignment flags: 2 is the natural alignment of `f32.load` but too large
                // for `f32.load_f16`.
                if let Some(flags) = out.get_mut(end)
                    && *flags & 0x3f == 2
                {
                    *flags += 1;
                }
            }
            (0xfd, 0x120..=0x14f) => {
                let standard = match sub {
                    0x120 => 0x13,
                    0x121 => 0x1f,
                    0x122 => 0x20,
                    0x137..=0x144 => 0xe4,
                    0x14e | 0x14f => 0x52,
                    _ => 0xe0,
                };
                // The same number of bytes: a padded LEB.
                let width = end - at - 1;
                for (i, b) in out[at + 1..end].iter_mut().enumerate() {
                    let bits = (standard >> (7 * i)) as u8 & 0x7f;
                    *b = if i + 1 < width { bits | 0x80 } else { bits };
                }
                if matches!(sub, 0x121 | 0x122)
                    && let Some(lane) = out.get_mut(end)
                    && *lane < 8
                {
                    *lane = 0;
                }
            }
            _ => {}
        }
    }
    std::borrow::Cow::Owned(out)
}

/// One validation error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    /// The defined function (0 for the first one after the imports) whose body has the error;
    /// `None` outside function bodies.
    pub func: Option<u32>,
    /// Offset in the module's bytes.
    pub offset: u64,
    /// wasmparser's message.
    pub message: String,
}

impl ValidationError {
    /// The diagnostic at `span`, as [`validate`] reports it.
    pub fn diagnostic(&self, span: Span) -> Diagnostic {
        Diagnostic::error(span, self.message.clone())
            .with_label("invalid here")
            .with_note(format!("found by validation at binary offset {:#x}", self.offset))
    }
}

/// Validates `bytes`, the bodies of the defined functions only where `select` (given the
/// function's position among the defined functions) says so: the others are taken to be valid,
/// as they are when they were valid before in a module whose other sections were the same.
/// Returns the errors in the order found: at most one per body; validation stops at the first
/// error outside the bodies.
pub fn validate_bodies(
    bytes: &[u8],
    features: WasmFeatures,
    select: &mut dyn FnMut(u32) -> bool,
) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    let mut validator = Validator::new_with_features(features);
    let mut allocs = FuncValidatorAllocations::default();
    let mut func = 0u32;
    let error = |func, e: wasmparser::BinaryReaderError| ValidationError {
        func,
        offset: e.offset(),
        message: e.message().to_string(),
    };
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = match payload {
            Ok(p) => p,
            Err(e) => {
                errors.push(error(None, e));
                return errors;
            }
        };
        match validator.payload(&payload) {
            Ok(ValidPayload::Func(to_validate, body)) => {
                if select(func) {
                    let mut fv = to_validate.into_validator(std::mem::take(&mut allocs));
                    if let Err(e) = fv.validate(&body) {
                        errors.push(error(Some(func), e));
                    }
                    allocs = fv.into_allocations();
                }
                func += 1;
            }
            Ok(_) => {}
            Err(e) => {
                errors.push(error(None, e));
                return errors;
            }
        }
    }
    errors
}
