mod service;
mod store;

use anyhow::Context;
use buildlogs_common::keys::KeyStore;
use buildlogs_common::pb::log_index_client::LogIndexClient;
use buildlogs_common::pb::logs_server::LogsServer;
use tonic::transport::{Endpoint, Server};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let keys = KeyStore::load(std::env::var("LOGD_KEYS").unwrap_or_else(|_| "/etc/logd/keys".into()))?;
    let index = Endpoint::from_shared(std::env::var("LOGD_INDEX").unwrap_or_else(|_| "http://log-index:9000".into()))?
        .connect_lazy();
    let svc = service::LogService {
        keys,
        bucket: store::LogBucket::new(std::env::var("LOGD_BUCKET").context("LOGD_BUCKET: base URL of the log bucket")?),
        index: LogIndexClient::new(index),
    };
    Server::builder()
        .tcp_keepalive(Some(std::time::Duration::from_secs(60)))
        .add_service(LogsServer::new(svc))
        .serve("[::]:9400".parse()?)
        .await?;
    Ok(())
}
