//! Dates in the text (`7 June 2024`, `June 2024`, `mid 2023`, `2021`, `07/06/2024`), each
//! normalised with its precision, and the timeline they give.

use serde::Serialize;

use super::Region;
use crate::model::Date;
use crate::span::Span;

/// How much of a date the text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// `7 June 2024`.
    Day,
    /// `June 2024`.
    Month,
    /// `2021`, `mid 2023`.
    Year,
}

/// A date the text mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// The text as written (`mid 2023`, `7th June 2024`).
    pub text: String,
    /// Byte offset of the text in the source.
    pub start: usize,
    /// Byte offset one past the text.
    pub end: usize,
    /// ISO 8601 to its precision: `2024-06-07`, `2024-06` or `2024`.
    pub date: String,
    /// How much of the date the text gives.
    pub precision: Precision,
    /// The year (not written out in JSON: `date` has it).
    #[serde(skip)]
    pub year: u16,
    /// The month, 1 to 12, when given (not written out in JSON: `date` has it).
    #[serde(skip)]
    pub month: Option<u8>,
    /// The day of the month, when given (not written out in JSON: `date` has it).
    #[serde(skip)]
    pub day: Option<u8>,
}

impl DateMention {
    /// The first and last day of the period the mention covers: a year qualified as
    /// `early`, `mid` or `late` covers its first, middle or last four months, and a season
    /// its three (`spring 2023` is March to May; winter, which spans two years, is the year).
    pub fn period(&self) -> (Date, Date) {
        let (first_month, last_month) = match self.month {
            Some(m) => (m, m),
            None => self.qualified_months().unwrap_or((1, 12)),
        };
        let first = Date::new(self.year, first_month, self.day.unwrap_or(1));
        let last = Date::new(
            self.year,
            last_month,
            self.day.unwrap_or(days_in_month(self.year, last_month)),
        );
        let fallback = Date {
            year: self.year,
            month: 1,
            day: 1,
        };
        (first.unwrap_or(fallback), last.unwrap_or(fallback))
    }
}

impl DateMention {
    /// The months a qualified year covers: `early 2024` is January to April.
    fn qualified_months(&self) -> Option<(u8, u8)> {
        let qualifier = self.text.split([' ', '-']).next()?.to_ascii_lowercase();
        Some(match qualifier.as_str() {
            "early" => (1, 4),
            "mid" => (5, 8),
            "late" => (9, 12),
            "spring" => (3, 5),
            "summer" => (6, 8),
            "autumn" => (9, 11),
            _ => return None,
        })
    }
}

/// The span of events the dates give, against the decision date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// The earliest date mentioned (by the start of its period).
    pub earliest: Option<DateMention>,
    /// The latest date mentioned that is not after the decision (by the end of its period);
    /// dates after the decision date are deadlines, not events.
    pub latest: Option<DateMention>,
    /// Days from the end of the latest event's period (a month's last day, a year's 31
    /// December, capped at the decision date) to the decision date: the least time that
    /// passed.
    pub days_to_decision: Option<u32>,
}

impl Timeline {
    /// The timeline of `dates` for a decision made on `decided`.
    pub fn new(dates: &[DateMention], decided: Option<Date>) -> Timeline {
        // each event with its period, worked out once
        let events: Vec<(&DateMention, (Date, Date))> = dates
            .iter()
            .map(|d| (d, d.period()))
            .filter(|(_, (first, _))| decided.is_none_or(|day| *first <= day))
            .collect();
        let earliest = events.iter().min_by_key(|(_, (first, _))| *first);
        let latest = events.iter().max_by_key(|(_, (_, last))| *last);
        let days_to_decision = match (latest, decided) {
            (Some((_, (_, last))), Some(day)) => {
                let end = (*last).min(day);
                u32::try_from(day_number(day) - day_number(end)).ok()
            }
            _ => None,
        };
        Timeline {
            earliest: earliest.map(|(d, _)| (*d).clone()),
            latest: latest.map(|(d, _)| (*d).clone()),
            days_to_decision,
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    (28..=31)
        .rev()
        .find(|&d| Date::new(year, month, d).is_some())
        .unwrap_or(28)
}

/// Days since 1970-01-01 (proleptic Gregorian).
fn day_number(d: Date) -> i64 {
    let (y, m, day) = (i64::from(d.year), i64::from(d.month), i64::from(d.day));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn month_number(word: &str) -> Option<u8> {
    let m = match word {
        "January" | "Jan" => 1,
        "February" | "Feb" => 2,
        "March" | "Mar" => 3,
        "April" | "Apr" => 4,
        "May" => 5,
        "June" | "Jun" => 6,
        "July" | "Jul" => 7,
        "August" | "Aug" => 8,
        "September" | "Sept" | "Sep" => 9,
        "October" | "Oct" => 10,
        "November" | "Nov" => 11,
        "December" | "Dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// A plausible year of events in a decision.
fn year(word: &str) -> Option<u16> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1950..=2039).contains(y))
}

/// `7`, `07`, `7th`, `21st`.
fn day(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// `07/06/2024`, `7.6.2024`.
fn numeric_date(word: &str) -> Option<Date> {
    let mut parts = word.split(['/', '.']);
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || d.len() > 2 || m.len() > 2 {
        return None;
    }
    Date::new(year(y)?, m.parse().ok()?, d.parse().ok()?)
}

/// Words before a year that say which part of it: `mid 2023`, `early 2022`, `the end of 2021`.
const QUALIFIERS: &[&str] = &[
    "mid", "early", "late", "spring", "summer", "autumn", "winter", "Spring", "Summer", "Autumn",
    "Winter", "Mid", "Early", "Late",
];

/// A word with its byte range in the text, punctuation trimmed.
#[derive(Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn is_punctuation(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '(' | ')' | '[' | ']' | '"' | '\'' | '“' | '”' | '‘' | '’'
    )
}

/// The word of `text` spanning `[start, end)` with its punctuation trimmed.
fn word(text: &str, start: usize, end: usize) -> Word<'_> {
    let raw = &text[start..end];
    let trimmed = raw.trim_matches(is_punctuation);
    let lead = trimmed.as_ptr() as usize - raw.as_ptr() as usize;
    Word {
        text: trimmed,
        start: start + lead,
        end: start + lead + trimmed.len(),
    }
}

/// Up to `n` words before `at` (nearest first), not before `floor`.
fn words_before(text: &str, floor: usize, mut at: usize, n: usize) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let before = &text[floor..at];
        let trimmed = before.trim_end();
        if trimmed.is_empty() {
            break;
        }
        let end = floor + trimmed.len();
        let start = trimmed
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(floor, |(i, c)| floor + i + c.len_utf8());
        out.push(word(text, start, end));
        at = start;
    }
    out
}

/// The first ASCII digit in `bytes[from..to]`, eight bytes at a time.
fn next_digit(bytes: &[u8], mut from: usize, to: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    while from + 8 <= to {
        let word = u64::from_le_bytes(bytes[from..from + 8].try_into().expect("eight bytes"));
        let shifted = word ^ (ONES * 0x30); // digits become 0..=9
                                            // bytes below 10 (may over-report after a match; the bytes are then checked)
        if shifted.wrapping_sub(ONES * 10) & !shifted & HIGHS != 0 {
            break;
        }
        from += 8;
    }
    (from..to).find(|&i| bytes[i].is_ascii_digit())
}

/// Every date in the regions, outside the `excluded` spans (citations: `the Care Act 2014`).
///
/// Every date has a year, so the scan looks for runs of four digits and reads the words
/// before each: one pass over the bytes.
pub(crate) fn read(text: &str, regions: &[Region], excluded: &[Span]) -> Vec<DateMention> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    // citations come in text order and do not overlap: found by binary search
    let inside = |at: usize| {
        let i = excluded.partition_point(|s| s.start <= at);
        i > 0 && at < excluded[i - 1].end
    };
    for region in regions {
        let (floor, ceiling) = (region.span.start, region.span.end);
        let mut i = floor;
        while i < ceiling {
            match next_digit(bytes, i, ceiling) {
                Some(at) => i = at,
                None => break,
            }
            let run_start = i;
            while i < ceiling && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i - run_start != 4 || inside(run_start) {
                continue;
            }
            // the whole token around the digits: "07/06/2024", "mid-2023", "2021/22", "(2021)"
            let token_start = text[floor..run_start]
                .char_indices()
                .rev()
                .find(|&(_, c)| c.is_whitespace())
                .map_or(floor, |(k, c)| floor + k + c.len_utf8());
            let token_end = text[i..ceiling]
                .find(char::is_whitespace)
                .map_or(ceiling, |k| i + k);
            let token = word(text, token_start, token_end);
            if let Some(date) = numeric_date(token.text) {
                out.push(mention(
                    text,
                    token.start,
                    token.end,
                    date.year,
                    Some(date.month),
                    Some(date.day),
                ));
                continue;
            }
            let Some(y) = year(&text[run_start..i]) else {
                continue;
            };
            // what stands before the year in its token: nothing, or a qualifier and a hyphen
            let prefix = &text[token.start..run_start];
            let qualified = prefix
                .strip_suffix('-')
                .is_some_and(|q| QUALIFIERS.contains(&q));
            if !(prefix.is_empty() || qualified) {
                continue; // "£2021", "A2021", "1,2024"
            }
            // after it: nothing, or "/22" or "-22" of a financial year
            let suffix = &text[i..token.end];
            let financial = suffix.len() == 3
                && suffix.starts_with(['/', '-'])
                && suffix[1..].bytes().all(|b| b.is_ascii_digit());
            if !(suffix.is_empty() || financial) {
                continue;
            }
            let before = words_before(text, floor, token.start, 5);
            if qualified {
                out.push(mention(text, token.start, token.end, y, None, None));
                continue;
            }
            // month and year, with the day before
            if let Some(month) = before.first().and_then(|w| month_number(w.text)) {
                let day_word = before.get(1).filter(|w| !inside(w.start)).and_then(|w| {
                    day(w.text)
                        .filter(|&d| Date::new(y, month, d).is_some())
                        .map(|d| (w, d))
                });
                let (first, d) = match day_word {
                    Some((w, d)) => (w.start, Some(d)),
                    None => (before[0].start, None),
                };
                // "between March and June 2023", "from 1 March to 30 June 2023": the first
                // month of the range, in the same year when it comes before the second
                let used = if day_word.is_some() { 2 } else { 1 };
                let range_start = match (before.get(used), before.get(used + 1)) {
                    (Some(join), Some(w))
                        if matches!(join.text, "and" | "to" | "until" | "-" | "–")
                            && !inside(w.start) =>
                    {
                        month_number(w.text).filter(|&m| m < month).map(|m| (w, m))
                    }
                    _ => None,
                };
                if let Some((w, m)) = range_start {
                    let day_word = before.get(used + 2).filter(|d| !inside(d.start));
                    let day_word = day_word.and_then(|dw| {
                        day(dw.text)
                            .filter(|&d| Date::new(y, m, d).is_some())
                            .map(|d| (dw.start, d))
                    });
                    let (start, d) = day_word.map_or((w.start, None), |(at, d)| (at, Some(d)));
                    out.push(mention(text, start, w.end, y, Some(m), d));
                }
                out.push(mention(text, first, token.end, y, Some(month), d));
                continue;
            }
            let act_year = ["Act ", "Regulations ", "Order ", "Rules ", "No. "]
                .iter()
                .any(|p| text[..token.start].ends_with(p));
            if act_year {
                continue;
            }
            let start = match (before.first(), before.get(1)) {
                (Some(q), _) if QUALIFIERS.contains(&q.text) => q.start,
                // "the summer of 2022"
                (Some(of), Some(q)) if of.text == "of" && QUALIFIERS.contains(&q.text) => q.start,
                (Some(of), Some(w))
                    if of.text == "of" && matches!(w.text, "end" | "beginning" | "start") =>
                {
                    w.start
                }
                _ => token.start,
            };
            out.push(mention(text, start, token.end, y, None, None));
        }
    }
    out
}

fn mention(
    text: &str,
    start: usize,
    end: usize,
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
) -> DateMention {
    // ISO 8601 to the precision given, written digit by digit (no formatting machinery)
    fn push(date: &mut String, n: u16, width: u32) {
        for k in (0..width).rev() {
            date.push(char::from(b'0' + (n / 10u16.pow(k) % 10) as u8));
        }
    }
    let mut date = String::with_capacity(10);
    push(&mut date, year, 4);
    for part in [month, day.filter(|_| month.is_some())]
        .into_iter()
        .map_while(|p| p)
    {
        date.push('-');
        push(&mut date, u16::from(part), 2);
    }
    let precision = match (month, day) {
        (Some(_), Some(_)) => Precision::Day,
        (Some(_), None) => Precision::Month,
        _ => Precision::Year,
    };
    DateMention {
        text: text[start..end].to_string(),
        start,
        end,
        date,
        precision,
        year,
        month,
        day: if month.is_some() { day } else { None },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(s: &str) -> Vec<(String, String, Precision)> {
        let region = Region {
            span: Span::new(0, s.len()),
            section: None,
        };
        read(s, &[region], &[])
            .into_iter()
            .map(|d| (d.text, d.date, d.precision))
            .collect()
    }

    fn one(s: &str) -> (String, Precision) {
        let d = dates(s);
        assert_eq!(d.len(), 1, "{s}: {d:?}");
        (d[0].1.clone(), d[0].2)
    }

    #[test]
    fn every_form_with_its_precision() {
        assert_eq!(
            one("On 7 June 2024 she rang."),
            ("2024-06-07".into(), Precision::Day)
        );
        assert_eq!(
            one("On 7th June, 2024 she rang."),
            ("2024-06-07".into(), Precision::Day)
        );
        assert_eq!(one("(28 Jul 2025)"), ("2025-07-28".into(), Precision::Day));
        assert_eq!(
            one("In June 2024 she rang."),
            ("2024-06".into(), Precision::Month)
        );
        assert_eq!(one("from mid 2023"), ("2023".into(), Precision::Year));
        assert_eq!(one("from mid-2023"), ("2023".into(), Precision::Year));
        assert_eq!(one("In 2021, it"), ("2021".into(), Precision::Year));
        assert_eq!(one("on 07/06/2024"), ("2024-06-07".into(), Precision::Day));
        assert_eq!(one("the 2021/22 bill"), ("2021".into(), Precision::Year));
        assert_eq!(dates("by the end of 2021.")[0].0, "end of 2021");
        assert_eq!(dates("in early 2022")[0].0, "early 2022");
        assert_eq!(dates("in the summer of 2022")[0].0, "summer of 2022");
    }

    #[test]
    fn not_dates() {
        assert!(dates("the Care Act 2014 and £2021 and May I say 31 June").is_empty());
        assert!(dates("reference 24 000 113 and 1,2024 and 3000").is_empty());
        // a day that does not exist is dropped; the month and year stand
        assert_eq!(one("on 31 June 2024"), ("2024-06".into(), Precision::Month));
    }

    #[test]
    fn timeline_from_first_to_last_event_before_the_decision() {
        let text = "In mid 2022 she asked. On 3 March 2024 it replied. Pay by 1 May 2026.";
        let region = Region {
            span: Span::new(0, text.len()),
            section: None,
        };
        let found = read(text, &[region], &[]);
        let decided = Date::new(2025, 1, 2);
        let t = Timeline::new(&found, decided);
        assert_eq!(t.earliest.unwrap().date, "2022");
        assert_eq!(t.latest.unwrap().date, "2024-03-03");
        assert_eq!(t.days_to_decision, Some(305));
        // a month counts from its last day
        let t = Timeline::new(&dates_of("June 2024"), Date::new(2024, 7, 1));
        assert_eq!(t.days_to_decision, Some(1));
    }

    fn dates_of(s: &str) -> Vec<DateMention> {
        let region = Region {
            span: Span::new(0, s.len()),
            section: None,
        };
        read(s, &[region], &[])
    }
}
