//! The few CBOR items Pagefind's index files are made of (RFC 8949: definite-length arrays,
//! integers, text), written in the shortest form as `minicbor` writes them for Pagefind.

#[derive(Default)]
pub(super) struct Cbor {
    bytes: Vec<u8>,
}

impl Cbor {
    // Called for every position of every word, where a call cost more than the push (the
    // compiler left it a call with a plain `#[inline]`).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn head(&mut self, major: u8, value: u64) -> &mut Self {
        let major = major << 5;
        match value {
            0..=23 => self.bytes.push(major | value as u8),
            24..=0xff => self.bytes.extend([major | 0x18, value as u8]),
            0x100..=0xffff => {
                self.bytes.push(major | 0x19);
                self.bytes.extend((value as u16).to_be_bytes());
            }
            0x1_0000..=0xffff_ffff => {
                self.bytes.push(major | 0x1a);
                self.bytes.extend((value as u32).to_be_bytes());
            }
            _ => {
                self.bytes.push(major | 0x1b);
                self.bytes.extend(value.to_be_bytes());
            }
        }
        self
    }

    pub(super) fn uint(&mut self, value: u64) -> &mut Self {
        self.head(0, value)
    }

    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(super) fn int(&mut self, value: i32) -> &mut Self {
        if value >= 0 {
            self.head(0, u64::from(value.cast_unsigned()))
        } else {
            self.head(1, (-1 - i64::from(value)).cast_unsigned())
        }
    }

    /// An array of `values`: a page's positions of one word, one call for them all, with
    /// room made once (an `i32` takes at most five bytes).
    pub(super) fn ints(&mut self, values: &[i32]) -> &mut Self {
        self.bytes.reserve(9 + 5 * values.len());
        self.array(values.len());
        for &value in values {
            self.int(value);
        }
        self
    }

    pub(super) fn text(&mut self, text: &str) -> &mut Self {
        self.head(3, text.len() as u64);
        self.bytes.extend_from_slice(text.as_bytes());
        self
    }

    pub(super) fn array(&mut self, len: usize) -> &mut Self {
        self.head(4, len as u64)
    }

    /// Appends bytes already encoded.
    pub(super) fn encoded(&mut self, bytes: &[u8]) -> &mut Self {
        self.bytes.extend_from_slice(bytes);
        self
    }

    /// Bytes written so far.
    pub(super) fn len(&self) -> usize {
        self.bytes.len()
    }

    pub(super) fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub(super) fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::Cbor;

    #[test]
    fn shortest_forms_as_rfc_8949_examples() {
        let mut cbor = Cbor::default();
        cbor.uint(10)
            .uint(24)
            .uint(1000)
            .int(-1)
            .int(-1000)
            .text("ü")
            .array(2)
            .ints(&[-25, 100_000]);
        assert_eq!(
            cbor.into_bytes(),
            [
                0x0a, 0x18, 0x18, 0x19, 0x03, 0xe8, 0x20, 0x39, 0x03, 0xe7, 0x62, 0xc3, 0xbc, 0x82,
                0x82, 0x38, 0x18, 0x1a, 0x00, 0x01, 0x86, 0xa0
            ]
        );
    }
}
