//! Objects as data: each `objects/NAME.wat` is assembled (as an object unless its first lines
//! say `;; options: module` or `;; options: no-validate`), and what the object holds is written
//! one fact per line (diagnostics, sections, symbols, relocations, segment info, init functions,
//! comdats, target features), followed by obj2wat's text of it, which must assemble back to the
//! same bytes. The answer must equal `objects/NAME.object` (`RELWAT_BLESS=1` writes it).
//! Beyond the snapshot, every relocated LEB must be maximally padded (5 or 10 bytes).
//! (Linking with wasm-ld and comparing with llvm-mc is done by `e2e.rs` and `llvm_corpus.rs`.)

use relwat::{Options, OutputKind, assemble};
use std::fmt::Write as _;
use std::path::Path;
use wasmparser::{KnownCustom, Linking, Parser, Payload, SymbolInfo};

#[test]
fn object_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("objects");
    relwat_snapshot::check_dir(&dir, "wat", "object", |_, source| answer(source));
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(source: &str, offset: u32) -> (usize, usize) {
    let before = &source[..offset as usize];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
}

/// The options a case's leading comment lines ask for.
fn options(source: &str) -> Options {
    let mut options = Options::default();
    for line in source.lines().take_while(|l| l.starts_with(";;")) {
        let Some(words) = line.trim_start_matches(';').trim().strip_prefix("options:") else { continue };
        for word in words.split_whitespace() {
            match word {
                "module" => options.output = OutputKind::Module,
                "no-validate" => options.validate = false,
                other => panic!("unknown option `{other}`"),
            }
        }
    }
    options
}

fn answer(source: &str) -> Result<String, String> {
    let options = options(source);
    let out = assemble(source, &options);
    let mut text = String::new();
    if !out.diagnostics.is_empty() {
        text.push_str("diagnostics:\n");
        for d in &out.diagnostics {
            let (line, column) = line_col(source, d.primary.span.start);
            let kind = if d.is_error() { "error" } else { "warning" };
            let _ = writeln!(text, "  {kind} at {line}:{column}: {}", d.message);
        }
    }
    let Some(bytes) = out.bytes else {
        text.push_str("no output\n");
        return Ok(text);
    };
    if options.output == OutputKind::Module {
        let _ = writeln!(text, "module of {} bytes", bytes.len());
        return Ok(text);
    }
    let o = read(&bytes);
    let mut list = |title: &str, items: &[String]| {
        if !items.is_empty() {
            let _ = writeln!(text, "{title}:");
            for item in items {
                let _ = writeln!(text, "  {item}");
            }
        }
    };
    list("does not validate", o.invalid.as_slice());
    list("sections", &[o.sections.join(" ")]);
    list("symbols", &o.symbols);
    list("relocations", &o.relocs);
    list("segments", &o.segments);
    list("init functions", &o.init_funcs);
    list("comdats", &o.comdats);
    list("target features", &o.features);
    let printed = relwat::print::print_object(&bytes).map_err(|e| format!("obj2wat cannot print the object: {e}"))?;
    let again = assemble(&printed.text, &Options { validate: options.validate, ..Options::default() });
    if again.bytes.as_deref() != Some(&bytes[..]) {
        return Err(format!("obj2wat's text does not assemble to the same bytes:\n{}", printed.text));
    }
    text.push_str("obj2wat:\n");
    for w in &printed.warnings {
        let _ = writeln!(text, "  warning: {w}");
    }
    text.push_str(&printed.text);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

/// What an object contains, one fact per line.
#[derive(Default, Debug)]
struct Object {
    symbols: Vec<String>,
    relocs: Vec<String>,
    segments: Vec<String>,
    init_funcs: Vec<String>,
    comdats: Vec<String>,
    features: Vec<String>,
    /// Section names by index.
    sections: Vec<String>,
    /// Why the object does not validate (encoded without validation).
    invalid: Option<String>,
}

/// A name as the facts show it: `-` for none or an empty one.
fn shown(name: Option<&str>) -> &str {
    name.filter(|n| !n.is_empty()).unwrap_or("-")
}

fn flag_names(bits: u32) -> String {
    let names = [
        (0x1, "weak"),
        (0x2, "local"),
        (0x4, "hidden"),
        (0x10, "undefined"),
        (0x20, "exported"),
        (0x40, "explicit_name"),
        (0x80, "no_strip"),
        (0x100, "tls"),
        (0x200, "absolute"),
    ];
    let v: Vec<&str> = names.iter().filter(|(b, _)| bits & b != 0).map(|(_, n)| *n).collect();
    v.join("|")
}

fn read(bytes: &[u8]) -> Object {
    let mut o = Object::default();
    if let Err(e) = wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all()).validate_all(bytes) {
        o.invalid = Some(e.to_string());
    }
    let mut names: Vec<String> = Vec::new();
    let mut section_bytes: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    // Undefined symbols without an explicit name are named by their import's field.
    let mut imports: std::collections::HashMap<(u8, u32), String> = Default::default();
    for p in Parser::new(0).parse_all(bytes) {
        let p = p.expect("parses");
        if let Payload::ImportSection(r) = &p {
            let mut next = [0u32; 5];
            for i in r.clone().into_imports() {
                let i = i.expect("import");
                let kind = match i.ty {
                    wasmparser::TypeRef::Func(_) | wasmparser::TypeRef::FuncExact(_) => 0,
                    wasmparser::TypeRef::Global(_) => 2,
                    wasmparser::TypeRef::Tag(_) => 4,
                    wasmparser::TypeRef::Table(_) => 3,
                    wasmparser::TypeRef::Memory(_) => continue,
                };
                imports.insert((kind, next[kind as usize]), i.name.to_string());
                next[kind as usize] += 1;
            }
        }
        let (name, range) = match &p {
            Payload::CustomSection(c) => {
                let start = c.data_offset() as usize;
                (c.name().to_string(), start..start + c.data().len())
            }
            Payload::CodeSectionStart { unchecked_range, .. } => {
                ("CODE".to_string(), unchecked_range.start as usize..unchecked_range.end as usize)
            }
            Payload::DataSection(r) => ("DATA".to_string(), r.range().start as usize..r.range().end as usize),
            Payload::TypeSection(r) => ("TYPE".to_string(), r.range().start as usize..r.range().end as usize),
            Payload::ImportSection(r) => ("IMPORT".to_string(), r.range().start as usize..r.range().end as usize),
            Payload::FunctionSection(r) => ("FUNCTION".to_string(), r.range().start as usize..r.range().end as usize),
            Payload::GlobalSection(r) => ("GLOBAL".to_string(), r.range().start as usize..r.range().end as usize),
            Payload::ExportSection(r) => ("EXPORT".to_string(), r.range().start as usize..r.range().end as usize),
            Payload::TableSection(r) => ("TABLE".to_string(), r.range().start as usize..r.range().end as usize),
            Payload::MemorySection(r) => ("MEMORY".to_string(), r.range().start as usize..r.range().end as usize),
            Payload::TagSection(r) => ("TAG".to_string(), r.range().start as usize..r.range().end as usize),
            Payload::ElementSection(r) => ("ELEM".to_string(), r.range().start as usize..r.range().end as usize),
            Payload::DataCountSection { range, .. } => {
                ("DATACOUNT".to_string(), range.start as usize..range.end as usize)
            }
            _ => continue,
        };
        section_bytes.push((name.clone(), range));
        o.sections.push(name);
        let Payload::CustomSection(c) = p else { continue };
        match c.as_known() {
            KnownCustom::Linking(reader) => {
                assert_eq!(reader.version(), 2);
                for sub in reader.subsections() {
                    match sub.expect("subsection") {
                        Linking::SymbolTable(t) => {
                            for s in t {
                                let Ok(s) = s else {
                                    // wasmparser 0.263 reads data symbol offsets and sizes as
                                    // 32-bit; obj2wat's text below shows the symbol.
                                    o.symbols.push(format!("(wasmparser cannot read the rest: {})", s.unwrap_err()));
                                    break;
                                };
                                let (line, name) = match s {
                                    SymbolInfo::Func { flags, index, name } => {
                                        let name = name.or(imports.get(&(0, index)).map(String::as_str));
                                        (format!("func {} f{index} [{}]", shown(name), flag_names(flags.bits())), name)
                                    }
                                    SymbolInfo::Global { flags, index, name } => {
                                        let name = name.or(imports.get(&(2, index)).map(String::as_str));
                                        (
                                            format!("global {} g{index} [{}]", shown(name), flag_names(flags.bits())),
                                            name,
                                        )
                                    }
                                    SymbolInfo::Table { flags, index, name } => {
                                        let name = name.or(imports.get(&(3, index)).map(String::as_str));
                                        (format!("table {} t{index} [{}]", shown(name), flag_names(flags.bits())), name)
                                    }
                                    SymbolInfo::Event { flags, index, name } => {
                                        let name = name.or(imports.get(&(4, index)).map(String::as_str));
                                        (format!("tag {} e{index} [{}]", shown(name), flag_names(flags.bits())), name)
                                    }
                                    SymbolInfo::Data { flags, name, symbol } => {
                                        let def = symbol.map_or(String::new(), |d| {
                                            format!(" seg{}+{} size {}", d.index, d.offset, d.size)
                                        });
                                        (format!("data {name}{def} [{}]", flag_names(flags.bits())), Some(name))
                                    }
                                    SymbolInfo::Section { flags, section } => {
                                        (format!("section s{section} [{}]", flag_names(flags.bits())), None)
                                    }
                                };
                                o.symbols.push(line);
                                names.push(name.unwrap_or("-").to_string());
                            }
                        }
                        Linking::SegmentInfo(r) => {
                            for s in r {
                                let s = s.expect("segment");
                                o.segments.push(format!(
                                    "{} align {} flags {:#x}",
                                    shown(Some(s.name)),
                                    s.alignment,
                                    s.flags.bits()
                                ));
                            }
                        }
                        Linking::InitFuncs(r) => {
                            for f in r {
                                let f = f.expect("init");
                                o.init_funcs.push(format!("{} {}", f.priority, names[f.symbol_index as usize]));
                            }
                        }
                        Linking::ComdatInfo(r) => {
                            for c in r {
                                let c = c.expect("comdat");
                                let members: Vec<String> = c
                                    .symbols
                                    .into_iter()
                                    .map(|m| format!("{:?} {}", m.expect("member").kind, 0))
                                    .collect();
                                o.comdats.push(format!("{} [{}]", c.name, members.len()));
                            }
                        }
                        other => panic!("unexpected subsection {other:?}"),
                    }
                }
            }
            KnownCustom::Reloc(reader) => {
                let target = reader.section_index() as usize;
                let (tname, trange) = section_bytes[target].clone();
                for e in reader.entries() {
                    let Ok(e) = e else {
                        // Type 27 is newer than wasmparser 0.263; obj2wat's text below shows it.
                        o.relocs.push(format!("{tname} (wasmparser cannot read the rest: {})", e.unwrap_err()));
                        break;
                    };
                    let sym = if matches!(e.ty, wasmparser::RelocationType::TypeIndexLeb) {
                        format!("type{}", e.index)
                    } else {
                        names[e.index as usize].clone()
                    };
                    let addend = if e.addend != 0 { format!(" {:+}", e.addend) } else { String::new() };
                    o.relocs.push(format!("{tname} {:?} {sym}{addend}", e.ty));
                    // Relocated LEBs are maximally padded (5 or 10 bytes).
                    let range = e.relocation_range().expect("range");
                    let field = &bytes[trange.start + range.start..trange.start + range.end];
                    if matches!(field.len(), 5 | 10) {
                        let (last, rest) = field.split_last().expect("non-empty");
                        assert!(rest.iter().all(|b| b & 0x80 != 0) && last & 0x80 == 0, "unpadded field {field:x?}");
                    }
                }
            }
            _ if c.name() == "target_features" => {
                let mut r = wasmparser::BinaryReader::new(c.data(), 0);
                let n = r.read_var_u32().expect("count");
                for _ in 0..n {
                    let prefix = r.read_u8().expect("prefix") as char;
                    o.features.push(format!("{prefix}{}", r.read_string().expect("name")));
                }
            }
            _ => {}
        }
    }
    o
}
