//! The call hierarchy: which functions a function refers to and which refer to it, through
//! `call`, `return_call`, `ref.func` and the other function indices in its body, and through the
//! function symbols of its relocations (`i32.const 0 (@reloc functable $f)`, `call $f (@reloc
//! $alias)`).

use super::Analysis;
use super::names::{self, Ns, SymbolKind, Walker};
use relwat::ast::ModuleField;
use relwat::kinds::IndexSpace;
use relwat::span::Span;

/// A function of the module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Function {
    /// Its index (imports first).
    pub index: u32,
    /// Its id, or `func N`.
    pub name: String,
    /// Its field.
    pub span: Span,
    /// Its id, or the field's start when it has none.
    pub selection: Span,
    /// Whether it is imported.
    pub imported: bool,
}

/// The function whose id (definition or use, symbol ids included) is at `offset`.
pub fn function_at(a: &Analysis, offset: u32) -> Option<Function> {
    let src = a.text();
    let module = &a.syntax.module;
    let occ = names::occurrence_at(module, offset)?;
    if !matches!(occ.ns, Ns::FUNC | Ns::Sym(SymbolKind::Function)) {
        return None;
    }
    let def = names::resolve(src, a.defs(), &occ)?;
    function_defined_at(a, def)
}

/// The function with `index`.
pub fn function(a: &Analysis, index: u32) -> Option<Function> {
    let space = a.defs().spaces.space(IndexSpace::Func);
    let &(id_or_field, has_id) = space.list.get(index as usize)?;
    let field = *space.fields.get(index as usize)? as usize;
    let f = a.syntax.module.fields.get(field)?;
    let span = f.span();
    let name = if has_id { id_or_field.text(a.text()).to_string() } else { format!("func {index}") };
    let selection = if has_id { id_or_field } else { Span::new(span.start, span.start) };
    Some(Function { index, name, span, selection, imported: matches!(f, ModuleField::Import(_)) })
}

/// The function whose definition (its id, a symbol id in its header, or its field) is at `def`.
fn function_defined_at(a: &Analysis, def: Span) -> Option<Function> {
    let space = a.defs().spaces.space(IndexSpace::Func);
    if let Some(i) = space.list.iter().position(|(s, _)| *s == def) {
        return function(a, i as u32);
    }
    // A symbol id of `(@sym $alias ...)` in a function's header: the function of that field.
    let field = names::field_at(&a.syntax.module, def.start)? as u32;
    let i = space.fields.iter().position(|&f| f == field)?;
    function(a, i as u32)
}

/// The functions referred to in the body of function `f` (defined functions only), each with
/// the ranges that refer to it, in order of first reference.
pub fn outgoing(a: &Analysis, f: &Function) -> Vec<(Function, Vec<Span>)> {
    if f.imported {
        return Vec::new();
    }
    let space = a.defs().spaces.space(IndexSpace::Func);
    let Some(&field) = space.fields.get(f.index as usize) else { return Vec::new() };
    calls_in(a, field as usize)
}

/// A reference of a function body to a function: by a call, `ref.func`, or a function symbol in
/// a relocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallRef {
    /// The function whose body it is in.
    pub caller: u32,
    /// The function it refers to.
    pub callee: u32,
    /// Where.
    pub span: Span,
}

/// Every reference of a function body to a function, in text order (one walk of all the bodies:
/// [`Analysis::call_refs`] keeps it, so that asking for the callers of one function after another
/// costs a scan of this list, not a walk of the module each time).
pub fn all_calls(a: &Analysis) -> Vec<CallRef> {
    let space = a.defs().spaces.space(IndexSpace::Func);
    let mut out = Vec::new();
    for (caller, &field) in space.fields.iter().enumerate() {
        for (callee, spans) in calls_in(a, field as usize) {
            out.extend(spans.into_iter().map(|span| CallRef { caller: caller as u32, callee: callee.index, span }));
        }
    }
    out.sort_by_key(|c| c.span.start);
    out
}

/// The defined functions whose bodies refer to `f`, each with the ranges that do.
pub fn incoming(a: &Analysis, f: &Function) -> Vec<(Function, Vec<Span>)> {
    let mut out: Vec<(Function, Vec<Span>)> = Vec::new();
    for c in a.call_refs().iter().filter(|c| c.callee == f.index) {
        match out.iter_mut().find(|(caller, _)| caller.index == c.caller) {
            Some((_, ranges)) => ranges.push(c.span),
            None => {
                if let Some(caller) = function(a, c.caller) {
                    out.push((caller, vec![c.span]));
                }
            }
        }
    }
    out
}

/// The functions that the body of the function in `field` refers to.
fn calls_in(a: &Analysis, field: usize) -> Vec<(Function, Vec<Span>)> {
    let src = a.text();
    let module = &a.syntax.module;
    let Some(ModuleField::Func(func)) = module.fields.get(field) else { return Vec::new() };
    let body = func.body.span;
    let mut out: Vec<(Function, Vec<Span>)> = Vec::new();
    for occ in Walker::field(module, field) {
        let in_body = occ.span.start >= body.start && occ.span.end <= body.end;
        if !in_body || !matches!(occ.ns, Ns::FUNC | Ns::Sym(SymbolKind::Function)) {
            continue;
        }
        let Some(callee) = names::resolve(src, a.defs(), &occ).and_then(|d| function_defined_at(a, d)) else {
            continue;
        };
        match out.iter_mut().find(|(c, _)| c.index == callee.index) {
            Some((_, ranges)) => ranges.push(occ.span),
            None => out.push((callee, vec![occ.span])),
        }
    }
    out
}
