mod auth;
mod service;
mod session;

pub mod pb {
    tonic::include_proto!("observatory.dome.v1");
}

use std::collections::HashSet;
use std::num::NonZeroU32;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use governor::{Quota, RateLimiter};
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tonic::transport::Server;

use crate::pb::dome_drive_client::DomeDriveClient;
use crate::pb::dome_server::DomeServer;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let check = auth::TokenCheck::new(&std::fs::read(std::env::var("DOMED_JWT_KEY")?)?)?;

    // Revocations are published on Redis `sso:revoked`; fan them out to live sessions.
    let (rev_tx, _) = broadcast::channel::<String>(256);
    let revoked: Arc<RwLock<HashSet<String>>> = Arc::default();
    {
        let client = redis::Client::open(std::env::var("REDIS_URL")?)?;
        let mut pubsub = client.get_async_pubsub().await?;
        pubsub.subscribe("sso:revoked").await?;
        let (tx, set) = (rev_tx.clone(), revoked.clone());
        tokio::spawn(async move {
            let mut msgs = pubsub.into_on_message();
            while let Some(m) = msgs.next().await {
                if let Ok(key) = m.get_payload::<String>() {
                    set.write().unwrap().insert(key.clone());
                    let _ = tx.send(key);
                }
            }
        });
    }
    let set = revoked.clone();

    let svc = service::DomeService {
        drive: DomeDriveClient::connect(std::env::var("DOME_DRIVE")?).await?,
        pool: sqlx::PgPool::connect(&std::env::var("DATABASE_URL")?).await?,
        revocations: rev_tx,
        revoked: Arc::new(move |c: &auth::ObserverClaims| {
            let s = set.read().unwrap();
            s.contains(&format!("jti:{}", c.jti)) || s.contains(&format!("sub:{}", c.sub))
        }),
        limiter: Arc::new(RateLimiter::keyed(Quota::per_minute(NonZeroU32::new(60).unwrap()))),
        limits: session::Limits { max_lifetime: Duration::from_secs(40 * 60), idle: Duration::from_secs(10 * 60) },
    };

    Server::builder()
        .max_connection_age(Duration::from_secs(60 * 60))
        .add_service(DomeServer::with_interceptor(svc, move |req| check.check(req)))
        .serve("0.0.0.0:7950".parse()?)
        .await?;
    Ok(())
}
