//! Reads one decision statement into a [`Decision`]: title, header block, summary, sections.
//!
//! The grammar is line-oriented. [`lines`] splits the text with byte offsets; the nom
//! productions in [`header`] and [`section`] classify each line; [`parse`] walks the lines
//! once, in order, building the record.

mod header;
pub(crate) mod lines;
mod section;

use crate::error::{shorten, Error, ErrorKind, Position, Result};
use crate::model::{
    Decision, Fragment, HeaderSpans, Marker, Outcome, Paragraph, Rendering, Section, SectionKind,
    StatementKind,
};
use crate::span::Span;
use header::Field;
use lines::{fold, Line};

/// How many content lines may come before the title line (leading noise is kept in
/// [`Decision::unrecognised`]).
const TITLE_SEARCH_LINES: usize = 8;

/// Parses one decision statement. See [`Decision::parse`].
pub(crate) fn parse(text: &str) -> Result<Decision> {
    let lines = lines::split(text);
    let mut builder = Builder::new(text);
    let content: Vec<&Line> = lines.iter().filter(|l| !l.is_blank()).collect();
    let Some(first) = content.first() else {
        return Err(Error::new(ErrorKind::Empty));
    };
    builder.rendering = rendering(&lines);
    builder.last_line_start = content.last().map_or(usize::MAX, |l| l.start);

    // The title: the first content line that reads as one, after any leading noise.
    let mut rest = &content[..];
    let non_furniture: Vec<usize> = (0..content.len())
        .filter(|&i| !section::is_furniture(&fold(content[i].content())))
        .take(TITLE_SEARCH_LINES)
        .collect();
    if let Some(&at) = non_furniture
        .iter()
        .find(|&&i| header::title(content[i].content()).is_some())
    {
        for &i in non_furniture.iter().take_while(|&&i| i < at) {
            builder.decision.unrecognised.push(fragment(content[i]));
        }
        builder.title(content[at]);
        rest = &content[at + 1..];
    }

    for line in rest {
        builder.line(line)?;
    }
    if !builder.recognised() {
        let first = non_furniture.first().map_or(*first, |&i| content[i]);
        return Err(Error::new(ErrorKind::NotADecision {
            position: Position::locate(text, first.content_start()),
            found: shorten(first.content(), 80),
        }));
    }
    Ok(builder.finish())
}

fn fragment(line: &Line) -> Fragment {
    let start = line.content_start();
    Fragment {
        text: line.content().to_string(),
        span: Span::new(start, start + line.content().len()),
    }
}

/// Blank-line rendering when most content lines are followed by an empty line.
fn rendering(lines: &[Line]) -> Rendering {
    let mut blank_after = 0;
    let mut content = 0;
    for pair in lines.windows(2) {
        if !pair[0].is_blank() {
            content += 1;
            if pair[1].is_blank() {
                blank_after += 1;
            }
        }
    }
    if content > 0 && blank_after * 3 >= content {
        Rendering::BlankLine
    } else {
        Rendering::SingleNewline
    }
}

/// Where the walk over the lines is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Before the statement marker or the first heading: header fields and TOC lines allowed.
    Preamble,
    /// After `Summary:`, until the next heading.
    Summary,
    /// In the body.
    Body,
}

struct Builder<'a> {
    text: &'a str,
    decision: Decision,
    stage: Stage,
    rendering: Rendering,
    summary_end: usize,
    summary_parts: Vec<&'a str>,
    satisfied_line: bool,
    /// Byte offset of the last content line.
    last_line_start: usize,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str) -> Builder<'a> {
        Builder {
            text,
            decision: Decision {
                source: None,
                encoding: None,
                reference: None,
                case_reference: None,
                reference_suffix: None,
                organisation: None,
                category: None,
                subcategory: None,
                decision: None,
                outcome: None,
                decision_date: None,
                decision_date_raw: None,
                statement_kind: StatementKind::Unknown,
                rendering: Rendering::SingleNewline,
                summary: None,
                sections: Vec::new(),
                citations: Vec::new(),
                facts: None,
                spans: HeaderSpans::default(),
                unrecognised: Vec::new(),
                text: None,
            },
            stage: Stage::Preamble,
            rendering: Rendering::SingleNewline,
            summary_end: 0,
            summary_parts: Vec::new(),
            satisfied_line: false,
            last_line_start: usize::MAX,
        }
    }

    /// Whether anything marks the text as a decision.
    fn recognised(&self) -> bool {
        let d = &self.decision;
        d.reference.is_some()
            || d.spans.category.is_some()
            || d.spans.decision.is_some()
            || d.spans.decision_date.is_some()
            || d.statement_kind == StatementKind::FinalDecision
    }

    fn title(&mut self, line: &Line) {
        let content = line.content();
        let base = line.content_start();
        let Some(t) = header::title(content) else {
            return;
        };
        let d = &mut self.decision;
        d.spans.title = Some(Span::new(base, base + content.len()));
        d.reference = Some(t.reference.full());
        d.case_reference = Some(t.reference.case_reference());
        d.reference_suffix = t.reference.suffix.map(String::from);
        let (at, len) = t.reference_at;
        d.spans.reference = Some(Span::new(base + at, base + at + len));
        if let Some((org, at)) = t.organisation {
            d.organisation = Some(collapse(org));
            d.spans.organisation = Some(Span::new(base + at, base + at + org.len()));
        }
    }

    fn line(&mut self, line: &Line<'a>) -> Result<()> {
        let content = line.content();
        let folded_line = fold(content);
        let folded: &str = &folded_line;
        if section::is_furniture(folded) {
            self.flush_summary(); // a summary is one run of text
            return Ok(());
        }
        if self.stage == Stage::Preamble {
            if let Some((field, at)) = header::header_field(content) {
                return self.header(field, line, at);
            }
            if self.is_toc_line(content) {
                return Ok(());
            }
        }
        if section::is_final_decision_marker(folded) {
            self.flush_summary();
            self.decision.statement_kind = StatementKind::FinalDecision;
            self.stage = Stage::Summary;
            return Ok(());
        }
        if self.stage != Stage::Body
            && self.decision.summary.is_none()
            && self.summary_parts.is_empty()
        {
            if let Some(at) = section::summary_label(content) {
                self.stage = Stage::Summary;
                let start = line.content_start() + at;
                self.decision.spans.summary = Some(Span::new(start, start + content.len() - at));
                self.summary_end = start + content.len() - at;
                if at < content.len() {
                    self.summary_parts.push(&content[at..]);
                }
                return Ok(());
            }
        }
        // `Ombudsman satisfied with council's response: 10 January 2018.` is a paragraph
        let satisfied = folded.starts_with("ombudsman satisfied");
        self.satisfied_line |= satisfied;
        if self.is_last_line(line) && section::is_cut_furniture(folded) {
            return Ok(());
        }
        let marker = section::marker(content);
        if marker.is_none() && line.indent() < 2 && !satisfied {
            let known = section::known_heading(folded);
            let in_key = self
                .decision
                .sections
                .last()
                .is_some_and(|s| s.kind == SectionKind::KeyToNames);
            if known.is_some() || (!in_key && section::looks_like_heading(content)) {
                self.flush_summary();
                self.stage = Stage::Body;
                let kind = known.unwrap_or(SectionKind::Other);
                let start = line.content_start();
                let span = Span::new(start, start + content.len());
                self.decision.sections.push(Section {
                    heading: Some(content.to_string()),
                    kind,
                    span,
                    paragraphs: Vec::new(),
                });
                return Ok(());
            }
        }
        if self.stage == Stage::Summary && self.decision.spans.summary.is_some() && marker.is_none()
        {
            // a summary that runs on over more than one line
            let start = line.content_start();
            if self.summary_parts.is_empty() {
                self.decision.spans.summary = Some(Span::new(start, start));
            }
            self.summary_parts.push(content);
            self.summary_end = start + content.len();
            return Ok(());
        }
        self.flush_summary();
        if self.stage == Stage::Preamble || self.stage == Stage::Summary {
            self.stage = Stage::Body;
        }
        self.paragraph(line, marker);
        Ok(())
    }

    /// Whether `line` is the last line of the text (which may be cut off mid-word).
    fn is_last_line(&self, line: &Line) -> bool {
        line.start >= self.last_line_start
    }

    /// A table-of-contents line: `- The complaint` naming a known section, before the
    /// statement starts.
    fn is_toc_line(&self, content: &str) -> bool {
        match section::marker(content) {
            Some(m) if m.marker == Marker::Dash => {
                section::known_heading(&fold(&content[m.text_at..])).is_some()
            }
            _ => false,
        }
    }

    fn header(&mut self, field: Field, line: &Line, at: usize) -> Result<()> {
        let content = line.content();
        let value = &content[at..];
        let start = line.content_start() + at;
        let span = Span::new(start, start + value.len());
        let d = &mut self.decision;
        match field {
            Field::Category => {
                if value.is_empty() {
                    return Ok(());
                }
                d.spans.category = Some(span);
                match value.find('>') {
                    Some(gt) => {
                        d.category = non_empty(collapse(&value[..gt]));
                        let sub = &value[gt + 1..];
                        let lead = sub.len() - sub.trim_start_matches(lines::is_blank).len();
                        d.subcategory = non_empty(collapse(sub));
                        if d.subcategory.is_some() {
                            d.spans.subcategory = Some(Span::new(start + gt + 1 + lead, span.end));
                        }
                    }
                    None => d.category = Some(collapse(value)),
                }
            }
            Field::Decision => {
                if value.is_empty() {
                    return Ok(());
                }
                d.spans.decision = Some(span);
                d.decision = Some(collapse(value));
                d.outcome = Some(Outcome::from_wording(value));
            }
            Field::DecisionDate => {
                if value.is_empty() {
                    return Ok(());
                }
                let Some(date) = header::date_value(value) else {
                    return Err(Error::new(ErrorKind::InvalidHeader {
                        position: Position::locate(self.text, start),
                        field: "Decision date :",
                        expected: "a date like \"28 Jul 2025\"",
                        found: shorten(value, 60),
                    }));
                };
                d.spans.decision_date = Some(span);
                d.decision_date = Some(date);
                d.decision_date_raw = Some(value.to_string());
            }
        }
        Ok(())
    }

    fn flush_summary(&mut self) {
        if self.summary_parts.is_empty() {
            return;
        }
        let summary = self.summary_parts.join(" ");
        self.summary_parts.clear();
        if self.stage == Stage::Summary {
            self.stage = Stage::Body;
        }
        if let Some(span) = &mut self.decision.spans.summary {
            span.end = self.summary_end;
        }
        self.decision.summary = Some(summary);
    }

    fn paragraph(&mut self, line: &Line, marker: Option<section::MarkerMatch>) {
        let content = line.content();
        let (kind, number, at) = match marker {
            Some(m) => (m.marker, m.number, m.text_at),
            None => (Marker::Plain, None, 0),
        };
        let text = &content[at..];
        let start = line.content_start() + at;
        let span = Span::new(start, start + text.len());
        if self.decision.sections.is_empty() {
            self.decision.sections.push(Section {
                heading: None,
                kind: SectionKind::Lead,
                span,
                paragraphs: Vec::new(),
            });
        }
        let section = self
            .decision
            .sections
            .last_mut()
            .expect("a section was just ensured");
        section.span = section.span.to(span);
        section.paragraphs.push(Paragraph {
            marker: kind,
            number,
            level: section::level(line.indent()),
            text: text.to_string(),
            span,
        });
    }

    fn finish(mut self) -> Decision {
        self.flush_summary();
        let d = &mut self.decision;
        d.rendering = self.rendering;
        if d.statement_kind == StatementKind::Unknown {
            let chapter = d.sections.iter().any(|s| {
                matches!(s.kind, SectionKind::Investigation)
                    || s.heading
                        .as_deref()
                        .is_some_and(|h| fold(h).starts_with("legal and administrative background"))
            });
            let lead = d
                .sections
                .first()
                .is_some_and(|s| s.kind == SectionKind::Lead);
            d.statement_kind = if chapter {
                StatementKind::ReportChapter
            } else if self.satisfied_line || lead {
                StatementKind::ReportSummary
            } else {
                StatementKind::Unknown
            };
        }
        self.decision
    }
}

/// Collapses inner runs of white space (and NBSP) to one space.
fn collapse(text: &str) -> String {
    text.split(lines::is_blank)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}
