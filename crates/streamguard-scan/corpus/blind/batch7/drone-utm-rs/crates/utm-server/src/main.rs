mod auth;
mod deadline;
mod revocation;
mod service;
mod tracker;

use std::time::Duration;

use anyhow::Context;
use sqlx::postgres::PgPoolOptions;
use tonic::transport::{Channel, Server};
use tracing_subscriber::EnvFilter;

use utm_proto::clearance::clearances_client::ClearancesClient;
use utm_proto::notam::notams_client::NotamsClient;
use utm_proto::utm::utm_server::UtmServer;

use crate::auth::Authenticator;
use crate::revocation::RevocationFeed;
use crate::service::UtmService;
use crate::tracker::Tracker;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter(EnvFilter::from_default_env()).init();

    let pem = std::fs::read(std::env::var("UTM_JWT_KEY").unwrap_or_else(|_| "/etc/utm/jwt.pem".into()))
        .context("reading the JWT verification key")?;
    let authn = Authenticator::from_pem(&pem, "utm")?;

    let db = PgPoolOptions::new()
        .max_connections(16)
        .connect(&std::env::var("DATABASE_URL").context("DATABASE_URL")?)
        .await?;
    let notams = NotamsClient::new(Channel::from_shared(std::env::var("NOTAM_ADDR")?)?.connect_lazy());
    let clearances = ClearancesClient::new(Channel::from_shared(std::env::var("CLEARANCE_ADDR")?)?.connect_lazy());

    let revocations = RevocationFeed::new();
    tokio::spawn(revocations.clone().follow(std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into())));

    let svc = UtmService { db, notams, clearances, tracker: Tracker::new(), revocations };
    let addr = "[::]:50070".parse()?;
    tracing::info!(%addr, "utm-server listening");

    Server::builder()
        .timeout(Duration::from_secs(30))
        .http2_keepalive_interval(Some(Duration::from_secs(20)))
        .http2_keepalive_timeout(Some(Duration::from_secs(10)))
        .add_service(UtmServer::with_interceptor(svc, move |req| authn.intercept(req)))
        .serve_with_shutdown(addr, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
