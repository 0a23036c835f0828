//! The response side of a proxied call: the upstream's messages, passed on whole and unchanged
//! (dropped when `outbound_resource` names a resource the caller does not own), with denial
//! replies slipped in between messages, and the upstream's headers, trailers, status and
//! details as sent. An upstream that fails mid-stream ends the call `UNAVAILABLE`, naming it.

use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::Bytes;
use http::HeaderMap;
use http_body::{Body, Frame};
use hyper::body::Incoming;
use tonic::Status;

use crate::exchange::Exchange;
use crate::frames::{Coalesce, Decoder};

/// The body sent back to the client (inside the guard's response body).
pub struct OutboundFilter {
    body: Incoming,
    decoder: Decoder,
    batch: Coalesce,
    ex: Arc<Exchange>,
    trailers: Option<HeaderMap>,
    upstream_done: bool,
    done: bool,
}

impl OutboundFilter {
    pub fn new(body: Incoming, ex: Arc<Exchange>) -> Self {
        OutboundFilter {
            body,
            decoder: Decoder::new(ex.max_message_size),
            batch: Coalesce::default(),
            ex,
            trailers: None,
            upstream_done: false,
            done: false,
        }
    }

    fn finish(&mut self, status: &Status) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        self.done = true;
        let mut trailers = HeaderMap::new();
        let _ = status.add_header(&mut trailers);
        Poll::Ready(Some(Ok(Frame::trailers(trailers))))
    }
}

impl Body for OutboundFilter {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let this = self.get_mut();
        loop {
            if this.done {
                return Poll::Ready(None);
            }
            if let Some(status) = this.ex.ended_with() {
                let status = status.clone();
                return this.finish(&status);
            }
            if let Some(reply) = this.ex.next_reply() {
                this.ex.stats.replied();
                if let Some(chunk) = this.batch.push(reply) {
                    return Poll::Ready(Some(Ok(Frame::data(chunk))));
                }
                continue;
            }
            match this.decoder.next_message() {
                Err(too_large) => {
                    this.ex.stats.too_large();
                    tracing::info!(upstream = %this.ex.upstream_url, error = %too_large, "message from the upstream refused");
                    let status = Status::resource_exhausted(format!(
                        "upstream response refused: {too_large}"
                    ));
                    this.ex.end_with(status.clone());
                    return this.finish(&status);
                }
                Ok(Some(message)) => {
                    let allowed = match (&this.ex.session, &this.ex.rule) {
                        (Some(session), Some(rule)) => rule.outbound_allowed(session, &message),
                        _ => true,
                    };
                    if allowed {
                        this.ex.stats.forwarded_out();
                        if let Some(chunk) = this.batch.push(message.into_bytes()) {
                            return Poll::Ready(Some(Ok(Frame::data(chunk))));
                        }
                        continue;
                    }
                    this.ex.stats.dropped_out();
                    continue;
                }
                Ok(None) => {}
            }
            // Nothing more to hand on without waiting: send what is batched first.
            if let Some(chunk) = this.batch.take() {
                return Poll::Ready(Some(Ok(Frame::data(chunk))));
            }
            if this.upstream_done {
                this.done = true;
                return match this.trailers.take() {
                    Some(t) => Poll::Ready(Some(Ok(Frame::trailers(t)))),
                    None => Poll::Ready(None),
                };
            }
            this.ex.watch(cx.waker());
            if this.ex.has_news() {
                continue;
            }
            match Pin::new(&mut this.body).poll_frame(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Some(Ok(frame))) => match frame.into_data() {
                    Ok(chunk) => this.decoder.push(chunk),
                    Err(frame) => {
                        // Trailers: sent once the replies queued before them are out.
                        this.trailers = frame.into_trailers().ok();
                        this.upstream_done = true;
                    }
                },
                Poll::Ready(Some(Err(e))) => {
                    this.ex.stats.upstream_error();
                    tracing::info!(upstream = %this.ex.upstream_url, error = %e, "upstream stream failed");
                    let status = Status::unavailable(format!(
                        "upstream {} ended the stream without a status: {e}",
                        this.ex.upstream_url
                    ));
                    return this.finish(&status);
                }
                Poll::Ready(None) => this.upstream_done = true,
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.done
    }
}
