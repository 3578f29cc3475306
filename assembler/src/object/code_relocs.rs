//! Relocations in code: each relocatable immediate's type, symbol and addend, from its role and
//! its `(@reloc ...)` annotation.

use super::*;

impl<'a> Lowering<'a> {
    pub(super) fn code_relocs(&mut self) {
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
    pub(super) fn code_reloc(&mut self, func: &'a Func, site: &ImmSite) -> Option<Reloc> {
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
        let index_role = !matches!(site.role, ImmRole::I32Const | ImmRole::I64Const | ImmRole::MemOffset);
        if index_role && site.value == Index::UNRESOLVED as u64 && annot.is_none() {
            // An unknown id (an error already): no entity, so no symbol to relocate against.
            return None;
        }
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
    pub(super) fn index_reloc(
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
                    match symbol {
                        Some(s) => self.symbol_used(target.span, s),
                        None => {
                            self.unknown_symbol(target, sym_kind);
                            return None;
                        }
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
    pub(super) fn got_constant(&mut self, site: &ImmSite, r: &'a RelocAnnot) -> Option<Reloc> {
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
    pub(super) fn got_symbol(&mut self, target: &Index) -> Option<u32> {
        let found: Vec<u32> = [SymbolKind::Global, SymbolKind::Data, SymbolKind::Function]
            .into_iter()
            .filter_map(|k| self.syms.lookup_symbol(self.src, k, k.entity_kind().unwrap_or(EntityKind::Func), target))
            .collect();
        match found.as_slice() {
            [s] => {
                self.symbol_used(target.span, *s);
                Some(*s)
            }
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
    pub(super) fn value_reloc(&mut self, site: &ImmSite, r: &'a RelocAnnot, mnemonic: &str) -> Option<Reloc> {
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

    pub(super) fn no_reloc_type(&mut self, r: &RelocAnnot, f: RelocFormat, m: RelocMethod, mo: Option<RelocModifier>) {
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
    pub(super) fn finish_reloc(&mut self, r: &'a RelocAnnot, ty: u8, offset: u32) -> Option<Reloc> {
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
                    Some(s) => {
                        self.symbol_used(i.span, s);
                        s
                    }
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

    pub(super) fn unknown_symbol(&mut self, target: &Index, want: SymbolKind) {
        // Its declaration's error is the one to fix.
        if self.syms.declared_with_error(self.src, target) {
            return;
        }
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
    pub(super) fn label_addend(&mut self, id: Id, ty: u8, symbol: u32) -> Option<i64> {
        let name = id.span.text(self.src);
        match ty {
            ty::FUNCTION_OFFSET_I32 | ty::FUNCTION_OFFSET_I64 => {
                let func = self.syms.symbols[symbol as usize].index;
                let Some(pos) = self.funcs.iter().position(|(i, _)| *i == func) else {
                    self.error(id.span, format!("label `{name}`: the function is not defined here"));
                    return None;
                };
                let labels = &self.encoded.func_bodies[pos].labels;
                if let Some(&(label, offset)) = labels.iter().find(|(l, _)| same_id(self.src, l.span, id.span)) {
                    self.name_used(id.span, label.span);
                    return Some(offset as i64);
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
                    && let Some((off, label)) = label_offset(self.src, &c.items, id)
                {
                    self.name_used(id.span, label);
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
                    Some((l, label)) => {
                        self.name_used(id.span, label);
                        Some(l as i64 - offset as i64)
                    }
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
}
