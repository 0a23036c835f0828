mod admin;

pub mod pb {
    tonic::include_proto!("telemetry.v1");
}

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use tokio_stream::StreamExt;
use tonic::metadata::MetadataValue;
use tonic::transport::Server;

use pb::collector_client::CollectorClient;
use pb::replay_admin_server::ReplayAdminServer;
use pb::Reading;

#[derive(Parser)]
struct Args {
    #[arg(long)]
    file: String,
    #[arg(long, default_value = "http://127.0.0.1:50051")]
    collector: String,
    #[arg(long, env = "REPLAY_TOKEN")]
    token: String,
    #[arg(long, default_value = "127.0.0.1:50061")]
    admin: String,
    #[arg(long, default_value_t = 100)]
    rate: u64,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let shared = Arc::new(admin::Shared { file: args.file.clone(), ..Default::default() });

    let admin_addr = args.admin.parse()?;
    let admin_svc = ReplayAdminServer::new(admin::Admin(shared.clone()));
    tokio::spawn(Server::builder().add_service(admin_svc).serve(admin_addr));

    let mut rdr = csv::Reader::from_path(&args.file)?;
    let rows: Vec<Reading> = rdr
        .records()
        .filter_map(Result::ok)
        .map(|r| Reading {
            device_id: r[0].to_string(),
            metric: r[1].to_string(),
            value: r[2].parse().unwrap_or_default(),
            ts_ms: r[3].parse().unwrap_or_default(),
        })
        .collect();

    let period = Duration::from_micros(1_000_000 / args.rate.max(1));
    let counter = shared.clone();
    let outbound = tokio_stream::iter(rows)
        .throttle(period)
        .filter(move |_| !counter.paused.load(Ordering::Relaxed))
        .map({
            let shared = shared.clone();
            move |r| {
                shared.sent.fetch_add(1, Ordering::Relaxed);
                r
            }
        });

    let mut client = CollectorClient::connect(args.collector).await?;
    let mut req = tonic::Request::new(outbound);
    req.metadata_mut().insert("authorization", MetadataValue::try_from(format!("Bearer {}", args.token))?);
    let summary = client.ingest(req).await?.into_inner();
    println!("accepted={} rejected={}", summary.accepted, summary.rejected);
    Ok(())
}
