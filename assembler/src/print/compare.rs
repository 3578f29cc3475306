//! Comparing two objects byte for byte, and saying where they first differ.

use std::fmt;

/// The outcome of [`compare`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comparison {
    /// Byte for byte the same.
    Identical,
    /// Different, first at the given place.
    Different(Difference),
}

/// Where two objects first differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Offset of the first differing byte.
    pub offset: usize,
    /// The section it is in (`TYPE`, `CODE`, `custom "linking"`, ...), and the offset in its payload.
    pub section: String,
    /// Offset in that section's payload.
    pub in_section: usize,
    /// The bytes there, in the first and second object (up to 8).
    pub left: Vec<u8>,
    /// The bytes there in the second object.
    pub right: Vec<u8>,
    /// Lengths of the two objects.
    pub lengths: (usize, usize),
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "first difference at byte 0x{:x} ({} + 0x{:x}): {:02x?} vs {:02x?}; lengths {} and {}",
            self.offset, self.section, self.in_section, self.left, self.right, self.lengths.0, self.lengths.1
        )
    }
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Comparison::Identical => write!(f, "identical"),
            Comparison::Different(d) => write!(f, "different: {d}"),
        }
    }
}

/// Compares two objects byte for byte.
pub fn compare(a: &[u8], b: &[u8]) -> Comparison {
    match first_difference(a, b) {
        None => Comparison::Identical,
        Some(d) => Comparison::Different(d),
    }
}

fn section_names() -> [&'static str; 14] {
    [
        "custom",
        "TYPE",
        "IMPORT",
        "FUNCTION",
        "TABLE",
        "MEMORY",
        "GLOBAL",
        "EXPORT",
        "START",
        "ELEM",
        "CODE",
        "DATA",
        "DATACOUNT",
        "TAG",
    ]
}

/// Describes where `offset` is in `bytes`.
fn locate(bytes: &[u8], offset: usize) -> (String, usize) {
    let mut pos = 8;
    while pos < bytes.len() {
        let id = bytes[pos];
        let mut p = pos + 1;
        let Some(size) = crate::leb::read_u64(bytes, &mut p) else { break };
        let end = p + size as usize;
        if offset < end {
            let mut name = section_names().get(id as usize).copied().unwrap_or("unknown").to_string();
            if id == 0 {
                let mut q = p;
                if let Some(n) = crate::leb::read_u64(bytes, &mut q)
                    && let Some(s) = bytes.get(q..q + n as usize)
                {
                    name = format!("custom \"{}\"", String::from_utf8_lossy(s));
                }
            }
            return (name, offset.saturating_sub(p));
        }
        pos = end;
    }
    ("header".into(), offset)
}

fn first_difference(a: &[u8], b: &[u8]) -> Option<Difference> {
    if a == b {
        return None;
    }
    let offset = a.iter().zip(b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    let (section, in_section) = locate(a, offset);
    Some(Difference {
        offset,
        section,
        in_section,
        left: a.get(offset..(offset + 8).min(a.len())).unwrap_or_default().to_vec(),
        right: b.get(offset..(offset + 8).min(b.len())).unwrap_or_default().to_vec(),
        lengths: (a.len(), b.len()),
    })
}
