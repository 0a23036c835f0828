//! homectl: watch devices or switch one from the command line.

mod pb {
    tonic::include_proto!("home.v1");
}

use pb::home_client::HomeClient;
use pb::{ControlCommand, WatchRequest};
use tonic::metadata::MetadataValue;
use tonic::Request;

fn authed<T>(msg: T, token: &str) -> anyhow::Result<Request<T>> {
    let mut r = Request::new(msg);
    r.metadata_mut().insert("authorization", MetadataValue::try_from(format!("Bearer {token}"))?);
    Ok(r)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let token = std::env::var("HOME_TOKEN")?;
    let mut client = HomeClient::connect(std::env::var("HUB_ADDR").unwrap_or_else(|_| "http://hub.local:8443".into())).await?;
    match args.get(1).map(String::as_str) {
        Some("watch") => {
            let mut s = client.watch_devices(authed(WatchRequest { rooms: args[2..].to_vec() }, &token)?).await?.into_inner();
            while let Some(ev) = s.message().await? {
                println!("{}\t{}\t{}={}", ev.room, ev.device_id, ev.attribute, ev.value);
            }
        }
        Some("set") if args.len() == 5 => {
            let cmd = ControlCommand { command_id: "cli-1".into(), device_id: args[2].clone(), attribute: args[3].clone(), value: args[4].clone() };
            let mut req = authed(tokio_stream_once(cmd), &token)?;
            req.set_timeout(std::time::Duration::from_secs(10));
            let mut s = client.control_session(req).await?.into_inner();
            if let Some(r) = s.message().await? {
                println!("{}: {} {}", r.command_id, r.status, r.message);
            }
        }
        _ => eprintln!("usage: homectl watch [room...] | homectl set <device> <attribute> <value>"),
    }
    Ok(())
}

fn tokio_stream_once<T: Send + 'static>(item: T) -> impl tonic::codegen::tokio_stream::Stream<Item = T> + Send {
    tonic::codegen::tokio_stream::iter(vec![item])
}
