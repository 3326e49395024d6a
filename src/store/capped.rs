//! A buffer that refuses to grow past a length: answers are bounded in bytes while they are
//! written, not after.

use std::io::{self, Write};

/// Written bytes, at most `limit` of them; the write that would pass it fails with an
/// [`io::Error`] carrying [`TooManyBytes`].
pub(super) struct Capped {
    buffer: Vec<u8>,
    limit: usize,
}

#[derive(Debug, thiserror::Error)]
#[error("the answer is longer than its limit")]
pub(super) struct TooManyBytes;

impl Capped {
    pub(super) fn new(limit: Option<usize>) -> Self {
        Self {
            buffer: Vec::new(),
            limit: limit.unwrap_or(usize::MAX),
        }
    }

    pub(super) fn into_inner(self) -> Vec<u8> {
        self.buffer
    }

    /// Lets `write` append to the buffer directly (a writer of many small pieces pays no call
    /// per piece), then holds the limit: what passes it is taken back, and the write fails. The
    /// bound holds between appends; during one (a row of an answer) the buffer may pass it by
    /// that append's bytes, which the terms it writes already take in memory. A failed write is
    /// taken back too.
    pub(super) fn append(
        &mut self,
        write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>,
    ) -> io::Result<()> {
        let before = self.buffer.len();
        let written = write(&mut self.buffer);
        if self.buffer.len() > self.limit {
            self.buffer.truncate(before);
            return Err(io::Error::other(TooManyBytes));
        }
        if written.is_err() {
            self.buffer.truncate(before);
        }
        written
    }
}

impl Write for Capped {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.buffer.len().saturating_add(bytes.len()) > self.limit {
            return Err(io::Error::other(TooManyBytes));
        }
        self.buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_up_to_the_limit_and_refuses_the_write_past_it() {
        let mut capped = Capped::new(Some(5));
        capped.write_all(b"abc").unwrap();
        capped.write_all(b"de").unwrap();
        let error = capped.write_all(b"f").unwrap_err();
        assert!(error.get_ref().unwrap().is::<TooManyBytes>());
        assert_eq!(capped.into_inner(), b"abcde");
        let mut unbounded = Capped::new(None);
        unbounded.write_all(&[0; 1 << 16]).unwrap();
        assert_eq!(unbounded.into_inner().len(), 1 << 16);
    }
}
