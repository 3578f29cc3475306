//! Inlay hints: the implicit relocation type after every unannotated relocated immediate.

use super::Analysis;
use super::hover::{describe_reloc, instr_mnemonic_span};
use relwat::ast::*;
use relwat::encode::code::ImmRole;
use relwat::linking;
use relwat::span::Span;

/// One hint: where it goes (a byte offset), its label and its tooltip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    /// Offset it is shown at (after the immediate).
    pub offset: u32,
    /// The label, e.g. `R_WASM_FUNCTION_INDEX_LEB`.
    pub label: String,
    /// The full relocation.
    pub tooltip: String,
}

/// The spans of the immediates of a role in an instruction, in text order.
fn role_spans(imm: &Imm, role: ImmRole) -> Vec<Span> {
    match (imm, role) {
        (Imm::Index(i), ImmRole::Func | ImmRole::Global | ImmRole::Tag | ImmRole::Table | ImmRole::Type) => {
            vec![i.span]
        }
        (Imm::Index2(a, b), ImmRole::Table) => vec![a.span, b.span],
        (Imm::Index2(_, b), ImmRole::Tag) => vec![b.span],
        (Imm::CallIndirect(b), ImmRole::Table) => vec![b.0.span],
        (Imm::CallIndirect(b), ImmRole::Type) => vec![b.1.span],
        (Imm::Block(b), ImmRole::Type) => vec![b.ty.span],
        (Imm::TryTable(b), ImmRole::Type) => vec![b.0.ty.span],
        (Imm::TryTable(b), ImmRole::Tag) => b.1.iter().filter_map(|c| c.tag.map(|t| t.span)).collect(),
        _ => vec![],
    }
}

/// The hints for the functions that overlap `range`.
pub fn inlay_hints(a: &Analysis, range: Span) -> Vec<Hint> {
    let (Some(enc), Some(link)) = (&a.checked.encoded, &a.checked.linking) else { return Vec::new() };
    let Some(code) = link.relocs.iter().position(|r| r.name == "reloc.CODE") else { return Vec::new() };
    let entries = &link.relocs[code].entries;
    let src = a.text();
    let mut out = Vec::new();
    let mut body = 0usize;
    for f in &a.syntax.module.fields {
        let ModuleField::Func(f) = f else { continue };
        if f.header.import.is_some() {
            continue;
        }
        let k = body;
        body += 1;
        if f.span.end < range.start || f.span.start > range.end {
            continue;
        }
        let Some(b) = enc.func_bodies.get(k) else { break };
        let sites = &enc.code_sites;
        let from = sites.partition_point(|s| s.offset < b.offset);
        let mut seen_role: Vec<(u32, ImmRole, usize)> = Vec::new();
        for s in sites[from..].iter().take_while(|s| s.offset < b.offset + b.size) {
            let e = entries.partition_point(|e| e.offset < s.offset);
            let Some(entry) = entries.get(e).filter(|x| x.offset == s.offset) else { continue };
            let Some(instr) = f.body.instrs.get(s.instr as usize) else { continue };
            if entry.span != instr.span {
                continue; // annotated: the annotation says it
            }
            let InstrKind::Op(_, imm) = &instr.kind else { continue };
            let nth = seen_role.iter().filter(|(i, r, _)| *i == s.instr && *r == s.role).count();
            seen_role.push((s.instr, s.role, nth));
            let spans = role_spans(imm, s.role);
            let at = match spans.get(nth) {
                Some(sp) if sp.end > sp.start => sp.end,
                _ => instr_mnemonic_span(src, instr).map_or(instr.span.end, |m| m.end),
            };
            if at < range.start || at > range.end {
                continue;
            }
            out.push(Hint {
                offset: at,
                label: linking::name(entry.ty).to_string(),
                tooltip: describe_reloc(a, code, e),
            });
        }
    }
    out.sort_by_key(|h| h.offset);
    out
}
