//! Compact text encodings for index files (decoded by the client, `assets/search/decode.js`).
//!
//! Everything the client reads is a JavaScript file (so `file://` works), so numbers are
//! written as characters of a 64-letter alphabet that needs no escaping in a JS string:
//! - varint: 5 data bits per character, low bits first, bit 0x20 set on every character but
//!   the last;
//! - bit streams: 6 bits per character, most significant bit first.

pub(crate) const ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Value of one alphabet character (inverse of [`ALPHABET`]).
pub(crate) fn char_value(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

pub(crate) fn push_char(out: &mut String, v: u32) {
    debug_assert!(v < 64);
    out.push(ALPHABET[v as usize] as char);
}

pub(crate) fn push_varint(out: &mut String, mut v: u32) {
    loop {
        let low = v & 0x1f;
        v >>= 5;
        if v == 0 {
            push_char(out, low);
            return;
        }
        push_char(out, low | 0x20);
    }
}

/// Reader over a string written with [`push_varint`] / [`push_char`] (used by tests and the
/// Rust mirror of the client).
pub(crate) struct Reader<'a> {
    s: &'a [u8],
    pub(crate) pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(s: &'a str) -> Self {
        Reader {
            s: s.as_bytes(),
            pos: 0,
        }
    }
    pub(crate) fn char(&mut self) -> u32 {
        let v = char_value(self.s[self.pos]).expect("alphabet char");
        self.pos += 1;
        v
    }
    pub(crate) fn varint(&mut self) -> u32 {
        let mut v = 0u32;
        let mut shift = 0;
        loop {
            let c = self.char();
            v |= (c & 0x1f) << shift;
            if c & 0x20 == 0 {
                return v;
            }
            shift += 5;
        }
    }
    #[cfg(test)]
    pub(crate) fn done(&self) -> bool {
        self.pos >= self.s.len()
    }
}

/// Bit stream written 6 bits to a character, most significant first.
#[derive(Default)]
pub(crate) struct BitWriter {
    out: String,
    acc: u32,
    n: u32,
}

impl BitWriter {
    pub(crate) fn new() -> Self {
        Self::default()
    }
    pub(crate) fn write(&mut self, value: u32, bits: u32) {
        for i in (0..bits).rev() {
            self.acc = (self.acc << 1) | ((value >> i) & 1);
            self.n += 1;
            if self.n == 6 {
                push_char(&mut self.out, self.acc);
                self.acc = 0;
                self.n = 0;
            }
        }
    }
    pub(crate) fn write64(&mut self, value: u64, bits: u32) {
        if bits > 32 {
            self.write((value >> 32) as u32, bits - 32);
            self.write(value as u32, 32);
        } else {
            self.write(value as u32, bits);
        }
    }
    pub(crate) fn finish(mut self) -> String {
        if self.n > 0 {
            let v = self.acc << (6 - self.n);
            push_char(&mut self.out, v);
        }
        self.out
    }
}

pub(crate) struct BitReader<'a> {
    s: &'a [u8],
    bit: usize,
}

impl<'a> BitReader<'a> {
    pub(crate) fn new(s: &'a str) -> Self {
        BitReader {
            s: s.as_bytes(),
            bit: 0,
        }
    }
    pub(crate) fn read64(&mut self, bits: u32) -> u64 {
        let mut v = 0u64;
        for _ in 0..bits {
            v = (v << 1) | u64::from(self.read(1));
        }
        v
    }
    pub(crate) fn read(&mut self, bits: u32) -> u32 {
        let mut v = 0;
        for _ in 0..bits {
            let c = char_value(self.s[self.bit / 6]).expect("alphabet char");
            let b = (c >> (5 - (self.bit % 6))) & 1;
            v = (v << 1) | b;
            self.bit += 1;
        }
        v
    }
}

/// Number of bits needed to write values `0..=max`.
pub(crate) fn bits_for(max: u32) -> u32 {
    32 - max.leading_zeros()
}

/// Standard base64 (with `+/` and padding), as `atob` reads it.
#[cfg(test)]
pub(crate) fn base64(bytes: &[u8]) -> String {
    let mut out = Vec::new();
    push_base64(&mut out, bytes);
    String::from_utf8(out).expect("base64 is ASCII")
}

/// [`base64`], appended to `out`.
pub(crate) fn push_base64(out: &mut Vec<u8>, bytes: &[u8]) {
    const STD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    out.reserve(bytes.len().div_ceil(3) * 4);
    let mut chunks = bytes.chunks_exact(3);
    for c in &mut chunks {
        let n = (u32::from(c[0]) << 16) | (u32::from(c[1]) << 8) | u32::from(c[2]);
        out.extend_from_slice(&[
            STD[(n >> 18) as usize & 63],
            STD[(n >> 12) as usize & 63],
            STD[(n >> 6) as usize & 63],
            STD[n as usize & 63],
        ]);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let b1 = rest.get(1).copied().unwrap_or(0);
        let n = (u32::from(rest[0]) << 16) | (u32::from(b1) << 8);
        out.extend_from_slice(&[
            STD[(n >> 18) as usize & 63],
            STD[(n >> 12) as usize & 63],
            if rest.len() > 1 {
                STD[(n >> 6) as usize & 63]
            } else {
                b'='
            },
            b'=',
        ]);
    }
}

/// A JSON string literal (also a valid JavaScript string literal: U+2028/2029 are escaped).
pub(crate) fn js_string(s: &str) -> String {
    let j = serde_json::to_string(s).expect("string serialises");
    j.replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varint_round_trip() {
        let vals = [0u32, 1, 31, 32, 33, 1023, 1024, 65_535, 1_000_000, u32::MAX];
        let mut s = String::new();
        for &v in &vals {
            push_varint(&mut s, v);
        }
        let mut r = Reader::new(&s);
        for &v in &vals {
            assert_eq!(r.varint(), v);
        }
        assert!(r.done());
        let mut one = String::new();
        push_varint(&mut one, 7);
        assert_eq!(one.len(), 1, "small values take one character");
    }

    #[test]
    fn bits_round_trip() {
        let mut w = BitWriter::new();
        let vals = [(5u32, 3u32), (0, 1), (1, 1), (63, 6), (1000, 10), (3, 2)];
        for &(v, b) in &vals {
            w.write(v, b);
        }
        let s = w.finish();
        assert_eq!(s.len(), 4); // 23 bits
        let mut r = BitReader::new(&s);
        for &(v, b) in &vals {
            assert_eq!(r.read(b), v);
        }
        assert_eq!(bits_for(0), 0);
        assert_eq!(bits_for(1), 1);
        assert_eq!(bits_for(7), 3);
        assert_eq!(bits_for(8), 4);
    }

    #[test]
    fn base64_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn js_strings_are_safe() {
        assert_eq!(js_string("a\"b\u{2028}"), "\"a\\\"b\\u2028\"");
    }
}
