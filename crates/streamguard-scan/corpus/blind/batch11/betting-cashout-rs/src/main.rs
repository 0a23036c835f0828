mod desk_limit;
mod service;
mod session;

pub mod pb {
    tonic::include_proto!("betting.cashout.v1");
}

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use jsonwebtoken::DecodingKey;
use pb::cashout_server::CashoutServer;
use pb::pricing_client::PricingClient;
use pb::wallet_client::WalletClient;
use sqlx::postgres::PgPoolOptions;
use tokio::sync::broadcast;
use tonic::transport::Server;

async fn revocation_feed(redis_url: String, tx: broadcast::Sender<String>) -> redis::RedisResult<()> {
    let client = redis::Client::open(redis_url)?;
    let mut pubsub = client.get_async_pubsub().await?;
    pubsub.subscribe("cashout:revocations").await?;
    let mut msgs = pubsub.on_message();
    while let Some(m) = msgs.next().await {
        if let Ok(key) = m.get_payload::<String>() {
            let _ = tx.send(key);
        }
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();
    let pem = std::fs::read(std::env::var("CASHOUT_JWT_KEY")?)?;
    let (rev_tx, _) = broadcast::channel(256);
    tokio::spawn(revocation_feed(std::env::var("REDIS_URL")?, rev_tx.clone()));

    let svc = service::CashoutService {
        sessions: session::SessionConfig {
            key: DecodingKey::from_ec_pem(&pem)?,
            audience: "cashout".into(),
            max_lifetime: Duration::from_secs(15 * 60),
            idle: Duration::from_secs(120),
            revocations: rev_tx,
        },
        db: PgPoolOptions::new().max_connections(20).connect(&std::env::var("DATABASE_URL")?).await?,
        pricing: PricingClient::connect(std::env::var("PRICING_URL")?).await?,
        wallet: WalletClient::connect(std::env::var("WALLET_URL")?).await?,
        throttle: Arc::new(desk_limit::AcceptThrottle::new(5, Duration::from_secs(10))),
    };
    Server::builder()
        .add_service(CashoutServer::new(svc))
        .serve("0.0.0.0:51000".parse()?)
        .await?;
    Ok(())
}
