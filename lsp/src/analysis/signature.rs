//! Signature help: inside a folded instruction, its operands and results, with the operand being
//! written as the active one: `(call $f (i32.const 1) |` shows `$f`'s parameters with the second
//! active.
//!
//! The instruction and the operands written so far are read from the current text around the
//! cursor (as completion reads it); the types come from the analysis.

use super::completion;
use super::hover::{fmt_valtype, func_type, func_type_of_index};
use super::{Analysis, names};
use relwat::ast::{FuncType, ImportItem, ModuleField};
use relwat::kinds::IndexSpace;
use relwat::span::Span;

/// A signature and which of its parameters is active.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// `call $f (param $x i32) (param i32) (result i32)`, `i32.add (param i32) (param i32) (result i32)`.
    pub label: String,
    /// Each parameter's range in `label`.
    pub params: Vec<(u32, u32)>,
    /// The parameter the cursor is at (the number of operands written before it).
    pub active: u32,
}

/// The signature of the innermost folded instruction around `offset` of `text`, when it has
/// operands. `analysis` (with the offset mapped into its text) gives the types of calls.
pub fn signature_help(text: &str, offset: u32, analysis: Option<&Analysis>) -> Option<Signature> {
    let mut offset = (offset as usize).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let cx = completion::context(text, offset);
    let group = cx.groups.iter().rev().find(|g| relwat::instructions::lookup(&g.head).is_some())?;
    let name = group.head.as_str();
    let immediates: Vec<&str> = group.items.iter().map(String::as_str).take_while(|i| *i != ")").collect();
    let (params, results) = operands(name, &immediates, analysis)?;
    if params.is_empty() {
        return None;
    }
    let mut label = String::from(name);
    for i in immediates.iter().filter(|i| i.starts_with('$') || i.parse::<u32>().is_ok()).take(1) {
        label.push(' ');
        label.push_str(i);
    }
    let mut ranges = Vec::new();
    for p in &params {
        label.push(' ');
        let start = label.len() as u32;
        label.push_str(&format!("(param {p})"));
        ranges.push((start, label.len() as u32));
    }
    if !results.is_empty() {
        label.push_str(&format!(" (result {})", results.join(" ")));
    }
    let active = group.operands.min(params.len() as u32 - 1);
    Some(Signature { label, params: ranges, active })
}

/// The operand and result types of instruction `name` with `immediates`: a call's callee's, a
/// `call_indirect`'s type's, or the instruction's own.
fn operands(name: &str, immediates: &[&str], a: Option<&Analysis>) -> Option<(Vec<String>, Vec<String>)> {
    let show = |a: &Analysis, ft: &FuncType| {
        let src = a.text();
        let params = ft
            .params
            .iter()
            .map(|p| p.id.map_or(String::new(), |id| format!("{} ", id.span.text(src))) + &fmt_valtype(src, &p.ty));
        (params.collect(), ft.results.iter().map(|r| fmt_valtype(src, &r.ty)).collect())
    };
    match name {
        "call" | "return_call" => {
            let a = a?;
            let index = entity_index(a, IndexSpace::Func, immediates.first()?)?;
            Some(show(a, &callee_type(a, index)?))
        }
        "call_indirect" | "return_call_indirect" => {
            // Only `(type $t)` says the signature; it is a closed list, not an immediate here.
            None
        }
        _ => {
            let (ins, outs) = super::hover::instruction_stack(name)?;
            Some((ins, outs))
        }
    }
}

/// The index an immediate (`$name` or a number) of `space` stands for.
fn entity_index(a: &Analysis, space: IndexSpace, immediate: &str) -> Option<u32> {
    let defs = &a.defs().spaces.space(space);
    match immediate.strip_prefix('$') {
        Some(_) => {
            let name = names::id_name(immediate, Span::new(0, immediate.len() as u32))?;
            defs.names.get(&name).map(|x| x.0)
        }
        None => immediate.parse().ok(),
    }
}

/// The type of function `index`, with its own parameter ids when it writes its signature inline.
fn callee_type(a: &Analysis, index: u32) -> Option<FuncType> {
    let space = a.defs().spaces.space(IndexSpace::Func);
    let field = a.syntax.module.fields.get(*space.fields.get(index as usize)? as usize)?;
    let ty = match field {
        ModuleField::Func(f) => &f.ty,
        ModuleField::Import(i) => match &i.item {
            ImportItem::Func(f) => &f.ty,
            _ => return None,
        },
        _ => return None,
    };
    match &ty.inline {
        Some(ft) => Some(ft.clone()),
        None => func_type(a, ty.resolved).or_else(|| func_type_of_index(a, index)),
    }
}
