//! Fetching a JWKS document: the whole exchange (connect, headers and body) bounded in time, the
//! body bounded in size. The transport is chosen from the URL's scheme in one place
//! ([`JwksFetcher::new`]); only `http://` is fetched today, and an `https://` transport slots in
//! beside it.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Empty, Limited};
use hyper_util::client::legacy::{Client, connect::HttpConnector};

use super::keys::KeyError;

/// The longest a whole fetch may take, from connecting to the last byte of the body.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(5);
/// JWKS documents larger than this are refused.
pub const MAX_JWKS_BYTES: usize = 1 << 20;

/// Fetches one JWKS URL.
pub(crate) struct JwksFetcher {
    url: String,
    uri: http::Uri,
    transport: Transport,
}

enum Transport {
    Http(Client<HttpConnector, Empty<Bytes>>),
}

impl JwksFetcher {
    /// Refuses, at start-up, a URL this build cannot fetch.
    pub fn new(url: &str) -> Result<Self, KeyError> {
        let uri: http::Uri = url.parse().map_err(|e| KeyError::Jwks {
            origin: url.to_string(),
            detail: format!("not a valid URL: {e}"),
        })?;
        let transport = match uri.scheme_str() {
            Some("http") if uri.host().is_some() => {
                Transport::Http(Client::builder(hyper_util::rt::TokioExecutor::new()).build_http())
            }
            _ => return Err(KeyError::UnsupportedJwksUrl(url.to_string())),
        };
        Ok(JwksFetcher {
            url: url.to_string(),
            uri,
            transport,
        })
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// The document at the URL, or why not; never takes longer than [`FETCH_TIMEOUT`].
    pub async fn fetch(&self) -> Result<String, KeyError> {
        tokio::time::timeout(FETCH_TIMEOUT, self.exchange())
            .await
            .map_err(|_| self.error(format!("no complete answer within {FETCH_TIMEOUT:?}")))?
    }

    async fn exchange(&self) -> Result<String, KeyError> {
        let response = match &self.transport {
            Transport::Http(client) => client.get(self.uri.clone()).await,
        }
        .map_err(|e| self.error(e.to_string()))?;
        if !response.status().is_success() {
            return Err(self.error(format!("HTTP {}", response.status())));
        }
        let announced = response
            .headers()
            .get(http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if announced.is_some_and(|n| n > MAX_JWKS_BYTES as u64) {
            return Err(self.error(format!("larger than {MAX_JWKS_BYTES} bytes")));
        }
        let body = Limited::new(response.into_body(), MAX_JWKS_BYTES)
            .collect()
            .await
            .map_err(|e| self.error(e.to_string()))?
            .to_bytes();
        String::from_utf8(body.to_vec()).map_err(|_| self.error("not UTF-8".into()))
    }

    fn error(&self, detail: String) -> KeyError {
        KeyError::Jwks {
            origin: self.url.clone(),
            detail,
        }
    }
}
