//! The facts readers through the public API, one table row per pattern: a summary sentence
//! in a minimal decision, and what must be read from it.

use ombudsman::{Decision, Facts, RemedyStatus};

/// A minimal decision whose summary is `summary`.
fn facts(decision: &str, summary: &str) -> Facts {
    let text = format!(
        "Westshire Council (24 000 001)\nDecision : {decision}\nDecision date : 2 Jan 2025\n\
         Summary: {summary}\nThe complaint\nThe complaint is set out above.\n"
    );
    let d = Decision::parse(&text).unwrap();
    let facts = d.facts.expect("Decision::parse reads the facts");
    // every item keeps its evidence
    for r in &facts.remedies {
        assert_eq!(&text[r.start..r.end], r.text);
    }
    for m in &facts.dates {
        assert_eq!(&text[m.start..m.end], m.text);
    }
    facts
}

/// The facts of a decision parsed with every pass.
fn read(d: &Decision) -> &Facts {
    d.facts.as_ref().expect("Decision::parse reads the facts")
}

/// (kind, amount, recipient, status) of a remedy.
type Row = (String, Option<String>, Option<String>, RemedyStatus);

/// The rows of each remedy.
fn remedies(f: &Facts) -> Vec<Row> {
    f.remedies
        .iter()
        .map(|r| {
            (
                r.kind.code().to_string(),
                r.amount.as_ref().map(ToString::to_string),
                r.recipient.clone(),
                r.status,
            )
        })
        .collect()
}

#[test]
fn complainants_and_parties() {
    let cases: &[(&str, &str)] = &[
        ("Ms X complains the Council delayed.", "Ms X"),
        ("Mr and Mrs B complain about the Council.", "Mr and Mrs B"),
        // any two titles and one letter are one party (the twelfth probe's "Mr and Ms H")
        ("Mr and Ms H complained about noise.", "Mr and Ms H"),
        ("Dr and Mrs K complain the Council delayed.", "Dr and Mrs K"),
        ("Mr T and Mrs U complained.", "Mr T"),
        (
            "The Council wrote to Dr Y. Miss D complained about it.",
            "Miss D",
        ),
        (
            "A woman, who I refer to here as Mrs X, complained.",
            "Mrs X",
        ),
        ("I have called the complainant ‘Ms B’. Mr Z helped.", "Ms B"),
        (
            "Mr Z, acting for Mrs X, complained the Council cut her care.",
            "Mr Z",
        ),
        // a letter alone, as decisions written without a title name people
        ("X complained the Council delayed the assessment.", "X"),
        (
            "The complainant, who I shall refer to as G, says the care stopped.",
            "G",
        ),
        ("We do not uphold G’s complaint about the decision.", "G"),
        // the person complained for is not the complainant; "the complaint" is not a verb
        (
            "On behalf of Miss X, Ms D complained the Council failed her.",
            "Ms D",
        ),
        (
            "Ms X suffered injustice. Sadly Mrs A passed away after Ms X made the complaint.",
            "Ms X",
        ),
    ];
    for (summary, complainant) in cases {
        let f = facts("Upheld", summary);
        assert_eq!(f.complainant.as_deref(), Some(*complainant), "{summary}");
    }
    // letters of things are not people; a letter is a person only where the text says so
    for summary in [
        "The Council says Plan B complained of nothing.",
        "Section F says the provision is therapy.",
        "The Council kept X on file.",
    ] {
        let f = facts("Upheld", summary);
        assert_eq!(f.complainant, None, "{summary}");
    }
    let f = facts(
        "Upheld",
        "Mrs X complains on behalf of her son, Mr B, and about Mrs C (Ms X's mother).",
    );
    let people: Vec<(&str, &str, Option<&str>, Option<&str>)> = f
        .parties
        .iter()
        .map(|p| {
            let role = match p.role {
                ombudsman::PartyRole::Complainant => "complainant",
                ombudsman::PartyRole::Represented => "represented",
                _ => "other",
            };
            (
                p.name.as_str(),
                role,
                p.relation.as_deref(),
                p.relation_of.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        people,
        vec![
            ("Mrs X", "complainant", None, None),
            ("Mr B", "represented", Some("son"), None),
            ("Mrs C", "other", Some("mother"), Some("Ms X")),
            ("Ms X", "other", None, None),
        ]
    );
    // a word between the owner and the relation: "his late father, Mr D"
    for (summary, relation) in [
        (
            "Mr C complains on behalf of his late father, Mr D.",
            "father",
        ),
        (
            "Mrs B complains about the care of her adult son, Mr D.",
            "son",
        ),
        (
            "Ms Y complains about how the Council treated her elderly mother, Mrs X.",
            "mother",
        ),
    ] {
        let f = facts("Upheld", summary);
        let other = &f.parties[1];
        assert_eq!(other.relation.as_deref(), Some(relation), "{summary}");
    }
}

#[test]
fn findings_for_the_decision_as_a_whole() {
    let cases: &[(&str, &str, &str)] = &[
        ("Upheld", "The Council was at fault.", "found"),
        ("Upheld", "We found fault in how it assessed Mr X.", "found"),
        ("Upheld", "We uphold Mr X's complaint.", "found"),
        ("Not upheld", "The Council was not at fault.", "not_found"),
        ("Not upheld", "We found no fault.", "not_found"),
        (
            "Upheld",
            "We found no fault in the assessment but the delay was fault.",
            "found",
        ),
        (
            "Closed after initial enquiries",
            "We will not investigate this complaint.",
            "not_investigated",
        ),
        (
            "Upheld",
            "We found evidence of delay by the Council.",
            "found",
        ),
        (
            "Upheld",
            "While there was no fault in the visit, there was fault in the failure to record an agreement.",
            "found",
        ),
        (
            "Not upheld",
            "There is no evidence of procedural fault in that process.",
            "not_found",
        ),
        // the reasons given for not investigating are not findings of fault
        (
            "Upheld",
            "We will not investigate this complaint. This is because the Council has provided an appropriate response for some errors and there is insufficient evidence of fault for the rest.",
            "not_investigated",
        ),
        // an investigation ended is not a finding of no fault
        (
            "Not upheld",
            "I ended this investigation as there is insufficient evidence of fault.",
            "not_investigated",
        ),
        // a complaint of fault is not a finding of fault
        (
            "Not upheld",
            "Mrs X complained the Council was at fault. We found no fault.",
            "not_found",
        ),
        // wordings first seen in the seventh blind round: declining in other words, and
        // reasons that mention fault and injustice without finding them
        (
            "Closed after initial enquiries",
            "The Ombudsman should not investigate this complaint. This is because there is insufficient evidence of fault by the Council which has caused significant injustice to warrant an investigation.",
            "not_investigated",
        ),
        (
            "Closed after initial enquiries",
            "The Ombudsman does not have grounds to investigate this complaint. This is because there is no sign of fault in the way the panel considered the appeal.",
            "not_investigated",
        ),
        ("Not upheld", "There is no sign of fault in the Council's actions.", "not_found"),
        // closed after initial enquiries, in words the reader does not know: the header
        (
            "Closed after initial enquiries",
            "Mr X complained about a streetlight. The delay caused him significant injustice.",
            "not_investigated",
        ),
    ];
    for (decision, summary, fault) in cases {
        let f = facts(decision, summary);
        let got = f.findings.fault.as_ref().map(|x| x.value.code());
        assert_eq!(got, Some(*fault), "{summary}");
    }
    let f = facts(
        "Upheld",
        "The Council was at fault. This caused Mr X avoidable distress.",
    );
    assert_eq!(f.findings.injustice.unwrap().value.code(), "found");
    let f = facts(
        "Upheld",
        "The Council was at fault but this did not cause Mr X an injustice.",
    );
    assert_eq!(f.findings.injustice.unwrap().value.code(), "not_found");
}

#[test]
fn reasons_for_not_investigating() {
    let cases: &[(&str, &str)] = &[
        ("We will not investigate. An investigation is unlikely to find fault.", "unlikely_to_find_fault"),
        ("We will not investigate. There is no significant injustice to Mr X.", "no_significant_injustice"),
        ("We cannot investigate this complaint about a school because it is outside our jurisdiction.", "outside_jurisdiction"),
        ("We will not investigate this late complaint.", "late_complaint"),
        ("We will not investigate because Mr X could appeal to the tribunal.", "court_or_tribunal"),
        // a tribunal named (the fifteenth probe)
        ("We will not investigate. Mx T could have challenged the notice at the Traffic Penalty Tribunal.", "court_or_tribunal"),
        ("We will not investigate because it is premature.", "premature"),
        ("We will not investigate because the Council has already apologised.", "already_remedied"),
        ("We will not investigate because there is no worthwhile outcome.", "no_worthwhile_outcome"),
        ("We will not investigate because Mr X has moved abroad.", "other"),
        // wordings first seen in the second blind round
        ("We will not investigate. The matter has not caused Mr X significant injustice.", "no_significant_injustice"),
        ("We will not investigate. There is no evidence of personal injustice to Mr X.", "no_significant_injustice"),
        ("We will not investigate because the events occurred many years ago.", "late_complaint"),
        ("We will not investigate. We are unlikely to uncover evidence to establish whether the Council acted with fault.", "unlikely_to_find_fault"),
        ("We will not investigate because the Council has provided the remedy Mrs X was seeking.", "already_remedied"),
        ("I have discontinued my investigation. The Trust should be allowed the opportunity to investigate first.", "premature"),
        ("We will not investigate because the courts are better placed to decide this.", "court_or_tribunal"),
        // wordings first seen in the seventh blind round
        ("We will not investigate. This is because the Council has awarded a payment to Mr X.", "already_remedied"),
        ("We will not investigate because we cannot overturn a decision made by the ICB.", "no_worthwhile_outcome"),
        ("We will not investigate. We cannot now recommend a remedy for Mr C.", "no_worthwhile_outcome"),
        ("We will not investigate. The Council has considered the matters we would expect it to consider.", "unlikely_to_find_fault"),
        ("We will not investigate because people complain to the Care Quality Commission about care standards.", "other"),
        // and in the eighth
        ("We will not investigate. We are unlikely to find evidence of fault by the Council.", "unlikely_to_find_fault"),
        ("We will not investigate. There is no fault on the Council's part for recovering the rates.", "unlikely_to_find_fault"),
        ("We will not investigate because the law prevents us from investigating most things that happen in schools.", "outside_jurisdiction"),
        ("We will not investigate as the complaint is made late and there are not good reasons to investigate now.", "late_complaint"),
        // another body better placed is not a court or tribunal
        ("We will not investigate. The Valuation Office Agency is the body which deals with valuation and it is better placed to consider this.", "other"),
        // a complaint about a remedy offered is not one already remedied
        ("We will not investigate the complaint about the remedy offered. We are unlikely to achieve significantly more.", "no_worthwhile_outcome"),
    ];
    for (summary, code) in cases {
        let f = facts("Closed after initial enquiries", summary);
        let codes: Vec<&str> = f.reasons.iter().map(|r| r.code.code()).collect();
        assert_eq!(codes, vec![*code], "{summary}");
    }
}

#[test]
fn a_reason_that_says_why_outranks_we_cannot_investigate() {
    // "we cannot investigate" alone is the jurisdiction only when no other reason is given;
    // a later sentence naming the jurisdiction is the evidence kept
    let f = facts(
        "Closed after initial enquiries",
        "We cannot investigate this complaint. Mr X is using his court remedy. \
         The complaint is outside the Ombudsman's jurisdiction.",
    );
    let mut codes: Vec<&str> = f.reasons.iter().map(|r| r.code.code()).collect();
    codes.sort_unstable();
    assert_eq!(codes, vec!["court_or_tribunal", "outside_jurisdiction"]);
    let jurisdiction = f
        .reasons
        .iter()
        .find(|r| r.code.code() == "outside_jurisdiction")
        .unwrap();
    assert!(
        jurisdiction.text.contains("jurisdiction"),
        "{}",
        jurisdiction.text
    );
}

#[test]
fn another_body_is_a_reason_beside_the_coded_ones() {
    // "other" with its text stays when another reason is coded; the catch-all does not
    let f = facts(
        "Closed after initial enquiries",
        "We will not investigate because there is no evidence of fault, and people complain \
         to the Care Quality Commission about breaches of standards.",
    );
    let mut codes: Vec<&str> = f.reasons.iter().map(|r| r.code.code()).collect();
    codes.sort_unstable();
    assert_eq!(codes, vec!["other", "unlikely_to_find_fault"]);
    let f = facts(
        "Closed after initial enquiries",
        "We will not investigate because Mr X has moved abroad. There is no evidence of fault.",
    );
    let codes: Vec<&str> = f.reasons.iter().map(|r| r.code.code()).collect();
    assert_eq!(codes, vec!["unlikely_to_find_fault"]);
    // the start of court action is outside our powers; an appeal used is a tribunal remedy
    let f = facts(
        "Closed after initial enquiries",
        "We will not investigate this complaint. We cannot investigate complaints about the \
         start of court action or what happened in court. Miss X has used her right of appeal \
         to the Valuation Tribunal.",
    );
    let mut codes: Vec<&str> = f.reasons.iter().map(|r| r.code.code()).collect();
    codes.sort_unstable();
    assert_eq!(codes, vec!["court_or_tribunal", "outside_jurisdiction"]);
}

#[test]
fn reasons_given_before_the_sentence_that_declines() {
    // "... We therefore discontinued": the reasons came first
    let f = facts(
        "Not upheld",
        "Further investigation is unlikely to add to the Council's investigation, and liability \
         would be a matter for the courts to determine. The Ombudsman therefore discontinued \
         his consideration of this complaint.",
    );
    let codes: Vec<&str> = f.reasons.iter().map(|r| r.code.code()).collect();
    assert_eq!(codes, vec!["court_or_tribunal", "no_worthwhile_outcome"]);
    // without "therefore" the sentence before is not read as reasons
    let f = facts(
        "Not upheld",
        "Mr X says the Council is a matter for the courts. We discontinued the investigation.",
    );
    assert!(f.reasons.is_empty(), "{:?}", f.reasons);
}

#[test]
fn part_of_an_upheld_complaint_declined_in_any_wording() {
    // "consider" and "look at" decline as "investigate" does, in a decision that is not
    // closed (where not every sentence is read for reasons)
    for verb in ["investigate", "consider", "look at"] {
        let f = facts(
            "Upheld",
            &format!(
                "Mrs X complained about the Council. We will not {verb} her complaint about \
                 the parking fine because she could appeal to the tribunal. The Council was at \
                 fault for the delay and has agreed to apologise."
            ),
        );
        let codes: Vec<&str> = f.reasons.iter().map(|r| r.code.code()).collect();
        assert_eq!(codes, vec!["court_or_tribunal"], "{verb}");
        assert_eq!(f.findings.fault.as_ref().unwrap().value.code(), "found");
    }
}

#[test]
fn remedies_given_before_a_complaint_closed_as_remedied_are_not_its_remedies() {
    let closed = "Closed after initial enquiries";
    let cases: &[(&str, &str, Vec<&str>)] = &[
        // given before: the reason the complaint was closed, not what it secured
        (
            closed,
            "We will not investigate. The Council has already apologised and paid Mr C £100 for the delay, which is a suitable remedy, and an investigation would not achieve anything more.",
            vec![],
        ),
        (
            closed,
            "We will not investigate Mrs P's complaint. The Council has now responded, apologised and offered £100, which is a reasonable remedy. Further investigation would not lead to a different outcome.",
            vec![],
        ),
        // agreed so that the complaint could be resolved early: a remedy of this decision
        (
            closed,
            "We will not investigate Miss X's complaint. This is because the Council agreed to resolve the complaint early by providing a proportionate remedy for the injustice caused by the likely fault.",
            vec!["other"],
        ),
        // an upheld complaint keeps what the body has already done
        (
            "Upheld",
            "The Council was at fault. It has already apologised and has now paid Mr C £100.",
            vec!["apology", "payment"],
        ),
    ];
    for (decision, summary, kinds) in cases {
        let f = facts(decision, summary);
        let got: Vec<&str> = f.remedies.iter().map(|r| r.kind.code()).collect();
        assert_eq!(&got, kinds, "{summary}");
    }
}

#[test]
fn remedies_amounts_recipients_and_status() {
    use RemedyStatus::*;
    let s = |x: &str| Some(x.to_string());
    let cases: &[(&str, Vec<Row>)] = &[
        (
            "The Council has agreed to apologise and pay Mrs X £1,250.50.",
            vec![
                ("apology".into(), None, None, Agreed),
                ("payment".into(), s("1250.50"), s("Mrs X"), Agreed),
            ],
        ),
        (
            "The Council should pay Mr X £300 and Mrs Y £150.50.",
            vec![
                ("payment".into(), s("300.00"), s("Mr X"), Recommended),
                ("payment".into(), s("150.50"), s("Mrs Y"), Recommended),
            ],
        ),
        (
            "The Council agreed to pay Mr X between £100 and £300.",
            vec![("payment".into(), s("100.00-300.00"), s("Mr X"), Agreed)],
        ),
        (
            "The Council refused to pay Mr X £500.",
            vec![("payment".into(), s("500.00"), s("Mr X"), Refused)],
        ),
        (
            "The Council has offered Mr X £75.",
            vec![("payment".into(), s("75.00"), s("Mr X"), Offered)],
        ),
        (
            "The Council has agreed to refund the £99.99 it charged and waive the rest.",
            vec![("refund".into(), s("99.99"), None, Agreed)],
        ),
        (
            "The Council will reassess Ms Z's needs and remind staff of its procedure.",
            vec![
                ("reassessment".into(), None, None, Agreed),
                ("service_improvement".into(), None, None, Agreed),
            ],
        ),
        ("Mrs X wants an apology and £1,000.", vec![]),
        // wordings first seen in the second blind round
        (
            "The Council has agreed to apologise and review what happened.",
            vec![
                ("apology".into(), None, None, Agreed),
                ("reassessment".into(), None, None, Agreed),
            ],
        ),
        (
            "It will share the lessons learned with its staff.",
            vec![("service_improvement".into(), None, None, Agreed)],
        ),
        (
            "The Council has agreed to pay redress for the delays.",
            vec![("payment".into(), None, None, Agreed)],
        ),
        (
            "This is fault for which a suitable remedy is agreed.",
            vec![("other".into(), None, None, Agreed)],
        ),
        // wordings first seen in the third blind round
        (
            "The Council and Trust should take action to remedy Mr Q's injustice.",
            vec![("other".into(), None, None, Recommended)],
        ),
        (
            "It will tell us what it will do to ensure in future its officers deal correctly with vulnerable people.",
            vec![("service_improvement".into(), None, None, Agreed)],
        ),
        (
            "The Council agreed to apologise to Mrs X and decide what action it will take about the obstruction.",
            vec![
                ("apology".into(), None, s("Mrs X"), Agreed),
                ("other".into(), None, None, Agreed),
            ],
        ),
        // wordings first seen in the fourth blind round
        (
            "The Council has agreed the recommended action.",
            vec![("other".into(), None, None, Agreed)],
        ),
        (
            "The Council has agreed to our recommendations to remedy this.",
            vec![("other".into(), None, None, Agreed)],
        ),
        (
            "The Care Provider has amended the terms and conditions to remedy the injustice.",
            vec![("service_improvement".into(), None, None, Agreed)],
        ),
        (
            "It also agreed to issue the amended plan without further delay.",
            vec![("other".into(), None, None, Agreed)],
        ),
        (
            "The Council agreed to resolve the complaint early by providing a proportionate remedy.",
            vec![("other".into(), None, None, Agreed)],
        ),
        // wordings first seen in the fifth blind round
        (
            "The Council has agreed to apologise to Miss X and complete the outstanding assessment.",
            vec![
                ("apology".into(), None, s("Miss X"), Agreed),
                ("reassessment".into(), None, None, Agreed),
            ],
        ),
        (
            "The Council will issue Mr X with a carer's support plan.",
            vec![("reassessment".into(), None, None, Agreed)],
        ),
        (
            "The Council has agreed to write-off some of the arrears.",
            vec![("refund".into(), None, None, Agreed)],
        ),
        (
            "We have made recommendations for a remedy.",
            vec![("other".into(), None, None, Recommended)],
        ),
        // "will not consider this further" promises nothing
        (
            "The Council considered the recommendations and so the Ombudsman will not consider this matter further.",
            vec![],
        ),
        // wordings first seen in the sixth blind round
        (
            "It has reviewed its complaint handling procedures to prevent reoccurrence of this fault.",
            vec![("service_improvement".into(), None, None, Agreed)],
        ),
        (
            "It should provide evidence that it has carried out the recommendations of the review.",
            vec![("other".into(), None, None, Recommended)],
        ),
        // a complainant unhappy with a remedy offered is not a remedy
        ("The Council upheld her complaint; however, she is unhappy with the remedy offered.", vec![]),
        // reviewing a decision is a reassessment, not a service improvement
        (
            "The Council has agreed to review its decision on her status.",
            vec![("reassessment".into(), None, None, Agreed)],
        ),
        // wordings first seen in the seventh blind round
        (
            "It will also review procedures for assessing cases referred to it.",
            vec![("service_improvement".into(), None, None, Agreed)],
        ),
        (
            "The Council has agreed to apologise and arrange a new panel to consider Miss X's appeal again.",
            vec![
                ("apology".into(), None, None, Agreed),
                ("reassessment".into(), None, None, Agreed),
            ],
        ),
        (
            "The Council will apologise and issue Mr X with a carer's support plan.",
            vec![
                ("apology".into(), None, None, Agreed),
                ("reassessment".into(), None, None, Agreed),
            ],
        ),
        (
            "The Council has agreed to brief relevant staff on the law.",
            vec![("service_improvement".into(), None, None, Agreed)],
        ),
        // a refund told without its amount, then once with it, is one refund
        (
            "The Council will refund the charges. It will refund Mrs X \u{a3}99.",
            vec![("refund".into(), s("99.00"), s("Mrs X"), Agreed)],
        ),
        // saying no remedy is recommended is not a remedy; with "but", what follows may be
        ("We have not recommended a remedy.", vec![]),
        ("We make no further recommendations.", vec![]),
        (
            "We make no recommendation about the fee, but the Council should apologise.",
            vec![("apology".into(), None, None, Recommended)],
        ),
        // the recipient of an apology in the third person, as recommendations list them
        (
            "We recommend the Trust apologises to Mrs K.",
            vec![("apology".into(), None, s("Mrs K"), Recommended)],
        ),
        // two bodies that "each pay £200" are the £400 told before
        (
            "The organisations have agreed to apologise and pay Ms D \u{a3}400. The Trust and the Council will each pay Ms D \u{a3}200.",
            vec![
                ("apology".into(), None, None, Agreed),
                ("payment".into(), s("400.00"), s("Ms D"), Agreed),
            ],
        ),
        // with two amounts told later, which one it was is not known: all are kept
        (
            "The Council will make a payment to Mr X. It will pay Mr X \u{a3}100 and \u{a3}50.",
            vec![
                ("payment".into(), None, s("Mr X"), Agreed),
                ("payment".into(), s("100.00"), s("Mr X"), Agreed),
                ("payment".into(), s("50.00"), s("Mr X"), Agreed),
            ],
        ),
    ];
    for (summary, expected) in cases {
        let f = facts("Upheld", summary);
        assert_eq!(&remedies(&f), expected, "{summary}");
    }
    // up to, deadlines, purposes, and a total that counts a range's top
    let f = facts(
        "Upheld",
        "Within one month, the Council will pay Mrs X up to £400 for her distress and time and trouble.",
    );
    let r = &f.remedies[0];
    assert!(r.amount.as_ref().unwrap().up_to);
    assert_eq!(r.deadline.as_ref().unwrap().months, Some(1));
    assert_eq!(r.purpose, vec!["distress", "time_and_trouble"]);
    assert_eq!(f.total_payment_pence(), Some(40_000));
    let f = facts("Upheld", "It should apologise within 20 working days.");
    assert_eq!(f.remedies[0].deadline.as_ref().unwrap().days, Some(20));
    // a payment's purpose stops at the next remedy joined to it
    let f = facts(
        "Upheld",
        "The ICB has agreed to pay Mr C £300 and reimburse the care fees his father paid.",
    );
    let payment = f.remedies.iter().find(|r| r.amount.is_some()).unwrap();
    assert!(payment.purpose.is_empty(), "{:?}", payment.purpose);
}

#[test]
fn a_list_recommended_with_its_deadline_before_the_colon() {
    let text = "Westshire Council (24 000 001)\nDecision : Upheld\nDecision date : 2 Jan 2025\n\
                Summary: The Council was at fault.\nRecommendations\n\
                - To remedy the injustice caused, the Council should within one month:\n\
                - apologise to Mrs F;\n\
                - pay Mrs F £300 for her distress.\n";
    let d = ombudsman::Decision::parse(text).unwrap();
    let rows: Vec<(&str, RemedyStatus, Option<u32>)> = read(&d)
        .remedies
        .iter()
        .map(|r| {
            (
                r.kind.code(),
                r.status,
                r.deadline.as_ref().and_then(|d| d.months),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("apology", RemedyStatus::Recommended, Some(1)),
            ("payment", RemedyStatus::Recommended, Some(1)),
        ]
    );
}

#[test]
fn dates_and_the_timeline() {
    let f = facts(
        "Upheld",
        "In mid 2022 Mr X asked for help. On 7 June 2024 the Council replied, and in June 2024 it closed the case. It will pay by 1 May 2026.",
    );
    let dates: Vec<(&str, &str)> = f
        .dates
        .iter()
        .map(|d| (d.text.as_str(), d.date.as_str()))
        .collect();
    assert_eq!(
        dates,
        vec![
            ("mid 2022", "2022"),
            ("7 June 2024", "2024-06-07"),
            ("June 2024", "2024-06"),
            ("1 May 2026", "2026-05-01"),
        ]
    );
    assert_eq!(f.timeline.earliest.unwrap().date, "2022");
    assert_eq!(f.timeline.latest.unwrap().date, "2024-06");
    // from 30 June 2024 to 2 January 2025
    assert_eq!(f.timeline.days_to_decision, Some(186));
    // a qualified year covers its part of the year: "early 2024" is not later than 7 June
    let f = facts(
        "Upheld",
        "In early 2024 Mrs X complained, and on 7 June 2024 the Council replied. In summer 2023 it had visited.",
    );
    assert_eq!(f.timeline.latest.as_ref().unwrap().text, "7 June 2024");
    assert_eq!(f.timeline.days_to_decision, Some(209));
    assert_eq!(f.timeline.earliest.as_ref().unwrap().text, "summer 2023");
    // the first month of a range takes the year of the second, when it comes before it
    let f = facts(
        "Upheld",
        "Between March and June 2023 it did not reply. From 1 March to 30 June 2024 it did not visit. In December and January 2024 it was closed.",
    );
    let dates: Vec<(&str, &str)> = f
        .dates
        .iter()
        .map(|d| (d.text.as_str(), d.date.as_str()))
        .collect();
    assert_eq!(
        dates,
        vec![
            ("March", "2023-03"),
            ("June 2023", "2023-06"),
            ("1 March", "2024-03-01"),
            ("30 June 2024", "2024-06-30"),
            ("January 2024", "2024-01"),
        ]
    );
    let f = facts(
        "Upheld",
        "In early 2024 Mrs X complained, and on 7 June 2024 the Council replied. In summer 2023 it had visited.",
    );
    let early = f.dates.iter().find(|d| d.text == "early 2024").unwrap();
    let (first, last) = early.period();
    assert_eq!(
        (first.to_string(), last.to_string()),
        ("2024-01-01".into(), "2024-04-30".into())
    );
    // a season "of" a year covers the season
    let f = facts("Upheld", "In the summer of 2022 her needs increased.");
    let (first, last) = f.dates[0].period();
    assert_eq!(f.dates[0].text, "summer of 2022");
    assert_eq!(
        (first.to_string(), last.to_string()),
        ("2022-06-01".into(), "2022-08-31".into())
    );
}

#[test]
fn the_items_of_a_list_of_remedies_share_its_status() {
    use RemedyStatus::*;
    let text = "Westshire Council (24 000 001)\nDecision : Upheld\nDecision date : 2 Jan 2025\n\
        Summary: The Council was at fault.\nThe complaint\n  1. Mrs X complained about her care.\n\
        Agreed action\n  1. The Council has agreed to:\n    \u{2022} apologise to Mrs X;\n\
        \u{20}   \u{2022} pay Mrs X \u{a3}250 for her distress;\n\
        \u{20}   \u{2022} pay Mrs X a further \u{a3}250 for her time and trouble;\n\
        \u{20}   \u{2022} pay the allowance at the foster carer rate, as set out in her support plan.\n\
        \u{20} 2. It has also offered to:\n    \u{2022} Review its policy on charging.\n\
        \u{20} 3. Mrs X asked the Council to:\n    \u{2022} pay her \u{a3}1,000.\n";
    let d = Decision::parse(text).unwrap();
    let s = |x: &str| Some(x.to_string());
    let rows = remedies(read(&d));
    assert_eq!(
        rows,
        vec![
            ("apology".into(), None, s("Mrs X"), Agreed),
            ("payment".into(), s("250.00"), s("Mrs X"), Agreed),
            // "a further £250" is a second payment, not the first told again
            ("payment".into(), s("250.00"), s("Mrs X"), Agreed),
            // a plan cited is not a reassessment
            ("payment".into(), None, None, Agreed),
            ("service_improvement".into(), None, None, Offered),
        ]
    );
    // what the complainant asked for is not a remedy
    assert_eq!(read(&d).total_payment_pence(), Some(50_000));
}

#[test]
fn a_report_summary_gives_its_remedies_under_the_complaint() {
    use RemedyStatus::*;
    // older report summaries state the decision and the remedies under "The complaint"; an
    // item may run to several sentences
    let text = "16 000 001\nCategory : Adult care services > Charging\nDecision : Upheld\n\
        Decision date : 20 Jul 2017\n\nA woman complains the council refused to fund her care.\n\n\
        The complaint\n\nThe woman says the council should have reassessed her mother's needs.\n\n\
        The Ombudsman upheld the complaint and found fault causing injustice.\n\n\
        To remedy the injustice caused, the council has agreed to:\n\n\
        \u{20} \u{2022} apologise to the woman. It will write to her within a month.\n\
        \u{20} \u{2022} pay the woman \u{a3}300 for her time and trouble.\n\n\
        Ombudsman satisfied with council's response: 10 January 2018.\n";
    let d = Decision::parse(text).unwrap();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        remedies(read(&d)),
        vec![
            ("apology".into(), None, None, Agreed),
            ("payment".into(), s("300.00"), None, Agreed),
        ]
    );
}

#[test]
fn items_take_their_list_deadline_and_a_total_itemised_later_counts_once() {
    let text = "Westshire Council (24 000 001)\nDecision : Upheld\nDecision date : 2 Jan 2025\n\
        Summary: The Council delayed. That was fault. The Council has agreed to apologise and \
        pay Mrs X \u{a3}450.\nThe complaint\n  1. Mrs X complained about her housing.\n\
        Agreed action\n  1. Within one month of the final decision, the Council has agreed to:\n\
        \u{20}   \u{2022} apologise to Mrs X for the distress caused by the delay;\n\
        \u{20}   \u{2022} pay Mrs X \u{a3}300 to acknowledge the distress; and\n\
        \u{20}   \u{2022} pay Mrs X \u{a3}150 for her time and trouble.\n\
        \u{20} 2. Within three months of the final decision, the Council has agreed to:\n\
        \u{20}   \u{2022} remind staff in its housing team of the time limits for reviews.\n";
    let d = Decision::parse(text).unwrap();
    let rows: Vec<(&str, Option<String>, Option<u32>)> = read(&d)
        .remedies
        .iter()
        .map(|r| {
            (
                r.kind.code(),
                r.amount.as_ref().map(ToString::to_string),
                r.deadline.as_ref().and_then(|x| x.months),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            // told in the summary, then again as an item with its deadline
            ("apology", None, Some(1)),
            // the summary's £450 is the £300 and £150 itemised: counted once
            ("payment", Some("300.00".to_string()), Some(1)),
            ("payment", Some("150.00".to_string()), Some(1)),
            ("service_improvement", None, Some(3)),
        ]
    );
    assert_eq!(read(&d).total_payment_pence(), Some(45_000));
    // payments to someone else that add up to an earlier one are not its items
    let f = facts(
        "Upheld",
        "The Council will pay Mrs X \u{a3}200. It will pay Mr Y \u{a3}100 and Mr Y \u{a3}100.",
    );
    assert_eq!(f.total_payment_pence(), Some(40_000));
}

/// A whole decision of the usual modern shape, written for this test: the summary tells the
/// remedies once, the agreed action again with amounts and deadlines.
const WHOLE_DECISION: &str = r#"Westshire County Council (24 012 345)

Category : Adult care services > Charging

Decision : Upheld

Decision date : 14 Mar 2025

The Ombudsman's final decision:

Summary: Mrs X complained on behalf of her mother, Mrs Y, that the Council charged her mother for care it had agreed to fund under section 117 of the Mental Health Act 1983. We found the Council was at fault. It wrongly charged Mrs Y £3,412.50 between June 2023 and February 2024 and delayed its response to Mrs X’s complaint. This caused Mrs Y a financial loss and Mrs X avoidable distress and time and trouble. The Council has agreed to refund the charges, apologise and pay Mrs X £250.

The complaint

  1. The complainant, whom I shall refer to as Mrs X, complains on behalf of her mother, Mrs Y. Mrs X says the Council wrongly charged Mrs Y for aftercare services.
  2. Mrs X says this caused her mother financial hardship and caused her distress.

The Ombudsman’s role and powers

  1. We investigate complaints about ‘maladministration’ and ‘service failure’. In this statement, I have used the word ‘fault’ to refer to these. (Local Government Act 1974, sections 26(1) and 26A(1), as amended)
  2. If we are satisfied with a council’s actions or proposed actions, we can complete our investigation and issue a decision statement. (Local Government Act 1974, section 30(1B) and 34H(i), as amended)

How I considered this complaint

  1. I considered the information Mrs X provided and the Council’s response to my enquiries.

What I found

Law and guidance

  1. Section 117 of the Mental Health Act 1983 (the MHA) places a duty on councils and integrated care boards to provide aftercare services. Councils cannot charge for section 117 aftercare.

What happened

  1. Mrs Y was detained under section 3 of the MHA in March 2023. She was discharged on 12 May 2023 with a section 117 aftercare plan.
  2. From June 2023 the Council sent Mrs Y invoices for her care. Mrs X paid them from her mother’s account.
  3. Mrs X complained in March 2024. The Council did not reply until 30 August 2024.

My findings

  1. The Council was at fault when it charged Mrs Y for aftercare it had a duty to provide free under section 117. This caused Mrs Y a financial loss of £3,412.50.
  2. The Council also delayed in responding to the complaint. This caused Mrs X avoidable distress and time and trouble.

Agreed action

  1. Within one month of the final decision, the Council has agreed to:
    • apologise to Mrs X and Mrs Y for the faults identified;
    • refund the £3,412.50 it charged Mrs Y for aftercare; and
    • pay Mrs X £250 to recognise her distress and time and trouble.
  2. Within three months of the final decision, the Council has agreed to:
    • remind staff in its financial assessment team that section 117 aftercare is free; and
    • review its procedures for identifying people entitled to section 117 aftercare.
  3. The Council should provide us with evidence it has complied with the above actions.

Final decision

  1. I have completed my investigation. There was fault by the Council which caused injustice to Mrs X and Mrs Y.
"#;

#[test]
fn a_whole_decision_tells_each_remedy_once() {
    use RemedyStatus::*;
    let d = Decision::parse(WHOLE_DECISION).unwrap();
    let f = read(&d);
    assert_eq!(f.complainant.as_deref(), Some("Mrs X"));
    let mrs_y = f.parties.iter().find(|p| p.name == "Mrs Y").unwrap();
    assert_eq!(mrs_y.relation.as_deref(), Some("mother"));
    assert_eq!(f.findings.fault.as_ref().unwrap().value.code(), "found");
    assert_eq!(f.findings.injustice.as_ref().unwrap().value.code(), "found");
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        remedies(f),
        vec![
            ("apology".into(), None, s("Mrs X"), Agreed),
            ("payment".into(), s("250.00"), s("Mrs X"), Agreed),
            // "refund the charges" in the summary is the £3,412.50 of the agreed action
            ("refund".into(), s("3412.50"), s("Mrs Y"), Agreed),
            ("service_improvement".into(), None, None, Agreed),
            ("service_improvement".into(), None, None, Agreed),
        ]
    );
    let months: Vec<Option<u32>> = f
        .remedies
        .iter()
        .map(|r| r.deadline.as_ref().and_then(|x| x.months))
        .collect();
    assert_eq!(months, vec![Some(1), Some(1), Some(1), Some(3), Some(3)]);
    assert_eq!(f.total_payment_pence(), Some(25_000));
    // every remedy's evidence is its sentence in the text
    for r in &f.remedies {
        assert_eq!(&WHOLE_DECISION[r.start..r.end], r.text);
    }
    assert_eq!(f.timeline.earliest.as_ref().unwrap().date, "2023-03");
    assert_eq!(f.timeline.latest.as_ref().unwrap().date, "2024-08-30");
    assert_eq!(f.timeline.days_to_decision, Some(196));
    assert!(f.reasons.is_empty());
}

/// A whole decision that finds no fault, written for this test: what the complainant asks
/// for, and a sentence saying no remedy is recommended, are not remedies.
const WHOLE_DECISION_NO_FAULT: &str = r#"Eastshire District Council (24 020 202)

Category : Housing > Allocations

Decision : Not upheld

Decision date : 3 Feb 2025

The Ombudsman's final decision:

Summary: Mr B complained the Council wrongly placed him in Band C of its housing register. We found no fault in how the Council assessed his medical evidence. We have not recommended a remedy.

The complaint

  1. Mr B complains the Council should have placed him in Band A because of his health. He says the Council should pay him compensation and apologise.
  2. Mr B wants the Council to review his banding.

The Ombudsman’s role and powers

  1. We investigate complaints about ‘maladministration’ and ‘service failure’. If there is fault which caused injustice, we may suggest a remedy. (Local Government Act 1974, sections 26(1) and 26A(1), as amended)

What I found

  1. Part 6 of the Housing Act 1996 says councils must have an allocations scheme.
  2. Mr B applied to join the housing register in January 2024. The Council placed him in Band C on 4 April 2024.
  3. The Council considered Mr B’s medical evidence and decided it did not show his housing made his health worse. That was a decision it was entitled to make. It was not fault.
  4. The Council reviewed its decision in June 2024 and explained its reasons. I do not find fault in how it did so.

Final decision

  1. I have completed my investigation. There was no fault by the Council.
"#;

#[test]
fn a_whole_decision_without_fault_has_no_remedies() {
    let d = Decision::parse(WHOLE_DECISION_NO_FAULT).unwrap();
    let f = read(&d);
    assert_eq!(f.complainant.as_deref(), Some("Mr B"));
    assert_eq!(f.findings.fault.as_ref().unwrap().value.code(), "not_found");
    assert!(f.remedies.is_empty(), "{:?}", f.remedies);
    assert!(f.reasons.is_empty());
    assert_eq!(f.total_payment_pence(), None);
}

/// A whole decision whose remedies are recommended in a list introduced by "we recommend
/// the Council:", written for this test.
const WHOLE_DECISION_RECOMMENDED: &str = r#"Westshire County Council (23 004 321)

Category : Education > Special educational needs

Decision : Upheld

Decision date : 9 Oct 2024

The Ombudsman's final decision:

Summary: The Council failed to provide the special educational provision in Y's plan for two terms. This caused Y a loss of education and Mrs X distress.

The complaint

  1. Mrs X complains the Council failed to provide the provision in her son Y's plan.

Recommendations

  1. To remedy the injustice caused, we recommend the Council:
    • apologise to Mrs X;
    • pay Mrs X £1,800 for Y's lost education; and
    • pay Mrs X £300 for her distress.
  2. The Council has agreed to take the following action within three months of my final decision:
    • review how it monitors the special educational provision it arranges.

Decision

  1. I have completed my investigation. There was fault causing injustice.
"#;

#[test]
fn a_list_introduced_by_we_recommend_the_council() {
    use RemedyStatus::*;
    let d = Decision::parse(WHOLE_DECISION_RECOMMENDED).unwrap();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        remedies(read(&d)),
        vec![
            ("apology".into(), None, s("Mrs X"), Recommended),
            ("payment".into(), s("1800.00"), s("Mrs X"), Recommended),
            ("payment".into(), s("300.00"), s("Mrs X"), Recommended),
            ("service_improvement".into(), None, None, Agreed),
        ]
    );
    // "the following action within three months of my final decision:"
    let last = read(&d).remedies.last().unwrap();
    assert_eq!(last.deadline.as_ref().unwrap().months, Some(3));
    assert_eq!(read(&d).total_payment_pence(), Some(210_000));
}

/// Wordings from decisions written for this session from a knowledge of how decisions put
/// things, before the rules were read (a probe of unseen wordings, not corpus text).
#[test]
fn remedies_in_wordings_first_seen_in_written_probes() {
    use RemedyStatus::*;
    let s = |x: &str| Some(x.to_string());
    let cases: &[(&str, Vec<Row>)] = &[
        // a rate with its total: the total is the payment
        (
            "To remedy the injustice the Council should pay Mr D £150 a month for each month he stayed there, totalling £750.",
            vec![("payment".into(), s("750.00"), s("Mr D"), Recommended)],
        ),
        // a review of a way of working, with words between the verb and what it reviews
        (
            "We have recommended the Council review its safeguarding procedures.",
            vec![("service_improvement".into(), None, None, Recommended)],
        ),
        (
            "The care provider has agreed to apologise and review its call scheduling system.",
            vec![
                ("apology".into(), None, None, Agreed),
                ("service_improvement".into(), None, None, Agreed),
            ],
        ),
        // a decision taken again
        (
            "The Council has agreed to make a new decision on whether it owes Ms N the main housing duty.",
            vec![("reassessment".into(), None, None, Agreed)],
        ),
        (
            "The Council has agreed to complete a pathway plan for Miss P.",
            vec![("reassessment".into(), None, None, Agreed)],
        ),
        // "assessment officers" is not an assessment
        (
            "The Council has agreed to remind its financial assessment officers about the disregard.",
            vec![("service_improvement".into(), None, None, Agreed)],
        ),
        // a payment the Ombudsman did not recommend is none
        (
            "It has agreed to apologise and to check its notification procedures. We did not recommend a payment because the outcome would have been the same.",
            vec![
                ("apology".into(), None, None, Agreed),
                ("service_improvement".into(), None, None, Agreed),
            ],
        ),
        // an amount paid to meet a cost is a refund
        (
            "The Council agreed to pay Mr S up to £750 to reimburse the cost of care he arranged.",
            vec![("refund".into(), s("750.00"), s("Mr S"), Agreed)],
        ),
        (
            "The Council agreed to correct its records and pay Mrs Y £300.",
            vec![
                ("payment".into(), s("300.00"), s("Mrs Y"), Agreed),
                ("other".into(), None, None, Agreed),
            ],
        ),
        // a remedy named without saying what it is, beside the ones the text describes
        (
            "The Council has agreed to apologise to Mr C. I have found fault causing injustice and the Council has agreed to remedy this.",
            vec![("apology".into(), None, s("Mr C"), Agreed)],
        ),
        // refusals of what was recommended before
        (
            "We recommended the Council apologise and pay Mr D £300. The Council refused to make the payment but agreed to the other recommendations.",
            vec![
                ("apology".into(), None, None, Agreed),
                ("payment".into(), s("300.00"), s("Mr D"), Refused),
            ],
        ),
        (
            "We recommended the Council pay Mr Z £250. The Council did not accept this recommendation.",
            vec![("payment".into(), s("250.00"), s("Mr Z"), Refused)],
        ),
        // payments staff are to check are not a payment; remedy payments are
        (
            "The Council will also remind staff to check payments before passing debts to enforcement agents.",
            vec![("service_improvement".into(), None, None, Agreed)],
        ),
        (
            "The Council has agreed to make remedy payments to Mr X.",
            vec![("payment".into(), None, s("Mr X"), Agreed)],
        ),
        (
            "Within three months the Council should prepare a report for its scrutiny committee on how it will meet EHC plan timescales.",
            vec![("service_improvement".into(), None, None, Recommended)],
        ),
        // a deadline between "should" and the verb
        (
            "The Council should, within four weeks, apologise to Mr K, and pay him £200 to acknowledge the frustration caused.",
            vec![
                ("apology".into(), None, s("Mr K"), Recommended),
                ("payment".into(), s("200.00"), s("Mr K"), Recommended),
            ],
        ),
        (
            "To put things right, the Council will redo the financial assessment.",
            vec![("reassessment".into(), None, None, Agreed)],
        ),
        (
            "The Council has offered to pay Mrs P £250 and has since improved how it communicates changes to families.",
            vec![
                ("payment".into(), s("250.00"), s("Mrs P"), Offered),
                ("service_improvement".into(), None, None, Offered),
            ],
        ),
        // from the fifth probe: a review of a plan held again, the next stage of a
        // complaints procedure, and remedies the body has already given
        (
            "The Council has agreed to hold an annual review of the EHC plan within four weeks.",
            vec![("reassessment".into(), None, None, Agreed)],
        ),
        (
            "The Council should apologise and provide a stage 3 panel.",
            vec![
                ("apology".into(), None, None, Recommended),
                ("other".into(), None, None, Recommended),
            ],
        ),
        (
            "It has cancelled the summons costs of £95 and apologised.",
            vec![
                ("apology".into(), None, None, Agreed),
                ("refund".into(), s("95.00"), None, Agreed),
            ],
        ),
        // from the sixth probe: the passive, and a case put back
        (
            "An apology will be sent to Mrs A and the charges of £640 will be written off.",
            vec![
                ("apology".into(), None, s("Mrs A"), Agreed),
                ("refund".into(), s("640.00"), s("Mrs A"), Agreed),
            ],
        ),
        (
            "It will reinstate his application with the original date and pay him £200 for the lost opportunity to bid.",
            vec![
                ("payment".into(), s("200.00"), None, Agreed),
                ("other".into(), None, None, Agreed),
            ],
        ),
        (
            "To remedy this it has agreed to send his appeal to the tribunal within 10 working days.",
            vec![("other".into(), None, None, Agreed)],
        ),
        // a body that has not answered yet has agreed to nothing
        (
            "We recommended the Council apologise to Ms T. The Council has not yet said whether it accepts the recommendations.",
            vec![("apology".into(), None, s("Ms T"), Recommended)],
        ),
        // from the seventh probe
        // a commitment: "has undertaken to"
        (
            "The Council has undertaken to apologise to Mrs P, pay her £350 for the uncertainty caused, and reassess her housing application within six weeks.",
            vec![
                ("apology".into(), None, s("Mrs P"), Agreed),
                ("payment".into(), s("350.00"), s("Mrs P"), Agreed),
                ("reassessment".into(), None, None, Agreed),
            ],
        ),
        // from the eleventh probe: agreed, then refused, in one sentence: each clause its own
        (
            "It agreed to apologise and to review the care plan within six weeks, but refused our recommendation to pay Ms R £300 for her time and trouble.",
            vec![
                ("apology".into(), None, None, Agreed),
                ("reassessment".into(), None, None, Agreed),
                ("payment".into(), s("300.00"), s("Ms R"), Refused),
            ],
        ),
        // a refusal first, then agreement to the rest, is read as before
        (
            "We recommended the Council apologise and pay Mr V £200. The Council refused to pay Mr V but agreed to the other recommendation.",
            vec![
                ("apology".into(), None, None, Agreed),
                ("payment".into(), s("200.00"), s("Mr V"), Refused),
            ],
        ),
        // from the fourteenth probe: reporting to us how it will change is an improvement
        (
            "The Council has agreed to apologise and report to us on how it will reduce delays.",
            vec![
                ("apology".into(), None, None, Agreed),
                ("service_improvement".into(), None, None, Agreed),
            ],
        ),
        // from the fifteenth probe: a review of the leaflet it gives people; care fees paid
        // back ("to cover the care fees she should not have paid") are a refund
        (
            "Within three months it should review the leaflet it gives people about charging.",
            vec![("service_improvement".into(), None, None, Recommended)],
        ),
        (
            "The Council has agreed to pay Ms W £2,345.67 to cover the care fees she should not have paid and £150 for her time and trouble.",
            vec![
                ("refund".into(), s("2345.67"), s("Ms W"), Agreed),
                ("payment".into(), s("150.00"), s("Ms W"), Agreed),
            ],
        ),
        // the same in the past tense: "undertook to" (the remedies' gate missed it)
        (
            "It undertook to refund the £95 fee within 14 days.",
            vec![("refund".into(), s("95.00"), None, Agreed)],
        ),
        // given already, with an adverb between: "has now refunded"
        (
            "The Council was at fault. It has now refunded the £1,482.60 she paid.",
            vec![("refund".into(), s("1482.60"), None, Agreed)],
        ),
        // the passive "is to be", and a verb beyond the usual few: "will receive"
        (
            "A new assessment is to be completed within eight weeks and Mrs D will receive a written apology.",
            vec![
                ("apology".into(), None, None, Agreed),
                ("reassessment".into(), None, None, Agreed),
            ],
        ),
        // money lost, paid back: a refund, not a payment
        (
            "The Council was at fault for the delay, but it has already apologised and paid her the £212.40 she lost, which is a suitable remedy.",
            vec![
                ("apology".into(), None, None, Agreed),
                ("refund".into(), s("212.40"), None, Agreed),
            ],
        ),
        // guidance to a body's own staff improves its service
        (
            "Within three months the Council will give guidance to its collection crews on how assisted collections are recorded.",
            vec![("service_improvement".into(), None, None, Agreed)],
        ),
        // the first modal governs: "should ... how it will complete" recommends
        (
            "The Council should apologise, make a payment and send us an action plan detailing how it will complete the recommendations.",
            vec![
                ("apology".into(), None, None, Recommended),
                ("payment".into(), None, None, Recommended),
                ("service_improvement".into(), None, None, Recommended),
            ],
        ),
    ];
    for (summary, expected) in cases {
        let f = facts("Upheld", summary);
        assert_eq!(&remedies(&f), expected, "{summary}");
    }
}

#[test]
fn reasons_and_findings_in_wordings_first_seen_in_written_probes() {
    let reasons: &[(&str, &[&str])] = &[
        (
            "We will not investigate. Dr W can take private action in the magistrates' court.",
            &["court_or_tribunal"],
        ),
        (
            "We will not investigate. Mr G can make a claim against the Council's insurers and, if refused, take the matter to court.",
            &["court_or_tribunal"],
        ),
        (
            "We will not investigate. Mrs B could use the community trigger process.",
            &["other"],
        ),
        (
            "We will not investigate. The Council has agreed to repair the footpath, which is the outcome Mrs L wanted.",
            &["already_remedied"],
        ),
        (
            "We will not investigate. Mr E is not significantly affected by the development.",
            &["no_significant_injustice"],
        ),
        (
            "We will not investigate. Miss G has not suffered an injustice that is different from that of other residents.",
            &["no_significant_injustice"],
        ),
        (
            "We will not investigate. She can ask the magistrates’ court to decide the matter.",
            &["court_or_tribunal"],
        ),
    ];
    for (summary, codes) in reasons {
        let f = facts("Closed after initial enquiries", summary);
        let found: Vec<&str> = f.reasons.iter().map(|r| r.code.code()).collect();
        assert_eq!(&found, codes, "{summary}");
    }
    // the body's own admission is a finding of fault; an investigation ended because the
    // body agreed a remedy gives that as its reason
    let f = facts(
        "Upheld",
        "The Council accepted it had made a mistake and has agreed to write off the overpayment. \
         I have ended my investigation because the Council has agreed to remedy the injustice caused.",
    );
    let fault = f.findings.fault.as_ref().unwrap();
    assert_eq!(fault.value.code(), "found");
    assert!(fault
        .text
        .starts_with("The Council accepted it had made a mistake"));
    let codes: Vec<&str> = f.reasons.iter().map(|r| r.code.code()).collect();
    assert_eq!(codes, vec!["already_remedied"]);
}

#[test]
fn a_list_the_council_will_carry_out_is_agreed_with_its_deadline() {
    let text = "Westshire Council (24 000 001)\nDecision : Upheld\nDecision date : 2 Jan 2025\n\
                Summary: The Council was at fault.\nAgreed action\n\
                - Within one month of my final decision, the Council will:\n\
                - write to Mr J to apologise for the missed collections;\n\
                - pay him £275 for the distress and inconvenience caused.\n";
    let d = ombudsman::Decision::parse(text).unwrap();
    let rows: Vec<(&str, RemedyStatus, Option<String>, Option<u32>)> = read(&d)
        .remedies
        .iter()
        .map(|r| {
            (
                r.kind.code(),
                r.status,
                r.amount.as_ref().map(ToString::to_string),
                r.deadline.as_ref().and_then(|d| d.months),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("apology", RemedyStatus::Agreed, None, Some(1)),
            (
                "payment",
                RemedyStatus::Agreed,
                Some("275.00".into()),
                Some(1)
            ),
        ]
    );
}

#[test]
fn a_complaints_procedure_not_finished_is_premature() {
    let f = facts(
        "Closed after initial enquiries",
        "We will not investigate this complaint at this stage because the Council's complaints procedure has not finished.",
    );
    let codes: Vec<&str> = f.reasons.iter().map(|r| r.code.code()).collect();
    assert_eq!(codes, vec!["premature"]);
}

#[test]
fn remedies_and_reasons_in_wordings_of_the_eighth_written_probe() {
    use RemedyStatus::*;
    // asked for, then agreed in a sentence of its own: agreed
    let s = |x: &str| Some(x.to_string());
    let f = facts(
        "Upheld",
        "We have asked the Council to apologise to Mrs T and to arrange for the pavement to be inspected within 20 working days. The Council has agreed.",
    );
    assert_eq!(
        remedies(&f),
        vec![
            ("apology".into(), None, s("Mrs T"), Agreed),
            ("other".into(), None, None, Agreed),
        ]
    );
    let f = facts(
        "Closed after initial enquiries",
        "We will not investigate Mr V's complaint about his late mother's care in 2018. Mr V has known about the matters for several years, and we have seen no good reason why he did not complain to us sooner.",
    );
    let codes: Vec<&str> = f.reasons.iter().map(|r| r.code.code()).collect();
    assert_eq!(codes, vec!["late_complaint"]);
}

#[test]
fn matters_before_a_court_are_outside_jurisdiction_not_a_court_remedy() {
    let codes = |summary: &str| -> Vec<String> {
        let f = facts("Closed after initial enquiries", summary);
        f.reasons
            .iter()
            .map(|r| r.code.code().to_string())
            .collect()
    };
    // the law's bar: outside jurisdiction only
    assert_eq!(
        codes("We will not investigate Mr J's complaint. The law says we cannot investigate matters which have been the subject of court proceedings."),
        vec!["outside_jurisdiction"]
    );
    // a remedy at court still open: court or tribunal
    assert_eq!(
        codes("We will not investigate Mrs Q's complaint. She can start court proceedings against the Council if she wants to claim damages."),
        vec!["court_or_tribunal"]
    );
}

#[test]
fn a_body_reporting_what_it_will_change_improves_its_service() {
    use RemedyStatus::*;
    let s = |x: &str| Some(x.to_string());
    let f = facts(
        "Upheld",
        "It has agreed to make a symbolic payment of £800 to Ms J within one month. It will also tell us what it is doing to meet the legal timescales for new plans.",
    );
    assert_eq!(
        remedies(&f),
        vec![
            ("payment".into(), s("800.00"), s("Ms J"), Agreed),
            ("service_improvement".into(), None, None, Agreed),
        ]
    );
}
