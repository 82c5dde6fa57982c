//! Property tests: arbitrary bytes and mutated fixtures give a record or an error, never a
//! panic, and every span of a record lies on the text it claims.

mod common;

use ombudsman::Decision;
use proptest::prelude::*;

fn fixtures() -> Vec<Vec<u8>> {
    let mut docs = vec![std::fs::read(common::seed_path()).unwrap()];
    let dir = common::root().join("fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    docs.extend(
        paths
            .into_iter()
            .filter(|p| p.is_file())
            .map(|p| std::fs::read(p).unwrap()),
    );
    docs
}

/// One edit of a document: delete, insert or overwrite a run of bytes, or cut it short.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Overwrite(usize, Vec<u8>),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let text = prop::collection::vec(
        prop_oneof![
            any::<u8>(),
            Just(b'\n'),
            Just(b' '),
            Just(b'('),
            Just(b')'),
            Just(b':'),
            Just(b'-')
        ],
        0..12,
    );
    let pieces = prop_oneof![
        text,
        Just(b"Decision date : ".to_vec()),
        Just(b"Category : ".to_vec()),
        Just(b" (25 000 113b)\n".to_vec()),
        Just("\u{a0}\u{2019}\u{feff}\r".as_bytes().to_vec()),
        Just(b"Summary:".to_vec()),
        Just(b"\n  1. ".to_vec()),
    ];
    prop_oneof![
        (any::<usize>(), 0usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), pieces.clone()).prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<usize>(), pieces).prop_map(|(at, b)| Edit::Overwrite(at, b)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(doc: &mut Vec<u8>, edit: &Edit) {
    let len = doc.len().max(1);
    match edit {
        Edit::Delete(at, n) => {
            let at = at % len;
            let end = (at + n).min(doc.len());
            if at < end {
                doc.drain(at..end);
            }
        }
        Edit::Insert(at, bytes) => {
            let at = (at % len).min(doc.len());
            doc.splice(at..at, bytes.iter().copied());
        }
        Edit::Overwrite(at, bytes) => {
            for (i, b) in bytes.iter().enumerate() {
                if let Some(slot) = doc.get_mut(at % len + i) {
                    *slot = *b;
                }
            }
        }
        Edit::Truncate(at) => doc.truncate(at % len),
    }
}

fn check(bytes: &[u8]) {
    if let Ok(d) = Decision::parse_bytes(bytes) {
        let text = ombudsman::corpus::decode(bytes).unwrap();
        common::assert_spans_hold(&text, &d);
        serde_json::to_string(&d).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        check(text.as_bytes());
    }

    #[test]
    fn mutated_fixtures_never_panic(which in any::<usize>(), edits in prop::collection::vec(edit(), 1..8)) {
        let docs = fixtures();
        let mut doc = docs[which % docs.len()].clone();
        for e in &edits {
            apply(&mut doc, e);
        }
        check(&doc);
    }
}

/// Pieces of the language the fact readers look for, to be put together in any order.
const FACT_PIECES: &[&str] = &[
    "Mr X",
    "Mrs B",
    "Mr and Mrs Y",
    "Ms",
    "Dr Z’s",
    "her son, ",
    "(Ms B's mother)",
    "on behalf of ",
    "£",
    "£1,250.50",
    "£100 to £300",
    "up to £",
    "between £5 and",
    "£9,",
    "£.5",
    "within ",
    "one",
    "3",
    "working days",
    "months",
    "of my final decision",
    "7 June 2024",
    "June",
    "mid-",
    "2023",
    "31/02/2024",
    "the end of 2021",
    "was at fault",
    "no fault",
    " but ",
    "injustice",
    "We will not investigate",
    "because",
    "late",
    "tribunal",
    "court",
    "has agreed to",
    "should",
    "refused to",
    "apologise",
    "pay",
    "refund",
    "review its policy",
    "remind staff",
    "reassess",
    "(the Council)",
    "Liverpool City Council ",
    "(the ",
    ")",
    ". ",
    ".",
    "\n",
    " ",
    "\u{a0}",
    "’",
    "“",
    "é",
    "Summary: ",
    // cues of who complains and for whom
    "the complainant's",
    "The Complainant’s",
    "complains for",
    "on behalf of ",
    "omplain",
    "Mr and Mrs X",
    // provision lists and idioms
    "section 24A(6) & (7)",
    " & ",
    "(7)",
    "paragraph 5A schedule 5",
    "Schedule 5 or s26(6) ",
    "Local Government Act 1974",
    "section 117 aftercare",
    "s47 enquiries",
    "Section 19 duty",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn fact_language_in_any_order_never_panics(pieces in prop::collection::vec(0..FACT_PIECES.len(), 0..60)) {
        let mut text = String::from("Some Council (24 000 001)\nDecision : Upheld\nDecision date : 2 Jan 2025\nSummary: ");
        for i in pieces {
            text.push_str(FACT_PIECES[i]);
        }
        text.push_str("\nThe complaint\n");
        check(text.as_bytes());
    }
}
