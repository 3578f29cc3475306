//! Go to definition, find references, rename.

use crate::server::*;

pub(in crate::server) async fn goto_definition(
    b: &Backend,
    p: GotoDefinitionParams,
) -> jsonrpc::Result<Option<GotoDefinitionResponse>> {
    let uri = &p.text_document_position_params.text_document.uri;
    let Some((a, o)) = at_position(b, uri, p.text_document_position_params.position).await else { return Ok(None) };
    let Some(def) = names::definition(a.text(), &a.syntax.module, a.defs(), o) else { return Ok(None) };
    let Some(range) = map_ranges(b, uri, &[def]).pop().flatten() else { return Ok(None) };
    Ok(Some(GotoDefinitionResponse::Scalar(Location { uri: uri.clone(), range })))
}

pub(in crate::server) async fn references(b: &Backend, p: ReferenceParams) -> jsonrpc::Result<Option<Vec<Location>>> {
    let uri = &p.text_document_position.text_document.uri;
    let Some((a, o)) = at_position(b, uri, p.text_document_position.position).await else { return Ok(None) };
    let mut refs = names::references(a.text(), &a.syntax.module, a.defs(), o);
    if !p.context.include_declaration
        && let Some(def) = names::definition(a.text(), &a.syntax.module, a.defs(), o)
    {
        refs.retain(|s| *s != def);
    }
    let ranges = map_ranges(b, uri, &refs);
    Ok(Some(ranges.into_iter().flatten().map(|range| Location { uri: uri.clone(), range }).collect()))
}

pub(in crate::server) async fn prepare_rename(
    b: &Backend,
    p: TextDocumentPositionParams,
) -> jsonrpc::Result<Option<PrepareRenameResponse>> {
    let uri = &p.text_document.uri;
    let Some((a, o)) = at_position(b, uri, p.position).await else { return Ok(None) };
    let Some(occ) = names::occurrence_at(&a.syntax.module, o) else { return Ok(None) };
    if names::id_name(a.text(), occ.span).is_none() || names::resolve(a.text(), a.defs(), &occ).is_none() {
        return Ok(None);
    }
    let range = map_ranges(b, uri, &[occ.span]).pop().flatten();
    Ok(range.map(PrepareRenameResponse::Range))
}

pub(in crate::server) async fn rename(b: &Backend, p: RenameParams) -> jsonrpc::Result<Option<WorkspaceEdit>> {
    let uri = &p.text_document_position.text_document.uri;
    let Some((a, o)) = at_position(b, uri, p.text_document_position.position).await else { return Ok(None) };
    let edits = match names::rename(a.text(), &a.syntax.module, a.defs(), o, &p.new_name) {
        Ok(e) => e,
        Err(names::RenameError::NoId) => return Ok(None),
        Err(names::RenameError::BadName(n)) => {
            return Err(jsonrpc::Error::invalid_params(format!("`{n}` is not a valid id")));
        }
        Err(names::RenameError::Taken(m)) => return Err(jsonrpc::Error::invalid_params(m)),
    };
    let spans: Vec<Span> = edits.iter().map(|e| e.0).collect();
    let ranges = map_ranges(b, uri, &spans);
    if ranges.iter().any(Option::is_none) {
        return Err(jsonrpc::Error::content_modified());
    }
    let text_edits = ranges
        .into_iter()
        .zip(edits)
        .map(|(r, (_, new_text))| TextEdit { range: r.expect("checked"), new_text })
        .collect();
    Ok(Some(WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), text_edits)])), ..Default::default() }))
}

/// Declaration: in WebAssembly text an id has one definition, which is its declaration.
pub(in crate::server) async fn goto_declaration(
    b: &Backend,
    p: GotoDefinitionParams,
) -> jsonrpc::Result<Option<GotoDefinitionResponse>> {
    goto_definition(b, p).await
}

/// Every occurrence of the id at the cursor in the document: its definition as a write, the
/// uses (a `(@reloc $f)` included) as reads.
pub(in crate::server) async fn document_highlight(
    b: &Backend,
    p: DocumentHighlightParams,
) -> jsonrpc::Result<Option<Vec<DocumentHighlight>>> {
    let uri = &p.text_document_position_params.text_document.uri;
    let Some((a, o)) = at_position(b, uri, p.text_document_position_params.position).await else { return Ok(None) };
    let refs = names::references(a.text(), &a.syntax.module, a.defs(), o);
    if refs.is_empty() {
        return Ok(None);
    }
    let def = names::definition(a.text(), &a.syntax.module, a.defs(), o);
    let ranges = map_ranges(b, uri, &refs);
    let highlights = refs
        .iter()
        .zip(ranges)
        .filter_map(|(s, r)| {
            let kind = if Some(*s) == def { DocumentHighlightKind::WRITE } else { DocumentHighlightKind::READ };
            Some(DocumentHighlight { range: r?, kind: Some(kind) })
        })
        .collect();
    Ok(Some(highlights))
}

/// Type definition: the type of the function, tag, global, table, parameter or local named at
/// the cursor.
pub(in crate::server) async fn goto_type_definition(
    b: &Backend,
    p: GotoDefinitionParams,
) -> jsonrpc::Result<Option<GotoDefinitionResponse>> {
    let uri = &p.text_document_position_params.text_document.uri;
    let Some((a, o)) = at_position(b, uri, p.text_document_position_params.position).await else { return Ok(None) };
    let Some(def) = names::type_definition(a.text(), &a.syntax.module, a.defs(), o) else { return Ok(None) };
    let Some(range) = map_ranges(b, uri, &[def]).pop().flatten() else { return Ok(None) };
    Ok(Some(GotoDefinitionResponse::Scalar(Location { uri: uri.clone(), range })))
}
