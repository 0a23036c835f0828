//! gs-archiver: engineers replay archived passes. Reachable only from the
//! engineering VPN; no operator authentication.

use std::net::SocketAddr;

use gs_proto::v1::archive_server::ArchiveServer;
use tonic::transport::Server;

mod archive;
mod store;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let store = store::SegmentStore::new(
        std::env::var("ARCHIVE_BUCKET").unwrap_or_else(|_| "http://objects.gs.internal:9000/frames".into()),
    )?;
    let addr: SocketAddr = std::env::var("ARCHIVER_LISTEN").unwrap_or_else(|_| "10.40.0.8:7010".into()).parse()?;
    Server::builder()
        .add_service(ArchiveServer::new(archive::ArchiveService { store }))
        .serve(addr)
        .await?;
    Ok(())
}
