//! zonectl: follow a zone's readings from a terminal.

use greenhouse::pb::climate_client::ClimateClient;
use greenhouse::pb::WatchZoneRequest;
use tonic::Request;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let zone = std::env::args().nth(1).ok_or_else(|| anyhow::anyhow!("usage: zonectl ZONE"))?;
    let token = std::env::var("GREENHOUSE_TOKEN")?;
    let mut client = ClimateClient::connect(std::env::var("GREENHOUSED").unwrap_or_else(|_| "http://localhost:7400".into())).await?;
    let mut req = Request::new(WatchZoneRequest { zone_id: zone });
    req.metadata_mut().insert("authorization", format!("Bearer {token}").parse()?);
    let mut readings = client.watch_zone(req).await?.into_inner();
    while let Some(r) = readings.message().await? {
        println!("{:>8.1} °C {:>5.1} %RH {:>6.0} ppm {:>6.0} µmol", r.temp_c, r.rh_pct, r.co2_ppm, r.par_umol);
    }
    Ok(())
}
