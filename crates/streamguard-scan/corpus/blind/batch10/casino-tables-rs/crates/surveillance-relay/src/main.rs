mod relay;
mod spool;

use std::path::PathBuf;
use std::sync::Arc;

use casino_proto::surveillance::relay_server::RelayServer;
use tonic::transport::Server;

use crate::relay::RelayService;
use crate::spool::Spool;

// Runs on the camera VLAN; cameras are not authenticated (network ACLs only).
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();
    let svc = RelayService {
        spool: Spool { dir: PathBuf::from(std::env::var("NVR_SPOOL").unwrap_or_else(|_| "/var/spool/nvr".into())) },
        windows: Arc::default(),
    };
    Server::builder()
        .add_service(RelayServer::new(svc))
        .serve("0.0.0.0:50710".parse()?)
        .await?;
    Ok(())
}
