//! Completion: annotation names and qualifiers valid at the cursor, relocation components valid for
//! the immediate before the annotation, symbol names of the right kind, ids of the right index
//! space, instruction mnemonics.
//!
//! The context is read from the current text around the cursor (it may be newer than the last
//! analysis); the names come from the analysis.

use super::Analysis;
use super::names::{self, Ns, SymbolKind, Target, Walker};
use relwat::ast::{RelocFormat, RelocMethod};
use relwat::lexer::{self, Token, TokenKind};
use relwat::linking;
use relwat::span::Span;

/// What an item is (the server maps it to a completion kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// A keyword or qualifier.
    Keyword,
    /// An instruction.
    Instruction,
    /// A function id or symbol.
    Function,
    /// A global, data symbol, local.
    Variable,
    /// A type.
    Type,
    /// Anything else named (labels, tables, comdats).
    Name,
    /// An annotation name.
    Annotation,
}

/// One completion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Shown and inserted text.
    pub label: String,
    /// Kind.
    pub kind: ItemKind,
    /// Extra text.
    pub detail: String,
}

/// How much text before the cursor completion reads: a caller may pass a window of the text
/// that holds this much before the cursor's token and get the same answer.
pub const CONTEXT: u32 = 16 * 1024;

/// The completions at `offset` of `text`, and the range they replace. `analysis` (with the offset
/// mapped into its text) gives the names; it may be absent or older than `text`.
pub fn complete(text: &str, offset: u32, analysis: Option<(&Analysis, Option<u32>)>) -> (Span, Vec<Item>) {
    let mut offset = (offset as usize).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let b = text.as_bytes();
    let mut start = offset;
    while start > 0 && is_idchar(b[start - 1]) {
        start -= 1;
    }
    let mut prefix = &text[start..offset];
    // `(@re|`: the token is `(@re`; replace from after `(`.
    if prefix.is_empty() && start > 0 && b[start - 1] == b'@' {
        start -= 1;
        prefix = &text[start..offset];
    }
    let replace = Span::new(start as u32, offset as u32);
    let cx = context(text, start);

    let mut items = items_for(&cx, prefix, analysis);
    items.retain(|i| {
        i.label.starts_with(prefix) || prefix.is_empty() || (prefix.starts_with('@') && i.label.starts_with(prefix))
    });
    items.sort_by(|a, b| a.label.cmp(&b.label));
    items.dedup_by(|a, b| a.label == b.label);
    (replace, items)
}

fn is_idchar(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+-./:<=>?@\\^_`|~".contains(&c)
}

/// An open group around the cursor: its head and the tokens written in it so far.
#[derive(Debug, Default, Clone)]
pub(crate) struct Group {
    /// `func`, `data`, `@reloc`, ... (empty when unknown).
    pub(crate) head: String,
    /// Tokens inside (direct children only) before the cursor, as text.
    pub(crate) items: Vec<String>,
    /// How many instructions written as lists (operands of a folded instruction) it holds
    /// before the cursor.
    pub(crate) operands: u32,
    /// Token kinds of those items.
    kinds: Vec<TokenKind>,
}

#[derive(Debug, Default)]
pub(crate) struct Context {
    /// Open groups, outermost first.
    pub(crate) groups: Vec<Group>,
    /// The tokens before the cursor in the innermost group's parent, right before the innermost
    /// group opened (for `(@reloc`: the immediate it follows).
    before_innermost: Vec<(TokenKind, String)>,
}

pub(crate) fn context(text: &str, at: usize) -> Context {
    // Lex from the first line start in the last CONTEXT bytes before the cursor (a field rarely
    // spans more than this; the groups outside the window are unknown and do not matter for
    // completion).
    let mut from = at.saturating_sub(CONTEXT as usize);
    if from > 0 {
        match text.as_bytes()[from..at].iter().position(|&c| c == b'\n') {
            Some(i) => from += i + 1,
            None => {
                while !text.is_char_boundary(from) {
                    from += 1;
                }
            }
        }
    }
    let window = &text[from..at];
    let lexed = lexer::lex(window);
    let mut groups: Vec<Group> = vec![Group::default()];
    let mut before: Vec<Vec<(TokenKind, String)>> = vec![Vec::new()];
    let mut last_before_innermost = Vec::new();
    let toks: &[Token] = &lexed.tokens;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let s = t.span.text(window).to_string();
        match t.kind {
            TokenKind::LParen => {
                let head = toks
                    .get(i + 1)
                    .filter(|n| n.kind == TokenKind::Keyword)
                    .map(|n| n.span.text(window).to_string())
                    .unwrap_or_default();
                last_before_innermost = before.last().cloned().unwrap_or_default();
                let first = if head.is_empty() { Vec::new() } else { vec![(TokenKind::Keyword, head.clone())] };
                groups.push(Group { head, ..Default::default() });
                before.push(first);
                if toks.get(i + 1).is_some_and(|n| n.kind == TokenKind::Keyword) {
                    i += 1;
                }
            }
            TokenKind::Annotation => {
                last_before_innermost = before.last().cloned().unwrap_or_default();
                let name = s.trim_start_matches("(@").trim_matches('"').to_string();
                groups.push(Group { head: name, ..Default::default() });
                before.push(Vec::new());
            }
            TokenKind::RParen => {
                if groups.len() > 1 {
                    let closed = groups.pop().expect("more than one");
                    before.pop();
                    // A closed group counts as one item of its parent.
                    if let Some(g) = groups.last_mut() {
                        g.items.push(")".into());
                        g.kinds.push(TokenKind::RParen);
                        if relwat::instructions::lookup(&closed.head).is_some() {
                            g.operands += 1;
                        }
                    }
                    if let Some(b) = before.last_mut() {
                        b.push((TokenKind::RParen, ")".into()));
                    }
                }
            }
            k => {
                if let Some(g) = groups.last_mut() {
                    g.items.push(s.clone());
                    g.kinds.push(k);
                }
                if let Some(b) = before.last_mut() {
                    b.push((k, s));
                }
            }
        }
        i += 1;
    }
    // `before_innermost` must be the parent's tokens right before the innermost group opened.
    if groups.len() >= 2 {
        let _ = &last_before_innermost;
    }
    Context { groups, before_innermost: last_before_innermost }
}

fn kw(label: &str, detail: &str) -> Item {
    Item { label: label.to_string(), kind: ItemKind::Keyword, detail: detail.to_string() }
}

use linking::{FORMAT_WORDS as FORMATS, METHOD_WORDS as METHODS, MODIFIER_WORDS as MODIFIERS};

/// What fixes the components of a `(@reloc ...)`: the immediate it follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Site {
    /// After an index: `call $f`, `global.get $g`, ... (the symbol kind it takes).
    Index(SymbolKind),
    /// After `i32.const N` (sleb) or `i64.const N` (sleb64).
    Const(RelocFormat),
    /// After a memory offset: format and method fixed.
    MemOffset,
    /// Among data or custom-section bytes: everything is written.
    Bytes,
}

fn site_of(before: &[(TokenKind, String)], in_data: bool) -> Site {
    let n = before.len();
    let last = before.last().map(|x| x.1.as_str()).unwrap_or("");
    let prev = if n >= 2 { before[n - 2].1.as_str() } else { "" };
    if in_data || before.last().is_some_and(|x| x.0 == TokenKind::String) {
        return Site::Bytes;
    }
    let instr_of = |s: &str| -> Option<Site> {
        Some(match s {
            "call" | "return_call" | "ref.func" => Site::Index(SymbolKind::Function),
            "global.get" | "global.set" => Site::Index(SymbolKind::Global),
            "throw" => Site::Index(SymbolKind::Tag),
            "call_indirect"
            | "return_call_indirect"
            | "table.get"
            | "table.set"
            | "table.size"
            | "table.grow"
            | "table.fill"
            | "table.copy"
            | "table.init" => Site::Index(SymbolKind::Table),
            "i32.const" => Site::Const(RelocFormat::Sleb),
            "i64.const" => Site::Const(RelocFormat::Sleb64),
            _ if s.contains(".load") || s.contains(".store") || s.contains(".atomic.") => Site::MemOffset,
            _ => return None,
        })
    };
    if last.starts_with("offset=") {
        return Site::MemOffset;
    }
    if let Some(s) = instr_of(prev) {
        return s;
    }
    if let Some(s) = instr_of(last) {
        return s;
    }
    Site::Bytes
}

fn reloc_items(g: &Group, site: Site, names_of: &dyn Fn(SymbolKind) -> Vec<Item>, sections: &[String]) -> Vec<Item> {
    let written = |list: &[&str]| g.items.iter().find(|x| list.contains(&x.as_str())).cloned();
    let fmt_names: Vec<&str> = FORMATS.iter().map(|x| x.0).collect();
    let method_names: Vec<&str> = METHODS.iter().chain(linking::METHOD_ALIASES).map(|x| x.0).collect();
    let modifier_names: Vec<&str> = MODIFIERS.iter().map(|x| x.0).collect();
    let format = written(&fmt_names).and_then(|f| linking::format_of(&f));
    let method = written(&method_names).and_then(|m| linking::method_of(&m));
    let modifier_written = written(&modifier_names).is_some();
    let has_target =
        g.kinds.iter().any(|k| matches!(k, TokenKind::Id | TokenKind::String)) || g.items.iter().any(|i| i == "none");
    let mut out = Vec::new();
    let kind_of = names::method_sym_kind;
    match site {
        Site::Index(k) => {
            if has_target {
                return out;
            }
            if k == SymbolKind::Global && method.is_none() {
                out.push(kw("data", "GOT entry of a data symbol (GLOBAL_INDEX_LEB)"));
                out.push(kw("func", "GOT entry of a function symbol (GLOBAL_INDEX_LEB)"));
            }
            let k = method.and_then(kind_of).unwrap_or(k);
            out.extend(names_of(k));
            if method.is_none() {
                out.push(kw("none", "leave the immediate unrelocated"));
            }
        }
        Site::MemOffset => {
            if !has_target {
                out.extend(names_of(SymbolKind::Data));
            }
        }
        Site::Const(f) => {
            if method.is_none() {
                for (name, m) in [("data", RelocMethod::Data), ("functable", RelocMethod::FuncTable)] {
                    out.push(kw(name, linking::name(linking::lookup(f, m, None).expect("A1"))));
                }
            } else if let Some(m) = method {
                if !modifier_written && !has_target {
                    for &(name, mo) in MODIFIERS {
                        if let Some(t) = linking::lookup(f, m, Some(mo)) {
                            out.push(kw(name, linking::name(t)));
                        }
                    }
                }
                if !has_target {
                    out.extend(kind_of(m).map(names_of).unwrap_or_default());
                }
            }
        }
        Site::Bytes => match (format, method) {
            (None, None) => {
                for (name, f) in FORMATS.iter().filter(|x| matches!(x.1, RelocFormat::I32 | RelocFormat::I64)) {
                    let _ = f;
                    out.push(kw(name, "relocation format"));
                }
            }
            (Some(f), None) => {
                for &(name, m) in METHODS {
                    if let Some(t) = linking::lookup(f, m, None) {
                        out.push(kw(name, linking::name(t)));
                    } else if MODIFIERS.iter().any(|mo| linking::lookup(f, m, Some(mo.1)).is_some()) {
                        out.push(kw(name, "relocation method"));
                    }
                }
            }
            (f, Some(m)) => {
                let f = f.unwrap_or(RelocFormat::I32);
                if !modifier_written && !has_target {
                    for &(name, mo) in MODIFIERS {
                        if let Some(t) = linking::lookup(f, m, Some(mo)) {
                            out.push(kw(name, linking::name(t)));
                        }
                    }
                }
                if !has_target {
                    match kind_of(m) {
                        Some(k) => out.extend(names_of(k)),
                        None => out.extend(sections.iter().map(|s| Item {
                            label: format!("\"{s}\""),
                            kind: ItemKind::Name,
                            detail: "custom section".into(),
                        })),
                    }
                }
            }
        },
    }
    out
}

/// A keyword qualifier of `(@sym ...)`, described by the linking table.
fn sym_kw(word: &str) -> Item {
    kw(word, linking::sym_qualifier(word).map_or("", |q| q.meaning))
}

fn sym_items(g: &Group, parent: &str) -> Vec<Item> {
    let have = |w: &str| g.items.iter().any(|x| x == w);
    let binding_written = have("local") || have("weak") || have("global");
    let vis_written = have("hidden") || have("default");
    let mut out = Vec::new();
    let data_import = g.head == "sym.import.data";
    let in_data = matches!(parent, "data" | "memory") && !data_import;
    if !binding_written {
        if data_import {
            out.push(sym_kw("weak"));
        } else {
            out.push(sym_kw("global"));
            out.push(sym_kw("local"));
            out.push(sym_kw("weak"));
        }
    }
    if !vis_written {
        out.push(sym_kw("hidden"));
        if !data_import {
            out.push(sym_kw("default"));
        }
    }
    if !have("retain") && !data_import {
        out.push(sym_kw("retain"));
    }
    if (in_data || data_import) && !have("tls") {
        out.push(sym_kw("tls"));
    }
    if !have("name") {
        out.push(kw("(name \"\")", "the symbol's name in the object"));
    }
    if (in_data || data_import) && !have("size") {
        out.push(kw("(size N)", "the data symbol's size (required in segments)"));
    }
    if data_import && !have("offset") {
        out.push(kw("(offset N)", "an absolute symbol at this address"));
    }
    if parent == "func" && !have("init_prio") {
        out.push(kw("(init_prio N)", "call from __wasm_call_ctors with this priority"));
    }
    if (parent == "func" || in_data) && !have("comdat") {
        out.push(kw("(comdat $c)", "put it in a comdat"));
    }
    if g.items.is_empty() && !in_data && !data_import {
        out.push(kw("none", "no symbol at all"));
    }
    out
}

fn items_for(cx: &Context, prefix: &str, analysis: Option<(&Analysis, Option<u32>)>) -> Vec<Item> {
    let inner = cx.groups.last().cloned().unwrap_or_default();
    let parent = if cx.groups.len() >= 2 { cx.groups[cx.groups.len() - 2].head.clone() } else { String::new() };
    let a = analysis.map(|x| x.0);
    let at = analysis.and_then(|x| x.1);
    let names_of = |k: SymbolKind| -> Vec<Item> {
        let Some(a) = a else { return Vec::new() };
        let kind = match k {
            SymbolKind::Function => ItemKind::Function,
            _ => ItemKind::Variable,
        };
        let mut v: Vec<Item> = a.defs().syms[k as usize]
            .keys()
            .map(|n| Item { label: format!("${n}"), kind, detail: format!("{} symbol", k.name()) })
            .collect();
        v.sort_by(|x, y| x.label.cmp(&y.label));
        v
    };
    let sections: Vec<String> = a
        .map(|a| {
            a.syntax
                .module
                .fields
                .iter()
                .filter_map(|f| match f {
                    relwat::ast::ModuleField::Custom(c) => Some(c.name.as_str().to_string()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    // Annotation names.
    if prefix.starts_with('@') {
        // `(@|`: the `(` just opened is the annotation's; what matters is the group around it.
        let around =
            if inner.head.is_empty() && inner.items.is_empty() { parent.as_str() } else { inner.head.as_str() };
        let names: &[(&str, &str)] = match around {
            "func" | "block" | "loop" | "if" | "then" | "else" => &[
                ("@reloc", "relocation of the immediate before"),
                ("@sym", "a symbol (after the id)"),
                ("@sym.label", "a function label"),
            ],
            "data" | "memory" => &[
                ("@sym", "a data symbol here"),
                ("@reloc", "relocate the bytes before"),
                ("@sym.label", "a data label"),
                ("@sym.segment", "segment name, alignment, flags (after the id)"),
            ],
            "@custom" | "custom" => &[
                ("@reloc", "relocate the bytes before"),
                ("@sym.label", "a section label"),
                ("@comdat", "the section joins a comdat"),
            ],
            "global" | "table" | "tag" => &[("@sym", "a symbol (after the id)"), ("@reloc", "relocation")],
            _ => &[
                ("@comdat", "a comdat: (@comdat $c \"name\")"),
                ("@sym.import.data", "an undefined (or absolute) data symbol"),
                ("@custom", "a custom section"),
                ("@relwat.layout", "byte-level layout options"),
            ],
        };
        return names
            .iter()
            .map(|(n, d)| Item { label: n.to_string(), kind: ItemKind::Annotation, detail: d.to_string() })
            .collect();
    }
    match inner.head.as_str() {
        "reloc" => {
            let site =
                site_of(&cx.before_innermost, matches!(parent.as_str(), "data" | "memory" | "custom" | "@custom"));
            return reloc_items(&inner, site, &names_of, &sections);
        }
        "sym" | "sym.import.data" => return sym_items(&inner, &parent),
        "sym.segment" => {
            let have = |w: &str| inner.items.iter().any(|x| x == w);
            let mut out = Vec::new();
            for q in linking::SEG_QUALIFIERS {
                if !have(q.word) {
                    let label = match (q.list, q.word) {
                        (false, w) => w.to_string(),
                        (true, "name") => "(name \"\")".to_string(),
                        (true, w) => format!("({w} N)"),
                    };
                    out.push(kw(&label, q.meaning));
                }
            }
            return out;
        }
        "comdat" if parent == "sym" || parent == "custom" || prefix.starts_with('$') => {
            return a
                .map(|a| {
                    a.defs()
                        .comdats
                        .keys()
                        .map(|n| Item { label: format!("${n}"), kind: ItemKind::Name, detail: "comdat".into() })
                        .collect()
                })
                .unwrap_or_default();
        }
        _ => {}
    }
    // At an index (`call $|`, or `call |` before anything is typed): the ids of its namespace.
    if prefix.is_empty() || prefix.starts_with('$') {
        let prev = inner.items.last().map(|s| s.as_str()).unwrap_or(inner.head.as_str());
        let prev = if inner.items.is_empty() { inner.head.as_str() } else { prev };
        let ns = match prev {
            "call" | "return_call" | "ref.func" | "start" | "func" if !inner.items.is_empty() || prev != "func" => {
                Some(Ns::FUNC)
            }
            "local.get" | "local.set" | "local.tee" => Some(Ns::Local(0)),
            "global.get" | "global.set" | "global" if prev != "global" || !inner.items.is_empty() => Some(Ns::GLOBAL),
            "br" | "br_if" | "br_table" | "br_on_null" | "br_on_non_null" | "end" | "delegate" | "rethrow" => {
                Some(Ns::Label(0))
            }
            "type" | "call_ref" | "struct.new" | "array.new" | "ref.null" => Some(Ns::TYPE),
            "throw" | "catch" | "tag" => Some(Ns::TAG),
            "call_indirect" | "table" | "table.get" | "table.set" | "table.size" | "table.grow" | "table.fill" => {
                Some(Ns::TABLE)
            }
            "memory" | "memory.size" | "memory.grow" => Some(Ns::MEMORY),
            _ => None,
        };
        if prefix.starts_with('$') || ns.is_some() {
            return ids_of(a, at, ns);
        }
    }
    // Keywords and instructions.
    let in_code = cx.groups.iter().any(|g| g.head == "func")
        || matches!(inner.head.as_str(), "block" | "loop" | "if" | "then" | "else" | "try_table");
    let mut out = Vec::new();
    if in_code {
        for i in relwat::instructions::INSTRUCTIONS {
            if i.name.starts_with(prefix) {
                out.push(Item {
                    label: i.name.to_string(),
                    kind: ItemKind::Instruction,
                    detail: format!("{:?}", i.imm).to_lowercase(),
                });
            }
        }
        for k in ["param", "result", "local", "type", "export", "import", "then", "else"] {
            out.push(kw(k, "keyword"));
        }
    } else {
        for k in [
            "module",
            "func",
            "type",
            "import",
            "export",
            "memory",
            "table",
            "global",
            "data",
            "elem",
            "start",
            "tag",
            "rec",
            "param",
            "result",
            "mut",
            "i32",
            "i64",
            "f32",
            "f64",
            "v128",
            "funcref",
            "externref",
        ] {
            out.push(kw(k, "keyword"));
        }
    }
    out
}

/// Ids of a namespace (all module-level ids when `ns` is `None`).
fn ids_of(a: Option<&Analysis>, at: Option<u32>, ns: Option<Ns>) -> Vec<Item> {
    let Some(a) = a else { return Vec::new() };
    let src = a.text();
    let defs = a.defs();
    let mut out = Vec::new();
    let mut module_space = |ns: Ns, kind: ItemKind| {
        if let Some(s) = defs.space(ns) {
            for n in s.names.keys() {
                out.push(Item { label: format!("${n}"), kind, detail: ns.describe().to_string() });
            }
        }
    };
    let kind_of = |ns: Ns| match ns {
        Ns::FUNC => ItemKind::Function,
        Ns::TYPE => ItemKind::Type,
        Ns::GLOBAL => ItemKind::Variable,
        _ => ItemKind::Name,
    };
    match ns {
        Some(ns @ (Ns::Local(_) | Ns::Label(_))) => {
            let Some(fi) = at.and_then(|o| names::field_at(&a.syntax.module, o)) else { return out };
            for o in Walker::field(&a.syntax.module, fi) {
                let same = matches!((o.ns, ns), (Ns::Local(_), Ns::Local(_)) | (Ns::Label(_), Ns::Label(_)));
                if same && o.target == Target::Def {
                    out.push(Item {
                        label: o.span.text(src).to_string(),
                        kind: ItemKind::Variable,
                        detail: o.ns.describe().to_string(),
                    });
                }
            }
        }
        Some(ns) => module_space(ns, kind_of(ns)),
        None => {
            for ns in [Ns::FUNC, Ns::TYPE, Ns::GLOBAL, Ns::TABLE, Ns::MEMORY, Ns::TAG, Ns::ELEM, Ns::DATA] {
                module_space(ns, kind_of(ns));
            }
        }
    }
    out
}
