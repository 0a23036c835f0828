mod claims;
mod limits;
mod service;
mod session;

pub mod pb {
    tonic::include_proto!("telescope.v1");
}

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use futures::StreamExt;
use tokio::sync::{broadcast, watch};
use tonic::transport::{Endpoint, Server};

use crate::claims::JwtInterceptor;
use crate::pb::camera_client::CameraClient;
use crate::pb::telescope_server::TelescopeServer;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let secret = std::env::var("OBSERVATORY_JWT_SECRET")?;

    // Revocations are pushed by the proposal office on a Redis channel.
    let (revoked_tx, revoked_rx) = watch::channel(HashSet::<String>::new());
    let client = redis::Client::open(std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()))?;
    let mut pubsub = client.get_async_pubsub().await?;
    pubsub.subscribe("observatory:revocations").await?;
    tokio::spawn(async move {
        let mut msgs = pubsub.on_message();
        while let Some(msg) = msgs.next().await {
            if let Ok(key) = msg.get_payload::<String>() {
                revoked_tx.send_modify(|set| {
                    set.insert(key);
                });
            }
        }
    });

    let mut cameras = HashMap::new();
    for (id, addr) in [("t1", "http://t1-ctl.dome:7700"), ("t2", "http://t2-ctl.dome:7700")] {
        cameras.insert(id.to_owned(), CameraClient::new(Endpoint::from_static(addr).connect_lazy()));
    }
    let (alerts, _) = broadcast::channel(1024);
    let svc = service::TelescopeService {
        cameras,
        revoked: revoked_rx,
        alerts,
        limiter: limits::ObserverLimiter::per_minute(60),
        limits: session::Limits { max_lifetime: Duration::from_secs(2 * 3600), idle: Duration::from_secs(10 * 60) },
    };
    Server::builder()
        .add_service(TelescopeServer::with_interceptor(svc, JwtInterceptor::new(secret.as_bytes())))
        .serve("0.0.0.0:7600".parse()?)
        .await?;
    Ok(())
}
