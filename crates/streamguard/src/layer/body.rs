//! Body wrappers: the response body ends the stream with the termination's trailers the moment
//! the session is terminated; the request body counts incoming messages for the rate limit and
//! bounds what partially received messages hold (see [`crate::message_limits`]).

use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use futures::future::BoxFuture;

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};
use pin_project_lite::pin_project;
use tokio_util::sync::{DropGuard, WaitForCancellationFutureOwned};
use tonic::Status;

use crate::limiter::Admission;
use crate::message_limits::BufferAccount;
use crate::session::StreamSession;
use crate::termination::{Reason, Termination};

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
            this.session.challenge(&mut trailers);
            return Poll::Ready(Some(Ok(Frame::trailers(trailers))));
        }
        match ready!(this.inner.poll_frame(cx)) {
            Some(Ok(frame)) => {
                if frame.is_data() {
                    this.session.touch();
                    return Poll::Ready(Some(Ok(frame)));
                }
                *this.done = true;
                // The trailers end the stream: a refusal in them (the handler's or the
                // upstream's) gets its challenge.
                let frame = match frame.into_trailers() {
                    Ok(mut trailers) => {
                        this.session.challenge(&mut trailers);
                        Frame::trailers(trailers)
                    }
                    Err(other) => other,
                };
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
    /// The request of a guarded stream: admits each incoming gRPC message under the rate limit,
    /// refuses messages larger than the method allows or that would take the identity over its
    /// buffered-bytes budget, and stops delivering messages once the session is terminated.
    pub struct GuardedRequestBody<B> {
        #[pin]
        inner: B,
        #[pin]
        ended: WaitForCancellationFutureOwned,
        session: StreamSession,
        frames: MessageFrames,
        max_message: u64,
        budget: u64,
        buffered: BufferAccount,
        failed: bool,
        // A chunk whose messages are being admitted: delivered once all of them are.
        held: Option<Frame<Bytes>>,
        to_admit: usize,
        // The admission a shared store is deciding (bounded by its timeout).
        waiting: Option<BoxFuture<'static, Result<(), Duration>>>,
    }
}

impl<B> GuardedRequestBody<B> {
    pub(crate) fn new(inner: B, session: StreamSession) -> Self {
        let guard = &session.guard().0;
        let limits = &guard.config.message_limits;
        let buffered = guard
            .buffers
            .account(session.identity(), guard.metrics.clone());
        GuardedRequestBody {
            inner,
            ended: session.ended_token().clone().cancelled_owned(),
            max_message: limits.max_for(session.method()) as u64,
            budget: limits.max_buffered_per_identity,
            buffered,
            session,
            frames: MessageFrames::default(),
            failed: false,
            held: None,
            to_admit: 0,
            waiting: None,
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
        let mut this = self.project();
        if *this.failed {
            return Poll::Ready(None);
        }
        if this.ended.poll(cx).is_ready() {
            *this.failed = true;
            return Poll::Ready(Some(Err(this.session.end_status())));
        }
        loop {
            if let Some(waiting) = this.waiting.as_mut() {
                let verdict = ready!(waiting.as_mut().poll(cx));
                *this.waiting = None;
                if let Err(wait) = verdict {
                    return rate_limited(this.session, this.failed, wait);
                }
                *this.to_admit -= 1;
            }
            while *this.to_admit > 0 {
                match this.session.admit_message() {
                    Admission::Admitted => *this.to_admit -= 1,
                    // The message over the limit (and any after it in this chunk) is never
                    // delivered to the handler.
                    Admission::Refused(wait) => {
                        return rate_limited(this.session, this.failed, wait);
                    }
                    Admission::Pending(decision) => {
                        *this.waiting = Some(decision);
                        break;
                    }
                }
            }
            if this.waiting.is_some() {
                continue;
            }
            if let Some(frame) = this.held.take() {
                return Poll::Ready(Some(Ok(frame)));
            }
            let frame = match ready!(this.inner.as_mut().poll_frame(cx)) {
                Some(Ok(frame)) => frame,
                other => return Poll::Ready(other),
            };
            if let Some(data) = frame.data_ref() {
                // A refused chunk (and the message it carries) never reaches the decoder.
                let fed = this.frames.feed(data);
                if fed.largest > *this.max_message {
                    return refuse(this.session, this.failed, Reason::MessageTooLarge);
                }
                if this
                    .buffered
                    .hold(this.frames.pending(), *this.budget)
                    .is_err()
                {
                    return refuse(this.session, this.failed, Reason::BufferedBytesExceeded);
                }
                *this.to_admit = fed.starts;
            }
            *this.held = Some(frame);
        }
    }

    fn is_end_stream(&self) -> bool {
        self.failed || self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// Ends the stream over the rate limit from inside the request body.
fn rate_limited(
    session: &StreamSession,
    failed: &mut bool,
    wait: Duration,
) -> Poll<Option<Result<Frame<Bytes>, Status>>> {
    *failed = true;
    Poll::Ready(Some(Err(session.rate_limited(wait).to_status())))
}

/// Ends the stream for `reason` from inside the request body.
fn refuse(
    session: &StreamSession,
    failed: &mut bool,
    reason: Reason,
) -> Poll<Option<Result<Frame<Bytes>, Status>>> {
    *failed = true;
    let termination = Termination::new(reason);
    session.terminate(termination.clone());
    Poll::Ready(Some(Err(termination.to_status())))
}

/// Finds where gRPC messages start in a byte stream (1-byte flag, 4-byte big-endian length,
/// then the message), however the transport splits it into chunks.
#[derive(Debug, Default)]
pub(crate) struct MessageFrames {
    header: [u8; 5],
    have: usize,
    /// Declared length of the message being received.
    declared: u64,
    remaining: u64,
}

/// What one chunk held.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Fed {
    /// Messages whose header is in the chunk.
    pub starts: usize,
    /// The largest length those headers declare.
    pub largest: u64,
}

impl MessageFrames {
    /// The declared length of a message whose header has arrived and whose last byte has not.
    pub(crate) fn pending(&self) -> u64 {
        if self.remaining > 0 { self.declared } else { 0 }
    }

    /// Consumes a chunk.
    pub(crate) fn feed(&mut self, mut data: &[u8]) -> Fed {
        let mut fed = Fed::default();
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
                self.have = 0;
                let len = [
                    self.header[1],
                    self.header[2],
                    self.header[3],
                    self.header[4],
                ];
                self.declared = u64::from(u32::from_be_bytes(len));
                self.remaining = self.declared;
                fed.starts += 1;
                fed.largest = fed.largest.max(self.declared);
            }
        }
        fed
    }
}

#[cfg(test)]
mod tests {
    use super::{Fed, MessageFrames};

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
            let n: usize = stream.chunks(chunk).map(|c| f.feed(c).starts).sum();
            assert_eq!(n, 6, "chunk size {chunk}");
        }
    }

    #[test]
    fn a_partial_message_is_pending_with_its_declared_length_until_its_last_byte() {
        let mut f = MessageFrames::default();
        let whole = frame(10);
        assert_eq!(
            f.feed(&whole[..3]),
            Fed {
                starts: 0,
                largest: 0
            }
        );
        assert_eq!(f.pending(), 0, "a header still incomplete declares nothing");
        assert_eq!(
            f.feed(&whole[3..8]),
            Fed {
                starts: 1,
                largest: 10
            }
        );
        assert_eq!(f.pending(), 10);
        f.feed(&whole[8..]);
        assert_eq!(f.pending(), 0);
        let mut two = frame(4_000_000);
        two.truncate(100);
        assert_eq!(f.feed(&two).largest, 4_000_000);
        assert_eq!(f.pending(), 4_000_000);
    }
}
