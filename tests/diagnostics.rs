//! Snapshot tests of relwat's diagnostics.
//!
//! Each `diagnostics/NAME.wat` is a broken input. It is assembled as an object with the default
//! features, every diagnostic is rendered without colour as `tests/diagnostics/NAME.wat`, and the
//! text must equal `diagnostics/NAME.stderr` (`RELWAT_BLESS=1` writes the `.stderr` files
//! instead; see the `relwat-snapshot` crate). A case that produces no error fails either way:
//! every input here is broken. A file whose leading comment says `;; expect-errors: N` must
//! produce exactly N errors (recovery checks).

use std::path::Path;

use relwat::diagnostic::render;
use relwat::{Options, assemble};

#[test]
fn diagnostics_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("diagnostics");
    relwat_snapshot::check_dir(&dir, "wat", "stderr", |input, source| {
        let shown_name = format!("tests/diagnostics/{}", input.file_name().expect("a file").to_string_lossy());
        let assembled = assemble(source, &Options::default());
        let rendered = render(&shown_name, source, &assembled.diagnostics, false);
        let errors = assembled.diagnostics.iter().filter(|d| d.is_error()).count();
        if rendered.is_empty() {
            return Err("no diagnostic at all (every case here is a broken input)".into());
        }
        if errors == 0 {
            return Err("only warnings, no error (every case here is a broken input)".into());
        }
        match expected_errors(source) {
            Some(expected) if errors != expected => {
                Err(format!("{errors} errors reported, the file says `expect-errors: {expected}`:\n{rendered}"))
            }
            _ => Ok(rendered),
        }
    });
}

/// `;; expect-errors: N` in the leading comment lines: a file with several errors says how many
/// must be reported, so that a snapshot cannot silently lose one.
fn expected_errors(source: &str) -> Option<usize> {
    source
        .lines()
        .take_while(|l| l.starts_with(";;"))
        .find_map(|l| l.trim_start_matches(';').trim().strip_prefix("expect-errors:"))
        .map(|n| n.trim().parse().expect("`expect-errors: N` takes a number"))
}
