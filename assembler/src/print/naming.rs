//! The printer's names: entities with their import and export status, the symbols they get
//! (and the ids the text gives them), and the names of everything else.

use super::*;

impl<'a> Printer<'a> {
    /// Entities with their import and export status.
    pub(super) fn entities(&mut self) {
        let obj = self.obj;
        for (i, imp) in obj.imports.iter().enumerate() {
            let Some(kind) = extern_kind(&imp.ty).entity() else { continue };
            self.ents[kind].push(Entity { import: Some(i), ..Entity::default() });
        }
        for _ in &obj.func_types {
            self.ents[EntityKind::Func].push(Entity::default());
        }
        for _ in &obj.globals {
            self.ents[EntityKind::Global].push(Entity::default());
        }
        for _ in &obj.tables {
            self.ents[EntityKind::Table].push(Entity::default());
        }
        for _ in &obj.tags {
            self.ents[EntityKind::Tag].push(Entity::default());
        }
        for e in &obj.exports {
            if let Some(k) = exported_entity(e.kind)
                && let Some(ent) = self.ents[k].get_mut(e.index as usize)
            {
                ent.exported = true;
            }
        }
    }

    pub(super) fn import_field(&self, kind: SymbolKind, index: u32) -> Option<&'a str> {
        let imp = self.ents[entity(kind)].get(index as usize)?.import?;
        Some(self.obj.imports[imp].name)
    }

    pub(super) fn is_got(&self, kind: SymbolKind, index: u32) -> bool {
        kind == SymbolKind::Global
            && self.ents[EntityKind::Global]
                .get(index as usize)
                .and_then(|e| e.import)
                .is_some_and(|i| matches!(self.obj.imports[i].module, "GOT.mem" | "GOT.func"))
    }

    /// Reads the symbol table into [`Sym`]s and sorts them onto entities and segments.
    pub(super) fn symbols(&mut self) -> Result<(), PrintError> {
        let linking = self.linking();
        let nsegs = self.obj.data.len();
        for (i, s) in linking.symbols.iter().enumerate() {
            let (flags, name) = (s.flags, s.name);
            let (kind, index, data) = match s.kind {
                0 => (SymbolKind::Function, s.index, None),
                2 => (SymbolKind::Global, s.index, None),
                5 => (SymbolKind::Table, s.index, None),
                4 => (SymbolKind::Tag, s.index, None),
                1 => (SymbolKind::Data, s.data.map_or(0, |d| d.0), s.data.map(|d| (d.1, d.2))),
                _ => (SymbolKind::Section, s.index, None),
            };
            let name = match (kind, name) {
                (_, Some(n)) => n.to_string(),
                (SymbolKind::Section, None) => {
                    self.obj.section_of(index as usize).map(|s| s.name.clone()).unwrap_or_default()
                }
                (_, None) => self.import_field(kind, index).unwrap_or("").to_string(),
            };
            let mut sym = Sym { kind, flags, name, index, data, role: Role::Lost, text: String::new() };
            match kind {
                SymbolKind::Function | SymbolKind::Global | SymbolKind::Table | SymbolKind::Tag => {
                    let n = self.ents[entity(kind)].len();
                    if index as usize >= n {
                        return Err(PrintError {
                            message: format!(
                                "symbol {i} (`{}`) refers to {} {index}, but there are only {n}",
                                sym.name,
                                kind.word()
                            ),
                            offset: None,
                        });
                    }
                    let imported = self.ents[entity(kind)][index as usize].import.is_some();
                    if imported != (flags & UNDEFINED != 0) {
                        self.warn_at(
                            None,
                            format!(
                                "symbol {i} (`{}`): UNDEFINED is {} but the {} is {}",
                                sym.name,
                                if flags & UNDEFINED != 0 { "set" } else { "clear" },
                                kind.word(),
                                if imported { "imported" } else { "defined" }
                            ),
                        );
                    }
                    if self.is_got(kind, index) {
                        self.warn_at(
                            None,
                            format!("symbol {i} (`{}`) names a GOT import, which has no symbol in relwat", sym.name),
                        );
                    }
                }
                SymbolKind::Data => {
                    if let Some((off, _)) = data {
                        if flags & ABSOLUTE != 0 {
                            sym.role = Role::DataImport;
                            if index != 0 {
                                self.warn_at(
                                    None,
                                    format!("absolute symbol `{}` has segment {index} (relwat writes 0)", sym.name),
                                );
                            }
                        } else if (index as usize) < nsegs {
                            // A symbol may reach past its segment's end (D2); it must start in it.
                            let seg_len = self.obj.data[index as usize].data.len() as u64;
                            if off <= seg_len {
                                sym.role = Role::Data;
                            }
                        } else {
                            return Err(PrintError {
                                message: format!(
                                    "data symbol `{}` is in segment {index}, but there are only {nsegs}",
                                    sym.name
                                ),
                                offset: None,
                            });
                        }
                    } else {
                        sym.role = Role::DataImport;
                    }
                }
                SymbolKind::Section => {
                    if self.obj.section_of(index as usize).is_none_or(|s| s.id != 0) {
                        self.warn_at(
                            None,
                            format!("section symbol {i} refers to section {index}, which is not a custom section"),
                        );
                    } else if self.obj.section_of(index as usize).is_some_and(|s| {
                        s.name == "linking"
                            || s.name.starts_with("reloc.")
                            || matches!(s.name.as_str(), "name" | "producers" | "target_features")
                    }) {
                        self.warn_at(
                            None,
                            format!("section symbol {i} refers to a section relwat generates or places itself"),
                        );
                    } else if self.syms.iter().any(|s| s.kind == SymbolKind::Section && s.index == index) {
                        self.warn_at(
                            None,
                            format!("a second section symbol for section {index} (relwat writes one per section)"),
                        );
                    } else {
                        sym.role = Role::Section;
                    }
                }
            }
            self.syms.push(sym);
        }
        // Primary and extra symbols of each entity.
        for kind in [SymbolKind::Function, SymbolKind::Global, SymbolKind::Table, SymbolKind::Tag] {
            let mut by_entity: Vec<Vec<usize>> = vec![Vec::new(); self.ents[entity(kind)].len()];
            for (i, s) in self.syms.iter().enumerate() {
                if s.kind == kind {
                    by_entity[s.index as usize].push(i);
                }
            }
            for (e, list) in by_entity.into_iter().enumerate() {
                if list.is_empty() {
                    continue;
                }
                let exported = self.ents[entity(kind)][e].exported;
                let primary =
                    list.iter().copied().find(|&s| (self.syms[s].flags & EXPORTED != 0) == exported).unwrap_or(list[0]);
                self.syms[primary].role = Role::Primary;
                for &s in &list {
                    if s != primary {
                        self.syms[s].role = Role::Extra;
                        if self.syms[s].flags & EXPORTED != 0 {
                            let n = self.syms[s].name.clone();
                            self.warn_at(
                                None,
                                format!("symbol `{n}` is EXPORTED but is not its entity's primary symbol"),
                            );
                        }
                    }
                }
                let ent = &mut self.ents[entity(kind)][e];
                ent.primary = Some(primary);
                ent.extras = list.into_iter().filter(|&s| s != primary).collect();
            }
        }
        // Data symbols by segment (by offset, then table order) and data imports.
        for (i, s) in self.syms.iter().enumerate() {
            match s.role {
                Role::Data => self.seg_syms[s.index as usize].push(i),
                Role::DataImport => self.data_imports.push(i),
                _ => {}
            }
        }
        for list in &mut self.seg_syms {
            let syms = &self.syms;
            list.sort_by_key(|&i| syms[i].data.map_or(0, |d| d.0));
        }
        // Init functions and comdats.
        for &(prio, sym) in &linking.init_funcs {
            match self.syms.get(sym as usize) {
                Some(s) if s.kind == SymbolKind::Function && matches!(s.role, Role::Primary | Role::Extra) => {
                    self.init.entry(sym as usize).or_default().push(prio)
                }
                _ => {
                    return Err(PrintError {
                        message: format!("init function entry refers to symbol {sym}, which is not a function symbol"),
                        offset: None,
                    });
                }
            }
        }
        for (ci, c) in linking.comdats.iter().enumerate() {
            if c.flags != 0 {
                self.warn_at(None, format!("comdat `{}` has flags {} (relwat writes 0)", c.name, c.flags));
            }
            for &(kind, index) in &c.members {
                let dup = match kind {
                    1 => self.func_comdat.insert(index, ci).is_some(),
                    0 => self.seg_comdat.insert(index, ci).is_some(),
                    5 => {
                        self.section_comdat.entry(index as usize).or_default().push(ci);
                        false
                    }
                    _ => {
                        let what = ["", "", "global", "tag", "table"][kind as usize];
                        self.warn_at(
                            None,
                            format!("comdat `{}` has a {what} member, which relwat cannot write", c.name),
                        );
                        false
                    }
                };
                if dup {
                    self.warn_at(None, format!("an entity is in two comdats (`{}`)", c.name));
                }
            }
        }
        Ok(())
    }

    /// Ids for types, entities, extra symbols, data symbols, segments, comdats.
    pub(super) fn names(&mut self) {
        let obj = self.obj;
        let mut taken: HashSet<String> = HashSet::default();
        for (i, ft) in obj.type_sigs.iter().enumerate() {
            let n = unique(&mut taken, &type_name(ft.as_ref(), i), "t");
            self.type_ids.push(text::id(&n));
        }
        let prefixes = ["f", "g", "tab", "tag"];
        for k in EntityKind::ALL {
            let kind = k.symbol_kind();
            let mut taken: HashSet<String> = HashSet::default();
            // Primaries first, so that they keep the clean names.
            for e in 0..self.ents[k].len() {
                let want = match (self.ents[k][e].primary, self.ents[k][e].import) {
                    (Some(p), _) => self.syms[p].name.clone(),
                    (None, Some(imp)) if self.is_got(kind, e as u32) => {
                        format!("{}.{}", obj.imports[imp].module, obj.imports[imp].name)
                    }
                    (None, Some(imp)) => obj.imports[imp].name.to_string(),
                    (None, None) => String::new(),
                };
                let n = unique(&mut taken, &want, &format!("{}{e}", prefixes[k.slot()]));
                self.ents[k][e].id = text::id(&n);
                if let Some(p) = self.ents[k][e].primary {
                    self.syms[p].text = self.ents[k][e].id.clone();
                }
            }
            for e in 0..self.ents[k].len() {
                for x in self.ents[k][e].extras.clone() {
                    let n = unique(&mut taken, &self.syms[x].name.clone(), &format!("{}{e}.alias", prefixes[k.slot()]));
                    self.syms[x].text = text::id(&n);
                }
            }
        }
        let mut taken: HashSet<String> = HashSet::default();
        for i in 0..self.syms.len() {
            match self.syms[i].role {
                Role::Data | Role::DataImport => {
                    let n = unique(&mut taken, &self.syms[i].name.clone(), &format!("d{i}"));
                    self.syms[i].text = text::id(&n);
                }
                Role::Section => {
                    let mut s = String::new();
                    text::string(&mut s, self.syms[i].name.as_bytes());
                    self.syms[i].text = s;
                }
                _ => {}
            }
        }
        let mut taken: HashSet<String> = HashSet::default();
        let names: Vec<String> = self
            .linking()
            .segments
            .as_ref()
            .map(|s| s.iter().map(|s| s.name.to_string()).collect())
            .unwrap_or_default();
        for i in 0..obj.data.len() {
            let want = names.get(i).cloned().unwrap_or_default();
            let n = unique(&mut taken, &want, &format!("seg{i}"));
            self.seg_ids.push(text::id(&n));
        }
        let mut taken: HashSet<String> = HashSet::default();
        for c in &self.linking().comdats {
            let n = unique(&mut taken, c.name, "comdat");
            self.comdat_ids.push(text::id(&n));
        }
        // GOT imports: the symbol relwat picks for each (the first with the field's name).
        for (g, ent) in self.ents[EntityKind::Global].iter().enumerate() {
            let Some(imp) = ent.import else { continue };
            let imp = &obj.imports[imp];
            let kind = match imp.module {
                "GOT.mem" => SymbolKind::Data,
                "GOT.func" => SymbolKind::Function,
                _ => continue,
            };
            let found = self.syms.iter().position(|s| s.kind == kind && s.name == imp.name && s.role != Role::Lost);
            self.got.insert(g as u32, found);
            if found.is_none() {
                self.warnings.push(format!(
                    "`{}` import `{}` has no {} symbol of that name (relwat would make one)",
                    imp.module,
                    imp.name,
                    kind.word()
                ));
            }
        }
    }
}
