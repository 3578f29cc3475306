//! Code actions: the quick fixes of the diagnostics in a range.

use crate::server::*;

pub(in crate::server) async fn code_action(
    b: &Backend,
    p: CodeActionParams,
) -> jsonrpc::Result<Option<CodeActionResponse>> {
    let uri = &p.text_document.uri;
    b.first_check(uri).await;
    let Some((a, span)) = b
        .with_doc(uri, |d| {
            let a = d.analysis?.clone();
            let s = d.to_analysis(d.offset(p.range.start))?;
            let e = d.to_analysis(d.offset(p.range.end))?;
            Some((a, Span::new(s, e.max(s))))
        })
        .flatten()
    else {
        return Ok(None);
    };
    let fixes = fixes::quick_fixes(&a, span);
    let out = b
        .with_doc(uri, |d| {
            fixes
                .iter()
                .filter_map(|f| {
                    let edits: Option<Vec<TextEdit>> = f
                        .edits
                        .iter()
                        .map(|(s, t)| Some(TextEdit { range: d.range(*s)?, new_text: t.clone() }))
                        .collect();
                    let diag = &a.checked.diagnostics[f.diagnostic];
                    let lsp_diag = Diagnostic {
                        range: d.range(diag.primary.span)?,
                        message: diag.message.clone(),
                        ..Default::default()
                    };
                    Some(CodeActionOrCommand::CodeAction(CodeAction {
                        title: f.title.clone(),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![lsp_diag]),
                        edit: Some(WorkspaceEdit {
                            changes: Some(HashMap::from([(uri.clone(), edits?)])),
                            ..Default::default()
                        }),
                        is_preferred: Some(true),
                        ..Default::default()
                    }))
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    Ok(Some(out))
}
