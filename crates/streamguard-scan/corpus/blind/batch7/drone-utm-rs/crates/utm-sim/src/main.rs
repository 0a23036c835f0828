//! utm-sim: flies N simulated drones on circles and reports their telemetry.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use clap::Parser;
use tokio_stream::StreamExt;
use tonic::metadata::MetadataValue;
use tonic::Request;
use utm_proto::utm::{utm_client::UtmClient, TelemetryReport};

#[derive(Parser)]
struct Args {
    #[arg(long, default_value = "http://127.0.0.1:50070")]
    addr: String,
    #[arg(long, default_value_t = 4)]
    drones: usize,
    #[arg(long, default_value_t = 120)]
    seconds: u64,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let tokens: Vec<String> = std::env::var("SIM_TOKENS")?.split(',').map(str::to_owned).collect();
    let mut tasks = Vec::new();
    for i in 0..args.drones {
        let addr = args.addr.clone();
        let token = tokens[i % tokens.len()].clone();
        let seconds = args.seconds;
        tasks.push(tokio::spawn(async move {
            let mut client = UtmClient::connect(addr).await?;
            let ticks = tokio_stream::wrappers::IntervalStream::new(tokio::time::interval(Duration::from_millis(500)))
                .take((seconds * 2) as usize)
                .enumerate()
                .map(move |(n, _)| {
                    let t = n as f64 / 20.0 + i as f64;
                    TelemetryReport {
                        lat: 52.37 + 0.002 * t.cos(),
                        lon: 4.89 + 0.003 * t.sin(),
                        alt_m: 60.0,
                        speed_mps: 8.0,
                        heading_deg: ((t.to_degrees()) % 360.0) as f32,
                        unix_ms: SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis() as i64,
                    }
                });
            let mut req = Request::new(ticks);
            req.metadata_mut().insert("authorization", MetadataValue::try_from(format!("Bearer {token}"))?);
            let summary = client.flight_telemetry(req).await?.into_inner();
            println!("drone {i}: {} reports, {} dropped", summary.reports, summary.dropped);
            anyhow::Ok(())
        }));
    }
    for t in tasks {
        t.await??;
    }
    Ok(())
}
