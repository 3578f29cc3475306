//! Syntax-tree types to wasm-encoder types (indices must be resolved).

use crate::ast::*;
use wasm_encoder as we;

/// A value type.
pub fn valtype(t: &ValType) -> we::ValType {
    match t {
        ValType::I32 => we::ValType::I32,
        ValType::I64 => we::ValType::I64,
        ValType::F32 => we::ValType::F32,
        ValType::F64 => we::ValType::F64,
        ValType::V128 => we::ValType::V128,
        ValType::Ref(r) => we::ValType::Ref(reftype(r)),
    }
}

/// A reference type.
pub fn reftype(r: &RefType) -> we::RefType {
    we::RefType { nullable: r.nullable, heap_type: heaptype(&r.heap) }
}

/// A heap type.
pub fn heaptype(h: &HeapType) -> we::HeapType {
    use we::AbstractHeapType as A;
    match h {
        HeapType::Abstract { shared, ty } => we::HeapType::Abstract {
            shared: *shared,
            ty: match ty {
                AbsHeap::Func => A::Func,
                AbsHeap::Extern => A::Extern,
                AbsHeap::Any => A::Any,
                AbsHeap::None => A::None,
                AbsHeap::NoExtern => A::NoExtern,
                AbsHeap::NoFunc => A::NoFunc,
                AbsHeap::Eq => A::Eq,
                AbsHeap::Struct => A::Struct,
                AbsHeap::Array => A::Array,
                AbsHeap::I31 => A::I31,
                AbsHeap::Exn => A::Exn,
                AbsHeap::NoExn => A::NoExn,
                AbsHeap::Cont => A::Cont,
                AbsHeap::NoCont => A::NoCont,
            },
        },
        HeapType::Concrete(i) => we::HeapType::Concrete(i.num),
        HeapType::Exact(i) => we::HeapType::Exact(i.num),
    }
}

fn storage(t: &StorageType) -> we::StorageType {
    match t {
        StorageType::I8 => we::StorageType::I8,
        StorageType::I16 => we::StorageType::I16,
        StorageType::Val(v) => we::StorageType::Val(valtype(v)),
    }
}

fn field(f: &FieldType) -> we::FieldType {
    we::FieldType { element_type: storage(&f.ty), mutable: f.mutable }
}

/// A function type.
pub fn func_type(ft: &FuncType) -> we::FuncType {
    we::FuncType::new(ft.params.iter().map(|p| valtype(&p.ty)), ft.results.iter().map(|p| valtype(&p.ty)))
}

/// A sub type.
pub fn sub_type(t: &SubType) -> we::SubType {
    let c = &t.composite;
    let inner = match &c.kind {
        CompositeKind::Func(ft) => we::CompositeInnerType::Func(func_type(ft)),
        CompositeKind::Struct(fs) => {
            we::CompositeInnerType::Struct(we::StructType { fields: fs.iter().map(field).collect() })
        }
        CompositeKind::Array(f) => we::CompositeInnerType::Array(we::ArrayType(field(f))),
        CompositeKind::Cont(i) => we::CompositeInnerType::Cont(we::ContType(i.num)),
    };
    we::SubType {
        is_final: t.is_final,
        supertype_idxs: t.supertype.iter().map(|i| i.num).collect(),
        composite_type: we::CompositeType {
            inner,
            shared: c.shared,
            descriptor: c.descriptor.map(|i| i.num),
            describes: c.describes.map(|i| i.num),
        },
    }
}

/// A table type.
pub fn table_type(t: &TableType) -> we::TableType {
    we::TableType {
        element_type: reftype(&t.elem),
        table64: t.addr == AddrType::I64,
        minimum: t.limits.min,
        maximum: t.limits.max,
        shared: t.shared,
    }
}

/// A memory type.
pub fn memory_type(m: &MemoryType) -> we::MemoryType {
    we::MemoryType {
        minimum: m.limits.min,
        maximum: m.limits.max,
        memory64: m.addr == AddrType::I64,
        shared: m.shared,
        page_size_log2: m.page_size_log2,
    }
}

/// A global type.
pub fn global_type(g: &GlobalType) -> we::GlobalType {
    we::GlobalType { val_type: valtype(&g.ty), mutable: g.mutable, shared: g.shared }
}

/// An export kind.
pub fn export_kind(k: ExternKind) -> we::ExportKind {
    match k {
        ExternKind::Func => we::ExportKind::Func,
        ExternKind::Table => we::ExportKind::Table,
        ExternKind::Memory => we::ExportKind::Memory,
        ExternKind::Global => we::ExportKind::Global,
        ExternKind::Tag => we::ExportKind::Tag,
    }
}
