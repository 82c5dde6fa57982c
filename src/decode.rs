//! Decoding the bytes of an input to text: UTF-8 (with or without a BOM), UTF-16 with a BOM,
//! and Windows-1252 for text that is not UTF-8.

use std::borrow::Cow;

use serde::Serialize;

use crate::error::{Error, ErrorKind, Result};

/// How an input's bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Encoding {
    /// UTF-8 (a byte-order mark, if any, is kept in the text so offsets stay the file's).
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-16, little-endian, with a byte-order mark; offsets are into the decoded UTF-8 text.
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark; offsets are into the decoded UTF-8 text.
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// Not UTF-8, decoded as Windows-1252 (the usual encoding of text saved on Windows);
    /// offsets are into the decoded UTF-8 text.
    #[serde(rename = "windows-1252")]
    Windows1252,
}

/// Decodes the bytes of one input to text (see [`decode_detect`]).
///
/// # Errors
/// As [`decode_detect`].
///
/// ```
/// use ombudsman::{corpus::decode, ErrorKind};
/// assert_eq!(decode(b"Decision : Upheld").unwrap(), "Decision : Upheld");
/// assert!(matches!(decode(b"").unwrap_err().kind(), ErrorKind::Empty));
/// assert!(matches!(decode(b"ab\0cd").unwrap_err().kind(), ErrorKind::Binary { offset: 2 }));
/// assert_eq!(decode(b"caf\xe9 \x80500").unwrap(), "café €500");
/// assert!(matches!(decode(b"caf\x81").unwrap_err().kind(), ErrorKind::InvalidUtf8 { offset: 3 }));
/// ```
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>> {
    decode_detect(bytes).map(|(text, _)| text)
}

/// Decodes the bytes of one input and says how.
///
/// UTF-16 needs its byte-order mark. Bytes that are not UTF-8 are decoded as Windows-1252
/// when every byte is defined there (callers should warn: the text may be mis-decoded).
///
/// # Errors
/// [`ErrorKind::Empty`] for no bytes or only white space, [`ErrorKind::Binary`] for a NUL
/// byte, [`ErrorKind::InvalidUtf8`] for bytes that are neither UTF-8 nor Windows-1252.
pub fn decode_detect(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding)> {
    let (text, encoding): (Cow<str>, Encoding) = if let Some(utf16) = utf16(bytes) {
        utf16?
    } else {
        if let Some(offset) = memchr::memchr(0, bytes) {
            return Err(Error::new(ErrorKind::Binary { offset }));
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => (Cow::Borrowed(text), Encoding::Utf8),
            Err(e) => match windows_1252(bytes) {
                Some(text) => (Cow::Owned(text), Encoding::Windows1252),
                None => {
                    return Err(Error::new(ErrorKind::InvalidUtf8 {
                        offset: e.valid_up_to(),
                    }))
                }
            },
        }
    };
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(Error::new(ErrorKind::Empty));
    }
    Ok((text, encoding))
}

/// UTF-16 text with a byte-order mark, decoded; `None` when there is no UTF-16 BOM.
fn utf16(bytes: &[u8]) -> Option<Result<(Cow<'static, str>, Encoding)>> {
    let (little, encoding) = match bytes {
        [0xff, 0xfe, ..] => (true, Encoding::Utf16Le),
        [0xfe, 0xff, ..] => (false, Encoding::Utf16Be),
        _ => return None,
    };
    let body = &bytes[2..];
    if body.len() % 2 == 1 {
        return Some(Err(Error::new(ErrorKind::InvalidUtf8 {
            offset: bytes.len() - 1,
        })));
    }
    let units = body.chunks_exact(2).map(|c| {
        if little {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    let mut text = String::with_capacity(body.len() / 2);
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok('\0') => return Some(Err(Error::new(ErrorKind::Binary { offset: 2 + 2 * i }))),
            Ok(c) => text.push(c),
            Err(_) => {
                return Some(Err(Error::new(ErrorKind::InvalidUtf8 {
                    offset: 2 + 2 * i,
                })))
            }
        }
    }
    Some(Ok((Cow::Owned(text), encoding)))
}

/// The characters of Windows-1252 bytes 0x80 to 0x9F (`None` where the byte is undefined);
/// the other bytes are those of Latin-1.
const WINDOWS_1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// Decodes Windows-1252, or `None` if a byte is undefined there.
fn windows_1252(bytes: &[u8]) -> Option<String> {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    for &b in bytes {
        text.push(match b {
            0x80..=0x9f => WINDOWS_1252_HIGH[usize::from(b - 0x80)]?,
            _ => char::from(b),
        });
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_a_bom_in_both_orders() {
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Hi £".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Hi £".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(
            decode_detect(&le).unwrap(),
            (Cow::Borrowed("Hi £"), Encoding::Utf16Le)
        );
        assert_eq!(
            decode_detect(&be).unwrap(),
            (Cow::Borrowed("Hi £"), Encoding::Utf16Be)
        );
        assert!(decode_detect(&le[..le.len() - 1]).is_err());
    }

    #[test]
    fn windows_1252_is_decoded_and_said() {
        let (text, enc) = decode_detect(b"\x93quoted\x94 \xa3500").unwrap();
        assert_eq!(
            (text.as_ref(), enc),
            ("“quoted” £500", Encoding::Windows1252)
        );
    }

    #[test]
    fn utf8_with_a_bom_keeps_it() {
        let (text, enc) = decode_detect("\u{feff}Decision".as_bytes()).unwrap();
        assert_eq!((text.as_ref(), enc), ("\u{feff}Decision", Encoding::Utf8));
    }
}
