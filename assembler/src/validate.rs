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
    let mut diags = Vec::new();
    let mut validator = Validator::new_with_features(features);
    let mut allocs = FuncValidatorAllocations::default();
    let report = |diags: &mut Vec<Diagnostic>, e: wasmparser::BinaryReaderError| {
        let span = map.lookup(e.offset() as usize).unwrap_or(fallback);
        diags.push(
            Diagnostic::error(span, e.message().to_string())
                .with_label("invalid here")
                .with_note(format!("found by validation at binary offset {:#x}", e.offset())),
        );
    };
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = match payload {
            Ok(p) => p,
            Err(e) => {
                report(&mut diags, e);
                return diags;
            }
        };
        match validator.payload(&payload) {
            Ok(ValidPayload::Func(func, body)) => {
                let mut fv = func.into_validator(std::mem::take(&mut allocs));
                if let Err(e) = fv.validate(&body) {
                    report(&mut diags, e);
                }
                allocs = fv.into_allocations();
            }
            Ok(_) => {}
            Err(e) => {
                report(&mut diags, e);
                return diags;
            }
        }
    }
    diags
}
