//! The assembler and printer targets: wat2obj, obj2wat, differential.

use relwat::print::compare::{Comparison, compare};
use relwat::{Options, OutputKind};

/// A text through wat2obj's pipeline: no panic; body by body gives what the whole tree gives; an
/// object relwat writes prints and, without a printer warning, re-assembles to its bytes.
pub fn wat2obj(input: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(input);
    let options = Options::default();
    let object = relwat::assemble(&text, &options);
    let shown = object.diagnostics.len().min(100);
    let _ = relwat::diagnostic::render("fuzz.wat", &text, &object.diagnostics[..shown], false);
    if let Some(by_body) = relwat::assemble_body_by_body(&text, &options) {
        let whole = relwat::assemble_in_one_tree(&text, &options);
        if by_body.bytes != whole.bytes {
            return Err("assembled body by body: other bytes than from the whole tree".into());
        }
        let key = |a: &relwat::Assembled| {
            a.diagnostics.iter().map(|d| (d.message.clone(), d.primary.span)).collect::<Vec<_>>()
        };
        if key(&by_body) != key(&whole) {
            return Err(format!(
                "assembled body by body: other diagnostics than from the whole tree: {:?} vs {:?}",
                key(&by_body).first(),
                key(&whole).first()
            ));
        }
    }
    let _ = relwat::assemble(&text, &Options { output: OutputKind::Module, ..Options::default() });
    match &object.bytes {
        Some(bytes) => round_trip(bytes, "an object relwat wrote"),
        None => Ok(()),
    }
}

/// An object through obj2wat and back: no panic; a text printed without a warning re-assembles
/// to the object's bytes.
pub fn obj2wat(input: &[u8]) -> Result<(), String> {
    round_trip(input, "an object obj2wat printed without a warning").or_else(|e| {
        // An object obj2wat refuses is fine (it says why); one it misreads is not.
        if e.starts_with("obj2wat refuses") { Ok(()) } else { Err(e) }
    })
}

/// Prints `bytes` and, when the printer gives no warning, re-assembles the text: the same bytes,
/// or `Err`. `what` names the object in messages.
fn round_trip(bytes: &[u8], what: &str) -> Result<(), String> {
    let printed = relwat::print::print_object(bytes).map_err(|e| format!("obj2wat refuses {what}: {e}"))?;
    if !printed.warnings.is_empty() {
        return Ok(());
    }
    let options = Options { validate: printed.invalid.is_none(), ..Options::default() };
    let again = relwat::assemble(&printed.text, &options);
    match again.bytes {
        Some(b) if b == bytes => Ok(()),
        Some(b) => match compare(bytes, &b) {
            Comparison::Different(d) => Err(format!("{what} is not given back: {d}")),
            Comparison::Identical => Ok(()),
        },
        None => {
            let first = again.diagnostics.iter().find(|d| d.is_error()).map(|d| d.message.clone());
            Err(format!("the text of {what} does not assemble: {}", first.unwrap_or_default()))
        }
    }
}

/// A wasm-smith module printed by wasmprinter: relwat's module has the `wat` crate's non-custom
/// sections; as an object it validates and survives obj2wat and wat2obj byte for byte.
pub fn differential(input: &[u8]) -> Result<(), String> {
    let Some(text) = smith_text(input) else { return Ok(()) };
    let Ok(expected) = wat::parse_str(&text) else { return Ok(()) };
    let module = relwat::assemble(&text, &Options { output: OutputKind::Module, ..Options::default() });
    let Some(bytes) = module.bytes else {
        let first = module.diagnostics.iter().find(|d| d.is_error()).map(|d| d.message.clone());
        return Err(format!("relwat rejects a module the wat crate accepts: {}", first.unwrap_or_default()));
    };
    let (ours, theirs) = (standard_sections(&bytes), standard_sections(&expected));
    if ours != theirs {
        let at = ours.iter().zip(&theirs).position(|(a, b)| a != b).unwrap_or(ours.len().min(theirs.len()));
        let id = |s: &Vec<(u8, Vec<u8>)>| s.get(at).map(|x| x.0);
        return Err(format!(
            "relwat's module differs from the wat crate's at non-custom section {at} (ids {:?} vs {:?})",
            id(&ours),
            id(&theirs)
        ));
    }
    let object = relwat::assemble(&text, &Options::default());
    match object.bytes {
        Some(obj) => round_trip(&obj, "relwat's object of a wasm-smith module"),
        None => {
            let first = object.diagnostics.iter().find(|d| d.is_error()).map(|d| d.message.clone());
            Err(format!("relwat assembles the module but not the object: {}", first.unwrap_or_default()))
        }
    }
}

/// The text of the wasm-smith module that `input` makes, as wasmprinter prints it.
pub fn smith_text(input: &[u8]) -> Option<String> {
    let mut u = arbitrary::Unstructured::new(input);
    let mut config = u.arbitrary::<wasm_smith::Config>().ok()?;
    // Proposals outside what the `wat` crate and relwat share as text (compact imports: the
    // import-section abbreviation `(import "m" (item "f" ...) ...)`).
    config.shared_everything_threads_enabled = false;
    config.custom_descriptors_enabled = false;
    config.generate_custom_sections = false;
    config.compact_imports_enabled = false;
    config.max_funcs = config.max_funcs.min(50);
    let module = wasm_smith::Module::new(config, &mut u).ok()?;
    wasmprinter::print_bytes(module.to_bytes()).ok()
}

/// The non-custom sections of a module: (id, payload).
fn standard_sections(bytes: &[u8]) -> Vec<(u8, Vec<u8>)> {
    crate::mutate::sections(bytes).unwrap_or_default().into_iter().filter(|(id, _)| *id != 0).collect()
}
