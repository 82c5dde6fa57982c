//! Archives as a user downloads them: `.gz` files (one decision each) and `.zip` files
//! (each member that looks like a decision is one input).

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use zip::ZipArchive;

/// A zip file whose members are inputs; opened once and shared (members are read under a
/// lock, parsed in parallel).
#[derive(Debug)]
pub struct ZipSource {
    path: PathBuf,
    archive: Mutex<ZipArchive<File>>,
}

impl ZipSource {
    /// The archive's path, as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads one member, at most `limit` bytes.
    pub(crate) fn read(&self, name: &str, limit: u64) -> io::Result<Vec<u8>> {
        let mut archive = self
            .archive
            .lock()
            .map_err(|_| io::Error::other("zip archive lock poisoned"))?;
        let member = archive.by_name(name).map_err(io::Error::other)?;
        let mut bytes = Vec::new();
        member.take(limit).read_to_end(&mut bytes)?;
        Ok(bytes)
    }
}

/// Opens a zip file and lists the members that look like decisions (`*.txt`, `*.text`, no
/// extension; directories, hidden files and `__MACOSX` skipped), sorted by name.
pub(crate) fn open_zip(
    path: &Path,
    is_decision_name: impl Fn(&str) -> bool,
) -> io::Result<(Arc<ZipSource>, Vec<String>)> {
    let archive = ZipArchive::new(File::open(path)?).map_err(io::Error::other)?;
    let mut names: Vec<String> = archive
        .file_names()
        .filter(|n| !n.ends_with('/') && !n.starts_with("__MACOSX/"))
        .filter(|n| {
            let base = n.rsplit('/').next().unwrap_or(n);
            !base.starts_with('.') && is_decision_name(base)
        })
        .map(String::from)
        .collect();
    names.sort();
    Ok((
        Arc::new(ZipSource {
            path: path.to_path_buf(),
            archive: Mutex::new(archive),
        }),
        names,
    ))
}

/// Reads a gzip file, at most `limit` bytes of its content.
pub(crate) fn read_gz(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(File::open(path)?)
        .take(limit)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}
