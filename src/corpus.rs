//! Corpus runs: decoding input bytes, walking files and directories, parsing in parallel
//! and handing results back in input order.
//!
//! ```no_run
//! use ombudsman::corpus::{collect_inputs, Run};
//! let (inputs, missing) = collect_inputs(&["decisions/".into()]);
//! let summary = Run::new(4).for_each(&inputs, |result| {
//!     match result {
//!         Ok(decision) => println!("{:?}", decision.reference),
//!         Err(failure) => eprintln!("{failure}"),
//!     }
//!     Ok(())
//! })?;
//! eprintln!("{} parsed, {} failed", summary.parsed, summary.failed + missing.len());
//! # Ok::<(), std::io::Error>(())
//! ```

use std::collections::HashSet;
use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::archive;
use crate::error::{Error, ErrorKind, Result};
use crate::model::Decision;
use crate::ParseOptions;

/// Inputs larger than this are refused with [`ErrorKind::TooLarge`] (decisions are a few
/// kilobytes; a file this size is not one).
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

pub use crate::archive::ZipSource;
pub use crate::decode::{decode, decode_detect, Encoding};

impl Decision {
    /// Decodes and parses the bytes of one input (see [`decode`] and [`Decision::parse`]).
    ///
    /// # Errors
    /// The errors of [`decode`] and of [`Decision::parse`].
    pub fn parse_bytes(bytes: &[u8]) -> Result<Decision> {
        Decision::parse_bytes_with(bytes, &ParseOptions::default())
    }

    /// [`Decision::parse_bytes`] with options (see [`Decision::parse_with`]).
    ///
    /// # Errors
    /// As [`Decision::parse_bytes`].
    pub fn parse_bytes_with(bytes: &[u8], options: &ParseOptions) -> Result<Decision> {
        let (text, encoding) = decode_detect(bytes)?;
        let mut decision = if crate::html::looks_like_html(&text) {
            let article = crate::html::html_to_text(&text);
            let mut d = Decision::parse_with(&article, options)?;
            d.text = Some(article);
            d
        } else {
            Decision::parse_with(&text, options)?
        };
        decision.encoding = Some(encoding);
        Ok(decision)
    }
}

/// One input of a corpus run.
#[derive(Debug, Clone)]
pub enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file, with its path as given (or as found under a directory given).
    File(PathBuf),
    /// A gzip file holding one decision.
    Gzip(PathBuf),
    /// A member of a zip file.
    ZipMember {
        /// The archive, shared by its members.
        archive: Arc<ZipSource>,
        /// The member's name inside the archive.
        name: String,
    },
}

impl Input {
    /// The name used for `source` and in messages: the path as given, or `-`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) | Input::Gzip(p) => p.display().to_string(),
            Input::ZipMember { archive, name } => format!("{}!{name}", archive.path().display()),
        }
    }

    /// The size on disk where known cheaply (for progress), else 0.
    pub fn size_hint(&self) -> u64 {
        match self {
            Input::File(p) | Input::Gzip(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
            _ => 0,
        }
    }

    /// Reads the whole input.
    ///
    /// # Errors
    /// [`ErrorKind::Io`] when reading fails, [`ErrorKind::TooLarge`] past [`MAX_INPUT_BYTES`].
    pub fn read(&self) -> Result<Vec<u8>> {
        let mut bytes = Vec::new();
        let limit = MAX_INPUT_BYTES + 1;
        match self {
            Input::Stdin => io::stdin().lock().take(limit).read_to_end(&mut bytes)?,
            Input::File(p) => {
                let file = std::fs::File::open(p)?;
                // sized from the open file: one read fills it (growing from empty would
                // take several reads and copies)
                let len = file.metadata().map_or(0, |m| m.len()).min(limit);
                bytes.reserve_exact(len as usize + 1);
                file.take(limit).read_to_end(&mut bytes)?
            }
            Input::Gzip(p) => {
                bytes = archive::read_gz(p, limit)?;
                bytes.len()
            }
            Input::ZipMember { archive, name } => {
                bytes = archive.read(name, limit)?;
                bytes.len()
            }
        };
        if bytes.len() as u64 > MAX_INPUT_BYTES {
            let size = match self {
                Input::File(p) => std::fs::metadata(p).map_or(limit, |m| m.len()),
                _ => limit,
            };
            return Err(Error::new(ErrorKind::TooLarge {
                size,
                limit: MAX_INPUT_BYTES,
            }));
        }
        Ok(bytes)
    }

    /// Reads and parses the input, setting [`Decision::source`].
    ///
    /// # Errors
    /// A [`Failure`] naming the input and what is wrong with it.
    pub fn parse(&self) -> std::result::Result<Decision, Failure> {
        self.parse_counted(&ParseOptions::default()).0
    }

    /// [`Input::parse`], with the number of bytes read.
    fn parse_counted(
        &self,
        options: &ParseOptions,
    ) -> (std::result::Result<Decision, Failure>, u64) {
        let failed = |error| Failure {
            source: self.name(),
            error,
        };
        let bytes = match self.read() {
            Ok(bytes) => bytes,
            Err(e) => return (Err(failed(e)), 0),
        };
        let result = Decision::parse_bytes_with(&bytes, options).map(|mut decision| {
            decision.source = Some(self.name());
            decision
        });
        (result.map_err(failed), bytes.len() as u64)
    }
}

/// An input that could not be parsed: its name and the error.
///
/// Displays as `path: message`, or `path:line:column: message` when the error has a position.
#[derive(Debug)]
pub struct Failure {
    /// The input's name (see [`Input::name`]).
    pub source: String,
    /// What is wrong.
    pub error: Error,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.error.position() {
            Some(p) => write!(
                f,
                "{}:{}:{}: {}",
                self.source,
                p.line,
                p.column,
                self.error.message()
            ),
            None => write!(f, "{}: {}", self.source, self.error.message()),
        }
    }
}

impl std::error::Error for Failure {}

impl serde::Serialize for Failure {
    /// `{"source", "kind", "message", "line", "column"}` (line and column are null for errors
    /// that have no position), one object per failed input: what `extract --errors` writes.
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let position = self.error.position();
        let mut st = s.serialize_struct("Failure", 5)?;
        st.serialize_field("source", &self.source)?;
        st.serialize_field("kind", self.error.code())?;
        st.serialize_field("message", &self.error.message())?;
        st.serialize_field("line", &position.map(|p| p.line))?;
        st.serialize_field("column", &position.map(|p| p.column))?;
        st.end()
    }
}

/// Expands the paths given into inputs, in sorted order within each directory.
///
/// `-` is standard input; a file is taken as it is; a directory is walked recursively for
/// files ending in `.txt` (any case) and files with no extension, hidden files and
/// directories skipped, symbolic-link loops visited once. Paths that do not exist are
/// returned as failures.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<Failure>) {
    let mut inputs = Vec::new();
    let mut failures = Vec::new();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else {
            match std::fs::metadata(path) {
                Ok(meta) if meta.is_dir() => walk(path, &mut seen_dirs, &mut inputs, &mut failures),
                Ok(_) => add_file(path.clone(), &mut inputs, &mut failures),
                Err(e) => {
                    let dangling = e.kind() == io::ErrorKind::NotFound
                        && std::fs::symlink_metadata(path).is_ok();
                    let error = if dangling {
                        io::Error::other("broken symbolic link")
                    } else {
                        e
                    };
                    failures.push(Failure {
                        source: path.display().to_string(),
                        error: error.into(),
                    });
                }
            }
        }
    }
    (inputs, failures)
}

fn walk(
    dir: &Path,
    seen: &mut HashSet<PathBuf>,
    inputs: &mut Vec<Input>,
    failures: &mut Vec<Failure>,
) {
    let fail = |failures: &mut Vec<Failure>, error: io::Error| {
        failures.push(Failure {
            source: dir.display().to_string(),
            error: error.into(),
        })
    };
    match std::fs::canonicalize(dir) {
        Ok(real) => {
            if !seen.insert(real) {
                return; // a link back to a directory already walked
            }
        }
        Err(e) => return fail(failures, e),
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return fail(failures, e),
    };
    // the entry's type comes with the directory listing: no `stat` per file, except for
    // links, which are followed
    let mut paths: Vec<(std::ffi::OsString, PathBuf, bool)> = entries
        .filter_map(|e| {
            let e = e.ok()?;
            let path = e.path();
            let dir = match e.file_type() {
                Ok(t) if !t.is_symlink() => t.is_dir(),
                _ => path.is_dir(),
            };
            Some((e.file_name(), path, dir))
        })
        .collect();
    // the paths share this folder, so their order is their names' (compared as bytes, far
    // cheaper than comparing whole paths component by component)
    paths.sort_unstable_by(|(a, ..), (b, ..)| a.as_encoded_bytes().cmp(b.as_encoded_bytes()));
    for (name, path, dir) in paths {
        let hidden = name.as_encoded_bytes().starts_with(b".");
        if hidden {
            continue;
        }
        if dir {
            walk(&path, seen, inputs, failures);
        } else if is_decision_file(&path) || is_archive(&path) {
            add_file(path, inputs, failures);
        }
    }
}

/// A file given or found: archives are opened, others taken as they are.
fn add_file(path: PathBuf, inputs: &mut Vec<Input>, failures: &mut Vec<Failure>) {
    match extension(&path).as_deref() {
        Some("gz") => inputs.push(Input::Gzip(path)),
        Some("zip") => match archive::open_zip(&path, |name| is_decision_file(Path::new(name))) {
            Ok((archive, names)) => inputs.extend(names.into_iter().map(|name| Input::ZipMember {
                archive: archive.clone(),
                name,
            })),
            Err(e) => failures.push(Failure {
                source: path.display().to_string(),
                error: e.into(),
            }),
        },
        _ => inputs.push(Input::File(path)),
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// `.zip`, and `.gz` around a decision file (`x.txt.gz`, `x.gz`).
fn is_archive(path: &Path) -> bool {
    match extension(path).as_deref() {
        Some("zip") => true,
        Some("gz") => path
            .file_stem()
            .is_some_and(|stem| is_decision_file(Path::new(stem))),
        _ => false,
    }
}

fn is_decision_file(path: &Path) -> bool {
    match extension(path).as_deref() {
        None => true,
        Some(ext) => matches!(ext, "txt" | "text" | "html" | "htm"),
    }
}

/// What a corpus run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Decisions parsed.
    pub parsed: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Citations found in the decisions parsed.
    pub citations: usize,
    /// Bytes of text parsed.
    pub bytes: u64,
    /// Time taken.
    pub elapsed: Duration,
}

/// A parallel, order-preserving run over inputs.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    jobs: usize,
    batch: usize,
    options: ParseOptions,
}

impl Run {
    /// A run on `jobs` threads (0 means one per core).
    pub fn new(jobs: usize) -> Run {
        let jobs = if jobs == 0 {
            rayon::current_num_threads().max(1)
        } else {
            jobs
        };
        Run {
            jobs,
            batch: 64 * jobs,
            options: ParseOptions::default(),
        }
    }

    /// The same run with these parse options (everything is extracted by default).
    pub fn with_options(self, options: ParseOptions) -> Run {
        Run { options, ..self }
    }

    /// Parses every input in parallel and calls `sink` with each result **in input order**,
    /// holding at most one batch of results in memory at a time. Output built in `sink` is
    /// therefore identical whatever the number of threads.
    ///
    /// # Errors
    /// The first error `sink` returns, which stops the run.
    pub fn for_each<F>(&self, inputs: &[Input], mut sink: F) -> io::Result<Summary>
    where
        F: FnMut(std::result::Result<Decision, Failure>) -> io::Result<()>,
    {
        self.for_each_prepared(inputs, |_| (), |result, ()| sink(result))
    }

    /// [`Run::for_each`], with `prepare` run on each decision in the parallel stage (to
    /// serialise it, say) and its result handed to `sink` beside the decision.
    ///
    /// # Errors
    /// The first error `sink` returns, which stops the run.
    pub fn for_each_prepared<T, P, F>(
        &self,
        inputs: &[Input],
        prepare: P,
        mut sink: F,
    ) -> io::Result<Summary>
    where
        T: Send + Default,
        P: Fn(&Decision) -> T + Sync,
        F: FnMut(std::result::Result<Decision, Failure>, T) -> io::Result<()>,
    {
        self.map_each(
            inputs,
            |decision| {
                let prepared = prepare(&decision);
                (decision, prepared)
            },
            |result| match result {
                Ok((decision, prepared)) => sink(Ok(decision), prepared),
                Err(failure) => sink(Err(failure), T::default()),
            },
        )
    }

    /// Parses every input in parallel, turns each decision into a `T` with `map` on the
    /// thread that parsed it (so that a decision no longer needed is freed there: to render
    /// it and keep only the bytes, say), and calls `sink` with each result **in input
    /// order**.
    ///
    /// ```
    /// use ombudsman::corpus::{collect_inputs, Run};
    /// let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    /// let (inputs, _) = collect_inputs(&[root.join("seeds")]);
    /// let mut references = Vec::new();
    /// let summary = Run::new(2).map_each(&inputs, |d| d.reference.clone(), |r| {
    ///     references.push(r.ok().flatten());
    ///     Ok(())
    /// })?;
    /// assert_eq!(summary.parsed, 1);
    /// assert_eq!(references, vec![Some("25 000 113b".to_string())]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    ///
    /// # Errors
    /// The first error `sink` returns, which stops the run.
    pub fn map_each<T, M, F>(&self, inputs: &[Input], map: M, mut sink: F) -> io::Result<Summary>
    where
        T: Send,
        M: Fn(Decision) -> T + Sync,
        F: FnMut(std::result::Result<T, Failure>) -> io::Result<()>,
    {
        let started = Instant::now();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.jobs)
            .build()
            .map_err(io::Error::other)?;
        let mut summary = Summary::default();
        // the pool parses the next batch while this thread hands the last one to `sink`: at
        // most three batches are alive at once (one being parsed, one queued, one in `sink`)
        let (queue, batches) = std::sync::mpsc::sync_channel(1);
        let (pool, map, options) = (&pool, &map, &self.options);
        std::thread::scope(|scope| {
            let producer = scope.spawn(move || {
                for batch in inputs.chunks(self.batch) {
                    let results: Vec<_> = pool.install(|| {
                        batch
                            .par_iter()
                            .map(|input| {
                                let (result, bytes) = input.parse_counted(options);
                                let counted = result.map(|d| (d.citations.len(), map(d)));
                                (counted, bytes)
                            })
                            .collect()
                    });
                    if queue.send(results).is_err() {
                        break; // the sink stopped
                    }
                }
            });
            let mut outcome = Ok(());
            'batches: for results in batches.iter() {
                for (counted, bytes) in results {
                    summary.bytes += bytes;
                    let result = match counted {
                        Ok((citations, mapped)) => {
                            summary.parsed += 1;
                            summary.citations += citations;
                            Ok(mapped)
                        }
                        Err(failure) => {
                            summary.failed += 1;
                            Err(failure)
                        }
                    };
                    if let Err(e) = sink(result) {
                        outcome = Err(e);
                        break 'batches;
                    }
                }
            }
            drop(batches); // a producer waiting to send gives up
            if let Err(panic) = producer.join() {
                std::panic::resume_unwind(panic);
            }
            outcome
        })?;
        summary.elapsed = started.elapsed();
        Ok(summary)
    }
}
