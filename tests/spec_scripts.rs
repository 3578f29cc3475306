//! Reading the spec suite's scripts without the `wast` crate: finding each module's text in a
//! script, and the module forms of the scripts `wast` cannot parse.

use super::*;

/// Skips whitespace, line comments and (nested) block comments from `i`.
pub(super) fn skip_trivia(src: &[u8], mut i: usize) -> usize {
    loop {
        match src.get(i..) {
            Some([b' ' | b'\t' | b'\n' | b'\r', ..]) => i += 1,
            Some([b';', b';', ..]) => {
                while i < src.len() && src[i] != b'\n' {
                    i += 1;
                }
            }
            Some([b'(', b';', ..]) => i = skip_block_comment(src, i),
            _ => return i,
        }
    }
}

/// `i` is at `(;`; returns the offset after the matching `;)` (or the end of the text).
pub(super) fn skip_block_comment(src: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < src.len() {
        if src[i..].starts_with(b"(;") {
            depth += 1;
            i += 2;
        } else if src[i..].starts_with(b";)") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    src.len()
}

/// `i` is at `"`; returns the offset after the closing quote (or the end of the text).
pub(super) fn skip_string(src: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < src.len() {
        match src[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    src.len()
}

/// The offset of the `)` that closes the `(` at `open`. Knows strings (also `$"..."` ids), line
/// comments, nested block comments; annotations `(@...)` are ordinary parenthesised groups.
pub(super) fn matching_close(src: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < src.len() {
        match &src[i..] {
            [b'"', ..] => {
                i = skip_string(src, i);
                continue;
            }
            [b';', b';', ..] | [b'(', b';', ..] => {
                i = skip_trivia(src, i);
                continue;
            }
            [b'(', ..] => depth += 1,
            [b')', ..] => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The end of the token at `i` (an id, keyword or number; `$"..."` ids included).
pub(super) fn token_end(src: &[u8], mut i: usize) -> usize {
    if src[i..].starts_with(b"$\"") {
        return skip_string(src, i + 1);
    }
    while i < src.len() && !matches!(src[i], b' ' | b'\t' | b'\n' | b'\r' | b'(' | b')' | b'"' | b';') {
        i += 1;
    }
    i
}

/// Skips trivia and annotations `(@...)` from `i`.
pub(super) fn skip_trivia_and_annotations(src: &[u8], mut i: usize) -> usize {
    loop {
        i = skip_trivia(src, i);
        if src[i..].starts_with(b"(@") {
            match matching_close(src, i) {
                Some(close) => i = close + 1,
                None => return src.len(),
            }
        } else {
            return i;
        }
    }
}

/// For every `(` of the script: the offset of the first token after it (comments and annotations
/// skipped) → the offset of the `(`. `((@a) module` and `(;c;)module` are legal.
pub(super) fn open_parens(src: &[u8]) -> HashMap<usize, usize> {
    let mut map = HashMap::new();
    let mut i = 0;
    while i < src.len() {
        match &src[i..] {
            [b'"', ..] => i = skip_string(src, i),
            [b';', b';', ..] | [b'(', b';', ..] => i = skip_trivia(src, i),
            [b'(', ..] => {
                map.insert(skip_trivia_and_annotations(src, i + 1), i);
                i += 1;
            }
            _ => i += 1,
        }
    }
    map
}

/// The text of the module whose `module` keyword is at `keyword`: from its `(` to its `)`.
/// `(module $id? definition ...)` loses the `definition` keyword (replaced by spaces), which is
/// script syntax, not WAT.
pub(super) fn module_text(script: &str, opens: &HashMap<usize, usize>, keyword: usize) -> Result<String, String> {
    let src = script.as_bytes();
    if !src[keyword..].starts_with(b"module") {
        // A script that is a bare module (no directives, maybe no `(module`): all of it.
        return Ok(script.to_string());
    }
    let open =
        *opens.get(&keyword).ok_or_else(|| format!("harness: no `(` before the `module` keyword at byte {keyword}"))?;
    let close = matching_close(src, open).ok_or_else(|| format!("harness: no `)` closes the module at byte {open}"))?;
    let mut text = script[open..=close].to_string();

    // Strip `definition`: `(module $id? definition`.
    let mut i = skip_trivia_and_annotations(src, keyword + "module".len());
    if src.get(i) == Some(&b'$') {
        i = skip_trivia_and_annotations(src, token_end(src, i));
    }
    if i < close && src[i..].starts_with(b"definition") && token_end(src, i) == i + "definition".len() {
        let at = i - open;
        text.replace_range(at..at + "definition".len(), "          ");
    }
    Ok(text)
}

/// A module form found by [`scan_script`].
pub(super) struct ScannedForm {
    /// The offset of the `module` keyword.
    pub(super) keyword: usize,
    /// `ModuleNoOracle`, `InvalidNoOracle` or `MalformedNoOracle`.
    pub(super) category: Category,
    pub(super) source: Source,
}

/// The module forms of a script, found without the `wast` crate: every top-level `(module ...)`
/// (also `definition` and `quote` modules; `instance` forms hold no module), and the module of every
/// top-level `(assert_invalid ...)`, `(assert_malformed ...)`, `(assert_unlinkable ...)` and
/// `(assert_trap ...)`. Binary modules are skipped.
pub(super) fn scan_script(script: &str, opens: &HashMap<usize, usize>) -> Vec<ScannedForm> {
    let src = script.as_bytes();
    let mut forms = Vec::new();
    let mut i = skip_trivia(src, 0);
    while i < src.len() {
        if src[i] != b'(' {
            // Not a form (a stray token or `)`): step over it.
            i = skip_trivia(src, token_end(src, i).max(i + 1));
            continue;
        }
        let Some(close) = matching_close(src, i) else { break };
        let head = skip_trivia_and_annotations(src, i + 1);
        let keyword = match &script[head..token_end(src, head)] {
            "module" => Some((head, Category::ModuleNoOracle)),
            directive => {
                let category = match directive {
                    "assert_invalid" => Some(Category::InvalidNoOracle),
                    "assert_malformed" => Some(Category::MalformedNoOracle),
                    "assert_unlinkable" | "assert_trap" => Some(Category::ModuleNoOracle),
                    _ => None,
                };
                let inner = skip_trivia_and_annotations(src, token_end(src, head));
                let module = skip_trivia_and_annotations(src, inner + 1);
                category
                    .filter(|_| src.get(inner) == Some(&b'(') && is_keyword(src, module, "module"))
                    .map(|c| (module, c))
            }
        };
        if let Some((keyword, category)) = keyword
            && let Some(source) = scanned_module(script, opens, keyword)
        {
            forms.push(ScannedForm { keyword, category, source });
        }
        i = skip_trivia(src, close + 1);
    }
    forms
}

/// Whether the token at `i` is the keyword `word`.
pub(super) fn is_keyword(src: &[u8], i: usize, word: &str) -> bool {
    src.get(i..).is_some_and(|s| s.starts_with(word.as_bytes())) && token_end(src, i) == i + word.len()
}

/// The text of the module form whose `module` keyword is at `keyword`; `None` for a
/// `(module instance ...)`, which holds no module.
pub(super) fn scanned_module(script: &str, opens: &HashMap<usize, usize>, keyword: usize) -> Option<Source> {
    let src = script.as_bytes();
    let mut i = skip_trivia_and_annotations(src, keyword + "module".len());
    if src.get(i) == Some(&b'$') {
        i = skip_trivia_and_annotations(src, token_end(src, i));
    }
    if is_keyword(src, i, "instance") {
        return None;
    }
    if is_keyword(src, i, "binary") {
        return Some(Source::Skip("binary module".into()));
    }
    if !is_keyword(src, i, "quote") {
        return Some(match module_text(script, opens, keyword) {
            Ok(text) => Source::Text(text),
            Err(e) => Source::Skip(e),
        });
    }
    // `(module quote "..."*)`: the strings' contents, each followed by a space as wast does.
    let mut bytes = Vec::new();
    i = skip_trivia(src, i + "quote".len());
    while src.get(i) == Some(&b'"') {
        let (mut s, end) = decode_string(src, i);
        bytes.append(&mut s);
        bytes.push(b' ');
        i = skip_trivia(src, end);
    }
    if src.get(i) != Some(&b')') {
        return Some(Source::Skip(format!("harness: unexpected token in a quoted module at byte {i}")));
    }
    Some(match String::from_utf8(bytes) {
        Ok(text) => Source::Text(text),
        Err(_) => Source::Skip("quoted text is not UTF-8".into()),
    })
}

/// The bytes a string literal at `i` (at its `"`) stands for, and the offset after it. Escapes:
/// `\t \n \r \" \' \\`, `\hh` (a byte) and `\u{h+}` (a character, as UTF-8).
pub(super) fn decode_string(src: &[u8], i: usize) -> (Vec<u8>, usize) {
    let end = skip_string(src, i);
    let body = &src[i + 1..end.saturating_sub(1).max(i + 1)];
    let mut out = Vec::new();
    let mut j = 0;
    while j < body.len() {
        if body[j] != b'\\' || j + 1 == body.len() {
            out.push(body[j]);
            j += 1;
            continue;
        }
        let hex = |b: u8| (b as char).to_digit(16);
        match body[j + 1] {
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'u' if body.get(j + 2) == Some(&b'{') => {
                let close = body[j..].iter().position(|&b| b == b'}').map_or(body.len(), |p| j + p);
                let digits = std::str::from_utf8(&body[j + 3..close]).unwrap_or_default().replace('_', "");
                let c = u32::from_str_radix(&digits, 16).ok().and_then(char::from_u32).unwrap_or('\u{fffd}');
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                j = close + 1;
                continue;
            }
            h if hex(h).is_some() && body.get(j + 2).and_then(|&b| hex(b)).is_some() => {
                out.push((hex(h).unwrap() * 16 + hex(body[j + 2]).unwrap()) as u8);
                j += 3;
                continue;
            }
            other => out.push(other),
        }
        j += 2;
    }
    (out, end)
}

/// The 1-based line of the byte at `offset`.
pub(super) fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Encodes a module text with wast, as `QuoteWat::encode` does for quoted modules.
pub(super) fn reencode(text: &str) -> Result<Vec<u8>, String> {
    let mut lexer = Lexer::new(text);
    lexer.allow_confusing_unicode(true);
    let buf = ParseBuffer::new_with_lexer(lexer).map_err(|e| e.to_string())?;
    let mut wat = parser::parse::<Wat>(&buf).map_err(|e| e.to_string())?;
    wat.encode().map_err(|e| e.to_string())
}

pub(super) fn linecol(text: &str, offset: u32) -> String {
    let offset = (offset as usize).min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = offset - before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
    format!("module line {line}, column {col}")
}

pub(super) fn run_file(rel: &str, path: &Path) -> FileResult {
    let script = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            return FileResult { skipped: Some(format!("cannot read: {e}")), ..FileResult::default() };
        }
    };
    let features = match features_for(rel) {
        Ok(f) => f,
        Err(why) => return FileResult { skipped: Some(why), ..FileResult::default() },
    };
    let mut run = FileRun {
        rel,
        script: &script,
        features,
        opens: open_parens(script.as_bytes()),
        seen: HashMap::new(),
        cases: Vec::new(),
    };
    // names.wast has bidirectional-override characters in strings: wast refuses them by default.
    let mut lexer = Lexer::new(&script);
    lexer.allow_confusing_unicode(true);
    let without_oracle = |mut run: FileRun<'_>, e: wast::Error| {
        let (line, col) = e.span().linecol_in(&script);
        let why = format!("line {}:{}: {}", line + 1, col + 1, e.message());
        run.scanned();
        FileResult { cases: run.cases, skipped: None, no_oracle: Some(why) }
    };
    let buf = match ParseBuffer::new_with_lexer(lexer) {
        Ok(b) => b,
        Err(e) => return without_oracle(run, e),
    };
    let wast = match parser::parse::<Wast>(&buf) {
        Ok(w) => w,
        Err(e) => return without_oracle(run, e),
    };
    run.directives(wast.directives);
    FileResult { cases: run.cases, skipped: None, no_oracle: None }
}
