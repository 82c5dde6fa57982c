//! The `extract` binary, run as a user runs it.

mod common;

use std::process::{Command, Output, Stdio};

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn seed_prints_one_json_record_with_source_as_given() {
    let out = common::extract(&["seeds/"], &common::root());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let records = records.as_array().unwrap();
    assert_eq!(records.len(), 1);
    let r = &records[0];
    let seed = common::seed_path();
    let name = seed.file_name().unwrap().to_str().unwrap();
    assert_eq!(r["source"], format!("seeds/{name}"));
    assert_eq!(r["reference"], "25 000 113b");
    assert_eq!(r["outcome"], "closed_after_initial_enquiries");
    for field in [
        "organisation",
        "category",
        "subcategory",
        "decision",
        "decision_date",
        "summary",
        "sections",
        "citations",
    ] {
        assert!(r.get(field).is_some(), "missing {field}");
    }
    assert_eq!(r["sections"][0]["heading"], "The complaint");
    assert_eq!(r["sections"][0]["kind"], "complaint");
    assert!(r["sections"][0]["paragraphs"].as_array().unwrap().len() == 7);
}

#[test]
fn bad_inputs_are_reported_and_the_good_ones_still_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::copy(common::seed_path(), dir.join("a_good.txt")).unwrap();
    std::fs::write(dir.join("b_empty.txt"), b"").unwrap();
    std::fs::write(dir.join("c_binary.txt"), b"\x7fELF\x00\x00\x01").unwrap();
    std::fs::write(
        dir.join("d_latin1.txt"),
        b"Some Council (24 000 001)\nSummary: caf\xe9 \x81\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("g_cp1252.txt"),
        b"Some Council (24 000 002)\nSummary: caf\xe9 \x80500\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("e_prose.txt"),
        "Minutes of the meeting\nApologies were received.\n",
    )
    .unwrap();
    std::fs::copy(
        common::root().join("fixtures/no_header_block.txt"),
        dir.join("f_good.txt"),
    )
    .unwrap();
    let out = common::extract(
        &[
            "--format",
            "jsonl",
            "--errors",
            "errors.jsonl",
            ".",
            "missing.txt",
        ],
        dir,
    );
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<_> = stdout(&out).lines().map(String::from).collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].contains("\"source\":\"./a_good.txt\""));
    assert!(lines[1].contains("\"source\":\"./f_good.txt\""));
    assert!(lines[2].contains("\"source\":\"./g_cp1252.txt\""));
    assert!(lines[2].contains("\"summary\":\"café €500\""));
    assert!(lines[2].contains("\"encoding\":\"windows-1252\""));
    let errors: Vec<serde_json::Value> = std::fs::read_to_string(dir.join("errors.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(errors.len(), 5);
    assert_eq!(errors[0]["source"], "missing.txt");
    let prose = errors
        .iter()
        .find(|e| e["source"] == "./e_prose.txt")
        .unwrap();
    assert_eq!(
        (
            prose["kind"].as_str(),
            prose["line"].as_u64(),
            prose["column"].as_u64()
        ),
        (Some("not_a_decision"), Some(1), Some(1))
    );
    assert!(prose["message"]
        .as_str()
        .unwrap()
        .starts_with("not a decision: expected a title line"));
    let err = stderr(&out);
    assert!(
        err.contains("missing.txt: cannot read: No such file or directory"),
        "{err}"
    );
    assert!(
        err.contains("./b_empty.txt: empty input: no text to parse"),
        "{err}"
    );
    assert!(
        err.contains("./c_binary.txt: binary data, not text (NUL byte at offset 4)"),
        "{err}"
    );
    assert!(
        err.contains("./d_latin1.txt: not valid UTF-8 text (invalid byte sequence at offset 38)"),
        "{err}"
    );
    assert!(
        err.contains("./e_prose.txt:1:1: not a decision: expected a title line"),
        "{err}"
    );
    assert!(
        err.contains("./g_cp1252.txt: warning: not UTF-8; decoded as Windows-1252"),
        "{err}"
    );
    assert!(err.contains("3 decisions parsed, 5 failed"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let root = common::root();
    assert_eq!(common::extract(&[], &root).status.code(), Some(2));
    assert_eq!(
        common::extract(&["--format", "xml", "seeds"], &root)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        common::extract(&["-o", "out.xyz", "seeds"], &root)
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn output_format_follows_the_extension_and_the_file_appears_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let root = common::root();
    let csv = tmp.path().join("out.csv");
    let mut args = vec![
        "-q".to_string(),
        "-o".into(),
        csv.to_str().unwrap().into(),
        "seeds".into(),
    ];
    args.extend(common::fixture_args());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = common::extract(&args, &root);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with("\u{feff}source,reference,case_reference,organisation".as_bytes()));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 1 + common::fixture_args().len());
    assert!(rows.iter().any(|r| &r[1] == "25 000 113b"));
    let names: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names.len(),
        1,
        "no temporary file is left behind: {names:?}"
    );

    let jsonl = tmp.path().join("out.jsonl");
    let out = common::extract(&["-o", jsonl.to_str().unwrap(), "seeds"], &root);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&jsonl).unwrap().lines().count(), 1);
}

#[test]
fn csv_cells_that_look_like_formulas_are_neutralised_unless_asked() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("x.txt"),
        "=HYPERLINK(\"http://example.com\") (24 000 002)\nDecision : Upheld\n",
    )
    .unwrap();
    let out = common::extract(&["--format", "csv", "x.txt"], tmp.path());
    assert!(stdout(&out).contains("'=HYPERLINK"), "{}", stdout(&out));
    let out = common::extract(&["--format", "csv", "--no-neutralise", "x.txt"], tmp.path());
    assert!(
        stdout(&out).contains("\n\"=HYPERLINK") || stdout(&out).contains(",\"=HYPERLINK"),
        "{}",
        stdout(&out)
    );
}

/// Without `--facts` the facts were not read: `"facts": null` in JSON and empty facts cells
/// in CSV, never "no remedies" or "no apology" for a decision that has them.
#[test]
fn facts_not_read_are_empty_not_zero() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("x.txt"),
        "Westshire Council (24 000 001)\nDecision : Upheld\nDecision date : 2 Jan 2025\n\
         Summary: Mrs X complained. The Council was at fault. It has agreed to apologise and \
         pay Mrs X £200.\n",
    )
    .unwrap();
    let cells = |args: &[&str]| -> Vec<(String, String)> {
        let out = common::extract(args, tmp.path());
        let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
        let headers = reader.headers().unwrap().clone();
        let row = reader.records().next().unwrap().unwrap();
        headers
            .iter()
            .zip(row.iter())
            .map(|(h, c)| (h.to_string(), c.to_string()))
            .filter(|(h, _)| {
                [
                    "complainant",
                    "fault",
                    "remedies",
                    "apology",
                    "total_payment",
                ]
                .contains(&h.as_str())
            })
            .collect()
    };
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        cells(&["--format", "csv", "x.txt"]),
        pairs(&[
            ("complainant", ""),
            ("fault", ""),
            ("remedies", ""),
            ("apology", ""),
            ("total_payment", "")
        ])
    );
    assert_eq!(
        cells(&["--format", "csv", "--facts", "x.txt"]),
        pairs(&[
            ("complainant", "Mrs X"),
            ("fault", "found"),
            ("remedies", "2"),
            ("apology", "true"),
            ("total_payment", "200.00")
        ])
    );
    let json = |args: &[&str]| -> serde_json::Value {
        let out = common::extract(args, tmp.path());
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()[0].clone()
    };
    assert!(json(&["x.txt"])["facts"].is_null());
    assert_eq!(json(&["--facts", "x.txt"])["facts"]["complainant"], "Mrs X");
}

#[test]
fn stdin_is_read_with_a_dash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_extract"))
        .args(["--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(common::read(&common::seed_path()).as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let record: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(
        (record["source"].as_str(), record["reference"].as_str()),
        (Some("-"), Some("25 000 113b"))
    );
    assert_eq!(record["encoding"], "utf-8");
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    let root = common::root();
    let fixtures = common::fixture_args();
    for format in ["json", "jsonl", "csv"] {
        let run = |jobs: &str| {
            let mut args = vec!["-q", "--jobs", jobs, "--format", format, "seeds"];
            args.extend(fixtures.iter().map(String::as_str));
            common::extract(&args, &root)
        };
        let (one, four) = (run("1"), run("4"));
        assert!(!one.stdout.is_empty());
        assert_eq!(one.stdout, four.stdout, "{format}");
    }
}

#[test]
fn a_failed_run_keeps_the_previous_output_file() {
    let tmp = tempfile::tempdir().unwrap();
    let out_file = tmp.path().join("out.json");
    std::fs::write(&out_file, "previous").unwrap();
    // writing into a directory that does not exist fails before anything is replaced
    let bad = tmp.path().join("no/such/dir/out.json");
    let out = common::extract(&["-o", bad.to_str().unwrap(), "seeds"], &common::root());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("out.json"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&out_file).unwrap(), "previous");
}

#[test]
fn cite_prints_citations_of_any_text_as_json_lines() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("note.txt"),
        "A note: section 117 of the Mental Health Act 1983 applies.\n",
    )
    .unwrap();
    let out = common::extract(&["cite", "note.txt"], tmp.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    let c = &lines[0];
    assert_eq!(c["source"], "note.txt");
    assert_eq!(c["text"], "section 117 of the Mental Health Act 1983");
    assert_eq!(c["instrument"], "Mental Health Act 1983");
    assert_eq!(c["provisions"], serde_json::json!(["s117"]));
    assert_eq!(c["cite"], "MHA 1983 s117");
    assert_eq!(
        c["url"],
        "https://www.legislation.gov.uk/ukpga/1983/20/section/117"
    );
    assert_eq!(
        (c["start"].as_u64(), c["end"].as_u64()),
        (Some(8), Some(49))
    );
}

#[test]
fn cite_reports_bad_files_and_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("bin.txt"), b"\x00\x01").unwrap();
    let out = common::extract(&["cite", "bin.txt"], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("bin.txt: binary data, not text"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn tables_write_one_csv_per_table_keyed_by_source_and_reference() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("tables");
    let root = common::root();
    let out = common::extract(
        &["-q", "--facts", "--tables", dir.to_str().unwrap(), "seeds"],
        &root,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "records go to the tables only");
    let read = |name: &str| {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        assert!(bytes.starts_with("\u{feff}".as_bytes()));
        let mut r = csv::Reader::from_reader(&bytes[3..]);
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        (header, rows)
    };
    let (header, rows) = read("citations.csv");
    assert_eq!(&header[..4], ["source", "reference", "citation", "text"]);
    assert_eq!(rows.len(), 32);
    assert!(rows.iter().all(|r| &r[1] == "25 000 113b"));
    assert!(rows.iter().any(|r| &r[9] == "LGA 1974 s26(1), s26A(1)"));
    let (_, rows) = read("sections.csv");
    assert_eq!(rows.len(), 9);
    let (_, rows) = read("paragraphs.csv");
    assert_eq!(rows.len(), 32);
    let (header, rows) = read("decisions.csv");
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert!(rows[0][column("cites")].starts_with("MHA 1983 s117; MHA 1983 s3; "));
    assert_eq!(&rows[0][column("complainant")], "Ms X");
    assert_eq!(&rows[0][column("fault")], "not_investigated");
    assert_eq!(&rows[0][column("reasons")], "unlikely_to_find_fault");
    assert_eq!(&rows[0][column("remedies")], "0");
    assert_eq!(&rows[0][column("apology")], "false");
    assert_eq!(&rows[0][column("total_payment")], "");
    assert_eq!(&rows[0][column("earliest_event")], "2021-10");
    assert_eq!(&rows[0][column("latest_event")], "2025-05");
    let (header, rows) = read("parties.csv");
    assert_eq!(
        &header[..5],
        ["source", "reference", "party", "name", "role"]
    );
    assert_eq!((&rows[0][3], &rows[0][4]), ("Ms X", "complainant"));
    let (header, rows) = read("dates.csv");
    assert_eq!(&header[4..6], ["date", "precision"]);
    assert_eq!(rows.len(), 18);
    assert_eq!(
        (&rows[0][3], &rows[0][4], &rows[0][5]),
        ("'November 2021", "2021-11", "month")
    );
    // a table with no rows still has its header
    let (header, rows) = read("remedies.csv");
    assert_eq!(&header[3..6], ["kind", "detail", "status"]);
    assert!(rows.is_empty());
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 7, "no temporary files left: {leftovers:?}");

    // without --facts the facts tables are there, with their headers and no rows
    let out = common::extract(&["-q", "--tables", dir.to_str().unwrap(), "seeds"], &root);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for table in ["parties.csv", "remedies.csv", "dates.csv"] {
        let (header, rows) = read(table);
        assert!(header.len() > 5 && rows.is_empty(), "{table}");
    }
    let (header, rows) = read("decisions.csv");
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][column("complainant")], "");
}

#[test]
fn files_from_reads_a_list_of_paths() {
    let tmp = tempfile::tempdir().unwrap();
    let seed = common::seed_path();
    let fixture = common::root().join("fixtures/no_header_block.txt");
    std::fs::write(
        tmp.path().join("list.txt"),
        format!("{}\n\n{}\n", seed.display(), fixture.display()),
    )
    .unwrap();
    let out = common::extract(
        &["-q", "--format", "jsonl", "--files-from", "list.txt"],
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 2);
    let missing = common::extract(&["--files-from", "nope.txt"], tmp.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("nope.txt"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn sqlite_output_has_keys_full_text_search_and_is_replaced_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("corpus.db");
    let root = common::root();
    let out = common::extract(&["-q", "-o", db.to_str().unwrap(), "seeds"], &root);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut args = vec![
        "-q".to_string(),
        "-o".into(),
        db.to_str().unwrap().into(),
        "seeds".into(),
    ];
    args.extend(common::fixture_args());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = common::extract(&args, &root);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    // the second run replaced the first: one row per decision, not two for the seed
    assert_eq!(
        count("SELECT count(*) FROM decisions"),
        1 + common::fixture_args().len() as i64
    );
    assert_eq!(
        count("SELECT count(*) FROM decisions WHERE reference = '25 000 113b'"),
        1
    );
    assert_eq!(count("SELECT count(*) FROM citations c JOIN decisions d ON d.id = c.decision_id WHERE d.reference = '25 000 113b'"), 32);
    assert!(
        count("SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'aftercare'") > 0
    );
    let orphans: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(orphans, 0);
    let names: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names.len(),
        1,
        "no temporary database left behind: {names:?}"
    );
}

#[test]
fn stats_reports_the_corpus_as_text_csv_and_json() {
    let root = common::root();
    let mut args = vec!["stats", "--facts", "--top", "3", "seeds"];
    let fixtures = common::fixture_args();
    args.extend(fixtures.iter().map(String::as_str));
    let out = common::extract(&args, &root);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let decisions = 1 + fixtures.len();
    assert!(
        text.starts_with(&format!("corpus\n  decisions\n  {:>9}\n", decisions)),
        "{text}"
    );
    assert!(
        text.contains("upheld rate by category\n  category"),
        "{text}"
    );
    // with --facts: fault rates and remedies, counted once per remedy told twice
    let remedies = text.split("remedies\n").nth(1).unwrap();
    let payment = remedies
        .lines()
        .find(|l| l.trim_start().starts_with("payment"))
        .unwrap();
    let cells: Vec<&str> = payment.split_whitespace().collect();
    // the report summary fixture's "pay her £300" (under "The complaint") is counted
    assert_eq!(cells.last(), Some(&"2850.00"), "{text}");
    assert!(
        text.contains("fault rate by category\n  category"),
        "{text}"
    );
    let instruments = text.split("most cited instruments\n").nth(1).unwrap();
    let first = instruments.lines().nth(1).unwrap();
    assert!(
        first.starts_with("  Local Government Act 1974 ") && first.ends_with(" 8"),
        "{text}"
    );

    let json = common::extract(&["stats", "--format", "json", "seeds"], &root);
    let tables: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let outcome = tables
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "decisions by outcome")
        .unwrap();
    assert_eq!(
        outcome["rows"],
        serde_json::json!([["closed_after_initial_enquiries", "1"]])
    );

    let csv = common::extract(&["stats", "--format", "csv", "seeds"], &root);
    assert!(
        stdout(&csv).starts_with("table,key,column,value\ncorpus,,decisions,1\n"),
        "{}",
        stdout(&csv)
    );
}

#[test]
fn archives_are_read_as_downloaded() {
    use std::io::Write;
    let tmp = tempfile::tempdir().unwrap();
    let seed = std::fs::read(common::seed_path()).unwrap();
    let fixture = std::fs::read(common::root().join("fixtures/no_header_block.txt")).unwrap();
    // a zip with two decisions, a folder, a hidden file and a note that is not a decision
    let file = std::fs::File::create(tmp.path().join("decisions.zip")).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    zip.add_directory("2025/", options).unwrap();
    zip.start_file("2025/b.txt", options).unwrap();
    zip.write_all(&fixture).unwrap();
    zip.start_file("2025/a.txt", options).unwrap();
    zip.write_all(&seed).unwrap();
    zip.start_file("2025/.DS_Store", options).unwrap();
    zip.write_all(b"\0\0").unwrap();
    zip.start_file("README.md", options).unwrap();
    zip.write_all(b"# notes").unwrap();
    zip.finish().unwrap();
    // a gzip file
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(tmp.path().join("c.txt.gz")).unwrap(),
        flate2::Compression::default(),
    );
    gz.write_all(&seed).unwrap();
    gz.finish().unwrap();
    std::fs::write(tmp.path().join("broken.zip"), b"PK not really").unwrap();

    let out = common::extract(&["--format", "jsonl", "."], tmp.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let sources = common::sources(&out.stdout);
    assert_eq!(
        sources,
        vec![
            "./c.txt.gz",
            "./decisions.zip!2025/a.txt",
            "./decisions.zip!2025/b.txt"
        ]
    );
    assert!(
        stderr(&out).contains("./broken.zip: cannot read:"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn summary_line_off_a_terminal_and_quiet_leaves_only_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::copy(common::seed_path(), dir.join("a.txt")).unwrap();
    std::fs::write(dir.join("b.txt"), b"").unwrap();
    std::fs::write(
        dir.join("c.txt"),
        b"Some Council (24 000 002)\nSummary: caf\xe9 \x80500\n",
    )
    .unwrap();
    let out = common::extract(&["--format", "jsonl", "."], dir);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    // stderr is not a terminal here: no progress bar, no control characters
    assert!(!err.contains('\r') && !err.contains('\x1b'), "{err:?}");
    let last = err.lines().last().unwrap();
    let fields: Vec<&str> = last.trim_start_matches("extract: ").split(", ").collect();
    assert_eq!(
        fields[..3],
        ["2 decisions parsed", "1 failed", "32 citations found"]
    );
    assert!(
        fields[3].ends_with(" s") && fields[4].ends_with(" MB/s"),
        "{last}"
    );
    assert!(err.contains("./c.txt: warning: not UTF-8"), "{err}");

    let quiet = common::extract(&["-q", "--format", "jsonl", "."], dir);
    assert_eq!(quiet.status.code(), Some(1));
    assert_eq!(stderr(&quiet), "./b.txt: empty input: no text to parse\n");
    assert_eq!(stdout(&quiet), stdout(&out));
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    for i in 0..300 {
        std::fs::copy(common::seed_path(), dir.join(format!("{i:03}.txt"))).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_extract"))
        .args(["--format", "jsonl", "."])
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // `extract ... | head -n 1`
    let mut first = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut first,
    )
    .unwrap();
    assert!(first.starts_with("{\"source\":\"./000.txt\""));
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.to_lowercase().contains("broken pipe"), "{err}");
}
