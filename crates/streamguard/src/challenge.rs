//! `www-authenticate` on refusals (RFC 6750 §3, RFC 9728 §5.1): a caller refused for its token
//! learns what was wrong with it and where to read how to get a better one.
//!
//! | refusal (`grpc-status`, `grpc-message`) | challenge |
//! |---|---|
//! | `UNAUTHENTICATED` `missing_token` | `Bearer resource_metadata="…"` (no error code: RFC 6750 §3.1) |
//! | any other `UNAUTHENTICATED` | `Bearer resource_metadata="…", error="invalid_token", error_description="<reason>"` |
//! | `PERMISSION_DENIED` `token_revoked` | as above: a revoked token is an invalid one (RFC 6750 §3.1) |
//! | `PERMISSION_DENIED` `insufficient_scope` | `Bearer resource_metadata="…", error="insufficient_scope", scope="<needed>"` |
//!
//! `resource_metadata` appears when a protected resource is configured
//! ([`crate::protected_resource`]). `error_description` is given only for the guard's own reasons
//! (a fixed vocabulary), never for text a handler or an upstream wrote; `scope` only when the
//! needed scope is known and fits RFC 6750's character set. The guard layer adds the header to
//! the refusal at open (a trailers-only response: in its headers) and to the trailers of a
//! stream that ends so, whoever produced the status (the guard, a handler, a proxied upstream),
//! unless it already has one.

use http::{HeaderMap, HeaderValue};
use tonic::Code;

use crate::protected_resource::ProtectedResource;
use crate::termination::Reason;

pub const WWW_AUTHENTICATE: http::HeaderName = http::header::WWW_AUTHENTICATE;

/// What a `Bearer` challenge says went wrong (RFC 6750 §3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BearerError<'a> {
    /// The request had no token: no error code.
    NoToken,
    /// The token is expired, revoked, malformed or otherwise invalid.
    InvalidToken { description: Option<&'a str> },
    /// The token is valid but lacks a scope the request needs.
    InsufficientScope { scope: Option<&'a str> },
}

/// The challenges one server sends; built once, from its protected resource (if any).
#[derive(Debug, Clone, Default)]
pub struct Challenge {
    /// `resource_metadata="…"`, already quoted.
    metadata_param: Option<String>,
}

impl Challenge {
    /// Challenges pointing at `resource`'s metadata document (RFC 9728 §5.1), or without
    /// `resource_metadata` when there is none.
    pub fn new(resource: Option<&ProtectedResource>) -> Self {
        Challenge {
            metadata_param: resource.map(|r| {
                let mut p = String::from("resource_metadata=");
                quoted_string(&mut p, &r.metadata_url());
                p
            }),
        }
    }

    /// The `www-authenticate` value for `error`.
    pub fn value(&self, error: BearerError<'_>) -> String {
        let mut params: Vec<String> = Vec::with_capacity(3);
        params.extend(self.metadata_param.clone());
        let mut param = |name: &str, value: &str| {
            let mut p = format!("{name}=");
            quoted_string(&mut p, value);
            params.push(p);
        };
        match error {
            BearerError::NoToken => {}
            BearerError::InvalidToken { description } => {
                param("error", "invalid_token");
                if let Some(d) = description.filter(|d| is_error_text(d)) {
                    param("error_description", d);
                }
            }
            BearerError::InsufficientScope { scope } => {
                param("error", "insufficient_scope");
                if let Some(s) = scope.filter(|s| is_scope_list(s)) {
                    param("scope", s);
                }
            }
        }
        if params.is_empty() {
            "Bearer".to_string()
        } else {
            format!("Bearer {}", params.join(", "))
        }
    }

    /// Adds the challenge a gRPC refusal in `headers` (response headers of a trailers-only
    /// response, or trailers) calls for, unless it has one already. `scope` is the scope whose
    /// absence ended the call, when known.
    pub fn annotate(&self, headers: &mut HeaderMap, scope: Option<&str>) {
        if headers.contains_key(WWW_AUTHENTICATE) {
            return;
        }
        let Some(error) = refusal(headers, scope) else {
            return;
        };
        if let Ok(v) = HeaderValue::from_str(&self.value(error)) {
            headers.insert(WWW_AUTHENTICATE, v);
        }
    }
}

/// The challenge a gRPC status in `headers` calls for, if it is a refusal of the token.
fn refusal<'a>(headers: &'a HeaderMap, scope: Option<&'a str>) -> Option<BearerError<'a>> {
    let code = headers
        .get("grpc-status")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i32>().ok())
        .map(Code::from_i32)?;
    // Only the guard's own vocabulary is ever echoed back, never free text.
    let reason = headers
        .get("grpc-message")
        .and_then(|m| Reason::from_wire(m.as_bytes()));
    match (code, reason) {
        (Code::Unauthenticated, Some(Reason::MissingToken)) => Some(BearerError::NoToken),
        (Code::Unauthenticated, reason) => Some(BearerError::InvalidToken {
            description: reason.map(Reason::as_str),
        }),
        (Code::PermissionDenied, Some(Reason::TokenRevoked)) => Some(BearerError::InvalidToken {
            description: Some(Reason::TokenRevoked.as_str()),
        }),
        (Code::PermissionDenied, Some(Reason::InsufficientScope)) => {
            Some(BearerError::InsufficientScope { scope })
        }
        _ => None,
    }
}

/// Appends `value` as an RFC 9110 §5.6.4 quoted-string: `"` and `\` escaped with `\`.
pub fn quoted_string(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
}

/// RFC 6750 §3: `error` and `error_description` values use `%x20-21 / %x23-5B / %x5D-7E`.
fn is_error_text(s: &str) -> bool {
    s.bytes()
        .all(|b| matches!(b, 0x20..=0x21 | 0x23..=0x5B | 0x5D..=0x7E))
}

/// RFC 6750 §3 (RFC 6749 A.4): scope tokens of `%x21 / %x23-5B / %x5D-7E`, separated by single
/// spaces.
pub fn is_scope_list(s: &str) -> bool {
    !s.is_empty() && s.split(' ').all(is_scope_token)
}

/// One RFC 6749 A.4 `scope-token`.
pub fn is_scope_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| matches!(b, 0x21 | 0x23..=0x5B | 0x5D..=0x7E))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn challenge() -> Challenge {
        let r = ProtectedResource::new("https://mcp.example:8443").unwrap();
        Challenge::new(Some(&r))
    }

    fn refused(status: &str, message: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("grpc-status", status.parse().unwrap());
        h.insert("grpc-message", message.parse().unwrap());
        h
    }

    #[test]
    fn an_invalid_token_gets_the_metadata_url_the_error_and_the_reason_byte_for_byte() {
        let mut h = refused("16", "token_expired");
        challenge().annotate(&mut h, None);
        assert_eq!(
            h[WWW_AUTHENTICATE].as_bytes(),
            br#"Bearer resource_metadata="https://mcp.example:8443/.well-known/oauth-protected-resource", error="invalid_token", error_description="token_expired""#
        );
    }

    #[test]
    fn a_missing_token_gets_no_error_code() {
        let mut h = refused("16", "missing_token");
        challenge().annotate(&mut h, None);
        assert_eq!(
            h[WWW_AUTHENTICATE].as_bytes(),
            br#"Bearer resource_metadata="https://mcp.example:8443/.well-known/oauth-protected-resource""#
        );
        let mut h = refused("16", "missing_token");
        Challenge::default().annotate(&mut h, None);
        assert_eq!(h[WWW_AUTHENTICATE], "Bearer");
    }

    #[test]
    fn an_insufficient_scope_names_the_scope_needed() {
        let mut h = refused("7", "insufficient_scope");
        challenge().annotate(&mut h, Some("files:write"));
        assert_eq!(
            h[WWW_AUTHENTICATE].as_bytes(),
            br#"Bearer resource_metadata="https://mcp.example:8443/.well-known/oauth-protected-resource", error="insufficient_scope", scope="files:write""#
        );
        let mut h = refused("7", "insufficient_scope");
        Challenge::default().annotate(&mut h, None);
        assert_eq!(h[WWW_AUTHENTICATE], r#"Bearer error="insufficient_scope""#);
    }

    #[test]
    fn a_revoked_token_is_an_invalid_token() {
        let mut h = refused("7", "token_revoked");
        Challenge::default().annotate(&mut h, None);
        assert_eq!(
            h[WWW_AUTHENTICATE],
            r#"Bearer error="invalid_token", error_description="token_revoked""#
        );
    }

    #[test]
    fn free_text_is_never_echoed_and_other_refusals_get_no_challenge() {
        let mut h = refused("16", "upstream says: \"bad\" token");
        Challenge::default().annotate(&mut h, None);
        assert_eq!(h[WWW_AUTHENTICATE], r#"Bearer error="invalid_token""#);
        for (status, message) in [
            ("7", "resource_not_owned"),
            ("8", "rate_limit_exceeded"),
            ("14", "shutting_down"),
            ("0", ""),
        ] {
            let mut h = refused(status, message);
            challenge().annotate(&mut h, Some("x"));
            assert!(!h.contains_key(WWW_AUTHENTICATE), "{status} {message}");
        }
        let mut ok = HeaderMap::new();
        challenge().annotate(&mut ok, None);
        assert!(ok.is_empty());
    }

    #[test]
    fn a_challenge_already_present_is_kept() {
        let mut h = refused("16", "token_expired");
        h.insert(
            WWW_AUTHENTICATE,
            "Bearer realm=\"upstream\"".parse().unwrap(),
        );
        challenge().annotate(&mut h, None);
        assert_eq!(h[WWW_AUTHENTICATE], "Bearer realm=\"upstream\"");
    }

    #[test]
    fn a_scope_outside_rfc_6750s_character_set_is_left_out() {
        for bad in ["files\"read", "a\\b", "", "two  spaces", "tab\there", "é"] {
            let value =
                Challenge::default().value(BearerError::InsufficientScope { scope: Some(bad) });
            assert_eq!(value, r#"Bearer error="insufficient_scope""#, "{bad:?}");
        }
        assert!(is_scope_list("files:read tools:echo"));
    }

    #[test]
    fn quoted_strings_escape_quotes_and_backslashes() {
        let mut out = String::new();
        quoted_string(&mut out, r#"a"b\c d"#);
        assert_eq!(out.as_bytes(), br#""a\"b\\c d""#);
    }
}
