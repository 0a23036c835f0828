//! OAuth 2.0 Protected Resource Metadata (RFC 9728), as the MCP authorization spec asks of a
//! server: which resource it is, which authorization servers issue tokens for it, which scopes
//! exist, and that tokens go in the `authorization` header.
//!
//! [`ProtectedResource`] is the validated description; [`MetadataRoute`] serves its document to
//! `GET /.well-known/oauth-protected-resource` (RFC 9728 §3.1: the well-known segment goes
//! between the resource's host and its path) and hands every other request to a fallback, so it
//! fits as the plain-HTTP route of a gRPC listener. Refusals point at the same document with
//! `www-authenticate` ([`crate::challenge`]). With a resource configured and no audience, the
//! resource is the audience tokens must carry (RFC 8707): see [`ProtectedResource::resource`].
//!
//! ```
//! use streamguard::protected_resource::ProtectedResource;
//! let r = ProtectedResource::new("https://mcp.example/tools")?
//!     .with_authorization_servers(["https://issuer.example"])?
//!     .with_scopes_supported(["tools:echo", "files:read"])?;
//! assert_eq!(r.metadata_url(), "https://mcp.example/.well-known/oauth-protected-resource/tools");
//! # Ok::<(), streamguard::protected_resource::InvalidResource>(())
//! ```

use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::Bytes;
use futures::future::BoxFuture;
use http::{HeaderValue, Method, Request, Response, StatusCode, Uri, header};
use http_body_util::{Either, Full};
use tower::ServiceExt;

use crate::challenge::is_scope_token;

/// The well-known path segment of RFC 9728 §3.
pub const WELL_KNOWN: &str = "/.well-known/oauth-protected-resource";

/// A protected resource and its metadata (RFC 9728 §2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtectedResource {
    resource: String,
    /// `scheme://authority` of the resource.
    origin: String,
    /// The resource's path without a trailing `/` (empty for the root).
    path: String,
    authorization_servers: Vec<String>,
    scopes_supported: Vec<String>,
}

/// A value RFC 9728 (or RFC 8707, RFC 8414) does not allow, named by its field.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[error("{field} = {value:?}: {problem}")]
pub struct InvalidResource {
    pub field: &'static str,
    pub value: String,
    pub problem: String,
}

impl ProtectedResource {
    /// `resource` must be an absolute `https://` URL (`http://` only for a loopback host, for
    /// labs) with no query, fragment or user info.
    pub fn new(resource: impl Into<String>) -> Result<Self, InvalidResource> {
        let resource = resource.into();
        let uri = check_url("resource", &resource)?;
        let origin = format!(
            "{}://{}",
            uri.scheme_str().unwrap_or("https"),
            uri.authority().map_or("", |a| a.as_str())
        );
        let path = uri.path().trim_end_matches('/').to_string();
        Ok(ProtectedResource {
            resource,
            origin,
            path,
            authorization_servers: Vec::new(),
            scopes_supported: Vec::new(),
        })
    }

    /// Issuer identifiers of the authorization servers (RFC 8414): `https://` URLs without a
    /// query or fragment.
    pub fn with_authorization_servers<S: Into<String>>(
        mut self,
        servers: impl IntoIterator<Item = S>,
    ) -> Result<Self, InvalidResource> {
        for s in servers {
            let s = s.into();
            check_url("authorization_servers", &s)?;
            self.authorization_servers.push(s);
        }
        Ok(self)
    }

    /// Scope values (RFC 6749 `scope-token`s) that clients may request.
    pub fn with_scopes_supported<S: Into<String>>(
        mut self,
        scopes: impl IntoIterator<Item = S>,
    ) -> Result<Self, InvalidResource> {
        for s in scopes {
            let s = s.into();
            if !is_scope_token(&s) {
                return Err(InvalidResource {
                    field: "scopes_supported",
                    value: s,
                    problem: "not a scope token: printable ASCII without spaces, '\"' or '\\'"
                        .into(),
                });
            }
            self.scopes_supported.push(s);
        }
        Ok(self)
    }

    /// The resource identifier: the `resource` of the document, and the audience tokens must
    /// carry when no other is configured (RFC 8707).
    pub fn resource(&self) -> &str {
        &self.resource
    }

    pub fn authorization_servers(&self) -> &[String] {
        &self.authorization_servers
    }

    pub fn scopes_supported(&self) -> &[String] {
        &self.scopes_supported
    }

    /// The path of the metadata document on the resource's origin (RFC 9728 §3.1).
    pub fn metadata_path(&self) -> String {
        format!("{WELL_KNOWN}{}", self.path)
    }

    /// Where clients read the metadata document: the `resource_metadata` of a challenge.
    pub fn metadata_url(&self) -> String {
        format!("{}{}", self.origin, self.metadata_path())
    }

    /// The metadata document (RFC 9728 §2); optional members left out when empty.
    pub fn document(&self) -> serde_json::Value {
        let mut doc = serde_json::Map::new();
        doc.insert("resource".into(), self.resource.clone().into());
        if !self.authorization_servers.is_empty() {
            doc.insert(
                "authorization_servers".into(),
                self.authorization_servers.clone().into(),
            );
        }
        if !self.scopes_supported.is_empty() {
            doc.insert(
                "scopes_supported".into(),
                self.scopes_supported.clone().into(),
            );
        }
        // Tokens in message bodies or query strings are never accepted.
        doc.insert("bearer_methods_supported".into(), vec!["header"].into());
        doc.into()
    }
}

/// Checks an absolute URL of `field`; http is allowed for loopback hosts only.
fn check_url(field: &'static str, value: &str) -> Result<Uri, InvalidResource> {
    let bad = |problem: &str| InvalidResource {
        field,
        value: value.to_string(),
        problem: problem.to_string(),
    };
    if !value.bytes().all(|b| (0x21..=0x7E).contains(&b)) {
        return Err(bad(
            "must be an ASCII URL without spaces or control characters",
        ));
    }
    // Printable ASCII that RFC 3986 does not allow anywhere in a URI.
    if value.bytes().any(|b| b"\"<>\\^`{|}".contains(&b)) {
        return Err(bad(
            "not a URL: '\"', '<', '>', '\\', '^', '`', '{', '|', '}' must be percent-encoded",
        ));
    }
    if value.contains('#') {
        return Err(bad("must not have a fragment (#…)"));
    }
    let uri: Uri = value
        .parse()
        .map_err(|_| bad("not a URL; write e.g. \"https://mcp.example.com\""))?;
    let (Some(scheme), Some(authority)) = (uri.scheme_str(), uri.authority()) else {
        return Err(bad(
            "must be an absolute https:// URL; write e.g. \"https://mcp.example.com\"",
        ));
    };
    if authority.as_str().contains('@') {
        return Err(bad("must not carry user info (user@host)"));
    }
    if uri.query().is_some() {
        return Err(bad("must not have a query (?…)"));
    }
    match scheme {
        "https" => {}
        "http" if is_loopback(authority.host()) => {}
        "http" => {
            return Err(bad(
                "must use https (http is accepted for loopback hosts only)",
            ));
        }
        _ => return Err(bad("must be an absolute https:// URL")),
    }
    Ok(uri)
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Serves the metadata document to `GET` on its path (and on the bare well-known path, where
/// clients that ignore the resource's path look); every other request goes to `fallback`.
#[derive(Debug, Clone)]
pub struct MetadataRoute<F> {
    /// `None` when no resource is configured: everything goes to the fallback.
    shared: Option<Arc<RouteShared>>,
    fallback: F,
}

#[derive(Debug)]
struct RouteShared {
    paths: Vec<String>,
    document: Bytes,
}

impl<F> MetadataRoute<F> {
    /// Serves `resource`'s document, if there is one, in front of `fallback`.
    pub fn new(resource: Option<&ProtectedResource>, fallback: F) -> Self {
        let shared = resource.map(|r| {
            let mut paths = vec![r.metadata_path()];
            if paths[0] != WELL_KNOWN {
                paths.push(WELL_KNOWN.to_string());
            }
            Arc::new(RouteShared {
                paths,
                document: Bytes::from(r.document().to_string()),
            })
        });
        MetadataRoute { shared, fallback }
    }

    /// The document, if `request` asks for it.
    fn document_for<B>(&self, request: &Request<B>) -> Option<Bytes> {
        let shared = self.shared.as_ref()?;
        (request.method() == Method::GET && shared.paths.iter().any(|p| p == request.uri().path()))
            .then(|| shared.document.clone())
    }
}

impl<F, B, P> tower::Service<Request<B>> for MetadataRoute<F>
where
    F: tower::Service<Request<B>, Response = Response<P>> + Clone + Send + 'static,
    F::Future: Send + 'static,
    B: Send + 'static,
{
    type Response = Response<Either<Full<Bytes>, P>>;
    type Error = F::Error;
    type Future = BoxFuture<'static, Result<Self::Response, F::Error>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), F::Error>> {
        // The fallback is driven to readiness only when a request goes to it (`oneshot`).
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        if let Some(document) = self.document_for(&request) {
            let response = document_response(document);
            return Box::pin(async move { Ok(response.map(Either::Left)) });
        }
        let fallback = self.fallback.clone();
        Box::pin(async move {
            let response = fallback.oneshot(request).await?;
            Ok(response.map(Either::Right))
        })
    }
}

fn document_response(document: Bytes) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(document));
    *response.status_mut() = StatusCode::OK;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::convert::Infallible;

    use http_body_util::BodyExt;

    /// What a server answers when the route does not serve a request.
    #[derive(Clone)]
    struct NotFound;

    impl<B> tower::Service<Request<B>> for NotFound {
        type Response = Response<Full<Bytes>>;
        type Error = Infallible;
        type Future = std::future::Ready<Result<Self::Response, Infallible>>;

        fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
            Poll::Ready(Ok(()))
        }

        fn call(&mut self, _: Request<B>) -> Self::Future {
            let mut response = Response::new(Full::new(Bytes::new()));
            *response.status_mut() = StatusCode::NOT_FOUND;
            std::future::ready(Ok(response))
        }
    }

    #[test]
    fn the_metadata_url_puts_the_well_known_segment_between_host_and_path() {
        for (resource, url) in [
            (
                "https://mcp.example",
                "https://mcp.example/.well-known/oauth-protected-resource",
            ),
            (
                "https://mcp.example:8443/",
                "https://mcp.example:8443/.well-known/oauth-protected-resource",
            ),
            (
                "https://mcp.example/tools/v1/",
                "https://mcp.example/.well-known/oauth-protected-resource/tools/v1",
            ),
            (
                "http://127.0.0.1:50051",
                "http://127.0.0.1:50051/.well-known/oauth-protected-resource",
            ),
        ] {
            assert_eq!(
                ProtectedResource::new(resource).unwrap().metadata_url(),
                url
            );
        }
    }

    #[test]
    fn resources_rfc_9728_does_not_allow_are_refused_with_the_reason() {
        for (resource, problem) in [
            ("mcp.example", "absolute https:// URL"),
            ("http://mcp.example", "must use https"),
            ("ftp://mcp.example", "absolute https:// URL"),
            ("https://mcp.example/#top", "fragment"),
            ("https://mcp.example/?a=b", "query"),
            ("https://user@mcp.example", "user info"),
            ("https://mcp.example/a b", "without spaces"),
            ("https://mcp.example/\"", "not a URL"),
        ] {
            let e = ProtectedResource::new(resource).unwrap_err();
            assert!(e.problem.contains(problem), "{resource}: {e}");
            assert_eq!(e.field, "resource");
        }
        for loopback in ["http://localhost:1", "http://[::1]:1", "http://127.0.0.2"] {
            ProtectedResource::new(loopback).unwrap();
        }
        let r = ProtectedResource::new("https://a.example").unwrap();
        let e = r
            .clone()
            .with_authorization_servers(["http://issuer.example"])
            .unwrap_err();
        assert_eq!(e.field, "authorization_servers");
        let e = r.with_scopes_supported(["files read"]).unwrap_err();
        assert_eq!(e.field, "scopes_supported");
    }

    #[test]
    fn the_document_has_the_rfc_9728_members() {
        let r = ProtectedResource::new("https://mcp.example")
            .unwrap()
            .with_authorization_servers(["https://issuer.example"])
            .unwrap()
            .with_scopes_supported(["tools:echo", "files:read"])
            .unwrap();
        assert_eq!(
            r.document(),
            serde_json::json!({
                "resource": "https://mcp.example",
                "authorization_servers": ["https://issuer.example"],
                "scopes_supported": ["tools:echo", "files:read"],
                "bearer_methods_supported": ["header"],
            })
        );
        let bare = ProtectedResource::new("https://mcp.example").unwrap();
        assert_eq!(
            bare.document(),
            serde_json::json!({"resource": "https://mcp.example", "bearer_methods_supported": ["header"]})
        );
    }

    async fn get(route: &MetadataRoute<NotFound>, method: Method, path: &str) -> (u16, String) {
        let request = Request::builder()
            .method(method)
            .uri(path)
            .body(())
            .unwrap();
        let response = route.clone().oneshot(request).await.unwrap();
        let status = response.status().as_u16();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        (status, String::from_utf8(body.to_vec()).unwrap())
    }

    #[tokio::test]
    async fn the_route_serves_get_on_the_well_known_paths_and_falls_back_otherwise() {
        let r = ProtectedResource::new("https://mcp.example/tools").unwrap();
        let route = MetadataRoute::new(Some(&r), NotFound);
        for path in [
            "/.well-known/oauth-protected-resource/tools",
            "/.well-known/oauth-protected-resource",
        ] {
            let (status, body) = get(&route, Method::GET, path).await;
            assert_eq!(status, 200, "{path}");
            let doc: serde_json::Value = serde_json::from_str(&body).unwrap();
            assert_eq!(doc["resource"], "https://mcp.example/tools");
        }
        assert_eq!(
            get(&route, Method::POST, WELL_KNOWN).await.0,
            404,
            "only GET"
        );
        assert_eq!(get(&route, Method::GET, "/other").await.0, 404);
        let without = MetadataRoute::new(None, NotFound);
        assert_eq!(get(&without, Method::GET, WELL_KNOWN).await.0, 404);
    }
}
