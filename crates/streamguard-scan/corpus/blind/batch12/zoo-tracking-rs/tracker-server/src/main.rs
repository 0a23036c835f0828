mod auth;
mod deadline;
mod service;

pub mod pb {
    tonic::include_proto!("zoo.tracking.v1");
}
pub mod vet {
    tonic::include_proto!("vet.records.v1");
}

use std::time::Duration;

use tonic::transport::{Endpoint, Server};

use crate::pb::tracking_server::TrackingServer;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pem = std::fs::read(std::env::var("ZOO_JWT_PEM")?)?;
    let db = sqlx::PgPool::connect(&std::env::var("ZOO_PG")?).await?;
    let vet_channel = Endpoint::from_shared(std::env::var("ZOO_VET_ADDR")?)?
        .connect_timeout(Duration::from_secs(3))
        .connect_lazy();
    let svc = service::TrackingService { db, vet: vet::vet_records_client::VetRecordsClient::new(vet_channel) };

    Server::builder()
        .timeout(Duration::from_secs(30))
        .http2_keepalive_interval(Some(Duration::from_secs(20)))
        .add_service(TrackingServer::with_interceptor(svc, auth::JwtInterceptor::from_pem(&pem)))
        .serve("0.0.0.0:50700".parse()?)
        .await?;
    Ok(())
}
