//! Mutations of texts and of objects.

use crate::rng::Rng;
use relwat::leb::{read_u64 as read_leb, write_u64_padded as write_leb};

/// Pieces of WAT, of the linking annotations and of the lexical grammar that mutations insert.
pub const TOKENS: &[&str] = &[
    "(",
    ")",
    "((",
    "))",
    " ",
    "\n",
    "\t",
    "\"",
    "\\",
    "$",
    "$f",
    "$x",
    "$l",
    "$c",
    "0",
    "-1",
    "+8",
    "0x",
    "4294967296",
    "18446744073709551616",
    "nan",
    "inf",
    "nan:0x1",
    "1.5e300",
    "_",
    ";;",
    "(;",
    ";)",
    "é",
    "\u{10000}",
    "(module",
    "(func",
    "(func $f",
    "(param i32)",
    "(result i32)",
    "(local i32)",
    "(type $t)",
    "(import \"env\" \"f\"",
    "(export \"e\"",
    "(memory 1)",
    "(memory i64 1)",
    "(table 1 funcref)",
    "(global $g (mut i32) (i32.const 0))",
    "(data (i32.const 0) \"abc\")",
    "(elem (i32.const 0) func $f)",
    "(tag $t)",
    "(start $f)",
    "(rec",
    "(sub",
    "(struct (field i32))",
    "(array i8)",
    "(ref null $t)",
    "(shared",
    "block",
    "loop",
    "if",
    "then",
    "else",
    "end",
    "try_table",
    "(catch $t 0)",
    "catch_all",
    "br 0",
    "br_table 0 0",
    "call $f",
    "call_indirect (type $t)",
    "i32.const 0",
    "i64.const 0",
    "i32.load",
    "i32.store",
    "offset=4",
    "align=1",
    "offset=",
    "align=3",
    "local.get 0",
    "global.get $g",
    "ref.func $f",
    "memory.init 0",
    "v128.const i32x4 0 0 0 0",
    "f16x8.add",
    "(@reloc",
    "(@reloc data $x)",
    "(@reloc functable $f)",
    "(@reloc i32 data $x +4)",
    "(@reloc $f)",
    "(@reloc none)",
    "(@reloc leb global $x)",
    "(@reloc i64 data pic $x)",
    "(@reloc i32 functext $f $l)",
    "(@reloc i32 customtext \".debug_str\" +1)",
    "(@sym",
    "(@sym local)",
    "(@sym weak hidden)",
    "(@sym $alias (name \"a\"))",
    "(@sym (init_prio 101))",
    "(@sym (comdat $c))",
    "(@sym none)",
    "(@sym $x (size 4))",
    "(@sym $y (size 18446744073709551615))",
    "(@sym.label $l)",
    "(@sym.segment (align 4))",
    "(@sym.segment (name \".tdata\") tls)",
    "(@sym.import.data $d (name \"d\"))",
    "(@comdat $c \"c\")",
    "(@custom \".debug_str\" \"abc\")",
    "(@custom \"x\" (after code) \"\")",
    "(@producers (language \"C\" \"1\"))",
    "(@relwat.layout (section-size padded))",
    "(@relwat.layout (symbol-flags $x 0x20))",
    "(symbol-order (func $f))",
    "(init-order $f)",
    "(reloc-order data code)",
    "(reloc-offset padded)",
    "(datacount none)",
    "(@metadata.code.branch_hint \"\\01\")",
    "(@unknown annotation)",
];

/// A mutated copy of `text`: a few insertions of tokens, deletions, duplications and splices
/// (from `other`) at character boundaries.
pub fn text(rng: &mut Rng, text: &str, other: &str) -> String {
    let mut s = text.to_string();
    for _ in 0..1 + rng.below(8) {
        let at = boundary(&s, rng.below(s.len() + 1));
        match rng.below(10) {
            0..=3 => s.insert_str(at, rng.pick::<&str>(TOKENS)),
            4 | 5 => {
                let end = boundary(&s, (at + 1 + rng.below(48)).min(s.len()));
                s.replace_range(at..end, "");
            }
            6 => {
                let end = boundary(&s, (at + 1 + rng.below(200)).min(s.len()));
                let piece = s[at..end].to_string();
                let to = boundary(&s, rng.below(s.len() + 1));
                s.insert_str(to, &piece);
            }
            7 if !other.is_empty() => {
                let from = boundary(other, rng.below(other.len()));
                let end = boundary(other, (from + 1 + rng.below(300)).min(other.len()));
                s.insert_str(at, &other[from..end]);
            }
            8 => {
                // A digit or a letter changed: numbers out of range, ids and mnemonics misspelt.
                let end = boundary(&s, (at + 1).min(s.len()));
                let c = *rng.pick(&["0", "9", "f", "x", "$", ".", "-", "=", "z"]);
                s.replace_range(at..end, c);
            }
            _ => {
                // A mnemonic from the instruction table.
                let i = rng.pick(relwat::instructions::INSTRUCTIONS);
                s.insert_str(at, &format!(" {} ", i.name));
            }
        }
    }
    s
}

/// The character boundary at or before `at`.
fn boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A section of a binary: id and payload.
type Section = (u8, Vec<u8>);

/// The sections of a module (`None` when the framing is broken).
pub fn sections(bytes: &[u8]) -> Option<Vec<Section>> {
    let mut out = Vec::new();
    let mut pos = 8;
    while pos < bytes.len() {
        let id = bytes[pos];
        let mut p = pos + 1;
        let size = read_leb(bytes, &mut p)? as usize;
        let end = p.checked_add(size).filter(|e| *e <= bytes.len())?;
        out.push((id, bytes[p..end].to_vec()));
        pos = end;
    }
    Some(out)
}

/// A module of these sections, sizes minimal (or padded to 5 bytes when `padded`).
pub fn join(header: &[u8], sections: &[Section], padded: bool) -> Vec<u8> {
    let mut out = header.to_vec();
    for (id, payload) in sections {
        out.push(*id);
        write_leb(&mut out, payload.len() as u64, if padded { 5 } else { 0 });
        out.extend_from_slice(payload);
    }
    out
}

/// The name of a custom section's payload, and where its contents start.
fn custom_name(payload: &[u8]) -> Option<(String, usize)> {
    let mut p = 0;
    let n = read_leb(payload, &mut p)? as usize;
    let name = payload.get(p..p.checked_add(n)?)?;
    Some((String::from_utf8_lossy(name).into_owned(), p + n))
}

/// A mutated copy of the object `bytes`: bits and bytes (mostly in `linking` and `reloc.*`), LEBs
/// written padded, `linking` subsections changed, sections swapped, duplicated, dropped or cut.
pub fn object(rng: &mut Rng, bytes: &[u8]) -> Vec<u8> {
    let mut m = bytes.to_vec();
    for _ in 0..1 + rng.below(3) {
        m = object_once(rng, &m);
    }
    m
}

fn object_once(rng: &mut Rng, bytes: &[u8]) -> Vec<u8> {
    let Some(mut secs) = sections(bytes) else { return flip(rng, bytes.to_vec(), None) };
    if secs.is_empty() || bytes.len() < 8 {
        return flip(rng, bytes.to_vec(), None);
    }
    let header = &bytes[..8];
    let linking: Vec<usize> = (0..secs.len())
        .filter(|&i| {
            secs[i].0 == 0 && custom_name(&secs[i].1).is_some_and(|(n, _)| n == "linking" || n.starts_with("reloc."))
        })
        .collect();
    let pick = |rng: &mut Rng, secs: &[Section]| -> usize {
        if !linking.is_empty() && rng.chance(60) { *rng.pick(&linking) } else { rng.below(secs.len()) }
    };
    match rng.below(10) {
        0..=2 => {
            // Bits of one section's payload.
            let i = pick(rng, &secs);
            let p = std::mem::take(&mut secs[i].1);
            secs[i].1 = flip(rng, p, Some(0));
        }
        3 => {
            // A byte set to an edge value.
            let i = pick(rng, &secs);
            if !secs[i].1.is_empty() {
                let at = rng.below(secs[i].1.len());
                secs[i].1[at] = *rng.pick(&[0, 1, 0x3f, 0x40, 0x7f, 0x80, 0xff]);
            }
        }
        4 => {
            // An LEB at a random place written as 5 bytes (where a byte below 0x80 ends one).
            let i = pick(rng, &secs);
            let p = &secs[i].1;
            if !p.is_empty() {
                let mut at = rng.below(p.len());
                while at > 0 && p[at - 1] & 0x80 != 0 {
                    at -= 1;
                }
                let mut end = at;
                if let Some(v) = read_leb(p, &mut end).filter(|v| *v < 1 << 32) {
                    let mut q = p[..at].to_vec();
                    write_leb(&mut q, v, 5);
                    q.extend_from_slice(&p[end..]);
                    secs[i].1 = fix_linking(q);
                }
            }
        }
        5 => {
            let (a, b) = (rng.below(secs.len()), rng.below(secs.len()));
            secs.swap(a, b);
        }
        6 => {
            let i = pick(rng, &secs);
            let s = secs[i].clone();
            secs.insert(i, s);
        }
        7 => {
            let i = pick(rng, &secs);
            secs.remove(i);
        }
        8 => {
            // A payload cut or lengthened (its size follows).
            let i = pick(rng, &secs);
            let len = secs[i].1.len();
            if rng.chance(50) {
                secs[i].1.truncate(rng.below(len + 1));
            } else {
                let at = rng.below(len + 1);
                let n = 1 + rng.below(8);
                let extra = rng.bytes(n);
                secs[i].1.splice(at..at, extra);
            }
        }
        _ => {
            // A `linking` subsection changed inside, its size kept right.
            if let Some(&i) = linking.iter().find(|&&i| custom_name(&secs[i].1).is_some_and(|(n, _)| n == "linking")) {
                let p = std::mem::take(&mut secs[i].1);
                let q = flip(rng, p, custom_name(&secs[i].1).map(|(_, s)| s + 1).or(Some(9)));
                secs[i].1 = fix_linking(q);
            }
        }
    }
    join(header, &secs, rng.chance(20))
}

/// Flips one to three bits of `bytes` at or after `from` (anywhere when `None`).
fn flip(rng: &mut Rng, mut bytes: Vec<u8>, from: Option<usize>) -> Vec<u8> {
    let from = from.unwrap_or(0).min(bytes.len());
    if bytes.len() > from {
        for _ in 0..1 + rng.below(3) {
            let at = from + rng.below(bytes.len() - from);
            bytes[at] ^= 1 << rng.below(8);
        }
    }
    bytes
}

/// A `linking` payload with the sizes of its subsections made right again (other payloads are
/// returned as they are).
fn fix_linking(payload: Vec<u8>) -> Vec<u8> {
    let Some((name, start)) = custom_name(&payload) else { return payload };
    if name != "linking" {
        return payload;
    }
    let mut pos = start;
    let Some(version) = read_leb(&payload, &mut pos) else { return payload };
    let mut subs = Vec::new();
    while pos < payload.len() {
        let id = payload[pos];
        pos += 1;
        let Some(size) = read_leb(&payload, &mut pos) else { return payload };
        let end = (pos + size as usize).min(payload.len());
        subs.push((id, payload[pos..end].to_vec()));
        pos = end;
    }
    let mut out = payload[..start].to_vec();
    write_leb(&mut out, version, 0);
    for (id, p) in subs {
        out.push(id);
        write_leb(&mut out, p.len() as u64, 0);
        out.extend_from_slice(&p);
    }
    out
}
