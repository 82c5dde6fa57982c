//! The CSV `extract` writes, opened in a real spreadsheet: LibreOffice Calc, headless,
//! imports each file as UTF-8 into a workbook (`.xlsx`), which is then exported back to CSV
//! and compared cell by cell with what was written. Every cell must come back as written:
//! `£` and curly quotes intact, and no cell run as a formula (booleans come back in the
//! spreadsheet's capitals, `FALSE`). As a control, the same output
//! written with `--no-neutralise` does have its formulas run.
//!
//! Needs LibreOffice (`soffice`), so it is ignored by a plain `cargo test`; `.ci/run`
//! installs Debian's `libreoffice-calc-nogui` and runs it with
//! `cargo test --test spreadsheet -- --ignored`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// A decision whose paragraphs start with what a spreadsheet reads as a formula, with pounds
/// and curly quotes in its summary.
const HAZARDS: &str = "Westshire Council (24 000 001)

Category : Benefits and tax > Council tax

Decision : Upheld

Decision date : 2 Jan 2025

The Ombudsman's final decision:

Summary: The Council wrongly charged Ms Y £1,250.50 and called it “arrears”. It has agreed to refund her.

The complaint

=SUM(1,1) was printed on the bill Ms Y received.

=2+3

+44 20 7946 0000 is the number she rang.

@Council was how the Council’s letter was signed.

What I found

The Council accepted it should not have charged Ms Y under section 13A of the Local Government Finance Act 1992.
";

/// The cells of a CSV file, without the byte-order mark.
fn cells(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// Runs LibreOffice headless with its own profile in `work`.
fn soffice(work: &Path, args: &[&str]) {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        work.join("profile").display()
    );
    let out = Command::new("soffice")
        .arg(profile)
        .arg("--headless")
        .args(args)
        .output()
        .expect("LibreOffice's soffice runs (install libreoffice-calc-nogui)");
    assert!(
        out.status.success(),
        "soffice {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Opens each CSV in LibreOffice (as UTF-8, comma-separated, quoted with `"`), saves it as a
/// workbook, and exports the workbook back to UTF-8 CSV; returns the exported files.
fn through_libreoffice(work: &Path, csvs: &[PathBuf]) -> Vec<PathBuf> {
    let (books, back) = (work.join("xlsx"), work.join("back"));
    let mut args = vec![
        "--infilter=CSV:44,34,76,1".to_string(),
        "--convert-to".into(),
        "xlsx".into(),
        "--outdir".into(),
        books.display().to_string(),
    ];
    args.extend(csvs.iter().map(|p| p.display().to_string()));
    soffice(work, &args.iter().map(String::as_str).collect::<Vec<_>>());
    let workbooks: Vec<String> = csvs
        .iter()
        .map(|p| {
            let book = books.join(p.with_extension("xlsx").file_name().unwrap());
            assert!(book.exists(), "LibreOffice made no {}", book.display());
            book.display().to_string()
        })
        .collect();
    let mut args = vec![
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76",
        "--outdir",
    ];
    let back_dir = back.display().to_string();
    args.push(&back_dir);
    args.extend(workbooks.iter().map(String::as_str));
    soffice(work, &args);
    csvs.iter()
        .map(|p| back.join(p.file_name().unwrap()))
        .collect()
}

/// Writes the seed and the hazards decision as `--tables` and as one decisions CSV.
fn write_tables(work: &Path, extra: &[&str]) -> Vec<PathBuf> {
    let input = work.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(common::seed_path(), input.join("seed.txt")).unwrap();
    std::fs::write(input.join("hazards.txt"), HAZARDS).unwrap();
    let tables = work.join("tables");
    let mut args = vec!["-q", "--facts", "--tables", "tables", "-o", "decisions.csv"];
    args.extend_from_slice(extra);
    args.push("in");
    let out = common::extract(&args, work);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut csvs = vec![work.join("decisions.csv")];
    for table in [
        "decisions",
        "sections",
        "paragraphs",
        "citations",
        "parties",
        "remedies",
        "dates",
    ] {
        csvs.push(tables.join(format!("{table}.csv")));
    }
    csvs
}

#[test]
#[ignore = "needs LibreOffice: .ci/run installs it and runs this with --ignored"]
fn every_cell_opens_in_libreoffice_as_written() {
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path();
    let csvs = write_tables(work, &[]);
    // the decisions CSV at the top level and the one in the tables folder share a name
    let renamed = work.join("all_decisions.csv");
    std::fs::rename(&csvs[0], &renamed).unwrap();
    let csvs: Vec<PathBuf> = std::iter::once(renamed).chain(csvs[1..].to_vec()).collect();
    let back = through_libreoffice(work, &csvs);
    let mut compared = 0;
    for (written, read_back) in csvs.iter().zip(&back) {
        let (written, read_back) = (cells(written), cells(read_back));
        assert!(written.len() > 1, "a header and rows");
        assert_eq!(written.len(), read_back.len());
        for (row, (w, r)) in written.iter().zip(&read_back).enumerate() {
            // a spreadsheet shows booleans in its own way (FALSE): the value is the same
            let same = |a: &String, b: &String| {
                a == b || (matches!(a.as_str(), "true" | "false") && a.eq_ignore_ascii_case(b))
            };
            assert!(
                w.len() == r.len() && w.iter().zip(r).all(|(a, b)| same(a, b)),
                "row {row} changed in LibreOffice:\n{w:?}\n{r:?}"
            );
            compared += w.len();
        }
    }
    assert!(compared > 500, "only {compared} cells compared");

    // what LibreOffice shows for the cells that looked like formulas: the text, marked
    let paragraphs = cells(&back[3]);
    let texts: Vec<&str> = paragraphs
        .iter()
        .map(|r| r.last().unwrap().as_str())
        .collect();
    for shown in [
        "'=SUM(1,1) was printed on the bill Ms Y received.",
        "'=2+3",
        "'+44 20 7946 0000 is the number she rang.",
        "'@Council was how the Council’s letter was signed.",
    ] {
        assert!(texts.contains(&shown), "{shown:?} not in {texts:?}");
    }
    let decisions = cells(&back[1]);
    assert!(
        decisions.iter().any(|r| r
            .iter()
            .any(|c| c.contains("£1,250.50") && c.contains("“arrears”"))),
        "pounds and curly quotes survive: {decisions:?}"
    );
}

#[test]
#[ignore = "needs LibreOffice: .ci/run installs it and runs this with --ignored"]
fn without_neutralising_libreoffice_runs_the_formulas() {
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path();
    let csvs = write_tables(work, &["--no-neutralise"]);
    let paragraphs = &csvs[3];
    let back = through_libreoffice(work, std::slice::from_ref(paragraphs));
    let texts: Vec<String> = cells(&back[0])
        .into_iter()
        .map(|r| r.last().unwrap().clone())
        .collect();
    // `=2+3` was computed; the plain text cells are untouched
    assert!(texts.iter().any(|t| t == "5"), "{texts:?}");
    assert!(!texts.iter().any(|t| t == "=2+3"), "{texts:?}");
    assert!(texts
        .iter()
        .any(|t| t == "@Council was how the Council’s letter was signed."));
}
