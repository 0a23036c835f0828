mod service;
mod tiles;
mod warnings;

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use radar_common::archive::archive_client::ArchiveClient;
use radar_common::auth::JwtCheck;
use radar_common::pb::radar_server::RadarServer;
use tokio::sync::{broadcast, watch};
use tonic::transport::{Endpoint, Server};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let pem = std::fs::read(std::env::var("RADAR_JWT_PUBKEY").unwrap_or_else(|_| "/etc/radar/jwt.pem".into()))
        .context("reading RADAR_JWT_PUBKEY")?;
    let jwt = JwtCheck::from_ec_pem(&pem, "radar").context("parsing RADAR_JWT_PUBKEY")?;

    let store = object_store::aws::AmazonS3Builder::from_env().with_bucket_name("radar-products").build()?;
    let archive = ArchiveClient::new(
        Endpoint::from_shared(std::env::var("ARCHIVE_URL").unwrap_or_else(|_| "http://archive:7600".into()))?.connect_lazy(),
    );
    let (warn_tx, _) = broadcast::channel(256);
    let (revoke_tx, revoke_rx) = watch::channel(None);
    tokio::spawn(revocation_listener(revoke_tx));

    let svc = service::RadarService {
        tiles: tiles::TileBucket::new(Arc::new(store)),
        archive,
        warnings: warnings::WarningHub { tx: warn_tx, revoked: revoke_rx },
    };
    let addr = std::env::var("RADAR_ADDR").unwrap_or_else(|_| "0.0.0.0:50300".into()).parse()?;
    tracing::info!(%addr, "radar server");
    Server::builder()
        .timeout(Duration::from_secs(30))
        .tcp_keepalive(Some(Duration::from_secs(60)))
        .add_service(RadarServer::with_interceptor(svc, move |req| jwt.intercept(req)))
        .serve(addr)
        .await?;
    Ok(())
}

/// Localhost-only feed from the identity sync agent: one revoked jti or subject per line.
async fn revocation_listener(tx: watch::Sender<Option<String>>) {
    use tokio::io::{AsyncBufReadExt, BufReader};
    let Ok(listener) = tokio::net::TcpListener::bind("127.0.0.1:50399").await else {
        tracing::error!("cannot bind revocation listener on 127.0.0.1:50399");
        return;
    };
    while let Ok((sock, _)) = listener.accept().await {
        let mut lines = BufReader::new(sock).lines();
        while let Ok(Some(line)) = lines.next_line().await {
            let key = line.trim();
            if !key.is_empty() {
                tx.send_replace(Some(key.to_owned()));
            }
        }
    }
}
