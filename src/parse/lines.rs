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
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    let mut start = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i < start {
            continue; // the \n of a \r\n
        }
        lines.push(Line {
            raw: &text[start..i],
            start,
        });
        start = i + 1;
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            start += 1;
        }
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

/// A folded line head, kept on the stack: folding runs on every line of every decision.
#[derive(Clone, Copy)]
pub(crate) struct Folded {
    buf: [u8; FOLD_LIMIT + 8],
    len: usize,
}

impl std::ops::Deref for Folded {
    type Target = str;

    fn deref(&self) -> &str {
        // only whole characters are ever written
        std::str::from_utf8(&self.buf[..self.len]).expect("a folded line is UTF-8")
    }
}

/// Collapses runs of white space (NBSP included) to single spaces and folds curly
/// apostrophes and case, for matching headings and labels; stops after [`FOLD_LIMIT`] bytes.
pub(crate) fn fold(text: &str) -> Folded {
    let mut buf = [0; FOLD_LIMIT + 8];
    let mut len = 0;
    // whether the last byte written is a space standing for a run of white space
    let mut after_space = false;
    let text = text.trim_matches(is_blank);
    let bytes = text.as_bytes();
    let mut i = 0;
    // at most one character (4 bytes) is written past the limit
    while i < bytes.len() && len < FOLD_LIMIT {
        // eight plain bytes at a time (no white space to collapse, no apostrophe to fold)
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if let Some(lower) = plain_lowercase(word, after_space) {
                buf[len..len + 8].copy_from_slice(&lower.to_le_bytes());
                len += 8;
                i += 8;
                after_space = chunk[7] == b' ';
                continue;
            }
        }
        let b = bytes[i];
        if b.is_ascii() {
            // branch-free: a blank is written as a space, and kept only after a non-blank
            i += 1;
            let folded = ASCII_FOLD[usize::from(b)];
            let blank = folded == BLANK;
            buf[len] = if blank { b' ' } else { folded };
            len += usize::from(!(blank && after_space));
            after_space = blank;
            continue;
        }
        let c = text[i..]
            .chars()
            .next()
            .expect("i is on a character boundary");
        i += c.len_utf8();
        if is_blank(c) {
            if !after_space {
                buf[len] = b' ';
                len += 1;
            }
            after_space = true;
            continue;
        }
        len += match c {
            '\u{2019}' | '\u{2018}' | '\u{2032}' => {
                buf[len] = b'\'';
                1
            }
            c => c.encode_utf8(&mut buf[len..]).len(),
        };
        after_space = false;
    }
    if after_space {
        len -= 1; // no trailing space
    }
    Folded { buf, len }
}

/// Eight bytes in lower case, when folding them is only that: all ASCII, no control
/// character or backtick, and no space after a space (nor first after `after_space`).
fn plain_lowercase(word: u64, after_space: bool) -> Option<u64> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const LOWS: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // the high bit of each byte of `x` that is zero
    let zeros = |x: u64| !(((x & LOWS) + LOWS) | x | LOWS);
    if word & HIGHS != 0 {
        return None;
    }
    // with every high bit clear, no byte carries into the next below
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    let backtick = zeros(word ^ (ONES * u64::from(b'`')));
    let spaces = zeros(word ^ (ONES * u64::from(b' ')));
    let doubled = spaces & (spaces << 8);
    let leading = after_space && word & 0xff == u64::from(b' ');
    if control | backtick | doubled != 0 || leading {
        return None;
    }
    let upper = (word + ONES * (0x80 - 0x41)) & !(word + ONES * (0x80 - 0x5b)) & HIGHS;
    Some(word | (upper >> 2))
}

/// What [`fold`] makes of an ASCII byte: lower case, `` ` `` as `'`, [`BLANK`] for white space.
const ASCII_FOLD: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    let mut blanks = [b' ', b'\t', b'\r', b'\n', 0x0b, 0x0c].as_slice();
    while let [first, rest @ ..] = blanks {
        table[*first as usize] = BLANK;
        blanks = rest;
    }
    table[b'`' as usize] = b'\'';
    table
};

/// Marks white space in [`ASCII_FOLD`] (no ASCII byte folds to it).
const BLANK: u8 = 0x80;

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
            &*fold("The  Ombudsman\u{2019}s\u{a0}role"),
            "the ombudsman's role"
        );
        // long lines stop at the limit, on a character boundary
        let long = "é".repeat(200);
        let folded = fold(&long);
        assert!(folded.len() >= FOLD_LIMIT && folded.len() <= FOLD_LIMIT + 2);
        assert!(folded.chars().all(|c| c == 'é'));
    }

    #[test]
    fn fold_by_words_matches_fold_by_bytes() {
        // every byte class at every position of an eight-byte word
        let samples = [
            "AZaz@[`{ 09",
            "The  Complaint",
            "What I Found\tand  why",
            "  Back To Top",
            "Ombudsman\u{2019}s FINAL decision:",
            "x \u{a0}y",
            "ABCDEFGH IJKLMNOP  QRSTUVWX",
            "a\u{b}b\u{c}c\rd",
        ];
        for sample in samples {
            for shift in 0..8 {
                let text = format!("{}{sample}", "x".repeat(shift));
                let by_bytes: String = text
                    .trim_matches(is_blank)
                    .split(|c: char| is_blank(c) || c == '\n')
                    .filter(|w| !w.is_empty())
                    .map(|w| {
                        w.chars()
                            .map(|c| match c {
                                '\u{2019}' | '\u{2018}' | '\u{2032}' | '`' => '\'',
                                c => c.to_ascii_lowercase(),
                            })
                            .collect::<String>()
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                assert_eq!(&*fold(&text), by_bytes, "{text:?}");
            }
        }
    }
}
