//! lockctl: tail door events or dump a door's audit trail (security team tool).
use clap::{Parser, Subcommand};
use locks_proto::v1::door_locks_client::DoorLocksClient;
use locks_proto::v1::{ExportAuditRequest, WatchDoorEventsRequest};
use tonic::metadata::MetadataValue;
use tonic::Request;

#[derive(Parser)]
struct Cli {
    #[arg(long, default_value = "http://localhost:50800")]
    addr: String,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    Tail { floors: Vec<u32> },
    Audit { door: String, from_ms: i64, to_ms: i64 },
}

fn authed<T>(msg: T) -> Request<T> {
    let mut req = Request::new(msg);
    let token = std::env::var("LOCKD_TOKEN").expect("LOCKD_TOKEN");
    req.metadata_mut().insert("authorization", MetadataValue::try_from(format!("Bearer {token}")).unwrap());
    req
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cli = Cli::parse();
    let mut client = DoorLocksClient::connect(cli.addr).await?;
    match cli.cmd {
        Cmd::Tail { floors } => {
            let mut s = client.watch_door_events(authed(WatchDoorEventsRequest { floors })).await?.into_inner();
            while let Some(ev) = s.message().await? {
                println!("{} floor {} {} {}", ev.unix_ms, ev.floor, ev.door_id, ev.kind);
            }
        }
        Cmd::Audit { door, from_ms, to_ms } => {
            let mut req = authed(ExportAuditRequest { door_id: door, from_unix_ms: from_ms, to_unix_ms: to_ms });
            req.set_timeout(std::time::Duration::from_secs(60));
            let mut s = client.export_audit(req).await?.into_inner();
            while let Some(ev) = s.message().await? {
                println!("{}\t{}\t{}", ev.unix_ms, ev.kind, ev.keycard);
            }
        }
    }
    Ok(())
}
