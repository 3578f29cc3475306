//! The server driven through a real LSP stream: framed JSON-RPC over an in-process duplex pipe
//! (and, for stdio behaviour, the binary itself).

mod support;

use serde_json::{Value, json};
use std::collections::VecDeque;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, ReadHalf, WriteHalf};

struct Client {
    w: WriteHalf<DuplexStream>,
    r: BufReader<ReadHalf<DuplexStream>>,
    next: i64,
    queue: VecDeque<Value>,
}

impl Client {
    async fn start() -> Client {
        let (client, server) = tokio::io::duplex(1 << 22);
        let (sr, sw) = tokio::io::split(server);
        let (service, socket) = relwat_lsp::server::service();
        tokio::spawn(tower_lsp_server::Server::new(sr, sw, socket).serve(service));
        let (r, w) = tokio::io::split(client);
        Client { w, r: BufReader::new(r), next: 1, queue: VecDeque::new() }
    }

    async fn send(&mut self, v: Value) {
        let body = serde_json::to_vec(&v).unwrap();
        self.w.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes()).await.unwrap();
        self.w.write_all(&body).await.unwrap();
        self.w.flush().await.unwrap();
    }

    async fn recv(&mut self) -> Value {
        let mut len = 0usize;
        loop {
            let mut line = String::new();
            let n = tokio::time::timeout(Duration::from_secs(20), self.r.read_line(&mut line))
                .await
                .expect("timeout")
                .unwrap();
            assert!(n > 0, "server closed the stream");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                len = v.parse().unwrap();
            }
        }
        let mut buf = vec![0; len];
        self.r.read_exact(&mut buf).await.unwrap();
        serde_json::from_slice(&buf).unwrap()
    }

    async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params})).await;
    }

    async fn request_id(&mut self, id: Value, method: &str, params: Value) -> Value {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})).await;
        loop {
            let m = self.recv().await;
            if m.get("id") == Some(&id) && m.get("method").is_none() {
                return m;
            }
            self.queue.push_back(m);
        }
    }

    async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next;
        self.next += 1;
        let r = self.request_id(json!(id), method, params).await;
        assert!(r.get("error").is_none(), "{method}: {r}");
        r["result"].clone()
    }

    async fn initialize(&mut self, encodings: Value) -> Value {
        let r =
            self.request("initialize", json!({"capabilities": {"general": {"positionEncodings": encodings}}})).await;
        self.notify("initialized", json!({})).await;
        r
    }

    /// Waits for the diagnostics of `uri` at `version`.
    async fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        loop {
            let m = match self.queue.pop_front() {
                Some(m) => m,
                None => self.recv().await,
            };
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                let v = m["params"]["version"].as_i64();
                assert!(v.is_none_or(|v| v <= version), "diagnostics for a newer version {v:?}");
                if v == Some(version) {
                    return m["params"]["diagnostics"].as_array().unwrap().clone();
                }
            }
        }
    }

    async fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "wat", "version": 1, "text": text}}),
        )
        .await;
        self.diagnostics(uri, 1).await
    }
}

fn pos(text: &str, offset: u32) -> Value {
    let before = &text[..offset as usize];
    let line = before.matches('\n').count();
    let col: usize = before.rsplit('\n').next().unwrap().chars().map(char::len_utf16).sum();
    json!({"line": line, "character": col})
}

fn features() -> String {
    std::fs::read_to_string(support::root().join("lsp/tests/data/features.wat")).unwrap()
}

const URI: &str = "file:///t/features.wat";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn diagnostics_on_open_and_change_with_related_information() {
    let mut c = Client::start().await;
    let init = c.initialize(json!([])).await;
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 2);
    let text = "(module\n  (func $a)\n  (func $a)\n  (func (call $nope)))\n";
    let d = c.open("file:///t/a.wat", text).await;
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!(d[0]["message"], "duplicate function id `$a`: defined again here");
    assert_eq!(d[0]["range"]["start"], json!({"line": 2, "character": 8}));
    assert_eq!(d[0]["relatedInformation"][0]["location"]["range"]["start"], json!({"line": 1, "character": 8}));
    assert_eq!(d[0]["relatedInformation"][0]["message"], "first defined here");
    assert_eq!(d[1]["severity"], 1);
    // Incremental change: rename the second `$a` to `$b`.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///t/a.wat", "version": 2},
               "contentChanges": [{"range": {"start": {"line": 2, "character": 9}, "end": {"line": 2, "character": 10}}, "text": "b"}]}),
    )
    .await;
    let d = c.diagnostics("file:///t/a.wat", 2).await;
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0]["message"].as_str().unwrap().starts_with("unknown function `$nope`"));
    // Full change.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///t/a.wat", "version": 3}, "contentChanges": [{"text": "(module)"}]}),
    )
    .await;
    assert!(c.diagnostics("file:///t/a.wat", 3).await.is_empty());
    // Validation and object rules, mapped to source.
    let d =
        c.open("file:///t/b.wat", "(module (func (result i32)) (func i32.const 0 (@reloc sleb data $x) drop))").await;
    let msgs: Vec<&str> = d.iter().map(|x| x["message"].as_str().unwrap()).collect();
    assert!(msgs.iter().any(|m| m.contains("type mismatch")), "{msgs:?}");
    let d = c.open("file:///t/c.wat", "(module (func i32.const 0 (@reloc sleb data $x) drop))").await;
    assert!(d[0]["message"].as_str().unwrap().starts_with("the format of this relocation is fixed"), "{d:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_quick_edits_end_at_the_last_version() {
    let mut c = Client::start().await;
    c.initialize(json!([])).await;
    let mut text = String::from("(module\n  (func $f (result i32)\n    i32.const 0))\n");
    c.open("file:///t/e.wat", &text).await;
    // Type `1234567` after `0`, one character per change, without waiting.
    let at = text.find("0)").unwrap() + 1;
    for (i, ch) in "1234567".chars().enumerate() {
        let p = pos(&text, (at + i) as u32);
        text.insert(at + i, ch);
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": "file:///t/e.wat", "version": 2 + i},
            "contentChanges": [{"range": {"start": p, "end": p}, "text": ch.to_string()}]}),
        )
        .await;
    }
    // Then break it: the last version has an error.
    let p = pos(&text, text.find("i32.const").unwrap() as u32);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///t/e.wat", "version": 9},
        "contentChanges": [{"range": {"start": p, "end": p}, "text": "drop "}]}),
    )
    .await;
    let d = c.diagnostics("file:///t/e.wat", 9).await;
    let expected =
        relwat::assemble(&text.replacen("i32.const", "drop i32.const", 1), &relwat::Options::default()).diagnostics;
    assert_eq!(d.len(), expected.len());
    assert_eq!(d[0]["message"].as_str().unwrap().split(':').next(), expected[0].message.split(':').next());
    // Hover still works and answers for the current text.
    let h = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": "file:///t/e.wat"}, "position": pos(&text, at as u32 + 10)}),
        )
        .await;
    let _ = h;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn navigation_hover_and_the_rest() {
    let mut c = Client::start().await;
    c.initialize(json!([])).await;
    let t = features();
    assert!(c.open(URI, &t).await.is_empty());
    let doc = json!({"uri": URI});
    let p = |needle: &str, off: usize| pos(&t, support::at(&t, needle, 0, off));
    // Definition of a call's function.
    let r = c.request("textDocument/definition", json!({"textDocument": doc, "position": p("call $twice (", 6)})).await;
    assert_eq!(r["range"]["start"], p("func $twice (", 5));
    // References of a data symbol (with the declaration).
    let r = c.request("textDocument/references", json!({"textDocument": doc, "position": p("(@reloc $counter)", 9), "context": {"includeDeclaration": true}})).await;
    assert_eq!(r.as_array().unwrap().len(), 4);
    // Rename a local.
    let r = c
        .request(
            "textDocument/rename",
            json!({"textDocument": doc, "position": p("local.set $tmp", 11), "newName": "$t2"}),
        )
        .await;
    assert_eq!(r["changes"][URI].as_array().unwrap().len(), 3);
    // Hover on an annotated relocation.
    let r = c
        .request("textDocument/hover", json!({"textDocument": doc, "position": p("(@reloc data $counter +8)", 3)}))
        .await;
    let v = r["contents"]["value"].as_str().unwrap();
    assert!(v.starts_with("`R_WASM_MEMORY_ADDR_SLEB` (4) → data symbol \"counter\" (global, hidden, size 4, segment \".data.counter\") +8 · CODE offset 0x"), "{v}");
    assert!(v.contains("(func $main +0x"), "{v}");
    // Hover on an unannotated call: its implicit relocation and the callee's signature.
    let r = c.request("textDocument/hover", json!({"textDocument": doc, "position": p("global.get $sp", 2)})).await;
    let v = r["contents"]["value"].as_str().unwrap();
    assert!(v.contains("global.get : [] → [i32]"), "{v}");
    assert!(v.contains("implicit relocation: `R_WASM_GLOBAL_INDEX_LEB` (7) → global symbol \"__stack_pointer\" (global, default, undefined, global 0)"), "{v}");
    // Hover on a symbol: its table entry.
    let r = c.request("textDocument/hover", json!({"textDocument": doc, "position": p("@sym $twice_alias", 6)})).await;
    let v = r["contents"]["value"].as_str().unwrap();
    assert!(v.contains("function symbol \"twice_public\" (global, default, function 1)"), "{v}");
    // Outline.
    let r = c.request("textDocument/documentSymbol", json!({"textDocument": doc})).await;
    let names: Vec<&str> = r.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"$main") && names.contains(&"$d"), "{names:?}");
    let data = r.as_array().unwrap().iter().find(|s| s["name"] == "$d").unwrap();
    assert_eq!(data["children"][0]["name"], "$counter");
    // Workspace symbols by linker name.
    let r = c.request("workspace/symbol", json!({"query": "twice"})).await;
    let names: Vec<&str> = r.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"twice_public"), "{names:?}");
    // Completion of symbols after `(@reloc data `.
    let r =
        c.request("textDocument/completion", json!({"textDocument": doc, "position": p("data $counter +8", 5)})).await;
    let labels: Vec<&str> = r.as_array().unwrap().iter().map(|s| s["label"].as_str().unwrap()).collect();
    assert!(labels.contains(&"$counter") && labels.contains(&"$errno") && !labels.contains(&"$main"), "{labels:?}");
    // Semantic tokens and inlay hints.
    let r = c.request("textDocument/semanticTokens/full", json!({"textDocument": doc})).await;
    assert!(r["data"].as_array().unwrap().len() > 100);
    let r = c.request("textDocument/inlayHint", json!({"textDocument": doc, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 100, "character": 0}}})).await;
    let labels: Vec<&str> = r.as_array().unwrap().iter().map(|s| s["label"].as_str().unwrap()).collect();
    assert!(labels.contains(&"R_WASM_FUNCTION_INDEX_LEB") && labels.contains(&"R_WASM_TYPE_INDEX_LEB"), "{labels:?}");
}

/// Completion reads a window of the text before the cursor: far into a file, after lines of
/// non-ASCII text and a multi-line block comment, it gives what it gives near the start, with the
/// replaced range in the right place; semantic tokens split the comment at its lines.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_and_tokens_far_into_a_file() {
    let mut c = Client::start().await;
    c.initialize(json!([])).await;
    let t = features();
    let mut far = String::new();
    while far.len() < 3 * 16 * 1024 {
        far.push_str(";; é𝄞 — a comment line that is not short, with non-ASCII text in it\r\n");
    }
    far.push_str("(; a block\ncomment\r\nof three lines ;)\n");
    let u = format!("{far}{t}");
    let uri2 = "file:///t/far.wat";
    assert!(c.open(URI, &t).await.is_empty());
    assert!(c.open(uri2, &u).await.is_empty());
    let at = support::at(&t, "data $counter +8", 0, 5);
    let near =
        c.request("textDocument/completion", json!({"textDocument": {"uri": URI}, "position": pos(&t, at)})).await;
    let far_r = c
        .request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri2}, "position": pos(&u, at + far.len() as u32)}),
        )
        .await;
    let labels =
        |r: &Value| r.as_array().unwrap().iter().map(|s| s["label"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert!(labels(&near).contains(&"$counter".to_string()));
    assert_eq!(labels(&near), labels(&far_r));
    let lines = far.matches('\n').count() as u64;
    let edit = |r: &Value| r[0]["textEdit"]["range"]["start"]["line"].as_u64();
    assert_eq!(edit(&far_r), edit(&near).map(|l| l + lines));
    // Tokens: the same as near the start, plus one per comment line.
    let tokens = |r: Value| r["data"].as_array().unwrap().len() / 5;
    let n = tokens(c.request("textDocument/semanticTokens/full", json!({"textDocument": {"uri": URI}})).await);
    let m = tokens(c.request("textDocument/semanticTokens/full", json!({"textDocument": {"uri": uri2}})).await);
    assert_eq!(m, n + lines as usize, "one token per comment line");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quick_fixes() {
    let mut c = Client::start().await;
    c.initialize(json!([])).await;
    let text = "(module\n  (func (result i32) i32.const 0 (@reloc sleb data $x))\n  (data (i32.const 0) (@sym $x (size 4)) \"abcd\" (@sym $y) \"ef\" \"\\00\\00\\00\\00\" (@reloc i32 functbl 0)))\n";
    let d = c.open("file:///t/q.wat", text).await;
    assert!(!d.is_empty());
    let all = json!({"start": {"line": 0, "character": 0}, "end": {"line": 3, "character": 0}});
    let r = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": "file:///t/q.wat"}, "range": all, "context": {"diagnostics": []}}),
        )
        .await;
    let titles: Vec<&str> = r.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"Write `functable`"), "{titles:?}");
    assert!(titles.contains(&"Add `(size 6)`"), "{titles:?}");
    assert!(titles.iter().any(|t| t.starts_with("Remove `sleb`")), "{titles:?}");
    // The text declares no memory, so the object imports clang's (D12): the fix writes the import
    // on its own line before the first field.
    let memory = r
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Add `(import \"env\" \"__linear_memory\" (memory 0))`")
        .unwrap_or_else(|| panic!("no memory fix in {titles:?}"));
    let edit = &memory["edit"]["changes"]["file:///t/q.wat"][0];
    assert_eq!(edit["range"]["start"], json!({"line": 1, "character": 0}), "{memory}");
    assert_eq!(edit["newText"], "  (import \"env\" \"__linear_memory\" (memory 0))\n", "{memory}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn protocol_robustness() {
    let mut c = Client::start().await;
    // String ids.
    let r = c.request_id(json!("init-1"), "initialize", json!({"capabilities": {}})).await;
    assert_eq!(r["id"], "init-1");
    c.notify("initialized", json!({})).await;
    // Unknown method.
    let r = c.request_id(json!(7), "relwat/unknown", json!({})).await;
    assert_eq!(r["error"]["code"], -32601);
    // Requests for unknown documents answer null.
    let r = c
        .request_id(
            json!("h"),
            "textDocument/hover",
            json!({"textDocument": {"uri": "file:///none.wat"}, "position": {"line": 0, "character": 0}}),
        )
        .await;
    assert!(r["result"].is_null());
    // Cancelling a finished or unknown request is harmless.
    c.notify("$/cancelRequest", json!({"id": 12345})).await;
    c.notify("$/cancelRequest", json!({"id": "nope"})).await;
    // Garbage text never crashes the server.
    let d = c.open("file:///t/g.wat", "(module (func (@reloc (@sym (((( \"\\").await;
    assert!(!d.is_empty());
    let r = c.request_id(json!(8), "shutdown", Value::Null).await;
    assert!(r["result"].is_null());
    c.notify("exit", Value::Null).await;
}

#[test]
fn binary_exits_when_stdin_closes() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let exe = env!("CARGO_BIN_EXE_relwat-lsp");
    let mut child = Command::new(exe).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    let msg = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#;
    write!(child.stdin.as_mut().unwrap(), "Content-Length: {}\r\n\r\n{}", msg.len(), msg).unwrap();
    drop(child.stdin.take());
    let start = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success());
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "server did not exit after stdin closed");
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut out = String::new();
    std::io::Read::read_to_string(child.stdout.as_mut().unwrap(), &mut out).unwrap();
    assert!(out.contains("\"capabilities\""), "{out}");
}

/// The command line: `--help` and `--version` answer and exit (they do not start the server and
/// wait on standard input), `--stdio` is accepted, anything else is refused with status 2.
#[test]
fn command_line_flags() {
    use std::process::{Command, Stdio};
    let exe = env!("CARGO_BIN_EXE_relwat-lsp");
    let run = |args: &[&str]| {
        let child = Command::new(exe)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Standard input stays open: a server that started would not exit.
        let start = std::time::Instant::now();
        let mut child = child;
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "`relwat-lsp {args:?}` did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
        child.wait_with_output().unwrap()
    };
    let help = run(&["--help"]);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage: relwat-lsp [--stdio]"));
    let version = run(&["-V"]);
    assert_eq!(String::from_utf8_lossy(&version.stdout).trim(), format!("relwat-lsp {}", env!("CARGO_PKG_VERSION")));
    let bad = run(&["--tcp"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).starts_with("relwat-lsp: error: unexpected argument `--tcp`"));
}

/// A request sent right after `didOpen`, before the first diagnostics, is answered from the
/// first check (the server waits for it, a bounded time) rather than with nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_right_after_open() {
    let mut c = Client::start().await;
    c.initialize(json!([])).await;
    let t = features();
    let p = |needle: &str, off: usize| pos(&t, support::at(&t, needle, 0, off));
    for round in 0..5 {
        let uri = format!("file:///t/open-{round}.wat");
        let doc = json!({"uri": uri});
        c.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "wat", "version": 1, "text": t}}),
        )
        .await;
        let r = c.request("textDocument/hover", json!({"textDocument": doc, "position": p("global.get $sp", 2)})).await;
        let v = r["contents"]["value"].as_str().unwrap_or_else(|| panic!("no hover right after didOpen: {r}"));
        assert!(v.contains("global.get : [] → [i32]"), "{v}");
    }
}

/// Declaration, document highlights, folding ranges and selection ranges on the test file.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn highlights_folds_and_selections() {
    let mut c = Client::start().await;
    let caps = c.initialize(json!([])).await;
    for cap in [
        "declarationProvider",
        "typeDefinitionProvider",
        "documentHighlightProvider",
        "foldingRangeProvider",
        "selectionRangeProvider",
    ] {
        assert_eq!(caps["capabilities"][cap], json!(true), "{cap}");
    }
    let t = features();
    assert!(c.open(URI, &t).await.is_empty());
    let doc = json!({"uri": URI});
    let at = |needle: &str, off: usize| support::at(&t, needle, 0, off);
    let p = |needle: &str, off: usize| pos(&t, at(needle, off));
    let line = |o: u32| t[..o as usize].matches('\n').count() as u64;

    // Declaration is the definition.
    let r =
        c.request("textDocument/declaration", json!({"textDocument": doc, "position": p("call $twice (", 6)})).await;
    assert_eq!(r["range"]["start"], p("func $twice (", 5));

    // Highlights of a data symbol: its definition (a write) and every use, relocations included.
    let r = c
        .request("textDocument/documentHighlight", json!({"textDocument": doc, "position": p("(@reloc $counter)", 9)}))
        .await;
    let hs = r.as_array().unwrap();
    let writes: Vec<&Value> = hs.iter().filter(|h| h["kind"] == 3).collect();
    assert_eq!(writes.len(), 1, "{r}");
    assert_eq!(writes[0]["range"]["start"], p("(@sym $counter", 6));
    assert_eq!(hs.len(), 4, "{r}");
    assert!(hs.iter().any(|h| h["range"]["start"] == p("(@reloc data $counter +8)", 13)), "{r}");

    // Folds: the module, each multi-line function, the flat block to its `end`; none on one line.
    let r = c.request("textDocument/foldingRange", json!({"textDocument": doc})).await;
    let folds = r.as_array().unwrap();
    let has = |start: u32, end: u32| folds.iter().any(|f| f["startLine"] == line(start) && f["endLine"] == line(end));
    assert!(has(at("(module", 0), t.trim_end().len() as u32 - 1), "the module: {r}");
    assert!(has(at("(func $main", 0), at("(i32.const 0 (@reloc functable $twice))))", 0)), "$main: {r}");
    assert!(has(at("block $out", 0), at("    end\n", 4)), "block ... end: {r}");
    assert!(folds.iter().all(|f| f["startLine"].as_u64() < f["endLine"].as_u64()), "{r}");

    // Selection ranges grow from the id to its instruction, the enclosing lists, the text.
    let r = c
        .request("textDocument/selectionRange", json!({"textDocument": doc, "positions": [p("(local.get $x)", 12)]}))
        .await;
    let mut chain = Vec::new();
    let mut s = &r[0];
    while s.is_object() {
        chain.push((s["range"]["start"].clone(), s["range"]["end"].clone()));
        s = &s["parent"];
    }
    assert_eq!(chain[0], (p("(local.get $x)", 11), p("(local.get $x)", 13)), "{r}");
    assert!(chain.contains(&(p("(local.get $x)", 0), p("(local.get $x)", 14))), "{r}");
    assert!(chain.contains(&(p("(i32.shl", 0), p("(i32.const 1)))", 14))), "{r}");
    assert_eq!(chain.last().unwrap().0, json!({"line": 0, "character": 0}), "{r}");
    assert!(chain.len() >= 6, "{r}");
}

/// The call hierarchy through calls, `return_call`, `ref.func` and function symbols in
/// relocations: `$main` calls `$twice` (through its alias symbol) and refers to it by a
/// `functable` relocation; `$inline_fn` calls the import `$puts`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn call_hierarchy() {
    let mut c = Client::start().await;
    let caps = c.initialize(json!([])).await;
    assert_eq!(caps["capabilities"]["callHierarchyProvider"], json!(true));
    let t = features();
    assert!(c.open(URI, &t).await.is_empty());
    let doc = json!({"uri": URI});
    let p = |needle: &str, off: usize| pos(&t, support::at(&t, needle, 0, off));
    let names = |v: &Value, key: &str| -> Vec<String> {
        v.as_array().unwrap().iter().map(|c| c[key]["name"].as_str().unwrap().to_string()).collect()
    };

    // Prepared at a call site: the callee.
    let items = c
        .request("textDocument/prepareCallHierarchy", json!({"textDocument": doc, "position": p("call $twice (", 7)}))
        .await;
    assert_eq!(items[0]["name"], "$twice", "{items}");
    assert_eq!(items[0]["selectionRange"]["start"], p("func $twice (", 5));
    let twice = items[0].clone();

    // Who refers to $twice: $main, by the call, the alias in its relocation and the functable
    // relocation.
    let incoming = c.request("callHierarchy/incomingCalls", json!({"item": twice})).await;
    assert_eq!(names(&incoming, "from"), ["$main"], "{incoming}");
    let ranges = incoming[0]["fromRanges"].as_array().unwrap();
    assert!(ranges.iter().any(|r| r["start"] == p("call $twice (", 5)), "{incoming}");
    assert!(ranges.iter().any(|r| r["start"] == p("(@reloc $twice_alias)", 8)), "{incoming}");
    assert!(ranges.iter().any(|r| r["start"] == p("(@reloc functable $twice))))", 18)), "{incoming}");

    // What $main refers to: $twice; what $inline_fn refers to: the import $puts.
    let main = c
        .request("textDocument/prepareCallHierarchy", json!({"textDocument": doc, "position": p("func $main", 6)}))
        .await;
    let outgoing = c.request("callHierarchy/outgoingCalls", json!({"item": main[0]})).await;
    assert_eq!(names(&outgoing, "to"), ["$twice"], "{outgoing}");
    let inline = c
        .request("textDocument/prepareCallHierarchy", json!({"textDocument": doc, "position": p("func $inline_fn", 6)}))
        .await;
    let outgoing = c.request("callHierarchy/outgoingCalls", json!({"item": inline[0]})).await;
    assert_eq!(names(&outgoing, "to"), ["$puts"], "{outgoing}");
    assert_eq!(outgoing[0]["to"]["detail"], "import, function 0", "{outgoing}");
    // Signature help in the folded call of `$twice`: its parameter, active.
    let r = c
        .request("textDocument/signatureHelp", json!({"textDocument": doc, "position": p("(local.get $tmp)))", 0)}))
        .await;
    assert_eq!(r["signatures"][0]["label"], "call $twice (param $x i32) (result i32)", "{r}");
    assert_eq!(r["activeParameter"], 0, "{r}");
    // Code lenses: one per function with an id, resolved to its symbols and references.
    assert_eq!(caps["capabilities"]["codeLensProvider"]["resolveProvider"], json!(true));
    let lenses = c.request("textDocument/codeLens", json!({"textDocument": doc})).await;
    let lenses = lenses.as_array().unwrap();
    assert_eq!(lenses.len(), 4, "$puts, $twice, $main, $inline_fn: {lenses:?}");
    let twice = lenses.iter().find(|l| l["range"]["start"] == p("func $twice (", 5)).expect("a lens on $twice").clone();
    assert!(twice["command"].is_null(), "resolved later: {twice}");
    let resolved = c.request("codeLens/resolve", twice).await;
    let title = resolved["command"]["title"].as_str().unwrap();
    assert!(title.starts_with("symbol \"twice\" (local, default"), "{title}");
    assert!(title.contains("symbol \"twice_public\" (global, default"), "{title}");
    assert!(title.ends_with(" · 3 references"), "{title}");
    // Nothing refers to $main.
    let incoming = c.request("callHierarchy/incomingCalls", json!({"item": main[0]})).await;
    assert_eq!(incoming, json!([]));
    // Not a function: no item.
    let none = c
        .request("textDocument/prepareCallHierarchy", json!({"textDocument": doc, "position": p("local.get $x", 11)}))
        .await;
    assert!(none.is_null(), "{none}");
}

/// Formatting: edits of the lines that change, which applied give what `watfmt` gives; range
/// formatting touches only the lines of the range.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn formatting_whole_and_range() {
    let mut c = Client::start().await;
    let caps = c.initialize(json!([])).await;
    assert_eq!(caps["capabilities"]["documentFormattingProvider"], json!(true));
    assert_eq!(caps["capabilities"]["documentRangeFormattingProvider"], json!(true));
    let messy = "(module\n(func $f (result i32)\n      i32.const 1 (@reloc  none))\n (func $g))\n";
    let uri = "file:///t/messy.wat";
    c.open(uri, messy).await;
    let doc = json!({"uri": uri});
    let apply = |edits: &Value| {
        let mut lines: Vec<String> = messy.split('\n').map(String::from).collect();
        for e in edits.as_array().unwrap() {
            let (l, s, end) = (
                e["range"]["start"]["line"].as_u64().unwrap() as usize,
                e["range"]["start"]["character"].as_u64().unwrap() as usize,
                e["range"]["end"]["character"].as_u64().unwrap() as usize,
            );
            assert_eq!(l, e["range"]["end"]["line"].as_u64().unwrap() as usize, "one line per edit");
            lines[l].replace_range(s..end, e["newText"].as_str().unwrap());
        }
        lines.join("\n")
    };
    let options = json!({"tabSize": 2, "insertSpaces": true});
    let edits = c.request("textDocument/formatting", json!({"textDocument": doc, "options": options})).await;
    let want = relwat::format::format(messy, &relwat::format::FormatOptions::default()).unwrap();
    assert_eq!(apply(&edits), want);
    assert_eq!(edits.as_array().unwrap().len(), 3, "{edits}");
    // Four spaces an indent.
    let edits = c
        .request(
            "textDocument/formatting",
            json!({"textDocument": doc, "options": {"tabSize": 4, "insertSpaces": true}}),
        )
        .await;
    assert!(apply(&edits).contains("\n    (func $f"), "{edits}");
    // The range of line 2 only.
    let range = json!({"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 3}});
    let edits = c
        .request("textDocument/rangeFormatting", json!({"textDocument": doc, "range": range, "options": options}))
        .await;
    assert_eq!(edits.as_array().unwrap().len(), 1, "{edits}");
    assert_eq!(edits[0]["newText"], "    i32.const 1 (@reloc none))");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pull_diagnostics_replace_pushed_ones() {
    let mut c = Client::start().await;
    let caps = c.request("initialize", json!({"capabilities": {"textDocument": {"diagnostic": {}}}})).await;
    c.notify("initialized", json!({})).await;
    assert_eq!(caps["capabilities"]["diagnosticProvider"]["identifier"], "relwat");
    let uri = "file:///t/pull.wat";
    let text = "(module\n  (func $a)\n  (func $a)\n  (func (call $nope)))\n";
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "wat", "version": 1, "text": text}}),
    )
    .await;
    // Asked right after opening: the answer waits for the check of this text.
    let r = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}})).await;
    assert_eq!(r["kind"], "full");
    let items = r["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{r}");
    assert_eq!(items[0]["message"], "duplicate function id `$a`: defined again here");
    let id = r["resultId"].clone();
    // Nothing changed: unchanged.
    let r = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}, "previousResultId": id})).await;
    assert_eq!(r["kind"], "unchanged", "{r}");
    // An edit, then a pull: the diagnostics of the new text.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": {"start": {"line": 2, "character": 9}, "end": {"line": 2, "character": 10}}, "text": "b"}]}),
    )
    .await;
    let r = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}, "previousResultId": id})).await;
    assert_eq!(r["kind"], "full");
    assert_eq!(r["items"].as_array().unwrap().len(), 1, "{r}");
    assert_ne!(r["resultId"], id);
    // A client that pulls is sent no diagnostics: VS Code and Neovim would show both.
    c.request("shutdown", json!(null)).await;
    assert!(
        c.queue.iter().all(|m| m["method"] != "textDocument/publishDiagnostics"),
        "pushed to a pulling client: {:?}",
        c.queue
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_cannot_pull_gets_diagnostics_pushed() {
    let mut c = Client::start().await;
    let caps = c.initialize(json!([])).await;
    // The capability is offered to every client; only those that say they pull use it.
    assert_eq!(caps["capabilities"]["diagnosticProvider"]["identifier"], "relwat");
    let d = c.open("file:///t/push.wat", "(module (func (call $nope)))").await;
    assert_eq!(d.len(), 1, "{d:?}");
}

/// Range formatting formats only the fields the range touches: each line comes out as formatting
/// the whole text makes it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn range_formatting_agrees_with_the_whole() {
    let mut c = Client::start().await;
    c.initialize(json!([])).await;
    let messy: String = features().lines().map(|l| format!("{}\n", l.trim_start())).collect();
    let want = relwat::format::format(&messy, &relwat::format::FormatOptions::default()).unwrap();
    let uri = "file:///t/messy-features.wat";
    c.open(uri, &messy).await;
    let options = json!({"tabSize": 2, "insertSpaces": true});
    for (k, (old, new)) in messy.lines().zip(want.lines()).enumerate() {
        let range = json!({"start": {"line": k, "character": 0}, "end": {"line": k, "character": 1}});
        let edits = c
            .request(
                "textDocument/rangeFormatting",
                json!({"textDocument": {"uri": uri}, "range": range, "options": options}),
            )
            .await;
        let got = match edits.as_array().unwrap().as_slice() {
            [] => old.to_string(),
            [e] => {
                assert_eq!(e["range"]["start"]["line"], k, "{edits}");
                e["newText"].as_str().unwrap().to_string()
            }
            _ => panic!("line {k}: {edits}"),
        };
        assert_eq!(got, new, "line {k}");
    }
}

/// A client's `rangeLimit` keeps the outermost folds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn folding_ranges_within_the_clients_limit() {
    let mut c = Client::start().await;
    c.request("initialize", json!({"capabilities": {"textDocument": {"foldingRange": {"rangeLimit": 3}}}})).await;
    c.notify("initialized", json!({})).await;
    let t = features();
    c.open(URI, &t).await;
    let all = {
        let mut d = Client::start().await;
        d.initialize(json!([])).await;
        d.open(URI, &t).await;
        d.request("textDocument/foldingRange", json!({"textDocument": {"uri": URI}})).await
    };
    let r = c.request("textDocument/foldingRange", json!({"textDocument": {"uri": URI}})).await;
    let folds = r.as_array().unwrap();
    assert_eq!(folds.len(), 3, "{r}");
    assert!(all.as_array().unwrap().len() > 3, "{all}");
    // The module, then the first two of its fields that fold (in order).
    let all = all.as_array().unwrap();
    assert_eq!(folds[0], all[0], "{r}");
    let inside = |f: &Value, g: &Value| {
        g["startLine"].as_u64() <= f["startLine"].as_u64() && g["endLine"].as_u64() >= f["endLine"].as_u64()
    };
    let fields: Vec<&Value> = all[1..].iter().filter(|f| !all[1..].iter().any(|g| g != *f && inside(f, g))).collect();
    assert_eq!(folds[1..], [fields[0].clone(), fields[1].clone()], "{r}");
}
