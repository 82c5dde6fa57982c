//! What `extract` tells the user: failures and warnings on stderr (and as JSON Lines with
//! `--errors`), and the closing summary line.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use ombudsman::corpus::{Failure, Input, Summary};

use crate::progress::Progress;
use ombudsman::{Decision, Encoding};

/// Reports failures and warnings as they happen.
pub struct Reporter {
    quiet: bool,
    errors: Option<BufWriter<File>>,
    failed: usize,
    progress: Option<Progress>,
}

impl Reporter {
    /// A reporter; `errors` is the `--errors` file, created now.
    pub fn new(quiet: bool, errors: Option<&Path>) -> io::Result<Reporter> {
        let errors = match errors {
            Some(path) => Some(BufWriter::new(File::create(path).map_err(|e| {
                io::Error::new(e.kind(), format!("{}: {e}", path.display()))
            })?)),
            None => None,
        };
        Ok(Reporter {
            quiet,
            errors,
            failed: 0,
            progress: None,
        })
    }

    /// Shows a progress bar over these inputs (when stderr is a terminal and not `--quiet`).
    pub fn start(&mut self, inputs: &[Input]) {
        self.progress = Some(Progress::new(inputs, self.quiet));
    }

    /// One more input handled.
    pub fn advance(&mut self) {
        if let Some(p) = self.progress.as_mut() {
            p.advance();
        }
    }

    fn say(&self, line: &str) {
        match &self.progress {
            Some(p) => p.println(line),
            None => eprintln!("{line}"),
        }
    }

    /// An input that could not be parsed: `path: message` on stderr, and a JSON line.
    pub fn failure(&mut self, failure: &Failure) {
        self.failed += 1;
        self.say(&failure.to_string());
        if let Some(out) = self.errors.as_mut() {
            let line = serde_json::to_string(failure).unwrap_or_default();
            if writeln!(out, "{line}").is_err() {
                eprintln!("extract: cannot write the errors file");
                self.errors = None;
            }
        }
    }

    /// The warning a decision that did parse calls for, if any: worked out on the thread
    /// that parsed it, said by [`Reporter::warn`].
    pub fn warning(decision: &Decision) -> Option<String> {
        (decision.encoding == Some(Encoding::Windows1252)).then(|| {
            let source = decision.source.as_deref().unwrap_or("-");
            format!("{source}: warning: not UTF-8; decoded as Windows-1252")
        })
    }

    /// Says a warning about a decision that did parse (unless `--quiet`).
    pub fn warn(&mut self, warning: &str) {
        if !self.quiet {
            self.say(warning);
        }
    }

    /// How many inputs failed.
    pub fn failed(&self) -> usize {
        self.failed
    }

    /// The closing line on stderr (unless `--quiet`), and the errors file flushed.
    pub fn finish(mut self, summary: &Summary) {
        if let Some(p) = &self.progress {
            p.finish();
        }
        if let Some(out) = self.errors.as_mut() {
            if out.flush().is_err() {
                eprintln!("extract: cannot write the errors file");
            }
        }
        if self.quiet {
            return;
        }
        let secs = summary.elapsed.as_secs_f64();
        let mb = summary.bytes as f64 / 1e6;
        eprintln!(
            "extract: {} decisions parsed, {} failed, {} citations found, {:.2} s, {:.1} MB/s",
            summary.parsed,
            self.failed,
            summary.citations,
            secs,
            if secs > 0.0 { mb / secs } else { 0.0 }
        );
    }
}
