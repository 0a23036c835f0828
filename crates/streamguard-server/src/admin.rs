//! The admin HTTP API: `POST /v1/revocations`, `GET /metrics`, `GET /healthz`.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;
use streamguard::Guard;
use streamguard::revocation::Revocation;
use streamguard_edge::EdgeMetrics;

#[derive(Clone)]
struct Admin {
    guard: Guard,
    token: Arc<str>,
    edge: Arc<EdgeMetrics>,
}

pub fn router(guard: Guard, token: String, edge: Arc<EdgeMetrics>) -> Router {
    Router::new()
        .route("/v1/revocations", post(revoke))
        .route("/metrics", get(metrics))
        .route("/healthz", get(|| async { "ok\n" }))
        .with_state(Admin {
            guard,
            token: Arc::from(token),
            edge,
        })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RevokeBody {
    jti: Option<String>,
    sub: Option<String>,
}

/// Compares without an early exit, so response timing does not leak the token byte by byte.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn revoke(
    State(admin): State<Admin>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> impl IntoResponse {
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match presented {
        None => {
            return (
                StatusCode::UNAUTHORIZED,
                Json(
                    json!({"error": "missing_admin_token", "hint": "send Authorization: Bearer <admin token>"}),
                ),
            );
        }
        Some(t) if !same(t.as_bytes(), admin.token.as_bytes()) => {
            return (
                StatusCode::FORBIDDEN,
                Json(json!({"error": "wrong_admin_token"})),
            );
        }
        Some(_) => {}
    }
    let parsed: Result<RevokeBody, _> = serde_json::from_slice(&body);
    let revocation = match parsed {
        Ok(RevokeBody {
            jti: Some(j),
            sub: None,
        }) if !j.is_empty() => Revocation::Jti(j),
        Ok(RevokeBody {
            jti: None,
            sub: Some(s),
        }) if !s.is_empty() => Revocation::Sub(s),
        Ok(_) => {
            return (
                StatusCode::BAD_REQUEST,
                Json(
                    json!({"error": "bad_request", "hint": "send exactly one of {\"jti\": \"…\"} or {\"sub\": \"…\"}"}),
                ),
            );
        }
        Err(e) => {
            return (
                StatusCode::BAD_REQUEST,
                Json(json!({"error": "bad_json", "detail": e.to_string()})),
            );
        }
    };
    let ended = admin.guard.revocations().revoke(revocation.clone());
    let (kind, value) = match revocation {
        Revocation::Jti(j) => ("jti", j),
        Revocation::Sub(s) => ("sub", s),
    };
    (
        StatusCode::OK,
        Json(json!({"revoked": {kind: value}, "ended_streams": ended})),
    )
}

async fn metrics(State(admin): State<Admin>) -> impl IntoResponse {
    let g = &admin.guard;
    let mut text = g.metrics().render();
    text.push_str(&format!(
        "# HELP streamguard_revocations_stored Revocation entries kept.\n# TYPE streamguard_revocations_stored gauge\nstreamguard_revocations_stored {}\n",
        g.revocations().stored()
    ));
    text.push_str(&admin.edge.render());
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text)
}
