//! Quick fixes for diagnostics: remove a predetermined relocation component, `functbl` →
//! `functable`, add a missing `(size N)`, remove an addend or annotation that cannot be, write
//! other tools' spellings as the proposal's.

use super::Analysis;
use relwat::diagnostic::Diagnostic;
use relwat::span::Span;

/// One fix: a title, the diagnostic it fixes (index into the analysis's diagnostics) and edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// Shown to the user.
    pub title: String,
    /// Which diagnostic.
    pub diagnostic: usize,
    /// (range, replacement).
    pub edits: Vec<(Span, String)>,
}

/// The span plus the whitespace after it (or before it, at the end of a list).
fn with_space(src: &str, s: Span) -> Span {
    let b = src.as_bytes();
    let mut end = s.end as usize;
    while end < b.len() && matches!(b[end], b' ' | b'\t') {
        end += 1;
    }
    if end > s.end as usize && b.get(end) != Some(&b')') {
        return Span::new(s.start, end as u32);
    }
    let mut start = s.start as usize;
    while start > 0 && matches!(b[start - 1], b' ' | b'\t') {
        start -= 1;
    }
    Span::new(start as u32, s.end)
}

/// The edit that puts `text` before the field at `field`: on a line of its own, indented as the
/// field, when the field starts its line.
fn insert_before_field(src: &str, field: usize, text: &str) -> (Span, String) {
    let line = src[..field].rfind('\n').map_or(0, |i| i + 1);
    let indent = &src[line..field];
    if indent.trim().is_empty() {
        (Span::new(line as u32, line as u32), format!("{indent}{text}\n"))
    } else {
        (Span::new(field as u32, field as u32), format!("{text} "))
    }
}

fn fix_for(src: &str, d: &Diagnostic) -> Option<(String, Vec<(Span, String)>)> {
    let p = d.primary.span;
    let text = p.text(src);
    let m = d.message.as_str();
    if m.starts_with("the format of this relocation is fixed")
        || m.starts_with("the method of this relocation is fixed")
    {
        return Some((format!("Remove `{text}` (fixed by the position)"), vec![(with_space(src, p), String::new())]));
    }
    if m == "an index relocation takes no modifier" {
        return Some((format!("Remove `{text}`"), vec![(with_space(src, p), String::new())]));
    }
    if m.ends_with("has no addend") {
        return Some((format!("Remove the addend `{text}`"), vec![(with_space(src, p), String::new())]));
    }
    for &(alias, method) in relwat::linking::METHOD_ALIASES {
        let word = relwat::linking::method_name(method);
        if m.starts_with(&format!("`{alias}` is spelled `{word}`")) {
            return Some((format!("Write `{word}`"), vec![(p, word.into())]));
        }
    }
    if m.starts_with("unknown ")
        && let Some(near) = d.notes.iter().find_map(|n| n.strip_prefix("help: did you mean `")?.strip_suffix("`?"))
        && near.starts_with('$')
    {
        return Some((format!("Write `{near}`"), vec![(p, near.to_string())]));
    }
    if m.starts_with("unknown ")
        && m.contains(" qualifier `")
        && let Some(near) = d.notes.iter().find_map(|n| n.strip_prefix("help: did you mean `")?.strip_suffix("`?"))
    {
        // `(init-prio` (the list's head) becomes `(init_prio`; a bare word, the word.
        let word = near.strip_suffix(" ...)").unwrap_or(near);
        return Some((format!("Write `{word}`"), vec![(p, word.to_string())]));
    }
    if m.starts_with("data segment `")
        && m.ends_with("` defines no symbol")
        && let Some(annot) =
            d.notes.iter().find_map(|n| n.strip_prefix("help: write `")?.strip_suffix("` before its bytes"))
        && let Some(bytes) = d.secondary.first()
    {
        let at = Span::new(bytes.span.start, bytes.span.start);
        return Some((format!("Add `{annot}`"), vec![(at, format!("{annot} "))]));
    }
    if m.starts_with("unknown annotation `")
        && let Some(near) = m.split("did you mean `").nth(1).and_then(|r| r.strip_suffix("`?"))
    {
        return Some((format!("Write `{near}`"), vec![(p, near.to_string())]));
    }
    if m == "segment info is spelled `(@sym.segment ...)`: read as such" && text == "(@sym" {
        return Some(("Write `(@sym.segment`".into(), vec![(p, "(@sym.segment".into())]));
    }
    if m.ends_with("; read as if written there")
        && let Some(place) = d.secondary.iter().find(|l| l.message == "the proposal's place")
    {
        let at = Span::new(place.span.end, place.span.end);
        return Some((
            "Move the relocation to the proposal's place".into(),
            vec![(at, format!(" {text}")), (with_space(src, p), String::new())],
        ));
    }
    if m == "a comdat is declared at module level and named by the symbol" {
        // From the help: the declaration to add and the qualifier to write.
        let help = d.notes.iter().find_map(|n| n.strip_prefix("help: declare `"))?;
        let (decl, rest) = help.split_once('`')?;
        let qualifier = rest.split('`').nth(1)?;
        let mut edits = Vec::new();
        if !src.contains(decl) {
            let field = src[..p.start as usize].rfind("(func")?;
            edits.push(insert_before_field(src, field, decl));
        }
        match d.secondary.iter().find(|l| l.message == "the symbol's annotation") {
            Some(sym) => {
                let at = sym.span.start + "(@sym".len() as u32;
                edits.push((Span::new(at, at), format!(" {qualifier}")));
                edits.push((with_space(src, p), String::new()));
            }
            None => edits.push((p, format!("(@sym {qualifier})"))),
        }
        return Some((format!("Declare `{decl}` and write `{qualifier}`"), edits));
    }
    if m == "this object has no memory: it imports `env.__linear_memory`" {
        let import = d.notes.iter().find_map(|n| n.strip_prefix("help: write `")?.split('`').next())?;
        let field = d.secondary.iter().find(|l| l.message == "the import goes before this field")?.span.start;
        return Some((format!("Add `{import}`"), vec![insert_before_field(src, field as usize, import)]));
    }
    if m == relwat::literals::DEL_MESSAGE {
        return Some(("Write `\\7f`".into(), vec![(p, "\\7f".into())]));
    }
    if m == "type indices are relocated implicitly and take no annotation" {
        return Some(("Remove the annotation".into(), vec![(with_space(src, p), String::new())]));
    }
    if m.starts_with("a data symbol needs a size") {
        let n = d.notes.iter().find_map(|n| {
            let rest = n.strip_prefix("help: the bytes after it in this segment: ")?;
            rest.split_whitespace().next()?.parse::<u64>().ok()
        })?;
        let close = p.end.checked_sub(1)?;
        if src.as_bytes().get(close as usize) != Some(&b')') {
            return None;
        }
        return Some((format!("Add `(size {n})`"), vec![(Span::new(close, close), format!(" (size {n})"))]));
    }
    None
}

/// The fixes for the diagnostics that overlap `range`.
pub fn quick_fixes(a: &Analysis, range: Span) -> Vec<Fix> {
    let src = a.text();
    a.checked
        .diagnostics
        .iter()
        .enumerate()
        .filter(|(_, d)| d.primary.span.start <= range.end && range.start <= d.primary.span.end)
        .filter_map(|(i, d)| fix_for(src, d).map(|(title, edits)| Fix { title, diagnostic: i, edits }))
        .collect()
}
