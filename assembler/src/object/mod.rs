//! Relocatable objects: the annotations lowered into the `linking` section (symbol table, segment
//! info, init functions, comdats), the `reloc.*` sections and `target_features`, following
//! tool-conventions `Linking.md` and `decisions.md`.
//!
//! The encoder has already written the module with every relocatable immediate padded and has
//! recorded where each one is; this module decides symbols and relocation types, checks the rules,
//! and appends the linking data. It is written by hand: wasm-encoder has no reloc sections and no
//! segment info, init functions, comdats, tag or section symbols.

mod symbols;
mod write;

use crate::ast::*;
use crate::diagnostic::Diagnostic;
use crate::encode::Encoded;
use crate::encode::code::ImmSite;
use crate::instructions::{ImmKind, Opcode};
use crate::linking::ImmRole;
use crate::linking::{self, ty};
use crate::resolve::{Resolved, same_id};
use crate::span::Span;
pub use symbols::{DataDef, Symbol, SymbolKind};
use symbols::{EntityKind, SymbolTable};

/// Symbol flags (`WASM_SYM_*`).
#[allow(missing_docs)]
pub mod flags {
    pub const BINDING_WEAK: u32 = 0x1;
    pub const BINDING_LOCAL: u32 = 0x2;
    pub const VISIBILITY_HIDDEN: u32 = 0x4;
    pub const UNDEFINED: u32 = 0x10;
    pub const EXPORTED: u32 = 0x20;
    pub const EXPLICIT_NAME: u32 = 0x40;
    pub const NO_STRIP: u32 = 0x80;
    pub const TLS: u32 = 0x100;
    pub const ABSOLUTE: u32 = 0x200;
}

/// One relocation entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reloc {
    /// The type (`R_WASM_*`).
    pub ty: u8,
    /// Offset in the target section's payload (custom sections: after the name).
    pub offset: u32,
    /// Symbol index, or the type index for `R_WASM_TYPE_INDEX_LEB`.
    pub index: u32,
    /// Addend (types with addends only).
    pub addend: i64,
    /// The annotation or instruction it comes from.
    pub span: Span,
}

/// Which section a group of relocations applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelocSection {
    /// `reloc.<name>`.
    pub name: String,
    /// Index of the target section.
    pub section: u32,
    /// Entries, sorted by offset.
    pub entries: Vec<Reloc>,
}

/// A data segment as the linking section describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentInfo {
    /// Name (`.data.x`, ...).
    pub name: String,
    /// Alignment as log2.
    pub align_log2: u32,
    /// `WASM_SEG_FLAG_*`.
    pub flags: u32,
}

/// A comdat with its members `(kind, index)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComdatInfo {
    /// Its name.
    pub name: String,
    /// Members: kind (0 data, 1 function, 5 section) and index.
    pub members: Vec<(u8, u32)>,
}

/// Everything the object adds to the module.
#[derive(Clone, Debug, Default)]
pub struct LinkingData {
    /// The symbol table.
    pub symbols: Vec<Symbol>,
    /// Segment info for every data segment.
    pub segments: Vec<SegmentInfo>,
    /// Init functions: (priority, symbol index).
    pub init_funcs: Vec<(u32, u32)>,
    /// Comdats.
    pub comdats: Vec<ComdatInfo>,
    /// `reloc.CODE`, `reloc.DATA`, `reloc.<custom>`.
    pub relocs: Vec<RelocSection>,
    /// Features for `target_features` (`+name`), unless the text gives the section.
    pub features: Vec<&'static str>,
    /// Relocation entry offsets as 5-byte LEBs (`(reloc-offset padded)`).
    pub padded_reloc_offsets: bool,
}

/// What [`write_object`] gives: the object bytes (when there is no error), the linking data and
/// the diagnostics.
pub type ObjectOutput = (Option<Vec<u8>>, LinkingData, Vec<Diagnostic>);

/// Lowers the annotations of an encoded module into linking data and appends the object's
/// sections. Returns the object bytes (when there is no error) and the diagnostics.
pub fn write_object(src: &str, module: &Module, resolved: &Resolved, encoded: &Encoded) -> ObjectOutput {
    write_object_with(src, module, resolved, encoded, CodeFacts::of_module(module))
}

/// [`write_object`] with the facts of the function bodies already gathered (by
/// [`CodeFacts::add_body`], in function order): the module's own bodies are not read, only
/// their relocation annotations ([`Expr::relocs`]).
pub fn write_object_with(
    src: &str,
    module: &Module,
    resolved: &Resolved,
    encoded: &Encoded,
    code: CodeFacts,
) -> ObjectOutput {
    let mut cx = Lowering::new(src, module, resolved, encoded, code);
    cx.run();
    let Lowering { diags, data, .. } = cx;
    if diags.iter().any(Diagnostic::is_error) {
        return (None, data, diags);
    }
    let bytes = write::object_bytes(encoded, &data);
    (Some(bytes), data, diags)
}

/// The state of one lowering.
pub(crate) struct Lowering<'a> {
    pub(crate) src: &'a str,
    pub(crate) module: &'a Module,
    pub(crate) encoded: &'a Encoded,
    pub(crate) diags: Vec<Diagnostic>,
    pub(crate) syms: SymbolTable,
    pub(crate) data: LinkingData,
    /// Defined functions in order: (function index, body).
    funcs: Vec<(u32, &'a Func)>,
    /// Data segments in index order.
    segments: Vec<Segment<'a>>,
    /// What the function bodies use and break.
    code: CodeFacts,
}

/// What the object needs to know of the function bodies beyond their relocations: found by one
/// pass over each body, which may run as soon as the body is parsed and resolved.
#[derive(Clone, Debug, Default)]
pub struct CodeFacts {
    /// `ref.func` in function bodies, for the table warnings.
    ref_funcs: Vec<(Span, Index)>,
    /// Features the bodies use (bits of [`CODE_FEATURES`]).
    features: u32,
    /// Constructs an object cannot express (A14).
    diags: Vec<Diagnostic>,
}

/// A data segment of the text.
pub(crate) struct Segment<'a> {
    pub(crate) span: Span,
    pub(crate) annot: Option<&'a SegAnnot>,
    pub(crate) items: &'a [DataItem],
    pub(crate) size: u64,
    pub(crate) tls: bool,
}

impl<'a> Lowering<'a> {
    fn new(
        src: &'a str,
        module: &'a Module,
        resolved: &'a Resolved,
        encoded: &'a Encoded,
        code: CodeFacts,
    ) -> Lowering<'a> {
        let _ = resolved;
        let mut funcs = Vec::new();
        let mut segments = Vec::new();
        let mut func_index = 0u32;
        for f in &module.fields {
            match f {
                ModuleField::Import(Import { item: ImportItem::Func(_), .. }) => func_index += 1,
                ModuleField::Func(func) => {
                    if func.header.import.is_none() {
                        funcs.push((func_index, func));
                    }
                    func_index += 1;
                }
                ModuleField::Memory(m) => {
                    if let Some(items) = &m.inline_data {
                        segments.push(Segment::new(m.span, None, items, None));
                    }
                }
                ModuleField::Data(d) => {
                    let offset = match &d.mode {
                        DataMode::Active { offset, .. } => Some(offset),
                        DataMode::Passive => None,
                    };
                    segments.push(Segment::new(d.span, d.segment.as_ref(), &d.items, offset));
                }
                _ => {}
            }
        }
        Lowering {
            src,
            module,
            encoded,
            diags: Vec::new(),
            syms: SymbolTable::default(),
            data: LinkingData::default(),
            funcs,
            segments,
            code,
        }
    }

    pub(crate) fn error(&mut self, span: Span, msg: impl Into<String>) -> &mut Diagnostic {
        self.diags.push(Diagnostic::error(span, msg));
        self.diags.last_mut().expect("just pushed")
    }

    pub(crate) fn warning(&mut self, span: Span, msg: impl Into<String>) -> &mut Diagnostic {
        self.diags.push(Diagnostic::warning(span, msg));
        self.diags.last_mut().expect("just pushed")
    }

    fn run(&mut self) {
        self.check_module();
        self.type_warnings();
        self.segment_info();
        self.collect_symbols();
        self.code_relocs();
        self.data_relocs();
        self.custom_relocs();
        self.finish_symbols();
        self.table_warnings();
        self.comdats();
        self.features();
        self.apply_symbol_flags();
        self.apply_layout_order();
        self.data.symbols = std::mem::take(&mut self.syms.symbols);
        for r in &mut self.data.relocs {
            r.entries.sort_by_key(|e| e.offset);
        }
        self.data.relocs.retain(|r| !r.entries.is_empty());
        self.apply_reloc_order();
        self.data.padded_reloc_offsets = self.module.layout.padded_reloc_offsets;
    }

    /// `(@relwat.layout (reloc-order ...))`: the listed `reloc.*` sections first, in that order.
    fn apply_reloc_order(&mut self) {
        let Some(order) = &self.module.layout.reloc_order else { return };
        let mut rest = std::mem::take(&mut self.data.relocs);
        let mut ordered = Vec::new();
        for r in order {
            let (name, span) = match r {
                RelocSectionRef::Code(span) => ("reloc.CODE".to_string(), *span),
                RelocSectionRef::Data(span) => ("reloc.DATA".to_string(), *span),
                RelocSectionRef::Custom(s) => (format!("reloc.{}", s.as_str()), s.span),
            };
            let found: Vec<usize> = rest.iter().enumerate().filter(|(_, x)| x.name == name).map(|(i, _)| i).collect();
            match found.as_slice() {
                [i] => ordered.push(rest.remove(*i)),
                [] => {
                    self.error(span, format!("`reloc-order` names a section without relocations (`{name}`)"));
                }
                _ => {
                    self.error(
                        span,
                        format!("`reloc-order`: several sections have relocations under the name `{name}`"),
                    );
                }
            }
        }
        ordered.append(&mut rest);
        self.data.relocs = ordered;
    }

    // ----- module-level rules

    /// Constructs an object cannot express (decisions.md A14, C3, C5).
    fn check_module(&mut self) {
        let module = self.module;
        let mut memory_count = 0;
        for f in &module.fields {
            match f {
                ModuleField::Start(s) => {
                    self.warning(s.span, "a start function is dropped by wasm-ld")
                        .notes
                        .push("help: call the function from a constructor (`(@sym (init_prio N))`) instead".into());
                }
                ModuleField::Memory(m) if m.header.import.is_none() => {
                    self.warning(m.span, "a defined memory is ignored by wasm-ld").notes.push(
                        "help: objects import their memory: `(import \"env\" \"__linear_memory\" (memory 1))`".into(),
                    );
                    memory_count += 1;
                }
                ModuleField::Memory(_) | ModuleField::Import(Import { item: ImportItem::Memory(_), .. }) => {
                    memory_count += 1;
                }
                ModuleField::Global(g) => self.const_expr_rules(&g.init, "a global's initializer"),
                ModuleField::Elem(e) => {
                    if let ElemMode::Active { offset, .. } = &e.mode {
                        self.const_expr_rules(offset, "an element segment's offset");
                    }
                    if let ElemItems::Exprs(_, items) = &e.items {
                        for item in items {
                            self.no_relocs_in(item, "an element segment's item");
                        }
                    }
                }
                ModuleField::Table(t) => match &t.init {
                    TableInit::Expr(e) => self.no_relocs_in(e, "a table's initializer"),
                    TableInit::Elems(ElemItems::Exprs(_, items)) => {
                        for item in items {
                            self.no_relocs_in(item, "an element segment's item");
                        }
                    }
                    _ => {}
                },
                ModuleField::Data(d) => {
                    if let DataMode::Active { offset, memory } = &d.mode {
                        self.const_expr_rules(offset, "a data segment's offset");
                        if memory.num != 0 {
                            self.warning(memory.span, "wasm-ld links objects into one memory: data in another memory")
                                .notes
                                .push("note: wasm-ld reads memory 0 only; the symbols of this segment are relocated as if it were in memory 0".into());
                        }
                    }
                }
                ModuleField::Custom(c) if c.name.as_str() == "linking" || c.name.as_str().starts_with("reloc.") => {
                    self.error(c.span, format!("an object's `{}` section is generated", c.name.as_str())).notes.push(
                        "help: describe symbols and relocations with `(@sym ...)` and `(@reloc ...)` annotations"
                            .into(),
                    );
                }
                _ => {}
            }
        }
        if memory_count > 1 {
            self.warning(module.span, "wasm-ld links objects with one memory (memory 0); this one has several")
                .notes
                .push("note: wasm-ld ignores every memory of an object but the imported memory 0".into());
        }
        self.diags.append(&mut self.code.diags);
    }

    /// D9: the types wasm-ld 22 cannot link, measured: it refuses struct and array types and
    /// tables of non-nullable references, and writes any other reference type than `funcref`,
    /// `externref` and `exnref` in a signature, global or table as an invalid type (0xff); it
    /// rewrites the initializer of every reference global but an `externref` one to
    /// `ref.null extern`.
    fn type_warnings(&mut self) {
        let module = self.module;
        let linkable = |t: &ValType| match t {
            ValType::Ref(r) => {
                r.nullable
                    && matches!(
                        r.heap,
                        HeapType::Abstract { shared: false, ty: AbsHeap::Func | AbsHeap::Extern | AbsHeap::Exn }
                    )
            }
            _ => true,
        };
        let invalid = "the linked module does not validate";
        let signature = |lowering: &mut Self, ft: &FuncType| {
            for p in ft.params.iter().chain(&ft.results).filter(|p| !linkable(&p.ty)) {
                lowering
                    .warning(
                        p.span,
                        format!(
                            "wasm-ld 22 writes `{}` in a signature as an invalid type (0xff)",
                            p.span.text(lowering.src)
                        ),
                    )
                    .notes
                    .push(format!(
                        "note: {invalid}; wasm-ld 22 links `funcref`, `externref` and `exnref` in signatures"
                    ));
            }
        };
        for f in &module.fields {
            match f {
                ModuleField::Types(g) => {
                    for t in &g.types {
                        match &t.ty.composite.kind {
                            CompositeKind::Func(ft) => signature(self, ft),
                            CompositeKind::Struct(_) | CompositeKind::Array(_) => {
                                self.warning(t.span, "wasm-ld 22 refuses an object with struct or array types")
                                    .notes
                                    .push("note: wasm-ld 22 says `unmodeled reference or GC types`".into());
                            }
                            CompositeKind::Cont(_) => {}
                        }
                    }
                }
                ModuleField::Func(Func { ty, .. })
                | ModuleField::Tag(Tag { ty, .. })
                | ModuleField::Import(Import {
                    item: ImportItem::Func(Func { ty, .. }) | ImportItem::Tag(Tag { ty, .. }),
                    ..
                }) if ty.index.is_none() => {
                    if let Some(ft) = &ty.inline {
                        signature(self, ft);
                    }
                }
                ModuleField::Global(g) | ModuleField::Import(Import { item: ImportItem::Global(g), .. }) => {
                    if let ValType::Ref(r) = g.ty.ty {
                        if !linkable(&g.ty.ty) {
                            self.warning(g.span, "wasm-ld 22 writes the type of this global as an invalid type (0xff)")
                                .notes
                                .push(format!("note: {invalid}"));
                        } else if !matches!(r.heap, HeapType::Abstract { ty: AbsHeap::Extern, .. }) {
                            self.warning(
                                g.span,
                                "wasm-ld 22 rewrites the initializer of this global to `ref.null extern`",
                            )
                            .notes
                            .push(format!("note: {invalid}; of the reference globals only `externref` ones link"));
                        }
                    }
                }
                ModuleField::Table(t) | ModuleField::Import(Import { item: ImportItem::Table(t), .. }) => {
                    let elem = ValType::Ref(t.ty.elem);
                    if !t.ty.elem.nullable {
                        self.warning(t.span, "wasm-ld 22 refuses a table of non-nullable references")
                            .notes
                            .push("note: wasm-ld 22 says `table section ended prematurely`".into());
                    } else if !linkable(&elem) {
                        self.warning(
                            t.span,
                            "wasm-ld 22 writes the element type of this table as an invalid type (0xff)",
                        )
                        .notes
                        .push(format!(
                            "note: {invalid}; wasm-ld 22 links tables of `funcref`, `externref` and `exnref`"
                        ));
                    }
                }
                _ => {}
            }
        }
    }

    /// Annotations in a constant expression: the object format has no relocation for them.
    fn no_relocs_in(&mut self, e: &Expr, what: &str) {
        for (_, _, r) in &e.relocs {
            self.error(r.span, format!("{what} cannot be relocated")).notes.push(
                "note: objects relocate code, data and custom sections only; a constant expression has no relocation"
                    .into(),
            );
        }
    }

    /// `global.get` and `ref.func` in constant expressions have no relocation (A14: a warning,
    /// D0), and no annotation there can be honoured (an error).
    fn const_expr_rules(&mut self, e: &Expr, what: &str) {
        self.no_relocs_in(e, what);
        for i in &e.instrs {
            if let InstrKind::Op(id, _) = &i.kind {
                let name = id.info().name;
                // The format holds it; wasm-ld keeps the index as it is (D0: a warning).
                if name == "global.get" || name == "ref.func" {
                    self.warning(i.span, format!("`{name}` in {what} is not relocated: wasm-ld keeps its index"))
                        .notes
                        .push(
                            "note: the linker renumbers globals and functions but has no relocation for constant expressions: the linked module may name another one"
                                .into(),
                        );
                }
            }
        }
    }

    // ----- segments

    fn segment_info(&mut self) {
        for i in 0..self.segments.len() {
            let seg = &self.segments[i];
            let mut info = SegmentInfo { name: String::new(), align_log2: 0, flags: 0 };
            let annot = seg.annot;
            let span = seg.span;
            let bss_nonzero =
                seg.items.iter().any(|it| matches!(it, DataItem::Bytes(s) if s.bytes.iter().any(|b| *b != 0)));
            if let Some(a) = annot {
                for (q, qspan) in &a.qualifiers {
                    match q {
                        SegQualifier::Align(n) => {
                            if n.is_power_of_two() {
                                info.align_log2 = n.trailing_zeros();
                            } else {
                                self.error(*qspan, format!("alignment {n} is not a power of two"))
                                    .notes
                                    .push("help: `(align N)` is in bytes: 1, 2, 4, 8, ...".into());
                            }
                        }
                        SegQualifier::Name(n) => info.name = n.as_str().to_string(),
                        SegQualifier::Strings => info.flags |= 1,
                        SegQualifier::Tls => info.flags |= 2,
                        SegQualifier::Retain => info.flags |= 4,
                    }
                }
            }
            if info.name.starts_with(".bss") && bss_nonzero {
                self.warning(span, format!("segment `{}` has non-zero bytes, which wasm-ld drops", info.name))
                    .notes
                    .push("note: wasm-ld zero-fills `.bss*` segments unless the memory is imported".into());
            }
            self.data.segments.push(info);
        }
    }

    // ----- code relocations

    fn code_relocs(&mut self) {
        let enc = self.encoded;
        let code_index = enc.sections.iter().position(|s| s.id == 10);
        let Some(code_index) = code_index else { return };
        let mut entries = Vec::new();
        let mut body = 0usize;
        // The annotated immediates that have a site, per body: an annotation without one is
        // reported, never dropped.
        let mut annotated: Vec<Vec<(u32, ImmSlot)>> = vec![Vec::new(); self.funcs.len()];
        for site in &enc.code_sites {
            while body + 1 < enc.func_bodies.len() && enc.func_bodies[body + 1].offset <= site.offset {
                body += 1;
            }
            let (_, func) = self.funcs[body];
            annotated[body].push((site.instr, site.slot));
            if let Some(r) = self.code_reloc(func, site) {
                entries.push(r);
            }
        }
        for (body, sites) in annotated.iter_mut().enumerate() {
            let (_, func) = self.funcs[body];
            if func.body.relocs.is_empty() {
                continue;
            }
            sites.sort_unstable();
            for (instr, slot, r) in &func.body.relocs {
                if sites.binary_search(&(*instr, *slot)).is_err() {
                    self.error(r.span, "this annotation follows no relocatable immediate")
                        .notes
                        .push("note: relocations apply to function, global, tag and table indices, to `i32.const` and `i64.const`, and to memory offsets".into());
                }
            }
        }
        self.data.relocs.push(RelocSection { name: "reloc.CODE".into(), section: code_index as u32, entries });
    }

    /// The relocation of one immediate in code, if it has one.
    fn code_reloc(&mut self, func: &'a Func, site: &ImmSite) -> Option<Reloc> {
        // Annotations are in instruction order: find this instruction's by binary search.
        let relocs = &func.body.relocs;
        let first = relocs.partition_point(|(i, _, _)| *i < site.instr);
        let annot = relocs[first..]
            .iter()
            .take_while(|(i, _, _)| *i == site.instr)
            .find(|(_, slot, _)| *slot == site.slot)
            .map(|(_, _, r)| r);
        if let Some(r) = annot
            && let Some(RelocTarget::None(_)) = &r.target
        {
            // A12: warn when written by hand; text printed by obj2wat carries a layout annotation.
            if self.module.layout.span.is_none() {
                self.warning(r.span, "`(@reloc none)` leaves this immediate unrelocated")
                    .notes
                    .push("note: the linker will not update it; this is meant for printing MVP objects".into());
            }
            return None;
        }
        let mnemonic = site.op.info().name;
        let (kind, ty) = match site.role {
            ImmRole::Type => {
                if let Some(r) = annot {
                    self.error(r.span, "type indices are relocated implicitly and take no annotation");
                    return None;
                }
                return Some(Reloc {
                    ty: ty::TYPE_INDEX_LEB,
                    offset: site.offset,
                    index: site.value as u32,
                    addend: 0,
                    span: site.span,
                });
            }
            ImmRole::Func => (EntityKind::Func, ty::FUNCTION_INDEX_LEB),
            ImmRole::Global => (EntityKind::Global, ty::GLOBAL_INDEX_LEB),
            ImmRole::Tag => (EntityKind::Tag, ty::TAG_INDEX_LEB),
            ImmRole::Table => (EntityKind::Table, ty::TABLE_NUMBER_LEB),
            ImmRole::I32Const | ImmRole::I64Const | ImmRole::MemOffset => {
                let r = annot?;
                return self.value_reloc(site, r, mnemonic);
            }
        };
        self.index_reloc(site, kind, ty, annot, mnemonic, site.span)
    }

    /// An index immediate: relocated against the entity's primary symbol or the annotated one.
    fn index_reloc(
        &mut self,
        site: &ImmSite,
        kind: EntityKind,
        ty: u8,
        annot: Option<&'a RelocAnnot>,
        mnemonic: &str,
        span: Span,
    ) -> Option<Reloc> {
        let entity = site.value as u32;
        let mut symbol = None;
        let mut ty = ty;
        let mut span = span;
        if let Some(r) = annot {
            span = r.span;
            if let Some((f, fspan)) = r.format {
                self.error(
                    fspan,
                    format!("the format of this relocation is fixed (`leb`); remove `{}`", linking::format_name(f)),
                );
                return None;
            }
            if let Some((_, mspan)) = r.modifier {
                self.error(mspan, "an index relocation takes no modifier");
                return None;
            }
            if let Some(a) = &r.addend {
                let aspan = match a {
                    Addend::Value(_, s) => *s,
                    Addend::Label(id) => id.span,
                };
                self.error(aspan, format!("{} has no addend", linking::name(ty)));
                return None;
            }
            // At a global index, `data` and `func` pick a GOT entry (A11).
            let sym_kind = match r.method {
                None => kind.symbol_kind(),
                Some((RelocMethod::Data, _)) if kind == EntityKind::Global => SymbolKind::Data,
                Some((RelocMethod::Func, _)) if kind == EntityKind::Global => SymbolKind::Function,
                Some((m, mspan)) => {
                    let d = self.error(
                        mspan,
                        format!("the method of this relocation is fixed; remove `{}`", linking::method_name(m)),
                    );
                    if kind == EntityKind::Global {
                        d.notes
                            .push("note: at a global index only `data` and `func` (GOT entries) may be written".into());
                    }
                    return None;
                }
            };
            match &r.target {
                Some(RelocTarget::Symbol(target)) => {
                    symbol = self.syms.lookup_symbol(self.src, sym_kind, kind, target);
                    if symbol.is_none() {
                        self.unknown_symbol(target, sym_kind);
                        return None;
                    }
                }
                Some(RelocTarget::Section(s)) => {
                    self.error(s.span, "a section name is only a target for `customtext`");
                    return None;
                }
                Some(RelocTarget::None(_)) => unreachable!("handled by the caller"),
                None => {
                    if sym_kind != kind.symbol_kind() {
                        self.error(r.span, "a GOT relocation needs the symbol it refers to");
                        return None;
                    }
                }
            }
        }
        if kind == EntityKind::Global
            && let Some(got) = self.syms.got_target(entity)
        {
            if mnemonic == "global.set" {
                self.error(span, "a GOT entry cannot be written: `global.set` of a `GOT.mem`/`GOT.func` import");
                return None;
            }
            symbol = symbol.or(Some(got));
        }
        let symbol = match symbol {
            Some(s) => s,
            None => {
                match self.syms.primary(kind, entity) {
                    Some(s) => s,
                    None => {
                        self.error(span, format!("{} {entity} has no symbol (`(@sym none)`) but this immediate needs a relocation", kind.name()))
                        .notes
                        .push("help: remove `(@sym none)` from its definition, or write `(@reloc none)` after the immediate".into());
                        return None;
                    }
                }
            }
        };
        if kind == EntityKind::Global && self.syms.symbols[symbol as usize].kind != SymbolKind::Global {
            ty = ty::GLOBAL_INDEX_LEB;
        }
        Some(Reloc { ty, offset: site.offset, index: symbol, addend: 0, span })
    }

    /// `i32.const N (@reloc leb global $x)`: R_WASM_GLOBAL_INDEX_LEB at a constant, as llvm-mc
    /// writes `i32.const x@GOT` (D4): `$x` is a global, or the data or function symbol whose GOT
    /// entry is meant.
    fn got_constant(&mut self, site: &ImmSite, r: &'a RelocAnnot) -> Option<Reloc> {
        if let Some((m, mspan)) = r.modifier {
            self.error(
                mspan,
                format!("R_WASM_GLOBAL_INDEX_LEB takes no modifier; remove `{}`", linking::modifier_name(m)),
            );
            return None;
        }
        if let Some(a) = &r.addend {
            let aspan = match a {
                Addend::Value(_, s) => *s,
                Addend::Label(id) => id.span,
            };
            self.error(aspan, "R_WASM_GLOBAL_INDEX_LEB has no addend");
            return None;
        }
        let target = match &r.target {
            Some(RelocTarget::Symbol(t)) if t.is_id(self.src) => t,
            _ => {
                self.error(r.span, "a GOT relocation at a constant needs the symbol it refers to")
                    .notes
                    .push("help: e.g. `i32.const 0 (@reloc leb global $x)`".into());
                return None;
            }
        };
        let symbol = self.got_symbol(target)?;
        if site.role == ImmRole::I64Const && i32::try_from(site.value as i64).is_err() {
            self.error(r.span, "the constant does not fit the 5-byte field of R_WASM_GLOBAL_INDEX_LEB")
                .notes
                .push("note: write a value in the 32-bit range (the linker replaces it)".into());
            return None;
        }
        Some(Reloc { ty: ty::GLOBAL_INDEX_LEB, offset: site.offset, index: symbol, addend: 0, span: r.span })
    }

    /// The symbol of a `global` relocation named by id: a global, or the data or function
    /// symbol whose GOT entry is meant (A11, D4).
    fn got_symbol(&mut self, target: &Index) -> Option<u32> {
        let found: Vec<u32> = [SymbolKind::Global, SymbolKind::Data, SymbolKind::Function]
            .into_iter()
            .filter_map(|k| self.syms.lookup_symbol(self.src, k, k.entity_kind().unwrap_or(EntityKind::Func), target))
            .collect();
        match found.as_slice() {
            [s] => Some(*s),
            [] => {
                self.unknown_symbol(target, SymbolKind::Global);
                None
            }
            _ => {
                self.error(target.span, format!("`{}` names symbols of several kinds", target.span.text(self.src)))
                    .notes
                    .push("note: a `global` relocation finds its symbol among globals, data and functions (GOT entries) by id".into());
                None
            }
        }
    }

    /// An annotated `i32.const`, `i64.const` or memory offset.
    fn value_reloc(&mut self, site: &ImmSite, r: &'a RelocAnnot, mnemonic: &str) -> Option<Reloc> {
        if matches!(site.role, ImmRole::I32Const | ImmRole::I64Const)
            && matches!(r.format, Some((RelocFormat::Leb, _)))
            && matches!(r.method, Some((RelocMethod::Global, _)))
        {
            return self.got_constant(site, r);
        }
        let memory64 = self.encoded_memory64();
        let (format, method_fixed) = match site.role {
            ImmRole::I32Const => (RelocFormat::Sleb, None),
            ImmRole::I64Const => (RelocFormat::Sleb64, None),
            _ => (if memory64 { RelocFormat::Leb64 } else { RelocFormat::Leb }, Some(RelocMethod::Data)),
        };
        // The relocated field has the width of its format: an offset that does not fit (which
        // only an unvalidated text can have) cannot be relocated.
        if site.len as u32 != linking::width(format) || (format == RelocFormat::Leb && site.value > u32::MAX as u64) {
            self.error(
                r.span,
                format!("this offset does not fit the {}-byte field of its relocation", linking::width(format)),
            )
            .notes
            .push("note: a 32-bit memory's offsets are below 2^32".into());
            return None;
        }
        if let Some((f, fspan)) = r.format {
            self.error(
                fspan,
                format!(
                    "the format of this relocation is fixed (`{}`); remove `{}`",
                    linking::format_name(format),
                    linking::format_name(f)
                ),
            );
            return None;
        }
        let method = match (method_fixed, r.method) {
            (Some(fixed), Some((m, mspan))) => {
                self.error(
                    mspan,
                    format!(
                        "the method of this relocation is fixed (`{}`); remove `{}`",
                        linking::method_name(fixed),
                        linking::method_name(m)
                    ),
                )
                .notes
                .push(format!("help: write `(@reloc $symbol)` after the offset of `{mnemonic}`"));
                return None;
            }
            (Some(fixed), None) => fixed,
            (None, Some((m @ (RelocMethod::Data | RelocMethod::FuncTable), _))) => m,
            (None, Some((m, mspan))) => {
                self.error(
                    mspan,
                    format!(
                        "`{mnemonic}` can be relocated with `data` or `functable`, not `{}`",
                        linking::method_name(m)
                    ),
                );
                return None;
            }
            (None, None) => {
                self.error(r.span, format!("the relocation of `{mnemonic}` needs a method: `data` or `functable`"))
                    .notes
                    .push("help: e.g. `i32.const 0 (@reloc data $x)`".into());
                return None;
            }
        };
        let modifier = r.modifier.map(|(m, _)| m);
        let Some(ty) = linking::lookup(format, method, modifier) else {
            self.no_reloc_type(r, format, method, modifier);
            return None;
        };
        self.finish_reloc(r, ty, site.offset)
    }

    fn encoded_memory64(&self) -> bool {
        self.module.fields.iter().find_map(|f| match f {
            ModuleField::Memory(m) | ModuleField::Import(Import { item: ImportItem::Memory(m), .. }) => {
                Some(m.ty.addr == AddrType::I64)
            }
            _ => None,
        }) == Some(true)
    }

    fn no_reloc_type(&mut self, r: &RelocAnnot, f: RelocFormat, m: RelocMethod, mo: Option<RelocModifier>) {
        let text = match mo {
            Some(mo) => {
                format!("{} {} {}", linking::format_name(f), linking::method_name(m), linking::modifier_name(mo))
            }
            None => format!("{} {}", linking::format_name(f), linking::method_name(m)),
        };
        self.error(r.span, format!("no relocation type for `{text}`"))
            .notes
            .push("note: decisions.md A1 lists the (format, method, modifier) combinations that exist".into());
    }

    /// Resolves the target and addend of an annotation with a known type. (Only memory offsets
    /// leave the method out; theirs is `data`.)
    fn finish_reloc(&mut self, r: &'a RelocAnnot, ty: u8, offset: u32) -> Option<Reloc> {
        let method = r.method.map_or(RelocMethod::Data, |(m, _)| m);
        let want = match method {
            RelocMethod::Func | RelocMethod::FuncTable | RelocMethod::FuncText => SymbolKind::Function,
            RelocMethod::Data => SymbolKind::Data,
            RelocMethod::Global => SymbolKind::Global,
            RelocMethod::Tag => SymbolKind::Tag,
            RelocMethod::Table => SymbolKind::Table,
            RelocMethod::CustomText => SymbolKind::Section,
        };
        let symbol = match (&r.target, want) {
            (Some(RelocTarget::Section(name)), SymbolKind::Section) => self.section_symbol(name)?,
            (Some(RelocTarget::Section(s)), _) => {
                self.error(s.span, "a section name is only a target for `customtext`");
                return None;
            }
            (Some(RelocTarget::Symbol(i)), SymbolKind::Section) => {
                self.error(i.span, "`customtext` names its section with a string")
                    .notes
                    .push("help: e.g. `(@reloc i32 customtext \".debug_str\" +12)`".into());
                return None;
            }
            // `global` also names the GOT entry of a data or function symbol (A11, D4).
            (Some(RelocTarget::Symbol(i)), SymbolKind::Global) if i.is_id(self.src) => self.got_symbol(i)?,
            (Some(RelocTarget::Symbol(i)), kind) => {
                let entity = kind.entity_kind();
                match self.syms.lookup_symbol(self.src, kind, entity.unwrap_or(EntityKind::Func), i) {
                    Some(s) => s,
                    None => {
                        self.unknown_symbol(i, kind);
                        return None;
                    }
                }
            }
            (Some(RelocTarget::None(_)), _) => return None,
            (None, _) => {
                self.error(r.span, "this relocation needs a symbol")
                    .notes
                    .push("help: name it after the method, e.g. `(@reloc i32 data $x)`".into());
                return None;
            }
        };
        let addend = match r.addend {
            None => 0,
            Some(Addend::Value(v, span)) => {
                if !linking::has_addend(ty) {
                    self.error(span, format!("{} has no addend", linking::name(ty)));
                    return None;
                }
                if !linking::addend_is_64(ty) && i32::try_from(v).is_err() {
                    self.error(span, "addend out of the 32-bit range of this relocation type");
                    return None;
                }
                v
            }
            Some(Addend::Label(id)) => self.label_addend(id, ty, symbol)?,
        };
        if !linking::known_to_llvm_22(ty) {
            self.warning(r.span, format!("{} comes with LLVM 23: LLVM 22's tools do not read it", linking::name(ty)))
                .notes
                .push(format!(
                    "note: wasm-ld-22 and llvm-readobj-22 reject the object (`invalid relocation type: {ty}`)"
                ));
        }
        Some(Reloc { ty, offset, index: symbol, addend, span: r.span })
    }

    fn unknown_symbol(&mut self, target: &Index, want: SymbolKind) {
        let text = target.span.text(self.src).to_string();
        if let Some(other) = self.syms.any_kind(self.src, target) {
            self.error(
                target.span,
                format!("`{text}` is a {} symbol, but this relocation needs a {} symbol", other.name(), want.name()),
            );
        } else {
            self.error(target.span, format!("unknown {} symbol `{text}`", want.name())).primary.message =
                "no symbol of this kind has this name".into();
        }
    }

    /// A label used as addend: function labels for `functext`, section labels for
    /// `customtext`, data labels (relative to the symbol) for `data` (A7).
    fn label_addend(&mut self, id: Id, ty: u8, symbol: u32) -> Option<i64> {
        let name = id.span.text(self.src);
        match ty {
            ty::FUNCTION_OFFSET_I32 | ty::FUNCTION_OFFSET_I64 => {
                let func = self.syms.symbols[symbol as usize].index;
                let Some(pos) = self.funcs.iter().position(|(i, _)| *i == func) else {
                    self.error(id.span, format!("label `{name}`: the function is not defined here"));
                    return None;
                };
                let labels = &self.encoded.func_bodies[pos].labels;
                if let Some((_, offset)) = labels.iter().find(|(l, _)| same_id(self.src, l.span, id.span)) {
                    return Some(*offset as i64);
                }
                self.error(id.span, format!("no label `{name}` in the target function"))
                    .notes
                    .push("note: function labels are local to the function they are in".into());
                None
            }
            ty::SECTION_OFFSET_I32 => {
                let section = self.syms.symbols[symbol as usize].index;
                let field = self.encoded.sections.get(section as usize).and_then(|s| s.field);
                if let Some(ModuleField::Custom(c)) = field.map(|f| &self.module.fields[f])
                    && let Some(off) = label_offset(self.src, &c.items, id)
                {
                    return Some(off as i64);
                }
                self.error(id.span, format!("no label `{name}` in the target section"));
                None
            }
            _ if matches!(self.syms.symbols[symbol as usize].kind, SymbolKind::Data) => {
                let sym = &self.syms.symbols[symbol as usize];
                let Some((segment, offset, _)) = sym.data_def() else {
                    self.error(id.span, "a label addend needs a defined data symbol");
                    return None;
                };
                match label_offset(self.src, self.segments[segment as usize].items, id) {
                    Some(l) => Some(l as i64 - offset as i64),
                    None => {
                        self.error(id.span, format!("no label `{name}` in the symbol's segment"))
                            .notes
                            .push("note: data labels are local to their segment".into());
                        None
                    }
                }
            }
            _ => {
                self.error(id.span, format!("{} takes no label addend", linking::name(ty)));
                None
            }
        }
    }

    // ----- data and custom-section relocations

    fn data_relocs(&mut self) {
        let Some(data_index) = self.encoded.sections.iter().position(|s| s.id == 11) else { return };
        let mut entries = Vec::new();
        for (i, seg) in self.segments.iter().enumerate() {
            let base = self.encoded.data_segments[i];
            let mut pos = 0u32;
            for item in seg.items {
                match item {
                    DataItem::Bytes(s) => pos += s.bytes.len() as u32,
                    DataItem::Reloc(r) => entries.push((base, pos, r, i)),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        for (base, pos, r, _) in entries {
            if let Some(rel) = self.field_reloc(r, base, pos) {
                out.push(rel);
            }
        }
        self.data.relocs.push(RelocSection { name: "reloc.DATA".into(), section: data_index as u32, entries: out });
    }

    fn custom_relocs(&mut self) {
        let sections = self.encoded.sections.clone();
        for (index, s) in sections.iter().enumerate() {
            let Some(field) = s.field else { continue };
            let ModuleField::Custom(c) = &self.module.fields[field] else { continue };
            let mut pos = 0u32;
            let mut out = Vec::new();
            for item in &c.items {
                match item {
                    DataItem::Bytes(b) => pos += b.bytes.len() as u32,
                    DataItem::Reloc(r) => {
                        if let Some(rel) = self.field_reloc(r, 0, pos) {
                            out.push(rel);
                        }
                    }
                    _ => {}
                }
            }
            if !out.is_empty() {
                self.data.relocs.push(RelocSection {
                    name: format!("reloc.{}", c.name.as_str()),
                    section: index as u32,
                    entries: out,
                });
            }
        }
    }

    /// A relocation among data or custom-section bytes: it covers the bytes right before it.
    fn field_reloc(&mut self, r: &'a RelocAnnot, base: u32, pos: u32) -> Option<Reloc> {
        let (Some((format, _)), Some((method, _))) = (r.format, r.method) else {
            self.error(r.span, "a relocation among bytes needs a format and a method")
                .notes
                .push("help: e.g. `\"\\00\\00\\00\\00\" (@reloc i32 data $x)`".into());
            return None;
        };
        let modifier = r.modifier.map(|(m, _)| m);
        let Some(ty) = linking::lookup(format, method, modifier) else {
            self.no_reloc_type(r, format, method, modifier);
            return None;
        };
        let width = linking::width(format);
        if pos < width {
            self.error(
                r.span,
                format!(
                    "a `{}` relocation covers the {width} bytes before it, but only {pos} precede it",
                    linking::format_name(format)
                ),
            );
            return None;
        }
        self.finish_reloc(r, ty, base + pos - width)
    }

    /// C3: element segments and `ref.func` are not linked by wasm-ld; a function gets into the
    /// table only through a `functable` relocation.
    fn table_warnings(&mut self) {
        let in_table: std::collections::HashSet<u32> = self
            .data
            .relocs
            .iter()
            .flat_map(|r| &r.entries)
            .filter(|e| linking::is_table_index(e.ty))
            .map(|e| self.syms.symbols[e.index as usize].index)
            .collect();
        let help = "note: wasm-ld does not link element segments; a function enters the table through a `functable` relocation, e.g. `i32.const 0 (@reloc functable $f)`";
        let mut warnings = Vec::new();
        // Element segments, and those written inline in a table (D7).
        let segments = self.module.fields.iter().filter_map(|f| match f {
            ModuleField::Elem(e) => Some((&e.items, e.span)),
            ModuleField::Table(Table { init: TableInit::Elems(items), span, .. }) => Some((items, *span)),
            _ => None,
        });
        for (items, segment_span) in segments {
            let funcs: Vec<Index> = match items {
                ElemItems::Funcs(fs) => fs.clone(),
                ElemItems::Exprs(_, exprs) => exprs
                    .iter()
                    .flat_map(|x| &x.instrs)
                    .filter_map(|i| match &i.kind {
                        InstrKind::Op(id, Imm::Index(f)) if id.info().name == "ref.func" => Some(*f),
                        _ => None,
                    })
                    .collect(),
            };
            for func in funcs.iter().filter(|f| !in_table.contains(&f.num)) {
                let span = if func.span.start < func.span.end { func.span } else { segment_span };
                warnings.push((
                    span,
                    format!(
                        "function {} is listed in an element segment but has no `functable` relocation",
                        func.span.text(self.src)
                    ),
                ));
            }
        }
        for (span, f) in &self.code.ref_funcs {
            if !in_table.contains(&f.num) {
                warnings.push((
                    *span,
                    format!("`ref.func {}`: the function has no `functable` relocation", f.span.text(self.src)),
                ));
            }
        }
        for (span, msg) in warnings {
            self.warning(span, msg).notes.push(help.into());
        }
    }

    /// `(@relwat.layout (symbol-order ...) (init-order ...))`: the symbol table and the init
    /// functions in a given order (obj2wat writes them to reproduce an object byte for byte).
    /// Symbols not listed follow the listed ones in their usual order.
    fn apply_layout_order(&mut self) {
        let layout = &self.module.layout;
        // Init functions first: their order names symbols by their indices before any reordering.
        if let Some(order) = &layout.init_order {
            let mut ordered = Vec::new();
            let mut rest = self.data.init_funcs.clone();
            for f in order {
                let found = self.syms.lookup_symbol(self.src, SymbolKind::Function, symbols::EntityKind::Func, f);
                match found.and_then(|sym| rest.iter().position(|(_, s)| *s == sym)) {
                    Some(i) => ordered.push(rest.remove(i)),
                    None => {
                        self.error(
                            f.span,
                            format!("`{}` is not an init function of this module", f.span.text(self.src)),
                        );
                    }
                }
            }
            ordered.extend(rest);
            self.data.init_funcs = ordered;
        }
        if let Some(order) = &layout.symbol_order {
            let n = self.syms.symbols.len();
            let mut placed = vec![false; n];
            let mut new_order: Vec<u32> = Vec::with_capacity(n);
            for r in order {
                let Some((index, span)) = self.layout_symbol(r) else { continue };
                if std::mem::replace(&mut placed[index as usize], true) {
                    self.error(span, "this symbol is listed twice in `symbol-order`");
                    continue;
                }
                new_order.push(index);
            }
            new_order.extend((0..n as u32).filter(|i| !placed[*i as usize]));
            let mut remap = vec![0u32; n];
            for (new, old) in new_order.iter().enumerate() {
                remap[*old as usize] = new as u32;
            }
            let old_symbols = std::mem::take(&mut self.syms.symbols);
            self.syms.symbols = new_order.iter().map(|i| old_symbols[*i as usize].clone()).collect();
            for r in &mut self.data.relocs {
                for e in &mut r.entries {
                    if e.ty != ty::TYPE_INDEX_LEB {
                        e.index = remap[e.index as usize];
                    }
                }
            }
            for (_, sym) in &mut self.data.init_funcs {
                *sym = remap[*sym as usize];
            }
        }
    }

    /// The symbol a `symbol-order` entry names.
    fn layout_symbol(&mut self, r: &SymbolRef) -> Option<(u32, Span)> {
        let (found, span, what) = match r {
            SymbolRef::Entity(kind, index) => {
                let (entity, sym) = match kind {
                    ExternKind::Func => (symbols::EntityKind::Func, SymbolKind::Function),
                    ExternKind::Global => (symbols::EntityKind::Global, SymbolKind::Global),
                    ExternKind::Table => (symbols::EntityKind::Table, SymbolKind::Table),
                    ExternKind::Tag => (symbols::EntityKind::Tag, SymbolKind::Tag),
                    ExternKind::Memory => {
                        self.error(index.span, "memories have no symbols");
                        return None;
                    }
                };
                (self.syms.lookup_symbol(self.src, sym, entity, index), index.span, sym.name())
            }
            SymbolRef::Data(index) => (
                self.syms.lookup_symbol(self.src, SymbolKind::Data, symbols::EntityKind::Func, index),
                index.span,
                "data",
            ),
            SymbolRef::Section(name) => {
                let found = self
                    .syms
                    .symbols
                    .iter()
                    .position(|s| s.kind == SymbolKind::Section && s.name == name.as_str())
                    .map(|i| i as u32);
                (found, name.span, "section")
            }
            SymbolRef::Any(index) => {
                let found = self.syms.lookup_any(self.src, index);
                if found.len() > 1 {
                    let kinds: Vec<&str> = found.iter().map(|&i| self.syms.symbols[i as usize].kind.name()).collect();
                    let id = index.span.text(self.src);
                    let spelled: Vec<String> = kinds.iter().map(|k| format!("`{} {id}`", kind_word(k))).collect();
                    self.error(index.span, format!("`{id}` names symbols of several kinds"))
                        .notes
                        .push(format!("help: name the kind: {}", spelled.join(" or ")));
                    return None;
                }
                (found.first().copied(), index.span, "")
            }
        };
        if found.is_none() {
            let what = if what.is_empty() { String::new() } else { format!("{what} ") };
            self.error(span, format!("no {what}symbol has this id"));
        }
        found.map(|i| (i, span))
    }

    /// `(@relwat.layout (symbol-flags $sym 0xNN) ...)`: symbols whose flags word is given
    /// exactly (D3). The flags that decide the encoding of the entry itself must stay as the
    /// text makes them: UNDEFINED (a definition or not; any flags on a section symbol) and, on
    /// undefined symbols whose name is not their import's field, EXPLICIT_NAME.
    fn apply_symbol_flags(&mut self) {
        let module = self.module;
        let mut given: Vec<(u32, Span)> = Vec::new();
        for entry in &module.layout.symbol_flags {
            let Some((index, span)) = self.layout_symbol(&entry.symbol) else { continue };
            if let Some((_, first)) = given.iter().find(|(i, _)| *i == index) {
                let first = *first;
                self.error(entry.span, "the flags of this symbol are given twice")
                    .secondary
                    .push(crate::diagnostic::Label { span: first, message: "first given here".into() });
                continue;
            }
            given.push((index, entry.span));
            let sym = &self.syms.symbols[index as usize];
            let have = sym.flags;
            let want = entry.flags;
            // A section symbol's entry is the same whatever its flags.
            if (have ^ want) & flags::UNDEFINED != 0 && sym.kind != SymbolKind::Section {
                let d = self.error(span, "`symbol-flags` cannot change UNDEFINED (0x10)");
                d.notes.push(format!(
                    "note: this symbol is {}; its flags must {} 0x10",
                    if have & flags::UNDEFINED != 0 { "an import" } else { "a definition" },
                    if have & flags::UNDEFINED != 0 { "include" } else { "leave out" }
                ));
                continue;
            }
            if have & flags::UNDEFINED != 0
                && have & flags::EXPLICIT_NAME != 0
                && want & flags::EXPLICIT_NAME == 0
                && sym.kind != SymbolKind::Data
            {
                self.error(span, "`symbol-flags` cannot clear EXPLICIT_NAME (0x40) of an import with `(name ...)`")
                    .notes
                    .push("note: without it the object has no place for the name; remove `(name ...)` instead".into());
                continue;
            }
            self.syms.symbols[index as usize].flags = want;
        }
    }

    // ----- comdats, features

    fn comdats(&mut self) {
        let module = self.module;
        let mut comdats: Vec<(Comdat, ComdatInfo)> = Vec::new();
        for f in &module.fields {
            if let ModuleField::Comdat(c) = f {
                if let Some((first, _)) = comdats.iter().find(|(d, _)| same_id(self.src, d.id.span, c.id.span)) {
                    let first = first.span;
                    self.error(c.id.span, "duplicate comdat id").primary.message = "defined again here".into();
                    self.diags
                        .last_mut()
                        .expect("pushed")
                        .secondary
                        .push(crate::diagnostic::Label { span: first, message: "first defined here".into() });
                    continue;
                }
                if c.name.bytes.is_empty() {
                    self.error(c.name.span, "a comdat name cannot be empty");
                }
                if comdats.iter().any(|(_, i)| i.name == c.name.as_str()) {
                    self.error(c.name.span, format!("duplicate comdat name `{}`", c.name.as_str()));
                }
                comdats.push((c.clone(), ComdatInfo { name: c.name.as_str().to_string(), members: Vec::new() }));
            }
        }
        let find = |src: &str, comdats: &[(Comdat, ComdatInfo)], i: &Index| -> Option<usize> {
            if i.is_id(src) {
                comdats.iter().position(|(c, _)| same_id(src, c.id.span, i.span))
            } else {
                Some(i.num as usize).filter(|n| *n < comdats.len())
            }
        };
        let mut owner: std::collections::HashMap<(u8, u32), Span> = std::collections::HashMap::new();
        let memberships = std::mem::take(&mut self.syms.comdat_members);
        for (member, comdat, span) in memberships {
            let Some(c) = find(self.src, &comdats, &comdat) else {
                self.error(comdat.span, format!("unknown comdat `{}`", comdat.span.text(self.src)));
                continue;
            };
            if let Some(first) = owner.insert(member, span)
                && first != span
            {
                self.error(span, "an entity can be in one comdat only");
                continue;
            }
            if !comdats[c].1.members.contains(&member) {
                comdats[c].1.members.push(member);
            }
        }
        let sections = self.encoded.sections.clone();
        for (index, s) in sections.iter().enumerate() {
            let Some(field) = s.field else { continue };
            let ModuleField::Custom(cs) = &self.module.fields[field] else { continue };
            for item in &cs.items {
                if let DataItem::Comdat(cd, span) = item {
                    match find(self.src, &comdats, cd) {
                        Some(c) => comdats[c].1.members.push((5, index as u32)),
                        None => {
                            self.error(*span, format!("unknown comdat `{}`", cd.span.text(self.src)));
                        }
                    }
                }
            }
        }
        // LLVM lists a comdat's data segments and custom sections before its functions.
        for (_, c) in &mut comdats {
            c.members.sort_by_key(|(kind, _)| *kind == 1);
        }
        self.data.comdats = comdats.into_iter().map(|(_, i)| i).collect();
    }

    /// Features the module uses, for `target_features` (C4).
    fn features(&mut self) {
        if self.encoded.late_customs.iter().any(|(n, _)| n == "target_features") {
            return;
        }
        let mut f: Vec<&'static str> = Vec::new();
        let add = |f: &mut Vec<&'static str>, name: &'static str| {
            if !f.contains(&name) {
                f.push(name);
            }
        };
        for field in &self.module.fields {
            if let ModuleField::Import(Import { item: ImportItem::Global(g), .. }) = field
                && g.ty.mutable
            {
                add(&mut f, "mutable-globals");
            }
        }
        if self.segments.iter().any(|s| s.tls) || self.data.segments.iter().any(|s| s.flags & 2 != 0) {
            add(&mut f, "atomics");
            add(&mut f, "bulk-memory");
        }
        for (bit, name) in CODE_FEATURES.iter().enumerate() {
            if self.code.features & (1 << bit) != 0 {
                add(&mut f, name);
            }
        }
        f.sort_unstable();
        self.data.features = f;
    }
}

impl CodeFacts {
    /// The facts of the bodies of `module`'s defined functions.
    pub fn of_module(module: &Module) -> CodeFacts {
        let mut code = CodeFacts::default();
        for field in &module.fields {
            if let ModuleField::Func(f) = field
                && f.header.import.is_none()
            {
                code.add_body(f, &f.body);
            }
        }
        code
    }

    /// The facts of one body: `body`, of the defined function `f` (see [`CodeFacts::add_body`]).
    pub fn of_body(f: &Func, body: &Expr) -> CodeFacts {
        let mut code = CodeFacts::default();
        code.add_body(f, body);
        code
    }

    /// Moves every source range by `delta` bytes (facts of a body whose function now stands
    /// elsewhere in an edited text).
    pub fn shift(&mut self, delta: i64) {
        for (span, index) in &mut self.ref_funcs {
            *span = span.moved(delta);
            index.span = index.span.moved(delta);
        }
        for d in &mut self.diags {
            d.shift(delta);
        }
    }

    /// Reads the body `body` of the defined function `f` (which may be held apart from `f`).
    /// Segment indices and second memories in code have no relocation (A14); the same pass notes
    /// `ref.func` (for the table warnings) and the features the code uses (for `target_features`):
    /// bodies are most of a module, so they are read once.
    pub fn add_body(&mut self, f: &Func, body: &Expr) {
        let ref_func = crate::instructions::lookup("ref.func").expect("in the table");
        if f.ty.inline.as_ref().is_some_and(|t| t.results.len() > 1) {
            self.features |= feature_bit("multivalue");
        }
        // D9: type indices outside `call_indirect` and block types have no relocation, and
        // wasm-ld 22 keeps them as they are.
        let concrete =
            |t: &ValType| matches!(t, ValType::Ref(RefType { heap: HeapType::Concrete(_) | HeapType::Exact(_), .. }));
        if let Some(l) = f.locals.iter().find(|l| concrete(&l.ty)) {
            self.diags.push(unrenumbered_type(l.span));
        }
        for i in &body.instrs {
            let InstrKind::Op(id, imm) = &i.kind else { continue };
            let info = id.info();
            self.features |= instr_features(info, imm);
            let typed = match imm {
                Imm::Index(_) => info.imm == ImmKind::Type,
                Imm::Index2(..) | Imm::TypeCount(..) => {
                    matches!(
                        info.imm,
                        ImmKind::TypeField
                            | ImmKind::TypeData
                            | ImmKind::TypeElem
                            | ImmKind::TypeType
                            | ImmKind::TypeCount
                    )
                }
                Imm::HeapType(h) => matches!(h, HeapType::Concrete(_) | HeapType::Exact(_)),
                Imm::RefType(r) => concrete(&ValType::Ref(*r)),
                Imm::BrOnCast(b) => concrete(&ValType::Ref(b.1)) || concrete(&ValType::Ref(b.2)),
                Imm::Select(Some(ts)) => ts.iter().any(concrete),
                _ => false,
            };
            if typed {
                self.diags.push(unrenumbered_type(i.span));
            }
            if *id == ref_func
                && let Imm::Index(func) = imm
            {
                self.ref_funcs.push((i.span, *func));
            }
            let segment_use = matches!(info.imm, ImmKind::MemoryInit | ImmKind::Data | ImmKind::TypeData)
                || matches!(info.imm, ImmKind::TableInit | ImmKind::Elem | ImmKind::TypeElem);
            if segment_use {
                // The format holds it (llvm-mc writes it); wasm-ld mishandles it (D0: a warning).
                let d = Diagnostic::warning(
                    i.span,
                    format!("`{}` names a segment by index, which wasm-ld does not renumber", info.name),
                );
                self.diags.push(d.with_note(
                    "the linker renumbers data and element segments and has no relocation for their indices: the linked code may name another segment",
                ));
                continue;
            }
            let memories: &[&Index] = match imm {
                Imm::MemArg(m) | Imm::MemArgLane(m, _) => &[&m.memory],
                Imm::Index(m) if info.imm == ImmKind::Memory => &[m],
                Imm::Index2(a, b) if info.imm == ImmKind::MemoryCopy => &[a, b],
                _ => &[],
            };
            if let Some(m) = memories.iter().find(|m| m.num != 0) {
                let span = if m.span.start < m.span.end { m.span } else { i.span };
                self.diags.push(
                    Diagnostic::warning(span, "wasm-ld links objects with one memory: this names another").with_note(
                        "the linked code keeps this memory index, which names no memory of the linked module",
                    ),
                );
            }
        }
    }

    /// The diagnostics of the constructs an object cannot express.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diags
    }

    /// Whether the bodies read so far break a rule.
    pub fn has_diagnostics(&self) -> bool {
        !self.diags.is_empty()
    }

    /// Adds the facts of later bodies.
    pub fn append(&mut self, mut later: CodeFacts) {
        self.ref_funcs.append(&mut later.ref_funcs);
        self.features |= later.features;
        self.diags.append(&mut later.diags);
    }
}

/// The features instructions can use, for `target_features`; [`instr_features`] gives bits
/// of this list.
const CODE_FEATURES: &[&str] = &[
    "relaxed-simd",
    "simd128",
    "atomics",
    "gc",
    "nontrapping-fptoint",
    "bulk-memory",
    "reference-types",
    "wide-arithmetic",
    "sign-ext",
    "exception-handling",
    "tail-call",
    "call-indirect-overlong",
    "bulk-memory-opt",
    "multivalue",
    "fp16",
];

/// The bit of `name` in [`CODE_FEATURES`].
fn feature_bit(name: &str) -> u32 {
    1 << CODE_FEATURES.iter().position(|f| *f == name).expect("a code feature")
}

/// The features an instruction uses, as bits of [`CODE_FEATURES`].
fn instr_features(info: &crate::instructions::InstrInfo, imm: &Imm) -> u32 {
    let feature = match info.opcode {
        op if crate::instructions::is_fp16(op) => 14,
        Opcode::Prefixed(0xfd, n) if n >= 0x100 => 0,
        Opcode::Prefixed(0xfd, _) => 1,
        Opcode::Prefixed(0xfe, _) => 2,
        Opcode::Prefixed(0xfb, _) => 3,
        Opcode::Prefixed(0xfc, 0..=7) => 4,
        Opcode::Prefixed(0xfc, 8..=14) => 5,
        Opcode::Prefixed(0xfc, 15..=17) => 6,
        Opcode::Prefixed(0xfc, 19..=22) => 7,
        Opcode::Byte(0xc0..=0xc4) => 8,
        Opcode::Byte(0x06..=0x0a | 0x18 | 0x19 | 0x1f) => 9,
        Opcode::Byte(0x12 | 0x13 | 0x15) => 10,
        Opcode::Byte(0x25 | 0x26 | 0xd0..=0xd2 | 0x1c) => 6,
        _ => u32::MAX,
    };
    let mut bits = if feature == u32::MAX { 0 } else { 1 << feature };
    if matches!(info.imm, ImmKind::CallIndirect | ImmKind::Table | ImmKind::TableCopy) {
        bits |= 1 << 11;
    }
    if matches!(info.opcode, Opcode::Prefixed(0xfc, 10 | 11)) {
        bits |= 1 << 12;
    }
    if let Imm::Block(bt) = imm
        && bt.ty.resolved != u32::MAX
    {
        bits |= 1 << 13;
    }
    bits
}

impl<'a> Segment<'a> {
    fn new(
        span: Span,
        annot: Option<&'a SegAnnot>,
        items: &'a [DataItem],
        mode_offset: Option<&'a Expr>,
    ) -> Segment<'a> {
        let size = items.iter().map(|i| if let DataItem::Bytes(s) = i { s.bytes.len() as u64 } else { 0 }).sum();
        let tls = annot.is_some_and(|a| a.qualifiers.iter().any(|(q, _)| *q == SegQualifier::Tls));
        let _ = mode_offset;
        Segment { span, annot, items, size, tls }
    }
}

/// D9: a type index in code that has no relocation (only `call_indirect` and block types have).
fn unrenumbered_type(span: Span) -> Diagnostic {
    Diagnostic::warning(span, "wasm-ld 22 does not renumber this type index").with_note(
        "objects relocate the type indices of `call_indirect` and block types only: in the linked module this one may name another type",
    )
}

/// The layout keyword of a symbol kind, by its [`SymbolKind::name`].
fn kind_word(name: &str) -> &str {
    if name == "function" { "func" } else { name }
}

/// The byte offset of label `id` among `items`.
fn label_offset(src: &str, items: &[DataItem], id: Id) -> Option<u64> {
    let mut pos = 0u64;
    for item in items {
        match item {
            DataItem::Bytes(s) => pos += s.bytes.len() as u64,
            DataItem::Label(l, _) if same_id(src, l.span, id.span) => return Some(pos),
            _ => {}
        }
    }
    None
}
