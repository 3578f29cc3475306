//! Comdats and the `target_features` section.

use super::*;

impl<'a> Lowering<'a> {
    pub(super) fn comdats(&mut self) {
        let module = self.module;
        // Each comdat with the annotation that declares it (rwat's named ones: their first use).
        let mut comdats: Vec<(Span, ComdatInfo)> = Vec::new();
        for f in &module.fields {
            if let ModuleField::Comdat(c) = f {
                if let Some(&(first, _)) =
                    comdats.iter().find(|(_, d)| d.id.is_some_and(|id| same_id(self.src, id, c.id.span)))
                {
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
                comdats.push((
                    c.span,
                    ComdatInfo { name: c.name.as_str().to_string(), id: Some(c.id.span), members: Vec::new() },
                ));
            }
        }
        let find = |src: &str, comdats: &[(Span, ComdatInfo)], i: &Index| -> Option<usize> {
            if i.is_id(src) {
                comdats.iter().position(|(_, c)| c.id.is_some_and(|id| same_id(src, id, i.span)))
            } else {
                Some(i.num as usize).filter(|n| *n < comdats.len())
            }
        };
        // (comdat, member, where it is said), from ids and then from rwat's names.
        let mut joins: Vec<(usize, (u8, u32), Span)> = Vec::new();
        for (member, comdat, span) in std::mem::take(&mut self.syms.comdat_members) {
            let Some(c) = find(self.src, &comdats, &comdat) else {
                self.error(comdat.span, format!("unknown comdat `{}`", comdat.span.text(self.src)));
                continue;
            };
            if let Some(id) = comdats[c].1.id {
                self.name_used(comdat.span, id);
            }
            joins.push((c, member, span));
        }
        // rwat's comdats named by their names (D12): the declared one of that name, or a new one.
        for (member, name, span) in std::mem::take(&mut self.syms.comdats_by_name) {
            let c = match comdats.iter().position(|(_, i)| i.name == name) {
                Some(c) => c,
                None => {
                    comdats.push((span, ComdatInfo { name, id: None, members: Vec::new() }));
                    comdats.len() - 1
                }
            };
            joins.push((c, member, span));
        }
        let mut owner: std::collections::HashMap<(u8, u32), Span> = std::collections::HashMap::new();
        for (c, member, span) in joins {
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
                        Some(c) => {
                            if let Some(id) = comdats[c].1.id {
                                self.name_used(cd.span, id);
                            }
                            comdats[c].1.members.push((5, index as u32));
                        }
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
    pub(super) fn features(&mut self) {
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
