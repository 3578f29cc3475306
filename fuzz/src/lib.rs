//! Fuzzing relwat in process, on the stable toolchain: a driver ([`Fuzzer`]) generates and mutates
//! inputs for each [`Target`], runs each input under `catch_unwind` with a time limit, and keeps
//! what fails as a finding. The checked-in regression inputs (`fuzz/corpus/TARGET/`) are replayed
//! by the ordinary tests (`tests/replay.rs`); `scripts/fuzz SECONDS` runs the targets as long as
//! asked.
//!
//! The targets and what each checks:
//! - [`Target::Wat2obj`]: mutated text. Assembling never panics; a text assembled body by body
//!   gives what the whole tree gives; an object relwat writes prints with obj2wat and, when the
//!   printer gives no warning, re-assembles to the same bytes.
//! - [`Target::Obj2wat`]: mutated objects (bits and bytes, LEBs padded, sections swapped,
//!   duplicated, dropped, cut). Printing never panics; a text printed without a warning
//!   re-assembles to the object's bytes.
//! - [`Target::Differential`]: modules from wasm-smith, printed by wasmprinter: relwat's module
//!   has the non-custom sections of the `wat` crate's, and as an object it validates and survives
//!   obj2wat and wat2obj byte for byte.
//! - [`Target::Lsp`]: the language server in process: random incremental edits at random UTF-16
//!   positions interleaved with every request it serves; it answers each request without an
//!   error, and after the edits its diagnostics equal those of a fresh open of the final text.

pub mod lsp;
pub mod mutate;
pub mod rng;
pub mod seeds;
pub mod targets;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

/// What is fuzzed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Mutated text through `wat2obj`'s pipeline.
    Wat2obj,
    /// Mutated objects through `obj2wat` and back.
    Obj2wat,
    /// wasm-smith modules against the `wat` crate.
    Differential,
    /// The language server under random edits and requests.
    Lsp,
}

impl Target {
    /// Every target.
    pub const ALL: [Target; 4] = [Target::Wat2obj, Target::Obj2wat, Target::Differential, Target::Lsp];

    /// The target's name (also its corpus directory).
    pub fn name(self) -> &'static str {
        match self {
            Target::Wat2obj => "wat2obj",
            Target::Obj2wat => "obj2wat",
            Target::Differential => "differential",
            Target::Lsp => "lsp",
        }
    }

    /// The target named `name`.
    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Runs one input: `Err` says what went wrong.
    pub fn run(self, input: &[u8]) -> Result<(), String> {
        match self {
            Target::Wat2obj => targets::wat2obj(input),
            Target::Obj2wat => targets::obj2wat(input),
            Target::Differential => targets::differential(input),
            Target::Lsp => lsp::run(input),
        }
    }
}

/// A failing input and what it did.
#[derive(Clone, Debug)]
pub struct Finding {
    /// The target it failed.
    pub target: Target,
    /// The input.
    pub input: Vec<u8>,
    /// What went wrong (a panic's message, a difference, the time taken).
    pub what: String,
}

/// Panics anywhere in the process (also those caught inside the language server), recorded by
/// the hook [`check`] installs instead of printed.
static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn record_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let msg = info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "a panic".into());
            let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
            if let Ok(mut p) = PANICS.lock() {
                p.push(format!("{msg}{at}"));
            }
        }));
    });
}

/// Runs `input` on `target`, catching panics (also those the language server catches itself)
/// and timing it: `Err` when it fails or takes longer than `limit`.
pub fn check(target: Target, input: &[u8], limit: Duration) -> Result<Duration, String> {
    record_panics();
    PANICS.lock().map(|mut p| p.clear()).ok();
    let start = Instant::now();
    let result = catch_unwind(AssertUnwindSafe(|| target.run(input)));
    let took = start.elapsed();
    if let Some(first) = PANICS.lock().ok().and_then(|p| p.first().cloned()) {
        return Err(format!("panic: {first}"));
    }
    match result {
        Ok(Ok(())) if took <= limit => Ok(took),
        Ok(Ok(())) => Err(format!("slow: {} ms (the limit is {} ms)", took.as_millis(), limit.as_millis())),
        Ok(Err(what)) => Err(what),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "a panic".into());
            Err(format!("panic: {msg}"))
        }
    }
}

/// The workspace root (where `fuzz/` is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_path_buf()
}

/// The regression inputs of `target`, checked in: (file, bytes).
pub fn corpus(target: Target) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = root().join("fuzz/corpus").join(target.name());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    files.retain(|p| {
        p.file_name().is_some_and(|n| !n.to_string_lossy().starts_with('.')) && p.extension().is_none_or(|e| e != "md")
    });
    files.sort();
    files.into_iter().filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b))).collect()
}
