use std::{net::SocketAddr, sync::Arc, time::Duration};

use relay_proto::ticks_server::TicksServer;
use tokio::sync::broadcast;
use tonic::transport::Server;

mod auth;
mod service;
mod venue;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter("info").init();

    let addr: SocketAddr = std::env::var("RELAY_ADDR")
        .unwrap_or_else(|_| "0.0.0.0:7500".into())
        .parse()?;
    let keys = Arc::new(auth::Keys::from_env()?);

    let (tick_tx, _) = broadcast::channel(16_384);
    tokio::spawn(service::pump_feed(
        std::env::var("FEED_ADDR").unwrap_or_else(|_| "udp://239.1.1.1:5000".into()),
        tick_tx.clone(),
    ));

    let venue = venue::VenueClient::connect(
        std::env::var("VENUE_ADDR").unwrap_or_else(|_| "http://venue-gw:9000".into()),
    )
    .await?;

    let relay = service::Relay::new(tick_tx, venue);
    let keys_for_interceptor = keys.clone();

    tracing::info!(%addr, "tick relay listening");
    Server::builder()
        .http2_keepalive_interval(Some(Duration::from_secs(20)))
        .http2_keepalive_timeout(Some(Duration::from_secs(5)))
        .tcp_nodelay(true)
        .timeout(Duration::from_secs(30))
        .add_service(TicksServer::with_interceptor(relay, move |req| {
            auth::check(&keys_for_interceptor, req)
        }))
        .serve(addr)
        .await?;
    Ok(())
}
