//! The document outline and the workspace's linker symbols.

use crate::server::*;

pub(in crate::server) async fn document_symbol(
    b: &Backend,
    p: DocumentSymbolParams,
) -> jsonrpc::Result<Option<DocumentSymbolResponse>> {
    let uri = &p.text_document.uri;
    b.first_check(uri).await;
    let Some(a) = b.with_doc(uri, |d| d.analysis.cloned()).flatten() else { return Ok(None) };
    let outline = symbols::outline(&a);
    let out = b
        .with_doc(uri, |d| outline.iter().filter_map(|o| outline_to_lsp(d, o)).collect::<Vec<_>>())
        .unwrap_or_default();
    Ok(Some(DocumentSymbolResponse::Nested(out)))
}

// `SymbolInformation::deprecated` must still be written.
#[allow(deprecated)]
pub(in crate::server) async fn symbol(
    b: &Backend,
    p: WorkspaceSymbolParams,
) -> jsonrpc::Result<Option<WorkspaceSymbolResponse>> {
    let query = p.query.to_lowercase();
    let docs: Vec<(String, Arc<Analysis>)> = {
        let docs = b.state.docs.read().expect("lock");
        docs.iter().filter_map(|(k, d)| d.analysis.as_ref().map(|a| (k.clone(), a.1.clone()))).collect()
    };
    let mut out = Vec::new();
    for (key, a) in docs {
        let Ok(uri) = key.parse::<Uri>() else { continue };
        let syms: Vec<symbols::LinkerSymbol> =
            symbols::linker_symbols(&a).into_iter().filter(|s| s.name.to_lowercase().contains(&query)).collect();
        let spans: Vec<Span> = syms.iter().map(|s| s.span).collect();
        let ranges = map_ranges(b, &uri, &spans);
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
