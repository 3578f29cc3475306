//! Every place a `(@reloc ...)` can stand after an immediate, for every instruction of the table:
//! after a relocatable immediate it gives the relocation, after any other immediate it is an
//! error at the annotation. No annotation is dropped without a word (decisions.md A3-A5, D6).
//!
//! Each instruction is written with placeholder immediates in a module that has an entity of
//! every kind, each with a second symbol (`$f_alias`, ...); an annotation that names the second
//! symbol (or the data symbol `$x`) shows in the relocations only when it is honoured. The code
//! is not validated (`--no-validate`): the instructions have no operands.

use relwat::instructions::{INSTRUCTIONS, ImmKind};
use relwat::{Options, assemble};
use wasmparser::{KnownCustom, Linking, Parser, Payload, SymbolInfo};

const HEAD: &str = r#"(module
  (type $ft (func))
  (type $st (struct (field i32)))
  (type $at (array (mut i8)))
  (import "env" "__linear_memory" (memory 1))
  (table $tab (@sym $tab_alias) 1 funcref)
  (global $g (@sym $g_alias) (mut i32) (i32.const 0))
  (tag $tag (@sym $tag_alias))
  (func $f (@sym $f_alias))
  (elem $e func)
  (data $d (i32.const 0) (@sym $x (size 4)) "\00\00\00\00")
  (func $test
"#;

/// One immediate of an instruction: its text, and the annotation that relocates it (with the
/// symbol the relocation names) or `None` when it is never relocated.
struct Imm {
    text: &'static str,
    reloc: Option<(&'static str, &'static str)>,
}

const fn plain(text: &'static str) -> Imm {
    Imm { text, reloc: None }
}

const fn reloc(text: &'static str, annot: &'static str, symbol: &'static str) -> Imm {
    Imm { text, reloc: Some((annot, symbol)) }
}

/// The instruction's immediates, and the text around it (what opens and closes its block), or
/// `None` for the structural rows that only stand inside other instructions' forms.
fn immediates(name: &str, kind: ImmKind) -> Option<(Vec<Imm>, &'static str, &'static str)> {
    let func = || reloc("$f", "(@reloc $f_alias)", "f_alias");
    let table = || reloc("$tab", "(@reloc $tab_alias)", "tab_alias");
    let tag = || reloc("$tag", "(@reloc $tag_alias)", "tag_alias");
    use ImmKind as K;
    let imms = match kind {
        K::None | K::AtomicFence => vec![],
        K::EndLabel => return None,
        K::Block if name == "try" => return None,
        K::Block => return Some((vec![], "", "end")),
        K::TryTable => return None, // its clauses are tested apart: `try_table_clauses`
        K::Catch => return Some((vec![tag()], "try", "end")),
        K::Label if name == "delegate" => return None,
        K::Label => vec![plain("0")],
        K::BrTable => vec![plain("0"), plain("0")],
        K::Func => vec![func()],
        K::CallIndirect => vec![table()],
        K::Type => vec![plain("$ft")],
        K::TypeField => vec![plain("$st"), plain("0")],
        K::TypeCount => vec![plain("$at"), plain("1")],
        K::TypeData => vec![plain("$at"), plain("$d")],
        K::TypeElem => vec![plain("$at"), plain("$e")],
        K::TypeType => vec![plain("$at"), plain("$at")],
        K::Local => vec![plain("0")],
        K::Global => vec![reloc("$g", "(@reloc $g_alias)", "g_alias")],
        K::Tag => vec![tag()],
        K::Table => vec![table()],
        K::TableCopy => vec![table(), table()],
        K::TableInit => vec![table(), plain("$e")],
        K::Elem => vec![plain("$e")],
        K::Data => vec![plain("$d")],
        K::Memory => vec![plain("0")],
        K::MemoryCopy => vec![plain("0"), plain("0")],
        K::MemoryInit => vec![plain("0"), plain("$d")],
        K::MemArg(_) => vec![reloc("offset=0", "(@reloc $x)", "x"), plain("align=1")],
        K::MemArgLane(_) => vec![reloc("offset=0", "(@reloc $x)", "x"), plain("0")],
        K::I32 | K::I64 => vec![reloc("0", "(@reloc data $x)", "x")],
        K::F32 | K::F64 => vec![plain("1.5")],
        K::V128 => vec![plain("i32x4 0 0 0 0")],
        K::Lane => vec![plain("0")],
        K::Shuffle => vec![plain("0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15")],
        K::Select => vec![plain("(result i32)")],
        K::HeapType => vec![plain("$ft")],
        K::RefType => vec![plain("(ref $ft)")],
        K::BrOnCast => vec![plain("0"), plain("anyref"), plain("(ref $st)")],
    };
    Some((imms, "", ""))
}

/// The relocations of an object, as `symbol name` per entry of `reloc.CODE`.
fn code_reloc_symbols(bytes: &[u8]) -> Vec<String> {
    let mut names = Vec::new();
    let mut out = Vec::new();
    for p in Parser::new(0).parse_all(bytes) {
        let Payload::CustomSection(c) = p.expect("parses") else { continue };
        match c.as_known() {
            KnownCustom::Linking(r) => {
                for sub in r.subsections() {
                    if let Linking::SymbolTable(map) = sub.expect("subsection") {
                        for s in map {
                            names.push(match s.expect("symbol") {
                                SymbolInfo::Func { name, .. }
                                | SymbolInfo::Global { name, .. }
                                | SymbolInfo::Table { name, .. }
                                | SymbolInfo::Event { name, .. } => name.unwrap_or("").to_string(),
                                SymbolInfo::Data { name, .. } => name.to_string(),
                                SymbolInfo::Section { .. } => String::new(),
                            });
                        }
                    }
                }
            }
            KnownCustom::Reloc(r) if c.name() == "reloc.CODE" => {
                for e in r.entries() {
                    let e = e.expect("entry");
                    if e.ty != wasmparser::RelocationType::TypeIndexLeb {
                        out.push(names.get(e.index as usize).cloned().unwrap_or_default());
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Assembles `body` in the module and checks the annotation at `at..at + annot.len()`: it gives
/// a relocation against `symbol`, or (`symbol` is `None`) an error exactly there.
fn check(body: &str, annot: &str, symbol: Option<&str>) -> Result<(), String> {
    let text = format!("{HEAD}    {body}))\n");
    let at = HEAD.len() + 4 + body.find(annot).expect("the annotation is in the body");
    let options = Options { validate: false, ..Options::default() };
    let out = assemble(&text, &options);
    let errors: Vec<_> = out.diagnostics.iter().filter(|d| d.is_error()).collect();
    match symbol {
        Some(symbol) => {
            if let Some(e) = errors.first() {
                return Err(format!("`{body}`: an error instead of a relocation: {}", e.message));
            }
            let relocs = code_reloc_symbols(out.bytes.as_ref().expect("assembles"));
            if !relocs.iter().any(|s| s == symbol) {
                return Err(format!("`{body}`: no relocation against `{symbol}` (relocations: {relocs:?})"));
            }
        }
        None => {
            // At the annotation: the whole of it, or (a syntax error where no annotation may
            // stand, e.g. between the two types of `br_on_cast`) its first token.
            let here = errors
                .iter()
                .any(|d| d.primary.span.start as usize == at && d.primary.span.end as usize <= at + annot.len());
            if !here {
                let found: Vec<String> =
                    out.diagnostics.iter().map(|d| format!("{} at {:?}", d.message, d.primary.span)).collect();
                return Err(format!("`{body}`: no error at the annotation ({at}): {found:?}"));
            }
        }
    }
    Ok(())
}

#[test]
fn every_immediate_of_every_instruction() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for info in INSTRUCTIONS {
        let Some((imms, open, close)) = immediates(info.name, info.imm) else { continue };
        // After each immediate, flat and folded; and for a memory argument, also where
        // `offset=` would stand when it is not written (D6).
        for k in 0..imms.len() {
            let (annot, symbol) = imms[k].reloc.map_or(("(@reloc $x)", None), |(a, s)| (a, Some(s)));
            let before: Vec<&str> = imms[..=k].iter().map(|i| i.text).collect();
            let after: Vec<&str> = imms[k + 1..].iter().map(|i| i.text).collect();
            let instr = format!("{} {} {annot} {}", info.name, before.join(" "), after.join(" "));
            let flat = format!("{open} {instr} {close}");
            if let Err(e) = check(&flat, annot, symbol) {
                failures.push(e);
            }
            if open.is_empty() && close.is_empty() && !matches!(info.imm, ImmKind::Block) {
                let folded = format!("({instr})");
                if let Err(e) = check(&folded, annot, symbol) {
                    failures.push(e);
                }
            }
            checked += 1;
        }
        if let ImmKind::MemArg(_) | ImmKind::MemArgLane(_) = info.imm {
            let rest = if matches!(info.imm, ImmKind::MemArgLane(_)) { " 0" } else { " align=1" };
            let body = format!("{} (@reloc $x){rest}", info.name);
            if let Err(e) = check(&body, "(@reloc $x)", Some("x")) {
                failures.push(e);
            }
        }
        // After the last immediate's position when the instruction has none.
        if imms.is_empty() && !matches!(info.imm, ImmKind::Block) {
            let body = format!("{open} {} (@reloc $x) {close}", info.name);
            if let Err(e) = check(&body, "(@reloc $x)", None) {
                failures.push(e);
            }
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} immediates checked");
    assert!(failures.is_empty(), "{} of {checked} places:\n{}", failures.len(), failures.join("\n"));
}

/// `try_table` clauses: the tag of each `catch`/`catch_ref` clause is relocatable, its label is
/// not; each clause's annotation belongs to that clause only.
#[test]
fn try_table_clauses() {
    let cases = [
        ("try_table (catch $tag (@reloc $tag_alias) 0) end", "(@reloc $tag_alias)", Some("tag_alias")),
        ("try_table (catch_ref $tag (@reloc $tag_alias) 0) end", "(@reloc $tag_alias)", Some("tag_alias")),
        ("try_table (catch $tag 0 (@reloc $x)) end", "(@reloc $x)", None),
        ("try_table (catch_all 0 (@reloc $x)) end", "(@reloc $x)", None),
        ("try_table (catch $tag 0) (catch $tag (@reloc $tag_alias) 1) end", "(@reloc $tag_alias)", Some("tag_alias")),
    ];
    for (body, annot, symbol) in cases {
        check(body, annot, symbol).unwrap();
    }
    // The second clause's annotation does not reach the first clause.
    let text = format!("{HEAD}    try_table (catch $tag 0) (catch $tag (@reloc $tag_alias) 0) end))\n");
    let bytes = assemble(&text, &Options { validate: false, ..Options::default() }).bytes.expect("assembles");
    let relocs = code_reloc_symbols(&bytes);
    assert_eq!(relocs.iter().filter(|s| *s == "tag").count(), 1, "{relocs:?}");
    assert_eq!(relocs.iter().filter(|s| *s == "tag_alias").count(), 1, "{relocs:?}");
}
