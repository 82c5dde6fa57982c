//! Command-line arguments of `extract` (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Turn published ombudsman decisions into structured data.
///
/// Parses each PATH (files; directories recursively, taking *.txt and files without an
/// extension; `-` for standard input) and writes one record per decision. Problems with an
/// input are reported on stderr as `path: problem` and the run goes on.
/// Exit status: 0 all parsed, 1 some inputs failed, 2 usage error or nothing could be done.
#[derive(Debug, Parser)]
#[command(name = "extract", version, args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Files or directories to parse (`-` reads standard input).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Also read paths from LIST, one per line (`-` reads them from standard input).
    #[arg(long, value_name = "LIST")]
    pub files_from: Option<PathBuf>,

    /// Output format; inferred from the extension of --output, else json.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,

    /// Write to FILE (written under a temporary name, renamed when complete).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Also write one CSV per table (decisions, sections, paragraphs, citations, and with
    /// --facts parties, remedies, dates) into DIR;
    /// records then go to standard output only when --output or --format is given.
    #[arg(long, value_name = "DIR")]
    pub tables: Option<PathBuf>,

    /// Also write every failure as a JSON object per line to FILE.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,

    /// Parsing threads (default: one per core).
    #[arg(short, long, value_name = "N", default_value_t = 0)]
    pub jobs: usize,

    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,

    /// Write CSV cells as they are, without neutralising leading = + - @ (formula injection).
    #[arg(long)]
    pub no_neutralise: bool,

    /// Also read what happened: parties, findings, reasons for not investigating, remedies
    /// and dates (the `facts` of each record; the parties, remedies and dates tables).
    /// Opt-in for now: it makes a corpus run about 1.4 times slower.
    #[arg(long)]
    pub facts: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// A corpus report: decisions by year, category, subcategory and outcome, upheld rate by
    /// category, most cited instruments and provisions, most frequent organisations.
    Stats {
        /// Files or directories (`-` reads standard input).
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// text (aligned tables), csv (long: table, key, column, value) or json.
        #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
        format: StatsFormat,
        /// Rows kept in the "most cited" and "most frequent" tables.
        #[arg(long, value_name = "N", default_value_t = 20)]
        top: usize,
        /// Parsing threads (default: one per core).
        #[arg(short, long, value_name = "N", default_value_t = 0)]
        jobs: usize,
        /// Also read what happened (fault rate by category, remedy totals); see `extract --facts`.
        #[arg(long)]
        facts: bool,
    },
    /// Print the statute citations found in any text, as JSON Lines.
    Cite {
        /// Files or directories (`-` reads standard input).
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    Text,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Json,
    Jsonl,
    Csv,
}
