//! `extract`: wires command-line arguments to the `ombudsman` library.

mod args;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use ombudsman::corpus::{collect_inputs, Failure, Input, Run, Summary};
use ombudsman::output::{CsvOptions, Format, RecordWriter, TablesWriter};

use args::{Args, Command, FormatArg, RunArgs};

/// Exit statuses.
const OK: u8 = 0;
const SOME_FAILED: u8 = 1;
const FATAL: u8 = 2;

fn main() -> ExitCode {
    let args = Args::parse();
    let status = match args.command {
        Some(Command::Cite { paths }) => cite(&paths),
        None => run(&args.run),
    };
    ExitCode::from(status)
}

fn run(args: &RunArgs) -> u8 {
    if args.paths.is_empty() {
        eprintln!("extract: no PATH given (try `extract --help`)");
        return FATAL;
    }
    let format = match (args.format, &args.output) {
        (Some(f), _) => to_format(f),
        (None, Some(path)) => match Format::from_extension(path) {
            Some(f) => f,
            None => {
                eprintln!(
                    "extract: cannot tell the format of {}: give --format json|jsonl|csv",
                    path.display()
                );
                return FATAL;
            }
        },
        (None, None) => Format::Json,
    };
    let csv = CsvOptions {
        neutralise_formulas: !args.no_neutralise,
        bom: args.output.is_some(),
    };
    let (inputs, missing) = collect_inputs(&args.paths);
    for failure in &missing {
        eprintln!("{failure}");
    }
    let mut tables = match &args.tables {
        Some(dir) => match TablesWriter::create(dir, CsvOptions { bom: true, ..csv }) {
            Ok(t) => Some(t),
            Err(e) => {
                eprintln!("extract: {}: {e}", dir.display());
                return FATAL;
            }
        },
        None => None,
    };
    let records = args.output.is_some() || args.format.is_some() || tables.is_none();
    let run = |out: Option<&mut dyn Write>, tables: &mut Option<TablesWriter>| {
        parse_into(out, tables, &inputs, format, csv, args.jobs)
    };
    let result = match (&args.output, records) {
        (Some(path), _) => write_atomically(path, |mut out| run(Some(&mut out), &mut tables)),
        (None, true) => run(Some(&mut io::stdout().lock()), &mut tables),
        (None, false) => run(None, &mut tables),
    };
    let result = match (result, tables) {
        (Ok(summary), Some(t)) => t.finish().map(|()| summary),
        (Err(e), Some(t)) => {
            t.abandon();
            Err(e)
        }
        (result, None) => result,
    };
    match result {
        Ok(summary) => {
            if !args.quiet {
                report(&summary, missing.len());
            }
            if summary.failed + missing.len() > 0 {
                SOME_FAILED
            } else {
                OK
            }
        }
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            eprintln!("extract: {e}");
            FATAL
        }
    }
}

fn to_format(f: FormatArg) -> Format {
    match f {
        FormatArg::Json => Format::Json,
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Csv => Format::Csv,
    }
}

fn parse_into(
    out: Option<&mut dyn Write>,
    tables: &mut Option<TablesWriter>,
    inputs: &[Input],
    format: Format,
    csv: CsvOptions,
    jobs: usize,
) -> io::Result<Summary> {
    let mut writer = match out {
        Some(out) => Some(RecordWriter::new(BufWriter::new(out), format, csv)?),
        None => None,
    };
    let summary = Run::new(jobs).for_each(inputs, |result| match result {
        Ok(decision) => {
            if let Some(w) = writer.as_mut() {
                w.write(&decision)?;
            }
            if let Some(t) = tables.as_mut() {
                t.write(&decision)?;
            }
            Ok(())
        }
        Err(failure) => {
            eprintln!("{failure}");
            Ok(())
        }
    })?;
    if let Some(w) = writer {
        w.finish()?.flush()?;
    }
    Ok(summary)
}

/// Writes to a temporary file beside `path` and renames it over `path` only when complete.
fn write_atomically<T>(path: &Path, write: impl FnOnce(File) -> io::Result<T>) -> io::Result<T> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp: PathBuf = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = File::create(&tmp).and_then(|file| {
        let value = write(file.try_clone()?)?;
        file.sync_all()?;
        Ok(value)
    });
    match result {
        Ok(value) => {
            std::fs::rename(&tmp, path).inspect_err(|_| {
                let _ = std::fs::remove_file(&tmp);
            })?;
            Ok(value)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(io::Error::new(e.kind(), format!("{}: {e}", path.display())))
        }
    }
}

fn report(summary: &Summary, missing: usize) {
    let secs = summary.elapsed.as_secs_f64();
    let mb = summary.bytes as f64 / 1e6;
    eprintln!(
        "extract: {} decisions parsed, {} failed, {} citations found, {:.2} s, {:.1} MB/s",
        summary.parsed,
        summary.failed + missing,
        summary.citations,
        secs,
        if secs > 0.0 { mb / secs } else { 0.0 }
    );
}

/// `extract cite`: citations in any text, one JSON object per line, with `source`.
fn cite(paths: &[PathBuf]) -> u8 {
    let (inputs, missing) = collect_inputs(paths);
    let mut failed = missing.len();
    for failure in &missing {
        eprintln!("{failure}");
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for input in &inputs {
        let text = input
            .read()
            .and_then(|bytes| ombudsman::corpus::decode(&bytes).map(|t| t.into_owned()));
        let text = match text {
            Ok(text) => text,
            Err(error) => {
                eprintln!(
                    "{}",
                    Failure {
                        source: input.name(),
                        error
                    }
                );
                failed += 1;
                continue;
            }
        };
        for citation in ombudsman::find_citations(&text) {
            let mut value = serde_json::to_value(&citation).unwrap_or_default();
            if let Some(map) = value.as_object_mut() {
                map.insert("source".into(), input.name().into());
            }
            let line = serde_json::to_string(&value).unwrap_or_default();
            if let Err(e) = writeln!(out, "{line}") {
                return if e.kind() == io::ErrorKind::BrokenPipe {
                    OK
                } else {
                    FATAL
                };
            }
        }
    }
    if let Err(e) = out.flush() {
        return if e.kind() == io::ErrorKind::BrokenPipe {
            OK
        } else {
            FATAL
        };
    }
    if failed > 0 {
        SOME_FAILED
    } else {
        OK
    }
}
