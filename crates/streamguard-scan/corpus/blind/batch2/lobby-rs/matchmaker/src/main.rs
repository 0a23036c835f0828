use std::time::Duration;

use tonic::transport::Server;

mod pb;
mod queue;
mod session;

use pb::matchmaker_server::MatchmakerServer;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let addr = std::env::var("MM_ADDR").unwrap_or_else(|_| "0.0.0.0:7000".into()).parse()?;
    let svc = session::Arena::new(queue::Pools::default());
    Server::builder()
        .http2_keepalive_interval(Some(Duration::from_secs(10)))
        .http2_keepalive_timeout(Some(Duration::from_secs(3)))
        .tcp_keepalive(Some(Duration::from_secs(60)))
        .add_service(MatchmakerServer::new(svc))
        .serve(addr)
        .await?;
    Ok(())
}
