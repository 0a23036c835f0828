mod auth;
mod devices;
mod service;
mod session;

pub mod pb {
    pub mod home {
        tonic::include_proto!("home.v1");
    }
    pub mod bridge {
        tonic::include_proto!("bridge.v1");
    }
}

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{broadcast, watch};
use tonic::transport::{Channel, Server};

use crate::auth::Auth;
use crate::devices::Devices;
use crate::pb::bridge::{bridge_client::BridgeClient, EventsRequest};
use crate::pb::home::home_server::HomeServer;
use crate::pb::home::DeviceEvent;
use crate::service::HomeService;
use crate::session::RevokedSet;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let household = std::env::var("HOUSEHOLD_ID")?;
    let auth = Auth::new(&std::fs::read("/etc/hubd/account-signing.pub.pem")?, &household)?;
    let db = sqlx::SqlitePool::connect("sqlite:///var/lib/hubd/hub.db").await?;
    let (events, _) = broadcast::channel::<DeviceEvent>(1024);
    let devices = Devices { db, events: events.clone() };
    let bridge = BridgeClient::new(Channel::from_static("http://127.0.0.1:7001").connect_lazy());

    // Revocations pushed by the cloud account service over the hub's control link.
    let (revoked_tx, revoked_rx) = watch::channel::<RevokedSet>(Arc::new(HashSet::new()));
    tokio::spawn(follow_account_link(revoked_tx));

    // Radio events -> device events.
    let mut radio = bridge.clone();
    let feed_devices = devices.clone();
    tokio::spawn(async move {
        loop {
            if let Ok(resp) = radio.events(EventsRequest {}).await {
                let mut s = resp.into_inner();
                while let Ok(Some(ev)) = s.message().await {
                    if let Ok(Some(dev)) = feed_devices.by_ieee(&ev.ieee).await {
                        let _ = events.send(DeviceEvent { device_id: dev.device_id, room: dev.room, attribute: ev.attribute, value: ev.value, unix_ms: ev.unix_ms });
                    }
                }
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    });

    let svc = HomeService { devices, bridge, revoked: revoked_rx, limiter: HomeService::limiter(120) };
    Server::builder()
        .max_connection_age(Duration::from_secs(3600))
        .add_service(HomeServer::with_interceptor(svc, move |req| auth.interceptor(req)))
        .serve("[::]:8443".parse()?)
        .await?;
    Ok(())
}

async fn follow_account_link(tx: watch::Sender<RevokedSet>) {
    // The account service keeps a long-poll HTTP/2 connection to the hub and pushes the full
    // revocation set whenever it changes.
    let url = std::env::var("ACCOUNT_LINK").unwrap_or_else(|_| "/run/hubd/revoked.sock".into());
    loop {
        match tokio::net::UnixStream::connect(&url).await {
            Ok(sock) => {
                use tokio::io::AsyncBufReadExt;
                let mut lines = tokio::io::BufReader::new(sock).lines();
                while let Ok(Some(line)) = lines.next_line().await {
                    let set: HashSet<String> = line.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect();
                    let _ = tx.send(Arc::new(set));
                }
            }
            Err(e) => tracing::warn!("account link: {e}"),
        }
        tokio::time::sleep(Duration::from_secs(5)).await;
    }
}
