//! Noticing the end of an HTTP/2 handshake: the client preface, then a complete SETTINGS frame.
//!
//! hyper has no handshake timeout of its own, and a peer that sends the preface and nothing
//! else would hold its connection (and a file descriptor) forever. [`HandshakeWatch`] wraps the
//! connection's byte stream and reports the moment the handshake is complete, so the connection
//! task can close connections that do not get there in time.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use pin_project_lite::pin_project;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use crate::connection::ConnectionState;

/// The HTTP/2 client connection preface (RFC 9113 §3.4).
const PREFACE: &[u8; 24] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
const FRAME_HEADER: usize = 9;
const SETTINGS: u8 = 0x4;

/// How the first bytes of a connection turned out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Opening {
    /// The preface and a whole SETTINGS frame arrived.
    Http2,
    /// Not HTTP/2 prior knowledge (HTTP/1.x, or garbage hyper will refuse): its handshake ends
    /// with its first request.
    Other,
}

/// A parser of the first bytes of a connection, however they are split into reads.
#[derive(Debug, Default)]
pub(crate) struct PrefaceParser {
    state: State,
}

#[derive(Debug)]
enum State {
    Preface {
        seen: usize,
    },
    FrameHeader {
        header: [u8; FRAME_HEADER],
        have: usize,
    },
    Settings {
        left: u32,
    },
    Done(Opening),
}

impl Default for State {
    fn default() -> Self {
        State::Preface { seen: 0 }
    }
}

impl PrefaceParser {
    /// Consumes bytes read from the peer; the opening once it is known.
    pub fn feed(&mut self, mut data: &[u8]) -> Option<Opening> {
        while !data.is_empty() {
            match &mut self.state {
                State::Done(opening) => return Some(*opening),
                State::Preface { seen } => {
                    let take = (PREFACE.len() - *seen).min(data.len());
                    if data[..take] != PREFACE[*seen..*seen + take] {
                        self.state = State::Done(Opening::Other);
                        continue;
                    }
                    *seen += take;
                    data = &data[take..];
                    if *seen == PREFACE.len() {
                        self.state = State::FrameHeader {
                            header: [0; FRAME_HEADER],
                            have: 0,
                        };
                    }
                }
                State::FrameHeader { header, have } => {
                    let take = (FRAME_HEADER - *have).min(data.len());
                    header[*have..*have + take].copy_from_slice(&data[..take]);
                    *have += take;
                    data = &data[take..];
                    if *have == FRAME_HEADER {
                        let len = u32::from_be_bytes([0, header[0], header[1], header[2]]);
                        self.state = if header[3] != SETTINGS {
                            State::Done(Opening::Other)
                        } else {
                            State::Settings { left: len }
                        };
                    }
                }
                State::Settings { left } => {
                    let take = (*left as usize).min(data.len());
                    *left -= take as u32;
                    data = &data[take..];
                }
            }
            // Also completes an empty SETTINGS frame, right after its header.
            if let State::Settings { left: 0 } = self.state {
                self.state = State::Done(Opening::Http2);
            }
        }
        match self.state {
            State::Done(opening) => Some(opening),
            _ => None,
        }
    }
}

pin_project! {
    /// A connection's byte stream that tells its [`ConnectionState`] when an HTTP/2 handshake
    /// completed. After the first bytes are understood it only forwards.
    pub(crate) struct HandshakeWatch<I> {
        #[pin]
        inner: I,
        parser: Option<PrefaceParser>,
        state: Arc<ConnectionState>,
    }
}

impl<I> HandshakeWatch<I> {
    pub fn new(inner: I, state: Arc<ConnectionState>) -> Self {
        HandshakeWatch {
            inner,
            parser: Some(PrefaceParser::default()),
            state,
        }
    }
}

impl<I: AsyncRead> AsyncRead for HandshakeWatch<I> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.project();
        let before = buf.filled().len();
        let polled = this.inner.poll_read(cx, buf);
        if let Some(parser) = this.parser
            && let Some(opening) = parser.feed(&buf.filled()[before..])
        {
            if opening == Opening::Http2 {
                this.state.handshake_done();
            }
            *this.parser = None;
        }
        polled
    }
}

impl<I: AsyncWrite> AsyncWrite for HandshakeWatch<I> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.project().inner.poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.project().inner.poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.project().inner.poll_shutdown(cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        self.project().inner.poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(payload_len: usize) -> Vec<u8> {
        let mut v = PREFACE.to_vec();
        let len = (payload_len as u32).to_be_bytes();
        v.extend_from_slice(&[len[1], len[2], len[3], SETTINGS, 0, 0, 0, 0, 0]);
        v.extend(std::iter::repeat_n(0u8, payload_len));
        v
    }

    fn outcome(bytes: &[u8], chunk: usize) -> Option<Opening> {
        let mut p = PrefaceParser::default();
        let mut last = None;
        for c in bytes.chunks(chunk) {
            last = p.feed(c);
        }
        last
    }

    #[test]
    fn a_preface_and_settings_complete_the_handshake_however_split() {
        for payload in [0, 6, 36] {
            let bytes = settings(payload);
            for chunk in [1, 2, 7, 24, 33, bytes.len()] {
                assert_eq!(
                    outcome(&bytes, chunk),
                    Some(Opening::Http2),
                    "payload {payload}, chunk {chunk}"
                );
            }
        }
    }

    #[test]
    fn a_preface_alone_does_not_complete_it() {
        assert_eq!(outcome(PREFACE, 5), None);
        let mut partial = settings(12);
        partial.pop();
        assert_eq!(outcome(&partial, 4), None);
    }

    #[test]
    fn http1_and_a_first_frame_other_than_settings_are_not_http2() {
        assert_eq!(outcome(b"GET / HTTP/1.1\r\n", 3), Some(Opening::Other));
        let mut ping_first = PREFACE.to_vec();
        ping_first.extend_from_slice(&[0, 0, 8, 0x6, 0, 0, 0, 0, 0]);
        assert_eq!(outcome(&ping_first, 10), Some(Opening::Other));
    }
}
