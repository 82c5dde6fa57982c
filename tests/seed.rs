//! The seed document (`seeds/`): the decision this project started from, pinned by value.

mod common;

use ombudsman::{Decision, Marker, Outcome, Rendering, SectionKind, StatementKind};

fn seed() -> (String, Decision) {
    let text = common::read(&common::seed_path());
    let d = Decision::parse(&text).expect("the seed parses");
    common::assert_spans_hold(&text, &d);
    (text, d)
}

#[test]
fn seed_header_fields() {
    let (text, d) = seed();
    assert_eq!(d.source, None);
    assert_eq!(
        d.organisation.as_deref(),
        Some("NHS Cheshire and Merseyside ICB")
    );
    assert_eq!(d.reference.as_deref(), Some("25 000 113b"));
    assert_eq!(d.case_reference.as_deref(), Some("25 000 113"));
    assert_eq!(d.reference_suffix.as_deref(), Some("b"));
    assert_eq!(d.category.as_deref(), Some("Health"));
    assert_eq!(d.subcategory.as_deref(), Some("Mental health services"));
    assert_eq!(
        d.decision.as_deref(),
        Some("Closed after initial enquiries")
    );
    assert_eq!(d.outcome, Some(Outcome::ClosedAfterInitialEnquiries));
    assert_eq!(
        d.decision_date.map(|d| d.to_string()).as_deref(),
        Some("2025-07-28")
    );
    assert_eq!(d.decision_date_raw.as_deref(), Some("28 Jul 2025"));
    assert_eq!(d.statement_kind, StatementKind::FinalDecision);
    assert_eq!(d.rendering, Rendering::SingleNewline);
    assert_eq!(
        d.summary.as_deref(),
        Some(
            "Ms X complains the Council, Trust and ICB are not providing her with section 117 \
             aftercare support which she is entitled to after being detained under Section 3 of \
             the Mental Health Act 1983. We will not investigate this complaint because we have \
             seen evidence all the organisations have offered support, Ms X does not agree this \
             is the right support for her so she is not engaging. An Ombudsmen investigation is \
             unlikely to find fault."
        )
    );
    let s = &d.spans;
    assert_eq!(
        s.title.unwrap().slice(&text),
        "NHS Cheshire and Merseyside ICB (25 000 113b)"
    );
    assert_eq!(
        s.organisation.unwrap().slice(&text),
        "NHS Cheshire and Merseyside ICB"
    );
    assert_eq!(
        (s.reference.unwrap().start, s.reference.unwrap().end),
        (33, 44)
    );
    assert_eq!(
        s.category.unwrap().slice(&text),
        "Health > Mental health services"
    );
    assert_eq!(
        s.subcategory.unwrap().slice(&text),
        "Mental health services"
    );
    assert_eq!(
        s.decision.unwrap().slice(&text),
        "Closed after initial enquiries"
    );
    assert_eq!(s.decision_date.unwrap().slice(&text), "28 Jul 2025");
    assert!(s
        .summary
        .unwrap()
        .slice(&text)
        .starts_with("Ms X complains the Council, Trust"));
    assert!(d.unrecognised.is_empty());
}

#[test]
fn seed_sections_in_order() {
    let (_, d) = seed();
    let shape: Vec<_> = d
        .sections
        .iter()
        .map(|s| {
            (
                s.heading.as_deref().unwrap_or(""),
                s.kind,
                s.paragraphs.len(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        vec![
            ("The complaint", SectionKind::Complaint, 7),
            (
                "The Ombudsmen’s role and powers",
                SectionKind::RoleAndPowers,
                3
            ),
            (
                "How I considered this complaint",
                SectionKind::HowConsidered,
                2
            ),
            ("What I found", SectionKind::WhatFound, 0),
            ("Background", SectionKind::Background, 3),
            ("The complaint", SectionKind::Complaint, 13),
            ("Summary", SectionKind::Other, 3),
            ("Decision", SectionKind::Decision, 1),
            (
                "Investigator's decision on behalf of the Ombudsman",
                SectionKind::SignOff,
                0
            ),
        ]
    );
    let paragraphs: Vec<_> = d.sections.iter().flat_map(|s| &s.paragraphs).collect();
    assert!(paragraphs
        .iter()
        .all(|p| p.marker == Marker::Dash && p.number.is_none() && p.level == 0));
    assert_eq!(
        d.sections[7].paragraphs[0].text,
        "We will not investigate this complaint because it is unlikely we would find fault."
    );
    assert_eq!(d.sections[0].paragraphs[1].text, "Ms X complains;");
}

#[test]
fn seed_record_snapshot() {
    let (_, d) = seed();
    insta::assert_json_snapshot!("seed", d);
}
