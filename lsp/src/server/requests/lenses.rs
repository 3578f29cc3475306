//! Code lenses: listed at once, their text made when the editor resolves them.

use crate::server::*;
use analysis::lenses;

pub(in crate::server) async fn code_lens(b: &Backend, p: CodeLensParams) -> jsonrpc::Result<Option<Vec<CodeLens>>> {
    let uri = &p.text_document.uri;
    b.first_check(uri).await;
    let Some(a) = b.with_doc(uri, |d| d.analysis.cloned()).flatten() else { return Ok(None) };
    let found = lenses::lenses(&a);
    let spans: Vec<Span> = found.iter().map(|l| l.span).collect();
    let out = found
        .iter()
        .zip(map_ranges(b, uri, &spans))
        .filter_map(|(l, range)| {
            Some(CodeLens {
                range: range?,
                command: None,
                data: Some(serde_json::json!({ "uri": uri.as_str(), "index": l.index })),
            })
        })
        .collect();
    Ok(Some(out))
}

pub(in crate::server) async fn code_lens_resolve(b: &Backend, mut lens: CodeLens) -> jsonrpc::Result<CodeLens> {
    let data = lens.data.clone().unwrap_or_default();
    let text = (|| {
        let uri: Uri = data.get("uri")?.as_str()?.parse().ok()?;
        let index = u32::try_from(data.get("index")?.as_u64()?).ok()?;
        let a = b.with_doc(&uri, |d| d.analysis.cloned()).flatten()?;
        lenses::lens_text(&a, index)
    })();
    // A lens shows its title; the command does nothing (what it says is the point).
    lens.command = Some(Command { title: text.unwrap_or_default(), command: String::new(), arguments: None });
    Ok(lens)
}
