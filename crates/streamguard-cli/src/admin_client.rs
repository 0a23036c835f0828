//! `streamguard revoke`: a client of the admin API.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, bail};
use bytes::Bytes;
use clap::{ArgGroup, Args};
use http_body_util::{BodyExt, Full};
use serde_json::json;

#[derive(Args)]
#[command(group(ArgGroup::new("what").required(true).args(["jti", "sub"])))]
pub struct RevokeArgs {
    /// Admin API base URL of the server, e.g. http://127.0.0.1:9090
    #[arg(long, value_name = "URL")]
    admin: String,
    /// The admin bearer token (printed by `serve --dev`).
    #[arg(long, value_name = "TOKEN", env = "STREAMGUARD_ADMIN_TOKEN")]
    admin_token: String,
    /// Revoke one token by its `jti`.
    #[arg(long)]
    jti: Option<String>,
    /// Revoke every token of this subject issued so far.
    #[arg(long)]
    sub: Option<String>,
}

pub async fn revoke(args: RevokeArgs) -> anyhow::Result<ExitCode> {
    let body = match (&args.jti, &args.sub) {
        (Some(j), _) => json!({ "jti": j }),
        (_, Some(s)) => json!({ "sub": s }),
        _ => bail!("give --jti or --sub"),
    };
    let url = format!("{}/v1/revocations", args.admin.trim_end_matches('/'));
    let uri: http::Uri = url.parse().with_context(|| {
        format!(
            "--admin {:?} is not a URL like http://127.0.0.1:9090",
            args.admin
        )
    })?;
    if uri.scheme_str() != Some("http") {
        bail!(
            "--admin must be an http:// URL (the admin API listens on plain HTTP, keep it on loopback)"
        );
    }
    let request = http::Request::post(uri)
        .header(
            http::header::AUTHORIZATION,
            format!("Bearer {}", args.admin_token),
        )
        .header(http::header::CONTENT_TYPE, "application/json")
        .body(Full::new(Bytes::from(body.to_string())))?;
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build_http();
    let response = tokio::time::timeout(Duration::from_secs(10), client.request(request))
        .await
        .with_context(|| format!("{url} did not answer within 10 s"))?
        .with_context(|| format!("cannot reach the admin API at {url}"))?;
    let status = response.status();
    let text = response.into_body().collect().await?.to_bytes();
    let text = String::from_utf8_lossy(&text);
    if status.is_success() {
        println!("{}", text.trim());
        Ok(ExitCode::SUCCESS)
    } else {
        bail!("the admin API refused: HTTP {status}: {}", text.trim())
    }
}
