//! Where the runs of ASCII digits in a text start: the anchors of short section forms
//! (`s117`, `s.19`). On x86-64 sixteen bytes are compared at once (SSE2, which every x86-64
//! processor has); elsewhere, and for the last bytes, one byte at a time.

/// Calls `f` with the offset of every ASCII digit that does not follow a digit, in order.
#[inline]
pub(crate) fn each_run_start(bytes: &[u8], mut f: impl FnMut(usize)) {
    let from = blocks(bytes, &mut f);
    bytewise(bytes, from, &mut f);
}

/// The run starts from `from` on, one byte at a time.
fn bytewise(bytes: &[u8], from: usize, f: &mut impl FnMut(usize)) {
    for i in from..bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
            f(i);
        }
    }
}

/// The run starts in whole blocks of sixteen bytes from the start; returns where the bytes
/// left over start.
#[cfg(target_arch = "x86_64")]
#[inline]
fn blocks(bytes: &[u8], f: &mut impl FnMut(usize)) -> usize {
    use std::arch::x86_64::{
        _mm_add_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
    };
    let mut i = 0;
    // bit 0: whether the byte before the block is a digit
    let mut digit_before = 0u32;
    while let Some(block) = bytes.get(i..i + 16) {
        // SAFETY: SSE2 is part of x86-64; the unaligned load reads the sixteen bytes of
        // `block`. Adding 0x50 moves b'0'..=b'9' to -128..=-119, below every other byte
        // in a signed comparison.
        let digits = unsafe {
            let v = _mm_loadu_si128(block.as_ptr().cast());
            let moved = _mm_add_epi8(v, _mm_set1_epi8(0x50));
            _mm_movemask_epi8(_mm_cmplt_epi8(moved, _mm_set1_epi8(-118))) as u32
        };
        let mut starts = digits & !((digits << 1) | digit_before);
        digit_before = digits >> 15;
        while starts != 0 {
            f(i + starts.trailing_zeros() as usize);
            starts &= starts - 1;
        }
        i += 16;
    }
    i
}

/// Elsewhere [`bytewise`] does it all.
#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn blocks(_bytes: &[u8], _f: &mut impl FnMut(usize)) -> usize {
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn starts(bytes: &[u8]) -> Vec<usize> {
        let mut out = Vec::new();
        each_run_start(bytes, |i| out.push(i));
        out
    }

    fn one_by_one(bytes: &[u8]) -> Vec<usize> {
        let mut out = Vec::new();
        bytewise(bytes, 0, &mut |i| out.push(i));
        out
    }

    #[test]
    fn runs_start_once_across_blocks() {
        // a run over the boundary of the first two blocks, then one in the tail
        let text = format!("{}123456 and 7{}", "x".repeat(13), "y".repeat(20));
        assert_eq!(starts(text.as_bytes()), vec![13, 24]);
        assert_eq!(starts(b"0123456789abcdef0"), vec![0, 16]);
        assert_eq!(starts(b"/:09\x80\xff"), vec![2]); // the bytes either side of the digits
    }

    proptest! {
        #[test]
        fn blocks_find_what_bytes_find(bytes in proptest::collection::vec(
            prop_oneof![b'0'..=b'9', any::<u8>()], 0..80)
        ) {
            prop_assert_eq!(starts(&bytes), one_by_one(&bytes));
        }
    }
}
