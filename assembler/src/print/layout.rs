//! The `(@relwat.layout ...)` annotation: the byte-level choices of the object that differ from
//! relwat's defaults.

use super::*;

impl<'a> Printer<'a> {
    /// The `(@relwat.layout ...)` options about order and flags.
    pub(super) fn layout_options(&mut self) {
        for &i in &self.natural_sections.clone() {
            self.exact_flags(i, LOCAL);
        }
        if self.obj.datacount.is_none() && self.names_data_segment {
            self.layout.push("(datacount none)".into());
        }
        let sections = std::mem::take(&mut self.natural_sections);
        self.natural.extend(sections);
        let n = self.syms.len();
        let printable: Vec<usize> = (0..n).filter(|&i| self.syms[i].role != Role::Lost).collect();
        if printable.len() != n {
            self.warn_at(None, format!("{} symbols cannot be written", n - printable.len()));
        }
        if self.natural != printable {
            // Symbols left out of the list follow the listed ones in relwat's order: list only
            // up to the longest tail of the table that is already in that order.
            let mut pos = vec![usize::MAX; n];
            for (p, &i) in self.natural.iter().enumerate() {
                pos[i] = p;
            }
            let mut keep = printable.len();
            while keep > 0 && (keep == printable.len() || pos[printable[keep - 1]] < pos[printable[keep]]) {
                keep -= 1;
            }
            let mut s = String::from("(symbol-order");
            let mut open: Option<SymbolKind> = None;
            let mut col = 0;
            for &i in &printable[..keep] {
                let k = self.syms[i].kind;
                if open != Some(k) {
                    if open.is_some() {
                        s.push(')');
                    }
                    s.push_str("\n      (");
                    s.push_str(k.word());
                    open = Some(k);
                    col = 7 + k.word().len();
                }
                let t = &self.syms[i].text;
                if col + 1 + t.len() > 100 {
                    s.push_str("\n        ");
                    col = 8;
                } else {
                    s.push(' ');
                    col += 1;
                }
                s.push_str(t);
                col += t.len();
            }
            if open.is_some() {
                s.push(')');
            }
            s.push(')');
            self.layout.push(s);
        }
        // Comdat members: relwat lists them in the order of the symbols that name the comdat,
        // then the custom sections, and then moves the functions last.
        let mut members: Vec<Vec<(u8, u32)>> = vec![Vec::new(); self.comdat_ids.len()];
        for &i in &self.natural {
            if let Some(&(c, kind, index)) = self.comdat_carriers.get(&i)
                && !members[c].contains(&(kind, index))
            {
                members[c].push((kind, index));
            }
        }
        // The custom sections as printed, in section order (a member that names no custom
        // section is not printed, and the comparison below reports it).
        let mut sections = self.printed_section_comdats.clone();
        sections.sort();
        for (si, c) in sections {
            members[c].push((5, si as u32));
        }
        // As LLVM, relwat puts data segments and custom sections before functions.
        for m in &mut members {
            m.sort_by_key(|(kind, _)| *kind == 1);
        }
        for (c, comdat) in self.linking().comdats.iter().enumerate() {
            let object = &comdat.members;
            if *object != members[c] {
                self.warn_at(
                    None,
                    format!("comdat `{}` lists its members as {object:?}; relwat writes {:?}", comdat.name, members[c]),
                );
            }
        }
        // Flags no annotation gives (D3), in symbol-table order; the kind is written when the
        // id also names a symbol of another kind.
        let mut exact = std::mem::take(&mut self.exact_flags);
        exact.sort_unstable();
        exact.dedup();
        if !exact.is_empty() {
            let mut kinds_of: HashMap<&str, HashSet<SymbolKind>> = HashMap::default();
            for s in self.syms.iter().filter(|s| s.role != Role::Lost && s.kind != SymbolKind::Section) {
                kinds_of.entry(s.text.as_str()).or_default().insert(s.kind);
            }
            let mut entries = Vec::new();
            for i in exact {
                let s = &self.syms[i];
                let kind =
                    if s.kind == SymbolKind::Section || kinds_of.get(s.text.as_str()).is_some_and(|k| k.len() > 1) {
                        format!("{} ", s.kind.word())
                    } else {
                        String::new()
                    };
                entries.push(format!("(symbol-flags {kind}{} 0x{:x})", s.text, s.flags));
            }
            self.layout.extend(entries);
        }
        // Init functions: relwat lists them in the order it creates their symbols.
        let natural_init: Vec<usize> = self.natural.iter().copied().filter(|i| self.init.contains_key(i)).collect();
        let object_init: Vec<usize> = self.linking().init_funcs.iter().map(|(_, s)| *s as usize).collect();
        if natural_init != object_init {
            let mut s = String::from("(init-order");
            for i in &object_init {
                s.push(' ');
                s.push_str(&self.syms[*i].text);
            }
            s.push(')');
            self.layout.push(s);
        }
    }
}
