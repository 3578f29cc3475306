//! Types: value, heap and reference types, function, struct and array types, rec groups,
//! limits, and the types of tables, memories and globals.

use super::*;

/// Abstract heap types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum AbsHeap {
    Func,
    Extern,
    Any,
    None,
    NoExtern,
    NoFunc,
    Eq,
    Struct,
    Array,
    I31,
    Exn,
    NoExn,
    Cont,
    NoCont,
}

/// A heap type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeapType {
    /// An abstract heap type, possibly `shared`.
    Abstract {
        /// `(shared ...)`.
        shared: bool,
        /// Which one.
        ty: AbsHeap,
    },
    /// A type index.
    Concrete(Index),
    /// `(exact $t)` (custom descriptors).
    Exact(Index),
}

/// A reference type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RefType {
    /// `null` or a shorthand like `funcref`.
    pub nullable: bool,
    /// The heap type.
    pub heap: HeapType,
}

/// A value type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum ValType {
    I32,
    I64,
    F32,
    F64,
    V128,
    Ref(RefType),
}

/// A field's storage type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum StorageType {
    I8,
    I16,
    Val(ValType),
}

/// A parameter or result of a function type; `id` only on named params.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param {
    /// `$x` in `(param $x i32)`.
    pub id: Option<Id>,
    /// The type.
    pub ty: ValType,
    /// Where the type is written.
    pub span: Span,
}

/// A function type: params and results.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FuncType {
    /// Parameters.
    pub params: Vec<Param>,
    /// Results (ids are always `None`).
    pub results: Vec<Param>,
}

/// A struct field or an array's element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldType {
    /// `$f` in `(field $f i32)`.
    pub id: Option<Id>,
    /// `(mut ...)`.
    pub mutable: bool,
    /// The type.
    pub ty: StorageType,
    /// Where it is written.
    pub span: Span,
}

/// The body of a type definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompositeKind {
    /// `(func ...)`.
    Func(FuncType),
    /// `(struct (field ...)*)`.
    Struct(Vec<FieldType>),
    /// `(array ...)`.
    Array(FieldType),
    /// `(cont $ft)` (stack switching).
    Cont(Index),
}

/// A composite type with its `shared` flag and descriptor clauses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompositeType {
    /// `(shared ...)`.
    pub shared: bool,
    /// `(descriptor $t)` (custom descriptors).
    pub descriptor: Option<Index>,
    /// `(describes $t)` (custom descriptors).
    pub describes: Option<Index>,
    /// The kind.
    pub kind: CompositeKind,
}

/// A sub type: `(sub final? $super? comptype)` or a bare composite type (final, no super).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubType {
    /// Whether it is final.
    pub is_final: bool,
    /// The declared supertype.
    pub supertype: Option<Index>,
    /// The composite type.
    pub composite: CompositeType,
}

/// `(type $id? subtype)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeDef {
    /// The whole field.
    pub span: Span,
    /// Its id.
    pub id: Option<Id>,
    /// The definition.
    pub ty: SubType,
}

/// A rec group: `(rec (type ...)*)`, or one plain `(type ...)` field (`explicit == false`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecGroup {
    /// The whole field.
    pub span: Span,
    /// Whether it was written as `(rec ...)`.
    pub explicit: bool,
    /// The types.
    pub types: Vec<TypeDef>,
}

/// A type use: `(type $t)?` followed by inline params and results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeUse {
    /// The whole use (may be empty, at the place it would stand).
    pub span: Span,
    /// `(type $t)`.
    pub index: Option<Index>,
    /// Inline `(param ...)` and `(result ...)`; `None` when neither is written.
    pub inline: Option<FuncType>,
    /// The type index after resolution.
    pub resolved: u32,
}

/// Table, memory limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Minimum.
    pub min: u64,
    /// Maximum.
    pub max: Option<u64>,
    /// Where the limits are written.
    pub span: Span,
}

/// `i32` or `i64` address type of a memory or table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AddrType {
    /// 32-bit (default).
    #[default]
    I32,
    /// 64-bit (memory64 / table64).
    I64,
}

/// A table type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableType {
    /// `i64` for table64.
    pub addr: AddrType,
    /// Limits.
    pub limits: Limits,
    /// Element type.
    pub elem: RefType,
    /// `shared`.
    pub shared: bool,
}

/// A memory type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemoryType {
    /// `i64` for memory64.
    pub addr: AddrType,
    /// Limits, in pages.
    pub limits: Limits,
    /// `shared`.
    pub shared: bool,
    /// `(pagesize N)` (custom page sizes), as log2.
    pub page_size_log2: Option<u32>,
}

/// A global type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GlobalType {
    /// Value type.
    pub ty: ValType,
    /// `(mut ...)`.
    pub mutable: bool,
    /// `shared`.
    pub shared: bool,
}
