//! The request side of a proxied call: the client's messages, cut out whole, authorized one by
//! one and forwarded as the exact bytes received. A denied message is never forwarded. When the
//! stream ends for any reason (client gone, guard termination, a message too large) the body
//! fails with `CANCEL`, so the upstream gets `RST_STREAM(CANCEL)` and its handler is cancelled.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};

use bytes::Bytes;
use http_body::{Body, Frame};
use tonic::Status;

use crate::exchange::Exchange;
use crate::frames::{Coalesce, Decoder};
use crate::rule::Verdict;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The error that makes hyper reset the upstream stream with `CANCEL`.
fn cancel() -> BoxError {
    Box::new(h2::Error::from(h2::Reason::CANCEL))
}

/// The body sent to the upstream.
pub struct InboundFilter {
    body: tonic::body::Body,
    decoder: Decoder,
    batch: Coalesce,
    ex: Arc<Exchange>,
    /// A denial reply waiting for room in the exchange.
    held: Option<Bytes>,
    done: bool,
}

impl InboundFilter {
    pub fn new(body: tonic::body::Body, ex: Arc<Exchange>) -> Self {
        InboundFilter {
            body,
            decoder: Decoder::new(ex.max_message_size),
            batch: Coalesce::default(),
            ex,
            held: None,
            done: false,
        }
    }

    fn fail(&mut self) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        self.done = true;
        Poll::Ready(Some(Err(cancel())))
    }
}

impl Body for InboundFilter {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        let this = self.get_mut();
        loop {
            if this.done {
                return Poll::Ready(None);
            }
            if let Some(reply) = this.held.take()
                && let Err(reply) = this.ex.queue_reply(reply, cx.waker())
            {
                this.held = Some(reply);
                return Poll::Pending;
            }
            match this.decoder.next_message() {
                Err(too_large) => {
                    this.ex.stats.too_large();
                    tracing::info!(upstream = %this.ex.upstream_url, error = %too_large, "message from the client refused");
                    this.ex
                        .end_with(Status::resource_exhausted(too_large.to_string()));
                    return this.fail();
                }
                Ok(Some(message)) => {
                    let verdict = match (&this.ex.session, &this.ex.rule) {
                        (Some(session), Some(rule)) => rule.inbound(session, &message),
                        _ => Verdict::Forward,
                    };
                    match verdict {
                        Verdict::Forward => {
                            this.ex.stats.forwarded_in();
                            if let Some(chunk) = this.batch.push(message.into_bytes()) {
                                return Poll::Ready(Some(Ok(Frame::data(chunk))));
                            }
                            continue;
                        }
                        Verdict::Denied { reason, reply } => {
                            this.ex.stats.denied(reason);
                            if reply.is_none() {
                                return this.fail();
                            }
                            this.held = reply;
                            continue;
                        }
                    }
                }
                Ok(None) => {
                    if let Some(chunk) = this.batch.take() {
                        return Poll::Ready(Some(Ok(Frame::data(chunk))));
                    }
                }
            }
            match ready!(Pin::new(&mut this.body).poll_frame(cx)) {
                Some(Ok(frame)) => match frame.into_data() {
                    Ok(chunk) => this.decoder.push(chunk),
                    // Request trailers are rare in gRPC; pass them on as they are.
                    Err(frame) => return Poll::Ready(Some(Ok(frame))),
                },
                // The client reset the stream, or the guard ended it.
                Some(Err(_)) => return this.fail(),
                None => {
                    this.done = true;
                    return Poll::Ready(None);
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.done
    }
}
