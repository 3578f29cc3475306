//! The `(@relwat.layout ...)` entries that order or flag what the object writer made: the order
//! of the `reloc.*` sections and of the symbols, and exact symbol flags.

use super::*;

impl<'a> Lowering<'a> {
    /// `(@relwat.layout (reloc-order ...))`: the listed `reloc.*` sections first, in that order.
    pub(super) fn apply_reloc_order(&mut self) {
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

    /// `(@relwat.layout (symbol-order ...) (init-order ...))`: the symbol table and the init
    /// functions in a given order (obj2wat writes them to reproduce an object byte for byte).
    /// Symbols not listed follow the listed ones in their usual order.
    pub(super) fn apply_layout_order(&mut self) {
        let layout = &self.module.layout;
        // Init functions first: their order names symbols by their indices before any reordering.
        if let Some(order) = &layout.init_order {
            let mut ordered = Vec::new();
            let mut rest = self.data.init_funcs.clone();
            for f in order {
                let found = self.syms.lookup_symbol(self.src, SymbolKind::Function, symbols::EntityKind::Func, f);
                if let Some(sym) = found {
                    self.symbol_used(f.span, sym);
                }
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
    pub(super) fn layout_symbol(&mut self, r: &SymbolRef) -> Option<(u32, Span)> {
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
        if let Some(sym) = found {
            self.symbol_used(span, sym);
        }
        found.map(|i| (i, span))
    }

    /// `(@relwat.layout (symbol-flags $sym 0xNN) ...)`: symbols whose flags word is given
    /// exactly (D3). The flags that decide the encoding of the entry itself must stay as the
    /// text makes them: UNDEFINED (a definition or not; any flags on a section symbol) and, on
    /// undefined symbols whose name is not their import's field, EXPLICIT_NAME.
    pub(super) fn apply_symbol_flags(&mut self) {
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
}
