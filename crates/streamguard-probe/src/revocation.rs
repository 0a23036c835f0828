//! The revocation hook: how the auditor revokes a token on the target mid-stream.

use std::time::Duration;

use http_body_util::{BodyExt as _, Full};
use hyper_util::{client::legacy::Client, rt::TokioExecutor};

use crate::{
    config::{RevocationConfig, RevokeBy},
    credentials::{Identity, run_shell, shell_quote},
};

/// Revokes `id` as the config says; `Ok` with what was revoked (`jti …` / `sub …`). A command
/// runs in `dir`, the config file's directory.
pub(crate) async fn revoke(
    config: &RevocationConfig,
    id: &Identity,
    dir: Option<&std::path::Path>,
) -> Result<String, String> {
    let what = match config.by {
        RevokeBy::Jti => format!("jti {}", id.jti),
        RevokeBy::Sub => format!("sub {}", id.sub),
    };
    if let Some(cmd) = &config.command {
        let cmd = cmd
            .replace("{jti}", &shell_quote(&id.jti))
            .replace("{sub}", &shell_quote(&id.sub));
        run_shell(&cmd, dir).await?;
        return Ok(what);
    }
    let Some(hook) = &config.http else {
        return Err("no revocation hook configured".into());
    };
    let fill = |s: &str| s.replace("{jti}", &id.jti).replace("{sub}", &id.sub);
    let body = match (&hook.body, config.by) {
        (Some(b), _) => fill(b),
        (None, RevokeBy::Jti) => serde_json::json!({ "jti": id.jti }).to_string(),
        (None, RevokeBy::Sub) => serde_json::json!({ "sub": id.sub }).to_string(),
    };
    let mut req = http::Request::builder()
        .method(hook.method.as_str())
        .uri(fill(&hook.url));
    let mut has_content_type = false;
    for (k, v) in &hook.headers {
        has_content_type |= k.eq_ignore_ascii_case("content-type");
        req = req.header(k.as_str(), fill(v));
    }
    if !has_content_type {
        req = req.header("content-type", "application/json");
    }
    let req = req
        .body(Full::new(bytes::Bytes::from(body)))
        .map_err(|e| format!("revocation.http: cannot build the request: {e}"))?;
    let client: Client<_, Full<bytes::Bytes>> = Client::builder(TokioExecutor::new()).build_http();
    let resp = tokio::time::timeout(Duration::from_secs(10), client.request(req))
        .await
        .map_err(|_| format!("revocation hook {} did not answer within 10 s", hook.url))?
        .map_err(|e| format!("revocation hook {}: {}", hook.url, crate::grpc::chain(&e)))?;
    let status = resp.status();
    if !status.is_success() {
        let body = resp
            .into_body()
            .collect()
            .await
            .map(|b| b.to_bytes())
            .unwrap_or_default();
        return Err(format!(
            "revocation hook {} answered {status}: {}",
            hook.url,
            String::from_utf8_lossy(&body)
                .chars()
                .take(200)
                .collect::<String>()
        ));
    }
    Ok(what)
}
