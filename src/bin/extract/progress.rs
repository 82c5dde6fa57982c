//! A progress bar on stderr (files, MB/s, ETA), only when stderr is a terminal and not
//! `--quiet`; decided once, at the start.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use ombudsman::corpus::Input;

/// Progress over a run's inputs, in bytes; a no-op when not shown.
pub struct Progress {
    bar: Option<ProgressBar>,
    sizes: Vec<u64>,
    done: usize,
}

impl Progress {
    pub fn new(inputs: &[Input], quiet: bool) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress {
                bar: None,
                sizes: Vec::new(),
                done: 0,
            };
        }
        let sizes: Vec<u64> = inputs.iter().map(Input::size_hint).collect();
        let bar = ProgressBar::new(sizes.iter().sum());
        let style = ProgressStyle::with_template(
            "{bar:30} {msg} files, {binary_bytes_per_sec}, ETA {eta} ",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress {
            bar: Some(bar),
            sizes,
            done: 0,
        }
    }

    /// One more input handled (results arrive in input order).
    pub fn advance(&mut self) {
        if let Some(bar) = &self.bar {
            bar.inc(self.sizes.get(self.done).copied().unwrap_or(0));
            self.done += 1;
            bar.set_message(format!("{}/{}", self.done, self.sizes.len()));
        }
    }

    /// Removes the bar before the summary line is printed.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// Prints a line above the bar (a failure or warning) without tearing it.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }
}
