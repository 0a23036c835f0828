mod guard;
mod identity;
mod layer;
mod limits;
mod routing;
mod service;
mod stations;

use std::time::Duration;

use dock_proto::pb::docks_server::DocksServer;
use tokio::sync::broadcast;
use tonic::transport::Server;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing::info!("dockd starting");
    let pem = std::fs::read(std::env::var("DOCKD_JWT_PUBLIC_KEY").unwrap_or_else(|_| "/etc/dockd/jwt.pem".into()))?;
    let verifier = identity::Verifier::new(&pem)?;
    let db = sqlx::PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
    let (revocations, _) = broadcast::channel(1024);
    {
        // Revoked jtis / subs arrive on the ops bus; forward them to open streams.
        let revocations = revocations.clone();
        let mut listener = sqlx::postgres::PgListener::connect_with(&db).await?;
        listener.listen("dockd_revocations").await?;
        tokio::spawn(async move {
            while let Ok(n) = listener.recv().await {
                let _ = revocations.send(n.payload().to_owned());
            }
        });
    }
    let svc = service::DocksService {
        db,
        stations: stations::Stations::default(),
        revocations,
        limiter: limits::DockLimiter::per_second(20),
        routing: routing::connect(&std::env::var("VAN_ROUTING_ADDR").unwrap_or_else(|_| "http://routing.internal:7100".into())).await?,
    };
    Server::builder()
        .layer(layer::AuthLayer { verifier })
        .max_connection_age(Duration::from_secs(30 * 60))
        .add_service(DocksServer::new(svc))
        .serve("0.0.0.0:7000".parse()?)
        .await?;
    Ok(())
}
