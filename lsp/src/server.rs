//! The LSP layer: documents, edits in arrival order, checks off the request path, and the
//! conversion of analysis results (byte spans) to LSP types (positions via [`crate::pos`]).
//!
//! Ordering: tower-lsp-server runs notification handlers concurrently, so text synchronisation is
//! done by [`Ordered`], a tower service in front of the `LspService` whose `call` runs in the
//! order messages are read: it applies `didOpen`/`didChange`/`didClose` there, synchronously.
//!
//! Checking: one worker thread per document, at a lower scheduling priority than the threads
//! answering requests, re-parses (one field when it can) and checks the text. A newer edit cancels
//! a running check between stages; diagnostics are published only for the version they were
//! computed for, and only when it is still the latest. Requests never wait for a check: they use
//! the last analysis, with positions mapped through the edits made since. The worker does not copy
//! the syntax tree per edit: once a new analysis is published, the previous one's tree is brought
//! up to date (the same one-field update) and becomes the tree the next check updates.

use crate::analysis::{self, Analysis, Syntax, completion, fixes, hints, hover, names, symbols, tokens};
use crate::pos::{DocText, Encoding, Pos};
use relwat::diagnostic::{Diagnostic as RDiag, Severity};
use relwat::span::Span;
use serde_json::Value;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::task::{Context, Poll};
use std::time::Instant;
use tokio::runtime::Handle;
use tokio::sync::mpsc;
use tower::Service;
use tower_lsp_server::jsonrpc::{self, Request, Response};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, ClientSocket, LanguageServer, LspService};

/// One edit in byte offsets: `start..old_end` of the previous text became `new_len` bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edit {
    /// Start.
    pub start: u32,
    /// End in the previous text.
    pub old_end: u32,
    /// Length of the new text.
    pub new_len: u32,
}

impl Edit {
    fn delta(&self) -> i64 {
        self.new_len as i64 - (self.old_end - self.start) as i64
    }
}

/// An open document.
struct Doc {
    text: DocText,
    version: i32,
    /// Counts changes; the check of generation `g` is for the text after change `g`.
    generation: u64,
    /// The latest generation, shared with the running check (which stops when it changes).
    latest: Arc<AtomicU64>,
    /// Edits since the analysis's generation, with the generation each produced (the worker
    /// takes those after its syntax's generation from here).
    since: Vec<(u64, Edit)>,
    analysis: Option<(u64, Arc<Analysis>)>,
    wake: mpsc::UnboundedSender<()>,
}

/// Server state shared by the handlers, the ordering layer and the workers.
pub struct State {
    /// Open documents. A read lock for requests and for the worker's copy of the text (a large
    /// file takes milliseconds to copy: a request must not wait for it); a write lock for edits.
    docs: RwLock<HashMap<String, Doc>>,
    encoding: Mutex<Encoding>,
    /// Notified after each publication (tests and benchmarks wait on it).
    pub published: tokio::sync::Notify,
}

impl State {
    fn new() -> Arc<State> {
        Arc::new(State {
            docs: RwLock::new(HashMap::new()),
            encoding: Mutex::new(Encoding::Utf16),
            published: tokio::sync::Notify::new(),
        })
    }

    fn enc(&self) -> Encoding {
        *self.encoding.lock().expect("lock")
    }
}

/// The language server.
pub struct Backend {
    client: Client,
    state: Arc<State>,
}

/// Builds the service and its client socket (for stdio or an in-process client).
pub fn service() -> (Ordered, ClientSocket) {
    let state = State::new();
    let st = state.clone();
    let (inner, socket) = LspService::new(move |client| Backend { client, state: st });
    let client = inner.inner().client.clone();
    (Ordered { inner, state, client }, socket)
}

/// Serves LSP on stdin/stdout until `exit` or the end of stdin.
pub async fn serve_stdio() {
    let (service, socket) = service();
    tower_lsp_server::Server::new(tokio::io::stdin(), tokio::io::stdout(), socket).serve(service).await;
}

/// The ordering layer in front of the `LspService` (see the module documentation).
pub struct Ordered {
    inner: LspService<Backend>,
    state: Arc<State>,
    client: Client,
}

impl Service<Request> for Ordered {
    type Response = Option<Response>;
    type Error = tower_lsp_server::ExitedError;
    type Future = <LspService<Backend> as Service<Request>>::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let params = req.params().cloned().unwrap_or(Value::Null);
        match req.method() {
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(params) {
                    open(&self.state, &self.client, p);
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(params) {
                    change(&self.state, p);
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(params) {
                    let key = p.text_document.uri.as_str().to_string();
                    self.state.docs.write().expect("lock").remove(&key);
                }
            }
            _ => {}
        }
        self.inner.call(req)
    }
}

fn open(state: &Arc<State>, client: &Client, p: DidOpenTextDocumentParams) {
    let key = p.text_document.uri.as_str().to_string();
    let (tx, rx) = mpsc::unbounded_channel();
    let doc = Doc {
        text: DocText::new(&p.text_document.text),
        version: p.text_document.version,
        generation: 1,
        latest: Arc::new(AtomicU64::new(1)),
        since: Vec::new(),
        analysis: None,
        wake: tx.clone(),
    };
    state.docs.write().expect("lock").insert(key.clone(), doc);
    let _ = tx.send(());
    let (state, client, rt, uri) = (state.clone(), client.clone(), Handle::current(), p.text_document.uri);
    std::thread::Builder::new()
        .name("relwat-lsp check".into())
        .spawn(move || worker(state, client, rt, uri, rx))
        .expect("spawn the document's worker thread");
}

fn change(state: &Arc<State>, p: DidChangeTextDocumentParams) {
    let key = p.text_document.uri.as_str().to_string();
    let enc = state.enc();
    let mut docs = state.docs.write().expect("lock");
    let Some(doc) = docs.get_mut(&key) else { return };
    doc.generation += 1;
    let generation = doc.generation;
    for c in p.content_changes {
        let (start, end) = match c.range {
            Some(r) => {
                let s = doc.text.offset(Pos { line: r.start.line, col: r.start.character }, enc);
                let e = doc.text.offset(Pos { line: r.end.line, col: r.end.character }, enc);
                (s.min(e), s.max(e))
            }
            None => (0, doc.text.len()),
        };
        if c.range.is_some() {
            doc.text.replace(start, end, &c.text);
        } else {
            doc.text = DocText::new(&c.text);
        }
        let e = Edit { start, old_end: end, new_len: c.text.len() as u32 };
        doc.since.push((generation, e));
    }
    doc.version = p.text_document.version;
    doc.latest.store(generation, Ordering::SeqCst);
    let _ = doc.wake.send(());
}

/// The hull of several consecutive edits, as one edit of the text before the first. (Public for
/// the tests that check edits as the worker does, batched and on the trees it keeps.)
pub fn hull(edits: &[Edit]) -> Option<Edit> {
    let mut it = edits.iter();
    let first = *it.next()?;
    // Dirty region in current coordinates, and the total delta.
    let (mut ds, mut de) = (first.start, first.start + first.new_len);
    let mut delta = first.delta();
    for e in it {
        let d = e.delta();
        let shift = |x: u32| -> u32 {
            if x >= e.old_end {
                (x as i64 + d) as u32
            } else if x > e.start {
                e.start + e.new_len
            } else {
                x
            }
        };
        de = shift(de).max(e.start + e.new_len);
        ds = ds.min(e.start);
        delta += d;
    }
    let old_end = (de as i64 - delta) as u32;
    Some(Edit { start: ds, old_end, new_len: de - ds })
}

/// Checks a document after each change (see the module documentation). Runs on the document's
/// own thread; ends when the document is closed.
fn worker(state: Arc<State>, client: Client, rt: Handle, uri: Uri, mut rx: mpsc::UnboundedReceiver<()>) {
    lower_priority();
    let key = uri.as_str().to_string();
    let trace = std::env::var_os("RELWAT_LSP_TRACE").is_some();
    // The syntax the next check updates, with the generation of the text it is a parse of.
    let mut base: Option<(u64, Syntax)> = None;
    while rx.blocking_recv().is_some() {
        while rx.try_recv().is_ok() {}
        let t0 = Instant::now();
        let (text, generation, latest, edits, prev) = {
            let docs = state.docs.read().expect("lock");
            let Some(doc) = docs.get(&key) else { return };
            let from = base.as_ref().map_or(0, |(g, _)| *g);
            let edits: Vec<Edit> = doc.since.iter().filter(|(g, _)| *g > from).map(|(_, e)| *e).collect();
            let prev = doc.analysis.as_ref().map(|(_, a)| a.clone());
            (doc.text.clone(), doc.generation, doc.latest.clone(), edits, prev)
        };
        // Copied to one string outside the lock (the clone under it shares the rope's nodes).
        let text = text.to_arc();
        let t1 = Instant::now();
        let mut syn = catch_unwind(AssertUnwindSafe(|| match (base.take(), hull(&edits)) {
            (Some((_, mut s)), Some(e)) => {
                s.update(text.clone(), e.start, e.old_end, e.new_len);
                s
            }
            (Some((_, s)), None) => s,
            (None, _) => Syntax::parse(text.clone()),
        }))
        .unwrap_or_else(|_| Syntax::parse(text.clone()));
        let t2 = Instant::now();
        // What the last check kept of the bodies (it need not be of the syntax's lineage: see
        // `analysis::bodies`).
        let kept = prev.as_ref().map(|a| &a.checked.bodies);
        let checked = catch_unwind(AssertUnwindSafe(|| {
            analysis::check(&mut syn, kept, &|| latest.load(Ordering::SeqCst) != generation)
        }))
        .ok()
        .flatten();
        // Released before the tree of the analysis before it is taken back for the next check.
        drop(prev);
        let Some(checked) = checked else {
            // Cancelled by a newer edit (which has woken us again).
            base = Some((generation, syn));
            continue;
        };
        let t3 = Instant::now();
        // The indices requests use are built before requests can see the analysis: a request
        // must not wait for them on the lazy path.
        let analysis = Arc::new(Analysis::new(Arc::new(syn), checked));
        analysis.warm();
        if trace {
            eprintln!(
                "relwat-lsp: generation {generation}: text copy {:?}, parse {:?}, check {:?}, indices {:?}",
                t1 - t0,
                t2 - t1,
                t3 - t2,
                t3.elapsed()
            );
        }
        // Store it, and take the diagnostics to publish if this is still the latest version. The
        // previous analysis is dropped after publishing (freeing it takes milliseconds).
        let (previous, replay) = {
            let mut docs = state.docs.write().expect("lock");
            let Some(doc) = docs.get_mut(&key) else { return };
            let replay: Vec<Edit> = doc.since.iter().filter(|(g, _)| *g <= generation).map(|(_, e)| *e).collect();
            doc.since.retain(|(g, _)| *g > generation);
            (doc.analysis.replace((generation, analysis.clone())), replay)
        };
        let publish = {
            let docs = state.docs.read().expect("lock");
            let Some(doc) = docs.get(&key) else { return };
            (doc.generation == generation).then(|| {
                let enc = state.enc();
                let diags: Vec<Diagnostic> =
                    analysis.checked.diagnostics.iter().map(|d| to_lsp_diag(&uri, &doc.text, enc, d)).collect();
                (diags, doc.version)
            })
        };
        if let Some((diags, version)) = publish {
            rt.block_on(client.publish_diagnostics(uri.clone(), diags, Some(version)));
        }
        let t4 = Instant::now();
        base = Some((generation, next_syntax(previous.map(|(_, a)| a), &analysis.syntax, &replay)));
        if trace {
            eprintln!("relwat-lsp: generation {generation}: next syntax {:?}", t4.elapsed());
        }
        state.published.notify_waiters();
    }
}

/// The syntax for the next check: `previous`'s, brought up to date with `replay` (the edits since
/// it, which `current` has), when nothing else holds it and the edits stay inside one field; else
/// a copy of `current`. The update costs the fields after the edit; the copy costs the whole tree
/// and fresh memory for it. (Public for the tests, as [`hull`].)
pub fn next_syntax(previous: Option<Arc<Analysis>>, current: &Syntax, replay: &[Edit]) -> Syntax {
    if let Some(mut s) = previous.and_then(|a| Arc::try_unwrap(a).ok()).and_then(Analysis::into_syntax) {
        let Some(e) = hull(replay) else { return s };
        let text = current.text.clone();
        if catch_unwind(AssertUnwindSafe(|| s.update_field(text, e.start, e.old_end, e.new_len))).unwrap_or(false) {
            return s;
        }
    }
    current.clone()
}

/// Lowers the calling thread's scheduling priority (threads it spawns inherit it), so that a check
/// keeping both cores busy does not delay the threads answering requests.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: a system call on the calling thread, with no memory passed.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 10);
    }
}

// ---------------------------------------------------------------------------------------------
// Conversions

fn range_of(text: &DocText, enc: Encoding, s: Span) -> Range {
    let a = text.position(s.start, enc);
    let b = text.position(s.end, enc);
    Range { start: Position { line: a.line, character: a.col }, end: Position { line: b.line, character: b.col } }
}

fn to_lsp_diag(uri: &Uri, text: &DocText, enc: Encoding, d: &RDiag) -> Diagnostic {
    let mut message = d.message.clone();
    if !d.primary.message.is_empty() {
        message = format!("{message}: {}", d.primary.message);
    }
    for n in &d.notes {
        message.push('\n');
        message.push_str(n);
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location { uri: uri.clone(), range: range_of(text, enc, l.span) },
            message: if l.message.is_empty() { "related".into() } else { l.message.clone() },
        })
        .collect();
    Diagnostic {
        range: range_of(text, enc, d.primary.span),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        source: Some("relwat".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

/// A request's view of a document: the last analysis and how to map positions to and from it.
struct View {
    analysis: Option<Arc<Analysis>>,
    since: Vec<Edit>,
    text: DocText,
    enc: Encoding,
}

impl View {
    /// A document offset in the analysis's text (`None` inside text edited since).
    fn to_analysis(&self, mut o: u32) -> Option<u32> {
        for e in self.since.iter().rev() {
            if o < e.start {
                continue;
            }
            if o >= e.start + e.new_len {
                o = (o as i64 - e.delta()) as u32;
            } else {
                return None;
            }
        }
        Some(o)
    }

    fn offset(&self, p: Position) -> u32 {
        self.text.offset(Pos { line: p.line, col: p.character }, self.enc)
    }

    fn doc_range(&self, s: Span) -> Range {
        range_of(&self.text, self.enc, s)
    }
}

impl Backend {
    /// A snapshot of a document for a request (the text's clone shares the rope's nodes).
    fn view(&self, uri: &Uri) -> Option<View> {
        let docs = self.state.docs.read().expect("lock");
        let doc = docs.get(uri.as_str())?;
        let analysis = doc.analysis.as_ref().map(|(_, a)| a.clone());
        Some(View {
            since: doc.since.iter().map(|(_, e)| *e).collect(),
            analysis,
            text: doc.text.clone(),
            enc: self.state.enc(),
        })
    }

    /// Like [`Backend::view`] but without copying the text: runs `f` under the document lock
    /// with a view whose text is borrowed.
    fn with_doc<R>(&self, uri: &Uri, f: impl FnOnce(&DocRef) -> R) -> Option<R> {
        let docs = self.state.docs.read().expect("lock");
        let doc = docs.get(uri.as_str())?;
        let r = DocRef {
            text: &doc.text,
            enc: self.state.enc(),
            since: &doc.since,
            analysis: doc.analysis.as_ref().map(|x| &x.1),
        };
        Some(f(&r))
    }
}

/// A borrowed view of a document (under the lock).
struct DocRef<'a> {
    text: &'a DocText,
    enc: Encoding,
    since: &'a [(u64, Edit)],
    analysis: Option<&'a Arc<Analysis>>,
}

impl DocRef<'_> {
    fn offset(&self, p: Position) -> u32 {
        self.text.offset(Pos { line: p.line, col: p.character }, self.enc)
    }

    fn to_analysis(&self, mut o: u32) -> Option<u32> {
        for (_, e) in self.since.iter().rev() {
            if o < e.start {
                continue;
            }
            if o >= e.start + e.new_len {
                o = (o as i64 - e.delta()) as u32;
            } else {
                return None;
            }
        }
        Some(o)
    }

    fn map_span(&self, mut s: Span) -> Option<Span> {
        for (_, e) in self.since {
            if s.end <= e.start {
                continue;
            }
            if s.start >= e.old_end {
                s = Span::new((s.start as i64 + e.delta()) as u32, (s.end as i64 + e.delta()) as u32);
            } else {
                return None;
            }
        }
        Some(s)
    }

    fn range(&self, s: Span) -> Option<Range> {
        let s = self.map_span(s)?;
        Some(range_of(self.text, self.enc, s))
    }
}

/// Runs `f` on the analysis at a document position: (analysis, offset in it).
fn at_position(b: &Backend, uri: &Uri, p: Position) -> Option<(Arc<Analysis>, u32)> {
    b.with_doc(uri, |d| {
        let a = d.analysis?.clone();
        let o = d.to_analysis(d.offset(p))?;
        Some((a, o))
    })?
}

/// The document's analysis and an editor range in its offsets (clamped to its text).
fn analysis_range(b: &Backend, uri: &Uri, range: Range) -> Option<(Arc<Analysis>, Span)> {
    b.with_doc(uri, |d| {
        let a = d.analysis?.clone();
        let s = d.to_analysis(d.offset(range.start)).unwrap_or(0);
        let e = d.to_analysis(d.offset(range.end)).unwrap_or(a.text().len() as u32);
        Some((a, Span::new(s, e.max(s))))
    })
    .flatten()
}

fn map_ranges(b: &Backend, uri: &Uri, spans: &[Span]) -> Vec<Option<Range>> {
    b.with_doc(uri, |d| spans.iter().map(|s| d.range(*s)).collect()).unwrap_or_default()
}

fn symbol_kind(k: symbols::Kind) -> SymbolKind {
    match k {
        symbols::Kind::Function => SymbolKind::FUNCTION,
        symbols::Kind::Type => SymbolKind::TYPE_PARAMETER,
        symbols::Kind::Global => SymbolKind::VARIABLE,
        symbols::Kind::Table => SymbolKind::ARRAY,
        symbols::Kind::Tag => SymbolKind::EVENT,
        symbols::Kind::Import => SymbolKind::INTERFACE,
        symbols::Kind::Segment => SymbolKind::OBJECT,
        symbols::Kind::Symbol => SymbolKind::CONSTANT,
        symbols::Kind::Other => SymbolKind::NAMESPACE,
    }
}

#[allow(deprecated)]
fn outline_to_lsp(d: &DocRef, o: &symbols::Outline) -> Option<DocumentSymbol> {
    let range = d.range(o.span)?;
    let sel = d.range(o.selection).unwrap_or(range);
    Some(DocumentSymbol {
        name: if o.name.is_empty() { "_".into() } else { o.name.clone() },
        detail: (!o.detail.is_empty()).then(|| o.detail.clone()),
        kind: symbol_kind(o.kind),
        tags: None,
        deprecated: None,
        range,
        selection_range: sel,
        children: Some(o.children.iter().filter_map(|c| outline_to_lsp(d, c)).collect()),
    })
}

fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: tokens::TYPES.iter().map(|t| SemanticTokenType::new(t)).collect(),
        token_modifiers: tokens::MODIFIERS.iter().map(|t| SemanticTokenModifier::new(t)).collect(),
    }
}

/// Encodes tokens relative to each other, one line at a time (multi-line tokens are split).
fn encode_tokens(d: &DocRef, toks: &[tokens::SemToken]) -> Vec<SemanticToken> {
    let mut out = Vec::new();
    let (mut pl, mut pc) = (0u32, 0u32);
    for t in toks {
        let Some(s) = d.map_span(t.span) else { continue };
        let text = d.text.slice(s.start..s.end);
        let mut at = 0;
        while at < text.len() {
            let p = d.text.position(s.start + at as u32, d.enc);
            // This line of the token.
            let rest = &text[at..];
            let line = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
            let len = crate::pos::units(line, d.enc);
            if len > 0 {
                let dl = p.line - pl;
                let dc = if dl == 0 { p.col - pc } else { p.col };
                out.push(SemanticToken {
                    delta_line: dl,
                    delta_start: dc,
                    length: len,
                    token_type: t.ty,
                    token_modifiers_bitset: t.mods,
                });
                pl = p.line;
                pc = p.col;
            }
            let line_end = at + line.len();
            at = line_end + text[line_end..].bytes().take_while(|c| matches!(c, b'\n' | b'\r')).count();
            if at == line_end {
                break;
            }
        }
    }
    out
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> jsonrpc::Result<InitializeResult> {
        let offered =
            params.capabilities.general.as_ref().and_then(|g| g.position_encodings.clone()).unwrap_or_default();
        let enc = if offered.contains(&PositionEncodingKind::UTF8) {
            (Encoding::Utf8, PositionEncodingKind::UTF8)
        } else {
            (Encoding::Utf16, PositionEncodingKind::UTF16)
        };
        *self.state.encoding.lock().expect("lock") = enc.0;
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "relwat-lsp".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(enc.1),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    ..Default::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: Default::default(),
                })),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec!["$".into(), "@".into(), "(".into(), " ".into(), ".".into()]),
                    ..Default::default()
                }),
                semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
                    SemanticTokensOptions {
                        legend: legend(),
                        range: Some(true),
                        full: Some(SemanticTokensFullOptions::Bool(true)),
                        ..Default::default()
                    },
                )),
                inlay_hint_provider: Some(OneOf::Left(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                    ..Default::default()
                })),
                ..Default::default()
            },
            offset_encoding: None,
        })
    }

    async fn shutdown(&self) -> jsonrpc::Result<()> {
        Ok(())
    }

    // Text synchronisation happens in `Ordered`, in arrival order; these only acknowledge.
    async fn did_open(&self, _: DidOpenTextDocumentParams) {}
    async fn did_change(&self, _: DidChangeTextDocumentParams) {}
    async fn did_close(&self, p: DidCloseTextDocumentParams) {
        self.client.publish_diagnostics(p.text_document.uri, Vec::new(), None).await;
    }

    async fn hover(&self, p: HoverParams) -> jsonrpc::Result<Option<Hover>> {
        let uri = &p.text_document_position_params.text_document.uri;
        let Some((a, o)) = at_position(self, uri, p.text_document_position_params.position) else { return Ok(None) };
        let Some(h) = hover::hover(&a, o) else { return Ok(None) };
        let range = map_ranges(self, uri, &[h.span]).pop().flatten();
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: h.text }),
            range,
        }))
    }

    async fn goto_definition(&self, p: GotoDefinitionParams) -> jsonrpc::Result<Option<GotoDefinitionResponse>> {
        let uri = &p.text_document_position_params.text_document.uri;
        let Some((a, o)) = at_position(self, uri, p.text_document_position_params.position) else { return Ok(None) };
        let Some(def) = names::definition(a.text(), &a.syntax.module, a.defs(), o) else { return Ok(None) };
        let Some(range) = map_ranges(self, uri, &[def]).pop().flatten() else { return Ok(None) };
        Ok(Some(GotoDefinitionResponse::Scalar(Location { uri: uri.clone(), range })))
    }

    async fn references(&self, p: ReferenceParams) -> jsonrpc::Result<Option<Vec<Location>>> {
        let uri = &p.text_document_position.text_document.uri;
        let Some((a, o)) = at_position(self, uri, p.text_document_position.position) else { return Ok(None) };
        let mut refs = names::references(a.text(), &a.syntax.module, a.defs(), o);
        if !p.context.include_declaration
            && let Some(def) = names::definition(a.text(), &a.syntax.module, a.defs(), o)
        {
            refs.retain(|s| *s != def);
        }
        let ranges = map_ranges(self, uri, &refs);
        Ok(Some(ranges.into_iter().flatten().map(|range| Location { uri: uri.clone(), range }).collect()))
    }

    async fn prepare_rename(&self, p: TextDocumentPositionParams) -> jsonrpc::Result<Option<PrepareRenameResponse>> {
        let uri = &p.text_document.uri;
        let Some((a, o)) = at_position(self, uri, p.position) else { return Ok(None) };
        let Some(occ) = names::occurrence_at(a.text(), &a.syntax.module, o) else { return Ok(None) };
        if names::id_name(a.text(), occ.span).is_none()
            || names::resolve(a.text(), &a.syntax.module, a.defs(), &occ).is_none()
        {
            return Ok(None);
        }
        let range = map_ranges(self, uri, &[occ.span]).pop().flatten();
        Ok(range.map(PrepareRenameResponse::Range))
    }

    async fn rename(&self, p: RenameParams) -> jsonrpc::Result<Option<WorkspaceEdit>> {
        let uri = &p.text_document_position.text_document.uri;
        let Some((a, o)) = at_position(self, uri, p.text_document_position.position) else { return Ok(None) };
        let edits = match names::rename(a.text(), &a.syntax.module, a.defs(), o, &p.new_name) {
            Ok(e) => e,
            Err(names::RenameError::NoId) => return Ok(None),
            Err(names::RenameError::BadName(n)) => {
                return Err(jsonrpc::Error::invalid_params(format!("`{n}` is not a valid id")));
            }
            Err(names::RenameError::Taken(m)) => return Err(jsonrpc::Error::invalid_params(m)),
        };
        let spans: Vec<Span> = edits.iter().map(|e| e.0).collect();
        let ranges = map_ranges(self, uri, &spans);
        if ranges.iter().any(Option::is_none) {
            return Err(jsonrpc::Error::content_modified());
        }
        let text_edits = ranges
            .into_iter()
            .zip(edits)
            .map(|(r, (_, new_text))| TextEdit { range: r.expect("checked"), new_text })
            .collect();
        Ok(Some(WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), text_edits)])), ..Default::default() }))
    }

    async fn document_symbol(&self, p: DocumentSymbolParams) -> jsonrpc::Result<Option<DocumentSymbolResponse>> {
        let uri = &p.text_document.uri;
        let Some(a) = self.with_doc(uri, |d| d.analysis.cloned()).flatten() else { return Ok(None) };
        let outline = symbols::outline(&a);
        let out = self
            .with_doc(uri, |d| outline.iter().filter_map(|o| outline_to_lsp(d, o)).collect::<Vec<_>>())
            .unwrap_or_default();
        Ok(Some(DocumentSymbolResponse::Nested(out)))
    }

    #[allow(deprecated)]
    async fn symbol(&self, p: WorkspaceSymbolParams) -> jsonrpc::Result<Option<WorkspaceSymbolResponse>> {
        let query = p.query.to_lowercase();
        let docs: Vec<(String, Arc<Analysis>)> = {
            let docs = self.state.docs.read().expect("lock");
            docs.iter().filter_map(|(k, d)| d.analysis.as_ref().map(|a| (k.clone(), a.1.clone()))).collect()
        };
        let mut out = Vec::new();
        for (key, a) in docs {
            let Ok(uri) = key.parse::<Uri>() else { continue };
            let syms: Vec<symbols::LinkerSymbol> =
                symbols::linker_symbols(&a).into_iter().filter(|s| s.name.to_lowercase().contains(&query)).collect();
            let spans: Vec<Span> = syms.iter().map(|s| s.span).collect();
            let ranges = map_ranges(self, &uri, &spans);
            for (s, r) in syms.into_iter().zip(ranges) {
                let Some(range) = r else { continue };
                let kind = match s.kind {
                    relwat::object::SymbolKind::Function => SymbolKind::FUNCTION,
                    relwat::object::SymbolKind::Data => SymbolKind::VARIABLE,
                    relwat::object::SymbolKind::Global => SymbolKind::VARIABLE,
                    relwat::object::SymbolKind::Table => SymbolKind::ARRAY,
                    relwat::object::SymbolKind::Tag => SymbolKind::EVENT,
                    relwat::object::SymbolKind::Section => SymbolKind::NAMESPACE,
                };
                out.push(SymbolInformation {
                    name: s.name,
                    kind,
                    tags: None,
                    deprecated: None,
                    location: Location { uri: uri.clone(), range },
                    container_name: Some(s.detail),
                });
            }
        }
        Ok(Some(WorkspaceSymbolResponse::Flat(out)))
    }

    async fn completion(&self, p: CompletionParams) -> jsonrpc::Result<Option<CompletionResponse>> {
        let uri = &p.text_document_position.text_document.uri;
        let Some(view) = self.view(uri) else { return Ok(None) };
        let offset = view.offset(p.text_document_position.position);
        let a = view.analysis.clone();
        let mapped = a.as_ref().map(|a| (a.as_ref(), view.to_analysis(offset)));
        // The window completion reads, with room for the token before the cursor.
        let base = offset.saturating_sub(2 * completion::CONTEXT);
        let window = view.text.slice(base..offset);
        let base = offset - window.len() as u32;
        let (replace, items) = completion::complete(&window, offset - base, mapped);
        let range = view.doc_range(replace.moved(base as i64));
        let items = items
            .into_iter()
            .map(|i| CompletionItem {
                label: i.label.clone(),
                kind: Some(match i.kind {
                    completion::ItemKind::Keyword => CompletionItemKind::KEYWORD,
                    completion::ItemKind::Instruction => CompletionItemKind::OPERATOR,
                    completion::ItemKind::Function => CompletionItemKind::FUNCTION,
                    completion::ItemKind::Variable => CompletionItemKind::VARIABLE,
                    completion::ItemKind::Type => CompletionItemKind::TYPE_PARAMETER,
                    completion::ItemKind::Name => CompletionItemKind::REFERENCE,
                    completion::ItemKind::Annotation => CompletionItemKind::PROPERTY,
                }),
                detail: Some(i.detail),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit { range, new_text: i.label })),
                ..Default::default()
            })
            .collect();
        Ok(Some(CompletionResponse::Array(items)))
    }

    async fn semantic_tokens_full(&self, p: SemanticTokensParams) -> jsonrpc::Result<Option<SemanticTokensResult>> {
        let uri = &p.text_document.uri;
        let Some(a) = self.with_doc(uri, |d| d.analysis.cloned()).flatten() else { return Ok(None) };
        let toks = tokens::semantic_tokens(&a, None);
        let data = self.with_doc(uri, |d| encode_tokens(d, &toks)).unwrap_or_default();
        Ok(Some(SemanticTokensResult::Tokens(SemanticTokens { result_id: None, data })))
    }

    async fn semantic_tokens_range(
        &self,
        p: SemanticTokensRangeParams,
    ) -> jsonrpc::Result<Option<SemanticTokensRangeResult>> {
        let uri = &p.text_document.uri;
        let Some((a, span)) = analysis_range(self, uri, p.range) else { return Ok(None) };
        let toks = tokens::semantic_tokens(&a, Some(span));
        let data = self.with_doc(uri, |d| encode_tokens(d, &toks)).unwrap_or_default();
        Ok(Some(SemanticTokensRangeResult::Tokens(SemanticTokens { result_id: None, data })))
    }

    async fn inlay_hint(&self, p: InlayHintParams) -> jsonrpc::Result<Option<Vec<InlayHint>>> {
        let uri = &p.text_document.uri;
        let Some((a, span)) = analysis_range(self, uri, p.range) else { return Ok(None) };
        let hs = hints::inlay_hints(&a, span);
        let out = self
            .with_doc(uri, |d| {
                hs.iter()
                    .filter_map(|h| {
                        let r = d.range(Span::new(h.offset, h.offset))?;
                        Some(InlayHint {
                            position: r.start,
                            label: InlayHintLabel::String(h.label.clone()),
                            kind: None,
                            text_edits: None,
                            tooltip: Some(InlayHintTooltip::String(h.tooltip.clone())),
                            padding_left: Some(true),
                            padding_right: None,
                            data: None,
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        Ok(Some(out))
    }

    async fn code_action(&self, p: CodeActionParams) -> jsonrpc::Result<Option<CodeActionResponse>> {
        let uri = &p.text_document.uri;
        let Some((a, span)) = self
            .with_doc(uri, |d| {
                let a = d.analysis?.clone();
                let s = d.to_analysis(d.offset(p.range.start))?;
                let e = d.to_analysis(d.offset(p.range.end))?;
                Some((a, Span::new(s, e.max(s))))
            })
            .flatten()
        else {
            return Ok(None);
        };
        let fixes = fixes::quick_fixes(&a, span);
        let out = self
            .with_doc(uri, |d| {
                fixes
                    .iter()
                    .filter_map(|f| {
                        let edits: Option<Vec<TextEdit>> = f
                            .edits
                            .iter()
                            .map(|(s, t)| Some(TextEdit { range: d.range(*s)?, new_text: t.clone() }))
                            .collect();
                        let diag = &a.checked.diagnostics[f.diagnostic];
                        let lsp_diag = Diagnostic {
                            range: d.range(diag.primary.span)?,
                            message: diag.message.clone(),
                            ..Default::default()
                        };
                        Some(CodeActionOrCommand::CodeAction(CodeAction {
                            title: f.title.clone(),
                            kind: Some(CodeActionKind::QUICKFIX),
                            diagnostics: Some(vec![lsp_diag]),
                            edit: Some(WorkspaceEdit {
                                changes: Some(HashMap::from([(uri.clone(), edits?)])),
                                ..Default::default()
                            }),
                            is_preferred: Some(true),
                            ..Default::default()
                        }))
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        Ok(Some(out))
    }
}
