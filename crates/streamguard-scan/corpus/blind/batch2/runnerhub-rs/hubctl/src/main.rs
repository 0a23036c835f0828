use clap::Parser;
use tonic::{metadata::MetadataValue, Request};

pub mod pb {
    tonic::include_proto!("runnerhub.v1");
}

#[derive(Parser)]
struct Args {
    #[arg(long, default_value = "http://localhost:7800")]
    hub: String,
    #[arg(long, env = "HUB_TOKEN")]
    token: String,
    job_id: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let mut client = pb::hub_client::HubClient::connect(args.hub).await?;
    let mut req = Request::new(pb::StreamLogsRequest { job_id: args.job_id });
    let bearer: MetadataValue<_> = format!("Bearer {}", args.token).parse()?;
    req.metadata_mut().insert("authorization", bearer);
    let mut stream = client.stream_logs(req).await?.into_inner();
    while let Some(line) = stream.message().await? {
        println!("{:>6} {}", line.n, line.text);
    }
    Ok(())
}
