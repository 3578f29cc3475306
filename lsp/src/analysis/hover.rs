//! Hover: relocations (annotated and implicit) as the object will have them, symbol-table entries,
//! what an id refers to, and instruction signatures.

use super::Analysis;
use super::names::{self, Ns, Target};
use relwat::ast::*;
use relwat::encode::code::ImmRole;
use relwat::instructions::{ImmKind, InstrId, Opcode};
use relwat::lexer::TokenKind;
use relwat::linking;
use relwat::object::{Reloc, Symbol, SymbolKind, flags};
use relwat::span::Span;
use std::fmt::Write;

/// A hover: the range it is about and its text (Markdown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    /// What the hover is about.
    pub span: Span,
    /// Markdown.
    pub text: String,
}

/// The hover at `offset`.
pub fn hover(a: &Analysis, offset: u32) -> Option<Hover> {
    let src = a.text();
    let module = &a.syntax.module;
    let fi = names::field_at(module, offset)?;
    let field = &module.fields[fi];
    // On a `(@reloc ...)`: the relocation it makes.
    if let Some(r) = reloc_annot_at(field, offset) {
        let relocs = relocs_with_span(a, r.span);
        let text = if relocs.is_empty() {
            "`(@reloc ...)`: no relocation (see the diagnostics)".to_string()
        } else {
            relocs.iter().map(|r| describe_reloc(a, r.0, r.1)).collect::<Vec<_>>().join("\n\n")
        };
        return Some(Hover { span: r.span, text });
    }
    let occ = names::occurrence_at(module, offset);
    // In a function body: the instruction under the cursor and its relocations.
    if let ModuleField::Func(f) = field
        && f.header.import.is_none()
        && let Some(k) = instr_at(&f.body, offset)
    {
        let instr = &f.body.instrs[k];
        if let InstrKind::Op(id, imm) = &instr.kind {
            let on_mnemonic = instr_mnemonic_span(src, instr).is_some_and(|s| s.start <= offset && offset <= s.end);
            let on_symbol = occ.as_ref().is_some_and(|o| o.span.start <= offset && offset <= o.span.end);
            // On a literal immediate (`0` of `i32.const 0 (@reloc data $x)`, `offset=8`): the
            // instruction, with the relocation that immediate gets.
            let literal = immediate_literal_at(a, instr.span, offset);
            if on_mnemonic || on_symbol || literal.is_some() {
                let mut text = String::new();
                if on_symbol && let Some(o) = &occ {
                    text.push_str(&describe_occurrence(a, o));
                    text.push_str("\n\n");
                }
                let _ = write!(text, "```wat\n{}\n```", signature(a, f, *id, imm));
                let relocs = instr_relocs(a, fi, k as u32);
                for (si, ei) in relocs {
                    let e = &a.checked.linking.as_ref().expect("relocs come from linking").relocs[si].entries[ei];
                    // Annotated ones are shown on their annotation; list all, marked.
                    let implicit = e.span == instr.span;
                    let _ = write!(
                        text,
                        "\n\n{}{}",
                        if implicit { "implicit relocation: " } else { "" },
                        describe_reloc(a, si, ei)
                    );
                }
                let span = match (on_symbol, literal) {
                    (true, _) => occ.expect("checked").span,
                    (false, Some(token)) if !on_mnemonic => token,
                    _ => instr_mnemonic_span(src, instr).unwrap_or(instr.span),
                };
                return Some(Hover { span, text });
            }
        }
    }
    let occ = occ?;
    Some(Hover { span: occ.span, text: describe_occurrence(a, &occ) })
}

/// The literal token (a number, `offset=N`, `align=N`) at `offset` inside an instruction's
/// `span`.
fn immediate_literal_at(a: &Analysis, span: Span, offset: u32) -> Option<Span> {
    let tokens = &a.syntax.tokens;
    let i = tokens.partition_point(|t| t.span.end < offset);
    let t = tokens.get(i).filter(|t| t.span.start <= offset && span.start <= t.span.start && t.span.end <= span.end)?;
    let literal = match t.kind {
        TokenKind::Integer | TokenKind::Float => true,
        TokenKind::Keyword => {
            let text = t.span.text(a.text());
            text.starts_with("offset=") || text.starts_with("align=")
        }
        _ => false,
    };
    literal.then_some(t.span)
}

/// The annotation `(@reloc ...)` of a field that contains `offset`.
fn reloc_annot_at(field: &ModuleField, offset: u32) -> Option<&RelocAnnot> {
    let inside = |s: Span| s.start <= offset && offset < s.end;
    let exprs: Vec<&Expr> = match field {
        ModuleField::Func(f) => vec![&f.body],
        ModuleField::Global(g) => vec![&g.init],
        ModuleField::Elem(e) => match &e.items {
            ElemItems::Exprs(_, es) => es.iter().collect(),
            _ => vec![],
        },
        _ => vec![],
    };
    for e in exprs {
        if let Some((_, _, r)) = e.relocs.iter().find(|(_, _, r)| inside(r.span)) {
            return Some(r);
        }
    }
    let items: &[DataItem] = match field {
        ModuleField::Data(d) => &d.items,
        ModuleField::Custom(c) => &c.items,
        ModuleField::Memory(m) => m.inline_data.as_deref().unwrap_or(&[]),
        _ => &[],
    };
    items.iter().find_map(|it| match it {
        DataItem::Reloc(r) if inside(r.span) => Some(r),
        _ => None,
    })
}

/// Relocations whose source range is exactly `span`: (section, entry).
fn relocs_with_span(a: &Analysis, span: Span) -> Vec<(usize, usize)> {
    let idx = a.reloc_index();
    let i = idx.partition_point(|r| r.span.start < span.start);
    idx[i..]
        .iter()
        .take_while(|r| r.span.start == span.start)
        .filter(|r| r.span == span)
        .map(|r| (r.section as usize, r.entry as usize))
        .collect()
}

/// The innermost instruction of `e` whose range contains `offset`.
pub fn instr_at(e: &Expr, offset: u32) -> Option<usize> {
    e.instrs
        .iter()
        .enumerate()
        .filter(|(_, i)| i.span.start <= offset && offset <= i.span.end && matches!(i.kind, InstrKind::Op(..)))
        .min_by_key(|(_, i)| i.span.end - i.span.start)
        .map(|(k, _)| k)
}

/// The mnemonic token of an instruction (after `(` for a folded one).
pub fn instr_mnemonic_span(src: &str, i: &Instr) -> Option<Span> {
    let InstrKind::Op(id, _) = &i.kind else { return None };
    let name = id.info().name;
    let text = i.span.text(src);
    let at = text.find(name)?;
    Some(Span::new(i.span.start + at as u32, i.span.start + (at + name.len()) as u32))
}

/// The relocations of code instruction `k` of the function in field `fi`: (section, entry).
pub fn instr_relocs(a: &Analysis, fi: usize, k: u32) -> Vec<(usize, usize)> {
    let (Some(enc), Some(link)) = (&a.checked.encoded, &a.checked.linking) else { return Vec::new() };
    let module = &a.syntax.module;
    // The defined function's position among the bodies.
    let body =
        module.fields[..fi].iter().filter(|f| matches!(f, ModuleField::Func(x) if x.header.import.is_none())).count();
    let Some(b) = enc.func_bodies.get(body) else { return Vec::new() };
    let Some(code) = link.relocs.iter().position(|r| r.name == "reloc.CODE") else { return Vec::new() };
    let entries = &link.relocs[code].entries;
    let sites = &enc.code_sites;
    let from = sites.partition_point(|s| s.offset < b.offset);
    let mut out = Vec::new();
    for s in sites[from..].iter().take_while(|s| s.offset < b.offset + b.size) {
        if s.instr != k {
            continue;
        }
        let e = entries.partition_point(|e| e.offset < s.offset);
        if entries.get(e).is_some_and(|x| x.offset == s.offset) {
            out.push((code, e));
        }
    }
    out
}

pub(crate) fn flag_words(s: &Symbol) -> Vec<String> {
    let mut w = Vec::new();
    let f = s.flags;
    w.push(
        if f & flags::BINDING_LOCAL != 0 {
            "local"
        } else if f & flags::BINDING_WEAK != 0 {
            "weak"
        } else {
            "global"
        }
        .to_string(),
    );
    w.push(if f & flags::VISIBILITY_HIDDEN != 0 { "hidden" } else { "default" }.to_string());
    if f & flags::UNDEFINED != 0 {
        w.push("undefined".into());
    }
    if f & flags::EXPORTED != 0 {
        w.push("exported".into());
    }
    if f & flags::EXPLICIT_NAME != 0 {
        w.push("explicit name".into());
    }
    if f & flags::NO_STRIP != 0 {
        w.push("retain".into());
    }
    if f & flags::TLS != 0 {
        w.push("tls".into());
    }
    if f & flags::ABSOLUTE != 0 {
        w.push("absolute".into());
    }
    w
}

/// One symbol-table entry, e.g. `data symbol "counter" (global, hidden, size 4, segment ".data.counter")`.
pub fn describe_symbol(a: &Analysis, index: usize) -> String {
    let Some(link) = &a.checked.linking else { return String::new() };
    let s = &link.symbols[index];
    let mut w = flag_words(s);
    match s.kind {
        SymbolKind::Data => {
            if let Some((seg, off, size)) = s.data_def() {
                w.push(format!("size {size}"));
                let name = link.segments.get(seg as usize).map(|x| x.name.clone()).unwrap_or_default();
                if off == 0 {
                    w.push(format!("segment \"{name}\""));
                } else {
                    w.push(format!("segment \"{name}\" +{off}"));
                }
            } else if s.flags & flags::ABSOLUTE != 0
                && let Some(d) = &s.data
            {
                w.push(format!("{d:?}").to_lowercase());
            }
        }
        SymbolKind::Section => {
            w.push(format!("section {}", s.index));
        }
        _ => {
            w.push(format!("{} {}", s.kind.name(), s.index));
        }
    }
    format!("{} symbol \"{}\" ({})", s.kind.name(), s.name, w.join(", "))
}

/// A relocation entry, e.g. `R_WASM_MEMORY_ADDR_SLEB (4) → data symbol "counter" (...) +8 · CODE
/// offset 0x1f (func $main +0x07)`.
pub fn describe_reloc(a: &Analysis, section: usize, entry: usize) -> String {
    let link = a.checked.linking.as_ref().expect("linking");
    let sec = &link.relocs[section];
    let r: &Reloc = &sec.entries[entry];
    let mut out = format!("`{}` ({})", linking::name(r.ty), r.ty);
    if r.ty == linking::ty::TYPE_INDEX_LEB {
        let _ = write!(out, " → type {}", r.index);
    } else if let Some(_s) = link.symbols.get(r.index as usize) {
        let _ = write!(out, " → {}", describe_symbol(a, r.index as usize));
    }
    if linking::has_addend(r.ty) && r.addend != 0 {
        let _ = write!(out, " {:+}", r.addend);
    }
    let target = sec.name.strip_prefix("reloc.").unwrap_or(&sec.name);
    let _ = write!(out, " · {target} offset {:#x}", r.offset);
    if let Some(place) = place_of(a, target, r.offset) {
        let _ = write!(out, " ({place})");
    }
    out
}

/// Where a relocated offset is: the function or segment it falls in.
fn place_of(a: &Analysis, section: &str, offset: u32) -> Option<String> {
    let enc = a.checked.encoded.as_ref()?;
    let module = &a.syntax.module;
    let src = a.text();
    match section {
        "CODE" => {
            let k = enc.func_bodies.iter().rposition(|b| b.offset <= offset)?;
            let b = &enc.func_bodies[k];
            let f = module
                .fields
                .iter()
                .filter_map(|f| match f {
                    ModuleField::Func(x) if x.header.import.is_none() => Some(x),
                    _ => None,
                })
                .nth(k)?;
            let name = f.header.id.map_or_else(|| format!("#{k}"), |i| i.span.text(src).to_string());
            Some(format!("func {name} +{:#04x}", offset - b.offset))
        }
        "DATA" => {
            let link = a.checked.linking.as_ref()?;
            let k = enc.data_segments.iter().rposition(|&s| s <= offset)?;
            let name = link.segments.get(k).map(|s| s.name.clone()).unwrap_or_default();
            Some(format!("segment {k} \"{name}\" +{}", offset - enc.data_segments[k]))
        }
        _ => None,
    }
}

/// The symbols declared by the definition at `def` (an entity's id, or a `(@sym $x ...)`).
pub fn symbols_of_def(a: &Analysis, ns: Ns, def: Span) -> Vec<usize> {
    let Some(link) = &a.checked.linking else { return Vec::new() };
    if let Some(k) = names::sym_kind(ns)
        && let Some((index, _)) = a.defs().entity_of(ns, def)
    {
        let kind = k;
        return link
            .symbols
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == kind && s.index == index)
            .map(|(i, _)| i)
            .collect();
    }
    if let Ns::Sym(k) = ns {
        let kind = k;
        // An entity id in a symbol namespace: its primary symbol and aliases.
        if let Some(e) = names::entity_ns(k)
            && a.defs().entity_of(e, def).is_some()
        {
            return symbols_of_def(a, e, def);
        }
        return link
            .symbols
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == kind && s.span.start <= def.start && def.end <= s.span.end)
            .min_by_key(|(_, s)| s.span.end - s.span.start)
            .map(|(i, _)| vec![i])
            .unwrap_or_default();
    }
    Vec::new()
}

/// What an id is: its namespace, its definition, its type, its symbols.
fn describe_occurrence(a: &Analysis, o: &names::Occ) -> String {
    let src = a.text();
    let module = &a.syntax.module;
    let def = names::resolve(src, a.defs(), o);
    let mut text = String::new();
    let what = o.ns.describe();
    match def {
        None => {
            let _ = write!(text, "{what} `{}`: not defined", o.span.text(src));
            return text;
        }
        Some(d) => {
            let _ = write!(text, "{what} `{}`", d.text(src));
            if o.target == Target::Def {
                text.push_str(" (definition)");
            }
        }
    }
    let def = def.expect("some");
    // The namespace of the definition (an alias or an entity id).
    let def_ns = match o.ns {
        Ns::Sym(k) => names::entity_ns(k).filter(|e| a.defs().entity_of(*e, def).is_some()).unwrap_or(o.ns),
        ns => ns,
    };
    if let Some((index, fi)) = a.defs().entity_of(def_ns, def) {
        let _ = write!(text, " · {} {index}", def_ns.describe());
        if def_ns == Ns::FUNC
            && let Some(ft) = func_type_of_index(a, index)
        {
            let _ = write!(text, "\n```wat\n(func {} {})\n```", def.text(src), fmt_functype(src, &ft));
        }
        if def_ns == Ns::GLOBAL {
            let g = match &module.fields[fi as usize] {
                ModuleField::Global(g) => Some(g),
                ModuleField::Import(Import { item: ImportItem::Global(g), .. }) => Some(g),
                _ => None,
            };
            if let Some(g) = g {
                let t = fmt_valtype(src, &g.ty.ty);
                let _ = write!(
                    text,
                    "\n```wat\n(global {} {})\n```",
                    def.text(src),
                    if g.ty.mutable { format!("(mut {t})") } else { t }
                );
            }
        }
        if let ModuleField::Import(i) = &module.fields[fi as usize] {
            let _ = write!(text, "\n\nimported from \"{}\" \"{}\"", i.module.as_str(), i.field.as_str());
        }
    }
    let syms = symbols_of_def(a, def_ns, def);
    if !syms.is_empty() {
        text.push_str("\n\nsymbol table:");
        for s in syms {
            let _ = write!(text, "\n- #{s}: {}", describe_symbol(a, s));
        }
    }
    text
}

/// The function type of type index `t`.
pub fn func_type(a: &Analysis, t: u32) -> Option<FuncType> {
    let module = &a.syntax.module;
    let mut n = 0u32;
    for f in &module.fields {
        if let ModuleField::Types(g) = f {
            for td in &g.types {
                if n == t {
                    return match &td.ty.composite.kind {
                        CompositeKind::Func(ft) => Some(ft.clone()),
                        _ => None,
                    };
                }
                n += 1;
            }
        }
    }
    let r = &a.checked.resolved;
    r.implicit_types.get(t.checked_sub(r.explicit_type_count)? as usize).cloned()
}

/// The type of function `index`.
pub fn func_type_of_index(a: &Analysis, index: u32) -> Option<FuncType> {
    let t = *a.checked.resolved.func_types.get(index as usize)?;
    func_type(a, t)
}

/// `(param i32) (result i32)`.
pub fn fmt_functype(src: &str, ft: &FuncType) -> String {
    let mut s = String::new();
    for p in &ft.params {
        match p.id {
            Some(id) => {
                let _ = write!(s, "(param {} {}) ", id.span.text(src), fmt_valtype(src, &p.ty));
            }
            None => {
                let _ = write!(s, "(param {}) ", fmt_valtype(src, &p.ty));
            }
        }
    }
    for r in &ft.results {
        let _ = write!(s, "(result {}) ", fmt_valtype(src, &r.ty));
    }
    s.trim_end().to_string()
}

/// A value type as text.
pub fn fmt_valtype(src: &str, t: &ValType) -> String {
    match t {
        ValType::I32 => "i32".into(),
        ValType::I64 => "i64".into(),
        ValType::F32 => "f32".into(),
        ValType::F64 => "f64".into(),
        ValType::V128 => "v128".into(),
        ValType::Ref(r) => {
            let heap = match r.heap {
                HeapType::Abstract { ty, .. } => format!("{ty:?}").to_lowercase(),
                HeapType::Concrete(i) => i.span.text(src).to_string(),
                HeapType::Exact(i) => format!("(exact {})", i.span.text(src)),
            };
            match (r.nullable, r.heap) {
                (true, HeapType::Abstract { .. }) => format!("{heap}ref"),
                (true, _) => format!("(ref null {heap})"),
                (false, _) => format!("(ref {heap})"),
            }
        }
    }
}

fn local_type(a: &Analysis, f: &Func, index: u32) -> Option<String> {
    let src = a.text();
    let params: Vec<ValType> = match &f.ty.inline {
        Some(ft) => ft.params.iter().map(|p| p.ty).collect(),
        None => func_type(a, f.ty.resolved).map(|ft| ft.params.iter().map(|p| p.ty).collect()).unwrap_or_default(),
    };
    let all: Vec<ValType> = params.into_iter().chain(f.locals.iter().map(|l| l.ty)).collect();
    all.get(index as usize).map(|t| fmt_valtype(src, t))
}

fn global_type(a: &Analysis, index: u32) -> Option<String> {
    let src = a.text();
    let space = a.defs().space(Ns::GLOBAL)?;
    let fi = *space.fields.get(index as usize)?;
    match &a.syntax.module.fields[fi as usize] {
        ModuleField::Global(g) | ModuleField::Import(Import { item: ImportItem::Global(g), .. }) => {
            Some(fmt_valtype(src, &g.ty.ty))
        }
        _ => None,
    }
}

/// The signature of an instruction: `i32.add : [i32 i32] → [i32]`, with the opcode and immediates
/// of the instruction table.
pub fn signature(a: &Analysis, f: &Func, id: InstrId, imm: &Imm) -> String {
    let info = id.info();
    let name = info.name;
    let opcode = match info.opcode {
        Opcode::Byte(b) => format!("{b:#04x}"),
        Opcode::Prefixed(p, n) => format!("{p:#04x} {n}"),
    };
    let stack = stack_signature(a, f, name, imm);
    let imms = format!("{:?}", info.imm).to_lowercase();
    match stack {
        Some((ins, outs)) => {
            format!("{name} : [{}] → [{}]  ;; opcode {opcode}, immediates: {imms}", ins.join(" "), outs.join(" "))
        }
        None => format!("{name}  ;; opcode {opcode}, immediates: {imms}"),
    }
}

/// Operand types and result types.
pub type Stack = (Vec<String>, Vec<String>);

fn stack_signature(a: &Analysis, f: &Func, name: &str, imm: &Imm) -> Option<Stack> {
    let src = a.text();
    match (name, imm) {
        ("call" | "return_call", Imm::Index(i)) => {
            let ft = func_type_of_index(a, i.num)?;
            return Some((
                ft.params.iter().map(|p| fmt_valtype(src, &p.ty)).collect(),
                ft.results.iter().map(|p| fmt_valtype(src, &p.ty)).collect(),
            ));
        }
        ("call_indirect" | "return_call_indirect", Imm::CallIndirect(b)) => {
            let ft = match &b.1.inline {
                Some(ft) if b.1.index.is_none() => ft.clone(),
                _ => func_type(a, b.1.resolved)?,
            };
            let mut ins: Vec<String> = ft.params.iter().map(|p| fmt_valtype(src, &p.ty)).collect();
            ins.push("i32".into());
            return Some((ins, ft.results.iter().map(|p| fmt_valtype(src, &p.ty)).collect()));
        }
        ("local.get", Imm::Index(i)) => return Some((vec![], vec![local_type(a, f, i.num)?])),
        ("local.set", Imm::Index(i)) => return Some((vec![local_type(a, f, i.num)?], vec![])),
        ("local.tee", Imm::Index(i)) => {
            let t = local_type(a, f, i.num)?;
            return Some((vec![t.clone()], vec![t]));
        }
        ("global.get", Imm::Index(i)) => return Some((vec![], vec![global_type(a, i.num)?])),
        ("global.set", Imm::Index(i)) => return Some((vec![global_type(a, i.num)?], vec![])),
        _ => {}
    }
    instruction_stack(name)
}

/// The operand and result types of an instruction whose types do not depend on its immediates
/// (`i32.add`, `drop`, loads and stores, conversions); `t` stands for any type.
pub fn instruction_stack(name: &str) -> Option<Stack> {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    match name {
        "drop" => return Some((s(&["t"]), vec![])),
        "select" => return Some((s(&["t", "t", "i32"]), s(&["t"]))),
        "nop" | "unreachable" | "return" | "br" | "end" | "else" => return Some((vec![], vec![])),
        "br_if" => return Some((s(&["i32"]), vec![])),
        "br_table" => return Some((s(&["i32"]), vec![])),
        "memory.size" => return Some((vec![], s(&["i32"]))),
        "memory.grow" => return Some((s(&["i32"]), s(&["i32"]))),
        "memory.fill" | "memory.copy" => return Some((s(&["i32", "i32", "i32"]), vec![])),
        "ref.func" => return Some((vec![], s(&["funcref"]))),
        "ref.is_null" => return Some((s(&["ref"]), s(&["i32"]))),
        "table.get" => return Some((s(&["i32"]), s(&["ref"]))),
        "table.set" => return Some((s(&["i32", "ref"]), vec![])),
        "table.size" => return Some((vec![], s(&["i32"]))),
        _ => {}
    }
    let (ty, op) = name.split_once('.')?;
    if !matches!(ty, "i32" | "i64" | "f32" | "f64") {
        return None;
    }
    let t = ty.to_string();
    let one = |x: &str| vec![x.to_string()];
    if op == "const" {
        return Some((vec![], one(&t)));
    }
    if op.starts_with("load") {
        return Some((one("i32"), one(&t)));
    }
    if op.starts_with("store") {
        return Some((vec!["i32".into(), t], vec![]));
    }
    if op.starts_with("atomic") {
        return None;
    }
    match op {
        "eqz" => return Some((one(&t), one("i32"))),
        "eq" | "ne" | "lt_s" | "lt_u" | "gt_s" | "gt_u" | "le_s" | "le_u" | "ge_s" | "ge_u" | "lt" | "gt" | "le"
        | "ge" => {
            return Some((vec![t.clone(), t], one("i32")));
        }
        "clz" | "ctz" | "popcnt" | "abs" | "neg" | "sqrt" | "ceil" | "floor" | "trunc" | "nearest" | "extend8_s"
        | "extend16_s" | "extend32_s" => return Some((one(&t), one(&t))),
        "add" | "sub" | "mul" | "div_s" | "div_u" | "div" | "rem_s" | "rem_u" | "and" | "or" | "xor" | "shl"
        | "shr_s" | "shr_u" | "rotl" | "rotr" | "min" | "max" | "copysign" => {
            return Some((vec![t.clone(), t.clone()], one(&t)));
        }
        _ => {}
    }
    // Conversions name their source type: `i64.extend_i32_s`, `f32.demote_f64`, ...
    for src_ty in ["i32", "i64", "f32", "f64"] {
        if op.contains(&format!("_{src_ty}")) {
            return Some((one(src_ty), one(&t)));
        }
    }
    None
}

/// Whether the instruction has relocatable immediates (for callers that list them).
pub fn has_relocatable_immediate(id: InstrId) -> bool {
    matches!(
        id.info().imm,
        ImmKind::Func
            | ImmKind::Global
            | ImmKind::Tag
            | ImmKind::Table
            | ImmKind::CallIndirect
            | ImmKind::I32
            | ImmKind::I64
            | ImmKind::MemArg(_)
            | ImmKind::MemArgLane(_)
    )
}

/// The role names used in inlay hints and completion.
pub fn role_name(r: ImmRole) -> &'static str {
    match r {
        ImmRole::Func => "funcidx",
        ImmRole::Global => "globalidx",
        ImmRole::Tag => "tagidx",
        ImmRole::Table => "tableidx",
        ImmRole::Type => "typeidx",
        ImmRole::I32Const => "i32 constant",
        ImmRole::I64Const => "i64 constant",
        ImmRole::MemOffset => "memory offset",
    }
}

/// The span of a field (re-exported for the server).
pub fn span_of_field(f: &ModuleField) -> Span {
    f.span()
}
