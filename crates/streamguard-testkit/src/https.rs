//! A small https client that trusts exactly one CA (rustls with the `ring` provider), for talking
//! to the test peers the way a production client would: certificate and name checked.

use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Method, Request, StatusCode, header};
use http_body_util::{BodyExt, Full, Limited};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use rustls::pki_types::CertificateDer;
use serde::de::DeserializeOwned;

/// Response bodies larger than this are refused.
const MAX_BODY_BYTES: usize = 1 << 20;
/// A whole request (connect, TLS, headers, body) must finish within this.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// A failed request: which one, and why.
#[derive(Debug, thiserror::Error)]
#[error("{method} {url}: {detail}")]
pub struct HttpError {
    method: Method,
    url: String,
    detail: String,
}

/// A response read whole (status, headers, body of at most 1 MiB).
#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
    method: Method,
    url: String,
}

impl HttpResponse {
    /// The body parsed as JSON into `T`; an error names the request and quotes the body.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, HttpError> {
        serde_json::from_slice(&self.body).map_err(|e| HttpError {
            method: self.method.clone(),
            url: self.url.clone(),
            detail: format!("body is not the expected JSON ({e}): {}", self.text()),
        })
    }

    /// The body as text (lossy UTF-8).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// An https-only client whose only trust anchor is the given CA.
#[derive(Clone)]
pub struct HttpsClient {
    client: Client<HttpsConnector<HttpConnector>, Full<Bytes>>,
}

impl HttpsClient {
    /// A client trusting only `ca` (e.g. [`TestPki::ca_cert_der`](crate::TestPki::ca_cert_der)).
    ///
    /// # Panics
    /// If `ca` is not a usable trust anchor.
    pub fn trusting(ca: &CertificateDer<'static>) -> Self {
        let mut roots = rustls::RootCertStore::empty();
        roots
            .add(ca.clone())
            .unwrap_or_else(|e| panic!("the test CA is not a usable trust anchor: {e}"));
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap_or_else(|e| panic!("rustls (ring) has no default protocol versions: {e}"))
        .with_root_certificates(roots)
        .with_no_client_auth();
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_only()
            .enable_http1()
            .build();
        HttpsClient {
            client: Client::builder(TokioExecutor::new()).build(connector),
        }
    }

    /// `GET url`.
    pub async fn get(&self, url: &str) -> Result<HttpResponse, HttpError> {
        self.send(Method::GET, url, HeaderMap::new(), Bytes::new())
            .await
    }

    /// `POST url` with an `application/x-www-form-urlencoded` body, authenticated with HTTP
    /// Basic when `basic_auth` is given (client id and secret form-encoded first, as RFC 6749
    /// §2.3.1 requires).
    pub async fn post_form(
        &self,
        url: &str,
        basic_auth: Option<(&str, &str)>,
        form: &[(&str, &str)],
    ) -> Result<HttpResponse, HttpError> {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/x-www-form-urlencoded"),
        );
        if let Some((id, secret)) = basic_auth {
            let pair = format!("{}:{}", form_encode(id), form_encode(secret));
            let value = format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(pair)
            );
            headers.insert(
                header::AUTHORIZATION,
                HeaderValue::try_from(value).map_err(|e| HttpError {
                    method: Method::POST,
                    url: url.to_string(),
                    detail: format!("bad client credentials: {e}"),
                })?,
            );
        }
        let body = form
            .iter()
            .map(|(k, v)| format!("{}={}", form_encode(k), form_encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        self.send(Method::POST, url, headers, Bytes::from(body))
            .await
    }

    /// Sends one request and reads the whole response, within a 10 s bound.
    pub async fn send(
        &self,
        method: Method,
        url: &str,
        headers: HeaderMap,
        body: Bytes,
    ) -> Result<HttpResponse, HttpError> {
        let err = |detail: String| HttpError {
            method: method.clone(),
            url: url.to_string(),
            detail,
        };
        let mut request = Request::builder()
            .method(method.clone())
            .uri(url)
            .body(Full::new(body))
            .map_err(|e| err(format!("bad request: {e}")))?;
        *request.headers_mut() = headers;
        let exchange = async {
            let response = self
                .client
                .request(request)
                .await
                .map_err(|e| err(error_chain(&e)))?;
            let (parts, body) = response.into_parts();
            let body = Limited::new(body, MAX_BODY_BYTES)
                .collect()
                .await
                .map_err(|e| err(format!("reading the body: {e}")))?
                .to_bytes();
            Ok(HttpResponse {
                status: parts.status,
                headers: parts.headers,
                body,
                method: method.clone(),
                url: url.to_string(),
            })
        };
        tokio::time::timeout(REQUEST_TIMEOUT, exchange)
            .await
            .map_err(|_| err(format!("no complete response within {REQUEST_TIMEOUT:?}")))?
    }
}

impl std::fmt::Debug for HttpsClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpsClient").finish_non_exhaustive()
    }
}

fn form_encode(s: &str) -> String {
    utf8_percent_encode(s, NON_ALPHANUMERIC).to_string()
}

/// The error and its causes on one line: hyper's top-level message alone ("client error
/// (Connect)") hides the TLS reason a test wants to see.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
