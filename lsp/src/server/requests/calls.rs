//! The call hierarchy: prepare at a function's id, then its incoming and outgoing calls.

use crate::server::*;
use analysis::calls::{self, Function};

/// The LSP item of a function of the document at `uri` (`None` when its ranges no longer map).
fn item(b: &Backend, uri: &Uri, f: &Function) -> Option<CallHierarchyItem> {
    let mut ranges = map_ranges(b, uri, &[f.span, f.selection]).into_iter();
    let (range, selection_range) = (ranges.next()??, ranges.next()??);
    Some(CallHierarchyItem {
        name: f.name.clone(),
        kind: SymbolKind::FUNCTION,
        tags: None,
        detail: Some(if f.imported {
            format!("import, function {}", f.index)
        } else {
            format!("function {}", f.index)
        }),
        uri: uri.clone(),
        range,
        selection_range,
        data: Some(serde_json::json!({ "index": f.index })),
    })
}

/// The items of the functions of `calls`, each with the ranges of its calls.
fn items(b: &Backend, uri: &Uri, calls: Vec<(Function, Vec<Span>)>) -> Vec<(CallHierarchyItem, Vec<Range>)> {
    calls
        .into_iter()
        .filter_map(|(f, spans)| Some((item(b, uri, &f)?, map_ranges(b, uri, &spans).into_iter().flatten().collect())))
        .collect()
}

/// The analysis of the item's document and the item's function in it.
async fn function_of(b: &Backend, item: &CallHierarchyItem) -> Option<(Arc<Analysis>, Function)> {
    let uri = &item.uri;
    b.first_check(uri).await;
    let a = b.with_doc(uri, |d| d.analysis.cloned()).flatten()?;
    let index = item.data.as_ref().and_then(|d| d.get("index")).and_then(Value::as_u64)?;
    let f = calls::function(&a, u32::try_from(index).ok()?)?;
    Some((a, f))
}

pub(in crate::server) async fn prepare_call_hierarchy(
    b: &Backend,
    p: CallHierarchyPrepareParams,
) -> jsonrpc::Result<Option<Vec<CallHierarchyItem>>> {
    let uri = &p.text_document_position_params.text_document.uri;
    let Some((a, o)) = at_position(b, uri, p.text_document_position_params.position).await else { return Ok(None) };
    let Some(f) = calls::function_at(&a, o) else { return Ok(None) };
    Ok(item(b, uri, &f).map(|i| vec![i]))
}

pub(in crate::server) async fn incoming_calls(
    b: &Backend,
    p: CallHierarchyIncomingCallsParams,
) -> jsonrpc::Result<Option<Vec<CallHierarchyIncomingCall>>> {
    let Some((a, f)) = function_of(b, &p.item).await else { return Ok(None) };
    let uri = &p.item.uri;
    let calls = items(b, uri, calls::incoming(&a, &f));
    Ok(Some(calls.into_iter().map(|(from, from_ranges)| CallHierarchyIncomingCall { from, from_ranges }).collect()))
}

pub(in crate::server) async fn outgoing_calls(
    b: &Backend,
    p: CallHierarchyOutgoingCallsParams,
) -> jsonrpc::Result<Option<Vec<CallHierarchyOutgoingCall>>> {
    let Some((a, f)) = function_of(b, &p.item).await else { return Ok(None) };
    let uri = &p.item.uri;
    let calls = items(b, uri, calls::outgoing(&a, &f));
    Ok(Some(calls.into_iter().map(|(to, from_ranges)| CallHierarchyOutgoingCall { to, from_ranges }).collect()))
}
