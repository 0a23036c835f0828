//! gRPC length-prefixed messages (1-byte compressed flag, 4-byte big-endian length, payload)
//! cut out of an HTTP/2 byte stream however it is chunked, without copying when a chunk holds
//! whole messages. Messages are forwarded as the exact bytes received: never re-encoded.

use bytes::{Buf, Bytes, BytesMut};

/// Length of the gRPC message prefix.
pub const PREFIX: usize = 5;

/// One whole gRPC message as received: its prefix and payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message(Bytes);

impl Message {
    /// Whether the sender compressed the payload (`grpc-encoding`).
    pub fn compressed(&self) -> bool {
        self.0[0] != 0
    }

    pub fn payload(&self) -> Bytes {
        self.0.slice(PREFIX..)
    }

    /// The message exactly as received, prefix included.
    pub fn into_bytes(self) -> Bytes {
        self.0
    }
}

/// Frames an uncompressed payload as one gRPC message.
pub fn encode(payload: &[u8]) -> Bytes {
    let mut out = BytesMut::with_capacity(PREFIX + payload.len());
    out.extend_from_slice(&[0]);
    out.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    out.extend_from_slice(payload);
    out.freeze()
}

/// Messages are joined into DATA frames of about this size.
pub const BATCH: usize = 16 * 1024;

/// Joins consecutive small messages into one DATA frame, as gRPC senders do: one frame per tiny
/// message costs a syscall's worth of framing each, and hyper's HTTP/2 peers count tiny DATA
/// frames against a budget and close connections that send too many.
#[derive(Debug, Default)]
pub struct Coalesce {
    buf: BytesMut,
}

impl Coalesce {
    /// Adds a message; returns a chunk to send now once the batch is full (a large message on
    /// its own goes out as it is, without a copy).
    pub fn push(&mut self, message: Bytes) -> Option<Bytes> {
        if self.buf.is_empty() && message.len() >= BATCH {
            return Some(message);
        }
        self.buf.extend_from_slice(&message);
        (self.buf.len() >= BATCH).then(|| self.buf.split().freeze())
    }

    /// Whatever is batched, to send before waiting for more input.
    pub fn take(&mut self) -> Option<Bytes> {
        (!self.buf.is_empty()).then(|| self.buf.split().freeze())
    }
}

/// A message announced longer than the configured maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "a message of {announced} bytes exceeds the gateway's limit of {limit} bytes (max_message_size)"
)]
pub struct TooLarge {
    pub announced: u64,
    pub limit: usize,
}

/// Cuts messages out of a byte stream. Buffers at most one message (bounded by `limit`) plus
/// one chunk.
#[derive(Debug)]
pub struct Decoder {
    /// The unread rest of the last chunk.
    pending: Bytes,
    /// A message being assembled across chunks.
    partial: BytesMut,
    limit: usize,
}

impl Decoder {
    pub fn new(limit: usize) -> Self {
        Decoder {
            pending: Bytes::new(),
            partial: BytesMut::new(),
            limit,
        }
    }

    /// Adds a chunk; call [`Self::next_message`] until it returns `Ok(None)` before the next push.
    pub fn push(&mut self, chunk: Bytes) {
        debug_assert!(self.pending.is_empty());
        self.pending = chunk;
    }

    /// Whether bytes of an incomplete message are held.
    pub fn has_partial(&self) -> bool {
        !self.partial.is_empty() || !self.pending.is_empty()
    }

    /// The length of the message whose prefix starts `buf`, once the prefix is there.
    fn announced(&self, buf: &[u8]) -> Result<Option<usize>, TooLarge> {
        if buf.len() < PREFIX {
            return Ok(None);
        }
        let len = u32::from_be_bytes([buf[1], buf[2], buf[3], buf[4]]);
        if len as usize > self.limit {
            return Err(TooLarge {
                announced: u64::from(len),
                limit: self.limit,
            });
        }
        Ok(Some(PREFIX + len as usize))
    }

    /// The next whole message, if the bytes so far complete one.
    pub fn next_message(&mut self) -> Result<Option<Message>, TooLarge> {
        if self.partial.is_empty() {
            if let Some(total) = self.announced(&self.pending)?
                && self.pending.len() >= total
            {
                return Ok(Some(Message(self.pending.split_to(total))));
            }
            // An incomplete message: keep its bytes until the rest arrives.
            self.partial.extend_from_slice(&self.pending);
            self.pending.clear();
            return Ok(None);
        }
        loop {
            let total = self.announced(&self.partial)?;
            let need = total.unwrap_or(PREFIX);
            if total.is_some() && self.partial.len() == need {
                return Ok(Some(Message(self.partial.split().freeze())));
            }
            if self.pending.is_empty() {
                return Ok(None);
            }
            let take = (need - self.partial.len()).min(self.pending.len());
            self.partial.extend_from_slice(&self.pending[..take]);
            self.pending.advance(take);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(lens: &[usize]) -> Vec<u8> {
        let mut out = Vec::new();
        for (i, len) in lens.iter().enumerate() {
            out.extend_from_slice(&encode(&vec![i as u8; *len]));
        }
        out
    }

    fn cut(bytes: &[u8], chunk: usize, limit: usize) -> Result<Vec<Message>, TooLarge> {
        let mut d = Decoder::new(limit);
        let mut out = Vec::new();
        for c in bytes.chunks(chunk) {
            d.push(Bytes::copy_from_slice(c));
            while let Some(m) = d.next_message()? {
                out.push(m);
            }
        }
        assert!(!d.has_partial());
        Ok(out)
    }

    #[test]
    fn messages_come_out_whole_and_unchanged_however_the_stream_is_chunked() {
        let lens = [0, 3, 300, 1, 0, 70_000, 4];
        let bytes = stream(&lens);
        for chunk in [1, 2, 4, 5, 6, 7, 1000, 16_384, bytes.len()] {
            let msgs = cut(&bytes, chunk, 1 << 20).unwrap();
            assert_eq!(msgs.len(), lens.len(), "chunk {chunk}");
            let joined: Vec<u8> = msgs.into_iter().flat_map(|m| m.into_bytes()).collect();
            assert_eq!(joined, bytes, "chunk {chunk}");
        }
    }

    #[test]
    fn a_message_over_the_limit_is_refused_from_its_prefix() {
        let bytes = stream(&[10, 2000]);
        let e = cut(&bytes, 3, 1000).unwrap_err();
        assert_eq!(e.announced, 2000);
        assert!(e.to_string().contains("max_message_size"));
    }

    #[test]
    fn small_messages_are_joined_and_large_ones_pass_alone() {
        let mut c = Coalesce::default();
        assert_eq!(c.push(encode(b"a")), None);
        assert_eq!(c.push(encode(b"bc")), None);
        assert_eq!(c.take().unwrap().len(), 2 * PREFIX + 3);
        assert_eq!(c.take(), None);
        let big = encode(&vec![1; BATCH]);
        assert_eq!(c.push(big.clone()), Some(big));
        let mut sent = 0;
        for _ in 0..1000 {
            sent += c.push(encode(&[0; 95])).map_or(0, |b| b.len());
        }
        sent += c.take().map_or(0, |b| b.len());
        assert_eq!(sent, 1000 * 100);
    }

    #[test]
    fn the_compressed_flag_is_seen_and_kept() {
        let mut raw = encode(b"abc").to_vec();
        raw[0] = 1;
        let msgs = cut(&raw, 2, 100).unwrap();
        assert!(msgs[0].compressed());
        assert_eq!(msgs[0].payload(), Bytes::from_static(b"abc"));
        assert_eq!(msgs[0].clone().into_bytes(), raw);
    }
}
