//! Semantic tokens, for the whole document or a range.

use crate::server::*;

pub(in crate::server) async fn semantic_tokens_full(
    b: &Backend,
    p: SemanticTokensParams,
) -> jsonrpc::Result<Option<SemanticTokensResult>> {
    let uri = &p.text_document.uri;
    b.first_check(uri).await;
    let Some(a) = b.with_doc(uri, |d| d.analysis.cloned()).flatten() else { return Ok(None) };
    let toks = tokens::semantic_tokens(&a, None);
    let data = b.with_doc(uri, |d| encode_tokens(d, &toks)).unwrap_or_default();
    Ok(Some(SemanticTokensResult::Tokens(SemanticTokens { result_id: None, data })))
}

pub(in crate::server) async fn semantic_tokens_range(
    b: &Backend,
    p: SemanticTokensRangeParams,
) -> jsonrpc::Result<Option<SemanticTokensRangeResult>> {
    let uri = &p.text_document.uri;
    let Some((a, span)) = analysis_range(b, uri, p.range).await else { return Ok(None) };
    let toks = tokens::semantic_tokens(&a, Some(span));
    let data = b.with_doc(uri, |d| encode_tokens(d, &toks)).unwrap_or_default();
    Ok(Some(SemanticTokensRangeResult::Tokens(SemanticTokens { result_id: None, data })))
}
