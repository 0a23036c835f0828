use std::time::Duration;

use clap::Parser;
use mempool_feed::auth::ApiKeyAuth;
use mempool_feed::feed::Feed;
use mempool_feed::keys::KeyStore;
use mempool_feed::node_rpc::NodeRpc;
use mempool_feed::pb::mempool_server::MempoolServer;
use mempool_feed::relay::Relay;
use mempool_feed::service::MempoolService;
use tonic::transport::Server;

#[derive(Parser)]
struct Args {
    #[arg(long, env = "NODEFEED_LISTEN", default_value = "0.0.0.0:9090")]
    listen: std::net::SocketAddr,
    #[arg(long, env = "NODEFEED_KEYS", default_value = "/etc/nodefeed/keys.json")]
    keys: String,
    #[arg(long, env = "NODE_RPC_URL")]
    node_rpc: String,
    #[arg(long, env = "RELAY_URL", default_value = "https://relay.flashbots.net")]
    relay: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let args = Args::parse();
    let keys = KeyStore::load(&args.keys)?;
    {
        let keys = keys.clone();
        let path = args.keys.clone();
        tokio::spawn(async move {
            let mut hup = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()).expect("SIGHUP handler");
            while hup.recv().await.is_some() {
                if let Err(e) = keys.reload(&path) {
                    tracing::error!("reloading keys: {e}");
                }
            }
        });
    }
    let feed = Feed::new();
    // The node watchers (in the `watcher` crate) publish into `feed`.
    let svc = MempoolService { feed, node: NodeRpc::new(args.node_rpc), relay: Relay::new(args.relay) };
    Server::builder()
        .timeout(Duration::from_secs(30))
        .tcp_keepalive(Some(Duration::from_secs(30)))
        .http2_keepalive_interval(Some(Duration::from_secs(20)))
        .add_service(MempoolServer::with_interceptor(svc, ApiKeyAuth { keys }))
        .serve(args.listen)
        .await?;
    Ok(())
}
