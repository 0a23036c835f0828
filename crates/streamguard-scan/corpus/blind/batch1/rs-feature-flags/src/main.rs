mod auth;
mod flags;
mod gen;
mod store;

use std::time::Duration;

use tonic::transport::Server;

use crate::auth::{AuthLayer, Verifier};
use crate::flags::FlagService;
use crate::gen::flags_v1::flags_server::FlagsServer;
use crate::store::FlagStore;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secret = std::env::var("FLAGS_JWT_SECRET")?;
    let store = FlagStore::default();

    Server::builder()
        .http2_keepalive_interval(Some(Duration::from_secs(20)))
        .http2_keepalive_timeout(Some(Duration::from_secs(5)))
        .tcp_keepalive(Some(Duration::from_secs(60)))
        .layer(AuthLayer::new(Verifier::new(secret.as_bytes())))
        .add_service(FlagsServer::new(FlagService::new(store)))
        .serve_with_shutdown("0.0.0.0:9000".parse()?, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
