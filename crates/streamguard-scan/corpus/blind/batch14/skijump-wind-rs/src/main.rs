mod pb;
mod service;
mod session;

use std::time::Duration;

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use redis::AsyncCommands;
use tokio::sync::broadcast;
use tonic::transport::{Channel, Server};
use tonic::{Request, Status};

use pb::calib::calibration_store_client::CalibrationStoreClient;
use pb::gate::start_gate_client::StartGateClient;
use pb::wind::wind_hub_server::WindHubServer;
use session::{Claims, Revoked};

fn authenticate(key: &DecodingKey, validation: &Validation, mut req: Request<()>) -> Result<Request<()>, Status> {
    let token = req
        .metadata()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(|| Status::unauthenticated("missing_token"))?;
    let claims = decode::<Claims>(token, key, validation).map_err(|_| Status::unauthenticated("invalid_token"))?.claims;
    req.extensions_mut().insert(claims);
    Ok(req)
}

async fn revocation_feed(url: String, tx: broadcast::Sender<Revoked>) -> redis::RedisResult<()> {
    let client = redis::Client::open(url)?;
    let mut pubsub = client.get_async_pubsub().await?;
    pubsub.subscribe("windhub:revoked").await?;
    let mut msgs = pubsub.on_message();
    use futures::StreamExt;
    while let Some(msg) = msgs.next().await {
        let payload: String = msg.get_payload()?;
        let ev = match payload.split_once(':') {
            Some(("jti", v)) => Revoked::Jti(v.to_owned()),
            Some(("sub", v)) => Revoked::Sub(v.to_owned()),
            _ => continue,
        };
        let _ = tx.send(ev);
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pem = std::fs::read(std::env::var("WINDHUB_JWT_KEY")?)?;
    let key = DecodingKey::from_rsa_pem(&pem)?;
    let mut validation = Validation::new(Algorithm::RS256);
    validation.set_audience(&["windhub"]);
    validation.set_issuer(&["https://accounts.fis-timing.example"]);
    validation.leeway = 1;

    let (rev_tx, _) = broadcast::channel(256);
    tokio::spawn(revocation_feed(std::env::var("REDIS_URL")?, rev_tx.clone()));

    let (readings, _) = broadcast::channel(1024);
    let gate = StartGateClient::new(Channel::from_shared(std::env::var("STARTGATE_URL")?)?.connect_lazy());
    let calibration = CalibrationStoreClient::new(Channel::from_shared(std::env::var("CALIB_URL")?)?.connect_lazy());

    let hub = service::Hub { readings, revocations: rev_tx, gate, calibration };
    let svc = WindHubServer::with_interceptor(hub, move |req| authenticate(&key, &validation, req));

    Server::builder()
        .max_connection_age(Duration::from_secs(3600))
        .add_service(svc)
        .serve("0.0.0.0:50200".parse()?)
        .await?;
    Ok(())
}
