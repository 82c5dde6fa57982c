//! Splits text into lines with byte offsets, tolerating `\r\n`, a BOM and non-breaking spaces.

/// One line of the source: its byte range without the line ending.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// The line without its ending.
    pub raw: &'a str,
    /// Byte offset of `raw` in the whole text.
    pub start: usize,
}

impl<'a> Line<'a> {
    /// The line without leading and trailing white space (spaces, tabs, NBSP).
    pub fn content(&self) -> &'a str {
        self.raw.trim_matches(is_blank)
    }

    /// Byte offset of [`Line::content`] in the whole text.
    pub fn content_start(&self) -> usize {
        self.start + (self.raw.len() - self.raw.trim_start_matches(is_blank).len())
    }

    /// Columns of leading white space (a tab counts as 4).
    pub fn indent(&self) -> usize {
        self.raw
            .chars()
            .take_while(|&c| is_blank(c))
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum()
    }

    pub fn is_blank(&self) -> bool {
        self.content().is_empty()
    }
}

/// White space within a line, including NBSP and the BOM.
pub(crate) fn is_blank(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\u{a0}' | '\u{feff}' | '\u{2007}' | '\u{202f}' | '\u{0b}' | '\u{0c}'
    )
}

/// Splits `text` into lines; `\r\n`, `\n` and a lone `\r` all end a line.
pub(crate) fn split(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(Line {
                    raw: &text[start..i],
                    start,
                });
                start = i + 1;
            }
            b'\r' => {
                lines.push(Line {
                    raw: &text[start..i],
                    start,
                });
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < text.len() {
        lines.push(Line {
            raw: &text[start..],
            start,
        });
    }
    lines
}

/// The most a folded line keeps: headings, labels and furniture lines are all shorter, so
/// long paragraphs are not folded past it.
pub(crate) const FOLD_LIMIT: usize = 120;

/// Collapses runs of white space (NBSP included) to single spaces and folds curly
/// apostrophes and case, for matching headings and labels; stops after [`FOLD_LIMIT`] bytes.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(FOLD_LIMIT + 4));
    let mut space = false;
    for c in text.trim_matches(is_blank).chars() {
        if out.len() >= FOLD_LIMIT {
            break;
        }
        if is_blank(c) || c == '\n' {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(match c {
            '\u{2019}' | '\u{2018}' | '\u{2032}' | '`' => '\'',
            c => c.to_ascii_lowercase(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_keeps_offsets_across_line_endings() {
        let text = "a\r\nbb\n\rccc";
        let lines = split(text);
        let got: Vec<_> = lines.iter().map(|l| (l.raw, l.start)).collect();
        assert_eq!(got, vec![("a", 0), ("bb", 3), ("", 6), ("ccc", 7)]);
    }

    #[test]
    fn content_trims_nbsp_and_reports_offset() {
        let text = "\u{a0} Decision : Upheld \u{a0}";
        let line = split(text)[0];
        assert_eq!(line.content(), "Decision : Upheld");
        assert_eq!(&text[line.content_start()..], "Decision : Upheld \u{a0}");
        assert_eq!(line.indent(), 2);
    }

    #[test]
    fn fold_normalises_case_space_and_apostrophes() {
        assert_eq!(
            fold("The  Ombudsman\u{2019}s\u{a0}role"),
            "the ombudsman's role"
        );
    }
}
