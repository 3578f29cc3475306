//! Reading objects for the end-to-end tests: llvm-readobj-22 (symbols, relocations, sections)
//! and obj2yaml-22 (the rest), into descriptions that compare an object of relwat's with LLVM's.

use super::*;

#[derive(Debug, Default, Clone)]
pub(super) struct ReadobjSymbol {
    pub(super) name: String,
    pub(super) kind: String,
    pub(super) flags: u32,
    pub(super) fields: BTreeMap<String, String>,
}

#[derive(Debug, Default)]
pub(super) struct Readobj {
    pub(super) symbols: Vec<ReadobjSymbol>,
    /// (section name, readobj line split as (type, symbol-or-index, addend)).
    pub(super) relocs: Vec<(String, String, String, Option<i64>)>,
}

pub(super) fn parse_hex(s: &str) -> Option<u64> {
    let s = s.trim();
    s.strip_prefix("0x").map_or_else(|| s.parse().ok(), |h| u64::from_str_radix(h, 16).ok())
}

pub(super) fn parse_readobj(text: &str) -> Result<Readobj, String> {
    let mut r = Readobj::default();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim();
        if t == "Relocations [" {
            let mut section = String::new();
            for line in lines.by_ref() {
                let t = line.trim();
                if t == "]" {
                    break;
                }
                if let Some(rest) = t.strip_prefix("Section (") {
                    // `Section (7) CODE {`
                    section = rest
                        .split_once(')')
                        .map(|(_, n)| n.trim().trim_end_matches('{').trim().to_string())
                        .unwrap_or_default();
                } else if t == "}" {
                    section.clear();
                } else {
                    let toks: Vec<&str> = t.split_whitespace().collect();
                    if toks.len() < 2 {
                        return Err(format!("cannot read relocation line `{t}`"));
                    }
                    let ty = toks[1].to_string();
                    let (sym, addend) = if reloc_has_addend(&ty) && toks.len() >= 3 {
                        let a = toks[toks.len() - 1].parse::<i64>().map_err(|_| format!("bad addend in `{t}`"))?;
                        (toks[2..toks.len() - 1].join(" "), Some(a))
                    } else {
                        (toks[2..].join(" "), None)
                    };
                    r.relocs.push((section.clone(), ty, sym, addend));
                }
            }
        } else if t == "Symbols [" {
            let mut cur: Option<ReadobjSymbol> = None;
            for line in lines.by_ref() {
                let t = line.trim();
                if t == "]" && cur.is_none() {
                    break;
                }
                if t == "Symbol {" {
                    cur = Some(ReadobjSymbol::default());
                } else if t == "}" {
                    if let Some(s) = cur.take() {
                        r.symbols.push(s);
                    }
                } else if let Some(s) = cur.as_mut() {
                    if let Some(f) = t.strip_prefix("Flags [") {
                        // `Flags [ (0x90)`
                        let hex = f.trim().trim_start_matches('(').trim_end_matches(')');
                        s.flags = parse_hex(hex).ok_or_else(|| format!("bad flags `{t}`"))? as u32;
                    } else if t == "]" || t.ends_with(')') && !t.contains(':') {
                        // A flag name line or the end of the flags.
                    } else if let Some((k, v)) = t.split_once(':') {
                        let v = v.trim().to_string();
                        match k {
                            "Name" => s.name = v,
                            "Type" => s.kind = v.split_whitespace().next().unwrap_or_default().to_string(),
                            _ => {
                                s.fields.insert(k.to_string(), v);
                            }
                        }
                    }
                }
            }
        }
    }
    Ok(r)
}

/// A minimal YAML reader for obj2yaml's output (block maps and lists, flow lists, scalars).
#[derive(Debug, Clone)]
pub(super) enum Yaml {
    Str(String),
    List(Vec<Yaml>),
    Map(Vec<(String, Yaml)>),
}

impl Yaml {
    fn get(&self, key: &str) -> Option<&Yaml> {
        match self {
            Yaml::Map(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    fn str(&self, key: &str) -> String {
        match self.get(key) {
            Some(Yaml::Str(s)) => s.clone(),
            _ => String::new(),
        }
    }
    fn num(&self, key: &str) -> Option<u64> {
        parse_hex(&self.str(key))
    }
    fn list(&self, key: &str) -> &[Yaml] {
        match self.get(key) {
            Some(Yaml::List(l)) => l,
            _ => &[],
        }
    }
    fn strs(&self, key: &str) -> Vec<String> {
        self.list(key).iter().filter_map(|y| if let Yaml::Str(s) = y { Some(s.clone()) } else { None }).collect()
    }
}

pub(super) struct YamlLine {
    pub(super) indent: usize,
    pub(super) text: String,
}

pub(super) fn parse_yaml(text: &str) -> Yaml {
    let mut lines: Vec<YamlLine> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("---") && l.trim() != "...")
        .map(|l| YamlLine { indent: l.len() - l.trim_start().len(), text: l.trim().to_string() })
        .collect();
    let mut i = 0;
    if lines.is_empty() {
        return Yaml::Map(Vec::new());
    }
    let first = lines[0].indent;
    yaml_node(&mut lines, &mut i, first)
}

pub(super) fn yaml_node(lines: &mut Vec<YamlLine>, i: &mut usize, indent: usize) -> Yaml {
    if lines[*i].text.starts_with('-') { yaml_list(lines, i, indent) } else { yaml_map(lines, i, indent) }
}

pub(super) fn yaml_is_entry(text: &str) -> Option<(String, String)> {
    let (k, v) = if let Some(k) = text.strip_suffix(':') { (k, "") } else { text.split_once(": ")? };
    if k.is_empty() || k.contains(' ') || k.starts_with(['\'', '"', '[']) {
        return None;
    }
    Some((k.to_string(), v.trim().to_string()))
}

pub(super) fn yaml_scalar(v: &str) -> Yaml {
    let v = v.trim();
    if let Some(inner) = v.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
        return Yaml::List(inner.split(',').map(str::trim).filter(|s| !s.is_empty()).map(yaml_scalar).collect());
    }
    let unq = if v.len() >= 2 && (v.starts_with('\'') && v.ends_with('\'') || v.starts_with('"') && v.ends_with('"')) {
        &v[1..v.len() - 1]
    } else {
        v
    };
    Yaml::Str(unq.to_string())
}

pub(super) fn yaml_list(lines: &mut Vec<YamlLine>, i: &mut usize, indent: usize) -> Yaml {
    let mut items = Vec::new();
    while *i < lines.len() && lines[*i].indent == indent && lines[*i].text.starts_with('-') {
        let rest = lines[*i].text[1..].trim_start().to_string();
        if rest.is_empty() {
            *i += 1;
            if *i < lines.len() && lines[*i].indent > indent {
                let ind = lines[*i].indent;
                items.push(yaml_node(lines, i, ind));
            } else {
                items.push(Yaml::Str(String::new()));
            }
        } else if yaml_is_entry(&rest).is_some() {
            let item_indent = indent + (lines[*i].text.len() - rest.len());
            lines[*i] = YamlLine { indent: item_indent, text: rest };
            items.push(yaml_map(lines, i, item_indent));
        } else {
            items.push(yaml_scalar(&rest));
            *i += 1;
        }
    }
    Yaml::List(items)
}

pub(super) fn yaml_map(lines: &mut Vec<YamlLine>, i: &mut usize, indent: usize) -> Yaml {
    let mut entries = Vec::new();
    while *i < lines.len() && lines[*i].indent == indent && !lines[*i].text.starts_with('-') {
        let Some((k, v)) = yaml_is_entry(&lines[*i].text) else {
            *i += 1;
            continue;
        };
        *i += 1;
        let value = if !v.is_empty() {
            yaml_scalar(&v)
        } else if *i < lines.len() && lines[*i].indent > indent {
            let ind = lines[*i].indent;
            yaml_node(lines, i, ind)
        } else if *i < lines.len() && lines[*i].indent == indent && lines[*i].text.starts_with('-') {
            yaml_list(lines, i, indent)
        } else {
            Yaml::Str(String::new())
        };
        entries.push((k, value));
    }
    Yaml::Map(entries)
}

/// The relocation types that `llvm-readobj-22 --relocations` shows in an object.
pub(super) fn reloc_types_in(tools: &Tools, obj: &Path) -> Result<BTreeSet<String>, String> {
    let out =
        run(Command::new(&tools.readobj).arg("--relocations").arg(obj)).map_err(|e| format!("step relocs: {e}"))?;
    let r = parse_readobj(&String::from_utf8_lossy(&out.stdout))?;
    Ok(r.relocs.into_iter().map(|(_, ty, _, _)| ty).collect())
}

/// A normalised description of an object: category → sorted lines (a multiset).
type Description = BTreeMap<String, Vec<String>>;

pub(super) fn flag_names(flags: u32) -> String {
    let mut names: Vec<&str> = SYMBOL_FLAGS.iter().filter(|(bit, _)| flags & bit != 0).map(|(_, n)| *n).collect();
    let known: u32 = SYMBOL_FLAGS.iter().map(|(b, _)| b).sum();
    let unknown = flags & !known;
    let extra = format!("{unknown:#x}");
    if unknown != 0 {
        names.push(&extra);
    }
    format!("[{}]", names.join(" "))
}

pub(super) fn valtypes(list: &[Yaml]) -> String {
    list.iter()
        .filter_map(|y| if let Yaml::Str(s) = y { Some(s.to_lowercase()) } else { None })
        .collect::<Vec<_>>()
        .join(",")
}

pub(super) fn describe_object(tools: &Tools, obj: &Path) -> Result<Description, String> {
    let out = run(Command::new(&tools.readobj).args(["--symbols", "--relocations", "--sections"]).arg(obj))?;
    if !out.stderr.is_empty() {
        return Err(format!("llvm-readobj-22 warned:\n{}", indent(&String::from_utf8_lossy(&out.stderr))));
    }
    let ro = parse_readobj(&String::from_utf8_lossy(&out.stdout))?;
    let out = run(Command::new(&tools.obj2yaml).arg(obj))?;
    let yaml = parse_yaml(&String::from_utf8_lossy(&out.stdout));
    let sections = yaml.list("Sections");
    let section = |ty: &str| sections.iter().find(|s| s.str("Type") == ty);
    let custom = |name: &str| sections.iter().find(|s| s.str("Type") == "CUSTOM" && s.str("Name") == name);

    let mut d = Description::new();
    let mut add = |cat: &str, line: String| d.entry(cat.to_string()).or_default().push(line);

    // Types, for TYPE_INDEX_LEB.
    let mut types = BTreeMap::new();
    if let Some(t) = section("TYPE") {
        for sig in t.list("Signatures") {
            let idx = sig.num("Index").unwrap_or(0);
            types.insert(
                idx.to_string(),
                format!("({})->({})", valtypes(sig.list("ParamTypes")), valtypes(sig.list("ReturnTypes"))),
            );
        }
    }
    // Segment names by index.
    let linking = custom("linking");
    let mut segment_names = BTreeMap::new();
    if let Some(l) = linking {
        for s in l.list("SegmentInfo") {
            segment_names.insert(s.num("Index").unwrap_or(0), s.str("Name"));
        }
    }
    let segment_name =
        |idx: u64| segment_names.get(&idx).map_or_else(|| format!("#{idx} (no segment info)"), |n| format!("{n:?}"));

    // Symbols (readobj). Aliases: other symbols of the same kind on the same element.
    let mut by_element: BTreeMap<(String, bool, String), Vec<String>> = BTreeMap::new();
    for s in &ro.symbols {
        if let Some(e) = s.fields.get("ElementIndex") {
            by_element.entry((s.kind.clone(), s.flags & 0x10 != 0, e.clone())).or_default().push(s.name.clone());
        }
    }
    for s in &ro.symbols {
        let mut line = format!("{} {:?} {}", s.kind, s.name, flag_names(s.flags));
        let undefined = s.flags & 0x10 != 0;
        match s.kind.as_str() {
            "DATA" if !undefined => {
                let seg = s.fields.get("Segment").and_then(|v| parse_hex(v));
                let _ = write!(
                    line,
                    " segment={} offset={} size={}",
                    seg.map_or("none".to_string(), segment_name),
                    s.fields.get("Offset").and_then(|v| parse_hex(v)).unwrap_or(0),
                    s.fields.get("Size").and_then(|v| parse_hex(v)).unwrap_or(0)
                );
            }
            "FUNCTION" | "GLOBAL" | "TABLE" | "TAG" => {
                if let Some(m) = s.fields.get("ImportModule") {
                    let _ = write!(line, " module={m}");
                }
                if let Some(n) = s.fields.get("ImportName") {
                    let _ = write!(line, " field={n}");
                }
                if let Some(e) = s.fields.get("ElementIndex") {
                    let mut others = by_element[&(s.kind.clone(), undefined, e.clone())].clone();
                    others.retain(|n| n != &s.name);
                    if !others.is_empty() {
                        others.sort();
                        let _ = write!(line, " same-entity-as={others:?}");
                    }
                }
            }
            _ => {}
        }
        add("symbols", line);
    }
    // Relocations (readobj). The target symbol is shown with its kind when its name says it.
    let mut kinds_by_name: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for s in &ro.symbols {
        kinds_by_name.entry(s.name.as_str()).or_default().insert(s.kind.as_str());
    }
    for (section, ty, sym, addend) in &ro.relocs {
        let target = if ty == "R_WASM_TYPE_INDEX_LEB" {
            types.get(sym).cloned().unwrap_or_else(|| format!("type #{sym}"))
        } else {
            match kinds_by_name.get(sym.as_str()) {
                Some(k) if k.len() == 1 => format!("{} {sym:?}", k.iter().next().unwrap()),
                _ => format!("{sym:?}"),
            }
        };
        let addend = addend.map(|a| format!(" {a:+}")).unwrap_or_default();
        add(&format!("relocations in {section}"), format!("{ty} {target}{addend}"));
    }
    // Segment info, init functions, comdats (obj2yaml).
    let symtab: Vec<&Yaml> = linking.map(|l| l.list("SymbolTable").iter().collect()).unwrap_or_default();
    let sym_name = |idx: u64| {
        symtab
            .iter()
            .find(|s| s.num("Index") == Some(idx))
            .map_or(format!("#{idx}"), |s| format!("{:?}", s.str("Name")))
    };
    let function_names = |idx: u64| {
        let mut names: Vec<String> = symtab
            .iter()
            .filter(|s| {
                s.str("Kind") == "FUNCTION"
                    && s.num("Function") == Some(idx)
                    && !s.strs("Flags").iter().any(|f| f == "UNDEFINED")
            })
            .map(|s| format!("{:?}", s.str("Name")))
            .collect();
        names.sort();
        if names.is_empty() { format!("function #{idx}") } else { names.join("/") }
    };
    if let Some(l) = linking {
        add("linking", format!("version {}", l.str("Version")));
        for s in l.list("SegmentInfo") {
            add("segments", format!("{:?} align=2^{} flags={:?}", s.str("Name"), s.str("Alignment"), s.strs("Flags")));
        }
        for f in l.list("InitFunctions") {
            add(
                "init functions",
                format!("priority {} {}", f.str("Priority"), sym_name(f.num("Symbol").unwrap_or(u64::MAX))),
            );
        }
        for c in l.list("Comdats") {
            let mut entries: Vec<String> = c
                .list("Entries")
                .iter()
                .map(|e| {
                    let idx = e.num("Index").unwrap_or(0);
                    match e.str("Kind").as_str() {
                        "FUNCTION" => format!("function {}", function_names(idx)),
                        "DATA" => format!("data segment {}", segment_name(idx)),
                        "SECTION" => format!(
                            "section {:?}",
                            sections.get(idx as usize).map(|s| s.str("Name")).unwrap_or_else(|| format!("#{idx}"))
                        ),
                        k => format!("{k} #{idx}"),
                    }
                })
                .collect();
            entries.sort();
            add("comdats", format!("{:?}: {}", c.str("Name"), entries.join(", ")));
        }
    } else {
        add("linking", "no linking section".into());
    }
    // Imports and exports.
    if let Some(imp) = section("IMPORT") {
        for i in imp.list("Imports") {
            let kind = i.str("Kind");
            let detail = match kind.as_str() {
                // GOT entries: the type is not compared, because LLVM 22 writes `GOT.mem`/`GOT.func`
                // imports as i32 even in wasm64 objects (whose code then reads them as i64);
                // wasm-ld ignores that type.
                "GLOBAL" if i.str("Module").starts_with("GOT.") => format!(" mutable={}", i.str("GlobalMutable")),
                "GLOBAL" => format!(" {} mutable={}", i.str("GlobalType").to_lowercase(), i.str("GlobalMutable")),
                "TABLE" => {
                    let t = i.get("Table");
                    let flags = t.and_then(|t| t.get("Limits")).map(|l| l.strs("Flags")).unwrap_or_default();
                    let elem = t.map(|t| t.str("ElemType").to_lowercase()).unwrap_or_default();
                    if flags.iter().any(|f| f == "IS_64") { format!(" {elem} i64") } else { format!(" {elem}") }
                }
                "MEMORY" => {
                    let flags = i.get("Memory").map(|m| m.strs("Flags")).unwrap_or_default();
                    let flags: Vec<&String> = flags.iter().filter(|f| *f != "HAS_MAX").collect();
                    if flags.is_empty() { String::new() } else { format!(" {flags:?}") }
                }
                _ => String::new(),
            };
            add("imports", format!("{:?}.{:?} {kind}{detail}", i.str("Module"), i.str("Field")));
        }
    }
    if let Some(exp) = section("EXPORT") {
        for e in exp.list("Exports") {
            add("exports", format!("{:?} {}", e.str("Name"), e.str("Kind")));
        }
    }
    // Custom sections other than the linking metadata and tool notes.
    for s in sections {
        let name = s.str("Name");
        if s.str("Type") == "CUSTOM"
            && !name.starts_with("reloc.")
            && !["linking", "name", "producers", "target_features"].contains(&name.as_str())
        {
            add("custom sections", format!("{name:?}"));
        }
    }
    for v in d.values_mut() {
        v.sort();
    }
    Ok(d)
}

pub(super) fn show_description(d: &Description) -> String {
    let mut s = String::new();
    for (cat, lines) in d {
        let _ = writeln!(s, "{cat}:");
        for l in lines {
            let _ = writeln!(s, "  {l}");
        }
    }
    s
}

/// Compares two descriptions as multisets per category; returns the number of differing lines and a
/// report (`-` only in the reference object, `+` only in relwat's).
pub(super) fn compare_descriptions(reference: &Description, ours: &Description) -> (usize, String) {
    let mut n = 0;
    let mut s = String::new();
    let cats: BTreeSet<&String> = reference.keys().chain(ours.keys()).collect();
    for cat in cats {
        let a = reference.get(cat).cloned().unwrap_or_default();
        let b = ours.get(cat).cloned().unwrap_or_default();
        let (only_a, only_b) = multiset_diff(&a, &b);
        if only_a.is_empty() && only_b.is_empty() {
            continue;
        }
        let _ = writeln!(s, "    {cat}:");
        for l in &only_a {
            let _ = writeln!(s, "      - {l}");
        }
        for l in &only_b {
            let _ = writeln!(s, "      + {l}");
        }
        n += only_a.len() + only_b.len();
    }
    (n, s)
}

pub(super) fn multiset_diff(a: &[String], b: &[String]) -> (Vec<String>, Vec<String>) {
    let mut count: BTreeMap<&String, i64> = BTreeMap::new();
    for x in a {
        *count.entry(x).or_default() += 1;
    }
    for x in b {
        *count.entry(x).or_default() -= 1;
    }
    let mut only_a = Vec::new();
    let mut only_b = Vec::new();
    for (k, c) in count {
        for _ in 0..c.max(0) {
            only_a.push(k.clone());
        }
        for _ in 0..(-c).max(0) {
            only_b.push(k.clone());
        }
    }
    (only_a, only_b)
}
