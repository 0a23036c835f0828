//! fleetctl: watch a station or export a day of trips.
//!
//!   fleetctl watch STATION
//!   fleetctl trips 2024-06-01 > trips.csv
use std::time::Duration;

use dock_proto::pb::docks_client::DocksClient;
use dock_proto::pb::{ExportTripsRequest, WatchStationRequest};
use tonic::metadata::MetadataValue;
use tonic::Request;

fn authed<T>(msg: T) -> anyhow::Result<Request<T>> {
    let mut req = Request::new(msg);
    let token = std::env::var("DOCKD_TOKEN")?;
    req.metadata_mut().insert("authorization", MetadataValue::try_from(format!("Bearer {token}"))?);
    Ok(req)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let mut client = DocksClient::connect(std::env::var("DOCKD_ADDR").unwrap_or_else(|_| "http://127.0.0.1:7000".into())).await?;
    match args.get(1).map(String::as_str) {
        Some("watch") => {
            let station_id = args.get(2).cloned().unwrap_or_default();
            let mut s = client.watch_station(authed(WatchStationRequest { station_id })?).await?.into_inner();
            while let Some(st) = s.message().await? {
                println!("{} bikes={} ebikes={} free={}", st.station_id, st.bikes, st.ebikes, st.free_slots);
            }
        }
        Some("trips") => {
            let mut req = authed(ExportTripsRequest { date: args.get(2).cloned().unwrap_or_default() })?;
            req.set_timeout(Duration::from_secs(300));
            let mut s = client.export_trips(req).await?.into_inner();
            println!("trip_id,from,to,started_ms,ended_ms");
            while let Some(t) = s.message().await? {
                println!("{},{},{},{},{}", t.trip_id, t.from_station, t.to_station, t.started_ms, t.ended_ms);
            }
        }
        _ => eprintln!("usage: fleetctl watch STATION | trips DATE"),
    }
    Ok(())
}
