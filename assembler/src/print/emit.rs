//! One emitter per kind of module field: types, comdats, imports, functions, tables, memories,
//! tags, globals, data imports, exports, element and data segments, custom sections.

use super::*;

impl<'a> Printer<'a> {
    pub(super) fn emit_types(&mut self) {
        let obj = self.obj;
        let mut index = 0usize;
        for g in &obj.rec_groups {
            let explicit = g.is_explicit_rec_group();
            if explicit {
                self.out.push_str("\n  (rec");
            }
            for st in g.types() {
                let mut s = String::new();
                let _ = write!(s, "(type {} ", self.type_ids[index]);
                let c = &st.composite_type;
                let sub = !st.is_final || !st.supertype_idxs.is_empty();
                if sub {
                    s.push_str("(sub ");
                    if st.is_final {
                        s.push_str("final ");
                    }
                    if let Some(sup) = st.supertype_idxs.first().and_then(|i| i.as_module_index()) {
                        let _ = write!(s, "{} ", self.type_ref(sup));
                    }
                }
                if c.shared {
                    s.push_str("(shared ");
                }
                if let Some(d) = c.describes_idx.and_then(|i| i.as_module_index()) {
                    let _ = write!(s, "(describes {}) ", self.type_ref(d));
                }
                if let Some(d) = c.descriptor_idx.and_then(|i| i.as_module_index()) {
                    let _ = write!(s, "(descriptor {}) ", self.type_ref(d));
                }
                match &c.inner {
                    CompositeInnerType::Func(ft) => {
                        s.push_str("(func");
                        self.func_sig(&mut s, ft);
                        s.push(')');
                    }
                    CompositeInnerType::Struct(st) => {
                        s.push_str("(struct");
                        for f in st.fields.iter() {
                            s.push_str(" (field ");
                            if f.mutable {
                                s.push_str("(mut ");
                                text::storage(&mut s, f.element_type, self);
                                s.push(')');
                            } else {
                                text::storage(&mut s, f.element_type, self);
                            }
                            s.push(')');
                        }
                        s.push(')');
                    }
                    CompositeInnerType::Array(a) => {
                        s.push_str("(array ");
                        if a.0.mutable {
                            s.push_str("(mut ");
                            text::storage(&mut s, a.0.element_type, self);
                            s.push(')');
                        } else {
                            text::storage(&mut s, a.0.element_type, self);
                        }
                        s.push(')');
                    }
                    CompositeInnerType::Cont(ct) => {
                        let t = ct.0.as_module_index().map_or("0".into(), |i| self.type_ref(i));
                        let _ = write!(s, "(cont {t})");
                    }
                }
                if c.shared {
                    s.push(')');
                }
                if sub {
                    s.push(')');
                }
                s.push(')');
                if explicit {
                    self.out.push_str("\n    ");
                    self.out.push_str(&s);
                } else {
                    self.line(&s);
                }
                index += 1;
            }
            if explicit {
                self.out.push(')');
            }
        }
    }

    pub(super) fn emit_comdats(&mut self) {
        for (i, c) in self.linking().comdats.iter().enumerate() {
            let mut s = format!("(@comdat {} ", self.comdat_ids[i]);
            text::string(&mut s, c.name.as_bytes());
            s.push(')');
            self.line(&s);
        }
    }

    /// Whether the id of symbol `sym` also names a symbol of another of the kinds a `global`
    /// relocation looks among (globals, data, functions: GOT entries).
    pub(super) fn got_id_clash(&self, sym: usize) -> bool {
        let s = &self.syms[sym];
        let got_kind = |k: SymbolKind| matches!(k, SymbolKind::Global | SymbolKind::Data | SymbolKind::Function);
        self.syms.iter().enumerate().any(|(j, o)| j != sym && o.text == s.text && o.kind != s.kind && got_kind(o.kind))
    }

    /// Notes symbol `i` for `(symbol-flags ...)` when its flags are not `implied`, those the
    /// text gives it otherwise (D3).
    pub(super) fn exact_flags(&mut self, i: usize, implied: u32) {
        if self.syms[i].flags != implied {
            self.exact_flags.push(i);
        }
    }

    /// `(@sym ...)` annotations of an entity (primary, then extras), or `(@sym none)`.
    pub(super) fn entity_syms(&mut self, kind: SymbolKind, index: u32) -> String {
        let ent = self.ents[entity(kind)][index as usize].clone();
        let mut s = String::new();
        let Some(p) = ent.primary else {
            if !self.is_got(kind, index) {
                s.push_str(" (@sym none)");
            }
            return s;
        };
        let imported = ent.import.is_some();
        let mut default = if imported { UNDEFINED } else { 0 };
        if ent.exported {
            default |= EXPORTED | NO_STRIP;
        }
        let id_name = decode_id_text(&ent.id);
        let quals = self.qualifiers(p, default, imported, &id_name, kind == SymbolKind::Function);
        if !quals.is_empty() {
            let _ = write!(s, " (@sym{quals})");
        }
        self.natural.push(p);
        for x in ent.extras {
            let default = if imported { UNDEFINED } else { 0 };
            let id_name = decode_id_text(&self.syms[x].text);
            let quals = self.qualifiers(x, default, imported, &id_name, kind == SymbolKind::Function);
            let _ = write!(s, " (@sym {}{quals})", self.syms[x].text);
            self.natural.push(x);
        }
        s
    }

    /// The qualifiers (each with a leading space) that turn the default symbol into symbol `i`.
    pub(super) fn qualifiers(
        &mut self,
        i: usize,
        default: u32,
        imported: bool,
        id_name: &str,
        is_func: bool,
    ) -> String {
        let sym = self.syms[i].clone();
        let f = sym.flags;
        let mut q = String::new();
        // The flags relwat gives the symbol from the text written here.
        let mut implied = binding_qualifiers(f, default, &mut q);
        let mut name_q = false;
        if imported {
            if f & EXPLICIT_NAME != 0 {
                name_q = true;
                implied |= EXPLICIT_NAME;
            }
        } else if sym.name != id_name {
            name_q = true;
        }
        if name_q {
            q.push_str(" (name ");
            text::string(&mut q, sym.name.as_bytes());
            q.push(')');
        }
        self.exact_flags(i, implied);
        // One `(init_prio N)` per entry, in the object's order (D1).
        for p in self.init.get(&i).into_iter().flatten() {
            let _ = write!(q, " (init_prio {p})");
        }
        if is_func
            && !imported
            && self.ents[EntityKind::Func][sym.index as usize].primary == Some(i)
            && let Some(&c) = self.func_comdat.get(&sym.index)
        {
            let _ = write!(q, " (comdat {})", self.comdat_ids[c]);
            self.comdat_carriers.insert(i, (c, 1, sym.index));
        }
        q
    }

    pub(super) fn emit_import(&mut self, i: usize) {
        let obj = self.obj;
        let imp = &obj.imports[i];
        let index = self.import_index[i];
        let mut s = String::from("(import ");
        text::string(&mut s, imp.module.as_bytes());
        s.push(' ');
        text::string(&mut s, imp.name.as_bytes());
        s.push(' ');
        match imp.ty {
            TypeRef::Func(t) | TypeRef::FuncExact(t) => {
                let syms = self.entity_syms(SymbolKind::Function, index);
                let id = &self.ents[EntityKind::Func][index as usize].id;
                let tu = self.type_use(t);
                if matches!(imp.ty, TypeRef::FuncExact(_)) {
                    let _ = write!(s, "(func {id}{syms} (exact {tu})))");
                } else {
                    let _ = write!(s, "(func {id}{syms} {tu}))");
                }
            }
            TypeRef::Table(t) => {
                let syms = self.entity_syms(SymbolKind::Table, index);
                let id = self.ents[EntityKind::Table][index as usize].id.clone();
                let _ = write!(s, "(table {id}{syms} {}))", self.table_type(&t));
            }
            TypeRef::Memory(m) => {
                let _ = write!(s, "(memory {}))", memory_type(&m));
            }
            TypeRef::Global(g) => {
                let syms = self.entity_syms(SymbolKind::Global, index);
                let id = self.ents[EntityKind::Global][index as usize].id.clone();
                let _ = write!(s, "(global {id}{syms} {}))", self.global_type(&g));
            }
            TypeRef::Tag(t) => {
                let syms = self.entity_syms(SymbolKind::Tag, index);
                let id = self.ents[EntityKind::Tag][index as usize].id.clone();
                let _ = write!(s, "(tag {id}{syms} {}))", self.type_use(t.func_type_idx));
            }
        }
        self.line(&s);
    }

    pub(super) fn table_type(&self, t: &wasmparser::TableType) -> String {
        let mut s = limits(t.table64, t.initial, t.maximum, t.shared);
        s.push(' ');
        text::reftype(&mut s, t.element_type, self);
        s
    }

    pub(super) fn global_type(&mut self, g: &wasmparser::GlobalType) -> String {
        let mut s = String::new();
        if g.shared {
            self.warn_at(None, "a shared global (relwat cannot write `shared` globals)");
        }
        if g.mutable {
            s.push_str("(mut ");
            text::valtype(&mut s, g.content_type, self);
            s.push(')');
        } else {
            text::valtype(&mut s, g.content_type, self);
        }
        s
    }

    pub(super) fn emit_func(&mut self, i: usize) -> Result<(), PrintError> {
        let obj = self.obj;
        let nimp = obj.import_counts()[0];
        {
            let body = &obj.bodies[i];
            let index = nimp + i as u32;
            let syms = self.entity_syms(SymbolKind::Function, index);
            let id = self.ents[EntityKind::Func][index as usize].id.clone();
            let tu = self.type_use(obj.func_types[i]);
            let _ = write!(self.out, "\n  (func {id}{syms} {tu}");
            if !body.locals.is_empty() {
                let mut merged: Vec<(u32, ValType)> = Vec::new();
                for &(n, t) in &body.locals {
                    if n == 0 {
                        self.warn_at(Some(body.range.start), "a local declaration of count 0 (relwat drops it)");
                        continue;
                    }
                    match merged.last_mut() {
                        Some((m, prev)) if *prev == t => {
                            self.warn_at(
                                Some(body.range.start),
                                "two adjacent local declarations of one type (relwat merges them)",
                            );
                            *m += n;
                        }
                        _ => merged.push((n, t)),
                    }
                }
                self.out.push_str("\n    (local");
                for (n, t) in merged {
                    for _ in 0..n {
                        self.out.push(' ');
                        let mut ts = String::new();
                        text::valtype(&mut ts, t, self);
                        self.out.push_str(&ts);
                    }
                }
                self.out.push(')');
            }
            let mut out = std::mem::take(&mut self.out);
            let r = ExprPrinter::new(obj.bytes, body.code, body.range.end, self, &mut out).print(Some(4));
            self.out = out;
            r?;
            self.out.push(')');
        }
        Ok(())
    }

    /// A constant expression, on one line.
    pub(super) fn const_expr(&mut self, e: &wasmparser::ConstExpr<'_>) -> Result<String, PrintError> {
        let r = e.get_binary_reader();
        let range = r.range();
        let mut out = String::new();
        ExprPrinter::new(self.obj.bytes, range.start as usize, range.end as usize, self, &mut out).print(None)?;
        Ok(out)
    }

    pub(super) fn emit_table(&mut self, i: usize) -> Result<(), PrintError> {
        let obj = self.obj;
        let t = &obj.tables[i];
        let index = obj.import_counts()[1] + i as u32;
        let syms = self.entity_syms(SymbolKind::Table, index);
        let id = self.ents[EntityKind::Table][index as usize].id.clone();
        let ty = self.table_type(&t.ty);
        let init = match &t.init {
            TableInit::RefNull => String::new(),
            TableInit::Expr(e) => format!(" {}", self.const_expr(e)?),
        };
        self.line(&format!("(table {id}{syms} {ty}{init})"));
        Ok(())
    }

    pub(super) fn emit_memory(&mut self, i: usize) {
        let s = format!("(memory {})", memory_type(&self.obj.memories[i]));
        self.line(&s);
    }

    pub(super) fn emit_tag(&mut self, i: usize) {
        let obj = self.obj;
        let index = obj.import_counts()[4] + i as u32;
        let syms = self.entity_syms(SymbolKind::Tag, index);
        let id = self.ents[EntityKind::Tag][index as usize].id.clone();
        let tu = self.type_use(obj.tags[i].func_type_idx);
        self.line(&format!("(tag {id}{syms} {tu})"));
    }

    pub(super) fn emit_global(&mut self, i: usize) -> Result<(), PrintError> {
        let obj = self.obj;
        let g = &obj.globals[i];
        let index = obj.import_counts()[3] + i as u32;
        let syms = self.entity_syms(SymbolKind::Global, index);
        let id = self.ents[EntityKind::Global][index as usize].id.clone();
        let ty = self.global_type(&g.ty);
        let init = self.const_expr(&g.init_expr)?;
        self.line(&format!("(global {id}{syms} {ty} {init})"));
        Ok(())
    }

    pub(super) fn emit_data_import(&mut self, i: usize) {
        {
            let sym = self.syms[i].clone();
            let f = sym.flags;
            let mut s = format!("(@sym.import.data {}", sym.text);
            let mut implied = 0;
            if f & WEAK != 0 && f & LOCAL == 0 {
                s.push_str(" weak");
                implied |= WEAK;
            }
            if f & HIDDEN != 0 {
                s.push_str(" hidden");
                implied |= HIDDEN;
            }
            if f & TLS != 0 {
                s.push_str(" tls");
                implied |= TLS;
            }
            if sym.name != decode_id_text(&sym.text) {
                s.push_str(" (name ");
                text::string(&mut s, sym.name.as_bytes());
                s.push(')');
            }
            if let Some((off, size)) = sym.data {
                let _ = write!(s, " (offset {off}) (size {size})");
                implied |= ABSOLUTE;
            } else {
                implied |= UNDEFINED;
            }
            self.exact_flags(i, implied);
            s.push(')');
            self.line(&s);
            self.natural.push(i);
        }
    }

    pub(super) fn emit_exports(&mut self) {
        for e in &self.obj.exports {
            let mut s = String::from("(export ");
            text::string(&mut s, e.name.as_bytes());
            let target = match e.kind {
                ExternalKind::Func | ExternalKind::FuncExact => {
                    format!("func {}", self.name(EntityKind::Func, e.index))
                }
                ExternalKind::Global => format!("global {}", self.name(EntityKind::Global, e.index)),
                ExternalKind::Table => format!("table {}", self.name(EntityKind::Table, e.index)),
                ExternalKind::Tag => format!("tag {}", self.name(EntityKind::Tag, e.index)),
                ExternalKind::Memory => format!("memory {}", e.index),
            };
            let _ = write!(s, " ({target}))");
            self.line(&s);
        }
    }

    pub(super) fn emit_elems(&mut self) -> Result<(), PrintError> {
        let obj = self.obj;
        for e in &obj.elems {
            let mut s = String::from("(elem");
            match &e.kind {
                ElementKind::Passive => {}
                ElementKind::Declared => s.push_str(" declare"),
                ElementKind::Active { table_index, offset_expr } => {
                    if let Some(t) = table_index {
                        let _ = write!(s, " (table {})", self.name(EntityKind::Table, *t));
                    } else if matches!(e.items, ElementItems::Expressions(..)) {
                        // Without a table, wasm-encoder picks the MVP form only for funcref.
                    }
                    let off = self.const_expr(offset_expr)?;
                    let _ = write!(s, " (offset {off})");
                }
            }
            let mut items = Vec::new();
            match &e.items {
                ElementItems::Functions(fs) => {
                    s.push_str(" func");
                    for f in fs.clone() {
                        let f = f.map_err(|e| PrintError { message: e.message().into(), offset: Some(e.offset()) })?;
                        items.push(self.name(EntityKind::Func, f).into_owned());
                    }
                }
                ElementItems::Expressions(ty, exprs) => {
                    s.push(' ');
                    text::reftype(&mut s, *ty, self);
                    if matches!(e.kind, ElementKind::Active { table_index: None, .. })
                        && *ty != wasmparser::RefType::FUNCREF
                    {
                        self.warn_at(None, "an element segment without a table of non-funcref expressions");
                    }
                    for x in exprs.clone() {
                        let x = x.map_err(|e| PrintError { message: e.message().into(), offset: Some(e.offset()) })?;
                        let t = self.const_expr(&x)?;
                        items.push(format!("(item {t})"));
                    }
                }
            }
            self.out.push_str("\n  ");
            self.out.push_str(&s);
            if items.iter().map(|i| i.len() + 1).sum::<usize>() + s.len() <= 98 {
                for i in &items {
                    self.out.push(' ');
                    self.out.push_str(i);
                }
            } else {
                self.items(&items, 4);
            }
            self.out.push(')');
        }
        Ok(())
    }

    /// The data relocations, for [`Printer::emit_segment`].
    pub(super) fn prepare_data(&mut self) {
        let obj = self.obj;
        self.data_relocs = obj
            .relocs
            .iter()
            .filter(|r| Some(r.target) == obj.data_section)
            .flat_map(|r| r.entries.iter().copied())
            .collect();
        self.data_used = vec![false; self.data_relocs.len()];
    }

    /// Data relocations no segment holds.
    pub(super) fn finish_data(&mut self) {
        for ri in 0..self.data_used.len() {
            if !self.data_used[ri] {
                let off = self.data_relocs[ri].offset;
                self.warn_at(None, format!("data relocation at 0x{off:x} is in no segment"));
            }
        }
    }

    pub(super) fn emit_segment(&mut self, i: usize) -> Result<(), PrintError> {
        let obj = self.obj;
        let data_base = obj.data_section.map(|i| obj.sections[i].payload.start);
        let relocs = std::mem::take(&mut self.data_relocs);
        let mut used = std::mem::take(&mut self.data_used);
        let segs = self.linking().segments.clone().unwrap_or_default();
        let seg = &obj.data[i];
        {
            let mut s = format!("\n  (data {}", self.seg_ids[i]);
            if let Some(info) = segs.get(i) {
                let mut q = String::new();
                if !info.name.is_empty() {
                    q.push_str(" (name ");
                    text::string(&mut q, info.name.as_bytes());
                    q.push(')');
                }
                if info.alignment >= 64 {
                    self.warn_at(None, format!("segment `{}` has alignment 2^{}", info.name, info.alignment));
                } else if info.alignment != 0 {
                    let _ = write!(q, " (align {})", 1u64 << info.alignment);
                }
                let flags = info.flags;
                if flags & 1 != 0 {
                    q.push_str(" strings");
                }
                if flags & 2 != 0 {
                    q.push_str(" tls");
                }
                if flags & 4 != 0 {
                    q.push_str(" retain");
                }
                if flags & !7 != 0 {
                    self.warn_at(None, format!("segment `{}` has flags 0x{flags:x}", info.name));
                }
                if !q.is_empty() {
                    let _ = write!(s, " (@sym.segment{q})");
                }
            }
            match &seg.kind {
                DataKind::Passive => {}
                DataKind::Active { memory_index, offset_expr } => {
                    if *memory_index != 0 {
                        let _ = write!(s, " (memory {memory_index})");
                    }
                    let off = self.const_expr(offset_expr)?;
                    let _ = write!(s, " (offset {off})");
                }
            }
            self.out.push_str(&s);
            // Items: relocations end at their last byte, symbols start at their first.
            let rel_start = data_base.map_or(0, |b| seg.start - b);
            let rel_end = rel_start + seg.data.len();
            let mut points: Vec<(usize, u8, usize)> = Vec::new(); // (position, 0 reloc / 1 sym, index)
            for (ri, r) in relocs.iter().enumerate() {
                let start = r.offset as usize;
                if start >= rel_start && start < rel_end {
                    let end = start + r.extent();
                    if end > rel_end {
                        self.warn_at(
                            Some(seg.start),
                            format!("a relocation at 0x{start:x} straddles the end of segment {i}"),
                        );
                        continue;
                    }
                    used[ri] = true;
                    points.push((end - rel_start, 0, ri));
                }
            }
            let tls_seg = segs
                .get(i)
                .is_some_and(|s| s.flags & 2 != 0 || s.name.starts_with(".tdata") || s.name.starts_with(".tbss"));
            for &si in &self.seg_syms[i] {
                points.push((self.syms[si].data.map_or(0, |d| d.0) as usize, 1, si));
            }
            points.sort_by_key(|p| (p.0, p.1));
            let mut pos = 0;
            let mut items = Vec::new();
            let seg_comdat = self.seg_comdat.get(&(i as u32)).copied();
            let mut comdat_done = false;
            for (at, what, idx) in points {
                if at > pos {
                    items.extend(chunks(&seg.data[pos..at]));
                    pos = at;
                }
                if what == 0 {
                    let r = relocs[idx];
                    items.push(self.field_reloc(&r)?);
                } else {
                    let sym = self.syms[idx].clone();
                    let mut q = String::new();
                    let f = sym.flags;
                    // A symbol in a TLS segment gets the TLS flag (B6).
                    let mut implied = binding_qualifiers(f, if tls_seg { TLS } else { 0 }, &mut q);
                    if f & TLS != 0 && !tls_seg {
                        q.push_str(" tls");
                        implied |= TLS;
                    }
                    self.exact_flags(idx, implied);
                    if sym.name != decode_id_text(&sym.text) {
                        q.push_str(" (name ");
                        text::string(&mut q, sym.name.as_bytes());
                        q.push(')');
                    }
                    let _ = write!(q, " (size {})", sym.data.map_or(0, |d| d.1));
                    if let (Some(c), false) = (seg_comdat, comdat_done) {
                        let _ = write!(q, " (comdat {})", self.comdat_ids[c]);
                        comdat_done = true;
                        self.comdat_carriers.insert(idx, (c, 0, i as u32));
                    }
                    items.push(format!("(@sym {}{q})", sym.text));
                    self.natural.push(idx);
                }
            }
            if pos < seg.data.len() {
                items.extend(chunks(&seg.data[pos..]));
            }
            if seg_comdat.is_some() && !comdat_done {
                self.warn_at(None, format!("segment {i} is in a comdat but has no symbol to say so"));
            }
            self.items(&items, 4);
            self.out.push(')');
        }
        self.data_relocs = relocs;
        self.data_used = used;
        Ok(())
    }

    /// Writes string and annotation items, wrapping lines.
    pub(super) fn items(&mut self, items: &[String], indent: usize) {
        let mut col = usize::MAX;
        for it in items {
            if col == usize::MAX || col + it.len() > 100 {
                self.out.push('\n');
                for _ in 0..indent {
                    self.out.push(' ');
                }
                col = indent;
            } else {
                self.out.push(' ');
                col += 1;
            }
            self.out.push_str(it);
            col += it.len();
        }
    }

    /// A relocation among data or custom-section bytes: the full spelling.
    pub(super) fn field_reloc(&mut self, r: &RelocEntry) -> Result<String, PrintError> {
        let ty = r.ty;
        let Some((format, method, modifier)) = spelling(ty) else {
            self.warn_at(None, format!("{} among bytes cannot be written", r.type_name()));
            return Ok(String::new());
        };
        let sym = r.index as usize;
        let (kind, role, n) = (self.syms[sym].kind, self.syms[sym].role, self.syms[sym].name.clone());
        if !func_kind_needs(kind, ty) || role == Role::Lost {
            self.warn_at(None, format!("{} against `{n}`, a {} symbol", r.type_name(), kind.word()));
        }
        if role == Role::Section && self.sections_seen.insert(sym) {
            self.natural_sections.push(sym);
        }
        if role == Role::Section {
            let named = self.obj.sections.iter().filter(|s| s.id == 0 && s.name == n).count();
            if named > 1 {
                self.warn_at(
                    None,
                    format!("`customtext` names its section by name, and {named} custom sections are named `{n}`"),
                );
            }
        }
        if method == "global" && self.got_id_clash(sym) {
            self.warn_at(None, format!("{} against `{n}`, whose id names symbols of several kinds", r.type_name()));
        }
        let mut out = format!("(@reloc {format} {method}");
        if let Some(m) = modifier {
            out.push(' ');
            out.push_str(m);
        }
        out.push(' ');
        out.push_str(&self.syms[sym].text);
        out.push_str(&addend_text(ty, r.addend));
        out.push(')');
        Ok(out)
    }

    pub(super) fn emit_customs(&mut self) -> Result<(), PrintError> {
        let obj = self.obj;
        let known = |s: &read::SectionInfo| s.id != 0;
        let last_known = obj.sections.iter().rposition(known);
        let linking_at = self.linking().section;
        let late = ["name", "producers", "target_features"];
        let mut late_seen = Vec::new();
        for (si, sec) in obj.sections.iter().enumerate() {
            if sec.id != 0 || sec.name == "linking" || sec.name.starts_with("reloc.") {
                continue;
            }
            let is_late = late.contains(&sec.name.as_str());
            if is_late {
                if si < linking_at || obj.relocs.iter().any(|r| r.section > si) {
                    self.warn_at(
                        None,
                        format!("`{}` stands before `linking`/`reloc.*` (relwat writes it after them)", sec.name),
                    );
                }
                late_seen.push(late.iter().position(|n| *n == sec.name).unwrap_or(0));
            } else if si > linking_at {
                self.warn_at(
                    None,
                    format!("custom section `{}` stands after `linking` (relwat writes it before)", sec.name),
                );
            }
            let data = &obj.bytes[sec.contents..sec.payload.end];
            if sec.name == "producers"
                && let Some(text) = producers_text(data)
            {
                self.line(&text);
                continue;
            }
            let mut s = String::from("(@custom ");
            text::string(&mut s, sec.name.as_bytes());
            if !is_late {
                let prev = obj.sections[..si].iter().rposition(known);
                match prev {
                    None => s.push_str(" (before first)"),
                    Some(p) if Some(p) == last_known => {}
                    Some(p) => {
                        let anchor = match obj.sections[p].id {
                            1 => "(after type)",
                            2 => "(after import)",
                            3 => "(after func)",
                            4 => "(after table)",
                            5 => "(after memory)",
                            6 => "(after global)",
                            7 => "(after export)",
                            8 => "(after start)",
                            9 => "(after elem)",
                            10 => "(after code)",
                            11 => "(after data)",
                            12 => "(before code)",
                            13 => "(after tag)",
                            _ => "",
                        };
                        s.push(' ');
                        s.push_str(anchor);
                    }
                }
            }
            self.out.push_str("\n  ");
            self.out.push_str(&s);
            let mut items = Vec::new();
            if let Some(cs) = self.section_comdat.get(&si).cloned() {
                if cs.len() > 1 {
                    self.warn_at(None, format!("custom section `{}` is in {} comdats", sec.name, cs.len()));
                }
                for c in cs {
                    items.push(format!("(@comdat {})", self.comdat_ids[c]));
                    self.printed_section_comdats.push((si, c));
                }
            }
            let relocs: Vec<RelocEntry> =
                obj.relocs.iter().filter(|r| r.target == si).flat_map(|r| r.entries.iter().copied()).collect();
            let mut ends: Vec<(usize, usize)> =
                relocs.iter().enumerate().map(|(i, r)| (r.offset as usize + r.extent(), i)).collect();
            ends.sort();
            let mut pos = 0;
            if sec.name == "target_features" {
                items.extend(features_items(data));
                pos = data.len();
            }
            for (end, i) in ends {
                if end > pos {
                    items.extend(chunks(&data[pos..end]));
                    pos = end;
                }
                items.push(self.field_reloc(&relocs[i])?);
            }
            if pos < data.len() {
                items.extend(chunks(&data[pos..]));
            }
            self.items(&items, 4);
            self.out.push(')');
        }
        if late_seen.windows(2).any(|w| w[0] > w[1]) {
            self.warn_at(None, "`name`, `producers` and `target_features` are out of relwat's order");
        }
        // Section symbols no relocation refers to are not written by relwat.
        for i in 0..self.syms.len() {
            if self.syms[i].role == Role::Section && !self.sections_seen.contains(&i) {
                let n = self.syms[i].name.clone();
                self.warn_at(None, format!("section symbol for `{n}` is not used by any relocation"));
            }
        }
        Ok(())
    }
}

/// Appends ` weak` or ` local`, ` hidden` and ` retain` for the flags `f` of a symbol whose text
/// already gives it the flags `implied`; returns the flags the text then gives it.
fn binding_qualifiers(f: u32, mut implied: u32, q: &mut String) -> u32 {
    match f & (WEAK | LOCAL) {
        WEAK => q.push_str(" weak"),
        LOCAL => q.push_str(" local"),
        _ => {}
    }
    if f & (WEAK | LOCAL) != WEAK | LOCAL {
        implied |= f & (WEAK | LOCAL);
    }
    if f & HIDDEN != 0 {
        q.push_str(" hidden");
        implied |= HIDDEN;
    }
    if f & NO_STRIP != 0 && implied & NO_STRIP == 0 {
        q.push_str(" retain");
        implied |= NO_STRIP;
    }
    implied
}
