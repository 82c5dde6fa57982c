//! Small text helpers for the fact readers: sentences folded for matching, and search
//! for words and numbers.

use std::cell::RefCell;

use aho_corasick::AhoCorasick;

/// `s` with ASCII letters in lower case and curly apostrophes straight. Byte offsets are
/// kept only where `s` has no curly apostrophe; callers use it to test, not to slice.
pub(crate) fn folded(s: &str) -> String {
    let mut out = s.to_ascii_lowercase();
    // curly apostrophes (U+2018, U+2019: E2 80 98 / E2 80 99) are rare: look for their
    // lead byte before rewriting anything
    if memchr::memchr(0xE2, out.as_bytes()).is_some() && out.contains(['’', '‘']) {
        out = out.replace(['’', '‘'], "'");
    }
    out
}

/// Runs `f` with the automaton of a list of phrases the readers use, built on first use by
/// each thread: a list is then one pass over a sentence, however many phrases it has.
///
/// Lists are `'static` slices (constants and literals), so their address names them; the
/// cache is a small open-addressed table keyed by that address (no hashing of strings, no
/// reference counting on the hot path).
fn with_automaton<R>(needles: &'static [&'static str], f: impl FnOnce(&AhoCorasick) -> R) -> R {
    const SLOTS: usize = 256;
    type Slot = Option<(usize, Box<AhoCorasick>)>;
    thread_local! {
        static AUTOMATA: RefCell<Vec<Slot>> = RefCell::new((0..SLOTS).map(|_| None).collect());
    }
    let key = needles.as_ptr() as usize ^ needles.len().rotate_left(48);
    let build = || {
        Box::new(
            AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(needles)
                .expect("phrases build an automaton"),
        )
    };
    AUTOMATA.with(|automata| {
        let Ok(mut automata) = automata.try_borrow_mut() else {
            return f(&build()); // re-entered: build one for this call
        };
        let mut i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) % SLOTS;
        for _ in 0..SLOTS {
            match &automata[i] {
                Some((k, a)) if *k == key => return f(a),
                Some(_) => i = (i + 1) % SLOTS,
                None => {
                    automata[i] = Some((key, build()));
                    let (_, a) = automata[i].as_ref().expect("just stored");
                    return f(a);
                }
            }
        }
        f(&build()) // full: lists made at run time would land here, built each time
    })
}

/// Runs `f` over every position of `hay` where one of `needles` starts, in order: the
/// leftmost match from each position on, so matches that overlap are all seen.
pub(crate) fn each_start<R>(
    hay: &str,
    needles: &'static [&'static str],
    f: impl FnMut(usize) -> Option<R>,
) -> Option<R> {
    let mut f = f;
    with_automaton(needles, |a| {
        let mut at = 0;
        while let Some(m) = a.find(aho_corasick::Input::new(hay).range(at..)) {
            if let Some(r) = f(m.start()) {
                return Some(r);
            }
            at = m.start() + 1;
        }
        None
    })
}

/// Where the last occurrence of any of `needles` in `hay` starts.
pub(crate) fn last_start(hay: &str, needles: &'static [&'static str]) -> Option<usize> {
    let mut last = None;
    each_start(hay, needles, |at| {
        last = Some(at);
        None::<()>
    });
    last
}

/// Whether any of `needles` occurs in `hay`.
pub(crate) fn has_any(hay: &str, needles: &'static [&'static str]) -> bool {
    match needles {
        [one] => hay.contains(one),
        _ => with_automaton(needles, |a| a.is_match(hay)),
    }
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

/// A phrase as it may be written: as given, with its first letter in capitals (at the start
/// of a sentence), and with curly apostrophes. Automata over these variants match case
/// exactly, which lets them skip ahead with a fast prefilter.
pub(crate) fn variants(phrase: &str) -> Vec<String> {
    let mut out = vec![phrase.to_string()];
    let trimmed = phrase.trim_start();
    if trimmed.starts_with(|c: char| c.is_ascii_lowercase()) {
        let lead = phrase.len() - trimmed.len();
        let mut capital = phrase.to_string();
        capital[lead..lead + 1].make_ascii_uppercase();
        out.push(capital);
    }
    if phrase.contains('\'') {
        let curly: Vec<String> = out.iter().map(|p| p.replace('\'', "’")).collect();
        out.extend(curly);
    }
    out
}

/// Several lists of phrases matched in one pass: which lists have a phrase in a text.
///
/// Matching ignores ASCII case (`Court of Protection`), and a straight apostrophe in a
/// phrase also matches a curly one.
///
/// The automaton holds only the first [`PREFIX`] bytes of each phrase, and the rest of a
/// phrase is compared where its prefix matches. An automaton of whole phrases took 2.1 MB
/// for the findings' lists, slow to build at start-up and heavy on the caches; one of
/// prefixes takes under a third of that, and its comparisons cost about what the smaller
/// table saves. The lists found are the same.
pub(crate) struct PhraseSet {
    automaton: aho_corasick::dfa::DFA,
    /// For each prefix (pattern of the automaton), its phrases: a range of `phrases`.
    groups: Vec<(u32, u32)>,
    phrases: Vec<Phrase>,
}

/// How many bytes of each phrase the automaton of a [`PhraseSet`] holds: shorter prefixes
/// make smaller tables and more comparisons (six bytes: 0.40 MB and 5% more instructions
/// in the facts pass than eight).
const PREFIX: usize = 8;

/// One phrase of a [`PhraseSet`].
struct Phrase {
    bytes: Box<[u8]>,
    /// The list it belongs to.
    list: u8,
    /// Whether it must start a word.
    at_word: bool,
}

impl PhraseSet {
    /// The lists, each with the bit that names it (below 64, each bit once); `at_word`
    /// lists only match at the start of a word.
    pub(crate) fn new(lists: &[(usize, &[&str], bool)]) -> PhraseSet {
        let mut bits = 0u64;
        // each phrase by its prefix, in ASCII lower case (the automaton ignores case)
        let mut by_prefix: std::collections::BTreeMap<Vec<u8>, Vec<Phrase>> =
            std::collections::BTreeMap::new();
        for &(bit, list, word) in lists {
            assert!(
                bit < 64 && bits & (1 << bit) == 0,
                "list bit {bit} out of range or taken"
            );
            bits |= 1 << bit;
            for phrase in list {
                // the automaton ignores ASCII case: a phrase and its curly-apostrophe form
                // are all it needs (the capitalised variant would only repeat matches)
                let curly = phrase.contains('\'').then(|| phrase.replace('\'', "’"));
                for v in std::iter::once(phrase.to_string()).chain(curly) {
                    let bytes = v.into_bytes().into_boxed_slice();
                    let prefix = bytes[..bytes.len().min(PREFIX)].to_ascii_lowercase();
                    by_prefix.entry(prefix).or_default().push(Phrase {
                        bytes,
                        list: bit as u8,
                        at_word: word,
                    });
                }
            }
        }
        let mut prefixes = Vec::with_capacity(by_prefix.len());
        let mut groups = Vec::with_capacity(by_prefix.len());
        let mut phrases = Vec::new();
        for (prefix, group) in by_prefix {
            prefixes.push(prefix);
            let from = phrases.len() as u32;
            phrases.extend(group);
            groups.push((from, phrases.len() as u32));
        }
        // standard semantics: every state holds all the prefixes that end at it
        let automaton = aho_corasick::dfa::DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(&prefixes)
            .expect("phrases build an automaton");
        PhraseSet {
            automaton,
            groups,
            phrases,
        }
    }

    /// Calls `found` with the list of each phrase that occurs in `bytes` whose prefix ends
    /// at `i`, in the match state `sid`, until it returns `true`; skips lists in `skip`.
    #[inline]
    fn phrases_at(
        &self,
        bytes: &[u8],
        i: usize,
        sid: aho_corasick::automaton::StateID,
        skip: u64,
        mut found: impl FnMut(u8) -> bool,
    ) -> bool {
        use aho_corasick::automaton::Automaton;
        let dfa = &self.automaton;
        for k in 0..dfa.match_len(sid) {
            let p = dfa.match_pattern(sid, k);
            let start = i + 1 - dfa.pattern_len(p);
            let (from, to) = self.groups[p.as_usize()];
            for phrase in &self.phrases[from as usize..to as usize] {
                if skip & (1 << phrase.list) != 0
                    || (phrase.at_word && start > 0 && is_word_byte(bytes[start - 1]))
                {
                    continue;
                }
                let whole = bytes
                    .get(start..start + phrase.bytes.len())
                    .is_some_and(|b| b.eq_ignore_ascii_case(&phrase.bytes));
                if whole && found(phrase.list) {
                    return true;
                }
            }
        }
        false
    }

    /// The lists with a phrase in `hay`, as bits (list `i` is bit `i`).
    ///
    /// A walk through the automaton's transition table, a byte at a time, reading every
    /// prefix that ends at each match state (all matches, overlapping ones included) and
    /// comparing the rest of its phrases.
    ///
    /// Each step of a walk waits for the one before (the next state is a load indexed by
    /// the last), so a longer text is cut into [`LANES`] pieces walked side by side, their
    /// loads in flight together. Each piece after the first starts `PREFIX - 1` bytes
    /// early: the automaton's state depends on at most the last `PREFIX` bytes, so from the
    /// piece's own first byte on it is the state a single walk would be in, and the bytes
    /// before only report matches that are really there. The lists found are a union:
    /// the same whether a match is seen once or twice.
    pub(crate) fn lists(&self, hay: &str) -> u64 {
        let bytes = hay.as_bytes();
        if bytes.len() < LANES * 2 * PREFIX {
            return self.walk(bytes);
        }
        self.walk_lanes(bytes)
    }

    /// One walk over `bytes`.
    fn walk(&self, bytes: &[u8]) -> u64 {
        use aho_corasick::automaton::Automaton;
        use aho_corasick::Anchored;
        let dfa = &self.automaton;
        let mut found = 0u64;
        let Ok(mut sid) = dfa.start_state(Anchored::No) else {
            return found;
        };
        for (i, &b) in bytes.iter().enumerate() {
            sid = dfa.next_state(Anchored::No, sid, b);
            self.add_matches(bytes, i, sid, &mut found);
        }
        found
    }

    /// Adds to `found` the lists of the phrases whose prefix ends at `i`, if `sid` (the
    /// state after byte `i`) is a match state.
    #[inline]
    fn add_matches(
        &self,
        bytes: &[u8],
        i: usize,
        sid: aho_corasick::automaton::StateID,
        found: &mut u64,
    ) {
        use aho_corasick::automaton::Automaton;
        let dfa = &self.automaton;
        if dfa.is_special(sid) && dfa.is_match(sid) {
            self.phrases_at(bytes, i, sid, *found, |list| {
                *found |= 1 << list;
                false
            });
        }
    }

    /// [`LANES`] walks side by side over `bytes` (at least `LANES * 2 * PREFIX` long).
    fn walk_lanes(&self, bytes: &[u8]) -> u64 {
        use aho_corasick::automaton::Automaton;
        use aho_corasick::Anchored;
        let dfa = &self.automaton;
        let Ok(start) = dfa.start_state(Anchored::No) else {
            return 0;
        };
        let overlap = PREFIX - 1;
        // each lane walks `n` bytes from `from[k]`; lane k + 1 starts `overlap` bytes before
        // lane k ends, and the last reaches the end (n >= (len + overlap * (LANES - 1)) / LANES)
        let n = (bytes.len() + overlap * (LANES - 1)).div_ceil(LANES);
        let from: [usize; LANES] = std::array::from_fn(|k| k * (n - overlap));
        // the last lane is the shortest: all walk together for its length
        let together = bytes.len() - from[LANES - 1];
        let mut sid = [start; LANES];
        let mut found = 0u64;
        for step in 0..together {
            for k in 0..LANES {
                let i = from[k] + step;
                sid[k] = dfa.next_state(Anchored::No, sid[k], bytes[i]);
            }
            for k in 0..LANES {
                self.add_matches(bytes, from[k] + step, sid[k], &mut found);
            }
        }
        // the other lanes' last few bytes (fewer than LANES each)
        for k in 0..LANES - 1 {
            let mut s = sid[k];
            for i in from[k] + together..from[k] + n {
                s = dfa.next_state(Anchored::No, s, bytes[i]);
                self.add_matches(bytes, i, s, &mut found);
            }
        }
        found
    }
}

/// How many pieces [`PhraseSet::lists`] walks side by side.
const LANES: usize = 4;

/// Whether list `i` is among `lists` (from [`PhraseSet::lists`]).
pub(crate) fn has_list(lists: u64, i: usize) -> bool {
    lists & (1 << i) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let set = PhraseSet::new(&[(0, &["agreed"], true), (1, &["greed"], false)]);
        assert_eq!(set.lists("It was AGREED"), 0b11);
        assert_eq!(set.lists("it disagreed"), 0b10);
        assert_eq!(folded("The Council’s FAULT"), "the council's fault");
        assert_eq!(number("three"), Some(3));
        assert_eq!(number("28"), Some(28));
        assert_eq!(number("x"), None);
    }

    #[test]
    fn phrases_that_share_a_prefix_are_told_apart() {
        let set = PhraseSet::new(&[
            (0, &["not investigate"], false),
            (1, &["not in our jurisdiction", "nil"], true),
            (2, &["council's decision"], false),
        ]);
        assert_eq!(set.lists("We will NOT INVESTIGATE."), 0b001);
        assert_eq!(set.lists("It is not in our jurisdiction"), 0b010);
        // the rest of a phrase is compared, not assumed from its prefix
        assert_eq!(set.lists("not in our gift"), 0);
        // a phrase shorter than the prefix; at_word lists match at the start of a word only
        assert_eq!(set.lists("nil returns"), 0b010);
        assert_eq!(set.lists("vanilla"), 0);
        assert_eq!(set.lists("the Council’s decision"), 0b100);
        // a phrase cut off by the end of the text
        assert_eq!(set.lists("we will not investig"), 0);
    }

    proptest::proptest! {
        /// The walks side by side find the lists one walk finds, whatever the text and
        /// wherever its pieces are cut (phrases across every cut, at the ends, repeated).
        #[test]
        fn lanes_find_what_one_walk_finds(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "agreed", "greed", "not investigate", "not in our jurisdiction", "nil",
                    "council's decision", "council’s", "vanilla", " ", "  ", "a", "ab", "x y",
                    "é", "NOT", "investig", "\n",
                ]),
                0..120,
            )
        ) {
            let set = PhraseSet::new(&[
                (0, &["not investigate"], false),
                (1, &["not in our jurisdiction", "nil"], true),
                (2, &["council's decision"], false),
                (3, &["agreed"], true),
                (4, &["greed", "ab"], false),
                (5, &["a"], true),
            ]);
            let hay: String = words.concat();
            proptest::prop_assert_eq!(set.lists(&hay), set.walk(hay.as_bytes()));
        }
    }
}
