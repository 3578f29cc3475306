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
    // The client's limit (VS Code's is 5,000; a large file has tens of thousands): the outermost.
    let limit = b.state.fold_limit.load(Ordering::SeqCst) as usize;
    let folds = match a.folds() {
        all if limit > 0 && all.len() > limit => structure::outermost(all, limit),
        all => all.to_vec(),
    };
    // Lines only: editors fold whole lines (VS Code and Neovim say `lineFoldingOnly`), and
    // columns would cost a position lookup each on every request.
    let out = b
        .with_doc(uri, |d| {
            folds
                .iter()
                .filter_map(|f| {
                    let (start_line, end_line) = d.lines(f.span)?;
                    (start_line < end_line).then_some(FoldingRange {
                        start_line,
                        start_character: None,
                        end_line,
                        end_character: None,
                        kind: Some(match f.kind {
                            FoldKind::Region => FoldingRangeKind::Region,
                            FoldKind::Comment => FoldingRangeKind::Comment,
                        }),
                        collapsed_text: None,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
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
