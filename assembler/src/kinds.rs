//! The kinds of things a module has and an object names: one enum per concept, and the ways
//! from one to another.
//!
//! - [`IndexSpace`]: the module's eight index spaces, in which ids are defined and resolved.
//! - [`ExternKind`]: what an import or an export is (the five spaces of entities a module can
//!   share).
//! - [`EntityKind`]: the entities that have a primary symbol in an object (functions, globals,
//!   tables, tags).
//! - [`SymbolKind`]: the six kinds of symbol of the `linking` section, with their binary values.

/// The module's index spaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IndexSpace {
    /// Types (`(type ...)`, rec groups).
    Type,
    /// Functions, imports first.
    Func,
    /// Tables.
    Table,
    /// Memories.
    Memory,
    /// Globals.
    Global,
    /// Tags.
    Tag,
    /// Element segments.
    Elem,
    /// Data segments.
    Data,
}

impl IndexSpace {
    /// The eight spaces, in the order of [`IndexSpace::slot`].
    pub const ALL: [IndexSpace; 8] = [
        IndexSpace::Type,
        IndexSpace::Func,
        IndexSpace::Table,
        IndexSpace::Memory,
        IndexSpace::Global,
        IndexSpace::Tag,
        IndexSpace::Elem,
        IndexSpace::Data,
    ];

    /// The space's position in [`IndexSpace::ALL`], for tables indexed by space.
    pub fn slot(self) -> usize {
        self as usize
    }

    /// Words for messages and hovers ("function", "element segment").
    pub fn describe(self) -> &'static str {
        match self {
            IndexSpace::Type => "type",
            IndexSpace::Func => "function",
            IndexSpace::Table => "table",
            IndexSpace::Memory => "memory",
            IndexSpace::Global => "global",
            IndexSpace::Tag => "tag",
            IndexSpace::Elem => "element segment",
            IndexSpace::Data => "data segment",
        }
    }
}

/// What an import or an export is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExternKind {
    /// A function.
    Func,
    /// A table.
    Table,
    /// A memory.
    Memory,
    /// A global.
    Global,
    /// A tag.
    Tag,
}

impl ExternKind {
    /// The kind's position in declaration order (functions, tables, memories, globals, tags),
    /// for tables indexed by kind.
    pub fn slot(self) -> usize {
        self as usize
    }

    /// The index space of such entities.
    pub fn space(self) -> IndexSpace {
        match self {
            ExternKind::Func => IndexSpace::Func,
            ExternKind::Table => IndexSpace::Table,
            ExternKind::Memory => IndexSpace::Memory,
            ExternKind::Global => IndexSpace::Global,
            ExternKind::Tag => IndexSpace::Tag,
        }
    }

    /// The entities of this kind that have primary symbols (all but memories).
    pub fn entity(self) -> Option<EntityKind> {
        match self {
            ExternKind::Func => Some(EntityKind::Func),
            ExternKind::Table => Some(EntityKind::Table),
            ExternKind::Global => Some(EntityKind::Global),
            ExternKind::Tag => Some(EntityKind::Tag),
            ExternKind::Memory => None,
        }
    }
}

/// The entities that have a primary symbol in an object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// Functions.
    Func,
    /// Globals.
    Global,
    /// Tables.
    Table,
    /// Tags.
    Tag,
}

impl EntityKind {
    /// The four kinds, in the order of [`EntityKind::slot`].
    pub const ALL: [EntityKind; 4] = [EntityKind::Func, EntityKind::Global, EntityKind::Table, EntityKind::Tag];

    /// The kind's position in [`EntityKind::ALL`], for tables indexed by kind.
    pub fn slot(self) -> usize {
        self as usize
    }

    /// The kind of the entity's symbols.
    pub fn symbol_kind(self) -> SymbolKind {
        match self {
            EntityKind::Func => SymbolKind::Function,
            EntityKind::Global => SymbolKind::Global,
            EntityKind::Table => SymbolKind::Table,
            EntityKind::Tag => SymbolKind::Tag,
        }
    }

    /// The index space of such entities.
    pub fn space(self) -> IndexSpace {
        match self {
            EntityKind::Func => IndexSpace::Func,
            EntityKind::Global => IndexSpace::Global,
            EntityKind::Table => IndexSpace::Table,
            EntityKind::Tag => IndexSpace::Tag,
        }
    }

    /// A word for messages ("function").
    pub fn name(self) -> &'static str {
        self.space().describe()
    }
}

/// The kinds of symbol, with their binary values (`SYMTAB_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SymbolKind {
    /// A function.
    Function = 0,
    /// Data in linear memory.
    Data = 1,
    /// A global.
    Global = 2,
    /// A custom section.
    Section = 3,
    /// A tag.
    Tag = 4,
    /// A table.
    Table = 5,
}

impl SymbolKind {
    /// The six kinds, by binary value.
    pub const ALL: [SymbolKind; 6] = [
        SymbolKind::Function,
        SymbolKind::Data,
        SymbolKind::Global,
        SymbolKind::Section,
        SymbolKind::Tag,
        SymbolKind::Table,
    ];

    /// The kind's binary value, for tables indexed by kind.
    pub fn slot(self) -> usize {
        self as usize
    }

    /// The kind of a binary value.
    pub fn from_byte(b: u8) -> Option<SymbolKind> {
        SymbolKind::ALL.get(b as usize).copied()
    }

    /// A word for messages ("function", "data").
    pub fn name(self) -> &'static str {
        match self {
            SymbolKind::Function => "function",
            SymbolKind::Data => "data",
            SymbolKind::Global => "global",
            SymbolKind::Section => "section",
            SymbolKind::Tag => "tag",
            SymbolKind::Table => "table",
        }
    }

    /// The word of the text for such symbols (`func`, `data`, as in `(@relwat.layout
    /// (symbol-flags func $f ...))`).
    pub fn word(self) -> &'static str {
        match self {
            SymbolKind::Function => "func",
            other => other.name(),
        }
    }

    /// The entities whose symbols these are (functions, globals, tables, tags).
    pub fn entity_kind(self) -> Option<EntityKind> {
        match self {
            SymbolKind::Function => Some(EntityKind::Func),
            SymbolKind::Global => Some(EntityKind::Global),
            SymbolKind::Tag => Some(EntityKind::Tag),
            SymbolKind::Table => Some(EntityKind::Table),
            SymbolKind::Data | SymbolKind::Section => None,
        }
    }
}
