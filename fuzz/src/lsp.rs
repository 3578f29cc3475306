//! The language-server target: the server in process, over framed JSON-RPC on a duplex pipe, as a
//! client drives it. An input is an 8-byte seed (little-endian) followed by the document's text.

use crate::mutate::TOKENS;
use crate::rng::Rng;
use serde_json::{Value, json};
use std::collections::VecDeque;
use std::sync::LazyLock;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, ReadHalf, WriteHalf};

/// How long the server may take to answer a request or to publish diagnostics.
const PATIENCE: Duration = Duration::from_secs(20);

static RUNTIME: LazyLock<tokio::runtime::Runtime> = LazyLock::new(|| {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("a tokio runtime")
});

/// Runs one input: random edits and requests, then the diagnostics compared with a fresh open.
pub fn run(input: &[u8]) -> Result<(), String> {
    let (seed, text) = split(input);
    RUNTIME.block_on(session(seed, text))
}

/// An input for [`run`].
pub fn input(seed: u64, text: &str) -> Vec<u8> {
    let mut v = seed.to_le_bytes().to_vec();
    v.extend_from_slice(text.as_bytes());
    v
}

struct Client {
    w: WriteHalf<DuplexStream>,
    r: BufReader<ReadHalf<DuplexStream>>,
    next: i64,
    queue: VecDeque<Value>,
}

impl Client {
    fn start() -> Client {
        let (client, server) = tokio::io::duplex(1 << 22);
        let (sr, sw) = tokio::io::split(server);
        let (service, socket) = relwat_lsp::server::service();
        tokio::spawn(tower_lsp_server::Server::new(sr, sw, socket).serve(service));
        let (r, w) = tokio::io::split(client);
        Client { w, r: BufReader::new(r), next: 1, queue: VecDeque::new() }
    }

    async fn send(&mut self, v: Value) -> Result<(), String> {
        let body = serde_json::to_vec(&v).expect("json");
        let head = format!("Content-Length: {}\r\n\r\n", body.len());
        let write = async {
            self.w.write_all(head.as_bytes()).await?;
            self.w.write_all(&body).await?;
            self.w.flush().await
        };
        write.await.map_err(|e| format!("the server is gone: {e}"))
    }

    async fn recv(&mut self) -> Result<Value, String> {
        let read = async {
            let mut len = 0usize;
            loop {
                let mut line = String::new();
                if self.r.read_line(&mut line).await.map_err(|e| e.to_string())? == 0 {
                    return Err("the server closed the stream".to_string());
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(v) = line.strip_prefix("Content-Length: ") {
                    len = v.parse().map_err(|_| "a bad Content-Length".to_string())?;
                }
            }
            let mut buf = vec![0; len];
            self.r.read_exact(&mut buf).await.map_err(|e| e.to_string())?;
            serde_json::from_slice(&buf).map_err(|e| e.to_string())
        };
        tokio::time::timeout(PATIENCE, read).await.map_err(|_| "the server did not answer in time".to_string())?
    }

    async fn notify(&mut self, method: &str, params: Value) -> Result<(), String> {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params})).await
    }

    /// A request's result; `Err` for an error response or no response.
    async fn request(&mut self, method: &str, params: Value) -> Result<Value, String> {
        let id = self.next;
        self.next += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})).await?;
        loop {
            let m = self.recv().await.map_err(|e| format!("{method}: {e}"))?;
            if m.get("id") == Some(&json!(id)) && m.get("method").is_none() {
                if let Some(e) = m.get("error") {
                    // ContentModified: the text changed under the request (the LSP's way to
                    // decline); any other error is a failure.
                    if e["code"] == -32801 {
                        return Ok(Value::Null);
                    }
                    return Err(format!("{method} answered with an error: {e}"));
                }
                return Ok(m["result"].clone());
            }
            self.queue.push_back(m);
        }
    }

    /// The diagnostics of `uri` at `version`.
    async fn diagnostics(&mut self, uri: &str, version: i64) -> Result<Vec<Value>, String> {
        loop {
            let m = match self.queue.pop_front() {
                Some(m) => m,
                None => self.recv().await.map_err(|e| format!("diagnostics of version {version}: {e}"))?,
            };
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                let v = m["params"]["version"].as_i64();
                if v.is_some_and(|v| v > version) {
                    return Err(format!("diagnostics for version {v:?} after version {version}"));
                }
                if v == Some(version) {
                    return Ok(m["params"]["diagnostics"].as_array().cloned().unwrap_or_default());
                }
            }
        }
    }

    async fn open(&mut self, uri: &str, text: &str) -> Result<(), String> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "wat", "version": 1, "text": text}}),
        )
        .await
    }
}

/// A random position of `text` (in UTF-16 code units, at a character boundary): the LSP position
/// and its byte offset.
fn position(rng: &mut Rng, text: &str) -> (Value, usize) {
    let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let line = rng.below(starts.len());
    let start = starts[line];
    let end = starts.get(line + 1).map_or(text.len(), |e| e - 1);
    let chars: Vec<(usize, char)> = text[start..end].char_indices().collect();
    let k = rng.below(chars.len() + 1);
    let character: usize = chars[..k].iter().map(|(_, c)| c.len_utf16()).sum();
    let offset = chars.get(k).map_or(end, |(i, _)| start + i);
    (json!({"line": line, "character": character}), offset)
}

/// The requests the server answers, at a position (or over a range).
const REQUESTS: &[&str] = &[
    "textDocument/hover",
    "textDocument/definition",
    "textDocument/references",
    "textDocument/completion",
    "textDocument/prepareRename",
    "textDocument/rename",
    "textDocument/documentSymbol",
    "textDocument/semanticTokens/full",
    "textDocument/semanticTokens/range",
    "textDocument/inlayHint",
    "textDocument/codeAction",
    "workspace/symbol",
];

/// One step of a session: an edit (a range in UTF-16 positions, its byte offsets, the new
/// text) or a request (method and parameters).
enum Step {
    Edit { start: Value, end: Value, text: String },
    Request { method: &'static str, params: Value },
}

/// The steps of the session of `seed` on `text` (they depend on nothing the server says), and
/// the text after its edits.
fn plan(seed: u64, text: &str) -> (Vec<Step>, String) {
    let mut rng = Rng::new(seed);
    let mut doc = text.to_string();
    let mut steps = Vec::new();
    let td = json!({"uri": A});
    for _ in 0..5 + rng.below(30) {
        if rng.chance(55) {
            let (start, from) = position(&mut rng, &doc);
            let (mut end, mut to) = position(&mut rng, &doc);
            if to < from || rng.chance(40) {
                (end, to) = (start.clone(), from);
            }
            let new = match rng.below(4) {
                0 => String::new(),
                1 => {
                    let (_, x) = position(&mut rng, &doc);
                    let (_, y) = position(&mut rng, &doc);
                    doc[x.min(y)..x.max(y)].chars().take(200).collect()
                }
                _ => rng.pick(TOKENS).replace('\r', ""),
            };
            doc.replace_range(from..to, &new);
            steps.push(Step::Edit { start, end, text: new });
        } else {
            let method = *rng.pick(REQUESTS);
            let (p, _) = position(&mut rng, &doc);
            let (q, _) = position(&mut rng, &doc);
            let range = json!({"start": p, "end": p});
            let params = match method {
                "textDocument/references" => {
                    json!({"textDocument": td, "position": p, "context": {"includeDeclaration": true}})
                }
                "textDocument/rename" => json!({"textDocument": td, "position": p, "newName": "$renamed"}),
                "textDocument/documentSymbol" | "textDocument/semanticTokens/full" => json!({"textDocument": td}),
                "textDocument/semanticTokens/range" | "textDocument/inlayHint" => {
                    json!({"textDocument": td, "range": {"start": p, "end": q}})
                }
                "textDocument/codeAction" => {
                    json!({"textDocument": td, "range": range, "context": {"diagnostics": []}})
                }
                "workspace/symbol" => json!({"query": "f"}),
                _ => json!({"textDocument": td, "position": p}),
            };
            steps.push(Step::Request { method, params });
        }
    }
    (steps, doc)
}

/// The text of a language-server input after its edits (to reproduce a finding with wat2obj).
pub fn final_text(input: &[u8]) -> String {
    let (seed, text) = split(input);
    plan(seed, &text).1
}

/// The seed and the text of an input.
fn split(input: &[u8]) -> (u64, String) {
    let (seed, text) = if input.len() >= 8 {
        (u64::from_le_bytes(input[..8].try_into().expect("8 bytes")), &input[8..])
    } else {
        (0, input)
    };
    // Lines end at `\n` only in this client's model of the text.
    (seed, String::from_utf8_lossy(text).replace('\r', ""))
}

/// The document the edits go to, and the one the final text is opened as.
const A: &str = "file:///fuzz/a.wat";
const B: &str = "file:///fuzz/b.wat";

async fn session(seed: u64, text: String) -> Result<(), String> {
    let (steps, doc) = plan(seed, &text);
    let mut c = Client::start();
    c.request("initialize", json!({"capabilities": {}})).await?;
    c.notify("initialized", json!({})).await?;
    let (a, b) = (A, B);
    let mut version = 1i64;
    c.open(a, &text).await?;
    for step in steps {
        match step {
            Step::Edit { start, end, text, .. } => {
                version += 1;
                c.notify(
                    "textDocument/didChange",
                    json!({"textDocument": {"uri": a, "version": version},
                           "contentChanges": [{"range": {"start": start, "end": end}, "text": text}]}),
                )
                .await?;
            }
            Step::Request { method, params } => {
                c.request(method, params).await.map_err(|e| format!("after {} edits: {e}", version - 1))?;
            }
        }
    }
    let edited = c.diagnostics(a, version).await?;
    c.open(b, &doc).await?;
    let fresh = c.diagnostics(b, 1).await?;
    // Closing a document ends its checking thread (the server lives on for the next input).
    for uri in [a, b] {
        c.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}})).await?;
    }
    let norm = |ds: Vec<Value>| -> String { serde_json::to_string(&ds).unwrap_or_default().replace(b, a) };
    let (edited, fresh) = (norm(edited), norm(fresh));
    if edited != fresh {
        let at = edited.bytes().zip(fresh.bytes()).position(|(x, y)| x != y).unwrap_or(0);
        let around = |s: &str| s.get(at.saturating_sub(80)..(at + 120).min(s.len())).unwrap_or("").to_string();
        return Err(format!(
            "after {} edits the diagnostics differ from a fresh open's: …{}… vs …{}…",
            version - 1,
            around(&edited),
            around(&fresh)
        ));
    }
    let _ = c.request("shutdown", Value::Null).await;
    Ok(())
}
