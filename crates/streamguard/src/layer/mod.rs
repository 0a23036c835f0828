//! The tower layer that puts every gRPC call under a [`StreamSession`].
//!
//! At open it authenticates the bearer token, reads the caller's `grpc-timeout`, takes a stream
//! slot of the identity and puts the session in the request extensions. While the stream lives
//! it counts incoming messages against the identity rate limit, records traffic for the idle
//! timer, and ends the response with the termination's status (trailers) the moment the session
//! is terminated — by expiry, revocation, deadline, lifetime, idle timeout or rate limit. When
//! the client cancels or disconnects, the response body is dropped and the session's work is
//! cancelled.
//!
//! ```no_run
//! # use streamguard::{Guard, StreamGuardLayer};
//! # fn f(guard: Guard, routes: tonic::service::Routes) {
//! let server = tonic::transport::Server::builder()
//!     .layer(StreamGuardLayer::new(guard))
//!     .add_routes(routes);
//! # }
//! ```

mod body;
mod service;

pub use body::{GuardedRequestBody, GuardedResponseBody};
pub use service::StreamGuard;

use crate::guard::Guard;

/// Applies [`StreamGuard`] to a tonic server (see the [module docs](self)).
#[derive(Clone, Debug)]
pub struct StreamGuardLayer {
    guard: Guard,
}

impl StreamGuardLayer {
    pub fn new(guard: Guard) -> Self {
        StreamGuardLayer { guard }
    }
}

impl<S> tower::Layer<S> for StreamGuardLayer {
    type Service = StreamGuard<S>;

    fn layer(&self, inner: S) -> Self::Service {
        StreamGuard::new(inner, self.guard.clone())
    }
}
