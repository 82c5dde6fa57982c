//! Errors: what went wrong with an input, and where.

use std::fmt;

/// A `Result` whose error is this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// Why an input could not be turned into a [`crate::Decision`].
///
/// One pointer wide; inspect it with [`Error::kind`] and [`Error::position`].
///
/// ```
/// use ombudsman::{Decision, ErrorKind};
/// let err = Decision::parse("Shopping list\neggs\nmilk\n").unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::NotADecision { .. }));
/// assert_eq!(err.position().unwrap().line, 1);
/// assert!(err.to_string().starts_with("line 1, column 1: not a decision: expected"));
/// ```
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

/// A line and column (both counted from 1; the column counts characters) and the byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// Byte offset from the start of the text.
    pub offset: usize,
}

impl Position {
    /// The position of byte `offset` in `text`.
    pub fn locate(text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: before.matches('\n').count() + 1,
            column: text[line_start..offset].chars().count() + 1,
            offset,
        }
    }
}

/// The kinds of [`Error`].
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input holds nothing but white space.
    Empty,
    /// The input holds a NUL byte: it is binary, not text.
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// The input is not valid UTF-8 (nor UTF-16 with a byte-order mark).
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input is larger than the limit a corpus run accepts.
    TooLarge {
        /// Size of the input in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The text has no title line, header block or statement marker: it is not a decision.
    NotADecision {
        /// Where the first line of text was found.
        position: Position,
        /// That line (shortened).
        found: String,
    },
    /// A header line was recognised but its value is malformed.
    InvalidHeader {
        /// Where the value starts.
        position: Position,
        /// The header field, e.g. `Decision date`.
        field: &'static str,
        /// What was expected there.
        expected: &'static str,
        /// What was found (shortened).
        found: String,
    },
    /// Reading the input failed.
    Io(std::io::Error),
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// Where in the text it went wrong, for errors caused by the text itself.
    pub fn position(&self) -> Option<Position> {
        match &*self.0 {
            ErrorKind::NotADecision { position, .. }
            | ErrorKind::InvalidHeader { position, .. } => Some(*position),
            _ => None,
        }
    }

    /// A short code for the kind: `empty`, `binary`, `invalid_utf8`, `too_large`,
    /// `not_a_decision`, `invalid_header` or `io`.
    pub fn code(&self) -> &'static str {
        match &*self.0 {
            ErrorKind::Empty => "empty",
            ErrorKind::Binary { .. } => "binary",
            ErrorKind::InvalidUtf8 { .. } => "invalid_utf8",
            ErrorKind::TooLarge { .. } => "too_large",
            ErrorKind::NotADecision { .. } => "not_a_decision",
            ErrorKind::InvalidHeader { .. } => "invalid_header",
            ErrorKind::Io(_) => "io",
        }
    }

    /// The message without the position prefix.
    pub fn message(&self) -> String {
        match &*self.0 {
            ErrorKind::Empty => "empty input: no text to parse".to_string(),
            ErrorKind::Binary { offset } => {
                format!("binary data, not text (NUL byte at offset {offset})")
            }
            ErrorKind::InvalidUtf8 { offset } => {
                format!("not valid UTF-8 text (invalid byte sequence at offset {offset})")
            }
            ErrorKind::TooLarge { size, limit } => {
                format!("input of {size} bytes is larger than the {limit}-byte limit")
            }
            ErrorKind::NotADecision { found, .. } => format!(
                "not a decision: expected a title line such as \"Liverpool City Council (25 000 113b)\", \
                 a header line such as \"Category : Health > Mental health services\" or \
                 \"The Ombudsman's final decision:\", found {found:?}"
            ),
            ErrorKind::InvalidHeader { field, expected, found, .. } => {
                format!("expected {field:?} followed by {expected}, found {found:?}")
            }
            ErrorKind::Io(err) => format!("cannot read: {err}"),
        }
    }

    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error(Box::new(kind))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = self.position() {
            write!(f, "line {}, column {}: ", p.line, p.column)?;
        }
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.0 {
            ErrorKind::Io(err) => Some(err),
            _ => None,
        }
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error::new(kind)
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error::new(ErrorKind::Io(err))
    }
}

/// Shortens `text` to at most `max` characters for an error message.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}
