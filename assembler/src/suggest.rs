//! "Did you mean": the known word closest to a misspelt one.

/// The Levenshtein distance of `a` and `b` (over bytes) when it is at most `max`. Only the
/// cells within `max` of the diagonal are computed, and the search stops as soon as every cell
/// of a row is over `max`.
pub fn bounded_edit_distance(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    // Two rows of bytes on the stack: this runs for every unknown name against every mnemonic of
    // about its length, and the mnemonics are short.
    const ROW: usize = 64;
    if a.len().abs_diff(b.len()) > max || b.len() >= ROW || max >= u8::MAX as usize {
        return None;
    }
    let over = max as u8 + 1;
    let mut prev = [over; ROW];
    let mut cur = [over; ROW];
    for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *p = (j as u8).min(over);
    }
    for i in 1..=a.len() {
        let (lo, hi) = (i.saturating_sub(max), (i + max).min(b.len()));
        // Cells outside the band stay over `max`.
        cur[lo.saturating_sub(1)..=hi].fill(over);
        cur[0] = i.min(over as usize) as u8;
        let mut row_min = cur[0];
        for j in lo.max(1)..=hi {
            let sub = prev[j - 1] + (a[i - 1] != b[j - 1]) as u8;
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1).min(over);
            row_min = row_min.min(cur[j]);
        }
        if row_min as usize > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[b.len()] as usize).filter(|d| *d <= max)
}

/// How many edits away a known word may be to be suggested for `word`: one for a word of up to
/// three characters, two for longer ones (so `waek` finds `weak`, and `js` finds nothing).
pub fn max_edits(word: &str) -> usize {
    if word.chars().count() <= 3 { 1 } else { 2 }
}

/// The word of `known` closest to `word` (at most `max` edits away; the first of equals).
/// Only words of about its length are compared, each with a bounded distance, so a long
/// `word` costs no more than a short one.
pub fn closest<'k>(word: &str, known: impl IntoIterator<Item = &'k str>, max: usize) -> Option<&'k str> {
    let mut best: Option<(usize, &str)> = None;
    for k in known {
        if let Some(d) = bounded_edit_distance(word.as_bytes(), k.as_bytes(), max)
            && best.is_none_or(|(b, _)| d < b)
        {
            best = Some((d, k));
        }
    }
    best.map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The full Levenshtein distance, to check the bounded one against.
    fn edit_distance(a: &[u8], b: &[u8]) -> usize {
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for i in 1..=a.len() {
            let mut cur = vec![i; b.len() + 1];
            for j in 1..=b.len() {
                cur[j] = (prev[j - 1] + (a[i - 1] != b[j - 1]) as usize).min(prev[j] + 1).min(cur[j - 1] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    #[test]
    fn bounded_distance_is_the_distance_up_to_its_bound() {
        let mut state = 0x1234_5678u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut word = |len: u64| -> Vec<u8> { (0..len).map(|_| b"abc."[(next() % 4) as usize]).collect() };
        for i in 0..5000u64 {
            let (a, b) = (word(3 + i % 6), word(3 + i % 7));
            let full = edit_distance(&a, &b);
            assert_eq!(bounded_edit_distance(&a, &b, 2), Some(full).filter(|d| *d <= 2), "{a:?} {b:?}");
        }
    }

    #[test]
    fn closest_word() {
        let known = ["sym", "sym.label", "sym.segment", "reloc"];
        assert_eq!(closest("sym.segmnt", known, 2), Some("sym.segment"));
        assert_eq!(closest("relocc", known, 2), Some("reloc"));
        assert_eq!(closest("custom", known, 2), None);
    }
}
