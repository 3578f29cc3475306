//! Objects read back with wasmparser: symbols, relocations, segment info, init functions, comdats
//! and target features are what the annotations say, and every relocated field is maximally
//! padded. (Linking with wasm-ld and comparing with llvm-mc is done by `tests/e2e.rs`.)

use relwat::{Options, assemble};
use wasmparser::{KnownCustom, Linking, Parser, Payload, SymbolInfo};

/// What an object contains, printed one fact per line for compact assertions.
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

fn assemble_object(src: &str) -> Vec<u8> {
    let out = assemble(src, &Options::default());
    let errors: Vec<_> = out.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{}", relwat::diagnostic::render("t.wat", src, &out.diagnostics, false));
    out.bytes.expect("object bytes")
}

fn read(bytes: &[u8]) -> Object {
    wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
        .validate_all(bytes)
        .expect("the object is a valid module");
    let mut o = Object::default();
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
                                let (line, name) = match s.expect("symbol") {
                                    SymbolInfo::Func { flags, index, name } => {
                                        let name = name.or(imports.get(&(0, index)).map(String::as_str));
                                        (
                                            format!(
                                                "func {} f{index} [{}]",
                                                name.unwrap_or("-"),
                                                flag_names(flags.bits())
                                            ),
                                            name,
                                        )
                                    }
                                    SymbolInfo::Global { flags, index, name } => {
                                        let name = name.or(imports.get(&(2, index)).map(String::as_str));
                                        (
                                            format!(
                                                "global {} g{index} [{}]",
                                                name.unwrap_or("-"),
                                                flag_names(flags.bits())
                                            ),
                                            name,
                                        )
                                    }
                                    SymbolInfo::Table { flags, index, name } => {
                                        let name = name.or(imports.get(&(3, index)).map(String::as_str));
                                        (
                                            format!(
                                                "table {} t{index} [{}]",
                                                name.unwrap_or("-"),
                                                flag_names(flags.bits())
                                            ),
                                            name,
                                        )
                                    }
                                    SymbolInfo::Event { flags, index, name } => {
                                        let name = name.or(imports.get(&(4, index)).map(String::as_str));
                                        (
                                            format!(
                                                "tag {} e{index} [{}]",
                                                name.unwrap_or("-"),
                                                flag_names(flags.bits())
                                            ),
                                            name,
                                        )
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
                                    s.name,
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
                    let e = e.expect("reloc");
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

fn object(src: &str) -> Object {
    read(&assemble_object(src))
}

const PRELUDE: &str = r#"
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
"#;

#[test]
fn implicit_relocations_on_every_index() {
    let o = object(&format!(
        r#"(module {PRELUDE}
          (import "env" "ext" (func $ext (param i32)))
          (import "env" "__stack_pointer" (global $sp (mut i32)))
          (type $t (func (param i32)))
          (type $mv (func (result i32 i32)))
          (tag $e (param i32))
          (func $f (param i32)
            (call $ext (global.get $sp))
            (call_indirect (type $t) (i32.const 1) (i32.const 0))
            (drop (table.size 0))
            (block (type $mv) (i32.const 1) (i32.const 2)) drop drop
            (throw $e (i32.const 3))))"#
    ));
    assert_eq!(
        o.relocs,
        [
            "CODE GlobalIndexLeb __stack_pointer",
            "CODE FunctionIndexLeb ext",
            "CODE TypeIndexLeb type0",
            "CODE TableNumberLeb __indirect_function_table",
            "CODE TableNumberLeb __indirect_function_table",
            "CODE TypeIndexLeb type1",
            "CODE EventIndexLeb e",
        ]
    );
    assert!(o.symbols.contains(&"func ext f0 [undefined]".to_string()), "{:?}", o.symbols);
    assert!(o.symbols.contains(&"func f f1 []".to_string()));
    assert!(o.symbols.contains(&"tag e e0 []".to_string()));
    assert!(o.features.contains(&"+call-indirect-overlong".to_string()));
    assert!(o.features.contains(&"+mutable-globals".to_string()));
    assert!(o.features.contains(&"+exception-handling".to_string()));
}

#[test]
fn annotated_constants_memargs_and_data() {
    let o = object(&format!(
        r#"(module {PRELUDE}
          (@sym.import.data $ext (name "ext_data"))
          (data (@sym.segment (name ".data.pair") (align 8) retain) (i32.const 0)
            (@sym $first (size 4)) "\00\00\00\00"
            (@sym $second hidden (size 4)) "\00\00\00\00" (@reloc i32 data $first +2)
            "\00\00\00\00" (@reloc i32 functable $f))
          (func $f (result i32)
            (i32.add (i32.const 0 (@reloc data $second))
                     (i32.load offset=0 (@reloc $ext -4) (i32.const 0 (@reloc functable $f))))))"#
    ));
    assert_eq!(
        o.relocs,
        [
            "CODE MemoryAddrSleb second",
            "CODE TableIndexSleb f",
            "CODE MemoryAddrLeb ext_data -4",
            "DATA MemoryAddrI32 first +2",
            "DATA TableIndexI32 f",
        ]
    );
    assert!(o.symbols.contains(&"data ext_data [undefined]".to_string()), "{:?}", o.symbols);
    assert!(o.symbols.contains(&"data first seg0+0 size 4 []".to_string()));
    assert!(o.symbols.contains(&"data second seg0+4 size 4 [hidden]".to_string()));
    assert_eq!(o.segments, [".data.pair align 3 flags 0x4"]);
}

#[test]
fn symbol_flags_names_and_aliases() {
    let o = object(&format!(
        r#"(module {PRELUDE}
          (import "wasi_snapshot_preview1" "proc_exit" (func $exit (@sym (name "__wasi_proc_exit")) (param i32)))
          (func $w (@sym weak hidden))
          (func $l (@sym local retain))
          (func $x (export "exported"))
          (func (@sym $alias (name "alias_name")))
          (func $a (@sym $b weak))
          (global $g (@sym local) i32 (i32.const 0))
          (func $user (call $a (@reloc $b))))"#
    ));
    for s in [
        "func __wasi_proc_exit f0 [undefined|explicit_name]",
        "func w f1 [weak|hidden]",
        "func l f2 [local|no_strip]",
        "func x f3 [exported|no_strip]",
        "func - f4 [local|hidden]",
        "func alias_name f4 []",
        "func a f5 []",
        "func b f5 [weak]",
        "global g g0 [local]",
    ] {
        assert!(o.symbols.iter().any(|x| x.replace("func  ", "func - ") == s), "{s} not in {:#?}", o.symbols);
    }
    assert_eq!(o.relocs, ["CODE FunctionIndexLeb b"]);
}

#[test]
fn init_funcs_comdats_tls_and_sections() {
    let o = object(&format!(
        r#"(module {PRELUDE}
          (@comdat $c "inline_fn")
          (import "env" "__tls_base" (global $tls_base (mut i32)))
          (func $ctor_late (@sym local (init_prio 65535)))
          (func $ctor_early (@sym (init_prio 101)))
          (func $inline_fn (@sym weak (comdat $c)) (result i32) (i32.const 1))
          (data (@sym.segment (name ".tdata.v") (align 4) tls) (i32.const 0)
            (@sym $v (size 4)) "\05\00\00\00")
          (func $get_v (result i32)
            (i32.add (global.get $tls_base) (i32.const 0 (@reloc data tls $v))))
          (@custom ".debug_str" "abc\00" (@sym.label $second) "def\00")
          (@custom ".debug_info" (@comdat $c)
            "\00\00\00\00" (@reloc i32 customtext ".debug_str" $second)
            "\00\00\00\00" (@reloc i32 functext $get_v +1)
            "\00\00\00\00" (@reloc i32 global $tls_base)
            "\00\00\00\00" (@reloc i32 func $get_v)))"#
    ));
    assert_eq!(o.init_funcs, ["65535 ctor_late", "101 ctor_early"]);
    assert_eq!(o.comdats, ["inline_fn [2]"]);
    assert!(o.symbols.contains(&"data v seg0+0 size 4 [tls]".to_string()), "{:?}", o.symbols);
    assert_eq!(o.segments, [".tdata.v align 2 flags 0x2"]);
    assert!(o.relocs.contains(&"CODE MemoryAddrTlsSleb v".to_string()), "{:?}", o.relocs);
    let debug: Vec<&String> = o.relocs.iter().filter(|r| r.starts_with(".debug_info")).collect();
    assert_eq!(
        debug,
        [
            ".debug_info SectionOffsetI32 - +4",
            ".debug_info FunctionOffsetI32 get_v +1",
            ".debug_info GlobalIndexI32 __tls_base",
            ".debug_info FunctionIndexI32 get_v",
        ]
    );
    assert!(o.symbols.iter().any(|s| s.starts_with("section s") && s.ends_with("[local]")));
    assert!(o.features.contains(&"+atomics".to_string()) && o.features.contains(&"+bulk-memory".to_string()));
    // LLVM's reader order: linking, then reloc.*, then target_features last.
    let tail: Vec<&String> = o.sections.iter().skip_while(|s| *s != "linking").collect();
    assert_eq!(tail, ["linking", "reloc.CODE", "reloc..debug_info", "target_features"]);
}

#[test]
fn pic_got_and_memory64() {
    let o = object(
        r#"(module
          (import "env" "__linear_memory" (memory i64 1))
          (import "env" "__memory_base" (global $mb i64))
          (import "GOT.mem" "ext" (global $ext_got (mut i64)))
          (data (i64.const 0) (@sym $x (size 8)) "\00\00\00\00\00\00\00\00" (@reloc i64 data $x))
          (func $f (result i64)
            (i64.add (global.get $mb) (i64.const 0 (@reloc data pic $x))))
          (func $g (result i64) (i64.load offset=0 (@reloc $x +8) (global.get $ext_got)))
          (func $h (result i64) (i64.const 0 (@reloc functable $f))))"#,
    );
    assert_eq!(
        o.relocs,
        [
            "CODE GlobalIndexLeb __memory_base",
            "CODE MemoryAddrRelSleb64 x",
            "CODE GlobalIndexLeb ext",
            "CODE MemoryAddrLeb64 x +8",
            "CODE TableIndexSleb64 f",
            "DATA MemoryAddrI64 x",
        ]
    );
    assert!(o.symbols.contains(&"data ext [undefined]".to_string()), "{:?}", o.symbols);
    assert!(!o.symbols.iter().any(|s| s.starts_with("global ext")), "GOT imports get no symbol");
}

#[test]
fn reloc_none_leaves_an_immediate_minimal() {
    let src = r#"(module
      (import "env" "__indirect_function_table" (table (@sym none) 0 funcref))
      (type $t (func))
      (func $f (call_indirect 0 (@reloc none) (type $t) (i32.const 0))))"#;
    let out = assemble(src, &Options::default());
    assert!(out.diagnostics.iter().any(|d| d.message.contains("(@reloc none)")), "warns when written by hand");
    let o = read(&out.bytes.expect("object"));
    assert_eq!(o.relocs, ["CODE TypeIndexLeb type0"]);
    assert!(!o.symbols.iter().any(|s| s.starts_with("table")));
}

#[test]
fn empty_file_is_an_empty_object() {
    let o = object(";; nothing here\n");
    assert!(o.symbols.is_empty());
    assert_eq!(o.sections, ["linking"]);
}

/// The diagnostics of an assembly, as `warning: message` / `error: message`.
fn messages(src: &str, options: &Options) -> (Option<Vec<u8>>, Vec<String>) {
    let out = assemble(src, options);
    let m = out
        .diagnostics
        .iter()
        .map(|d| format!("{}: {}", if d.is_error() { "error" } else { "warning" }, d.message))
        .collect();
    (out.bytes, m)
}

/// Section D of decisions.md: what the format holds is written, with a warning where wasm-ld
/// would refuse or mishandle it.
#[test]
fn every_object_llvm_writes_has_a_text() {
    // B1: a definition without an id but with a name is an ordinary symbol.
    let o = object(&format!("(module {PRELUDE} (func (@sym (name \"first\"))))"));
    assert!(o.symbols.contains(&"func first f0 []".to_string()), "{:?}", o.symbols);

    // D1: repeated init entries, an imported init function, one with parameters (a warning).
    let src = format!(
        "(module {PRELUDE} (import \"env\" \"i\" (func $i (@sym (init_prio 7))))
           (func $c (@sym (init_prio 101) (init_prio 5)))
           (func $p (@sym (init_prio 9)) (param i32)))"
    );
    let (bytes, m) = messages(&src, &Options::default());
    assert_eq!(m, ["warning: wasm-ld refuses an init function that takes parameters"]);
    assert_eq!(read(&bytes.unwrap()).init_funcs, ["7 i", "101 c", "5 c", "9 p"]);

    // D2: a data symbol past its segment's end.
    let src = format!("(module {PRELUDE} (data (i32.const 0) (@sym $x (size 100)) \"\\00\\00\"))");
    let (bytes, m) = messages(&src, &Options::default());
    assert_eq!(m, ["warning: data symbol `$x` reaches past the end of its segment"]);
    assert!(read(&bytes.unwrap()).symbols.contains(&"data x seg0+0 size 100 []".to_string()));

    // An offset plus size beyond 64 bits: a warning, and the size written as given.
    let src = format!("(module {PRELUDE} (data (i32.const 0) \"ab\" (@sym $x (size 18446744073709551615)) \"cd\"))");
    let (bytes, m) = messages(&src, &Options::default());
    assert_eq!(m, ["warning: data symbol `$x` reaches past the end of its segment"]);
    let printed = relwat::print::print_object(&bytes.unwrap()).expect("prints");
    assert!(printed.text.contains("(@sym $x (size 18446744073709551615))"), "{}", printed.text);

    // D3: flags no annotation gives, exactly; UNDEFINED stays as the text makes it.
    let o = object(&format!(
        "(module (@relwat.layout (symbol-flags $x 0x20) (symbol-flags func $f 0x82)) {PRELUDE}
           (func $f) (data (@sym.segment (name \".tdata.t\")) (i32.const 0) (@sym $x (size 1)) \"\\00\"))"
    ));
    assert!(o.symbols.contains(&"data x seg0+0 size 1 [exported]".to_string()), "{:?}", o.symbols);
    assert!(o.symbols.contains(&"func f f0 [local|no_strip]".to_string()), "{:?}", o.symbols);
    let (_, m) =
        messages(&format!("(module (@relwat.layout (symbol-flags $f 0x10)) {PRELUDE} (func $f))"), &Options::default());
    assert_eq!(m, ["error: `symbol-flags` cannot change UNDEFINED (0x10)"]);

    // D4: a GOT entry at a constant, for a data symbol and a function.
    let o = object(&format!(
        "(module {PRELUDE} (import \"env\" \"ext\" (func $ext))
           (func (result i32) (i32.add (i32.const 0 (@reloc leb global $d)) (i32.const 0 (@reloc leb global $ext))))
           (@sym.import.data $d (name \"d\")))"
    ));
    assert_eq!(o.relocs, ["CODE GlobalIndexLeb d", "CODE GlobalIndexLeb ext"]);

    // D5: a text that does not validate is encoded as written with `validate: false`.
    let src = format!("(module {PRELUDE} (func (result i32) i32.add))");
    assert!(assemble(&src, &Options::default()).bytes.is_none());
    let (bytes, m) = messages(&src, &Options { validate: false, ..Options::default() });
    assert!(bytes.is_some() && m.is_empty(), "{m:?}");

    // D7: an element segment written inline in a table.
    let (_, m) = messages(&format!("(module {PRELUDE} (table funcref (elem $f)) (func $f))"), &Options::default());
    assert_eq!(m, ["warning: function $f is listed in an element segment but has no `functable` relocation"]);

    // D8: R_WASM_MEMORY_ADDR_LOCREL_I64, with a warning.
    let (bytes, m) = messages(
        "(module (import \"env\" \"__linear_memory\" (memory i64 1))
           (data (i64.const 0) (@sym $a (size 8)) \"\\00\\00\\00\\00\\00\\00\\00\\00\" (@reloc i64 data pic $a +4)))",
        &Options::default(),
    );
    assert_eq!(m, ["warning: R_WASM_MEMORY_ADDR_LOCREL_I64 comes with LLVM 23: LLVM 22's tools do not read it"]);
    let printed = relwat::print::print_object(&bytes.unwrap()).expect("obj2wat reads type 27");
    assert!(printed.text.contains("(@reloc i64 data pic $a +4)"), "{}", printed.text);

    // D9: types wasm-ld 22 refuses or mislinks.
    let (_, m) = messages(
        &format!(
            "(module {PRELUDE} (type $s (struct (field i32))) (func (param anyref)) (global (mut funcref) (ref.null func)))"
        ),
        &Options::default(),
    );
    assert_eq!(
        m,
        [
            "warning: wasm-ld 22 refuses an object with struct or array types",
            "warning: wasm-ld 22 writes `anyref` in a signature as an invalid type (0xff)",
            "warning: wasm-ld 22 rewrites the initializer of this global to `ref.null extern`",
        ]
    );
}
