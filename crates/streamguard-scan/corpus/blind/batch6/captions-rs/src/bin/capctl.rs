//! capctl: print live captions of a channel, or export a transcript as SRT.

use captions::pb::captioning_client::CaptioningClient;
use captions::pb::{ExportRequest, WatchChannelRequest};
use tonic::metadata::MetadataValue;
use tonic::Request;

fn srt_time(ms: i64) -> String {
    format!("{:02}:{:02}:{:02},{:03}", ms / 3_600_000, (ms / 60_000) % 60, (ms / 1000) % 60, ms % 1000)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let key: MetadataValue<_> = std::env::var("CAPTIONS_KEY")?.parse()?;
    let mut client = CaptioningClient::connect(std::env::var("CAPTIOND").unwrap_or_else(|_| "http://localhost:50070".into())).await?;
    match args.get(1).map(String::as_str) {
        Some("watch") => {
            let mut req = Request::new(WatchChannelRequest { channel_id: args[2].clone(), language: "en".into() });
            req.metadata_mut().insert("x-api-key", key);
            let mut stream = client.watch_channel(req).await?.into_inner();
            while let Some(c) = stream.message().await? {
                if c.is_final {
                    println!("{}", c.text);
                }
            }
        }
        Some("export") => {
            let mut req = Request::new(ExportRequest { broadcast_id: args[2].clone() });
            req.metadata_mut().insert("x-api-key", key);
            req.set_timeout(std::time::Duration::from_secs(30));
            let mut stream = client.export_transcript(req).await?.into_inner();
            let mut n = 0;
            while let Some(l) = stream.message().await? {
                n += 1;
                println!("{n}\n{} --> {}\n{}\n", srt_time(l.start_ms), srt_time(l.end_ms), l.text);
            }
        }
        _ => eprintln!("usage: capctl watch CHANNEL | capctl export BROADCAST"),
    }
    Ok(())
}
