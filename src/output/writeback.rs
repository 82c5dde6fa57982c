//! Output files written to disk as they grow: the kernel is asked to start writing each
//! stretch out while the run goes on, so the `fsync` that ends a run has little left to do.

use std::fs::File;
use std::io::{self, Write};

/// How many bytes are written before the kernel is asked to start writing them to disk.
const STRIDE: u64 = 8 << 20;

/// A file being written for keeps. Every 8 MiB it asks the kernel to start writing what was
/// written so far to disk, without waiting for it (Linux's `sync_file_range`; elsewhere
/// nothing), so that [`WritebackFile::sync`] at the end of a long run waits for the last few
/// megabytes rather than for all of them. Nothing is lost or
/// reordered: writes go straight to the file, and only `sync` promises they are on disk.
///
/// ```
/// use std::io::Write;
/// use ombudsman::output::WritebackFile;
/// let path = std::env::temp_dir().join(format!("writeback-doc-{}.txt", std::process::id()));
/// let mut out = WritebackFile::new(std::fs::File::create(&path)?);
/// out.write_all(b"one record\n")?;
/// out.sync()?;
/// assert_eq!(std::fs::read(&path)?, b"one record\n");
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct WritebackFile {
    file: File,
    /// Bytes written.
    written: u64,
    /// Bytes the kernel has been asked to write out.
    started: u64,
}

impl WritebackFile {
    /// Wraps a file just created (written from its start).
    pub fn new(file: File) -> WritebackFile {
        WritebackFile {
            file,
            written: 0,
            started: 0,
        }
    }

    /// Waits until everything written is on disk, and gives the file back.
    ///
    /// # Errors
    /// The error of `fsync`.
    pub fn sync(self) -> io::Result<File> {
        self.file.sync_all()?;
        Ok(self.file)
    }
}

impl Write for WritebackFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        self.written += n as u64;
        if self.written - self.started >= STRIDE {
            start_writeback(&self.file, self.started, self.written - self.started);
            self.started = self.written;
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Asks the kernel to start writing `len` bytes from `offset` to disk, and returns at once.
/// A hint only: if it fails, the final `fsync` does the work.
#[cfg(target_os = "linux")]
fn start_writeback(file: &File, offset: u64, len: u64) {
    use std::os::fd::AsRawFd;
    let (Ok(offset), Ok(len)) = (i64::try_from(offset), i64::try_from(len)) else {
        return;
    };
    // SAFETY: sync_file_range reads no memory of ours; the descriptor is open for as long as
    // `file` is borrowed.
    unsafe {
        libc::sync_file_range(file.as_raw_fd(), offset, len, libc::SYNC_FILE_RANGE_WRITE);
    }
}

#[cfg(not(target_os = "linux"))]
fn start_writeback(_file: &File, _offset: u64, _len: u64) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_go_through_whole_across_strides() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out");
        let mut out = WritebackFile::new(File::create(&path).unwrap());
        // three strides and a bit, in pieces that do not divide a stride
        let piece: Vec<u8> = (0..=250u8).cycle().take(1_000_003).collect();
        let mut expected = Vec::new();
        while expected.len() < 3 * STRIDE as usize + 17 {
            out.write_all(&piece).unwrap();
            expected.extend_from_slice(&piece);
        }
        // writeback was started at each stride's end, and at most a stride waits for the sync
        assert!(out.started >= 2 * STRIDE && out.written - out.started < STRIDE);
        assert_eq!(out.written, expected.len() as u64);
        out.sync().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), expected);
    }
}
