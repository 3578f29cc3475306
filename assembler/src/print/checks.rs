//! What the text cannot say: the `linking` section's form, sections not encoded as relwat
//! writes them, and how the `reloc.*` sections are written and ordered (the layout entries they
//! need, or a warning).

use super::*;

impl<'a> Printer<'a> {
    /// Known sections (other than code) that relwat would encode otherwise.
    pub(super) fn check_sections(&mut self) {
        let obj = self.obj;
        for sec in &obj.sections {
            if sec.id == 0 {
                if sec.contents - sec.payload.start != crate::leb::uleb_len(sec.name.len() as u64) + sec.name.len() {
                    self.warn_at(
                        Some(sec.payload.start),
                        format!(
                            "the name of custom section `{}` has a padded length (relwat writes it minimal)",
                            sec.name
                        ),
                    );
                }
                continue;
            }
            if sec.id == 10 {
                if let Some(at) = canonical::code_framing_difference(&obj.bytes[sec.payload.clone()]) {
                    self.warn_at(
                        Some(sec.payload.start + at),
                        "a count or a local type in the code section is not written as relwat writes it (a padded LEB or another form)",
                    );
                }
                continue;
            }
            if let Some(at) = canonical::first_difference(sec.id, &obj.bytes[sec.payload.clone()]) {
                self.warn_at(
                    Some(sec.payload.start + at),
                    format!(
                        "the {} section is not encoded as relwat writes its contents (a padded LEB or another form)",
                        canonical::section_name(sec.id)
                    ),
                );
            }
        }
    }

    /// What of the `linking` section the text cannot express.
    pub(super) fn check_linking(&mut self) {
        let linking = self.linking();
        let ids: Vec<u8> = linking.subsections.iter().map(|(id, _, _)| *id).collect();
        let mut want = Vec::new();
        if !linking.symbols.is_empty() {
            want.push(8);
        }
        if linking.segments.as_ref().is_some_and(|s| !s.is_empty()) {
            want.push(5);
        }
        if !linking.init_funcs.is_empty() {
            want.push(6);
        }
        if !linking.comdats.is_empty() {
            want.push(7);
        }
        if ids != want {
            self.warn_at(None, format!("linking subsections {ids:?}; relwat writes {want:?}"));
        }
        let sec = &self.obj.sections[linking.section];
        if let Some((what, at)) = read::linking_non_minimal(&self.obj.bytes[sec.contents..sec.payload.end]) {
            self.warn_at(Some(sec.contents + at), format!("{what} (relwat writes it minimal)"));
        }
        let nsegs = self.obj.data.len();
        match &linking.segments {
            Some(s) if s.len() != nsegs => {
                self.warn_at(None, format!("segment info for {} of {nsegs} segments (relwat writes all)", s.len()));
            }
            None if nsegs > 0 => self.warn_at(None, "no segment info (relwat writes it for every segment)"),
            _ => {}
        }
        // Sizes: LLVM pads every section size (and subsection size) to 5 bytes.
        let widths: Vec<usize> = self.obj.sections.iter().map(|s| s.size_len).collect();
        let padded = widths.iter().all(|w| *w == 5) && linking.subsections.iter().all(|(_, w, _)| *w == 5);
        let minimal = self.obj.sections.iter().all(|s| s.size_len == crate::leb::uleb_len((s.payload.len()) as u64))
            && linking.subsections.iter().all(|(_, w, size)| *w == crate::leb::uleb_len(*size as u64));
        if padded {
            self.layout.push("(section-size padded)".into());
        } else if !minimal {
            self.warn_at(
                None,
                "section and linking subsection sizes are neither all minimal nor all padded to 5 bytes",
            );
        }
        for b in &self.obj.bodies {
            if b.size_len != crate::leb::uleb_len((b.range.len()) as u64) {
                self.warn_at(Some(b.range.start), "a function body size is padded (relwat writes it minimal)");
            }
        }
        // relwat writes DataCount when code needs it; the option makes it unconditional.
        if self.obj.datacount.is_some() {
            self.layout.push("(datacount always)".into());
        }
        if !self.obj.sections.iter().any(|s| s.id == 0 && s.name == "target_features") {
            self.layout.push("(target-features none)".into());
        }
        if let Some(c) = self.obj.datacount
            && c as usize != nsegs
        {
            self.warn_at(None, format!("DataCount is {c} but there are {nsegs} data segments"));
        }
    }

    /// Indexes the code relocations by absolute offset; checks every reloc section.
    pub(super) fn relocs_index(&mut self) -> Result<(), PrintError> {
        let obj = self.obj;
        let nsyms = self.syms.len();
        let mut seen_targets = HashSet::default();
        for r in &obj.relocs {
            let Some(target) = obj.section_of(r.target) else {
                return Err(PrintError {
                    message: format!("`{}` applies to section {}, which does not exist", r.name, r.target),
                    offset: None,
                });
            };
            if !seen_targets.insert(r.target) {
                self.warn_at(None, format!("a second reloc section for section {}", r.target));
            }
            let expected = match target.id {
                10 => "reloc.CODE".to_string(),
                11 => "reloc.DATA".to_string(),
                0 => format!("reloc.{}", target.name),
                id => {
                    return Err(PrintError {
                        message: format!(
                            "`{}` applies to section {} (id {id}); only code, data and custom sections can be relocated",
                            r.name, r.target
                        ),
                        offset: None,
                    });
                }
            };
            if r.name != expected {
                self.warn_at(None, format!("reloc section `{}` is written by relwat as `{expected}`", r.name));
            }
            let base = if target.id == 0 { target.contents } else { target.payload.start };
            let mut last = 0;
            for (i, e) in r.entries.iter().enumerate() {
                let ty = e.ty;
                let width = e.extent();
                let end = base as u64 + e.offset as u64 + width as u64;
                if end > target.payload.end as u64 {
                    return Err(PrintError {
                        message: format!(
                            "relocation {i} of `{}` at offset 0x{:x} reaches past the end of its section",
                            r.name, e.offset
                        ),
                        offset: None,
                    });
                }
                if e.offset < last {
                    self.warn_at(None, format!("relocations of `{}` are not sorted by offset", r.name));
                } else if i > 0 && e.offset == last {
                    // The text orders them by where they end, relwat by offset: their order
                    // would depend on their widths.
                    self.warn_at(None, format!("two relocations of `{}` at offset 0x{:x}", r.name, e.offset));
                }
                last = e.offset;
                if ty != linking::ty::TYPE_INDEX_LEB && e.index as usize >= nsyms {
                    return Err(PrintError {
                        message: format!(
                            "relocation {i} of `{}` refers to symbol {}, but there are {nsyms}",
                            r.name, e.index
                        ),
                        offset: None,
                    });
                }
            }
            if target.id == 10 {
                for e in &r.entries {
                    self.code_relocs.insert(base + e.offset as usize, self.code_entries.len());
                    self.code_entries.push(*e);
                }
            }
        }
        self.code_used = vec![false; self.code_entries.len()];
        self.reloc_layout();
        Ok(())
    }

    /// How the `reloc.*` sections are written and ordered, where relwat's defaults differ.
    pub(super) fn reloc_layout(&mut self) {
        let obj = self.obj;
        for r in &obj.relocs {
            if r.entries.is_empty() {
                self.warn_at(None, format!("`{}` has no entries (relwat writes no empty reloc section)", r.name));
            }
            if !r.minimal_fields {
                self.warn_at(
                    None,
                    format!("`{}` has padded LEBs besides the entry offsets (relwat writes them minimal)", r.name),
                );
            }
        }
        let offsets: Vec<bool> = obj.relocs.iter().filter_map(|r| r.padded_offsets).collect();
        let mixed = obj.relocs.iter().any(|r| !r.entries.is_empty() && r.padded_offsets.is_none());
        if mixed || (offsets.contains(&true) && offsets.contains(&false)) {
            self.warn_at(None, "relocation offsets are neither all minimal nor all 5-byte LEBs");
        } else if offsets.contains(&true) {
            self.layout.push("(reloc-offset padded)".into());
        }
        // relwat writes `linking` after the last known section and before every `reloc.*`.
        let linking_at = self.linking().section;
        if let Some(r) = obj.relocs.iter().find(|r| r.section < linking_at) {
            self.warn_at(None, format!("`{}` stands before `linking` (relwat writes it after)", r.name));
        }
        if let Some(s) = obj.sections[linking_at..].iter().find(|s| s.id != 0) {
            self.warn_at(
                None,
                format!("`linking` stands before section {} (relwat writes it after the last known section)", s.id),
            );
        }
        // relwat writes reloc.CODE, reloc.DATA, then the custom sections' in section order.
        let key = |r: &read::RelocInfo| match obj.sections.get(r.target).map(|s| s.id) {
            Some(10) => 0,
            Some(11) => 1,
            _ => 2 + r.target,
        };
        let order: Vec<&read::RelocInfo> = obj.relocs.iter().filter(|r| !r.entries.is_empty()).collect();
        if order.windows(2).all(|w| key(w[0]) < key(w[1])) {
            return;
        }
        let mut s = String::from("(reloc-order");
        for r in &order {
            match key(r) {
                0 => s.push_str(" code"),
                1 => s.push_str(" data"),
                _ => {
                    let name = obj.sections[r.target].name.as_str();
                    if obj.sections.iter().filter(|x| x.id == 0 && x.name == name).count() > 1 {
                        self.warn_at(None, format!("`{}` applies to one of several custom sections named `{name}`, which `reloc-order` cannot tell apart", r.name));
                    }
                    s.push(' ');
                    text::string(&mut s, name.as_bytes());
                }
            }
        }
        s.push(')');
        self.layout.push(s);
    }
}
