//! The syntax of one document, re-parsed incrementally: an edit that stays inside one module field
//! re-parses that field alone, and an edit between two fields re-parses what now stands between
//! them (whitespace, comments, whole new fields); the fields after it are moved. Anything else,
//! or anything the parser's recovery could read differently in the whole text, re-parses the file.

use super::shift;
use relwat::ast::{Module, ModuleField};
use relwat::diagnostic::Diagnostic;
use relwat::lexer::{Token, TokenKind};
use relwat::parser;
use relwat::span::Span;
use std::sync::Arc;

/// A parsed document.
#[derive(Clone, Debug)]
pub struct Syntax {
    /// The text.
    pub text: Arc<str>,
    /// The syntax tree (resolved in place by each check: resolution is idempotent).
    pub module: Module,
    /// Tokens, in order.
    pub tokens: Vec<Token>,
    /// Comments, in order.
    pub comments: Vec<Span>,
    /// Annotations the parser does not know: (whole, name).
    pub unknown_annotations: Vec<(Span, Span)>,
    /// Lexical and syntax diagnostics, by start.
    pub parse_diags: Vec<Diagnostic>,
    /// The parenthesised groups at module-field level (fields and annotations), in order.
    pub groups: Vec<Span>,
    /// For each field, the stamp of the check that resolved its function body and kept what it
    /// found of it (see [`super::bodies`]); 0 for a field parsed since.
    pub stamps: Vec<u64>,
    /// Whether the file is written `(module ...)` (not a bare list of fields).
    wrapped: bool,
}

/// How the last update was done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reparse {
    /// The whole file was parsed.
    Full,
    /// One field, or the text between two fields, was re-parsed.
    Field,
}

impl Syntax {
    /// Parses a whole text.
    pub fn parse(text: Arc<str>) -> Syntax {
        let p = parser::parse(&text);
        let (groups, wrapped) = groups(&text, &p.tokens);
        Syntax {
            stamps: vec![0; p.module.fields.len()],
            module: p.module,
            tokens: p.tokens,
            comments: p.comments,
            unknown_annotations: p.unknown_annotations,
            parse_diags: p.diagnostics,
            groups,
            wrapped,
            text,
        }
    }

    /// Brings the syntax up to `text`, in which the bytes `start..old_end` of the previous text
    /// became `start..start + new_len` (one edit, or the hull of several).
    pub fn update(&mut self, text: Arc<str>, start: u32, old_end: u32, new_len: u32) -> Reparse {
        if self.update_field(text.clone(), start, old_end, new_len) {
            Reparse::Field
        } else {
            *self = Syntax::parse(text);
            Reparse::Full
        }
    }

    /// Like [`Syntax::update`] when the edit stays inside one field; otherwise leaves the syntax
    /// as it was and returns `false`.
    pub fn update_field(&mut self, text: Arc<str>, start: u32, old_end: u32, new_len: u32) -> bool {
        let done = self.try_field(&text, start, old_end, new_len);
        if done {
            self.text = text;
        }
        done
    }

    /// The region an edit of `start..old_end` is re-parsed in, if it is local: the one group that
    /// contains it, or the gap between two groups at module-field level (or between the module's
    /// head and its first group, or its last group and its end) that contains it.
    fn window(&self, start: u32, old_end: u32) -> Option<Window> {
        let gi = self.groups.partition_point(|g| g.end <= start);
        if let Some(&g) = self.groups.get(gi)
            && g.start < start
            && old_end < g.end
        {
            return Some(Window { span: g, groups: gi..gi + 1 });
        }
        // Between groups: the edit must not reach into the next group.
        let next = self.groups.get(gi).copied();
        if next.is_some_and(|g| old_end > g.start) || self.groups.is_empty() {
            return None;
        }
        let from = match gi.checked_sub(1) {
            Some(prev) => self.groups[prev].end,
            // Before the first group: after the module's head (`(module $id`), the last token
            // before the group.
            None => {
                let first = next?.start;
                let before = self.tokens.partition_point(|t| t.span.end <= first);
                before.checked_sub(1).map_or(0, |i| self.tokens[i].span.end)
            }
        };
        let to = match next {
            Some(g) => g.start,
            // After the last group: the module's `)`, or the end of a bare list of fields.
            None if self.wrapped => self.tokens.last().filter(|t| t.kind == TokenKind::RParen)?.span.start,
            None => self.text.len() as u32,
        };
        (from <= start && old_end <= to).then_some(Window { span: Span::new(from, to), groups: gi..gi })
    }

    /// Whether the window `w` stands between clean neighbours at module-field level: after a
    /// group or the module's head (`(module` and an optional id), before a group or the module's
    /// end. A stray token beside it is read by the parser's recovery in the context of the field
    /// before it, which an edit of the window may change.
    fn clean_neighbours(&self, w: &Window) -> bool {
        let g = w.span;
        let after = self.tokens.partition_point(|t| t.span.start < g.end);
        let next_ok = match self.tokens.get(after) {
            None => !self.wrapped,
            Some(t) if t.kind == TokenKind::RParen => self.wrapped && after + 1 == self.tokens.len(),
            Some(t) => self.groups.get(w.groups.end).is_some_and(|n| n.start == t.span.start),
        };
        let before = self.tokens.partition_point(|t| t.span.end <= g.start);
        let prev_ok = match before.checked_sub(1) {
            None => !self.wrapped,
            Some(i) if self.tokens[i].kind == TokenKind::RParen => {
                w.groups.start > 0 && self.groups[w.groups.start - 1].end == self.tokens[i].span.end
            }
            // The head: `(`, `module`, and an id.
            Some(i) => self.wrapped && (i == 1 || (i == 2 && self.tokens[2].kind == TokenKind::Id)),
        };
        next_ok && prev_ok
    }

    /// Where the parse of a bare list of fields stopped before the end of the text, if it did:
    /// the start of the group at module-field level that holds the `)` it stopped at.
    ///
    /// The parser reads each group at module-field level as one field as long as its reading
    /// follows the parentheses. Its recovery does not always: a plain instruction whose
    /// `(@reloc ...)` fails leaves the rest of the annotation to the instruction sequence, whose
    /// `)` then ends the function (`(func i32.const 0 (@reloc data $x (y)) drop)`). The rest of
    /// that group is read at module-field level (its lists as fields of their own) up to a `)`
    /// that closes nothing there. In `(module ...)` that `)` closes the module ("unexpected text
    /// after the module": no edit is re-parsed locally then); in a bare list of fields the parse
    /// stops there ("unexpected `)`") and never reads the groups after it. Before that group the
    /// parse went group by group (a `)` at module-field level ends it, so it went astray nowhere
    /// else), and a window there is local. In that group or after it nothing is: only a parse
    /// of the whole text says what an edit there makes of the fields (a group after it that the
    /// parse never read would become a field; the group may be mended, and the groups after it
    /// then read).
    fn parsed_until(&self) -> Option<u32> {
        if self.wrapped {
            return None;
        }
        self.parse_diags
            .iter()
            .filter(|d| d.message.starts_with("unexpected `)`"))
            .map(|d| {
                let at = d.primary.span.start;
                let gi = self.groups.partition_point(|g| g.end <= at);
                // Not in a group (parentheses that do not balance leave no groups): the start.
                self.groups.get(gi).filter(|g| g.start <= at).map_or(0, |g| g.start)
            })
            .min()
    }

    /// Whether the head of `(module ...)` reads the same groups at module-field level before and
    /// after the window `w` is replaced by `piece` (parsed as `p`, with its groups `new_groups`),
    /// none of them in the window. The head takes the module's name, `(@name "...")`, and a
    /// second one (an error: "multiple names"), past unknown annotations; the same annotation
    /// parsed at module-field level, as the piece is, is "misplaced". Past the first group that is
    /// not read this way, nothing is: an edit there keeps the reading.
    fn head_reads_the_same(&self, w: &Window, piece: &str, p: &parser::Parsed, new_groups: &[Span]) -> bool {
        let old = |i: usize| group_kind(&self.text, &self.tokens, &self.unknown_annotations, self.groups[i]);
        let (reads, stop) = head_reads((0..self.groups.len()).map(old));
        if w.groups.start > stop {
            return true;
        }
        let inserted: Vec<Head> =
            new_groups.iter().map(|g| group_kind(piece, &p.tokens, &p.unknown_annotations, *g)).collect();
        let n = inserted.len();
        let kinds = (0..w.groups.start)
            .map(old)
            .chain(inserted.iter().copied())
            .chain((w.groups.end..self.groups.len()).map(old));
        let (new_reads, _) = head_reads(kinds);
        // The groups the head reads now, as indices of the groups before the edit.
        let before: Option<Vec<usize>> = new_reads
            .into_iter()
            .map(|i| match i.checked_sub(w.groups.start) {
                None => Some(i),
                Some(k) if k >= n => Some(i - n + w.groups.len()),
                Some(_) => None,
            })
            .collect();
        before == Some(reads)
    }

    /// Re-parses the window that contains the edit, if there is one and what it holds in the new
    /// text parses there as it would in the whole text.
    fn try_field(&mut self, text: &str, start: u32, old_end: u32, new_len: u32) -> bool {
        let delta = new_len as i64 - (old_end as i64 - start as i64);
        // Where the parser closed the module early (a `)` too many in some field, or one its
        // recovery left over: see `parsed_until`), the fields after that are read differently:
        // the whole text decides.
        if self.parse_diags.iter().any(|d| d.message.starts_with("unexpected text after the module")) {
            return false;
        }
        let Some(w) = self.window(start, old_end).filter(|w| self.clean_neighbours(w)) else { return false };
        // In a bare list of fields the parse stops at such a `)`: only windows before the group
        // that holds it are read as they stand (see `parsed_until`).
        if self.parsed_until().is_some_and(|until| w.span.end > until) {
            return false;
        }
        let g = w.span;
        let new_end = (g.end as i64 + delta) as usize;
        if new_end > text.len() || !text.is_char_boundary(g.start as usize) || !text.is_char_boundary(new_end) {
            return false;
        }
        let piece = &text[g.start as usize..new_end];
        if w.in_group() {
            // `(module ...)` parses as a module, not as a field.
            let head = piece[1..].trim_start_matches([' ', '\t', '\n', '\r']);
            if head.starts_with("module") || head.starts_with("(;") || head.starts_with(";;") {
                return false;
            }
        } else if self.wrapped
            && w.groups.start == 0
            && piece.starts_with(|c: char| !c.is_ascii_whitespace() && c != '(' && c != ')')
        {
            // Right after the module's head (`module` or its id), text would run on from it.
            return false;
        }
        let p = parser::parse(piece);
        let (new_groups, wrapped) = groups(piece, &p.tokens);
        if wrapped || p.module.id.is_some() {
            return false;
        }
        if w.in_group() {
            // The piece must be one closed group, exactly as in the whole file.
            if !closed_group(&p.tokens, piece.len() as u32) || p.module.fields.len() > 1 {
                return false;
            }
        } else {
            // Nothing but whole groups (and comments): every token inside one of them.
            let in_a_group = |t: &Token| {
                let i = new_groups.partition_point(|gr| gr.end <= t.span.start);
                new_groups.get(i).is_some_and(|gr| gr.start <= t.span.start && t.span.end <= gr.end)
            };
            if !p.tokens.iter().all(in_a_group) {
                return false;
            }
            // A line comment at the piece's end would run on into the group after it.
            let at_end = new_end == text.len();
            if !at_end && p.comments.iter().any(|c| c.end as usize == piece.len() && c.text(piece).starts_with(";;")) {
                return false;
            }
        }
        // The module's head reads the `(@name ...)` annotations that follow it: they must be the
        // same groups as before, none of them in the window.
        if self.wrapped && !self.head_reads_the_same(&w, piece, &p, &new_groups) {
            return false;
        }
        // Each field is one group of the piece.
        let mut spans = new_groups.iter();
        if !p.module.fields.iter().all(|f| spans.any(|gr| *gr == f.span())) {
            return false;
        }
        // An unterminated string or comment would run on past the window in the whole file.
        // Recovery that ends at the field's `)` reads it as the module's end: in the file that
        // is "unexpected text after the module", alone it is a stray `)`. Not local either.
        if p.diagnostics.iter().any(|d| d.message.contains("unterminated") || d.message.starts_with("unexpected `)`")) {
            return false;
        }
        let base = g.start as i64;
        let inside = |s: Span| s.start >= g.start && s.end <= g.end;
        // Fields: those inside the window are replaced, those after it moved.
        let fields = &mut self.module.fields;
        let fi = fields.partition_point(|f| f.span().start < g.start);
        let old = fi + fields[fi..].iter().take_while(|f| inside(f.span())).count();
        fields[old..].iter_mut().for_each(|f| shift::field(f, delta));
        let new_fields: Vec<ModuleField> = p
            .module
            .fields
            .into_iter()
            .map(|mut f| {
                shift::field(&mut f, base);
                f
            })
            .collect();
        let n = new_fields.len();
        fields.splice(fi..old, new_fields);
        self.stamps.splice(fi..old, std::iter::repeat_n(0, n));
        // Tokens, comments, unknown annotations, diagnostics.
        splice_spans(&mut self.tokens, g, delta, p.tokens, base);
        splice_spans(&mut self.comments, g, delta, p.comments, base);
        let unknown: Vec<(Span, Span)> = p.unknown_annotations;
        {
            let v = &mut self.unknown_annotations;
            let a = v.partition_point(|(w, _)| w.start < g.start);
            let b = a + v[a..].iter().take_while(|(w, _)| inside(*w)).count();
            for (w, n) in v[b..].iter_mut() {
                shift::span(w, delta);
                shift::span(n, delta);
            }
            let new: Vec<(Span, Span)> = unknown
                .into_iter()
                .map(|(mut w, mut n)| {
                    shift::span(&mut w, base);
                    shift::span(&mut n, base);
                    (w, n)
                })
                .collect();
            v.splice(a..b, new);
        }
        {
            let mut diags: Vec<Diagnostic> = std::mem::take(&mut self.parse_diags)
                .into_iter()
                .filter(|d| !inside(d.primary.span))
                .map(|mut d| {
                    shift::diagnostic_after(&mut d, g.end, delta);
                    d
                })
                .collect();
            diags.extend(p.diagnostics.into_iter().map(|mut d| {
                shift::diagnostic(&mut d, base);
                d
            }));
            diags.sort_by_key(|d| d.primary.span.start);
            self.parse_diags = diags;
        }
        // Groups and the module.
        for s in self.groups[w.groups.end..].iter_mut() {
            shift::span(s, delta);
        }
        let moved = new_groups.into_iter().map(|s| Span::new(s.start + g.start, s.end + g.start));
        self.groups.splice(w.groups, moved);
        if self.wrapped {
            self.module.span.end = (self.module.span.end as i64 + delta) as u32;
        } else {
            self.module.span = Span::new(0, text.len() as u32);
        }
        true
    }
}

/// Where an edit is re-parsed: a group at module-field level, or the gap between two.
struct Window {
    /// The region, in the text before the edit.
    span: Span,
    /// The groups it holds (one, or none for a gap), as indices into [`Syntax::groups`].
    groups: std::ops::Range<usize>,
}

impl Window {
    /// Whether it is one group (not a gap).
    fn in_group(&self) -> bool {
        !self.groups.is_empty()
    }
}

trait Spanned {
    fn span_mut(&mut self) -> &mut Span;
    fn span(&self) -> Span;
}

impl Spanned for Token {
    fn span_mut(&mut self) -> &mut Span {
        &mut self.span
    }
    fn span(&self) -> Span {
        self.span
    }
}

impl Spanned for Span {
    fn span_mut(&mut self) -> &mut Span {
        self
    }
    fn span(&self) -> Span {
        *self
    }
}

/// Replaces the items inside `g` by `new` (moved by `base`) and moves the items after `g` by `delta`.
fn splice_spans<T: Spanned>(v: &mut Vec<T>, g: Span, delta: i64, new: Vec<T>, base: i64) {
    let a = v.partition_point(|t| t.span().start < g.start);
    let b = a + v[a..].iter().take_while(|t| t.span().end <= g.end).count();
    for t in v[b..].iter_mut() {
        shift::span(t.span_mut(), delta);
    }
    let new: Vec<T> = new
        .into_iter()
        .map(|mut t| {
            shift::span(t.span_mut(), base);
            t
        })
        .collect();
    v.splice(a..b, new);
}

/// What the head of `(module ...)` makes of a group at module-field level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Head {
    /// An annotation the parser does not know: skipped.
    Unknown,
    /// `(@name ...)`.
    Name,
    /// Anything else: the first field.
    Field,
}

/// What the head makes of the group `g` of `text` (`tokens`, `unknown`: its tokens and the
/// annotations its parse skipped).
fn group_kind(text: &str, tokens: &[Token], unknown: &[(Span, Span)], g: Span) -> Head {
    let Some(t) = tokens.get(tokens.partition_point(|t| t.span.start < g.start)) else { return Head::Field };
    if t.kind != TokenKind::Annotation {
        return Head::Field;
    }
    // `(@name` or `(@"name"`.
    let name = t.span.text(text).get(2..).unwrap_or("");
    if name.strip_prefix('"').and_then(|n| n.strip_suffix('"')).unwrap_or(name) == "name" {
        return Head::Name;
    }
    match unknown.get(unknown.partition_point(|(w, _)| w.start < g.start)) {
        Some((w, _)) if *w == g => Head::Unknown,
        _ => Head::Field,
    }
}

/// The groups the head of `(module ...)` reads, by their kinds in order: a `(@name ...)` and a
/// second one after it, past unknown annotations (as `opt_name_annot` reads them); and the index
/// of the group where the reading stopped (or the number of groups).
fn head_reads(kinds: impl Iterator<Item = Head>) -> (Vec<usize>, usize) {
    let mut reads = Vec::new();
    let mut seen = 0;
    for (i, k) in kinds.enumerate() {
        match k {
            Head::Unknown => {}
            Head::Name if reads.is_empty() => reads.push(i),
            Head::Name | Head::Field => {
                if k == Head::Name {
                    reads.push(i);
                }
                return (reads, i);
            }
        }
        seen = i + 1;
    }
    (reads, seen)
}

/// Whether `tokens` form one parenthesised group covering `0..len`.
fn closed_group(tokens: &[Token], len: u32) -> bool {
    let Some(first) = tokens.first() else { return false };
    if first.span.start != 0 || !matches!(first.kind, TokenKind::LParen | TokenKind::Annotation) {
        return false;
    }
    let mut depth = 0i32;
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            TokenKind::LParen | TokenKind::Annotation => depth += 1,
            TokenKind::RParen => depth -= 1,
            _ => {}
        }
        if depth <= 0 && i + 1 != tokens.len() {
            return false;
        }
    }
    depth == 0 && tokens.last().is_some_and(|t| t.span.end == len)
}

/// The groups at module-field level, and whether the file is `(module ...)`. When the file's
/// parentheses do not balance (an unclosed `(`, a stray `)`, text after the module), there are
/// no groups: every edit re-parses the file, since the parser's recovery looks across fields.
fn groups(text: &str, tokens: &[Token]) -> (Vec<Span>, bool) {
    let wrapped = tokens.len() >= 2
        && tokens[0].kind == TokenKind::LParen
        && tokens[1].kind == TokenKind::Keyword
        && tokens[1].span.text(text) == "module";
    let level = if wrapped { 1 } else { 0 };
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut open = 0u32;
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            TokenKind::LParen | TokenKind::Annotation => {
                if depth == level {
                    open = t.span.start;
                }
                depth += 1;
            }
            TokenKind::RParen => {
                depth -= 1;
                if depth == level {
                    out.push(Span::new(open, t.span.end));
                }
                if depth < level && !(wrapped && depth == 0 && i + 1 == tokens.len()) {
                    return (Vec::new(), wrapped);
                }
            }
            _ => {}
        }
    }
    if depth != 0 {
        out.clear();
    }
    (out, wrapped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &Syntax, b: &Syntax) {
        assert_eq!(a.module, b.module, "module");
        assert_eq!(a.tokens, b.tokens, "tokens");
        assert_eq!(a.comments, b.comments, "comments");
        assert_eq!(a.unknown_annotations, b.unknown_annotations, "unknown annotations");
        assert_eq!(a.parse_diags, b.parse_diags, "diagnostics");
        assert_eq!(a.groups, b.groups, "groups");
    }

    fn edit(s: &mut Syntax, from: &str, to: &str) -> Reparse {
        let text = s.text.to_string();
        let start = text.find(from).expect("edit target");
        let new = format!("{}{}{}", &text[..start], to, &text[start + from.len()..]);
        s.update(Arc::from(new), start as u32, (start + from.len()) as u32, to.len() as u32)
    }

    const SRC: &str = "(module\n  (func $a (result i32) (i32.const 1))\n  ;; c\n  (func $b (call $a) drop)\n  (@foo bar)\n  (data (i32.const 0) \"x\"))\n";

    #[test]
    fn edit_inside_a_field_reparses_it_alone() {
        let mut s = Syntax::parse(Arc::from(SRC));
        assert_eq!(edit(&mut s, "i32.const 1", "i32.const 12345"), Reparse::Field);
        same(&s, &Syntax::parse(s.text.clone()));
        assert_eq!(edit(&mut s, "(call $a)", "(call $a) (call $zz"), Reparse::Full);
        same(&s, &Syntax::parse(s.text.clone()));
        assert_eq!(edit(&mut s, "(call $a) (call $zz", "(call $a) nop"), Reparse::Full);
        assert_eq!(edit(&mut s, "nop", "i32.bogus"), Reparse::Field);
        same(&s, &Syntax::parse(s.text.clone()));
        // Between fields: whitespace, comments, whole new fields.
        assert_eq!(edit(&mut s, ";; c\n", ";; c\n\n  "), Reparse::Field);
        same(&s, &Syntax::parse(s.text.clone()));
        assert_eq!(edit(&mut s, ";; c\n", ";; c\n  (global $g i32 (i32.const 0)) (; x ;) (func $n)\n"), Reparse::Field);
        same(&s, &Syntax::parse(s.text.clone()));
        assert!(s.module.fields.iter().any(|f| matches!(f, relwat::ast::ModuleField::Global(_))));
        // After the last field, before the module's `)`.
        let end = s.text.rfind(')').unwrap();
        let text = format!("{}\n  (func $last){}", &s.text[..end], &s.text[end..]);
        assert_eq!(s.update(Arc::from(text.as_str()), end as u32, end as u32, 15), Reparse::Field);
        same(&s, &Syntax::parse(s.text.clone()));
        // Not local: an unclosed `(`, a stray `)`, a line comment that would swallow the next
        // field, text that would run on from `module`.
        for (from, to) in
            [(";; c\n", ";; c\n (func"), (";; c\n", ";; c\n )"), (";; c\n", ";; c\n ;;"), ("(module", "(modulex")]
        {
            let mut t = Syntax::parse(s.text.clone());
            let text = t.text.to_string();
            let start = text.find(from).unwrap() + from.len().min(to.len());
            let ins = &to[from.len().min(to.len())..];
            let new = format!("{}{ins}{}", &text[..start], &text[start..]);
            assert_eq!(
                t.update(Arc::from(new.as_str()), start as u32, start as u32, ins.len() as u32),
                Reparse::Full,
                "{to:?}"
            );
        }
        same(&s, &Syntax::parse(s.text.clone()));
        assert_eq!(edit(&mut s, "i32.bogus", "nop"), Reparse::Field);
        same(&s, &Syntax::parse(s.text.clone()));
        // Into a string and a comment that stay closed.
        assert_eq!(edit(&mut s, "\"x\"", "\"x;; y\""), Reparse::Field);
        same(&s, &Syntax::parse(s.text.clone()));
        // An unterminated block comment swallows what follows: not local.
        assert_eq!(edit(&mut s, "(func $b", "(func (; $b"), Reparse::Full);
        same(&s, &Syntax::parse(s.text.clone()));
    }

    #[test]
    fn name_annotations_the_module_head_reads_are_not_local() {
        let src = "(module $m (@name \"m\") (@foo) (@name \"again\")\n  (func $a)\n  (func $b)\n  (@name \"x\"))\n";
        let mut s = Syntax::parse(Arc::from(src));
        let messages: Vec<&str> = s.parse_diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["@name annotation: multiple names", "misplaced @name annotation"]);
        // What the head reads: the whole text.
        assert_eq!(edit(&mut s, "\"m\"", "\"mm\""), Reparse::Full);
        same(&s, &Syntax::parse(s.text.clone()));
        assert_eq!(edit(&mut s, "\"again\"", "\"again2\""), Reparse::Full);
        same(&s, &Syntax::parse(s.text.clone()));
        // An unknown annotation between them that stays one, the fields after them, a name
        // annotation at module-field level: local.
        assert_eq!(edit(&mut s, "foo", "bar x"), Reparse::Field);
        same(&s, &Syntax::parse(s.text.clone()));
        assert_eq!(edit(&mut s, "$a", "$aa"), Reparse::Field);
        same(&s, &Syntax::parse(s.text.clone()));
        assert_eq!(edit(&mut s, "\"x\"", "\"y\""), Reparse::Field);
        same(&s, &Syntax::parse(s.text.clone()));
        // Edits that change what the head reads: a field that becomes a name (right after the
        // head it is the module's name), a name that becomes an unknown annotation or a field
        // (the head reads the next one).
        let edits: &[(&str, &str, &str)] = &[
            ("(module\n  (func $a)\n  (@name \"x\"))\n", "func $a", "@name \"n\""),
            ("(module\n  (func $a)\n  (@name \"x\"))\n", "func $a", "@foo"),
            ("(module\n  (@name \"n\")\n  (@name \"x\"))\n", "name \"n\"", "nope"),
            ("(module\n  (@name \"n\")\n  (@name \"x\"))\n", "@name \"n\"", "func"),
        ];
        for &(src, from, to) in edits {
            let mut s = Syntax::parse(Arc::from(src));
            assert_eq!(edit(&mut s, from, to), Reparse::Full, "{src:?}: {from:?} -> {to:?}");
            same(&s, &Syntax::parse(s.text.clone()));
        }
        // Insertions: a field between two names (the second is no longer the head's), a name
        // right after the head.
        let inserts: &[(&str, &str, &str)] = &[
            ("(module\n  (@name \"n\") (@foo)\n  (@name \"x\"))\n", "(@name \"x\")", "(func $c) "),
            ("(module\n  (@foo)\n  (@name \"x\"))\n", "(@foo)", "(@name \"m\") "),
            ("(module\n  (func $a)\n  (@name \"x\"))\n", "(func $a)", "(@name \"m\") "),
        ];
        for &(src, before, ins) in inserts {
            let mut s = Syntax::parse(Arc::from(src));
            let at = s.text.find(before).unwrap();
            let text = format!("{}{ins}{}", &s.text[..at], &s.text[at..]);
            let how = s.update(Arc::from(text.as_str()), at as u32, at as u32, ins.len() as u32);
            assert_eq!(how, Reparse::Full, "{src:?}: {ins:?} before {before:?}");
            same(&s, &Syntax::parse(s.text.clone()));
        }
    }

    #[test]
    fn a_bare_list_of_fields_is_parsed_locally_only_before_where_its_parse_stops() {
        // The failed `(@reloc ...)` leaves its `)` to the body, which ends `$a` there: `drop` is
        // read at module-field level and the parse stops at `$a`'s own `)`.
        let src =
            "(func $z)\n(func $a\n  i32.const 0 (@reloc data $x (y))\n  drop)\n(import \"env\" \"f\" (func $f))\n";
        let mut s = Syntax::parse(Arc::from(src));
        assert!(s.parse_diags.iter().any(|d| d.message == "unexpected `)`"), "{:?}", s.parse_diags);
        assert_eq!(s.groups.len(), 3);
        assert_eq!(s.module.fields.len(), 2, "the import is not read");
        // Before the group where the parse went astray: local.
        assert_eq!(edit(&mut s, "$z", "$zz"), Reparse::Field);
        same(&s, &Syntax::parse(s.text.clone()));
        let at = s.text.find("(func $a").unwrap();
        let text = format!("{}(global $g i32 (i32.const 0))\n{}", &s.text[..at], &s.text[at..]);
        assert_eq!(s.update(Arc::from(text.as_str()), at as u32, at as u32, 30), Reparse::Field);
        same(&s, &Syntax::parse(s.text.clone()));
        // After it, in it, between it and the next group: the whole text.
        assert_eq!(edit(&mut s, "\"f\"", "\"g\""), Reparse::Full);
        same(&s, &Syntax::parse(s.text.clone()));
        assert_eq!(s.module.fields.len(), 3, "still not read");
        let at = s.text.find("drop)").unwrap() + 5;
        let text = format!("{}\n{}", &s.text[..at], &s.text[at..]);
        assert_eq!(s.update(Arc::from(text.as_str()), at as u32, at as u32, 1), Reparse::Full);
        same(&s, &Syntax::parse(s.text.clone()));
        assert_eq!(edit(&mut s, "drop", "nop"), Reparse::Full);
        same(&s, &Syntax::parse(s.text.clone()));
        // Mended: the import is read.
        assert_eq!(edit(&mut s, " (y)", ""), Reparse::Full);
        same(&s, &Syntax::parse(s.text.clone()));
        assert_eq!(s.module.fields.len(), 4);
        assert!(!s.parse_diags.iter().any(|d| d.message == "unexpected `)`"));
        assert_eq!(edit(&mut s, "\"g\"", "\"h\""), Reparse::Field);
        same(&s, &Syntax::parse(s.text.clone()));
    }
}
