//! nom productions for provisions: `section 26(1) and 26A(1)`, `s.117`, `sections 3(4)- 3(7)`,
//! `Part 7`, `paragraph 19B of Schedule 2`, `Schedule 5/5A, paragraph 1/3`, `regulation 15`.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, multispace0, multispace1};
use nom::combinator::{opt, recognize};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

use super::names::spaces;

/// What a provision number counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Head {
    #[default]
    Section,
    Regulation,
    Article,
    Paragraph,
    Schedule,
    Part,
    Chapter,
}

impl Head {
    fn prefix(self) -> &'static str {
        match self {
            Head::Section => "s",
            Head::Regulation => "reg ",
            Head::Article => "art ",
            Head::Paragraph => "para ",
            Head::Schedule => "Sch ",
            Head::Part => "Part ",
            Head::Chapter => "Chapter ",
        }
    }
}

/// One number, or a range of numbers, under a head.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Item<'a> {
    /// The number the item's own text leaves out: `24A` in `section 24A(6) & (7)`, whose
    /// second item is written `(7)`.
    pub base: Option<&'a str>,
    pub from: &'a str,
    pub to: Option<&'a str>,
}

/// A head and its numbers: `sections 26(1) and 26A(1)`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Group<'a> {
    pub head: Head,
    pub items: Few<Item<'a>, 8>,
}

/// A short list kept on the stack: provision lists are short ("sections 2, 3 or 4"); items
/// past the capacity end the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Few<T: Copy + Default, const N: usize> {
    buf: [T; N],
    len: usize,
}

impl<T: Copy + Default, const N: usize> Default for Few<T, N> {
    fn default() -> Self {
        Few {
            buf: [T::default(); N],
            len: 0,
        }
    }
}

impl<T: Copy + Default, const N: usize> Few<T, N> {
    fn new(first: T) -> Self {
        let mut buf = [T::default(); N];
        buf[0] = first;
        Few { buf, len: 1 }
    }

    /// Adds an item; `false` when full.
    fn push(&mut self, item: T) -> bool {
        if self.len == N {
            return false;
        }
        self.buf[self.len] = item;
        self.len += 1;
        true
    }

    fn last_mut(&mut self) -> &mut T {
        &mut self.buf[self.len - 1]
    }

    pub fn as_slice(&self) -> &[T] {
        &self.buf[..self.len]
    }
}

/// A parsed provision phrase: the normalised provisions and the bytes consumed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub provisions: Vec<String>,
    pub len: usize,
    /// The head of the first group (bare sections resolve differently from paragraphs).
    pub head: Head,
}

/// Head words by their first letter, longest first within each family; `reg` and `para` need
/// a space or digit after.
fn head_words(first: u8) -> &'static [(&'static str, Head)] {
    match first.to_ascii_lowercase() {
        b's' => &[
            ("sections", Head::Section),
            ("section", Head::Section),
            ("sec.", Head::Section),
            ("schedules", Head::Schedule),
            ("schedule", Head::Schedule),
            ("sch.", Head::Schedule),
            ("sch", Head::Schedule),
        ],
        b'r' => &[
            ("regulations", Head::Regulation),
            ("regulation", Head::Regulation),
            ("regs.", Head::Regulation),
            ("regs", Head::Regulation),
            ("reg.", Head::Regulation),
            ("reg", Head::Regulation),
        ],
        b'p' => &[
            ("paragraphs", Head::Paragraph),
            ("paragraph", Head::Paragraph),
            ("paras.", Head::Paragraph),
            ("paras", Head::Paragraph),
            ("para.", Head::Paragraph),
            ("para", Head::Paragraph),
            ("parts", Head::Part),
            ("part", Head::Part),
        ],
        b'a' => &[
            ("articles", Head::Article),
            ("article", Head::Article),
            ("art.", Head::Article),
        ],
        b'c' => &[("chapters", Head::Chapter), ("chapter", Head::Chapter)],
        _ => &[],
    }
}

/// A head word (`section`, `Regulations`, `sch.`), in any case.
fn head(i: &str) -> IResult<&str, Head> {
    let b = i.as_bytes();
    let words = b.first().map_or(&[][..], |&first| head_words(first));
    for (word, h) in words {
        let n = word.len();
        if b.len() >= n && b[1..n].eq_ignore_ascii_case(&word.as_bytes()[1..]) {
            let next = b.get(n).copied();
            let ends = match next {
                None => true,
                Some(c) => !c.is_ascii_alphabetic() || word.ends_with('.'),
            };
            if ends {
                return Ok((&i[n..], *h));
            }
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Tag,
    )))
}

/// `s117`, `s.117`, `s. 117`, `ss.2-3`, `S117`: the short section form, no space unless after a dot.
fn short_section(i: &str) -> IResult<&str, Head> {
    let (rest, _) = (
        alt((tag("ss"), tag("SS"), tag("s"), tag("S"))),
        alt((recognize((char('.'), opt(char(' ')))), tag(""))),
    )
        .parse(i)?;
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )));
    }
    Ok((rest, Head::Section))
}

/// `117`, `26A`, `33ZA`, `34(3)`, `26(6)(c)`, `30(1B)`, `34H(i)`, `10.27`; roman numerals for
/// Parts and Chapters.
fn number(i: &str) -> IResult<&str, &str> {
    let b = i.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut n = digits(0);
    if n == 0 {
        let roman = b
            .iter()
            .take(6)
            .take_while(|c| matches!(c, b'I' | b'V' | b'X' | b'L'))
            .count();
        if roman == 0 {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Digit,
            )));
        }
        return Ok((&i[roman..], &i[..roman]));
    }
    if b.get(n) == Some(&b'.') && digits(n + 1) > 0 {
        n += 1 + digits(n + 1); // 10.27
    }
    n += b[n..]
        .iter()
        .take(3)
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    // sub-sections: (3), (1B), (i)
    while b.get(n) == Some(&b'(') {
        let inner = b[n + 1..]
            .iter()
            .take(4)
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if inner == 0 || b.get(n + 1 + inner) != Some(&b')') {
            break;
        }
        n += inner + 2;
    }
    Ok((&i[n..], &i[..n]))
}

/// The length of a sub-section in brackets at the start of `i`: `(7)`, `(1B)`, `(c)`.
fn bracketed(i: &str) -> Option<usize> {
    let b = i.as_bytes();
    if b.first() != Some(&b'(') {
        return None;
    }
    let inner = b[1..]
        .iter()
        .take(4)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    (inner > 0 && b.get(1 + inner) == Some(&b')')).then_some(inner + 2)
}

fn ws(i: &str) -> IResult<&str, &str> {
    take_while(|c: char| c == ' ' || c == '\u{a0}')(i)
}

/// A separator between two numbers of a list: `,`, `and`, `or`, `&`, `/`, and a range's
/// `-`, `–` or `to`. Returns whether it is a range.
fn separator(i: &str) -> IResult<&str, bool> {
    alt((
        delimited(ws, alt((tag("-"), tag("–"))), ws).map(|_| true),
        delimited(multispace1, tag("to"), multispace1).map(|_| true),
        delimited(ws, alt((tag("/"), tag(","), tag("&"))), ws).map(|_| false),
        delimited(multispace1, alt((tag("and"), tag("or"))), multispace1).map(|_| false),
    ))
    .parse(i)
}

/// A head and its list of numbers.
fn group(i: &str) -> IResult<&str, Group<'_>> {
    // `s117`, `s.117`, `ss.2`: an `s` and then no letter; else a head word (`section`)
    let short = match i.as_bytes() {
        [b's' | b'S', b's' | b'S', next, ..] | [b's' | b'S', next, ..] => {
            !next.is_ascii_alphabetic()
        }
        _ => false,
    };
    let head_word = |i| {
        (
            head,
            opt(char('.')),
            take_while1(|c: char| c == ' ' || c == '\u{a0}'),
        )
            .map(|(h, _, _)| h)
            .parse(i)
    };
    let (mut rest, head) = if short {
        short_section(i)?
    } else {
        head_word(i)?
    };
    let (r, first) = number(rest)?;
    if head != Head::Part
        && head != Head::Chapter
        && !first.starts_with(|c: char| c.is_ascii_digit())
    {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )));
    }
    rest = r;
    let mut items = Few::new(Item {
        base: None,
        from: first,
        to: None,
    });
    // a separator is punctuation (`,` `-` `/` `&`, an en dash) or a word (`to`, `and`,
    // `or`) and a space: looked at before the separators are parsed, as most lists end
    // at the first number
    let may_continue = |r: &str| {
        let next = &r[spaces(r)..];
        match next.as_bytes().first() {
            Some(b',' | b'-' | b'/' | b'&' | 0xE2) => true,
            Some(b't' | b'a' | b'o') => after_word(next, &["to", "and", "or"]).is_some(),
            _ => false,
        }
    };
    while may_continue(rest) {
        let Ok((after_sep, range)) = separator(rest) else {
            break;
        };
        // "24A(6) & (7)": a bracket alone is another sub-section of the same number
        if let Some(sub) = bracketed(after_sep).filter(|_| !range) {
            let last = *items.last_mut();
            let base = last.base.unwrap_or_else(|| {
                let own = last.from.find('(').unwrap_or(last.from.len());
                &last.from[..own]
            });
            let item = Item {
                base: Some(base),
                from: &after_sep[..sub],
                to: None,
            };
            if base.is_empty() || !items.push(item) {
                break;
            }
            rest = &after_sep[sub..];
            continue;
        }
        let Ok((after_num, n)) = number(after_sep) else {
            break;
        };
        if !n.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        if range {
            items.last_mut().to = Some(n);
        } else if !items.push(Item {
            base: None,
            from: n,
            to: None,
        }) {
            break;
        }
        rest = after_num;
    }
    // an alias in brackets: "section 117 (s117)"
    if rest.starts_with(" (") || rest.starts_with('(') {
        if let Ok((r, _)) = (ws, char('('), short_section, number, char(')')).parse(rest) {
            rest = r;
        }
    }
    Ok((rest, Group { head, items }))
}

/// A provision phrase: groups joined by `of`/`to` (`paragraph 19B of Schedule 2`) or by
/// commas (`Schedule 5/5A, paragraph 1/3`).
pub(crate) fn phrase(i: &str) -> Option<Phrase> {
    let (mut rest, first) = group(i).ok()?;
    let mut groups: Few<Group, 4> = Few::new(first);
    // for each group after the first, whether it may combine with the one before it
    // (`paragraph 19B of Schedule 2`), which a list (`Schedule 5 or s26(6)`) does not
    let mut combines: Few<bool, 4> = Few::new(false);
    while matches!(rest.as_bytes().first(), Some(b' ' | b',' | 0xC2)) && may_join(rest) {
        let previous = groups.as_slice()[groups.len - 1].head;
        let joined = alt((
            preceded(
                delimited(multispace1, alt((tag("of"), tag("to"))), multispace1),
                group,
            )
            .map(|g| (true, g)),
            preceded((ws, char(','), ws), group).map(|g| (true, g)),
            // "paragraph 5A schedule 5"
            preceded(ws, group)
                .map(|g| (true, g))
                .map_opt(|(c, g): (bool, Group)| {
                    (previous == Head::Paragraph && g.head == Head::Schedule).then_some((c, g))
                }),
            // "Schedule 5 or s26(6)"
            preceded(
                delimited(multispace1, alt((tag("and"), tag("or"))), multispace1),
                group,
            )
            .map(|g| (false, g)),
        ))
        .parse(rest);
        match joined {
            Ok((r, (combine, g))) => {
                if !groups.push(g) || !combines.push(combine) {
                    break;
                }
                rest = r;
            }
            Err(_) => break,
        }
    }
    let head = groups.as_slice()[0].head;
    Some(Phrase {
        provisions: render(groups.as_slice(), combines.as_slice()),
        len: i.len() - rest.len(),
        head,
    })
}

/// Whether another group may follow: every way of joining one (below) ends in a group,
/// and a group starts with a head word or `s`/`S`, whose first letters are few. Looked at
/// before the joins are tried, as most phrases end before `of the ... Act`.
fn may_join(rest: &str) -> bool {
    let starts_group = |s: &str| {
        matches!(
            s.as_bytes().first(),
            Some(b's' | b'S' | b'r' | b'R' | b'p' | b'P' | b'a' | b'A' | b'c' | b'C')
        )
    };
    let blank = |c: char| c.is_whitespace() || c == ',';
    let next = rest.trim_start_matches(blank);
    if starts_group(next) {
        return true;
    }
    after_word(next, &["of", "to", "and", "or"])
        .is_some_and(|after| starts_group(after.trim_start()))
}

/// What follows the first of `words` that `s` starts with, when white space follows it.
fn after_word<'a>(s: &'a str, words: &[&str]) -> Option<&'a str> {
    words
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .filter(|after| after.starts_with(char::is_whitespace))
}

/// Normalised provisions: `s26A(1)`, `Sch 2 para 19B`, `s3(4)-3(7)`.
fn render(groups: &[Group], combines: &[bool]) -> Vec<String> {
    let mut out = Vec::with_capacity(groups.iter().map(|g| g.items.len).sum());
    let mut i = 0;
    while i < groups.len() {
        let g = &groups[i];
        let next = groups.get(i + 1).filter(|_| combines[i + 1]);
        // "paragraph 19B of Schedule 2" and "Schedule 5/5A, paragraph 1/3" combine
        let pair = match next {
            Some(n) if g.head == Head::Paragraph && n.head == Head::Schedule => Some((n, g)),
            Some(n) if g.head == Head::Schedule && n.head == Head::Paragraph => Some((g, n)),
            _ => None,
        };
        if let Some((sch, para)) = pair {
            let (sch_items, para_items) = (sch.items.as_slice(), para.items.as_slice());
            if sch_items.len() == para_items.len() && sch_items.len() > 1 {
                for (s, p) in sch_items.iter().zip(para_items) {
                    out.push(schedule_paragraph(s.from, p));
                }
            } else {
                for s in sch_items {
                    for p in para_items {
                        out.push(schedule_paragraph(s.from, p));
                    }
                }
            }
            i += 2;
            continue;
        }
        for it in g.items.as_slice() {
            match it.from.split_once('.') {
                // "Schedule 5.5" is paragraph 5 of Schedule 5
                Some((sch, para)) if g.head == Head::Schedule && it.to.is_none() => {
                    out.push(format!("Sch {sch} para {para}"))
                }
                _ => {
                    let mut p = String::with_capacity(16);
                    p.push_str(g.head.prefix());
                    push_item(&mut p, it);
                    out.push(p);
                }
            }
        }
        i += 1;
    }
    out
}

fn push_item(out: &mut String, it: &Item) {
    if let Some(base) = it.base {
        out.push_str(base);
    }
    out.push_str(it.from);
    if let Some(to) = it.to {
        out.push('-');
        out.push_str(to);
    }
}

fn schedule_paragraph(schedule: &str, paragraph: &Item) -> String {
    let mut out = String::with_capacity(20);
    out.push_str("Sch ");
    out.push_str(schedule);
    out.push_str(" para ");
    push_item(&mut out, paragraph);
    out
}

/// `, as amended` (or ` as amended`) after a provision or an Act: its length.
pub(crate) fn as_amended(i: &str) -> usize {
    let parsed: IResult<&str, &str> = recognize((
        opt((ws, char(','))),
        multispace0,
        alt((
            recognize((char('('), tag("as amended"), char(')'))),
            tag("as amended"),
        )),
    ))
    .parse(i);
    parsed.map_or(0, |(_, m)| m.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> (Vec<String>, &str) {
        let ph = phrase(text).unwrap_or_else(|| panic!("no phrase in {text:?}"));
        (ph.provisions, &text[ph.len..])
    }

    #[test]
    fn sections_and_lists() {
        assert_eq!(p("section 117 of the"), (vec!["s117".into()], " of the"));
        assert_eq!(
            p("sections 26(1) and 26A(1), as amended").0,
            vec!["s26(1)", "s26A(1)"]
        );
        assert_eq!(p("sections 2, 3 or 4 of the MHA").0, vec!["s2", "s3", "s4"]);
        assert_eq!(p("section 30(1B) and 34H(i)").0, vec!["s30(1B)", "s34H(i)"]);
        assert_eq!(p("section 26(6)(c), as").0, vec!["s26(6)(c)"]);
        assert_eq!(p("section 33ZA,as amended").0, vec!["s33ZA"]);
        assert_eq!(
            p("section 24A(6), as amended, section 34(B))").0,
            vec!["s24A(6)"]
        );
        assert_eq!(p("section 24A(6) & (7), as").0, vec!["s24A(6)", "s24A(7)"]);
        assert_eq!(
            p("sections 26(1), (2) and (5) of").0,
            vec!["s26(1)", "s26(2)", "s26(5)"]
        );
        assert_eq!(p("Schedule 5 or s26(6) Local").0, vec!["Sch 5", "s26(6)"]);
        assert_eq!(p("section 17 and section 20 of").0, vec!["s17", "s20"]);
    }

    #[test]
    fn short_forms_and_ranges() {
        assert_eq!(p("s117 aftercare").0, vec!["s117"]);
        assert_eq!(p("s.117(2)").0, vec!["s117(2)"]);
        assert_eq!(p("S117 review").0, vec!["s117"]);
        assert_eq!(p("sections 3(4)- 3(7))").0, vec!["s3(4)-3(7)"]);
        assert_eq!(p("sections 2 to 4 of").0, vec!["s2-4"]);
        assert!(phrase("s 117").is_none());
        assert!(phrase("section F of the plan").is_none());
        assert!(phrase("this section").is_none());
    }

    #[test]
    fn parts_schedules_regulations() {
        assert_eq!(p("Part 7 of the Housing Act 1996").0, vec!["Part 7"]);
        assert_eq!(p("Part VII of").0, vec!["Part VII"]);
        assert_eq!(
            p("paragraph 19B of Schedule 2 to the").0,
            vec!["Sch 2 para 19B"]
        );
        assert_eq!(
            p("Schedule 5/5A, paragraph 1/3, as amended").0,
            vec!["Sch 5 para 1", "Sch 5A para 3"]
        );
        assert_eq!(
            p("Schedule 5, paragraph 5(2), as amended").0,
            vec!["Sch 5 para 5(2)"]
        );
        assert_eq!(p("regulation 15").0, vec!["reg 15"]);
        assert_eq!(
            p("paragraph 5A schedule 5, as amended").0,
            vec!["Sch 5 para 5A"]
        );
        assert_eq!(p("paragraph 3 and Schedule 2").0, vec!["para 3", "Sch 2"]);
        assert_eq!(p("Schedule 5.5 (as amended)").0, vec!["Sch 5 para 5"]);
        assert_eq!(p("article 3").0, vec!["art 3"]);
        assert_eq!(p("paragraph 10.27 of the").0, vec!["para 10.27"]);
        assert_eq!(
            p("section 117 (s117) of the MHA"),
            (vec!["s117".into()], " of the MHA")
        );
    }

    #[test]
    fn as_amended_lengths() {
        assert_eq!(as_amended(", as amended)"), 12);
        assert_eq!(as_amended(" (as amended)]"), 13);
        assert_eq!(as_amended(", and"), 0);
    }
}
