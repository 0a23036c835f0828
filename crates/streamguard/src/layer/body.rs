//! Body wrappers: the response body ends the stream with the termination's trailers the moment
//! the session is terminated; the request body counts incoming messages for the rate limit.

use std::pin::Pin;
use std::task::{Context, Poll, ready};

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};
use pin_project_lite::pin_project;
use tokio_util::sync::{DropGuard, WaitForCancellationFutureOwned};
use tonic::Status;

use crate::session::StreamSession;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

pin_project! {
    /// The response of a guarded stream.
    pub struct GuardedResponseBody<B> {
        #[pin]
        inner: B,
        #[pin]
        ended: WaitForCancellationFutureOwned,
        session: StreamSession,
        done: bool,
        // Dropping the body (stream finished, client cancelled or disconnected) ends the
        // session, which cancels the stream's work.
        _on_drop: DropGuard,
    }
}

impl<B> GuardedResponseBody<B> {
    pub(crate) fn new(inner: B, session: StreamSession, on_drop: DropGuard) -> Self {
        GuardedResponseBody {
            inner,
            ended: session.ended_token().clone().cancelled_owned(),
            session,
            done: false,
            _on_drop: on_drop,
        }
    }
}

impl<B> Body for GuardedResponseBody<B>
where
    B: Body<Data = Bytes>,
    B::Error: Into<BoxError>,
{
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        let this = self.project();
        if *this.done {
            return Poll::Ready(None);
        }
        if this.ended.poll(cx).is_ready() {
            *this.done = true;
            let status = this.session.end_status();
            let mut trailers = http::HeaderMap::new();
            let _ = status.add_header(&mut trailers);
            return Poll::Ready(Some(Ok(Frame::trailers(trailers))));
        }
        match ready!(this.inner.poll_frame(cx)) {
            Some(Ok(frame)) => {
                if frame.is_data() {
                    this.session.touch();
                } else {
                    *this.done = true;
                }
                Poll::Ready(Some(Ok(frame)))
            }
            Some(Err(e)) => Poll::Ready(Some(Err(e.into()))),
            None => {
                *this.done = true;
                Poll::Ready(None)
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.done || self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

pin_project! {
    /// The request of a guarded stream: admits each incoming gRPC message under the rate limit
    /// and stops delivering messages once the session is terminated.
    pub struct GuardedRequestBody<B> {
        #[pin]
        inner: B,
        #[pin]
        ended: WaitForCancellationFutureOwned,
        session: StreamSession,
        frames: MessageFrames,
        failed: bool,
    }
}

impl<B> GuardedRequestBody<B> {
    pub(crate) fn new(inner: B, session: StreamSession) -> Self {
        GuardedRequestBody {
            inner,
            ended: session.ended_token().clone().cancelled_owned(),
            session,
            frames: MessageFrames::default(),
            failed: false,
        }
    }
}

impl<B> Body for GuardedRequestBody<B>
where
    B: Body<Data = Bytes, Error = Status>,
{
    type Data = Bytes;
    type Error = Status;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Status>>> {
        let this = self.project();
        if *this.failed {
            return Poll::Ready(None);
        }
        if this.ended.poll(cx).is_ready() {
            *this.failed = true;
            return Poll::Ready(Some(Err(this.session.end_status())));
        }
        let frame = match ready!(this.inner.poll_frame(cx)) {
            Some(Ok(frame)) => frame,
            other => return Poll::Ready(other),
        };
        if let Some(data) = frame.data_ref() {
            for _ in 0..this.frames.feed(data) {
                if let Err(t) = this.session.admit_message() {
                    // The message over the limit (and any after it in this chunk) is never
                    // delivered to the handler.
                    *this.failed = true;
                    return Poll::Ready(Some(Err(t.to_status())));
                }
            }
        }
        Poll::Ready(Some(Ok(frame)))
    }

    fn is_end_stream(&self) -> bool {
        self.failed || self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// Finds where gRPC messages start in a byte stream (1-byte flag, 4-byte big-endian length,
/// then the message), however the transport splits it into chunks.
#[derive(Debug, Default)]
pub(crate) struct MessageFrames {
    header: [u8; 5],
    have: usize,
    remaining: u64,
}

impl MessageFrames {
    /// Consumes a chunk; returns how many messages start in it.
    pub(crate) fn feed(&mut self, mut data: &[u8]) -> usize {
        let mut starts = 0;
        while !data.is_empty() {
            if self.remaining > 0 {
                let take = (self.remaining.min(data.len() as u64)) as usize;
                data = &data[take..];
                self.remaining -= take as u64;
                continue;
            }
            let take = (5 - self.have).min(data.len());
            self.header[self.have..self.have + take].copy_from_slice(&data[..take]);
            self.have += take;
            data = &data[take..];
            if self.have == 5 {
                starts += 1;
                self.have = 0;
                let len = [
                    self.header[1],
                    self.header[2],
                    self.header[3],
                    self.header[4],
                ];
                self.remaining = u32::from_be_bytes(len) as u64;
            }
        }
        starts
    }
}

#[cfg(test)]
mod tests {
    use super::MessageFrames;

    fn frame(len: u32) -> Vec<u8> {
        let mut v = vec![0];
        v.extend_from_slice(&len.to_be_bytes());
        v.extend(std::iter::repeat_n(7u8, len as usize));
        v
    }

    #[test]
    fn messages_are_counted_however_the_bytes_are_chunked() {
        let mut stream = Vec::new();
        for len in [0, 3, 300, 1, 0, 70_000] {
            stream.extend(frame(len));
        }
        for chunk in [1, 2, 5, 7, 1000, stream.len()] {
            let mut f = MessageFrames::default();
            let n: usize = stream.chunks(chunk).map(|c| f.feed(c)).sum();
            assert_eq!(n, 6, "chunk size {chunk}");
        }
    }
}
