//! The admin HTTP API: `POST /v1/revocations` (revoke), `DELETE /v1/revocations` (lift, same
//! body), `GET /metrics`, `GET /healthz`.
//!
//! With a shared state store (`[state] redis`), a revocation or lift posted to any instance
//! reaches every instance. Its answer says where it went: `"replication": "shared"` (durable in
//! the store and published; 200), `"queued"` (applied on this instance; the store is
//! unreachable, so it is published when the store is back; 202) or `"failed"` (applied on this
//! instance only, the queue being full; 503). Without a shared store it is `"local"` (200).
//!
//! `GET /healthz` answers `200 ok` while the state backend is available; during an outage of a
//! shared store `503 state_unavailable …` when streams are refused
//! (`on_state_unavailable = "closed"`), or `200 degraded: state_unavailable …` when the instance
//! serves on its local state (`"open"`).

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;
use streamguard::Guard;
use streamguard::OnStateUnavailable;
use streamguard::revocation::{Replication, Revocation};

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
        .route("/healthz", get(healthz))
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
    let revoked = admin.guard.revocations().revoke(revocation.clone()).await;
    (
        replication_status(revoked.replication),
        Json(json!({
            "revoked": named(revocation),
            "ended_streams": revoked.ended,
            "replication": replication_name(revoked.replication),
        })),
    )
}

fn replication_status(r: Replication) -> StatusCode {
    match r {
        Replication::Local | Replication::Shared => StatusCode::OK,
        Replication::Queued => StatusCode::ACCEPTED,
        Replication::Failed => StatusCode::SERVICE_UNAVAILABLE,
    }
}

fn replication_name(r: Replication) -> &'static str {
    match r {
        Replication::Local => "local",
        Replication::Shared => "shared",
        Replication::Queued => "queued",
        Replication::Failed => "failed",
    }
}

/// Lifts a revocation: tokens it refused are accepted again. 404 when there was none.
async fn lift(State(admin): State<Admin>, headers: HeaderMap, body: axum::body::Bytes) -> Answer {
    let revocation = match admit(&admin, &headers, &body) {
        Ok(r) => r,
        Err(answer) => return answer,
    };
    let (lifted, replication) = admin.guard.revocations().lift(&revocation).await;
    if lifted {
        (
            replication_status(replication),
            Json(json!({
                "lifted": named(revocation),
                "replication": replication_name(replication),
            })),
        )
    } else {
        (
            StatusCode::NOT_FOUND,
            Json(json!({"error": "not_revoked", "revocation": named(revocation)})),
        )
    }
}

/// `ok` while the state backend is available; see the module docs for an outage.
async fn healthz(State(admin): State<Admin>) -> (StatusCode, String) {
    let s = admin.guard.state_status();
    if s.available {
        return (StatusCode::OK, "ok\n".into());
    }
    let down = format!(
        "state_unavailable: the {} state store has been unreachable for {}s",
        s.backend,
        s.for_.as_secs()
    );
    match s.policy {
        OnStateUnavailable::Closed => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "{down}; new streams are refused and live streams end after the {}s grace (on_state_unavailable = closed)\n",
                s.grace.as_secs_f32()
            ),
        ),
        OnStateUnavailable::Open => (
            StatusCode::OK,
            format!(
                "degraded: {down}; serving on this instance's own state (on_state_unavailable = open)\n"
            ),
        ),
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
