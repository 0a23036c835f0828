//! obsctl: follow transient alerts from the terminal.
//!
//!   OBS_TOKEN=... obsctl alerts [--max-mag 19.5]
pub mod pb {
    tonic::include_proto!("telescope.v1");
}

use pb::telescope_client::TelescopeClient;
use pb::WatchAlertsRequest;
use tonic::metadata::MetadataValue;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let max_mag = args.iter().position(|a| a == "--max-mag").and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(0.0);
    let mut client = TelescopeClient::connect(std::env::var("OBS_ADDR").unwrap_or_else(|_| "http://127.0.0.1:7600".into())).await?;
    let mut req = tonic::Request::new(WatchAlertsRequest { brokers: vec![], min_magnitude: max_mag });
    req.metadata_mut().insert("authorization", MetadataValue::try_from(format!("Bearer {}", std::env::var("OBS_TOKEN")?))?);
    let mut stream = client.watch_alerts(req).await?.into_inner();
    while let Some(a) = stream.message().await? {
        println!("{}\t{}\tra={:.5} dec={:.5} mag={:.2}", a.id, a.broker, a.ra_deg, a.dec_deg, a.magnitude);
    }
    Ok(())
}
