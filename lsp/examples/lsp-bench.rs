//! Benchmark of the language server on a large file (run by `lsp/bench`): spawns `relwat-lsp`,
//! opens the file, and measures over the real stdio protocol:
//! - the time from `didOpen` to the first `publishDiagnostics`;
//! - the time from each `didChange` (one character typed inside a function) to its diagnostics,
//!   from a space typed in a declaration outside the bodies (which changes them all), and from a
//!   new line typed between two functions;
//! - hover and go-to-definition latency;
//! - the latency of the other requests: declaration, type definition, highlights, signature
//!   help, selection ranges, the call hierarchy, range formatting and code lens resolution at call
//!   sites; folding ranges, code lenses, pull diagnostics and formatting of the whole file.
//!
//! Usage: lsp-bench SERVER FILE.wat [EDITS]

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

struct Lsp {
    child: Child,
    w: ChildStdin,
    r: BufReader<ChildStdout>,
    next: i64,
}

impl Lsp {
    fn send(&mut self, v: Value) {
        let b = serde_json::to_vec(&v).unwrap();
        write!(self.w, "Content-Length: {}\r\n\r\n", b.len()).unwrap();
        self.w.write_all(&b).unwrap();
        self.w.flush().unwrap();
    }
    fn recv(&mut self) -> Value {
        let mut len = 0;
        loop {
            let mut l = String::new();
            self.r.read_line(&mut l).unwrap();
            let l = l.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some(v) = l.strip_prefix("Content-Length: ") {
                len = v.parse().unwrap();
            }
        }
        let mut b = vec![0; len];
        self.r.read_exact(&mut b).unwrap();
        serde_json::from_slice(&b).unwrap()
    }
    /// Times `n` requests, one at a time.
    fn time(&mut self, name: &str, n: usize, mut params: impl FnMut(&mut Self, usize) -> (&'static str, Value)) {
        assert!(n > 0, "{name}: nothing to ask");
        let mut times = Vec::new();
        for k in 0..n {
            let (method, p) = params(self, k);
            let t = Instant::now();
            let r = self.request(method, p);
            times.push(t.elapsed());
            assert!(!r.is_null(), "{name}: no answer");
        }
        stats(name, times);
    }
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next;
        self.next += 1;
        self.send(json!({"jsonrpc":"2.0","id":id,"method":method,"params":params}));
        loop {
            let m = self.recv();
            if m["id"] == json!(id) && m.get("method").is_none() {
                return m["result"].clone();
            }
        }
    }
    fn wait_diags(&mut self, version: i64) -> usize {
        loop {
            let m = self.recv();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == json!(version) {
                return m["params"]["diagnostics"].as_array().map_or(0, |a| a.len());
            }
        }
    }
}

fn pos(text: &str, off: usize) -> Value {
    let before = &text[..off];
    let line = before.matches('\n').count();
    let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": col})
}

fn stats(name: &str, mut v: Vec<Duration>) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean = v.iter().map(|d| ms(*d)).sum::<f64>() / v.len() as f64;
    println!(
        "{name:<38} n={:<4} mean {:>8.2} ms  median {:>8.2} ms  p95 {:>8.2} ms  max {:>8.2} ms",
        v.len(),
        mean,
        ms(v[v.len() / 2]),
        ms(v[(v.len() * 95 / 100).min(v.len() - 1)]),
        ms(v[v.len() - 1])
    );
}

/// `n` of `sites`, spread over them.
fn spread(sites: &[usize], n: usize) -> Vec<usize> {
    let step = (sites.len() / n.max(1)).max(1);
    sites.iter().step_by(step).take(n).copied().collect()
}

/// Types `ins` at each of `sites` (ascending offsets in the text before the first edit), one
/// `didChange` at a time; returns the time from each to its diagnostics.
fn type_at(
    lsp: &mut Lsp,
    uri: &str,
    text: &mut String,
    version: &mut i64,
    sites: &[usize],
    ins: &str,
) -> Vec<Duration> {
    let mut times = Vec::new();
    for (k, &at) in sites.iter().enumerate() {
        let at = at + k * ins.len(); // earlier inserts moved later sites
        let p = pos(text, at);
        text.insert_str(at, ins);
        *version += 1;
        let t = Instant::now();
        lsp.send(json!({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":uri,"version":*version},
            "contentChanges":[{"range":{"start":p,"end":p},"text":ins}]}}));
        lsp.wait_diags(*version);
        times.push(t.elapsed());
    }
    times
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let server = &args[1];
    let file = &args[2];
    let edits: usize = args.get(3).map_or(30, |s| s.parse().unwrap());
    let mut text = std::fs::read_to_string(file).unwrap();
    println!("input: {file}: {} bytes, {} lines", text.len(), text.lines().count());
    let mut child = Command::new(server).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    let w = child.stdin.take().unwrap();
    let r = BufReader::new(child.stdout.take().unwrap());
    let mut lsp = Lsp { child, w, r, next: 1 };
    // Folding ranges as VS Code asks for them (lines, at most 5,000).
    let folding = json!({"rangeLimit": 5000, "lineFoldingOnly": true});
    lsp.request("initialize", json!({"capabilities": {"textDocument": {"foldingRange": folding}}}));
    lsp.send(json!({"jsonrpc":"2.0","method":"initialized","params":{}}));
    let uri = "file:///bench/input.wat";
    let t = Instant::now();
    lsp.send(json!({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":uri,"languageId":"wat","version":1,"text":text}}}));
    let n = lsp.wait_diags(1);
    stats("open → first diagnostics", vec![t.elapsed()]);
    println!("  ({n} diagnostics)");
    let mut version = 1;
    // Typing inside functions spread over the file: insert a `nop ` before an instruction.
    let sites: Vec<usize> = text.match_indices("\n    local.get ").map(|(i, _)| i + 5).collect();
    let sites: Vec<usize> =
        if sites.is_empty() { text.match_indices("(local.get ").map(|(i, _)| i).collect() } else { sites };
    let times = type_at(&mut lsp, uri, &mut text, &mut version, &spread(&sites, edits), "nop ");
    stats("edit → diagnostics (re-check)", times);
    // Typing outside the bodies (a space in a global's or a type's declaration): the module
    // without its bodies changes, so every body is checked again.
    let mut decls: Vec<usize> = ["\n  (global ", "\n  (type "]
        .iter()
        .flat_map(|h| text.match_indices(h).map(|(i, h)| i + h.len()).take(10).collect::<Vec<_>>())
        .collect();
    decls.sort();
    let outside = type_at(&mut lsp, uri, &mut text, &mut version, &decls, " ");
    if !outside.is_empty() {
        stats("edit outside bodies → diagnostics", outside);
    }
    // A new line typed between two functions, as when one starts a new function.
    let gaps: Vec<usize> = text.match_indices(")\n  (func ").map(|(i, _)| i + 1).collect();
    let between = type_at(&mut lsp, uri, &mut text, &mut version, &spread(&gaps, edits), "\n  ");
    if !between.is_empty() {
        stats("new line between fields → diagnostics", between);
    }
    // Hover and definition on `call $x` sites.
    let calls: Vec<usize> = text
        .match_indices("call ")
        .map(|(i, _)| i + 5)
        .filter(|&i| text.as_bytes().get(i).is_some_and(|c| *c == b'$' || c.is_ascii_digit()))
        .collect();
    let step = (calls.len() / 200).max(1);
    let mut hov = Vec::new();
    let mut def = Vec::new();
    for &at in calls.iter().step_by(step).take(200) {
        let p = pos(&text, at);
        let t = Instant::now();
        let h = lsp.request("textDocument/hover", json!({"textDocument":{"uri":uri},"position":p}));
        hov.push(t.elapsed());
        assert!(!h.is_null(), "no hover at {p}");
        let t = Instant::now();
        let d = lsp.request("textDocument/definition", json!({"textDocument":{"uri":uri},"position":p}));
        def.push(t.elapsed());
        assert!(!d.is_null(), "no definition at {p}");
    }
    if !hov.is_empty() {
        stats("hover (call sites)", hov);
        stats("definition (call sites)", def);
    }
    // The other requests, at the same call sites (positions on the callee's id).
    let call_sites: Vec<Value> = calls.iter().step_by(step).take(200).map(|&at| pos(&text, at + 1)).collect();
    let doc = json!({"uri": uri});
    let at = |method: &'static str, k: usize| (method, json!({"textDocument": doc, "position": call_sites[k]}));
    lsp.time("declaration (call sites)", call_sites.len(), |_, k| at("textDocument/declaration", k));
    lsp.time("type definition (call sites)", call_sites.len(), |_, k| at("textDocument/typeDefinition", k));
    lsp.time("document highlight (call sites)", call_sites.len(), |_, k| at("textDocument/documentHighlight", k));
    lsp.time("selection range (call sites)", call_sites.len(), |_, k| {
        ("textDocument/selectionRange", json!({"textDocument": doc, "positions": [call_sites[k]]}))
    });
    lsp.time("prepare call hierarchy (call sites)", call_sites.len(), |_, k| {
        at("textDocument/prepareCallHierarchy", k)
    });
    let items: Vec<Value> = call_sites
        .iter()
        .map(|p| {
            lsp.request("textDocument/prepareCallHierarchy", json!({"textDocument": doc, "position": p}))[0].clone()
        })
        .collect();
    lsp.time("incoming calls (callees)", items.len(), |_, k| {
        ("callHierarchy/incomingCalls", json!({"item": items[k]}))
    });
    lsp.time("outgoing calls (callees)", items.len(), |_, k| {
        ("callHierarchy/outgoingCalls", json!({"item": items[k]}))
    });
    lsp.time("range formatting (one line)", call_sites.len(), |_, k| {
        let line = call_sites[k]["line"].clone();
        let range = json!({"start": {"line": line, "character": 0}, "end": {"line": line, "character": 200}});
        let options = json!({"tabSize": 2, "insertSpaces": true});
        ("textDocument/rangeFormatting", json!({"textDocument": doc, "range": range, "options": options}))
    });
    let t = Instant::now();
    let lenses = lsp.request("textDocument/codeLens", json!({"textDocument": doc}));
    stats("code lenses (whole file)", vec![t.elapsed()]);
    let lenses = lenses.as_array().cloned().unwrap_or_default();
    let lstep = (lenses.len() / 200).max(1);
    let lenses: Vec<Value> = lenses.into_iter().step_by(lstep).take(200).collect();
    lsp.time("code lens resolve", lenses.len(), |_, k| ("codeLens/resolve", lenses[k].clone()));
    lsp.time("folding ranges (whole file)", 10, |_, _| ("textDocument/foldingRange", json!({"textDocument": doc})));
    lsp.time("pull diagnostics (whole file)", 10, |_, _| ("textDocument/diagnostic", json!({"textDocument": doc})));
    lsp.time("formatting (whole file)", 5, |_, _| {
        let options = json!({"tabSize": 2, "insertSpaces": true});
        ("textDocument/formatting", json!({"textDocument": doc, "options": options}))
    });
    // Hover while a re-check runs: send an edit and hover right away.
    let mut during = Vec::new();
    for k in 0..edits.max(10) {
        let at = calls[(k * 97) % calls.len()];
        let ins_at = sites[(k * 31) % sites.len()].min(text.len());
        let ins_at = text[..ins_at].rfind('\n').map_or(0, |i| i + 1);
        let ip = pos(&text, ins_at);
        text.insert_str(ins_at, ";; x\n");
        // Computed before the edit is sent (it scans the text), so the hover follows it at once.
        let hover_at = pos(&text, at + if ins_at <= at { 5 } else { 0 });
        version += 1;
        lsp.send(json!({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":uri,"version":version},
            "contentChanges":[{"range":{"start":ip,"end":ip},"text":";; x\n"}]}}));
        let t = Instant::now();
        lsp.request("textDocument/hover", json!({"textDocument":{"uri":uri},"position":hover_at}));
        during.push(t.elapsed());
        lsp.wait_diags(version);
    }
    stats("hover during a re-check", during);
    // Signature help as one types a folded call (the text has flat ones only): each call site's
    // line gets `(drop (call $f (i32.const 0) |))` before it, and help is asked at the cursor
    // right after the edit is sent.
    let calls: Vec<usize> = text
        .match_indices("call ")
        .map(|(i, _)| i + 5)
        .filter(|&i| text.as_bytes().get(i).is_some_and(|c| *c == b'$' || c.is_ascii_digit()))
        .collect();
    let mut sig = Vec::new();
    let mut inserted = 0;
    for &at in calls.iter().step_by((calls.len() / 30).max(1)).take(30) {
        let at = at + inserted; // the earlier inserts (before it: the sites ascend)
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let indent = text[line_start..].len() - text[line_start..].trim_start().len();
        let ins_at = line_start + indent;
        let callee: String = text[at..].chars().take_while(|c| !c.is_whitespace() && *c != ')').collect();
        let ins = format!("(drop (call {callee} (i32.const 0) )) ");
        let ip = pos(&text, ins_at);
        text.insert_str(ins_at, &ins);
        inserted += ins.len();
        let cursor = pos(&text, ins_at + ins.len() - 4);
        version += 1;
        lsp.send(json!({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":uri,"version":version},
            "contentChanges":[{"range":{"start":ip,"end":ip},"text":ins}]}}));
        let t = Instant::now();
        let r = lsp.request("textDocument/signatureHelp", json!({"textDocument": doc, "position": cursor}));
        sig.push(t.elapsed());
        assert!(!r.is_null(), "no signature help at {cursor}");
        lsp.wait_diags(version);
    }
    stats("signature help (typing a folded call)", sig);
    lsp.request("shutdown", Value::Null);
    lsp.send(json!({"jsonrpc":"2.0","method":"exit"}));
    let _ = lsp.child.wait();
}
