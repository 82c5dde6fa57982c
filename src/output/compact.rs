//! One-line JSON for JSON Lines: any `Serialize` value, written byte for byte as
//! `serde_json::to_writer` writes it, with strings escaped eight bytes at a time.
//!
//! serde_json looks up every byte of a string in its escape table; the text of a decision
//! (its paragraphs, its citations) is most of a record, and almost none of it needs escaping.
//! Here a string is checked a word at a time for the three things JSON escapes (a control
//! character, `"` and `\`) and copied in runs. Escapes are serde_json's own (`\n`, `\u001f`).
//! Numbers and anything rare are handed to serde_json, so the two cannot drift apart; a test
//! holds the output equal to serde_json's on every shape the model uses and on any string.

use std::fmt::{self, Display};

use serde::ser::{self, Serialize};

/// Renders `value` as one line of JSON (no newline), appending to `out`.
pub(crate) fn to_vec<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) -> Result<(), Error> {
    value.serialize(&mut Compact { out })
}

/// Why a value could not be rendered (a map key that is not a string or a number, or an
/// error of the value's own `Serialize`).
#[derive(Debug)]
pub(crate) struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error(e.to_string())
    }
}

impl From<Error> for std::io::Error {
    fn from(e: Error) -> Self {
        std::io::Error::new(std::io::ErrorKind::InvalidData, e)
    }
}

/// The escape of each byte as serde_json writes it: 0 for none, `u` for `\u00XX`, else the
/// letter after the backslash.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Whether any of the eight bytes of `word` is below 0x20, `"` or `\`.
#[inline]
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_in = |w: u64| w.wrapping_sub(ONES) & !w & HIGHS;
    // bytes of 0x80 and above have their high bit set: `!word` rules them out
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    control | zero_in(word ^ (ONES * b'"' as u64)) | zero_in(word ^ (ONES * b'\\' as u64)) != 0
}

/// Where the first block of sixteen bytes from `i` that needs an escape (or the tail
/// shorter than a block) starts: SSE2, which every x86-64 processor has, compares sixteen
/// bytes at once.
#[cfg(target_arch = "x86_64")]
#[inline]
fn clean_blocks(bytes: &[u8], mut i: usize) -> usize {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_max_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    while let Some(block) = bytes.get(i..i + 16) {
        // SAFETY: SSE2 is part of x86-64; the load reads the sixteen bytes of `block`,
        // unaligned loads allowed
        let clean = unsafe {
            let v = _mm_loadu_si128(block.as_ptr().cast());
            let control = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
            let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
            let backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
            _mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash))) == 0
        };
        if !clean {
            break;
        }
        i += 16;
    }
    i
}

/// Elsewhere the words of [`write_str`] do it all.
#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn clean_blocks(_bytes: &[u8], i: usize) -> usize {
    i
}

/// `s` as a JSON string, quotes included.
#[inline]
fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    if bytes.len() < 8 {
        // a key, a code, a short value: one look-up a byte, no branch until the end, and
        // the quoted string appended as one block of sixteen
        let mut block = [b'"'; 16];
        let mut any = 0;
        for (i, &b) in bytes.iter().enumerate() {
            any |= ESCAPE[b as usize];
            block[1 + i] = b;
        }
        if any == 0 {
            block[1 + bytes.len()] = b'"';
            push_block(out, &block, bytes.len() + 2);
            return;
        }
    }
    write_long_str(out, bytes);
}

/// Appends the first `len` bytes of `block`: a copy of sixteen bytes (two moves) where a
/// copy of a length known only when running calls `memcpy`, then the rest cut off.
#[inline]
fn push_block(out: &mut Vec<u8>, block: &[u8; 16], len: usize) {
    let at = out.len();
    out.extend_from_slice(block);
    out.truncate(at + len);
}

/// [`write_str`] of any string: sixteen bytes, then eight at a time.
#[inline(never)]
fn write_long_str(out: &mut Vec<u8>, bytes: &[u8]) {
    let word_at = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().expect("eight bytes"));
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run = 0; // start of the bytes not yet copied
    let mut i = 0;
    while i < bytes.len() {
        i = clean_blocks(bytes, i);
        while i + 8 <= bytes.len() && !needs_escape(word_at(i)) {
            i += 8;
        }
        let stop = if bytes.len() - i < 8 {
            // the tail: its last eight bytes as one word, where there are eight (bytes
            // before `i` in it were checked already: an escape among them only sends the
            // tail the slow way)
            if bytes.len() >= 8 && !needs_escape(word_at(bytes.len() - 8)) {
                break;
            }
            bytes.len()
        } else {
            i + 8 // the word that needs an escape
        };
        while i < stop {
            let b = bytes[i];
            let escape = ESCAPE[b as usize];
            if escape != 0 {
                out.extend_from_slice(&bytes[run..i]);
                write_escape(out, b, escape);
                run = i + 1;
            }
            i += 1;
        }
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// `n` in decimal, as serde_json writes it (offsets and counts: most of a record's numbers).
fn write_u64(out: &mut Vec<u8>, mut n: u64) {
    let len = n.checked_ilog10().unwrap_or(0) as usize + 1;
    let mut digits = [0u8; 20];
    for at in (0..len).rev() {
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    match digits.first_chunk::<16>() {
        Some(block) if len <= 16 => push_block(out, block, len),
        _ => out.extend_from_slice(&digits[..len]),
    }
}

fn write_escape(out: &mut Vec<u8>, byte: u8, escape: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    if escape == b'u' {
        out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[(byte >> 4) as usize],
            HEX[(byte & 0xF) as usize],
        ]);
    } else {
        out.extend_from_slice(&[b'\\', escape]);
    }
}

struct Compact<'o> {
    out: &'o mut Vec<u8>,
}

impl<'o> Compact<'o> {
    /// A scalar as serde_json writes it (numbers, `null`).
    fn json<T: Serialize>(&mut self, v: T) -> Result<(), Error> {
        serde_json::to_writer(&mut *self.out, &v).map_err(Error::from)
    }

    /// `{"variant":` before the value of an enum variant with data.
    fn open_variant(&mut self, variant: &str) {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.push(b':');
    }

    /// Writes `open` and starts a compound that `close` ends.
    fn open<'a>(&'a mut self, open: u8, close: &'static [u8]) -> Compound<'a, 'o> {
        self.out.push(open);
        Compound {
            ser: self,
            first: true,
            close,
        }
    }
}

/// A sequence, map or struct being written: whether a comma goes before the next element.
struct Compound<'a, 'o> {
    ser: &'a mut Compact<'o>,
    first: bool,
    /// What closes it: `]` or `}`, then `}` when it is the data of an enum variant.
    close: &'static [u8],
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.ser.out.push(b',');
        }
    }

    fn key(&mut self, key: &str) {
        self.comma();
        write_str(self.ser.out, key);
        self.ser.out.push(b':');
    }

    fn close(self) {
        self.ser.out.extend_from_slice(self.close);
    }
}

/// The number methods of the serializer: the signed, wide and floating ones as serde_json
/// writes them, the unsigned counts and offsets (most of a record's numbers) here.
macro_rules! numbers {
    (serde_json: $($json:ident($json_type:ty)),*; counts: $($count:ident($count_type:ty)),*) => {
        $(
            fn $json(self, v: $json_type) -> Result<(), Error> {
                self.json(v)
            }
        )*
        $(
            fn $count(self, v: $count_type) -> Result<(), Error> {
                write_u64(self.out, u64::from(v));
                Ok(())
            }
        )*
    };
}

impl<'a, 'o> ser::Serializer for &'a mut Compact<'o> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'o>;
    type SerializeTuple = Compound<'a, 'o>;
    type SerializeTupleStruct = Compound<'a, 'o>;
    type SerializeTupleVariant = Compound<'a, 'o>;
    type SerializeMap = Compound<'a, 'o>;
    type SerializeStruct = Compound<'a, 'o>;
    type SerializeStructVariant = Compound<'a, 'o>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    numbers! {
        serde_json: serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
            serialize_i64(i64), serialize_i128(i128), serialize_u128(u128),
            serialize_f32(f32), serialize_f64(f64);
        counts: serialize_u8(u8), serialize_u16(u16), serialize_u32(u32)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        write_u64(self.out, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        write_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.json(v)
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a, 'o>, Error> {
        Ok(self.open(b'[', b"]"))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, 'o>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'o>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, 'o>, Error> {
        self.open_variant(variant);
        Ok(self.open(b'[', b"]}"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a, 'o>, Error> {
        Ok(self.open(b'{', b"}"))
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, 'o>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, 'o>, Error> {
        self.open_variant(variant);
        Ok(self.open(b'{', b"}}"))
    }
    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<(), Error> {
        self.serialize_str(&value.to_string())
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.ser)
    }
    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

/// The tuple-like compounds are written as sequences.
macro_rules! as_sequence {
    ($($trait:ident::$method:ident),*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                ser::SerializeSeq::serialize_element(self, value)
            }
            fn end(self) -> Result<(), Error> {
                ser::SerializeSeq::end(self)
            }
        }
    )*};
}

as_sequence!(
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        // serde_json writes a key that is a string as it is and a number or a bool in
        // quotes; anything else is its error
        let mut scratch = Vec::new();
        key.serialize(&mut Compact { out: &mut scratch })?;
        if scratch.first() == Some(&b'"') {
            self.ser.out.extend_from_slice(&scratch);
        } else if scratch
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'+'))
            && scratch != b"null"
        {
            self.ser.out.push(b'"');
            self.ser.out.extend_from_slice(&scratch);
            self.ser.out.push(b'"');
        } else {
            return Err(Error("key must be a string".into()));
        }
        self.ser.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.ser)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

/// A struct and a struct variant: their fields as `"key":value`.
macro_rules! as_struct {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.key(key);
                value.serialize(&mut *self.ser)
            }
            fn end(self) -> Result<(), Error> {
                ser::SerializeSeq::end(self)
            }
        }
    )*};
}

as_struct!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(String),
        Tuple(u8, Option<i64>),
        Struct { a: bool, b: Vec<char> },
    }

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Record {
        text: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u32>,
        none: Option<String>,
        numbers: (u8, i16, u32, i64, u64, f64, f32),
        counts: (u8, u8, u16, u16, u32, u64),
        shapes: Vec<Shape>,
        empty: Vec<u8>,
        unit: (),
        unit_struct: Unit,
        by_word: BTreeMap<String, u32>,
        by_number: BTreeMap<i32, bool>,
        bytes: serde_bytes_like::Bytes,
    }

    /// `serialize_bytes` without a dependency for it.
    mod serde_bytes_like {
        pub struct Bytes(pub Vec<u8>);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&self.0)
            }
        }
    }

    fn same_as_serde_json<T: Serialize>(value: &T) -> Result<(), TestCaseError> {
        let mut ours = Vec::new();
        to_vec(value, &mut ours).expect("renders");
        let theirs = serde_json::to_vec(value).expect("renders");
        prop_assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs)
        );
        Ok(())
    }

    #[test]
    fn every_shape_renders_as_serde_json_does() {
        let record = Record {
            text: "Ms X said \"no\" \\ \u{1} \u{1f}\u{7f}\t\n\r\u{8}\u{c} — £500".into(),
            skipped: None,
            none: None,
            numbers: (255, -32768, 7, i64::MIN, u64::MAX, 0.1, f32::NAN),
            counts: (0, 9, 10, 65535, 4_294_967_295, 10_000_000_000),
            shapes: vec![
                Shape::Unit,
                Shape::Newtype("a\"b".into()),
                Shape::Tuple(1, None),
                Shape::Struct {
                    a: true,
                    b: vec!['"', 'é', '\n'],
                },
            ],
            empty: vec![],
            unit: (),
            unit_struct: Unit,
            by_word: [("k\"1".to_string(), 1), ("k2".to_string(), 2)].into(),
            by_number: [(-1, true), (2, false)].into(),
            bytes: serde_bytes_like::Bytes(vec![0, 255]),
        };
        same_as_serde_json(&record).unwrap();
        same_as_serde_json(&Vec::<Record>::new()).unwrap();
    }

    /// Every escape at every place of strings up to three blocks long: in a block of
    /// sixteen, in a word of eight, in the tail, first and last.
    #[test]
    fn an_escape_anywhere_renders_as_serde_json_does() {
        for len in 0..48 {
            for at in 0..len {
                for escape in ['"', '\\', '\n', '\u{1}', '\u{1f}', '\u{7f}', 'é'] {
                    let s: String = (0..len)
                        .map(|i| if i == at { escape } else { 'a' })
                        .collect();
                    same_as_serde_json(&s).unwrap();
                }
            }
        }
    }

    #[test]
    fn a_key_that_is_not_a_string_or_number_is_an_error() {
        let map: BTreeMap<Option<u8>, u8> = [(None, 1)].into();
        assert!(serde_json::to_vec(&map).is_err());
        assert!(to_vec(&map, &mut Vec::new()).is_err());
    }

    proptest! {
        /// Any string, escapes anywhere in it (across and within the eight-byte words).
        #[test]
        fn any_string_renders_as_serde_json_does(
            parts in proptest::collection::vec(
                prop_oneof![
                    any::<String>(),
                    "[\u{0}-\u{7f}]{0,20}",
                    Just("\"".to_string()),
                    Just("\\".to_string()),
                    Just("abcdefgh".to_string()),
                ],
                0..12,
            )
        ) {
            let s: String = parts.concat();
            same_as_serde_json(&s)?;
            same_as_serde_json(&vec![s.as_str(), ""])?;
        }
    }
}
