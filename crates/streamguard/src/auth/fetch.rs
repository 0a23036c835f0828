//! Talking to the identity provider — discovery documents, JWKS, introspection: each whole
//! exchange (connect, TLS handshake, headers and body) bounded in time, every body bounded in
//! size. Which URLs are fetched at all is decided in one place ([`parse_url`]); one client per
//! trust setting serves both `http://` and `https://` (rustls, `ring`, see [`super::trust`]).

use std::path::Path;
use std::time::Duration;

use base64::Engine;
use bytes::Bytes;
use http::{Method, Request, StatusCode, Uri, header};
use http_body_util::{BodyExt, Full, Limited};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::{Client, connect::HttpConnector};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::keys::KeyError;

/// The longest a whole exchange may take, from connecting to the last byte of the body.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(5);
/// JWKS and discovery documents larger than this are refused.
pub const MAX_DOCUMENT_BYTES: usize = 1 << 20;

/// A URL the guard fetches from: `http://` or `https://` with a host. Anything else is refused
/// at start-up, naming the config key.
pub(crate) fn parse_url(key: &'static str, text: &str) -> Result<Uri, KeyError> {
    let bad = |detail: &str| KeyError::BadUrl {
        key,
        url: text.to_string(),
        detail: detail.to_string(),
    };
    let uri: Uri = text.parse().map_err(|_| bad("not a valid URL"))?;
    match uri.scheme_str() {
        Some("http" | "https") if uri.host().is_some_and(|h| !h.is_empty()) => Ok(uri),
        Some("http" | "https") => Err(bad("it has no host")),
        _ => Err(bad("only http:// and https:// URLs are fetched")),
    }
}

/// Whether `uri` names this machine (plain http to it never leaves the host).
pub(crate) fn is_loopback(uri: &Uri) -> bool {
    match uri
        .host()
        .map(|h| h.trim_start_matches('[').trim_end_matches(']'))
    {
        Some("localhost") => true,
        Some(host) => host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback()),
        None => false,
    }
}

/// A failed exchange: the URL, the HTTP status when there was one, and why.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{url}: {detail}")]
pub(crate) struct FetchError {
    pub url: String,
    pub status: Option<StatusCode>,
    pub detail: String,
}

/// An HTTP(S) client for the identity provider, trusting the system roots plus one CA file.
pub(crate) struct Fetcher {
    client: Client<HttpsConnector<HttpConnector>, Full<Bytes>>,
}

impl Fetcher {
    pub fn new(ca_file: Option<&Path>) -> Result<Self, KeyError> {
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(super::trust::client_config(ca_file)?)
            .https_or_http()
            .enable_http1()
            .build();
        Ok(Fetcher {
            client: Client::builder(hyper_util::rt::TokioExecutor::new()).build(connector),
        })
    }

    /// `GET url`: the body of a 2xx answer, at most `limit` bytes.
    pub async fn get(&self, url: &Uri, limit: usize) -> Result<Bytes, FetchError> {
        let request = Request::builder()
            .method(Method::GET)
            .uri(url.clone())
            .header(header::ACCEPT, "application/json")
            .body(Full::new(Bytes::new()));
        self.exchange(url, request, limit).await
    }

    /// `POST url` of an `application/x-www-form-urlencoded` body, the client authenticated
    /// with HTTP Basic (id and secret form-encoded first, RFC 6749 §2.3.1): the body of a 2xx
    /// answer, at most `limit` bytes.
    pub async fn post_form(
        &self,
        url: &Uri,
        (client_id, client_secret): (&str, &str),
        form: &[(&str, &str)],
        limit: usize,
    ) -> Result<Bytes, FetchError> {
        let basic = base64::engine::general_purpose::STANDARD.encode(format!(
            "{}:{}",
            form_encode(client_id),
            form_encode(client_secret)
        ));
        let body = form
            .iter()
            .map(|(k, v)| format!("{}={}", form_encode(k), form_encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let request = Request::builder()
            .method(Method::POST)
            .uri(url.clone())
            .header(header::ACCEPT, "application/json")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::AUTHORIZATION, format!("Basic {basic}"))
            .body(Full::new(Bytes::from(body)));
        self.exchange(url, request, limit).await
    }

    async fn exchange(
        &self,
        url: &Uri,
        request: Result<Request<Full<Bytes>>, http::Error>,
        limit: usize,
    ) -> Result<Bytes, FetchError> {
        let request = request.map_err(|e| error(url, None, &format!("bad request: {e}")))?;
        let whole = async {
            let response = self
                .client
                .request(request)
                .await
                .map_err(|e| error(url, None, &chain(&e)))?;
            let status = response.status();
            if !status.is_success() {
                return Err(error(url, Some(status), &format!("HTTP {status}")));
            }
            let announced = response
                .headers()
                .get(header::CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<u64>().ok());
            if announced.is_some_and(|n| n > limit as u64) {
                return Err(error(url, None, &format!("larger than {limit} bytes")));
            }
            Limited::new(response.into_body(), limit)
                .collect()
                .await
                .map(|b| b.to_bytes())
                .map_err(|e| error(url, None, &format!("reading the body: {e}")))
        };
        tokio::time::timeout(FETCH_TIMEOUT, whole)
            .await
            .map_err(|_| {
                error(
                    url,
                    None,
                    &format!("no complete answer within {FETCH_TIMEOUT:?}"),
                )
            })?
    }
}

fn error(url: &Uri, status: Option<StatusCode>, detail: &str) -> FetchError {
    FetchError {
        url: url.to_string(),
        status,
        detail: detail.to_string(),
    }
}

/// `application/x-www-form-urlencoded` (every byte but `A-Z a-z 0-9 - . _ *` escaped).
const FORM: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'*');

fn form_encode(s: &str) -> String {
    utf8_percent_encode(s, FORM).to_string()
}

/// An error and its causes on one line: hyper's own message ("client error (Connect)") hides
/// the TLS reason an operator needs ("invalid peer certificate: UnknownIssuer").
fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_urls_with_a_host_are_fetched() {
        assert!(parse_url("jwks_url", "https://idp.example/jwks").is_ok());
        assert!(parse_url("jwks_url", "http://127.0.0.1:8080/jwks").is_ok());
        for bad in [
            "ftp://idp.example/jwks",
            "file:///etc/jwks",
            "/jwks",
            "https://",
            "",
        ] {
            let e = parse_url("jwks_url", bad).unwrap_err().to_string();
            assert!(e.contains("jwks_url"), "{bad}: {e}");
        }
    }

    #[test]
    fn loopback_is_recognized_by_name_and_address() {
        for url in [
            "http://localhost/x",
            "http://127.0.0.1:9/x",
            "http://[::1]:9/x",
        ] {
            assert!(is_loopback(&url.parse().unwrap()), "{url}");
        }
        assert!(!is_loopback(&"http://idp.example/x".parse().unwrap()));
        assert!(!is_loopback(&"http://10.0.0.1/x".parse().unwrap()));
    }

    #[test]
    fn form_values_are_escaped() {
        assert_eq!(form_encode("a b&c=d:é"), "a%20b%26c%3Dd%3A%C3%A9");
        assert_eq!(form_encode("client-id_1.x*"), "client-id_1.x*");
    }
}
