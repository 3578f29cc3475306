//! Inlay hints: the relocation each unannotated relocatable immediate gets.

use crate::server::*;

pub(in crate::server) async fn inlay_hint(b: &Backend, p: InlayHintParams) -> jsonrpc::Result<Option<Vec<InlayHint>>> {
    let uri = &p.text_document.uri;
    let Some((a, span)) = analysis_range(b, uri, p.range).await else { return Ok(None) };
    let hs = hints::inlay_hints(&a, span);
    let out = b
        .with_doc(uri, |d| {
            hs.iter()
                .filter_map(|h| {
                    let r = d.range(Span::new(h.offset, h.offset))?;
                    Some(InlayHint {
                        position: r.start,
                        label: InlayHintLabel::String(h.label.clone()),
                        kind: None,
                        text_edits: None,
                        tooltip: Some(InlayHintTooltip::String(h.tooltip.clone())),
                        padding_left: Some(true),
                        padding_right: None,
                        data: None,
                    })
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    Ok(Some(out))
}
