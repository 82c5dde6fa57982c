//! Small text helpers for the fact readers: sentences folded for matching, and search
//! for words and numbers.

/// `s` with ASCII letters in lower case and curly apostrophes straight. Byte offsets are
/// kept only where `s` has no curly apostrophe; callers use it to test, not to slice.
pub(crate) fn folded(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        out.push(match c {
            '’' | '‘' => '\'',
            c => c.to_ascii_lowercase(),
        });
    }
    out
}

/// Whether any of `needles` occurs in `hay` at the start of a word (`agreed` is not found
/// in `disagreed`).
pub(crate) fn has_any_at_word(hay: &str, needles: &[&str]) -> bool {
    let bytes = hay.as_bytes();
    needles.iter().any(|n| {
        memchr::memmem::find_iter(bytes, n.as_bytes())
            .any(|at| at == 0 || !is_word_byte(bytes[at - 1]))
    })
}

/// Whether any of `needles` occurs in `hay`.
pub(crate) fn has_any(hay: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| hay.contains(n))
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// A number written as a word or in digits: `one`, `3`, `twelve`.
pub(crate) fn number(word: &str) -> Option<u32> {
    let n = match word {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fourteen" => 14,
        "twenty" => 20,
        "thirty" => 30,
        digits => return digits.parse().ok().filter(|&n: &u32| n > 0 && n < 10_000),
    };
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        assert!(has_any_at_word("it was agreed", &["agreed"]));
        assert!(!has_any_at_word("it disagreed", &["agreed"]));
        assert_eq!(folded("The Council’s FAULT"), "the council's fault");
        assert_eq!(number("three"), Some(3));
        assert_eq!(number("28"), Some(28));
        assert_eq!(number("x"), None);
    }
}
