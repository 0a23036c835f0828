//! Telling gRPC from everything else, and answering the rest.
//!
//! The gRPC HTTP/2 spec: "If Content-Type does not begin with `application/grpc`, gRPC servers
//! SHOULD respond with HTTP status of 415 (Unsupported Media Type). This will prevent other
//! HTTP/2 clients from interpreting a gRPC error response, which uses status 200 (OK), as
//! successful." Requests that are not gRPC go to the edge's plain-HTTP route
//! ([`crate::Edge::with_plain_http`]), which answers [`UnsupportedMediaType`] unless a route of
//! its own (e.g. `GET /.well-known/oauth-protected-resource`) takes them first.

use std::convert::Infallible;
use std::future::{Ready, ready};
use std::task::{Context, Poll};

use bytes::Bytes;
use http::{Method, Request, Response, StatusCode, Version, header};
use http_body_util::Full;

/// Whether a request is a gRPC call: `POST` over HTTP/2 with a content type of
/// `application/grpc`, optionally followed by `+format` or `;parameters`.
pub fn is_grpc<B>(request: &Request<B>) -> bool {
    request.method() == Method::POST
        && request.version() == Version::HTTP_2
        && request
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| is_grpc_content_type(v.as_bytes()))
}

fn is_grpc_content_type(value: &[u8]) -> bool {
    const GRPC: &[u8] = b"application/grpc";
    match value.get(..GRPC.len()) {
        Some(head) if head.eq_ignore_ascii_case(GRPC) => {
            // `application/grpc-web` is another protocol, which this server does not speak.
            matches!(value.get(GRPC.len()), None | Some(b'+' | b';'))
        }
        _ => false,
    }
}

/// The default plain-HTTP route: `415 Unsupported Media Type` for every request.
#[derive(Debug, Clone, Copy, Default)]
pub struct UnsupportedMediaType;

impl<B> tower::Service<Request<B>> for UnsupportedMediaType {
    type Response = Response<Full<Bytes>>;
    type Error = Infallible;
    type Future = Ready<Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, _: Request<B>) -> Self::Future {
        let mut response = Response::new(Full::from(
            "this endpoint serves gRPC only: POST over HTTP/2 with content-type application/grpc\n",
        ));
        *response.status_mut() = StatusCode::UNSUPPORTED_MEDIA_TYPE;
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            http::HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        ready(Ok(response))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: Method, version: Version, content_type: Option<&str>) -> Request<()> {
        let mut r = Request::builder().method(method).version(version);
        if let Some(ct) = content_type {
            r = r.header(header::CONTENT_TYPE, ct);
        }
        r.body(()).unwrap()
    }

    #[test]
    fn grpc_content_types_are_grpc() {
        for ct in [
            "application/grpc",
            "application/grpc+proto",
            "application/grpc+json",
            "Application/GRPC",
            "application/grpc;charset=utf-8",
        ] {
            assert!(
                is_grpc(&request(Method::POST, Version::HTTP_2, Some(ct))),
                "{ct}"
            );
        }
    }

    #[test]
    fn everything_else_is_not() {
        for ct in [
            Some("application/json"),
            Some("application/grpc-web"),
            Some("application/grpc-web+proto"),
            Some("application/grp"),
            Some("text/application/grpc"),
            None,
        ] {
            assert!(
                !is_grpc(&request(Method::POST, Version::HTTP_2, ct)),
                "{ct:?}"
            );
        }
        let ct = Some("application/grpc");
        assert!(!is_grpc(&request(Method::GET, Version::HTTP_2, ct)));
        assert!(!is_grpc(&request(Method::POST, Version::HTTP_11, ct)));
    }
}
