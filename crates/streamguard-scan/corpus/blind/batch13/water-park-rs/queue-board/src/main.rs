//! queue-board: drives the LED wait-time signs at the ride entrances.
//! A client of ride-control's WatchQueue, one stream per sign.
pub mod pb {
    tonic::include_proto!("waterpark.v1");
}

use pb::rides_client::RidesClient;
use pb::WatchQueueRequest;
use tonic::metadata::MetadataValue;

async fn drive_sign(mut client: RidesClient<tonic::transport::Channel>, ride: String, token: String) -> Result<(), tonic::Status> {
    let mut req = tonic::Request::new(WatchQueueRequest { ride_id: ride.clone() });
    req.metadata_mut().insert("authorization", MetadataValue::try_from(format!("Bearer {token}")).unwrap());
    let mut stream = client.watch_queue(req).await?.into_inner();
    while let Some(status) = stream.message().await? {
        println!("{ride}: {} waiting, ~{} min", status.waiting, status.wait_minutes);
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = RidesClient::connect(std::env::var("RIDE_CONTROL")?).await?;
    let token = std::env::var("BOARD_TOKEN")?;
    let mut tasks = Vec::new();
    for ride in std::env::var("RIDES")?.split(',') {
        tasks.push(tokio::spawn(drive_sign(client.clone(), ride.to_string(), token.clone())));
    }
    for t in tasks {
        if let Ok(Err(e)) = t.await {
            eprintln!("sign stream ended: {e}");
        }
    }
    Ok(())
}
