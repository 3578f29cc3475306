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
/// offset; `None` when it validates.
pub fn validate_object(bytes: &[u8]) -> Option<String> {
    let mut v = Validator::new_with_features(WasmFeatures::all());
    v.validate_all(bytes).err().map(|e| format!("{} (at byte 0x{:x})", e.message(), e.offset()))
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
