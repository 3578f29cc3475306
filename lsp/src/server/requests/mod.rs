//! One file per request (or family of requests): each converts its parameters, asks the
//! analysis and converts the answer.

pub(super) mod actions;
pub(super) mod calls;
pub(super) mod completion;
pub(super) mod diagnostics;
pub(super) mod formatting;
pub(super) mod hints;
pub(super) mod hover;
pub(super) mod lenses;
pub(super) mod navigation;
pub(super) mod signature;
pub(super) mod structure;
pub(super) mod symbols;
pub(super) mod tokens;
