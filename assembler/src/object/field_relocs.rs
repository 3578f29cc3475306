//! Relocations among the bytes of data segments and custom sections, and the warnings about
//! function-table entries without a relocation.

use super::*;

impl<'a> Lowering<'a> {
    pub(super) fn data_relocs(&mut self) {
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

    pub(super) fn custom_relocs(&mut self) {
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
    pub(super) fn field_reloc(&mut self, r: &'a RelocAnnot, base: u32, pos: u32) -> Option<Reloc> {
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
    pub(super) fn table_warnings(&mut self) {
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
}
