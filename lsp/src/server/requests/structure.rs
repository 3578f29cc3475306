//! Folding ranges and selection ranges.

use crate::server::*;
use analysis::structure::{self, FoldKind};

pub(in crate::server) async fn folding_range(
    b: &Backend,
    p: FoldingRangeParams,
) -> jsonrpc::Result<Option<Vec<FoldingRange>>> {
    let uri = &p.text_document.uri;
    b.first_check(uri).await;
    let Some(a) = b.with_doc(uri, |d| d.analysis.cloned()).flatten() else { return Ok(None) };
    let folds = structure::folding_ranges(&a);
    let spans: Vec<Span> = folds.iter().map(|f| f.span).collect();
    let ranges = map_ranges(b, uri, &spans);
    let out = folds
        .iter()
        .zip(ranges)
        .filter_map(|(f, r)| {
            let r = r?;
            (r.start.line < r.end.line).then_some(FoldingRange {
                start_line: r.start.line,
                start_character: Some(r.start.character),
                end_line: r.end.line,
                end_character: Some(r.end.character),
                kind: Some(match f.kind {
                    FoldKind::Region => FoldingRangeKind::Region,
                    FoldKind::Comment => FoldingRangeKind::Comment,
                }),
                collapsed_text: None,
            })
        })
        .collect();
    Ok(Some(out))
}

pub(in crate::server) async fn selection_range(
    b: &Backend,
    p: SelectionRangeParams,
) -> jsonrpc::Result<Option<Vec<SelectionRange>>> {
    let uri = &p.text_document.uri;
    b.first_check(uri).await;
    let Some((a, offsets)) = b
        .with_doc(uri, |d| {
            let a = d.analysis?.clone();
            let offsets: Option<Vec<u32>> = p.positions.iter().map(|pos| d.to_analysis(d.offset(*pos))).collect();
            Some((a, offsets?))
        })
        .flatten()
    else {
        return Ok(None);
    };
    let chains = structure::selection_ranges(&a, &offsets);
    let out = b
        .with_doc(uri, |d| {
            chains
                .iter()
                .map(|chain| {
                    // Outermost first, each the parent of the next.
                    let mut parent: Option<SelectionRange> = None;
                    for s in chain.iter().rev() {
                        if let Some(range) = d.range(*s) {
                            parent = Some(SelectionRange { range, parent: parent.map(Box::new) });
                        }
                    }
                    parent.unwrap_or(SelectionRange { range: Range::default(), parent: None })
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    Ok(Some(out))
}
