//! Conversions between the analysis layer (byte spans, relwat diagnostics) and LSP types, and
//! the view of a document a request answers from.

use super::*;

pub(super) fn range_of(text: &DocText, enc: Encoding, s: Span) -> Range {
    let a = text.position(s.start, enc);
    let b = text.position(s.end, enc);
    Range { start: Position { line: a.line, character: a.col }, end: Position { line: b.line, character: b.col } }
}

pub(super) fn to_lsp_diag(uri: &Uri, text: &DocText, enc: Encoding, d: &RDiag) -> Diagnostic {
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
pub(super) struct View {
    pub(super) analysis: Option<Arc<Analysis>>,
    pub(super) since: Vec<Edit>,
    pub(super) text: DocText,
    pub(super) enc: Encoding,
}

/// A document offset taken back through `edits` (in the order they were made) to the text before
/// them; `None` inside text an edit inserted.
fn back_through<'e>(edits: impl DoubleEndedIterator<Item = &'e Edit>, mut o: u32) -> Option<u32> {
    for e in edits.rev() {
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

impl View {
    /// A document offset in the analysis's text (`None` inside text edited since).
    pub(super) fn to_analysis(&self, o: u32) -> Option<u32> {
        back_through(self.since.iter(), o)
    }

    pub(super) fn offset(&self, p: Position) -> u32 {
        self.text.offset(Pos { line: p.line, col: p.character }, self.enc)
    }

    pub(super) fn doc_range(&self, s: Span) -> Range {
        range_of(&self.text, self.enc, s)
    }
}

impl Backend {
    /// A snapshot of a document for a request (the text's clone shares the rope's nodes).
    pub(super) fn view(&self, uri: &Uri) -> Option<View> {
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
    /// Runs `f` on the document itself, under its lock, with the position encoding.
    pub(super) fn with_doc_state<R>(&self, uri: &Uri, f: impl FnOnce(&Doc, Encoding) -> R) -> Option<R> {
        let docs = self.state.docs.read().expect("lock");
        Some(f(docs.get(uri.as_str())?, self.state.enc()))
    }

    pub(super) fn with_doc<R>(&self, uri: &Uri, f: impl FnOnce(&DocRef) -> R) -> Option<R> {
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
pub(super) struct DocRef<'a> {
    pub(super) text: &'a DocText,
    pub(super) enc: Encoding,
    pub(super) since: &'a [(u64, Edit)],
    pub(super) analysis: Option<&'a Arc<Analysis>>,
}

impl DocRef<'_> {
    pub(super) fn offset(&self, p: Position) -> u32 {
        self.text.offset(Pos { line: p.line, col: p.character }, self.enc)
    }

    pub(super) fn to_analysis(&self, o: u32) -> Option<u32> {
        back_through(self.since.iter().map(|(_, e)| e), o)
    }

    pub(super) fn map_span(&self, mut s: Span) -> Option<Span> {
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

    pub(super) fn range(&self, s: Span) -> Option<Range> {
        let s = self.map_span(s)?;
        Some(range_of(self.text, self.enc, s))
    }

    /// The first and last lines of an analysis span in the document.
    pub(super) fn lines(&self, s: Span) -> Option<(u32, u32)> {
        let s = self.map_span(s)?;
        Some((self.text.line(s.start), self.text.line(s.end)))
    }
}

/// How long a request waits for a document's first check (a 15 MB file's takes a fifth of a
/// second; a request must not hang on a pathological one).
const FIRST_CHECK_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

impl Backend {
    /// Waits, at most [`FIRST_CHECK_WAIT`], until the document has its first analysis: a request
    /// sent right after `didOpen` is answered from that check instead of with nothing. Once there
    /// is an analysis, requests never wait (they use the last one, mapped through the edits).
    pub(super) async fn first_check(&self, uri: &Uri) {
        let deadline = tokio::time::Instant::now() + FIRST_CHECK_WAIT;
        loop {
            // Registered before the look, so that a publication in between is not missed.
            let mut published = std::pin::pin!(self.state.published.notified());
            published.as_mut().enable();
            if self.with_doc(uri, |d| d.analysis.is_none()) != Some(true) {
                return;
            }
            if tokio::time::timeout_at(deadline, published).await.is_err() {
                return;
            }
        }
    }
}

/// Runs `f` on the analysis at a document position: (analysis, offset in it).
pub(super) async fn at_position(b: &Backend, uri: &Uri, p: Position) -> Option<(Arc<Analysis>, u32)> {
    b.first_check(uri).await;
    b.with_doc(uri, |d| {
        let a = d.analysis?.clone();
        let o = d.to_analysis(d.offset(p))?;
        Some((a, o))
    })?
}

/// The document's analysis and an editor range in its offsets (clamped to its text).
pub(super) async fn analysis_range(b: &Backend, uri: &Uri, range: Range) -> Option<(Arc<Analysis>, Span)> {
    b.first_check(uri).await;
    b.with_doc(uri, |d| {
        let a = d.analysis?.clone();
        let s = d.to_analysis(d.offset(range.start)).unwrap_or(0);
        let e = d.to_analysis(d.offset(range.end)).unwrap_or(a.text().len() as u32);
        Some((a, Span::new(s, e.max(s))))
    })
    .flatten()
}

pub(super) fn map_ranges(b: &Backend, uri: &Uri, spans: &[Span]) -> Vec<Option<Range>> {
    b.with_doc(uri, |d| spans.iter().map(|s| d.range(*s)).collect()).unwrap_or_default()
}

pub(super) fn symbol_kind(k: symbols::Kind) -> SymbolKind {
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
pub(super) fn outline_to_lsp(d: &DocRef, o: &symbols::Outline) -> Option<DocumentSymbol> {
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

pub(super) fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: tokens::TYPES.iter().map(|t| SemanticTokenType::new(t)).collect(),
        token_modifiers: tokens::MODIFIERS.iter().map(|t| SemanticTokenModifier::new(t)).collect(),
    }
}

/// Encodes tokens relative to each other, one line at a time (multi-line tokens are split).
pub(super) fn encode_tokens(d: &DocRef, toks: &[tokens::SemToken]) -> Vec<SemanticToken> {
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
