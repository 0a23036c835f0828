//! Real peers for streamguard's tests — no mocks: a test PKI, an OpenID provider over https,
//! and `redis-server` processes, each on loopback and owned by the test that starts it.
//!
//! Use it as a dev-dependency only (`streamguard-testkit.workspace = true` under
//! `[dev-dependencies]`); it is not published.
//!
//! | component | what it is | module |
//! | --- | --- | --- |
//! | [`TestPki`] | an rcgen CA, a server certificate for `127.0.0.1`/`localhost`, a client certificate for mutual TLS, as PEM files; the server certificate can be reissued in place | [`pki`] |
//! | [`OidcProvider`] | Node's `oidc-provider` (OpenID-certified) over https: discovery, JWKS, client credentials with resource indicators (JWT or opaque access tokens), introspection, revocation, key rotation | [`oidc`] |
//! | [`RedisServer`] | `redis-server` with append-only persistence in a temporary directory: kill, restart on the same port and data, pause and resume | [`redis`] |
//! | [`HttpsClient`] | a small https client (rustls, `ring`) trusting only the test CA | [`https`] |
//! | [`TlsClient`] | a raw TLS client: the certificate a server serves now, ALPN, client certificates, HTTP/2 GETs | [`tls_client`] |
//!
//! # What the tests need installed
//! `.ci/run` installs both, idempotently: `redis-server` (Debian package) and the provider's npm
//! packages (`npm ci` in `tests/oidc-provider`). Node 20 or later must be on the machine. A
//! component whose program is missing panics at start with a message saying so; it never skips.
//!
//! # Process hygiene
//! Every child process is killed (SIGKILL) and reaped when its handle drops, which also happens
//! when the test panics. Each child also gets `PR_SET_PDEATHSIG`, so the kernel kills it if the
//! thread that started it dies without unwinding (test binary killed, `panic = "abort"`). That is
//! per thread: start a peer in the test that uses it, not in a `static` shared between tests.
//! A child's stdout and stderr go to a log file in its temporary directory; a failed start
//! panics with the end of that log.
//!
//! # Examples
//! A TLS server under test with the test CA:
//! ```no_run
//! use streamguard_testkit::TestPki;
//!
//! let pki = TestPki::new();
//! let (cert, key) = (pki.server_cert_path(), pki.server_key_path());
//! // … start `serve --tls-cert {cert} --tls-key {key}`, trust `pki.ca_pem_path()` in the client …
//! let renewed = pki.reissue_server_cert(); // for a reload test: new cert and key, same paths
//! # let _ = (cert, key, renewed);
//! ```
//!
//! An OpenID provider issuing a JWT for a resource, an opaque token revoked at the provider, and
//! a key rotation:
//! ```no_run
//! # async fn example() {
//! use streamguard_testkit::OidcProvider;
//!
//! let idp = OidcProvider::start().await;
//! // Configure the verifier with `issuer = idp.issuer()`, `discovery = true`,
//! // `ca_file = idp.ca_pem_path()`, audience "https://mcp.example".
//! let jwt = idp.client_credentials_jwt("tools:echo files:read", "https://mcp.example").await;
//!
//! let opaque = idp.client_credentials_opaque("tools:echo").await;
//! assert_eq!(idp.introspect(opaque.as_str()).await["active"], true);
//! idp.revoke(opaque.as_str()).await;
//! assert_eq!(idp.introspect(opaque.as_str()).await["active"], false);
//! // The verifier's `[auth.introspection]` uses `idp.introspection_endpoint()` and
//! // `idp.introspection_client()`'s id and secret.
//!
//! let keys = idp.rotate_keys().await; // tokens issued from now on carry `keys.signing_kid`
//! # let _ = (jwt, keys);
//! # }
//! ```
//!
//! A Redis that dies, comes back with its data, and stalls:
//! ```no_run
//! # async fn example() {
//! use std::time::Duration;
//! use streamguard_testkit::RedisServer;
//!
//! let mut redis = RedisServer::start().await;
//! let url = redis.url(); // redis://127.0.0.1:PORT/0 for `[state] redis`
//! redis.kill(); // SIGKILL
//! redis.restart().await; // same port, same data directory, AOF replayed
//! redis.pause(); // SIGSTOP: connections accepted, nothing answered
//! assert!(redis.ping(Duration::from_millis(200)).await.is_err());
//! redis.resume(); // SIGCONT
//! # let _ = url;
//! # }
//! ```

pub mod https;
pub mod oidc;
pub mod pki;
mod process;
pub mod redis;
mod resp;
pub mod tls_client;

pub use https::{HttpError, HttpResponse, HttpsClient};
pub use oidc::{AccessToken, OAuthClient, OidcProvider, RotatedKeys, TokenFormat, TokenRequest};
pub use pki::TestPki;
pub use redis::RedisServer;
pub use resp::{RedisError, RedisReply};
pub use tls_client::TlsClient;
