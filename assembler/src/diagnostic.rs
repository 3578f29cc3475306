//! Diagnostics: what every stage reports, and their rendering with codespan-reporting.

use crate::span::Span;
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Output is still written.
    Warning,
    /// No output is written.
    Error,
}

/// A source range with a message, attached to a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// What the label points at.
    pub span: Span,
    /// Shown next to the underlined range; may be empty.
    pub message: String,
}

/// One message for the user: a primary range, optional secondary ranges, and notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The headline, e.g. "unknown function `$f`".
    pub message: String,
    /// The range the message is about.
    pub primary: Label,
    /// Related ranges (e.g. the first definition of a duplicate).
    pub secondary: Vec<Label>,
    /// Extra lines; `help: ...` lines tell what to write instead.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// Moves every range by `delta` bytes (a diagnostic of text that now stands elsewhere).
    pub fn shift(&mut self, delta: i64) {
        self.primary.span = self.primary.span.moved(delta);
        for l in &mut self.secondary {
            l.span = l.span.moved(delta);
        }
    }

    /// An error at `span`.
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, span, message)
    }

    /// A warning at `span`.
    pub fn warning(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, span, message)
    }

    fn new(severity: Severity, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            message: message.into(),
            primary: Label { span, message: String::new() },
            secondary: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Sets the text under the primary range.
    pub fn with_label(mut self, message: impl Into<String>) -> Diagnostic {
        self.primary.message = message.into();
        self
    }

    /// Adds a related range.
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label { span, message: message.into() });
        self
    }

    /// Adds a `help:` line.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.notes.push(format!("help: {}", help.into()));
        self
    }

    /// Adds a `note:` line.
    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(format!("note: {}", note.into()));
        self
    }

    /// Whether this diagnostic stops output.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Renders diagnostics as `file:line:col` messages with source snippets.
///
/// `color` selects ANSI colours; tests render without them.
pub fn render(file_name: &str, source: &str, diagnostics: &[Diagnostic], color: bool) -> String {
    let file = SimpleFile::new(file_name, source);
    let config = term::Config::default();
    let mut out = Vec::new();
    for d in diagnostics {
        let cd = to_codespan(d, source.len());
        if color {
            let mut w = term::termcolor::Ansi::new(&mut out);
            let _ = term::emit_to_write_style(&mut w, &config, &file, &cd);
        } else {
            let mut w = term::termcolor::NoColor::new(&mut out);
            let _ = term::emit_to_write_style(&mut w, &config, &file, &cd);
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn to_codespan(d: &Diagnostic, len: usize) -> cs::Diagnostic<()> {
    let clamp = |s: Span| s.start.min(len as u32) as usize..s.end.min(len as u32) as usize;
    let base = match d.severity {
        Severity::Error => cs::Diagnostic::error(),
        Severity::Warning => cs::Diagnostic::warning(),
    };
    let mut labels = vec![cs::Label::primary((), clamp(d.primary.span)).with_message(&d.primary.message)];
    labels.extend(d.secondary.iter().map(|l| cs::Label::secondary((), clamp(l.span)).with_message(&l.message)));
    base.with_message(&d.message).with_labels(labels).with_notes(d.notes.clone())
}
