use std::time::Duration;

use clap::Parser;
use market_data::feed::{auth::KeyStore, book::Books, limits, quota::AddrQuota, service::MarketDataService};
use market_data::gen::market_data_server::MarketDataServer;
use market_data::gen::risk_client::RiskClient;
use tonic::transport::{Endpoint, Server};

#[derive(Parser)]
struct Opts {
    #[arg(long, default_value = "0.0.0.0:9100")]
    listen: String,
    #[arg(long, default_value = "/etc/feedd/keys.json")]
    keys: String,
    #[arg(long, default_value = "http://risk.internal:9200")]
    risk: String,
    #[arg(long, default_value_t = 200)]
    book_updates_per_sec: u32,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let opts = Opts::parse();
    let keys = KeyStore::load(&opts.keys)?;
    let risk = RiskClient::new(Endpoint::from_shared(opts.risk)?.connect_lazy());

    let svc = MarketDataService {
        books: Books::new(),
        keys: keys.clone(),
        quota: AddrQuota::new(opts.book_updates_per_sec),
        owners: limits::orders_per_owner(20),
        risk,
    };

    let interceptor_keys = keys.clone();
    Server::builder()
        .tcp_nodelay(true)
        .http2_keepalive_interval(Some(Duration::from_secs(15)))
        .add_service(MarketDataServer::with_interceptor(svc, move |r| interceptor_keys.intercept(r)))
        .serve(opts.listen.parse()?)
        .await?;
    Ok(())
}
