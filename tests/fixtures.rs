//! Every fixture in `fixtures/` (one per variation of the published format) has its full
//! record pinned as a snapshot in `tests/snapshots/`, and its spans checked.

mod common;

use ombudsman::{Decision, ErrorKind, Outcome, SectionKind, StatementKind};

fn parse_fixture(name: &str) -> (String, Decision) {
    let bytes = std::fs::read(common::root().join("fixtures").join(name)).unwrap();
    let text = ombudsman::corpus::decode(&bytes).unwrap().into_owned();
    let decision = Decision::parse_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    common::assert_spans_hold(&text, &decision);
    (text, decision)
}

macro_rules! pinned {
    ($($test:ident => $file:literal,)*) => {$(
        #[test]
        fn $test() {
            let (_, decision) = parse_fixture($file);
            insta::assert_json_snapshot!(stringify!($test), decision);
        }
    )*};
}

pinned! {
    blank_line_numbered => "blank_line_numbered.txt",
    single_newline_dash => "single_newline_dash.txt",
    no_header_block => "no_header_block.txt",
    joint_health_suffix => "joint_health_suffix.txt",
    organisation_with_punctuation => "organisation_with_punctuation.txt",
    report_summary_bare_reference => "report_summary_bare_reference.txt",
    report_chapter => "report_chapter.txt",
    cookie_banner_leading => "cookie_banner_leading.txt",
    cookie_banner_trailing => "cookie_banner_trailing.txt",
    table_of_contents => "table_of_contents.txt",
    older_decision_wording => "older_decision_wording.txt",
    unknown_decision_wording => "unknown_decision_wording.txt",
    crlf_nbsp_curly => "crlf_nbsp_curly.txt",
    noise => "noise.txt",
    key_to_names => "key_to_names.txt",
    windows_1252 => "windows_1252.txt",
}

#[test]
fn windows_1252_is_decoded_and_recorded() {
    let (_, d) = parse_fixture("windows_1252.txt");
    assert_eq!(d.encoding, Some(ombudsman::Encoding::Windows1252));
    assert_eq!(d.statement_kind, StatementKind::FinalDecision);
    assert_eq!(
        d.summary.as_deref(),
        Some("Mrs J complained the Council charged her £120 too much. It has agreed to refund it.")
    );
    assert_eq!(
        d.sections[0].paragraphs[0].text,
        "Mrs J says the Council’s bill was “wrong”."
    );
}

#[test]
fn nested_numbering_and_continuation_keep_their_level() {
    let (_, d) = parse_fixture("blank_line_numbered.txt");
    let complaint = &d.sections[0];
    let shape: Vec<_> = complaint
        .paragraphs
        .iter()
        .map(|p| (p.number.as_deref(), p.level))
        .collect();
    assert_eq!(
        shape,
        vec![
            (Some("1"), 0),
            (Some("2"), 0),
            (Some("1"), 1),
            (Some("2"), 1),
            (None, 1)
        ]
    );
}

#[test]
fn furniture_is_dropped_not_mixed_into_text() {
    for name in [
        "blank_line_numbered.txt",
        "cookie_banner_leading.txt",
        "cookie_banner_trailing.txt",
    ] {
        let (_, d) = parse_fixture(name);
        for p in d.sections.iter().flat_map(|s| &s.paragraphs) {
            assert!(
                !p.text.contains("Back to top") && !p.text.contains("cookies"),
                "{name}: {}",
                p.text
            );
        }
        assert!(d
            .sections
            .iter()
            .all(|s| s.heading.as_deref() != Some("Print this page")));
    }
}

#[test]
fn table_of_contents_is_not_a_section() {
    let (_, d) = parse_fixture("table_of_contents.txt");
    assert_eq!(d.sections[0].kind, SectionKind::Complaint);
    assert_eq!(d.sections[0].paragraphs.len(), 1);
}

#[test]
fn header_less_page_parses_with_null_header_fields() {
    let (_, d) = parse_fixture("no_header_block.txt");
    assert_eq!(
        (d.category, d.decision, d.decision_date),
        (None, None, None)
    );
    assert_eq!(d.statement_kind, StatementKind::FinalDecision);
    assert!(d.summary.unwrap().starts_with("the Ombudsman will not"));
}

#[test]
fn unknown_wording_is_kept_raw() {
    let (_, d) = parse_fixture("unknown_decision_wording.txt");
    assert_eq!(
        d.outcome,
        Some(Outcome::Other("Referred back for local resolution".into()))
    );
    assert_eq!(d.decision_date.unwrap().to_string(), "2016-09-01");
}

#[test]
fn windows_line_endings_and_nbsp() {
    let (_, d) = parse_fixture("crlf_nbsp_curly.txt");
    assert_eq!(d.statement_kind, StatementKind::FinalDecision);
    assert!(d.summary.as_deref().unwrap().starts_with("Mr Z complained"));
    assert!(d
        .sections
        .iter()
        .all(|s| s.paragraphs.iter().all(|p| !p.text.contains('\r'))));
}

#[test]
fn report_pages_have_their_kind() {
    assert_eq!(
        parse_fixture("report_chapter.txt").1.statement_kind,
        StatementKind::ReportChapter
    );
    let (_, d) = parse_fixture("report_summary_bare_reference.txt");
    assert_eq!(d.statement_kind, StatementKind::ReportSummary);
    assert_eq!(
        (d.organisation, d.reference.as_deref()),
        (None, Some("17 005 432"))
    );
    assert_eq!(d.sections[0].kind, SectionKind::Lead);
}

fn error_of(name: &str) -> ombudsman::Error {
    let bytes = std::fs::read(common::root().join("fixtures/errors").join(name)).unwrap();
    Decision::parse_bytes(&bytes).expect_err(name)
}

#[test]
fn not_a_decision_says_what_was_expected_and_where() {
    let e = error_of("not_a_decision.txt");
    assert!(matches!(e.kind(), ErrorKind::NotADecision { .. }));
    assert_eq!(
        e.to_string(),
        "line 1, column 1: not a decision: expected a title line such as \"Liverpool City Council \
         (25 000 113b)\", a header line such as \"Category : Health > Mental health services\" or \
         \"The Ombudsman's final decision:\", found \"Dear Sir,\""
    );
}

#[test]
fn malformed_date_is_reported_at_its_position() {
    let e = error_of("bad_date.txt");
    assert_eq!(
        e.to_string(),
        "line 2, column 17: expected \"Decision date :\" followed by a date like \"28 Jul 2025\", found \"28/07/25\""
    );
}

#[test]
fn empty_binary_and_non_utf8_inputs_are_errors() {
    assert!(matches!(error_of("empty.txt").kind(), ErrorKind::Empty));
    assert!(matches!(
        error_of("whitespace_only.txt").kind(),
        ErrorKind::Empty
    ));
    assert_eq!(
        error_of("binary.txt").to_string(),
        "binary data, not text (NUL byte at offset 4)"
    );
    assert_eq!(
        error_of("not_utf8.txt").to_string(),
        "not valid UTF-8 text (invalid byte sequence at offset 38)"
    );
    // (that file has a byte Windows-1252 leaves undefined, so it is not decoded as that)
}

#[test]
fn html_page_is_read_through_a_real_parser_and_its_text_kept() {
    let bytes = std::fs::read(common::root().join("fixtures/html/decision_page.html")).unwrap();
    let d = Decision::parse_bytes(&bytes).unwrap();
    let text = d.text.clone().expect("HTML input keeps its text");
    common::assert_spans_hold(&text, &d);
    assert!(
        !text.contains("cookie") && !text.contains("Skip to") && !text.contains("window.dataLayer")
    );
    assert_eq!(d.reference.as_deref(), Some("24 011 222"));
    assert_eq!(d.organisation.as_deref(), Some("Rivermouth City Council"));
    assert_eq!(d.subcategory.as_deref(), Some("Allocations"));
    assert_eq!(d.statement_kind, StatementKind::FinalDecision);
    assert!(d
        .summary
        .as_deref()
        .unwrap()
        .ends_with("re\u{2011}assess his application and pay him £150."));
    let complaint = &d.sections[0];
    assert_eq!(
        (complaint.kind, complaint.paragraphs.len()),
        (SectionKind::Complaint, 2)
    );
    assert_eq!(d.citations[0].cite().as_deref(), Some("HA 1996 Part 6"));
    insta::assert_json_snapshot!("html_decision_page", d);
}
