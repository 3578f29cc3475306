//! The encoder: a resolved syntax tree to a binary module, with a map from binary offsets back to
//! source ranges and the offset of every immediate in the code section.
//!
//! Standard section items are encoded by wasm-encoder; code bodies are encoded from the
//! instruction table ([`code::CodeWriter`]) so that every immediate's offset is known.

pub mod code;
pub mod layout;
pub mod types;

use crate::ast::*;
use crate::instructions::ImmKind;
use crate::resolve::Resolved;
use crate::span::Span;
use code::{CodeWriter, ImmSite};
use std::borrow::Cow;
use wasm_encoder::{self as we, Encode};

/// Binary offsets mapped to the source ranges that produced them.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    /// `(offset in the binary, span)`, sorted by offset.
    entries: Vec<(u32, Span)>,
}

impl SourceMap {
    /// The source range of the item or instruction that covers `offset`.
    pub fn lookup(&self, offset: usize) -> Option<Span> {
        let i = self.entries.partition_point(|(o, _)| *o as usize <= offset);
        i.checked_sub(1).map(|i| self.entries[i].1)
    }

    /// All entries, sorted by offset.
    pub fn entries(&self) -> &[(u32, Span)] {
        &self.entries
    }
}

/// The encoded binary and what the later stages need to know about it.
#[derive(Debug, Default)]
pub struct Encoded {
    /// The module bytes.
    pub bytes: Vec<u8>,
    /// Offsets → source.
    pub map: SourceMap,
    /// Offset of the code section's payload in `bytes` (0 if there is none).
    pub code_payload: u32,
    /// Every index, constant and memory-offset immediate in the code section (offsets relative to
    /// the code section's payload).
    pub code_sites: Vec<ImmSite>,
    /// Every section written, in order (its position is its index in the object).
    pub sections: Vec<SectionRecord>,
    /// For each data segment (in index order): the offset of its bytes in the DATA payload.
    pub data_segments: Vec<u32>,
    /// For each defined function (in order): where its body is (objects only).
    pub func_bodies: Vec<FuncBody>,
    /// In objects: the `name`, `producers` and `target_features` custom sections of the text,
    /// held back because they must follow `linking` and `reloc.*` ((name, payload)).
    pub late_customs: Vec<(String, Vec<u8>)>,
    /// Offset in `bytes` of every FP16 opcode, which validation reads as its f32 counterpart
    /// ([`crate::validate::as_standard`]).
    pub fp16: Vec<u32>,
}

/// A section of the output.
#[derive(Debug, Clone)]
pub struct SectionRecord {
    /// Section id (0 for custom sections).
    pub id: u8,
    /// A custom section's name.
    pub name: String,
    /// Offset of the payload (after id and size) in the binary.
    pub payload: u32,
    /// For custom sections, the `@custom` field it comes from (index into the module's fields).
    pub field: Option<usize>,
}

/// A function body in the code section.
#[derive(Debug, Clone, Default)]
pub struct FuncBody {
    /// Offset in the code payload of the body's first byte (the locals, after the size field).
    pub offset: u32,
    /// The body's `(@sym.label $l)` labels: (the label, offset from the body's first byte of the
    /// instruction after it).
    pub labels: Vec<(Id, u32)>,
    /// Size of the body, including the final `end`.
    pub size: u32,
}

/// One function body, encoded: what the code section and the later stages need of it, without
/// the instructions (so that a body's tree can be dropped as soon as it is encoded).
#[derive(Debug, Default)]
pub struct BodyCode {
    /// Locals, expression and the final `end`.
    pub out: Vec<u8>,
    /// Immediate sites, offsets relative to `out`.
    pub sites: Vec<ImmSite>,
    /// (offset in `out`, span) of each instruction, when recording.
    pub map: Vec<(u32, Span)>,
    /// `(@sym.label $l)` labels with the offset in `out` of the instruction after each (objects).
    pub labels: Vec<(Id, u32)>,
    /// Branch hints: (offset in `out` of the `if`/`br_if`, value).
    pub branch_hints: Vec<(u32, u8)>,
    /// Whether the body names a data segment, which needs a data count section.
    pub uses_data_count: bool,
    /// Offset in `out` of each FP16 opcode.
    pub fp16: Vec<u32>,
    /// The function field.
    pub span: Span,
    /// What the final `end` maps to: the last instruction, or the function's `)`.
    pub end_span: Span,
}

impl BodyCode {
    /// The source range of the byte at `offset` in [`BodyCode::out`], as the module's
    /// [`SourceMap`] gives it (the instruction that covers it, the final `end`, or the function
    /// before the first instruction). Needs a body encoded with `record`.
    pub fn span_at(&self, offset: u32) -> Span {
        if offset + 1 >= self.out.len() as u32 {
            return self.end_span;
        }
        let i = self.map.partition_point(|(o, _)| *o <= offset);
        i.checked_sub(1).map_or(self.span, |i| self.map[i].1)
    }
}

/// Encodes a resolved module. `object` pads relocatable immediates and adds a `linking` section.
/// `record` fills in [`Encoded::map`] for instructions and [`Encoded::code_sites`]; objects always
/// get their sites.
pub fn encode(module: &Module, resolved: &Resolved, object: bool, record: bool) -> Encoded {
    Builder::new(module, object, record).build(resolved, None)
}

/// [`encode`] with the bodies of the defined functions already encoded (by [`encode_body`], in
/// function order): the module's own bodies are not read.
pub fn encode_with_bodies(module: &Module, resolved: &Resolved, object: bool, bodies: &[BodyCode]) -> Encoded {
    let placed: Vec<(&BodyCode, i64)> = bodies.iter().map(|b| (b, 0)).collect();
    Builder::new(module, object, false).build(resolved, Some(&placed))
}

/// [`encode_with_bodies`] with bodies encoded where their functions stood in an earlier version
/// of the text: each body's source ranges are moved by its delta (the function's start now minus
/// its start then). The language server keeps the bodies of unchanged functions across edits.
pub fn encode_with_moved_bodies(
    module: &Module,
    resolved: &Resolved,
    object: bool,
    bodies: &[(&BodyCode, i64)],
) -> Encoded {
    Builder::new(module, object, false).build(resolved, Some(bodies))
}

/// Memory index → whether it is 64-bit, as [`encode_body`] needs it, with the memory an object
/// imports without a word ([`Module::implied_memory`]).
pub fn module_memory64(module: &Module) -> Vec<bool> {
    let mut memory64 = memory64(&module.fields);
    if let Some(addr) = module.implied_memory {
        memory64.insert(0, addr == AddrType::I64);
    }
    memory64
}

/// Memory index → whether it is 64-bit, of the memories `fields` declare.
pub fn memory64(fields: &[ModuleField]) -> Vec<bool> {
    let mut memory64 = Vec::new();
    for f in fields {
        match f {
            ModuleField::Import(Import { item: ImportItem::Memory(m), .. }) | ModuleField::Memory(m) => {
                memory64.push(m.ty.addr == AddrType::I64)
            }
            _ => {}
        }
    }
    memory64
}

/// A section's items, each encoded by wasm-encoder and appended with its offset recorded.
#[derive(Default)]
struct ListPayload {
    bytes: Vec<u8>,
    count: u32,
    items: Vec<(u32, Span)>,
}

impl ListPayload {
    /// Appends the single item of a one-item section `s`.
    fn push<S: Encode>(&mut self, s: &S, span: Span) {
        let mut tmp = Vec::new();
        s.encode(&mut tmp);
        // Skip the section size and the item count (1, one byte).
        let mut i = 0;
        while tmp[i] & 0x80 != 0 {
            i += 1;
        }
        self.items.push((self.bytes.len() as u32, span));
        self.bytes.extend_from_slice(&tmp[i + 2..]);
        self.count += 1;
    }

    /// Payload bytes and item offsets relative to the payload.
    fn finish(self) -> (Vec<u8>, Vec<(u32, Span)>) {
        let mut payload = Vec::with_capacity(self.bytes.len() + 5);
        self.count.encode(&mut payload);
        let shift = payload.len() as u32;
        payload.extend_from_slice(&self.bytes);
        (payload, self.items.into_iter().map(|(o, s)| (o + shift, s)).collect())
    }
}

struct Builder<'m> {
    module: &'m Module,
    object: bool,
    record: bool,
    out: Vec<u8>,
    map: Vec<(u32, Span)>,
    memory64: Vec<bool>,
    sections: Vec<SectionRecord>,
    late_customs: Vec<(String, Vec<u8>)>,
    fp16: Vec<u32>,
}

/// Custom sections that an object must place after `linking` and `reloc.*`.
const LATE_CUSTOMS: &[&str] = &["name", "producers", "target_features"];

impl<'m> Builder<'m> {
    fn new(module: &'m Module, object: bool, record: bool) -> Builder<'m> {
        let memory64 = module_memory64(module);
        let mut out = Vec::new();
        out.extend_from_slice(b"\0asm");
        out.extend_from_slice(&1u32.to_le_bytes());
        Builder {
            module,
            object,
            record,
            out,
            map: Vec::new(),
            memory64,
            sections: Vec::new(),
            late_customs: Vec::new(),
            fp16: Vec::new(),
        }
    }

    fn section(&mut self, id: u8, payload: &[u8], items: &[(u32, Span)]) {
        self.section_from(id, payload, items, None);
    }

    fn section_from(&mut self, id: u8, payload: &[u8], items: &[(u32, Span)], field: Option<usize>) {
        self.out.push(id);
        (payload.len() as u32).encode(&mut self.out);
        let base = self.out.len() as u32;
        let name = if id == 0 { custom_name(payload) } else { String::new() };
        self.sections.push(SectionRecord { id, name, payload: base, field });
        self.out.extend_from_slice(payload);
        self.map.extend(items.iter().map(|&(o, s)| (base + o, s)));
    }

    fn list_section(&mut self, id: u8, list: ListPayload) {
        if list.count > 0 {
            let (payload, items) = list.finish();
            self.section(id, &payload, &items);
        }
    }

    fn customs(&mut self, place: CustomPlace) {
        let module = self.module;
        for (i, f) in module.fields.iter().enumerate() {
            let ModuleField::Custom(c) = f else { continue };
            if c.place != place {
                continue;
            }
            let mut payload = Vec::new();
            c.name.as_str().encode(&mut payload);
            for item in &c.items {
                if let DataItem::Bytes(s) = item {
                    payload.extend_from_slice(&s.bytes);
                }
            }
            if self.object && LATE_CUSTOMS.contains(&c.name.as_str()) {
                self.late_customs.push((c.name.as_str().to_string(), payload));
                continue;
            }
            self.section_from(0, &payload, &[(0, c.span)], Some(i));
        }
    }

    fn anchored(&mut self, anchor: SectionAnchor, id: u8, list: ListPayload) {
        self.customs(CustomPlace::Before(anchor));
        self.list_section(id, list);
        self.customs(CustomPlace::After(anchor));
    }

    fn const_expr(&self, e: &Expr) -> we::ConstExpr {
        let mut w = CodeWriter::new(false, false, false, &self.memory64);
        w.expr(e);
        we::ConstExpr::raw(w.out)
    }

    fn build(mut self, resolved: &Resolved, encoded_bodies: Option<&[(&BodyCode, i64)]>) -> Encoded {
        let module = self.module;
        let mut types = ListPayload::default();
        let mut imports = ListPayload::default();
        let mut funcs = ListPayload::default();
        let mut tables = ListPayload::default();
        let mut memories = ListPayload::default();
        let mut tags = ListPayload::default();
        let mut globals = ListPayload::default();
        let mut exports = ListPayload::default();
        let mut elems = ListPayload::default();
        let mut datas = ListPayload::default();
        // Offset of each segment's bytes within the DATA payload (before the count is added).
        let mut data_offsets: Vec<u32> = Vec::new();
        let mut start = None;
        let mut bodies: Vec<&Func> = Vec::new();
        let mut data_count = 0u32;

        let funcref = we::RefType::FUNCREF;
        // Indices of the entity kinds, for inline exports.
        let mut next = [0u32; 5];
        let kind_slot = |k: ExternKind| k as usize;

        if let Some(addr) = module.implied_memory {
            // Where clang's objects have theirs: the first import. No text stands for it.
            let ty = we::MemoryType {
                minimum: 0,
                maximum: None,
                memory64: addr == AddrType::I64,
                shared: false,
                page_size_log2: None,
            };
            let mut s = we::ImportSection::new();
            s.import("env", "__linear_memory", we::EntityType::Memory(ty));
            imports.push(&s, Span::new(module.span.start, module.span.start));
            next[kind_slot(ExternKind::Memory)] += 1;
        }
        for field in &module.fields {
            match field {
                ModuleField::Types(g) => {
                    let mut s = we::TypeSection::new();
                    if g.explicit {
                        s.ty().rec(g.types.iter().map(|t| types::sub_type(&t.ty)));
                    } else {
                        s.ty().subtype(&types::sub_type(&g.types[0].ty));
                    }
                    types.push(&s, g.span);
                }
                ModuleField::Import(i) => {
                    let (kind, ty) = match &i.item {
                        ImportItem::Func(f) => (ExternKind::Func, func_entity(f)),
                        ImportItem::Table(t) => (ExternKind::Table, we::EntityType::Table(types::table_type(&t.ty))),
                        ImportItem::Memory(m) => {
                            (ExternKind::Memory, we::EntityType::Memory(types::memory_type(&m.ty)))
                        }
                        ImportItem::Global(g) => {
                            (ExternKind::Global, we::EntityType::Global(types::global_type(&g.ty)))
                        }
                        ImportItem::Tag(t) => (ExternKind::Tag, tag_type(&t.ty)),
                    };
                    let mut s = we::ImportSection::new();
                    s.import(i.module.as_str(), i.field.as_str(), ty);
                    imports.push(&s, i.span);
                    next[kind_slot(kind)] += 1;
                }
                ModuleField::Func(f) => {
                    let index = next[kind_slot(ExternKind::Func)];
                    next[kind_slot(ExternKind::Func)] += 1;
                    inline_exports(&mut exports, &f.header, ExternKind::Func, index);
                    if let Some(imp) = &f.header.import {
                        let mut s = we::ImportSection::new();
                        s.import(imp.module.as_str(), imp.field.as_str(), func_entity(f));
                        imports.push(&s, f.span);
                    } else {
                        let mut s = we::FunctionSection::new();
                        s.function(f.ty.resolved);
                        funcs.push(&s, f.span);
                        bodies.push(f);
                    }
                }
                ModuleField::Table(t) => {
                    let index = next[kind_slot(ExternKind::Table)];
                    next[kind_slot(ExternKind::Table)] += 1;
                    inline_exports(&mut exports, &t.header, ExternKind::Table, index);
                    let ty = types::table_type(&t.ty);
                    if let Some(imp) = &t.header.import {
                        let mut s = we::ImportSection::new();
                        s.import(imp.module.as_str(), imp.field.as_str(), we::EntityType::Table(ty));
                        imports.push(&s, t.span);
                        continue;
                    }
                    let mut s = we::TableSection::new();
                    match &t.init {
                        TableInit::Expr(e) => {
                            s.table_with_init(ty, &self.const_expr(e));
                        }
                        TableInit::None | TableInit::Elems(_) => {
                            s.table(ty);
                        }
                    }
                    tables.push(&s, t.span);
                    if let TableInit::Elems(items) = &t.init {
                        let offset = match t.ty.addr {
                            AddrType::I32 => we::ConstExpr::i32_const(0),
                            AddrType::I64 => we::ConstExpr::i64_const(0),
                        };
                        let elements = self.elements(items, Some(&t.ty.elem));
                        let mut s = we::ElementSection::new();
                        s.active(Some(index), &offset, elements);
                        elems.push(&s, t.span);
                    }
                }
                ModuleField::Memory(m) => {
                    let index = next[kind_slot(ExternKind::Memory)];
                    next[kind_slot(ExternKind::Memory)] += 1;
                    inline_exports(&mut exports, &m.header, ExternKind::Memory, index);
                    let ty = types::memory_type(&m.ty);
                    if let Some(imp) = &m.header.import {
                        let mut s = we::ImportSection::new();
                        s.import(imp.module.as_str(), imp.field.as_str(), we::EntityType::Memory(ty));
                        imports.push(&s, m.span);
                        continue;
                    }
                    let mut s = we::MemorySection::new();
                    s.memory(ty);
                    memories.push(&s, m.span);
                    if let Some(items) = &m.inline_data {
                        let offset = match m.ty.addr {
                            AddrType::I32 => we::ConstExpr::i32_const(0),
                            AddrType::I64 => we::ConstExpr::i64_const(0),
                        };
                        let mut s = we::DataSection::new();
                        let bytes = data_bytes(items);
                        let len = bytes.len() as u32;
                        s.active(index, &offset, bytes);
                        datas.push(&s, m.span);
                        data_offsets.push(datas.bytes.len() as u32 - len);
                        data_count += 1;
                    }
                }
                ModuleField::Global(g) => {
                    let index = next[kind_slot(ExternKind::Global)];
                    next[kind_slot(ExternKind::Global)] += 1;
                    inline_exports(&mut exports, &g.header, ExternKind::Global, index);
                    let ty = types::global_type(&g.ty);
                    if let Some(imp) = &g.header.import {
                        let mut s = we::ImportSection::new();
                        s.import(imp.module.as_str(), imp.field.as_str(), we::EntityType::Global(ty));
                        imports.push(&s, g.span);
                        continue;
                    }
                    let mut s = we::GlobalSection::new();
                    s.global(ty, &self.const_expr(&g.init));
                    globals.push(&s, g.span);
                }
                ModuleField::Tag(t) => {
                    let index = next[kind_slot(ExternKind::Tag)];
                    next[kind_slot(ExternKind::Tag)] += 1;
                    inline_exports(&mut exports, &t.header, ExternKind::Tag, index);
                    if let Some(imp) = &t.header.import {
                        let mut s = we::ImportSection::new();
                        s.import(imp.module.as_str(), imp.field.as_str(), tag_type(&t.ty));
                        imports.push(&s, t.span);
                        continue;
                    }
                    let mut s = we::TagSection::new();
                    s.tag(we::TagType { kind: we::TagKind::Exception, func_type_idx: t.ty.resolved });
                    tags.push(&s, t.span);
                }
                ModuleField::Export(e) => {
                    let mut s = we::ExportSection::new();
                    s.export(e.name.as_str(), types::export_kind(e.kind), e.index.num);
                    exports.push(&s, e.span);
                }
                ModuleField::Start(s) => start = Some(*s),
                ModuleField::Elem(e) => {
                    let elements = self.elements(&e.items, None);
                    let mut s = we::ElementSection::new();
                    match &e.mode {
                        ElemMode::Passive => s.passive(elements),
                        ElemMode::Declared => s.declared(elements),
                        ElemMode::Active { table, offset } => {
                            s.active(table.map(|t| t.num), &self.const_expr(offset), elements)
                        }
                    };
                    elems.push(&s, e.span);
                }
                ModuleField::Data(d) => {
                    let bytes = data_bytes(&d.items);
                    let len = bytes.len() as u32;
                    let mut s = we::DataSection::new();
                    match &d.mode {
                        DataMode::Passive => s.passive(bytes),
                        DataMode::Active { memory, offset } => s.active(memory.num, &self.const_expr(offset), bytes),
                    };
                    datas.push(&s, d.span);
                    data_offsets.push(datas.bytes.len() as u32 - len);
                    data_count += 1;
                }
                ModuleField::Custom(_)
                | ModuleField::Comdat(_)
                | ModuleField::DataImport(_)
                | ModuleField::Unknown(_) => {}
            }
        }
        let _ = funcref;

        for ft in &resolved.implicit_types {
            let mut s = we::TypeSection::new();
            s.ty().function(
                ft.params.iter().map(|p| types::valtype(&p.ty)),
                ft.results.iter().map(|p| types::valtype(&p.ty)),
            );
            types.push(&s, Span::default());
        }

        self.customs(CustomPlace::BeforeFirst);
        self.anchored(SectionAnchor::Type, 1, types);
        self.anchored(SectionAnchor::Import, 2, imports);
        self.anchored(SectionAnchor::Func, 3, funcs);
        self.anchored(SectionAnchor::Table, 4, tables);
        self.anchored(SectionAnchor::Memory, 5, memories);
        self.anchored(SectionAnchor::Tag, 13, tags);
        self.anchored(SectionAnchor::Global, 6, globals);
        self.anchored(SectionAnchor::Export, 7, exports);
        self.customs(CustomPlace::Before(SectionAnchor::Start));
        if let Some(s) = start {
            let mut payload = Vec::new();
            s.func.num.encode(&mut payload);
            self.section(8, &payload, &[(0, s.span)]);
        }
        self.customs(CustomPlace::After(SectionAnchor::Start));
        self.anchored(SectionAnchor::Elem, 9, elems);
        let own = match encoded_bodies {
            Some(_) => Vec::new(),
            None => encode_bodies(&bodies, self.object, self.record, &self.memory64),
        };
        let placed: Vec<(&BodyCode, i64)>;
        let bodies = match encoded_bodies {
            Some(done) => done,
            None => {
                placed = own.iter().map(|b| (b, 0)).collect();
                &placed
            }
        };
        if module.layout.datacount.unwrap_or_else(|| bodies.iter().any(|(b, _)| b.uses_data_count)) {
            let mut payload = Vec::new();
            data_count.encode(&mut payload);
            self.section(12, &payload, &[]);
        }
        self.customs(CustomPlace::Before(SectionAnchor::Code));
        let (code_payload, code_sites, func_bodies) = self.code_section(bodies);
        self.customs(CustomPlace::After(SectionAnchor::Code));
        let count_len = crate::leb::uleb_len(datas.count as u64) as u32;
        let data_segments = data_offsets.iter().map(|o| o + count_len).collect();
        self.anchored(SectionAnchor::Data, 11, datas);
        self.customs(CustomPlace::AfterLast);
        self.map.sort_by_key(|(o, _)| *o);
        Encoded {
            bytes: self.out,
            map: SourceMap { entries: self.map },
            code_payload,
            code_sites,
            sections: self.sections,
            data_segments,
            func_bodies,
            late_customs: self.late_customs,
            fp16: self.fp16,
        }
    }

    fn elements<'e>(&self, items: &ElemItems, table_elem: Option<&RefType>) -> we::Elements<'e> {
        match items {
            ElemItems::Funcs(fs) => {
                let ty = table_elem.map(types::reftype).unwrap_or(we::RefType::FUNCREF);
                if ty == we::RefType::FUNCREF {
                    we::Elements::Functions(Cow::Owned(fs.iter().map(|f| f.num).collect()))
                } else {
                    let exprs = fs.iter().map(|f| we::ConstExpr::ref_func(f.num)).collect();
                    we::Elements::Expressions(ty, Cow::Owned(exprs))
                }
            }
            ElemItems::Exprs(ty, exprs) => we::Elements::Expressions(
                types::reftype(ty),
                Cow::Owned(exprs.iter().map(|e| self.const_expr(e)).collect()),
            ),
        }
    }

    /// Writes the code section; returns its payload offset and the immediate sites.
    fn code_section(&mut self, bodies: &[(&BodyCode, i64)]) -> (u32, Vec<ImmSite>, Vec<FuncBody>) {
        if bodies.is_empty() {
            return (0, Vec::new(), Vec::new());
        }
        let mut fp16 = Vec::new();
        let mut func_bodies = Vec::new();
        let mut payload = Vec::new();
        (bodies.len() as u32).encode(&mut payload);
        let mut sites = Vec::with_capacity(bodies.iter().map(|(b, _)| b.sites.len()).sum());
        let mut items = Vec::new();
        let mut hints = we::BranchHints::new();
        let imported = self.module.fields.iter().filter(|f| is_func_import(f)).count() as u32;
        for (func_index, &(body, moved)) in (imported..).zip(bodies) {
            if !body.branch_hints.is_empty() {
                hints.function_hints(
                    func_index,
                    body.branch_hints
                        .iter()
                        .map(|&(offset, v)| we::BranchHint { branch_func_offset: offset, branch_hint_value: v as u32 }),
                );
            }
            (body.out.len() as u32).encode(&mut payload);
            let base = payload.len() as u32;
            if self.object {
                let labels = body.labels.iter().map(|&(l, o)| (Id { span: l.span.moved(moved) }, o)).collect();
                func_bodies.push(FuncBody { offset: base, labels, size: body.out.len() as u32 });
            }
            if self.record {
                // As `BodyCode::span_at` maps them: from the locals on, the function; each
                // instruction; the final `end`, and the body's end (where validation reports
                // what a function leaves open) up to the next body's locals.
                items.push((base, body.span.moved(moved)));
                items.extend(body.map.iter().map(|&(o, s)| (base + o, s.moved(moved))));
                items.push((base + body.out.len() as u32 - 1, body.end_span.moved(moved)));
                items.push((base + body.out.len() as u32, body.end_span.moved(moved)));
            }
            if moved == 0 {
                sites.extend(body.sites.iter().map(|s| ImmSite { offset: s.offset + base, ..*s }));
            } else {
                sites.extend(body.sites.iter().map(|s| ImmSite {
                    offset: s.offset + base,
                    span: s.span.moved(moved),
                    ..*s
                }));
            }
            fp16.extend(body.fp16.iter().map(|o| base + o));
            payload.extend_from_slice(&body.out);
        }
        if !hints.is_empty() {
            // wasm-encoder writes the section's size first; `section` writes its own.
            let mut tmp = Vec::new();
            hints.encode(&mut tmp);
            let size_len = tmp.iter().position(|b| b & 0x80 == 0).map_or(0, |i| i + 1);
            self.section(0, &tmp[size_len..], &[]);
        }
        let offset = self.out.len() as u32 + 1 + crate::leb::uleb_len(payload.len() as u64) as u32;
        self.section(10, &payload, &items);
        self.fp16.extend(fp16.into_iter().map(|o| offset + o));
        (offset, sites, func_bodies)
    }
}

/// Encodes function bodies (locals and expression); large modules on two threads, since the
/// bodies are independent of each other.
fn encode_bodies(bodies: &[&Func], object: bool, record: bool, memory64: &[bool]) -> Vec<BodyCode> {
    /// Below this many instructions a thread costs more than it saves.
    const MIN_INSTRS: usize = 100_000;
    let encode = |f: &&Func| encode_body(f, &f.body, object, record, memory64);
    let total: usize = bodies.iter().map(|f| f.body.instrs.len()).sum();
    if total < MIN_INSTRS {
        return bodies.iter().map(encode).collect();
    }
    // Split where half of the instructions are on each side.
    let mut seen = 0;
    let split = bodies
        .iter()
        .position(|f| {
            seen += f.body.instrs.len();
            seen * 2 >= total
        })
        .map_or(bodies.len(), |i| i + 1);
    let (first, second) = bodies.split_at(split);
    std::thread::scope(|scope| {
        let later = scope.spawn(|| second.iter().map(encode).collect::<Vec<_>>());
        let mut encoded: Vec<BodyCode> = first.iter().map(encode).collect();
        encoded.extend(later.join().expect("the encoder does not panic"));
        encoded
    })
}

/// One function body (`body`, the expression of `f`, which may be held apart from `f`): locals,
/// run-length compressed, the expression and `end`.
pub fn encode_body(f: &Func, body: &Expr, object: bool, record: bool, memory64: &[bool]) -> BodyCode {
    let mut w = CodeWriter::new(object, record, object || record, memory64);
    let mut groups: Vec<(u32, we::ValType)> = Vec::new();
    for l in &f.locals {
        let t = types::valtype(&l.ty);
        match groups.last_mut() {
            Some((n, prev)) if *prev == t => *n += 1,
            _ => groups.push((1, t)),
        }
    }
    (groups.len() as u32).encode(&mut w.out);
    for (n, t) in &groups {
        n.encode(&mut w.out);
        t.encode(&mut w.out);
    }
    w.expr(body);
    w.out.push(0x0b);
    let labels = if object {
        body.instrs
            .iter()
            .zip(&w.instr_offsets)
            .filter_map(|(i, &offset)| match i.kind {
                InstrKind::Label(id) => Some((id, offset)),
                InstrKind::Op(..) => None,
            })
            .collect()
    } else {
        Vec::new()
    };
    let branch_hints = body.branch_hints.iter().map(|&(i, v)| (w.instr_offsets[i as usize], v)).collect();
    // The final `end` (where result types are checked) maps to the last instruction, or to the
    // closing paren of an empty body.
    let end_span = body.instrs.last().map_or(Span::new(f.span.end.saturating_sub(1), f.span.end), |i| i.span);
    BodyCode {
        out: w.out,
        sites: w.sites,
        map: w.map,
        labels,
        branch_hints,
        uses_data_count: needs_data_count(body),
        fp16: w.fp16,
        span: f.span,
        end_span,
    }
}

/// The name at the start of a custom section's payload.
fn custom_name(payload: &[u8]) -> String {
    let mut len = 0usize;
    let mut shift = 0;
    let mut i = 0;
    while let Some(&b) = payload.get(i) {
        len |= ((b & 0x7f) as usize) << shift;
        shift += 7;
        i += 1;
        if b & 0x80 == 0 {
            break;
        }
    }
    payload.get(i..i + len).map(|n| String::from_utf8_lossy(n).into_owned()).unwrap_or_default()
}

fn is_func_import(f: &ModuleField) -> bool {
    match f {
        ModuleField::Import(i) => matches!(i.item, ImportItem::Func(_)),
        ModuleField::Func(f) => f.header.import.is_some(),
        _ => false,
    }
}

fn func_entity(f: &Func) -> we::EntityType {
    if f.exact { we::EntityType::FunctionExact(f.ty.resolved) } else { we::EntityType::Function(f.ty.resolved) }
}

fn tag_type(tu: &TypeUse) -> we::EntityType {
    we::EntityType::Tag(we::TagType { kind: we::TagKind::Exception, func_type_idx: tu.resolved })
}

fn inline_exports(exports: &mut ListPayload, h: &EntityHeader, kind: ExternKind, index: u32) {
    for e in &h.exports {
        let mut s = we::ExportSection::new();
        s.export(e.name.as_str(), types::export_kind(kind), index);
        exports.push(&s, e.span);
    }
}

fn data_bytes(items: &[DataItem]) -> Vec<u8> {
    let mut out = Vec::new();
    for item in items {
        if let DataItem::Bytes(s) = item {
            out.extend_from_slice(&s.bytes);
        }
    }
    out
}

fn needs_data_count(e: &Expr) -> bool {
    e.instrs.iter().any(|i| match &i.kind {
        InstrKind::Op(id, _) => {
            let info = id.info();
            matches!(info.imm, ImmKind::MemoryInit | ImmKind::Data | ImmKind::TypeData)
        }
        InstrKind::Label(_) => false,
    })
}
