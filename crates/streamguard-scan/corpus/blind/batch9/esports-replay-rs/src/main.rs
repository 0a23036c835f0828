mod handlers;
mod infra;
mod model;
mod pb;

use std::sync::Arc;
use std::time::Duration;

use tonic::transport::Server;

use crate::handlers::feed::Feed;
use crate::handlers::matches::Matches;
use crate::infra::api_keys::KeyStore;
use crate::infra::bus::Bus;
use crate::infra::key_layer::ApiKeyLayer;
use crate::infra::limits::partner_limiter;
use crate::pb::commentary_client::CommentaryClient;
use crate::pb::match_feed_server::MatchFeedServer;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let pool = sqlx::PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
    let feed = Feed {
        bus: Arc::new(Bus::default()),
        matches: Matches { pool: pool.clone() },
        limiter: partner_limiter(50),
        commentary: CommentaryClient::connect(std::env::var("COMMENTARY_ADDR")?).await?,
    };
    let addr = std::env::var("MATCHFEED_LISTEN").unwrap_or_else(|_| "0.0.0.0:7600".into()).parse()?;
    Server::builder()
        .max_connection_age(Duration::from_secs(30 * 60))
        .layer(ApiKeyLayer { keys: KeyStore { pool } })
        .add_service(MatchFeedServer::new(feed))
        .serve(addr)
        .await?;
    Ok(())
}
