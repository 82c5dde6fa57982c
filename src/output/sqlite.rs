//! SQLite output: the decisions, sections, paragraphs, citations, parties, remedies and
//! dates tables with primary and foreign keys, and an FTS5 full-text index over paragraphs, ready for `sqlite3` and
//! Datasette. The database is built under a temporary name and renamed into place.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection};

use super::code;
use crate::model::Decision;

const SCHEMA: &str = "
PRAGMA foreign_keys = ON;
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    reference TEXT, case_reference TEXT, reference_suffix TEXT, organisation TEXT,
    category TEXT, subcategory TEXT, decision TEXT, outcome TEXT, decision_date TEXT,
    decision_date_raw TEXT, statement_kind TEXT NOT NULL, rendering TEXT NOT NULL,
    summary TEXT, encoding TEXT,
    complainant TEXT, fault TEXT, injustice TEXT, remedies INTEGER,
    apology INTEGER, total_payment TEXT, reasons TEXT, earliest_event TEXT,
    latest_event TEXT, days_to_decision INTEGER
);
CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decisions(id),
    position INTEGER NOT NULL, heading TEXT, kind TEXT NOT NULL,
    start INTEGER NOT NULL, \"end\" INTEGER NOT NULL
);
CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES sections(id),
    decision_id INTEGER NOT NULL REFERENCES decisions(id),
    position INTEGER NOT NULL, marker TEXT NOT NULL, number TEXT, level INTEGER NOT NULL,
    start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE TABLE citations (
    id INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decisions(id),
    position INTEGER NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, \"end\" INTEGER NOT NULL,
    instrument TEXT, kind TEXT NOT NULL, provisions TEXT NOT NULL, cite TEXT,
    resolution TEXT NOT NULL, defines TEXT, legislation_id TEXT, url TEXT, url_at_date TEXT
);
CREATE TABLE parties (
    id INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decisions(id),
    position INTEGER NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, relation TEXT,
    relation_of TEXT, start INTEGER NOT NULL, \"end\" INTEGER NOT NULL
);
CREATE TABLE remedies (
    id INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decisions(id),
    position INTEGER NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL, status TEXT NOT NULL,
    amount TEXT, amount_to TEXT, up_to INTEGER NOT NULL, purpose TEXT NOT NULL,
    recipient TEXT, deadline TEXT, deadline_days INTEGER, deadline_months INTEGER,
    text TEXT NOT NULL, start INTEGER NOT NULL, \"end\" INTEGER NOT NULL
);
CREATE TABLE dates (
    id INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decisions(id),
    position INTEGER NOT NULL, text TEXT NOT NULL, date TEXT NOT NULL, precision TEXT NOT NULL,
    start INTEGER NOT NULL, \"end\" INTEGER NOT NULL
);
CREATE INDEX parties_decision ON parties(decision_id);
CREATE INDEX remedies_decision ON remedies(decision_id);
CREATE INDEX dates_decision ON dates(decision_id);
CREATE INDEX sections_decision ON sections(decision_id);
CREATE INDEX paragraphs_section ON paragraphs(section_id);
CREATE INDEX paragraphs_decision ON paragraphs(decision_id);
CREATE INDEX citations_decision ON citations(decision_id);
CREATE INDEX citations_instrument ON citations(instrument);
CREATE INDEX decisions_reference ON decisions(reference);
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(text, content='paragraphs', content_rowid='id');
";

/// Writes decisions into a new SQLite database.
///
/// ```
/// use ombudsman::{Decision, output::SqliteWriter};
/// let dir = std::env::temp_dir().join(format!("ombudsman-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("corpus.db");
/// let mut d = Decision::parse("Some Council (25 000 001)\nDecision : Upheld\nThe complaint\n- Mr X complains about the Care Act 2014.\n")?;
/// d.source = Some("a.txt".into());
/// let mut db = SqliteWriter::create(&path).unwrap();
/// db.write(&d).unwrap();
/// db.finish().unwrap();
/// let conn = rusqlite::Connection::open(&path).unwrap();
/// let hits: i64 = conn.query_row(
///     "SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'care'", [], |r| r.get(0)).unwrap();
/// assert_eq!(hits, 1);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), ombudsman::Error>(())
/// ```
pub struct SqliteWriter {
    conn: Connection,
    path: PathBuf,
    temporary: PathBuf,
}

impl SqliteWriter {
    /// Starts a new database that will replace `path` when [`SqliteWriter::finish`]ed.
    ///
    /// # Errors
    /// Any SQLite error creating the temporary database.
    pub fn create(path: &Path) -> rusqlite::Result<SqliteWriter> {
        let temporary = super::temporary_path(path);
        let _ = std::fs::remove_file(&temporary);
        let conn = Connection::open(&temporary)?;
        conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")?;
        conn.execute_batch(SCHEMA)?;
        conn.execute_batch("BEGIN")?;
        Ok(SqliteWriter {
            conn,
            path: path.to_path_buf(),
            temporary,
        })
    }

    /// Adds one decision with its sections, paragraphs and citations.
    ///
    /// # Errors
    /// Any SQLite error (a repeated `source` is one: sources key the decisions).
    pub fn write(&mut self, d: &Decision) -> rusqlite::Result<()> {
        let c = &self.conn;
        let row = super::csv::DecisionRow::new(d, &super::CsvOptions::raw());
        c.prepare_cached(
            "INSERT INTO decisions (source, reference, case_reference, reference_suffix, organisation,
             category, subcategory, decision, outcome, decision_date, decision_date_raw,
             statement_kind, rendering, summary, encoding, complainant, fault, injustice, remedies,
             apology, total_payment, reasons, earliest_event, latest_event, days_to_decision)
             VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25)",
        )?
        .execute(params![
            d.source.as_deref().unwrap_or("-"),
            d.reference,
            d.case_reference,
            d.reference_suffix,
            d.organisation,
            d.category,
            d.subcategory,
            d.decision,
            d.outcome.as_ref().map(|o| o.code()),
            d.decision_date.map(|x| x.to_string()),
            d.decision_date_raw,
            code(&d.statement_kind),
            code(&d.rendering),
            d.summary,
            d.encoding.map(|e| code(&e)),
            d.facts.as_ref().and_then(|f| f.complainant.as_deref()),
            Some(row.fault).filter(|x| !x.is_empty()),
            Some(row.injustice).filter(|x| !x.is_empty()),
            row.remedies,
            row.apology,
            Some(row.total_payment).filter(|x| !x.is_empty()),
            Some(row.reasons).filter(|x| !x.is_empty()),
            Some(row.earliest_event).filter(|x| !x.is_empty()),
            Some(row.latest_event).filter(|x| !x.is_empty()),
            row.days_to_decision,
        ])?;
        let decision_id = c.last_insert_rowid();
        for (i, s) in d.sections.iter().enumerate() {
            c.prepare_cached(
                "INSERT INTO sections (decision_id, position, heading, kind, start, \"end\") VALUES (?1,?2,?3,?4,?5,?6)",
            )?
            .execute(params![decision_id, i + 1, s.heading, code(&s.kind), s.span.start, s.span.end])?;
            let section_id = c.last_insert_rowid();
            for (j, p) in s.paragraphs.iter().enumerate() {
                c.prepare_cached(
                    "INSERT INTO paragraphs (section_id, decision_id, position, marker, number, level, start, \"end\", text)
                     VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)",
                )?
                .execute(params![
                    section_id,
                    decision_id,
                    j + 1,
                    code(&p.marker),
                    p.number,
                    p.level,
                    p.span.start,
                    p.span.end,
                    p.text
                ])?;
            }
        }
        for (i, cit) in d.citations.iter().enumerate() {
            c.prepare_cached(
                "INSERT INTO citations (decision_id, position, text, start, \"end\", instrument, kind, provisions,
                 cite, resolution, defines, legislation_id, url, url_at_date)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)",
            )?
            .execute(params![
                decision_id,
                i + 1,
                cit.text,
                cit.start,
                cit.end,
                cit.instrument.as_deref(),
                code(&cit.kind),
                cit.provisions.join("; "),
                cit.cite(),
                code(&cit.resolution),
                cit.defines,
                cit.legislation_id(),
                cit.url(),
                cit.url_at_date(),
            ])?;
        }
        for (i, p) in d.facts.iter().flat_map(|f| &f.parties).enumerate() {
            c.prepare_cached(
                "INSERT INTO parties (decision_id, position, name, role, relation, relation_of, start, \"end\")
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
            )?
            .execute(params![
                decision_id,
                i + 1,
                p.name,
                code(&p.role),
                p.relation,
                p.relation_of,
                p.start,
                p.end
            ])?;
        }
        for (i, r) in d.facts.iter().flat_map(|f| &f.remedies).enumerate() {
            let pounds = crate::facts::pounds;
            c.prepare_cached(
                "INSERT INTO remedies (decision_id, position, kind, detail, status, amount, amount_to, up_to,
                 purpose, recipient, deadline, deadline_days, deadline_months, text, start, \"end\")
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)",
            )?
            .execute(params![
                decision_id,
                i + 1,
                r.kind.code(),
                r.detail.join("; "),
                code(&r.status),
                r.amount.as_ref().map(|a| pounds(a.pence)),
                r.amount.as_ref().and_then(|a| a.to_pence).map(pounds),
                r.amount.as_ref().is_some_and(|a| a.up_to),
                r.purpose.join("; "),
                r.recipient,
                r.deadline.as_ref().map(|x| x.text.as_str()),
                r.deadline.as_ref().and_then(|x| x.days),
                r.deadline.as_ref().and_then(|x| x.months),
                r.text,
                r.start,
                r.end,
            ])?;
        }
        for (i, m) in d.facts.iter().flat_map(|f| &f.dates).enumerate() {
            c.prepare_cached(
                "INSERT INTO dates (decision_id, position, text, date, precision, start, \"end\")
                 VALUES (?1,?2,?3,?4,?5,?6,?7)",
            )?
            .execute(params![
                decision_id,
                i + 1,
                m.text,
                m.date,
                code(&m.precision),
                m.start,
                m.end
            ])?;
        }
        Ok(())
    }

    /// Commits, builds the full-text index and renames the database into place, replacing
    /// any database already there.
    ///
    /// # Errors
    /// Any SQLite or file-system error; the previous database is then left as it was.
    pub fn finish(self) -> std::io::Result<()> {
        let result = self
            .conn
            .execute_batch(
                "COMMIT; INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild'); VACUUM;",
            )
            .map_err(std::io::Error::other)
            .and_then(|()| self.conn.close().map_err(|(_, e)| std::io::Error::other(e)))
            .and_then(|()| std::fs::rename(&self.temporary, &self.path));
        if result.is_err() {
            let _ = std::fs::remove_file(&self.temporary);
        }
        result
    }

    /// Removes the temporary database of a run that failed.
    pub fn abandon(self) {
        let temporary = self.temporary.clone();
        drop(self.conn);
        let _ = std::fs::remove_file(temporary);
    }
}
