//! Byte spans: where a value was found in the text a decision was parsed from.

use serde::Serialize;

/// A half-open range of **UTF-8 byte offsets** (`start..end`) into the text that was parsed.
///
/// The base is always the whole `&str` handed to [`crate::Decision::parse`] (or to
/// [`crate::find_citations`]), including any byte-order mark it starts with, so
/// `&text[span.start..span.end]` is the exact source of the value. Offsets always fall on
/// `char` boundaries.
///
/// ```
/// use ombudsman::Span;
/// let text = "Decision : Upheld";
/// let span = Span::new(11, 17);
/// assert_eq!(span.slice(text), "Upheld");
/// assert_eq!(span.len(), 6);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets, `start <= end`).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The text this span covers.
    ///
    /// # Panics
    /// Panics when the span does not lie on `char` boundaries of `text`; spans produced by
    /// this crate always do for the text they were produced from.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}
