//! The order of the module's fields in the text: what relwat's encoder puts where, so that the
//! text re-assembles to the object's section order and symbol order.

use super::*;

impl<'a> Printer<'a> {
    pub(super) fn emit(&mut self) -> Result<(), PrintError> {
        let obj = self.obj;
        if obj.bodies.len() != obj.func_types.len() {
            return Err(PrintError {
                message: format!(
                    "{} functions are declared but the code section has {} bodies",
                    obj.func_types.len(),
                    obj.bodies.len()
                ),
                offset: None,
            });
        }
        self.emit_types();
        self.emit_comdats();
        self.prepare_data();
        for unit in self.plan() {
            match unit {
                Unit::Import(i) => self.emit_import(i),
                Unit::Func(i) => self.emit_func(i)?,
                Unit::Table(i) => self.emit_table(i)?,
                Unit::Memory(i) => self.emit_memory(i),
                Unit::Tag(i) => self.emit_tag(i),
                Unit::Global(i) => self.emit_global(i)?,
                Unit::DataImport(s) => self.emit_data_import(s),
                Unit::Data(i) => self.emit_segment(i)?,
            }
        }
        self.finish_data();
        self.emit_exports();
        if let Some(s) = self.obj.start {
            let f = self.name(EntityKind::Func, s);
            self.line(&format!("(start {f})"));
        }
        self.emit_elems()?;
        self.emit_customs()?;
        for (i, used) in self.code_used.iter().enumerate() {
            if !used {
                let e = self.code_entries[i];
                self.warnings.push(format!(
                    "code relocation {} at offset 0x{:x} is not at an immediate relwat relocates",
                    e.type_name(),
                    e.offset
                ));
            }
        }
        Ok(())
    }

    /// The symbols a field declares, in the order relwat creates them.
    pub(super) fn unit_symbols(&self, unit: Unit) -> Vec<usize> {
        let ent = |k: EntityKind, i: u32| -> Vec<usize> {
            match self.ents[k].get(i as usize) {
                Some(e) => e.primary.into_iter().chain(e.extras.iter().copied()).collect(),
                None => Vec::new(),
            }
        };
        let counts = self.obj.import_counts();
        match unit {
            Unit::Import(i) => {
                let imp = &self.obj.imports[i];
                let index = self.import_index[i];
                match extern_kind(&imp.ty).entity() {
                    Some(k) => ent(k, index),
                    None => Vec::new(),
                }
            }
            Unit::Func(i) => ent(EntityKind::Func, counts[ExternKind::Func.slot()] + i as u32),
            Unit::Table(i) => ent(EntityKind::Table, counts[ExternKind::Table.slot()] + i as u32),
            Unit::Global(i) => ent(EntityKind::Global, counts[ExternKind::Global.slot()] + i as u32),
            Unit::Tag(i) => ent(EntityKind::Tag, counts[ExternKind::Tag.slot()] + i as u32),
            Unit::Memory(_) => Vec::new(),
            Unit::DataImport(s) => vec![s],
            Unit::Data(i) => self.seg_syms[i].clone(),
        }
    }

    /// The order of the fields that declare symbols. relwat numbers symbols in field order, so
    /// when the object's symbol order can be had by interleaving the fields (imports first, each
    /// kind in index order), the text does so and needs no `symbol-order`; otherwise the fields
    /// go kind by kind.
    pub(super) fn plan(&mut self) -> Vec<Unit> {
        let obj = self.obj;
        let mut queues: Vec<std::collections::VecDeque<Unit>> = vec![
            (0..obj.imports.len()).map(Unit::Import).collect(),
            (0..obj.func_types.len()).map(Unit::Func).collect(),
            (0..obj.tables.len()).map(Unit::Table).collect(),
            (0..obj.memories.len()).map(Unit::Memory).collect(),
            (0..obj.tags.len()).map(Unit::Tag).collect(),
            (0..obj.globals.len()).map(Unit::Global).collect(),
            (0..obj.data.len()).map(Unit::Data).collect(),
        ];
        let canonical: Vec<Unit> = queues
            .iter()
            .take(6)
            .flatten()
            .copied()
            .chain(self.data_imports.iter().map(|&s| Unit::DataImport(s)))
            .chain(queues[6].iter().copied())
            .collect();
        // Which unit declares each symbol.
        let mut owner: HashMap<usize, (usize, Unit)> = HashMap::default();
        for (q, queue) in queues.iter().enumerate() {
            for &u in queue {
                for s in self.unit_symbols(u) {
                    owner.insert(s, (q, u));
                }
            }
        }
        for &s in &self.data_imports {
            owner.insert(s, (usize::MAX, Unit::DataImport(s)));
        }
        let order: Vec<usize> =
            (0..self.syms.len()).filter(|&i| !matches!(self.syms[i].role, Role::Lost | Role::Section)).collect();
        let mut plan = Vec::new();
        let mut i = 0;
        let mut definitions_started = false;
        while i < order.len() {
            let Some(&(q, unit)) = owner.get(&order[i]) else { return canonical };
            let block = self.unit_symbols(unit);
            if order.get(i..i + block.len()) != Some(&block[..]) {
                return canonical;
            }
            if q != usize::MAX {
                // Units of the same kind before it declare no symbols: they go first.
                while let Some(&head) = queues[q].front() {
                    queues[q].pop_front();
                    if head == unit {
                        break;
                    }
                    if !self.unit_symbols(head).is_empty() {
                        return canonical;
                    }
                    plan.push(head);
                }
            }
            if q != 0 && !definitions_started {
                // Imports come before every definition.
                definitions_started = true;
                while let Some(head) = queues[0].pop_front() {
                    if !self.unit_symbols(head).is_empty() {
                        return canonical;
                    }
                    plan.push(head);
                }
            } else if q == 0 && definitions_started {
                return canonical;
            }
            plan.push(unit);
            i += block.len();
        }
        for queue in &mut queues {
            plan.extend(queue.drain(..));
        }
        // Imports first, even when none has a symbol.
        plan.sort_by_key(|u| !matches!(u, Unit::Import(_)));
        plan
    }
}
