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
//! computed for, and only when it is still the latest. A client that pulls diagnostics
//! (`textDocument/diagnostic`) gets none pushed; a pull waits for the check of the current text. Requests never wait for a check: they use
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

mod convert;
mod handlers;
mod requests;
mod worker;

use convert::*;
pub use worker::next_syntax;
use worker::*;

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
    /// Whether the client pulls diagnostics (`textDocument/diagnostic`): then none are pushed.
    pull: std::sync::atomic::AtomicBool,
    /// The most folding ranges the client wants (its `rangeLimit`; 0: no limit).
    fold_limit: std::sync::atomic::AtomicU32,
    /// Notified after each publication (tests and benchmarks wait on it).
    pub published: tokio::sync::Notify,
}

impl State {
    fn new() -> Arc<State> {
        Arc::new(State {
            docs: RwLock::new(HashMap::new()),
            encoding: Mutex::new(Encoding::Utf16),
            pull: std::sync::atomic::AtomicBool::new(false),
            fold_limit: std::sync::atomic::AtomicU32::new(0),
            published: tokio::sync::Notify::new(),
        })
    }

    fn enc(&self) -> Encoding {
        *self.encoding.lock().expect("lock")
    }

    fn pulls(&self) -> bool {
        self.pull.load(Ordering::SeqCst)
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
