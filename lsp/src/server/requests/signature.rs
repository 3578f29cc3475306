//! Signature help inside a folded instruction.

use crate::server::*;
use analysis::signature;

pub(in crate::server) async fn signature_help(
    b: &Backend,
    p: SignatureHelpParams,
) -> jsonrpc::Result<Option<SignatureHelp>> {
    let uri = &p.text_document_position_params.text_document.uri;
    b.first_check(uri).await;
    let Some(view) = b.view(uri) else { return Ok(None) };
    let offset = view.offset(p.text_document_position_params.position);
    // The window the help reads (as completion does), with room for the token before the cursor.
    let base = offset.saturating_sub(2 * completion::CONTEXT);
    let window = view.text.slice(base..offset);
    let base = offset - window.len() as u32;
    let Some(sig) = signature::signature_help(&window, offset - base, view.analysis.as_deref()) else {
        return Ok(None);
    };
    // Label offsets count UTF-16 code units.
    let utf16 = |byte: u32| sig.label[..byte as usize].encode_utf16().count() as u32;
    let parameters = sig
        .params
        .iter()
        .map(|&(s, e)| ParameterInformation {
            label: ParameterLabel::LabelOffsets([utf16(s), utf16(e)]),
            documentation: None,
        })
        .collect();
    Ok(Some(SignatureHelp {
        signatures: vec![SignatureInformation {
            label: sig.label.clone(),
            documentation: None,
            parameters: Some(parameters),
            active_parameter: Some(sig.active),
        }],
        active_signature: Some(0),
        active_parameter: Some(sig.active),
    }))
}
