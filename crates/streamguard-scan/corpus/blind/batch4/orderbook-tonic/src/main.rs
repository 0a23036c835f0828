mod auth;
mod book;
mod config;
mod pb;
mod risk;
mod service;

use std::sync::Arc;

use tonic::transport::Server;
use tracing::info;

use crate::auth::Authenticator;
use crate::pb::order_book_server::OrderBookServer;
use crate::service::OrderBookService;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let cfg = config::Config::from_env()?;
    let auth = Authenticator::new(&cfg.jwt_secret);
    let svc = OrderBookService { books: Arc::new(book::Books::new()), risk: risk::Risk::lazy(&cfg.risk_url, cfg.risk_timeout)? };

    info!(addr = %cfg.listen, "orderbook listening");
    Server::builder()
        .timeout(cfg.handler_timeout)
        .http2_keepalive_interval(Some(std::time::Duration::from_secs(20)))
        .add_service(OrderBookServer::with_interceptor(svc, move |req| auth.intercept(req)))
        .serve(cfg.listen)
        .await?;
    Ok(())
}
