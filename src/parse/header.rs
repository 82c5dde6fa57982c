//! nom productions for the title line, the reference and the three header-block lines.

use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take_while_m_n};
use nom::character::complete::{char, digit1, satisfy, space0, space1};
use nom::combinator::{all_consuming, eof, opt, verify};
use nom::{IResult, Parser};

use crate::model::Date;

/// A reference split into its parts, each a slice of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reference<'a> {
    pub year: &'a str,
    pub first: &'a str,
    pub second: &'a str,
    pub suffix: Option<char>,
}

impl Reference<'_> {
    /// `25 000 113`: the reference without its suffix.
    pub fn case_reference(&self) -> String {
        format!("{} {} {}", self.year, self.first, self.second)
    }

    /// `25 000 113b`: the reference with its suffix.
    pub fn full(&self) -> String {
        let mut s = self.case_reference();
        s.extend(self.suffix);
        s
    }
}

fn digits(n: usize) -> impl Fn(&str) -> IResult<&str, &str> {
    move |i| take_while_m_n(n, n, |c: char| c.is_ascii_digit())(i)
}

/// Spaces between the groups of a reference: one or more spaces or NBSPs.
fn gap(i: &str) -> IResult<&str, &str> {
    take_while_m_n(1, 3, |c: char| c == ' ' || c == '\u{a0}')(i)
}

/// `YY NNN NNN` with an optional lower-case letter: `25 000 113b`.
pub(crate) fn reference(i: &str) -> IResult<&str, Reference<'_>> {
    let (rest, (year, _, first, _, second, suffix)) = (
        digits(2),
        gap,
        digits(3),
        gap,
        digits(3),
        opt(satisfy(|c| c.is_ascii_lowercase())),
    )
        .parse(i)?;
    Ok((
        rest,
        Reference {
            year,
            first,
            second,
            suffix,
        },
    ))
}

/// A parsed title line; offsets are relative to the line's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Title<'a> {
    /// The organisation and its offset, when the title names one.
    pub organisation: Option<(&'a str, usize)>,
    pub reference: Reference<'a>,
    /// Offset and length of the reference text.
    pub reference_at: (usize, usize),
}

/// `<organisation> (<reference>)`, where the reference is the last parenthesised group,
/// or a bare `<reference>` (old report pages).
pub(crate) fn title(line: &str) -> Option<Title<'_>> {
    if let Ok((_, r)) = all_consuming(reference).parse(line) {
        return Some(Title {
            organisation: None,
            reference: r,
            reference_at: (0, line.len()),
        });
    }
    let inner_end = line.strip_suffix(')')?.len();
    let open = line[..inner_end].rfind('(')?;
    let inner = &line[open + 1..inner_end];
    let trimmed = inner.trim_matches(super::lines::is_blank);
    let (_, r) = all_consuming(reference).parse(trimmed).ok()?;
    let lead = inner.len() - inner.trim_start_matches(super::lines::is_blank).len();
    let org = line[..open].trim_end_matches(super::lines::is_blank);
    Some(Title {
        organisation: (!org.is_empty()).then_some((org, 0)),
        reference: r,
        reference_at: (open + 1 + lead, trimmed.len()),
    })
}

/// The three fields of the header block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Category,
    Decision,
    DecisionDate,
}

/// `Category : `, `Decision : ` or `Decision date : ` (the colon may lack its spaces);
/// returns the field and the offset of its value in `line`.
pub(crate) fn header_field(line: &str) -> Option<(Field, usize)> {
    let label = alt((
        (ascii_no_case("decision date"), space0).map(|_| Field::DecisionDate),
        (ascii_no_case("category"), space0).map(|_| Field::Category),
        (ascii_no_case("decision"), space0).map(|_| Field::Decision),
    ));
    let parsed: IResult<&str, (Field, char, &str)> = (label, char(':'), space0).parse(line);
    let (rest, (field, _, _)) = parsed.ok()?;
    Some((field, line.len() - rest.len()))
}

/// Matches `label` (ASCII, lower case) in any case. nom's `tag_no_case` folds each character
/// through Unicode's lower case; no character outside ASCII folds to an ASCII letter that
/// these labels have, so comparing bytes finds the same matches, several times faster.
fn ascii_no_case<'a>(label: &'static str) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |i: &'a str| match i.as_bytes().get(..label.len()) {
        Some(head) if head.eq_ignore_ascii_case(label.as_bytes()) => {
            Ok((&i[label.len()..], &i[..label.len()]))
        }
        _ => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

fn month(i: &str) -> IResult<&str, u8> {
    let (rest, name) = verify(
        take_while_m_n(3, 9, |c: char| c.is_ascii_alphabetic()),
        |s: &str| month_number(s).is_some(),
    )
    .parse(i)?;
    Ok((rest, month_number(name).unwrap_or(1)))
}

fn month_number(name: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == lower || (lower.len() >= 3 && m.starts_with(&lower)))
        .map(|i| i as u8 + 1)
}

/// `28 Jul 2025`, `7 July 2025`: day, month name (abbreviated or full), four-digit year.
pub(crate) fn date(i: &str) -> IResult<&str, Date> {
    let (rest, (day, _, month, _, year)) = (
        verify(digit1, |d: &str| d.len() <= 2),
        space1,
        month,
        alt((space1, tag_no_case(", "))),
        verify(digit1, |d: &str| d.len() == 4),
    )
        .parse(i)?;
    let day: u8 = day.parse().unwrap_or(0);
    let year: u16 = year.parse().unwrap_or(0);
    match Date::new(year, month, day) {
        Some(date) => Ok((rest, date)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// A whole header date value, allowing a trailing full stop.
pub(crate) fn date_value(value: &str) -> Option<Date> {
    let (_, (d, _, _, _)) = (date, space0, opt(char('.')), eof).parse(value).ok()?;
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_with_and_without_suffix() {
        let (_, r) = reference("25 000 113b").unwrap();
        assert_eq!(
            (r.full(), r.case_reference()),
            ("25 000 113b".into(), "25 000 113".into())
        );
        let (_, r) = reference("15 018 071").unwrap();
        assert_eq!((r.full(), r.suffix), ("15 018 071".into(), None));
        assert!(reference("2 000 113").is_err());
        assert!(reference("25 00 113").is_err());
    }

    #[test]
    fn title_takes_the_last_parenthesised_group() {
        let line = "NHS Somewhere Integrated Care Board (ICB) (24 001 411a)";
        let t = title(line).unwrap();
        assert_eq!(
            t.organisation.unwrap().0,
            "NHS Somewhere Integrated Care Board (ICB)"
        );
        assert_eq!(t.reference.full(), "24 001 411a");
        let (at, len) = t.reference_at;
        assert_eq!(&line[at..at + len], "24 001 411a");
    }

    #[test]
    fn bare_reference_title_has_no_organisation() {
        let t = title("16 003 210").unwrap();
        assert_eq!(t.organisation, None);
        assert_eq!(t.reference.full(), "16 003 210");
    }

    #[test]
    fn title_rejects_prose() {
        assert!(title("The Council (the Council)").is_none());
        assert!(title("Shopping list").is_none());
        assert!(title("(25 000 113) and more").is_none());
    }

    #[test]
    fn header_fields_in_every_spacing() {
        assert_eq!(
            header_field("Category : Health > X"),
            Some((Field::Category, 11))
        );
        assert_eq!(
            header_field("Decision date : 28 Jul 2025"),
            Some((Field::DecisionDate, 16))
        );
        assert_eq!(
            header_field("Decision: Upheld"),
            Some((Field::Decision, 10))
        );
        assert_eq!(header_field("Decision"), None);
        // labels in any ASCII case; a letter outside ASCII is not a label's letter
        assert_eq!(
            header_field("DECISION DATE:28 Jul 2025"),
            Some((Field::DecisionDate, 14))
        );
        assert_eq!(header_field("category\t: X"), Some((Field::Category, 11)));
        assert_eq!(header_field("Décision : Upheld"), None);
        assert_eq!(header_field("Decisions : Upheld"), None);
        assert_eq!(header_field("Dec"), None);
        assert_eq!(header_field("Decision and reasons"), None);
    }

    #[test]
    fn dates_abbreviated_and_full() {
        assert_eq!(date_value("28 Jul 2025").unwrap().to_string(), "2025-07-28");
        assert_eq!(
            date_value("7 September 2016").unwrap().to_string(),
            "2016-09-07"
        );
        assert_eq!(
            date_value("07 Sept 2016.").unwrap().to_string(),
            "2016-09-07"
        );
        assert!(date_value("31 Feb 2025").is_none());
        assert!(date_value("28/07/25").is_none());
        assert!(date_value("28 Jul 2025 extra").is_none());
    }
}
