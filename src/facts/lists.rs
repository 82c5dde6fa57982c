//! One walk per sentence for both readers: the findings' and the remedies' phrase lists,
//! and the two gates that rule sentences out, are one phrase set, walked over a sentence
//! the first time either reader asks and kept for the other.

use std::cell::Cell;

use once_cell::sync::Lazy;

use super::sentences::Sentence;
use super::words::{has_list, PhraseSet};

/// The remedies' lists sit above the findings' (which use the bits below 32).
const REMEDIES_SHIFT: usize = 32;
/// The findings' gate: a sentence without one of [`super::findings::TOPIC_WORDS`] reports no
/// finding.
const FINDINGS_GATE: usize = 62;
/// The remedies' gate: a sentence without one of [`super::remedies::STATUS_STEMS`] gives no
/// remedy of its own.
const REMEDIES_GATE: usize = 63;

/// Every list of both readers, each at its bit.
static ALL: Lazy<PhraseSet> = Lazy::new(|| {
    let mut lists = super::findings::phrase_lists();
    assert!(lists.iter().all(|l| l.0 < REMEDIES_SHIFT));
    let remedies = super::remedies::phrase_lists();
    assert!(remedies
        .iter()
        .all(|l| l.0 + REMEDIES_SHIFT < FINDINGS_GATE));
    lists.extend(
        remedies
            .into_iter()
            .map(|(bit, phrases, word)| (bit + REMEDIES_SHIFT, phrases, word)),
    );
    lists.push((FINDINGS_GATE, super::findings::TOPIC_WORDS, false));
    lists.push((
        REMEDIES_GATE,
        super::remedies::STATUS_STEMS.as_slice(),
        false,
    ));
    PhraseSet::new(&lists)
});

/// The remedies' lists among all the lists `all`, at the bits of `remedies::kinds`.
fn remedies_bits(all: u64) -> u64 {
    (all >> REMEDIES_SHIFT) & ((1 << (FINDINGS_GATE - REMEDIES_SHIFT)) - 1)
}

/// The remedies' lists of any text (a clause of a sentence), at the bits of
/// `remedies::kinds`.
pub(crate) fn remedies_of(text: &str) -> u64 {
    remedies_bits(ALL.lists(text))
}

/// The phrase lists of a decision's sentences, each read once, on first use.
pub(crate) struct SentenceLists<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    read: Vec<Cell<Option<u64>>>,
}

impl<'a> SentenceLists<'a> {
    pub(crate) fn new(text: &'a str, sentences: &'a [Sentence]) -> SentenceLists<'a> {
        SentenceLists {
            text,
            sentences,
            read: vec![Cell::new(None); sentences.len()],
        }
    }

    /// All the lists sentence `i` has.
    fn all(&self, i: usize) -> u64 {
        if let Some(lists) = self.read[i].get() {
            return lists;
        }
        let lists = ALL.lists(self.sentences[i].text(self.text));
        self.read[i].set(Some(lists));
        lists
    }

    /// The findings' lists of sentence `i`, at the bits of `findings::list`.
    pub(crate) fn findings(&self, i: usize) -> u64 {
        self.all(i) & ((1 << REMEDIES_SHIFT) - 1)
    }

    /// The remedies' lists of sentence `i`, at the bits of `remedies::kinds`.
    pub(crate) fn remedies(&self, i: usize) -> u64 {
        remedies_bits(self.all(i))
    }

    /// Whether sentence `i` may report a finding.
    pub(crate) fn findings_gate(&self, i: usize) -> bool {
        has_list(self.all(i), FINDINGS_GATE)
    }

    /// Whether sentence `i` may give a remedy of its own.
    pub(crate) fn remedies_gate(&self, i: usize) -> bool {
        has_list(self.all(i), REMEDIES_GATE)
    }
}
