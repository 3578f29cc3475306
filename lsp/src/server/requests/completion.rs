//! Completion.

use crate::server::*;

pub(in crate::server) async fn completion(
    b: &Backend,
    p: CompletionParams,
) -> jsonrpc::Result<Option<CompletionResponse>> {
    let uri = &p.text_document_position.text_document.uri;
    b.first_check(uri).await;
    let Some(view) = b.view(uri) else { return Ok(None) };
    let offset = view.offset(p.text_document_position.position);
    let a = view.analysis.clone();
    let mapped = a.as_ref().map(|a| (a.as_ref(), view.to_analysis(offset)));
    // The window completion reads, with room for the token before the cursor.
    let base = offset.saturating_sub(2 * completion::CONTEXT);
    let window = view.text.slice(base..offset);
    let base = offset - window.len() as u32;
    let (replace, items) = completion::complete(&window, offset - base, mapped);
    let range = view.doc_range(replace.moved(base as i64));
    let items = items
        .into_iter()
        .map(|i| CompletionItem {
            label: i.label.clone(),
            kind: Some(match i.kind {
                completion::ItemKind::Keyword => CompletionItemKind::KEYWORD,
                completion::ItemKind::Instruction => CompletionItemKind::OPERATOR,
                completion::ItemKind::Function => CompletionItemKind::FUNCTION,
                completion::ItemKind::Variable => CompletionItemKind::VARIABLE,
                completion::ItemKind::Type => CompletionItemKind::TYPE_PARAMETER,
                completion::ItemKind::Name => CompletionItemKind::REFERENCE,
                completion::ItemKind::Annotation => CompletionItemKind::PROPERTY,
            }),
            detail: Some(i.detail),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit { range, new_text: i.label })),
            ..Default::default()
        })
        .collect();
    Ok(Some(CompletionResponse::Array(items)))
}
