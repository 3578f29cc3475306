//! Hover: the relocation, symbol or instruction under the cursor.

use crate::server::*;

pub(in crate::server) async fn hover(b: &Backend, p: HoverParams) -> jsonrpc::Result<Option<Hover>> {
    let uri = &p.text_document_position_params.text_document.uri;
    let Some((a, o)) = at_position(b, uri, p.text_document_position_params.position).await else { return Ok(None) };
    let Some(h) = hover::hover(&a, o) else { return Ok(None) };
    let range = map_ranges(b, uri, &[h.span]).pop().flatten();
    Ok(Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: h.text }),
        range,
    }))
}
