use std::sync::Arc;
use std::time::Duration;

use casino_proto::tables::tables_server::TablesServer;
use sqlx::postgres::PgPoolOptions;
use table_hub::auth::StaffAuth;
use table_hub::events::TableBus;
use table_hub::ledger::Ledger;
use table_hub::service::TableHub;
use tonic::transport::Server;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();
    let pool = PgPoolOptions::new()
        .max_connections(20)
        .connect(&std::env::var("LEDGER_DATABASE_URL")?)
        .await?;
    let auth = StaffAuth::new(std::env::var("STAFF_JWT_SECRET")?.as_bytes());
    let hub = TableHub { ledger: Ledger { pool }, bus: Arc::new(TableBus::default()) };

    Server::builder()
        .timeout(Duration::from_secs(30))
        .tcp_keepalive(Some(Duration::from_secs(60)))
        .add_service(TablesServer::with_interceptor(hub, auth.interceptor()))
        .serve("0.0.0.0:50700".parse()?)
        .await?;
    Ok(())
}
