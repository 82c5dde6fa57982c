//! Statute citations: finding Acts, statutory instruments and guidance in text.

use serde::Serialize;

use crate::span::Span;

/// One citation of law found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// The exact text of the citation.
    pub text: String,
    /// Byte offset of the first byte, into the text searched.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The canonical form, e.g. `MHA 1983 s117`.
    pub cite: Option<String>,
}

impl Citation {
    /// The citation's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Finds the citations in any text.
pub fn find_citations(_text: &str) -> Vec<Citation> {
    Vec::new()
}
