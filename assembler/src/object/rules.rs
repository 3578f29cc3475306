//! The module-level rules of objects (decisions.md section D: what wasm-ld would refuse is a
//! warning), the rules of constant expressions, and the segment info.

use super::*;

impl<'a> Lowering<'a> {
    /// `(data $msg (i32.const 0) "hello\00")` with no `(@sym ...)`: the id names the segment in
    /// this text only, and C's `extern char msg[]` finds no symbol. Written by hand (obj2wat's
    /// text, with its layout annotation, names every segment), an active segment with an id and
    /// no symbol gets a warning with the annotation that defines the symbol.
    fn segment_id_is_no_symbol(&mut self, d: &'a Data) {
        let Some(id) = d.id else { return };
        if self.module.layout.span.is_some()
            || !matches!(d.mode, DataMode::Active { .. })
            || d.items.iter().any(|i| matches!(i, DataItem::Sym(_)))
        {
            return;
        }
        let Some(first) = d.items.iter().find_map(|i| match i {
            DataItem::Bytes(b) => Some(b.span),
            _ => None,
        }) else {
            return;
        };
        let size: usize = d.items.iter().map(|i| if let DataItem::Bytes(b) = i { b.bytes.len() } else { 0 }).sum();
        let text = id.span.text(self.src);
        let w = self.warning(id.span, format!("data segment `{text}` defines no symbol"));
        w.primary.message = "names the segment in this text only".into();
        w.secondary.push(crate::diagnostic::Label { span: first, message: "its bytes".into() });
        w.notes.push(format!("note: C's `extern` declarations and `(@reloc data {text})` need a data symbol"));
        w.notes.push(format!("help: write `(@sym {text} (size {size}))` before its bytes"));
    }

    /// Constructs an object cannot express (decisions.md A14, C3, C5).
    pub(super) fn check_module(&mut self) {
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
                    self.segment_id_is_no_symbol(d);
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
    pub(super) fn type_warnings(&mut self) {
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
    pub(super) fn no_relocs_in(&mut self, e: &Expr, what: &str) {
        for (_, _, r) in &e.relocs {
            self.error(r.span, format!("{what} cannot be relocated")).notes.push(
                "note: objects relocate code, data and custom sections only; a constant expression has no relocation"
                    .into(),
            );
        }
    }

    /// `global.get` and `ref.func` in constant expressions have no relocation (A14: a warning,
    /// D0), and no annotation there can be honoured (an error).
    pub(super) fn const_expr_rules(&mut self, e: &Expr, what: &str) {
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

    pub(super) fn segment_info(&mut self) {
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
}
