//! A streaming handler's queue of responses, bounded in bytes as well as in messages.
//!
//! A handler that may queue 32 messages per stream pins 32 × the message size for a client that
//! never reads — and when a response echoes what the request carried, that is 32 × what the
//! client sent. [`bounded`] also caps the encoded bytes queued: a sender waits while the queue
//! holds `max_bytes` (a single message larger than that waits for an empty queue), so a stalled
//! client costs at most `max_bytes` plus one message per stream, and the handler stops reading
//! its requests. Queued bytes are counted in the guard's metrics.
//!
//! ```no_run
//! # use streamguard::{StreamSession, response_queue};
//! # async fn f<M: prost::Message + 'static>(session: StreamSession, update: M) {
//! let (tx, rx) = response_queue::bounded(&session, 32, 256 << 10);
//! session.spawn(async move {
//!     let _ = tx.send(Ok(update)).await;
//! });
//! // return `Response::new(Box::pin(rx))`
//! # }
//! ```

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use futures::Stream;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc};
use tonic::Status;

use crate::metrics::Metrics;
use crate::session::StreamSession;

/// A queue of at most `max_messages` responses and `max_bytes` encoded bytes for one stream.
pub fn bounded<T: prost::Message>(
    session: &StreamSession,
    max_messages: usize,
    max_bytes: u32,
) -> (ResponseSender<T>, ResponseStream<T>) {
    with_metrics(session.guard().0.metrics.clone(), max_messages, max_bytes)
}

fn with_metrics<T>(
    metrics: Arc<Metrics>,
    max_messages: usize,
    max_bytes: u32,
) -> (ResponseSender<T>, ResponseStream<T>) {
    let (tx, rx) = mpsc::channel(max_messages.max(1));
    let max_bytes = max_bytes.max(1);
    let bytes = Arc::new(Semaphore::new(max_bytes as usize));
    let sender = ResponseSender {
        tx,
        bytes: bytes.clone(),
        max_bytes,
        metrics,
    };
    (sender, ResponseStream { rx, bytes })
}

/// The response is gone (the stream ended or the client left).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the stream's response is gone")]
pub struct Closed;

/// The handler's end of a [`bounded`] queue.
#[derive(Debug)]
pub struct ResponseSender<T> {
    tx: mpsc::Sender<Queued<T>>,
    bytes: Arc<Semaphore>,
    max_bytes: u32,
    metrics: Arc<Metrics>,
}

impl<T> Clone for ResponseSender<T> {
    fn clone(&self) -> Self {
        ResponseSender {
            tx: self.tx.clone(),
            bytes: self.bytes.clone(),
            max_bytes: self.max_bytes,
            metrics: self.metrics.clone(),
        }
    }
}

impl<T: prost::Message> ResponseSender<T> {
    /// Waits for room (messages and bytes), then queues `item`.
    pub async fn send(&self, item: Result<T, Status>) -> Result<(), Closed> {
        let size = match &item {
            Ok(message) => message.encoded_len(),
            Err(status) => status.message().len(),
        };
        let permits = u32::try_from(size)
            .unwrap_or(u32::MAX)
            .clamp(1, self.max_bytes);
        let permit = self
            .bytes
            .clone()
            .acquire_many_owned(permits)
            .await
            .map_err(|_| Closed)?;
        let bytes = i64::try_from(size).unwrap_or(i64::MAX);
        self.metrics.response_bytes_queued(bytes);
        let charge = Charge {
            _permit: permit,
            bytes,
            metrics: self.metrics.clone(),
        };
        self.tx
            .send(Queued {
                item,
                _charge: charge,
            })
            .await
            .map_err(|_| Closed)
    }
}

/// The response's end of a [`bounded`] queue: a stream to hand to tonic.
#[derive(Debug)]
pub struct ResponseStream<T> {
    rx: mpsc::Receiver<Queued<T>>,
    bytes: Arc<Semaphore>,
}

impl<T> Stream for ResponseStream<T> {
    type Item = Result<T, Status>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        // The message's bytes are released as it leaves the queue.
        self.rx.poll_recv(cx).map(|queued| queued.map(|q| q.item))
    }
}

impl<T> Drop for ResponseStream<T> {
    fn drop(&mut self) {
        // A sender waiting for room learns the response is gone.
        self.bytes.close();
    }
}

#[derive(Debug)]
struct Queued<T> {
    item: Result<T, Status>,
    _charge: Charge,
}

/// The bytes one queued message holds, given back when it leaves the queue.
#[derive(Debug)]
struct Charge {
    _permit: OwnedSemaphorePermit,
    bytes: i64,
    metrics: Arc<Metrics>,
}

impl Drop for Charge {
    fn drop(&mut self) {
        self.metrics.response_bytes_queued(-self.bytes);
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use futures::StreamExt;

    use super::*;

    /// A message of exactly `n` bytes encoded (a `bytes` field: tag, length, payload).
    fn message(n: usize) -> Vec<u8> {
        let length_bytes = if n - 1 > 129 { 2 } else { 1 };
        let m = vec![7; n - 1 - length_bytes];
        assert_eq!(prost::Message::encoded_len(&m), n);
        m
    }

    #[tokio::test]
    async fn a_sender_waits_while_the_queue_holds_max_bytes() {
        let metrics = Arc::new(Metrics::default());
        let (tx, mut rx) = with_metrics::<Vec<u8>>(metrics.clone(), 100, 1000);
        tx.send(Ok(message(600))).await.unwrap();
        assert_eq!(metrics.live().response_bytes_queued, 600);
        let blocked = tokio::time::timeout(Duration::from_millis(100), tx.send(Ok(message(600))));
        assert!(blocked.await.is_err(), "1200 bytes do not fit in 1000");
        let taken = rx.next().await.unwrap().unwrap();
        assert_eq!(prost::Message::encoded_len(&taken), 600);
        assert_eq!(metrics.live().response_bytes_queued, 0);
        tx.send(Ok(message(600))).await.unwrap();
        // Larger than the whole budget: goes alone, once the queue is empty.
        let big = tokio::spawn({
            let tx = tx.clone();
            async move { tx.send(Ok(message(5000))).await }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!big.is_finished());
        rx.next().await.unwrap().unwrap();
        big.await.unwrap().unwrap();
        assert_eq!(metrics.live().response_bytes_queued, 5000);
    }

    #[tokio::test]
    async fn a_waiting_sender_learns_when_the_response_is_gone() {
        let metrics = Arc::new(Metrics::default());
        let (tx, rx) = with_metrics::<Vec<u8>>(metrics.clone(), 100, 100);
        tx.send(Ok(message(100))).await.unwrap();
        let waiting = tokio::spawn(async move { tx.send(Ok(message(50))).await });
        tokio::time::sleep(Duration::from_millis(20)).await;
        drop(rx);
        assert_eq!(waiting.await.unwrap(), Err(Closed));
        assert_eq!(metrics.live().response_bytes_queued, 0);
    }
}
