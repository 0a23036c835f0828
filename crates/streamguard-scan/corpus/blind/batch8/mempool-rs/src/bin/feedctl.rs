//! feedctl: print the pending-transaction feed for a set of addresses.
use clap::Parser;
use mempool_feed::pb::mempool_client::MempoolClient;
use mempool_feed::pb::SubscribeTxRequest;
use tonic::metadata::MetadataValue;

#[derive(Parser)]
struct Args {
    #[arg(long, env = "NODEFEED_ADDR", default_value = "http://127.0.0.1:9090")]
    addr: String,
    #[arg(long, env = "NODEFEED_KEY")]
    key: String,
    addresses: Vec<String>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let mut client = MempoolClient::connect(args.addr).await?;
    let mut req = tonic::Request::new(SubscribeTxRequest { to_addresses: args.addresses });
    req.metadata_mut().insert("x-api-key", MetadataValue::try_from(args.key.as_str())?);
    let mut stream = client.subscribe_transactions(req).await?.into_inner();
    while let Some(tx) = stream.message().await? {
        println!("{}\t{} -> {}\t{} wei", tx.hash, tx.from, tx.to, tx.value_wei);
    }
    Ok(())
}
