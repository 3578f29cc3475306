//! The WebAssembly spec test suite (`tests/testsuite/**/*.wast`) against relwat.
//!
//! Every script is parsed with the `wast` crate, which tells us where each module is and what the
//! spec expects of it. Per module:
//!
//! * `module`: a text module the spec accepts (`(module ...)`, `(module definition ...)`,
//!   `(module quote ...)`, and modules inside `assert_trap`, `assert_unlinkable`, ...). relwat must
//!   assemble it (plain module output) without an error, and every non-custom section must equal the
//!   one the `wast` crate encodes, byte for byte. Custom sections (`name`, ...) may differ.
//! * `malformed`: `assert_malformed` of a text or quoted module: relwat must report an error.
//! * `invalid`: `assert_invalid` of a text or quoted module: relwat must report an error.
//! * `malformed-custom` / `invalid-custom`: a module whose custom annotation is wrong: relwat must
//!   report something (an error, or a warning if it ignores the annotation).
//!
//! Each script is validated with the WebAssembly features it was written for: see [`features_for`].
//!
//! Scripts that `wast` itself cannot parse (the legacy exception scripts: wast 263 no longer knows
//! `try`) are read with the harness's own scanner instead, without an oracle: each top-level
//! `(module ...)` must assemble and validate (`module-no-oracle`), each `(assert_invalid (module
//! ...))` must be rejected (`invalid-no-oracle`) and each `(assert_malformed (module quote ...))`
//! too (`malformed-no-oracle`).
//!
//! Binary modules, components and quoted texts that are not UTF-8 are skipped and counted with their
//! reason.
//!
//! Ratchet: `spec/known-failures.txt` lists the cases that fail today, one `file.wast:LINE:category`
//! per line, optionally followed by `# reason`. The test fails when a case fails that is not listed,
//! and when a listed case no longer fails, so the list stays exact. `RELWAT_UPDATE_KNOWN_FAILURES=1`
//! rewrites the list and keeps the reason of every case that is still failing.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use relwat::{Options, OutputKind};
use wasmparser::WasmFeatures;
use wast::core::ModuleKind;
use wast::lexer::Lexer;
use wast::parser::{self, ParseBuffer};
use wast::{QuoteWat, Wast, WastDirective, WastExecute, Wat};

#[path = "spec_scripts.rs"]
mod scripts;
use scripts::*;

const KNOWN_FAILURES: &str = "spec/known-failures.txt";
const UPDATE_VAR: &str = "RELWAT_UPDATE_KNOWN_FAILURES";
/// How many new failures the final message shows with their reasons.
const SHOWN_FAILURES: usize = 20;
/// Deeply nested test modules need more than the default 2 MiB of stack.
const WORKER_STACK: usize = 256 << 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Category {
    Module,
    Malformed,
    Invalid,
    MalformedCustom,
    InvalidCustom,
    ModuleNoOracle,
    MalformedNoOracle,
    InvalidNoOracle,
}

impl Category {
    const ALL: [Category; 8] = [
        Category::Module,
        Category::Malformed,
        Category::Invalid,
        Category::MalformedCustom,
        Category::InvalidCustom,
        Category::ModuleNoOracle,
        Category::MalformedNoOracle,
        Category::InvalidNoOracle,
    ];

    fn name(self) -> &'static str {
        match self {
            Category::Module => "module",
            Category::Malformed => "malformed",
            Category::Invalid => "invalid",
            Category::MalformedCustom => "malformed-custom",
            Category::InvalidCustom => "invalid-custom",
            Category::ModuleNoOracle => "module-no-oracle",
            Category::MalformedNoOracle => "malformed-no-oracle",
            Category::InvalidNoOracle => "invalid-no-oracle",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The features each script is validated with.

/// The WebAssembly features the scripts under `rel` (a path relative to the suite) are validated
/// with. Some `assert_invalid` cases are invalid only under the feature set their script was
/// written for, so the harness does not validate everything with [`WasmFeatures::all`]:
///
/// | scripts                                       | features                                     |
/// |-----------------------------------------------|----------------------------------------------|
/// | top level, `custom/`, `legacy/`               | [`core_features`]                            |
/// | `proposals/custom-page-sizes/`                | [`core_features`] (custom-page-sizes is in)  |
/// | `proposals/wide-arithmetic/`                  | [`core_features`] (wide-arithmetic is in)    |
/// | `proposals/custom-descriptors/`               | [`core_features`] + custom-descriptors       |
/// | `proposals/threads/`                          | WebAssembly 1.0 + threads                    |
///
/// `proposals/threads/` was written on WebAssembly 1.0, before reference types (which allow several
/// tables) and multi-memory: it asserts "multiple tables" (imports.wast:310, 314, 318) and "multiple
/// memories" (memory.wast:14, 15, imports.wast:405, 409, 413) invalid. Its modules use nothing
/// beyond 1.0 and threads, and with WebAssembly 2.0 + threads the three "multiple tables" cases
/// would still be valid.
///
/// A directory not in the table fails the test, so that a new proposal gets its row.
fn features_for(rel: &str) -> Result<WasmFeatures, String> {
    let Some(rest) = rel.strip_prefix("proposals/") else {
        return Ok(core_features());
    };
    let proposal = rest.split('/').next().unwrap_or_default();
    match proposal {
        "custom-page-sizes" | "wide-arithmetic" => Ok(core_features()),
        "custom-descriptors" => Ok(core_features() | WasmFeatures::CUSTOM_DESCRIPTORS),
        "threads" => Ok(WasmFeatures::WASM1 | WasmFeatures::THREADS),
        _ => {
            Err(format!("harness: no feature set for proposals/{proposal}/: add a row to the table of `features_for`"))
        }
    }
}

/// The features of the core scripts: every feature wasmparser has, less those that are neither in
/// the standard nor a proposal of the suite's and that make a case the core scripts call invalid
/// valid (checked on wasmparser 0.263):
///
/// * custom-descriptors relaxes the rule that the target type of `br_on_cast`/`br_on_cast_fail` be
///   a subtype of the operand type to "both in the same type hierarchy", which makes
///   br_on_cast.wast:235, 253, 261 and br_on_cast_fail.wast:250, 268, 276 valid
///   (proposals/custom-descriptors/br_on_cast.wast:211 accepts the same functions); it is enabled
///   for its own proposal directory only.
/// * stack-switching allows results on a tag, which makes tag.wast:19 and 23 ("non-empty tag result
///   type") valid.
/// * shared-everything-threads (shared globals, tables and types) changes no case of the suite
///   today, but is neither standard nor a proposal of the suite.
///
/// The remaining non-standard features change no case: legacy-exceptions is what `legacy/` needs,
/// and memory-control, acquire-release-atomics, multibyte-array-access, compact-imports and the
/// component-model features only add instructions, encodings or component forms that no core
/// script uses.
fn core_features() -> WasmFeatures {
    WasmFeatures::all()
        - WasmFeatures::CUSTOM_DESCRIPTORS
        - WasmFeatures::STACK_SWITCHING
        - WasmFeatures::SHARED_EVERYTHING_THREADS
}

enum Outcome {
    Pass,
    Fail(String),
    Skip(String),
}

struct Case {
    /// `file.wast:LINE:category`, with `#N` appended for the N-th case of the same key.
    key: String,
    category: Category,
    outcome: Outcome,
}

#[derive(Default)]
struct FileResult {
    cases: Vec<Case>,
    /// Why the whole script was skipped (it cannot be read, or has no feature set).
    skipped: Option<String>,
    /// Why `wast` cannot parse the script, when its cases come from [`scan_script`].
    no_oracle: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Panics inside relwat become failures with a reason, without flooding the output.

thread_local! {
    static QUIET_PANICS: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if QUIET_PANICS.with(Cell::get) {
            let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
                (*s).to_string()
            } else if let Some(s) = info.payload().downcast_ref::<String>() {
                s.clone()
            } else {
                "non-string panic payload".to_string()
            };
            let loc = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{msg}{loc}")));
        } else {
            default(info);
        }
    }));
}

/// Modules assembled as objects body by body with warnings (each compared with the one-tree path).
static OBJECTS_WITH_WARNINGS: AtomicUsize = AtomicUsize::new(0);

/// Runs relwat on `text` (plain module output, validated with `features`); a panic becomes
/// `Err(reason)`. Each way of assembling must give what the other gives, as a module and as an
/// object.
fn run_relwat(text: &str, features: WasmFeatures) -> Result<relwat::Assembled, String> {
    let options = Options { features, output: OutputKind::Module, validate: true };
    QUIET_PANICS.with(|q| q.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| {
        let whole = relwat::assemble_in_one_tree(text, &options);
        if let Some(by_body) = relwat::assemble_body_by_body(text, &options) {
            assert!(
                whole.diagnostics.is_empty() && by_body.bytes == whole.bytes,
                "assembled body by body: not the result of the one-tree path"
            );
        }
        // As an object, where the object rules' warnings come body by body too.
        let object = Options { features, output: OutputKind::Object, validate: true };
        if let Some(by_body) = relwat::assemble_body_by_body(text, &object) {
            let in_one_tree = relwat::assemble_in_one_tree(text, &object);
            assert!(
                by_body.bytes == in_one_tree.bytes && by_body.diagnostics == in_one_tree.diagnostics,
                "assembled as an object body by body: not the result of the one-tree path"
            );
            if !by_body.diagnostics.is_empty() {
                OBJECTS_WITH_WARNINGS.fetch_add(1, Ordering::Relaxed);
            }
        }
        whole
    }));
    QUIET_PANICS.with(|q| q.set(false));
    result.map_err(|_| {
        let msg = LAST_PANIC.with(|p| p.borrow_mut().take()).unwrap_or_else(|| "unknown".into());
        format!("relwat panicked: {msg}")
    })
}

// ---------------------------------------------------------------------------------------------
// Comparing binaries.

fn section_name(id: u8) -> &'static str {
    match id {
        0 => "custom",
        1 => "type",
        2 => "import",
        3 => "function",
        4 => "table",
        5 => "memory",
        6 => "global",
        7 => "export",
        8 => "start",
        9 => "element",
        10 => "code",
        11 => "data",
        12 => "datacount",
        13 => "tag",
        _ => "unknown",
    }
}

/// (section id, payload bytes) of every non-custom section, in order.
fn sections(bytes: &[u8]) -> Result<Vec<(u8, &[u8])>, String> {
    let mut out = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(|e| e.to_string())?;
        if let Some((id, range)) = payload.as_section()
            && id != 0
        {
            out.push((id, &bytes[range.start as usize..range.end as usize]));
        }
    }
    Ok(out)
}

fn compare(ours: &[u8], oracle: &[u8]) -> Result<(), String> {
    let ours = sections(ours).map_err(|e| format!("relwat's binary does not parse: {e}"))?;
    let theirs = sections(oracle).map_err(|e| format!("wast's binary does not parse: {e}"))?;
    let ids = |s: &[(u8, &[u8])]| s.iter().map(|(id, _)| section_name(*id)).collect::<Vec<_>>().join(",");
    if ours.len() != theirs.len() || ours.iter().zip(&theirs).any(|(a, b)| a.0 != b.0) {
        return Err(format!("sections differ: relwat [{}], wat [{}]", ids(&ours), ids(&theirs)));
    }
    for ((id, a), (_, b)) in ours.iter().zip(&theirs) {
        if a != b {
            let at = a.iter().zip(b.iter()).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
            return Err(format!(
                "{} section differs: relwat {} bytes, wat {} bytes, first difference at payload byte {at}",
                section_name(*id),
                a.len(),
                b.len()
            ));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// One script.

/// Where a module's text comes from.
enum Source {
    Text(String),
    Skip(String),
}

fn source_of(script: &str, opens: &HashMap<usize, usize>, module: &QuoteWat<'_>) -> Source {
    match module {
        QuoteWat::Wat(Wat::Component(_)) | QuoteWat::QuoteComponent(..) => Source::Skip("component".into()),
        QuoteWat::Wat(Wat::Module(m)) => match m.kind {
            ModuleKind::Binary(_) => Source::Skip("binary module".into()),
            ModuleKind::Text(_) => match module_text(script, opens, m.span.offset()) {
                Ok(text) => Source::Text(text),
                Err(e) => Source::Skip(e),
            },
        },
        QuoteWat::QuoteModule(_, strings) => {
            let mut bytes = Vec::new();
            for (_, s) in strings {
                bytes.extend_from_slice(s);
                bytes.push(b' ');
            }
            match String::from_utf8(bytes) {
                Ok(text) => Source::Text(text),
                Err(_) => Source::Skip("quoted text is not UTF-8".into()),
            }
        }
    }
}

/// The outcome of a module the spec accepts, when there is no oracle to compare with: relwat must
/// assemble and validate it without an error.
fn accepted(text: &str, features: WasmFeatures) -> Outcome {
    match run_relwat(text, features) {
        Err(why) => Outcome::Fail(why),
        Ok(out) => match out.diagnostics.iter().find(|d| d.is_error()) {
            Some(d) => Outcome::Fail(error_reason(text, d)),
            None if out.bytes.is_none() => Outcome::Fail("no output and no error diagnostic".into()),
            None => Outcome::Pass,
        },
    }
}

/// The outcome of a module the spec rejects: relwat must report an error (or, when `custom`, at
/// least a diagnostic).
fn rejected(text: &str, features: WasmFeatures, custom: bool) -> Outcome {
    match run_relwat(text, features) {
        Err(why) => Outcome::Fail(why),
        Ok(out) => {
            if out.diagnostics.iter().any(|d| d.is_error() || custom) {
                Outcome::Pass
            } else if custom {
                Outcome::Fail("accepted without any diagnostic".into())
            } else {
                Outcome::Fail("accepted (no error diagnostic)".into())
            }
        }
    }
}

/// `error: MESSAGE (at module line L, column C)` for a failure.
fn error_reason(text: &str, d: &relwat::diagnostic::Diagnostic) -> String {
    let msg = d.message.lines().next().unwrap_or_default();
    let at = linecol(text, d.primary.span.start);
    format!("error: {msg} (at {at})")
}

struct FileRun<'s> {
    rel: &'s str,
    script: &'s str,
    features: WasmFeatures,
    opens: HashMap<usize, usize>,
    seen: HashMap<String, usize>,
    cases: Vec<Case>,
}

impl FileRun<'_> {
    fn push(&mut self, span: wast::token::Span, category: Category, outcome: Outcome) {
        let (line, _) = span.linecol_in(self.script);
        self.push_line(line + 1, category, outcome);
    }

    /// Records a case of the script's line `line` (1-based).
    fn push_line(&mut self, line: usize, category: Category, outcome: Outcome) {
        let base = format!("{}:{}:{}", self.rel, line, category.name());
        let n = self.seen.entry(base.clone()).or_insert(0);
        *n += 1;
        let key = if *n == 1 { base } else { format!("{base}#{n}") };
        self.cases.push(Case { key, category, outcome });
    }

    /// A module the spec accepts: relwat must encode it as wast does.
    fn accept(&mut self, mut module: QuoteWat<'_>) {
        let span = module.span();
        let text = match source_of(self.script, &self.opens, &module) {
            Source::Text(t) => t,
            Source::Skip(why) => return self.push(span, Category::Module, Outcome::Skip(why)),
        };
        let oracle = match module.encode() {
            Ok(bytes) => bytes,
            Err(e) => {
                let first = e.to_string().lines().next().unwrap_or_default().to_string();
                return self.push(span, Category::Module, Outcome::Skip(format!("wast cannot encode: {first}")));
            }
        };
        // Self-check of the extraction: the text we give relwat must be the module wast encoded.
        if matches!(module, QuoteWat::Wat(_)) && reencode(&text).as_deref() != Ok(&oracle[..]) {
            let why = "harness: the extracted text does not encode as the script's module".to_string();
            return self.push(span, Category::Module, Outcome::Skip(why));
        }
        let outcome = match run_relwat(&text, self.features) {
            Err(why) => Outcome::Fail(why),
            Ok(out) => {
                if let Some(d) = out.diagnostics.iter().find(|d| d.is_error()) {
                    Outcome::Fail(error_reason(&text, d))
                } else if let Some(bytes) = out.bytes {
                    match compare(&bytes, &oracle) {
                        Ok(()) => Outcome::Pass,
                        Err(why) => Outcome::Fail(why),
                    }
                } else {
                    Outcome::Fail("no output and no error diagnostic".into())
                }
            }
        };
        self.push(span, Category::Module, outcome);
    }

    /// A module the spec rejects: relwat must report an error (or, for the custom categories, at
    /// least a diagnostic).
    fn reject(&mut self, module: &QuoteWat<'_>, category: Category) {
        let span = module.span();
        let text = match source_of(self.script, &self.opens, module) {
            Source::Text(t) => t,
            Source::Skip(why) => return self.push(span, category, Outcome::Skip(why)),
        };
        let custom = matches!(category, Category::MalformedCustom | Category::InvalidCustom);
        let outcome = rejected(&text, self.features, custom);
        self.push(span, category, outcome);
    }

    fn directives(&mut self, directives: Vec<WastDirective<'_>>) {
        for d in directives {
            match d {
                WastDirective::Module(m) | WastDirective::ModuleDefinition(m) => self.accept(m),
                WastDirective::AssertMalformed { module, .. } => self.reject(&module, Category::Malformed),
                WastDirective::AssertInvalid { module, .. } => self.reject(&module, Category::Invalid),
                WastDirective::AssertMalformedCustom { module, .. } => self.reject(&module, Category::MalformedCustom),
                WastDirective::AssertInvalidCustom { module, .. } => self.reject(&module, Category::InvalidCustom),
                WastDirective::AssertUnlinkable { module, .. } => self.accept(QuoteWat::Wat(module)),
                WastDirective::AssertTrap { exec, .. }
                | WastDirective::AssertReturn { exec, .. }
                | WastDirective::AssertException { exec, .. }
                | WastDirective::AssertSuspension { exec, .. } => {
                    if let WastExecute::Wat(w) = exec {
                        self.accept(QuoteWat::Wat(w));
                    }
                }
                WastDirective::Thread(t) => self.directives(t.directives),
                // Instance-only forms and actions hold no module text.
                WastDirective::ModuleInstance { .. }
                | WastDirective::Register { .. }
                | WastDirective::Invoke(_)
                | WastDirective::AssertExhaustion { .. }
                | WastDirective::Wait { .. } => {}
            }
        }
    }

    /// The fallback for a script `wast` cannot parse: the module forms the harness's own scanner
    /// finds, checked without an oracle.
    fn scanned(&mut self) {
        for form in scan_script(self.script, &self.opens) {
            let line = line_of(self.script, form.keyword);
            let outcome = match form.source {
                Source::Skip(why) => Outcome::Skip(why),
                Source::Text(text) => match form.category {
                    Category::ModuleNoOracle => accepted(&text, self.features),
                    _ => rejected(&text, self.features, false),
                },
            };
            self.push_line(line, form.category, outcome);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The suite.

fn wast_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            wast_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "wast") {
            out.push(p);
        }
    }
}

/// One line of the known-failures list: `file.wast:LINE:category` (or `...:category#N`), optionally
/// followed by white space and `# reason`.
struct Known {
    key: String,
    reason: Option<String>,
}

/// Parses the known-failures list; lines that start with `#` and blank lines are comments.
fn parse_known(text: &str) -> Vec<Known> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            // The comment starts at a `#` after white space: a key's own `#N` suffix has none.
            let hash = l.char_indices().find(|&(i, c)| c == '#' && l[..i].ends_with(char::is_whitespace));
            let (key, reason) = match hash {
                Some((i, _)) => (l[..i].trim(), Some(l[i + 1..].trim()).filter(|r| !r.is_empty())),
                None => (l, None),
            };
            Known { key: key.to_string(), reason: reason.map(String::from) }
        })
        .collect()
}

fn read_known(path: &Path) -> Vec<Known> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e} (create it with {UPDATE_VAR}=1)", path.display()));
    parse_known(&text)
}

/// Writes the list of `failing` keys, each with its reason from `old` (the list before) if it had one.
fn write_known(path: &Path, failing: &[&str], old: &[Known]) {
    let reasons: HashMap<&str, &str> =
        old.iter().filter_map(|k| Some((k.key.as_str(), k.reason.as_deref()?))).collect();
    let mut text = String::from(
        "# Spec-suite cases relwat fails today, checked by tests/spec_suite.rs: one `file.wast:LINE:category`\n\
         # per line, optionally followed by `# why it fails`.\n\
         # The list is exact: a new failure and a case that now passes both fail the test.\n\
         # Regenerate with: RELWAT_UPDATE_KNOWN_FAILURES=1 cargo test --release -p relwat-tests --test spec_suite\n\
         # (the reasons of the cases that still fail are kept).\n",
    );
    for key in failing {
        text.push_str(key);
        if let Some(reason) = reasons.get(key) {
            text.push_str("  # ");
            text.push_str(reason);
        }
        text.push('\n');
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

#[test]
fn spec_suite() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let suite = manifest.join("testsuite");
    assert!(suite.is_dir(), "the spec test suite is missing: {} does not exist", suite.display());
    let suite = suite.canonicalize().expect("canonical test suite path");
    let mut files = Vec::new();
    wast_files(&suite, &mut files);
    assert!(!files.is_empty(), "no .wast file under {}", suite.display());
    let rels: Vec<String> =
        files.iter().map(|p| p.strip_prefix(&suite).unwrap().to_string_lossy().replace('\\', "/")).collect();

    install_panic_hook();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<FileResult>>> = Mutex::new((0..files.len()).map(|_| None).collect());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(files.len());
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                std::thread::Builder::new()
                    .stack_size(WORKER_STACK)
                    .spawn_scoped(scope, || {
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            if i >= files.len() {
                                break;
                            }
                            let r = run_file(&rels[i], &files[i]);
                            results.lock().unwrap()[i] = Some(r);
                        }
                    })
                    .expect("spawn worker")
            })
            .collect();
        for h in handles {
            if h.join().is_err() {
                panic!("a spec-suite worker panicked outside relwat (harness bug, see above)");
            }
        }
    });
    let _ = std::panic::take_hook(); // back to the default hook
    let results: Vec<FileResult> = results.into_inner().unwrap().into_iter().map(|r| r.unwrap()).collect();

    // Counts.
    let mut counts: BTreeMap<Category, [usize; 3]> = Category::ALL.iter().map(|&c| (c, [0; 3])).collect();
    let mut skip_reasons: BTreeMap<String, usize> = BTreeMap::new();
    let mut skipped_files = Vec::new();
    let mut no_oracle_files = Vec::new();
    let mut failing: Vec<&Case> = Vec::new();
    let mut passing: HashSet<&str> = HashSet::new();
    for (rel, r) in rels.iter().zip(&results) {
        if let Some(why) = &r.skipped {
            skipped_files.push(format!("{rel}: {why}"));
        }
        if let Some(why) = &r.no_oracle {
            no_oracle_files.push(format!("{rel}: {why}"));
        }
        for case in &r.cases {
            let c = counts.get_mut(&case.category).unwrap();
            match &case.outcome {
                Outcome::Pass => {
                    c[0] += 1;
                    passing.insert(&case.key);
                }
                Outcome::Fail(_) => {
                    c[1] += 1;
                    failing.push(case);
                }
                Outcome::Skip(why) => {
                    c[2] += 1;
                    *skip_reasons.entry(format!("{}: {why}", case.category.name())).or_default() += 1;
                }
            }
        }
    }

    let mut report = String::new();
    let _ = writeln!(report, "spec suite: {} scripts under {}", files.len(), suite.display());
    for (cat, [p, f, s]) in &counts {
        let _ = writeln!(report, "  {:<20} passed {p:>6}   failed {f:>6}   skipped {s:>6}", cat.name());
    }
    if !skip_reasons.is_empty() {
        let _ = writeln!(report, "skipped cases by reason:");
        for (why, n) in &skip_reasons {
            let _ = writeln!(report, "  {n:>6}  {why}");
        }
    }
    if !no_oracle_files.is_empty() {
        let _ = writeln!(
            report,
            "scripts checked without the oracle ({}; wast 263 cannot parse them, the *-no-oracle cases):",
            no_oracle_files.len()
        );
        for f in &no_oracle_files {
            let _ = writeln!(report, "  {f}");
        }
    }
    let with_warnings = OBJECTS_WITH_WARNINGS.load(Ordering::Relaxed);
    let _ = writeln!(report, "objects with warnings assembled body by body, as in one tree: {with_warnings}");
    print!("{report}");
    assert!(with_warnings > 500, "only {with_warnings} objects with warnings were compared");
    if !skipped_files.is_empty() {
        panic!("{} scripts could not be checked:\n  {}", skipped_files.len(), skipped_files.join("\n  "));
    }

    // Ratchet.
    let known_path = manifest.join(KNOWN_FAILURES);
    let failing_keys: Vec<&str> = failing.iter().map(|c| c.key.as_str()).collect();
    if std::env::var(UPDATE_VAR).is_ok_and(|v| v == "1") {
        let old = std::fs::read_to_string(&known_path).map(|t| parse_known(&t)).unwrap_or_default();
        write_known(&known_path, &failing_keys, &old);
        println!("wrote {} known failures to {}", failing_keys.len(), known_path.display());
        return;
    }
    let known = read_known(&known_path);
    let known_keys: Vec<&str> = known.iter().map(|k| k.key.as_str()).collect();
    let known_set: HashSet<&str> = known_keys.iter().copied().collect();
    let new: Vec<&&Case> = failing.iter().filter(|c| !known_set.contains(c.key.as_str())).collect();
    let failing_set: HashSet<&str> = failing_keys.iter().copied().collect();
    let fixed: Vec<&str> = known_keys.iter().copied().filter(|k| passing.contains(k)).collect();
    let stale: Vec<&str> =
        known_keys.iter().copied().filter(|k| !passing.contains(k) && !failing_set.contains(k)).collect();
    println!(
        "known failures: {} listed ({} without a reason), {} still failing, {} new failures, {} now passing, \
         {} no longer exist",
        known.len(),
        known.iter().filter(|k| k.reason.is_none()).count(),
        failing.len() - new.len(),
        new.len(),
        fixed.len(),
        stale.len()
    );
    for c in failing.iter().filter(|c| known_set.contains(c.key.as_str())) {
        if let Outcome::Fail(why) = &c.outcome {
            println!("  {}: {why}", c.key);
        }
    }
    if new.is_empty() && fixed.is_empty() && stale.is_empty() {
        return;
    }
    let mut msg = String::new();
    if !new.is_empty() {
        let _ = writeln!(msg, "{} new spec-suite failures (not in {KNOWN_FAILURES}):", new.len());
        for c in new.iter().take(SHOWN_FAILURES) {
            if let Outcome::Fail(why) = &c.outcome {
                let _ = writeln!(msg, "  {}: {why}", c.key);
            }
        }
        if new.len() > SHOWN_FAILURES {
            let _ = writeln!(msg, "  ... and {} more", new.len() - SHOWN_FAILURES);
        }
    }
    if !fixed.is_empty() {
        let _ = writeln!(msg, "{} cases in {KNOWN_FAILURES} pass now (remove them):", fixed.len());
        for k in fixed.iter().take(SHOWN_FAILURES) {
            let _ = writeln!(msg, "  {k}");
        }
        if fixed.len() > SHOWN_FAILURES {
            let _ = writeln!(msg, "  ... and {} more", fixed.len() - SHOWN_FAILURES);
        }
    }
    if !stale.is_empty() {
        let _ = writeln!(msg, "{} cases in {KNOWN_FAILURES} no longer exist or are skipped:", stale.len());
        for k in stale.iter().take(SHOWN_FAILURES) {
            let _ = writeln!(msg, "  {k}");
        }
    }
    let _ = writeln!(msg, "after checking them, rewrite the list with {UPDATE_VAR}=1");
    panic!("{msg}");
}

#[test]
fn known_failures_format() {
    let text = "# header\n\na.wast:1:module\nb.wast:2:invalid#2  # why, with a # inside\n\
                c.wast:3:malformed\t#tab\nd.wast:4:module  #\n";
    let known = parse_known(text);
    let pairs: Vec<(&str, Option<&str>)> = known.iter().map(|k| (k.key.as_str(), k.reason.as_deref())).collect();
    assert_eq!(
        pairs,
        [
            ("a.wast:1:module", None),
            ("b.wast:2:invalid#2", Some("why, with a # inside")),
            ("c.wast:3:malformed", Some("tab")),
            ("d.wast:4:module", None),
        ]
    );
    // Rewriting keeps the reasons of the cases still failing and drops the others.
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("known-failures-format.txt");
    write_known(&path, &["b.wast:2:invalid#2", "e.wast:5:module"], &known);
    let again = parse_known(&std::fs::read_to_string(&path).unwrap());
    let pairs: Vec<(&str, Option<&str>)> = again.iter().map(|k| (k.key.as_str(), k.reason.as_deref())).collect();
    assert_eq!(pairs, [("b.wast:2:invalid#2", Some("why, with a # inside")), ("e.wast:5:module", None)]);
}

#[test]
fn scanner_finds_module_forms() {
    let script = r#"
;; (module $commented)
(module $a (func))
(register "a" $a)
(assert_invalid (module (func (result i32))) "type mismatch")
(assert_malformed (module quote "(module" " (func \"x\41\u{42}\"))") "unexpected token")
(assert_malformed (module binary "\00asm") "bad")
(module instance $i $a)
(assert_return (invoke "f") (i32.const 0))
(; (module $block-commented) ;)
(module definition $d (memory 1))
"#;
    let forms = scan_script(script, &open_parens(script.as_bytes()));
    let got: Vec<(usize, &str, String)> = forms
        .iter()
        .map(|f| {
            let source = match &f.source {
                Source::Text(t) => t.clone(),
                Source::Skip(why) => format!("skip: {why}"),
            };
            (line_of(script, f.keyword), f.category.name(), source)
        })
        .collect();
    assert_eq!(
        got,
        [
            (3, "module-no-oracle", "(module $a (func))".to_string()),
            (5, "invalid-no-oracle", "(module (func (result i32)))".to_string()),
            (6, "malformed-no-oracle", "(module  (func \"xAB\")) ".to_string()),
            (7, "malformed-no-oracle", "skip: binary module".to_string()),
            (11, "module-no-oracle", "(module definition $d (memory 1))".replace("definition", "          ")),
        ]
    );
}
