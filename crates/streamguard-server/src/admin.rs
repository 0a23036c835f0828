//! The admin HTTP API: `POST /v1/revocations` (revoke), `DELETE /v1/revocations` (lift, same
//! body), `GET /metrics`, `GET /healthz`.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;
use streamguard::Guard;
use streamguard::revocation::Revocation;

/// Appends more Prometheus text to `GET /metrics` (the gateway's counters by method).
pub type ExtraMetrics = Arc<dyn Fn(&mut String) + Send + Sync>;

#[derive(Clone)]
struct Admin {
    guard: Guard,
    extra: Option<ExtraMetrics>,
    /// SHA-256 of the admin token: what presented tokens are compared with.
    token_digest: Arc<[u8; 32]>,
}

/// The admin API of `guard`, guarded by the admin bearer `token`.
pub fn router(guard: Guard, token: String) -> Router {
    router_with_metrics(guard, token, None)
}

/// [`router`], with `extra` appended to `GET /metrics`.
pub fn router_with_metrics(guard: Guard, token: String, extra: Option<ExtraMetrics>) -> Router {
    Router::new()
        .route("/v1/revocations", axum::routing::post(revoke).delete(lift))
        .route("/metrics", get(metrics))
        .route("/healthz", get(|| async { "ok\n" }))
        .with_state(Admin {
            guard,
            extra,
            token_digest: Arc::new(digest(token.as_bytes())),
        })
}

fn digest(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).into()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RevokeBody {
    jti: Option<String>,
    sub: Option<String>,
}

/// Whether `presented` is the admin token. Both sides are hashed first and the digests
/// compared in constant time, so the timing reveals neither the content nor the length.
fn is_admin_token(admin: &Admin, presented: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    digest(presented).ct_eq(&admin.token_digest[..]).into()
}

type Answer = (StatusCode, Json<serde_json::Value>);

/// Checks the admin bearer token and reads `{"jti": …}` or `{"sub": …}`.
fn admit(admin: &Admin, headers: &HeaderMap, body: &[u8]) -> Result<Revocation, Answer> {
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match presented {
        None => {
            return Err((
                StatusCode::UNAUTHORIZED,
                Json(
                    json!({"error": "missing_admin_token", "hint": "send Authorization: Bearer <admin token>"}),
                ),
            ));
        }
        Some(t) if !is_admin_token(admin, t.as_bytes()) => {
            return Err((
                StatusCode::FORBIDDEN,
                Json(json!({"error": "wrong_admin_token"})),
            ));
        }
        Some(_) => {}
    }
    let parsed: Result<RevokeBody, _> = serde_json::from_slice(body);
    match parsed {
        Ok(RevokeBody {
            jti: Some(j),
            sub: None,
        }) if !j.is_empty() => Ok(Revocation::Jti(j)),
        Ok(RevokeBody {
            jti: None,
            sub: Some(s),
        }) if !s.is_empty() => Ok(Revocation::Sub(s)),
        Ok(_) => Err((
            StatusCode::BAD_REQUEST,
            Json(
                json!({"error": "bad_request", "hint": "send exactly one of {\"jti\": \"…\"} or {\"sub\": \"…\"}"}),
            ),
        )),
        Err(e) => Err((
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "bad_json", "detail": e.to_string()})),
        )),
    }
}

fn named(revocation: Revocation) -> serde_json::Value {
    match revocation {
        Revocation::Jti(j) => json!({"jti": j}),
        Revocation::Sub(s) => json!({"sub": s}),
    }
}

async fn revoke(State(admin): State<Admin>, headers: HeaderMap, body: axum::body::Bytes) -> Answer {
    let revocation = match admit(&admin, &headers, &body) {
        Ok(r) => r,
        Err(answer) => return answer,
    };
    let ended = admin.guard.revocations().revoke(revocation.clone());
    (
        StatusCode::OK,
        Json(json!({"revoked": named(revocation), "ended_streams": ended})),
    )
}

/// Lifts a revocation: tokens it refused are accepted again. 404 when there was none.
async fn lift(State(admin): State<Admin>, headers: HeaderMap, body: axum::body::Bytes) -> Answer {
    let revocation = match admit(&admin, &headers, &body) {
        Ok(r) => r,
        Err(answer) => return answer,
    };
    if admin.guard.revocations().lift(&revocation) {
        (StatusCode::OK, Json(json!({"lifted": named(revocation)})))
    } else {
        (
            StatusCode::NOT_FOUND,
            Json(json!({"error": "not_revoked", "revocation": named(revocation)})),
        )
    }
}

async fn metrics(State(admin): State<Admin>) -> impl IntoResponse {
    let g = &admin.guard;
    let mut text = g.metrics().render();
    text.push_str(&format!(
        "# HELP streamguard_revocations_stored Revocation entries kept.\n# TYPE streamguard_revocations_stored gauge\nstreamguard_revocations_stored {}\n",
        g.revocations().stored()
    ));
    if let Some(extra) = &admin.extra {
        extra(&mut text);
    }
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text)
}
