mod deadline;
mod plant;
mod service;
mod session;

pub mod pb {
    tonic::include_proto!("honey.extraction.v1");
    pub mod lab {
        tonic::include_proto!("honey.lab.v1");
    }
}

use std::time::Duration;

use futures_util::StreamExt;
use tokio::sync::broadcast;
use tonic::transport::Server;

use crate::pb::extraction_server::ExtractionServer;
use crate::pb::lab::lab_client::LabClient;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (rev_tx, _) = broadcast::channel(256);
    let redis = redis::Client::open(std::env::var("REDIS_URL")?)?;
    let mut pubsub = redis.get_async_pubsub().await?;
    pubsub.subscribe("apiary:revocations").await?;
    let tx = rev_tx.clone();
    tokio::spawn(async move {
        let mut msgs = pubsub.into_on_message();
        while let Some(msg) = msgs.next().await {
            if let Ok(v) = serde_json::from_slice::<serde_json::Value>(msg.get_payload_bytes()) {
                let _ = tx.send((v["jti"].as_str().unwrap_or("").into(), v["sub"].as_str().unwrap_or("").into()));
            }
        }
    });

    let svc = service::ExtractionSvc {
        sessions: session::Sessions::new(&std::fs::read("/etc/extraction/jwt-es256.pem")?, rev_tx),
        limiter: session::new_limiter(),
        plant: plant::Plant { http: reqwest::Client::new(), base: std::env::var("PLANT_URL")? },
        mes: reqwest::Client::new(),
        mes_url: std::env::var("MES_URL")?,
        lab: LabClient::connect(std::env::var("LAB_ADDR")?).await?,
    };

    Server::builder()
        .max_connection_age(Duration::from_secs(45 * 60))
        .add_service(ExtractionServer::new(svc))
        .serve("0.0.0.0:50091".parse()?)
        .await?;
    Ok(())
}
