//! The checking worker of a document (see the module documentation of [`super`]): a check after
//! each batch of edits, on the tree the previous check left, cancelled by a newer edit.

use super::*;

/// Checks a document after each change (see the module documentation). Runs on the document's
/// own thread; ends when the document is closed.
pub(super) fn worker(state: Arc<State>, client: Client, rt: Handle, uri: Uri, mut rx: mpsc::UnboundedReceiver<()>) {
    lower_priority();
    let key = uri.as_str().to_string();
    let trace = std::env::var_os("RELWAT_LSP_TRACE").is_some();
    // The syntax the next check updates, with the generation of the text it is a parse of.
    let mut base: Option<(u64, Syntax)> = None;
    while rx.blocking_recv().is_some() {
        while rx.try_recv().is_ok() {}
        let t0 = Instant::now();
        let (text, generation, latest, edits, prev) = {
            let docs = state.docs.read().expect("lock");
            let Some(doc) = docs.get(&key) else { return };
            let from = base.as_ref().map_or(0, |(g, _)| *g);
            let edits: Vec<Edit> = doc.since.iter().filter(|(g, _)| *g > from).map(|(_, e)| *e).collect();
            let prev = doc.analysis.as_ref().map(|(_, a)| a.clone());
            (doc.text.clone(), doc.generation, doc.latest.clone(), edits, prev)
        };
        // Copied to one string outside the lock (the clone under it shares the rope's nodes).
        let text = text.to_arc();
        let t1 = Instant::now();
        let mut syn = catch_unwind(AssertUnwindSafe(|| match (base.take(), hull(&edits)) {
            (Some((_, mut s)), Some(e)) => {
                s.update(text.clone(), e.start, e.old_end, e.new_len);
                s
            }
            (Some((_, s)), None) => s,
            (None, _) => Syntax::parse(text.clone()),
        }))
        .unwrap_or_else(|_| Syntax::parse(text.clone()));
        let t2 = Instant::now();
        // What the last check kept of the bodies (it need not be of the syntax's lineage: see
        // `analysis::bodies`).
        let kept = prev.as_ref().map(|a| &a.checked.bodies);
        let checked = catch_unwind(AssertUnwindSafe(|| {
            analysis::check(&mut syn, kept, &|| latest.load(Ordering::SeqCst) != generation)
        }))
        .ok()
        .flatten();
        // Released before the tree of the analysis before it is taken back for the next check.
        drop(prev);
        let Some(checked) = checked else {
            // Cancelled by a newer edit (which has woken us again).
            base = Some((generation, syn));
            continue;
        };
        let t3 = Instant::now();
        // The indices requests use are built before requests can see the analysis: a request
        // must not wait for them on the lazy path.
        let analysis = Arc::new(Analysis::new(Arc::new(syn), checked));
        analysis.warm();
        if trace {
            eprintln!(
                "relwat-lsp: generation {generation}: text copy {:?}, parse {:?}, check {:?}, indices {:?}",
                t1 - t0,
                t2 - t1,
                t3 - t2,
                t3.elapsed()
            );
        }
        // Store it, and take the diagnostics to publish if this is still the latest version. The
        // previous analysis is dropped after publishing (freeing it takes milliseconds).
        let (previous, replay) = {
            let mut docs = state.docs.write().expect("lock");
            let Some(doc) = docs.get_mut(&key) else { return };
            let replay: Vec<Edit> = doc.since.iter().filter(|(g, _)| *g <= generation).map(|(_, e)| *e).collect();
            doc.since.retain(|(g, _)| *g > generation);
            (doc.analysis.replace((generation, analysis.clone())), replay)
        };
        let publish = {
            let docs = state.docs.read().expect("lock");
            let Some(doc) = docs.get(&key) else { return };
            (doc.generation == generation && !state.pulls()).then(|| {
                let enc = state.enc();
                let diags: Vec<Diagnostic> =
                    analysis.checked.diagnostics.iter().map(|d| to_lsp_diag(&uri, &doc.text, enc, d)).collect();
                (diags, doc.version)
            })
        };
        if let Some((diags, version)) = publish {
            rt.block_on(client.publish_diagnostics(uri.clone(), diags, Some(version)));
        }
        let t4 = Instant::now();
        base = Some((generation, next_syntax(previous.map(|(_, a)| a), &analysis.syntax, &replay)));
        if trace {
            eprintln!("relwat-lsp: generation {generation}: next syntax {:?}", t4.elapsed());
        }
        state.published.notify_waiters();
    }
}

/// The syntax for the next check: `previous`'s, brought up to date with `replay` (the edits since
/// it, which `current` has), when nothing else holds it and the edits stay inside one field; else
/// a copy of `current`. The update costs the fields after the edit; the copy costs the whole tree
/// and fresh memory for it. (Public for the tests, as [`hull`].)
pub fn next_syntax(previous: Option<Arc<Analysis>>, current: &Syntax, replay: &[Edit]) -> Syntax {
    if let Some(mut s) = previous.and_then(|a| Arc::try_unwrap(a).ok()).and_then(Analysis::into_syntax) {
        let Some(e) = hull(replay) else { return s };
        let text = current.text.clone();
        if catch_unwind(AssertUnwindSafe(|| s.update_field(text, e.start, e.old_end, e.new_len))).unwrap_or(false) {
            return s;
        }
    }
    current.clone()
}

/// Lowers the calling thread's scheduling priority (threads it spawns inherit it), so that a check
/// keeping both cores busy does not delay the threads answering requests.
pub(super) fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: a system call on the calling thread, with no memory passed.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 10);
    }
}
