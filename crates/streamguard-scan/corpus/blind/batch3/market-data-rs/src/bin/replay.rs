use std::path::PathBuf;

use market_data::gen::replay_server::ReplayServer;
use market_data::replay::ReplayService;
use tonic::transport::Server;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let archive = PathBuf::from(std::env::var("REPLAY_ARCHIVE").unwrap_or_else(|_| "/srv/archive/trades".into()));
    let addr = std::env::var("REPLAY_LISTEN").unwrap_or_else(|_| "127.0.0.1:9150".into()).parse()?;
    Server::builder().add_service(ReplayServer::new(ReplayService { archive })).serve(addr).await?;
    Ok(())
}
