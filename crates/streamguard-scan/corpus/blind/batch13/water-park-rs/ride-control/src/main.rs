mod auth;
mod deadline;
mod plc;
mod rides;

pub mod pb {
    tonic::include_proto!("waterpark.v1");
}
pub mod ticketing_pb {
    tonic::include_proto!("ticketing.v1");
}

use std::time::Duration;

use tonic::transport::{Endpoint, Server};

use crate::pb::rides_server::RidesServer;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pem = std::fs::read(std::env::var("STAFF_JWT_PUBKEY")?)?;
    let interceptor = auth::JwtInterceptor::from_pem(&pem);

    let db = sqlx::PgPool::connect(&std::env::var("RIDES_DSN")?).await?;
    let ticketing_channel = Endpoint::from_shared(std::env::var("TICKETING_URL")?)?
        .timeout(Duration::from_secs(10))
        .connect_lazy();

    let svc = rides::RideService {
        db,
        plc: plc::PlcClient::new(std::env::var("PLC_BRIDGE")?),
        ticketing: ticketing_pb::ticketing_client::TicketingClient::new(ticketing_channel),
    };

    Server::builder()
        .timeout(Duration::from_secs(30))
        .http2_keepalive_interval(Some(Duration::from_secs(20)))
        .add_service(RidesServer::with_interceptor(svc, interceptor))
        .serve("0.0.0.0:50090".parse()?)
        .await?;
    Ok(())
}
