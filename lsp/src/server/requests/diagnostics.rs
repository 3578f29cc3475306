//! Pull diagnostics (`textDocument/diagnostic`): the diagnostics of the check of the text as it
//! is now. A client that can pull gets none pushed (see [`State::pull`]): both at once would show
//! every diagnostic twice, pushed and pulled diagnostics being separate collections in VS Code and
//! separate namespaces in Neovim.

use crate::server::*;

/// How long a pull waits for the check of the current text before the client is told to ask
/// again (LSP's `ServerCancelled` with `retriggerRequest`).
const PULL_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

pub(in crate::server) async fn diagnostic(
    b: &Backend,
    p: DocumentDiagnosticParams,
) -> jsonrpc::Result<DocumentDiagnosticReportResult> {
    let uri = &p.text_document.uri;
    let deadline = tokio::time::Instant::now() + PULL_WAIT;
    loop {
        // Registered before the look, so that a check finishing in between is not missed.
        let mut published = std::pin::pin!(b.state.published.notified());
        published.as_mut().enable();
        let report = b.with_doc_state(uri, |doc, enc| {
            let (generation, a) = doc.analysis.as_ref().filter(|(g, _)| *g == doc.generation)?;
            let result_id = generation.to_string();
            if p.previous_result_id.as_deref() == Some(result_id.as_str()) {
                return Some(DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id },
                }));
            }
            let items = a.checked.diagnostics.iter().map(|d| to_lsp_diag(uri, &doc.text, enc, d)).collect();
            Some(DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: Some(result_id), items },
            }))
        });
        match report {
            // Not open: nothing to say about it.
            None => {
                return Ok(DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(Default::default())));
            }
            Some(Some(r)) => return Ok(DocumentDiagnosticReportResult::Report(r)),
            Some(None) => {}
        }
        if tokio::time::timeout_at(deadline, published).await.is_err() {
            let mut e = jsonrpc::Error::new(jsonrpc::ErrorCode::ServerError(SERVER_CANCELLED));
            e.message = "the check of this version is not done yet".into();
            e.data = Some(serde_json::json!({ "retriggerRequest": true }));
            return Err(e);
        }
    }
}

/// LSP's `ServerCancelled` error code.
const SERVER_CANCELLED: i64 = -32802;
