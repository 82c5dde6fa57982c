//! JSON (one array) and JSON Lines writers.

use std::io::{self, Write};

use crate::model::Decision;

pub(crate) struct JsonWriter<W: Write> {
    out: W,
    array: bool,
    first: bool,
}

impl<W: Write> JsonWriter<W> {
    pub fn new(mut out: W, array: bool) -> io::Result<JsonWriter<W>> {
        if array {
            out.write_all(b"[")?;
        }
        Ok(JsonWriter {
            out,
            array,
            first: true,
        })
    }

    /// One record as it is written: pretty for an array, one line for JSON Lines.
    pub fn render(decision: &Decision, array: bool) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::with_capacity(16 * 1024);
        if array {
            serde_json::to_writer_pretty(&mut bytes, decision)?;
        } else {
            super::compact::to_vec(decision, &mut bytes)?;
            bytes.push(b'\n');
        }
        Ok(bytes)
    }

    /// Writes a record made by [`JsonWriter::render`].
    pub fn write_rendered(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.array {
            self.out
                .write_all(if self.first { b"\n" } else { b",\n" })?;
        }
        self.out.write_all(bytes)?;
        self.first = false;
        Ok(())
    }

    pub fn write(&mut self, decision: &Decision) -> io::Result<()> {
        if self.array {
            self.out
                .write_all(if self.first { b"\n" } else { b",\n" })?;
            serde_json::to_writer_pretty(&mut self.out, decision)?;
        } else {
            serde_json::to_writer(&mut self.out, decision)?;
            self.out.write_all(b"\n")?;
        }
        self.first = false;
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<W> {
        if self.array {
            self.out
                .write_all(if self.first { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}
