//! Comparing two objects: byte identity, and identity up to the order of the symbol table and of
//! the init functions.
//!
//! Both orders are the object writer's choice; until it follows `(@relwat.layout (symbol-order
//! ...) (init-order ...))`, round trips are compared modulo them: both objects are rewritten with
//! their symbols sorted (relocations and init functions renumbered accordingly) and their init
//! functions sorted, and the results compared byte for byte.

use std::fmt;

/// The outcome of [`compare`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comparison {
    /// Byte for byte the same.
    Identical,
    /// The same once both symbol tables, and both init-function lists, are put in one order; the
    /// first raw difference is given.
    SameUpToSymbolOrder(Difference),
    /// Different.
    Different(Difference),
}

/// Where two objects first differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Offset of the first differing byte (in the rewritten objects for a difference that remains
    /// after sorting the symbols).
    pub offset: usize,
    /// The section it is in (`TYPE`, `CODE`, `custom "linking"`, ...), and the offset in its payload.
    pub section: String,
    /// Offset in that section's payload.
    pub in_section: usize,
    /// The bytes there, in the first and second object (up to 8).
    pub left: Vec<u8>,
    pub right: Vec<u8>,
    /// Lengths of the two objects.
    pub lengths: (usize, usize),
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "first difference at byte 0x{:x} ({} + 0x{:x}): {:02x?} vs {:02x?}; lengths {} and {}",
            self.offset, self.section, self.in_section, self.left, self.right, self.lengths.0, self.lengths.1
        )
    }
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Comparison::Identical => write!(f, "identical"),
            Comparison::SameUpToSymbolOrder(d) => {
                write!(f, "identical up to the order of symbols and init functions ({d})")
            }
            Comparison::Different(d) => write!(f, "different: {d}"),
        }
    }
}

/// Compares two objects.
pub fn compare(a: &[u8], b: &[u8]) -> Comparison {
    let Some(raw) = first_difference(a, b) else { return Comparison::Identical };
    match (sort_symbols(a), sort_symbols(b)) {
        (Some(ca), Some(cb)) => match first_difference(&ca, &cb) {
            None => Comparison::SameUpToSymbolOrder(raw),
            Some(d) => Comparison::Different(d),
        },
        _ => Comparison::Different(raw),
    }
}

fn section_names() -> [&'static str; 14] {
    [
        "custom",
        "TYPE",
        "IMPORT",
        "FUNCTION",
        "TABLE",
        "MEMORY",
        "GLOBAL",
        "EXPORT",
        "START",
        "ELEM",
        "CODE",
        "DATA",
        "DATACOUNT",
        "TAG",
    ]
}

/// Describes where `offset` is in `bytes`.
fn locate(bytes: &[u8], offset: usize) -> (String, usize) {
    let mut pos = 8;
    while pos < bytes.len() {
        let id = bytes[pos];
        let mut p = pos + 1;
        let Some(size) = leb(bytes, &mut p) else { break };
        let end = p + size as usize;
        if offset < end {
            let mut name = section_names().get(id as usize).copied().unwrap_or("unknown").to_string();
            if id == 0 {
                let mut q = p;
                if let Some(n) = leb(bytes, &mut q)
                    && let Some(s) = bytes.get(q..q + n as usize)
                {
                    name = format!("custom \"{}\"", String::from_utf8_lossy(s));
                }
            }
            return (name, offset.saturating_sub(p));
        }
        pos = end;
    }
    ("header".into(), offset)
}

fn first_difference(a: &[u8], b: &[u8]) -> Option<Difference> {
    if a == b {
        return None;
    }
    let offset = a.iter().zip(b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    let (section, in_section) = locate(a, offset);
    Some(Difference {
        offset,
        section,
        in_section,
        left: a.get(offset..(offset + 8).min(a.len())).unwrap_or_default().to_vec(),
        right: b.get(offset..(offset + 8).min(b.len())).unwrap_or_default().to_vec(),
        lengths: (a.len(), b.len()),
    })
}

fn leb(bytes: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        if shift < 64 {
            v |= ((b & 0x7f) as u64) << shift;
        }
        shift += 7;
        if b & 0x80 == 0 {
            return Some(v);
        }
        if shift > 70 {
            return None;
        }
    }
}

fn put_leb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Writes `v` in the width the original used (5 bytes when it was padded, else minimal).
fn put_size(out: &mut Vec<u8>, v: usize, padded: bool) {
    if padded {
        let mut v = v as u64;
        for i in 0..5 {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            out.push(if i < 4 { b | 0x80 } else { b });
        }
    } else {
        put_leb(out, v as u64);
    }
}

fn skip_string(bytes: &[u8], pos: &mut usize) -> Option<()> {
    let n = leb(bytes, pos)? as usize;
    *pos = pos.checked_add(n).filter(|p| *p <= bytes.len())?;
    Some(())
}

/// Byte ranges of the symbol-table entries in a SYMBOL_TABLE payload (after the count).
fn symbol_entries(p: &[u8]) -> Option<Vec<std::ops::Range<usize>>> {
    let mut pos = 0;
    let n = leb(p, &mut pos)?;
    let mut out = Vec::new();
    for _ in 0..n {
        let start = pos;
        let kind = *p.get(pos)?;
        pos += 1;
        let flags = leb(p, &mut pos)?;
        let undefined = flags & 0x10 != 0;
        let explicit = flags & 0x40 != 0;
        match kind {
            0 | 2 | 4 | 5 => {
                leb(p, &mut pos)?;
                if !undefined || explicit {
                    skip_string(p, &mut pos)?;
                }
            }
            1 => {
                skip_string(p, &mut pos)?;
                if !undefined {
                    leb(p, &mut pos)?;
                    leb(p, &mut pos)?;
                    leb(p, &mut pos)?;
                }
            }
            3 => {
                leb(p, &mut pos)?;
            }
            _ => return None,
        }
        out.push(start..pos);
    }
    (pos == p.len()).then_some(out)
}

/// Relocation types with an addend.
fn has_addend(ty: u8) -> bool {
    crate::object::reloc_types::has_addend(ty)
}

/// The object with its symbol table sorted by entry bytes, and every symbol index renumbered.
fn sort_symbols(bytes: &[u8]) -> Option<Vec<u8>> {
    // Pass 1: find the symbol table and the permutation.
    let mut sections = Vec::new(); // (id, size width, payload range, name)
    let mut pos = 8;
    while pos < bytes.len() {
        let id = bytes[pos];
        let mut p = pos + 1;
        let size = leb(bytes, &mut p)? as usize;
        let width = p - pos - 1;
        let end = p.checked_add(size).filter(|e| *e <= bytes.len())?;
        let mut name = Vec::new();
        if id == 0 {
            let mut q = p;
            let n = leb(bytes, &mut q)? as usize;
            name = bytes.get(q..q + n)?.to_vec();
        }
        sections.push((id, width, p..end, name));
        pos = end;
    }
    let linking = sections.iter().find(|s| s.0 == 0 && s.3 == b"linking")?;
    let lp = &bytes[linking.2.clone()];
    let mut q = 0;
    leb(lp, &mut q)?;
    q += linking.3.len();
    let body_start = q;
    leb(lp, &mut q)?; // version
    let mut subs = Vec::new(); // (id, width, range in lp)
    while q < lp.len() {
        let id = lp[q];
        let s0 = q + 1;
        let mut s = s0;
        let size = leb(lp, &mut s)? as usize;
        let end = s.checked_add(size).filter(|e| *e <= lp.len())?;
        subs.push((id, s - s0, s..end));
        q = end;
    }
    let symtab = subs.iter().find(|s| s.0 == 8)?;
    let st = &lp[symtab.2.clone()];
    let entries = symbol_entries(st)?;
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&x, &y| st[entries[x].clone()].cmp(&st[entries[y].clone()]));
    let mut new_index = vec![0u64; entries.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new as u64;
    }
    let remap = |i: u64| -> Option<u64> { new_index.get(i as usize).copied() };

    // Pass 2: rewrite linking and reloc sections.
    let mut out = bytes[..8].to_vec();
    for (id, width, range, name) in &sections {
        let payload = &bytes[range.clone()];
        let new_payload: Option<Vec<u8>> = if *id == 0 && name == b"linking" {
            let mut np = lp[..body_start].to_vec();
            let mut v = body_start;
            leb(lp, &mut v)?;
            np.extend_from_slice(&lp[body_start..v]);
            for (sid, swidth, srange) in &subs {
                let sp = &lp[srange.clone()];
                let content = match sid {
                    8 => {
                        let mut c = Vec::new();
                        put_leb(&mut c, entries.len() as u64);
                        for &old in &order {
                            c.extend_from_slice(&st[entries[old].clone()]);
                        }
                        c
                    }
                    6 => {
                        let mut r = 0;
                        let n = leb(sp, &mut r)?;
                        let mut pairs = Vec::new();
                        for _ in 0..n {
                            let prio = leb(sp, &mut r)?;
                            let sym = leb(sp, &mut r)?;
                            pairs.push((prio, remap(sym)?));
                        }
                        pairs.sort();
                        let mut c = Vec::new();
                        put_leb(&mut c, n);
                        for (prio, sym) in pairs {
                            put_leb(&mut c, prio);
                            put_leb(&mut c, sym);
                        }
                        c
                    }
                    _ => sp.to_vec(),
                };
                np.push(*sid);
                put_size(&mut np, content.len(), *swidth == 5);
                np.extend_from_slice(&content);
            }
            Some(np)
        } else if *id == 0 && name.starts_with(b"reloc.") {
            let mut r = 0;
            leb(payload, &mut r)?;
            r += name.len();
            let mut np = payload[..r].to_vec();
            let target = leb(payload, &mut r)?;
            put_leb(&mut np, target);
            let n = leb(payload, &mut r)?;
            put_leb(&mut np, n);
            for _ in 0..n {
                let ty = *payload.get(r)?;
                r += 1;
                let off = leb(payload, &mut r)?;
                let index = leb(payload, &mut r)?;
                np.push(ty);
                put_leb(&mut np, off);
                put_leb(&mut np, if ty == 6 { index } else { remap(index)? });
                if has_addend(ty) {
                    let s = r;
                    leb(payload, &mut r)?;
                    np.extend_from_slice(&payload[s..r]);
                }
            }
            Some(np)
        } else {
            None
        };
        out.push(*id);
        match new_payload {
            Some(np) => {
                put_size(&mut out, np.len(), *width == 5);
                out.extend_from_slice(&np);
            }
            None => {
                put_size(&mut out, payload.len(), *width == 5);
                out.extend_from_slice(payload);
            }
        }
    }
    Some(out)
}
