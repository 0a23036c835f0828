mod auth;
mod dispense;
mod gen;

use std::collections::HashMap;
use std::sync::Arc;

use tonic::transport::Server;

use crate::auth::layer::StaffAuthLayer;
use crate::auth::session::Revocations;
use crate::dispense::cabinets::Cabinets;
use crate::dispense::service::DispensaryService;
use crate::gen::dispense_v1::dispensary_server::DispensaryServer;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();
    let pem = std::fs::read(std::env::var("DISPENSARY_JWT_PUBKEY").unwrap_or_else(|_| "/etc/dispensary/staff.pem".into()))?;
    let schedules: HashMap<String, u8> = serde_json::from_slice(&std::fs::read("/etc/dispensary/schedules.json")?)?;
    let service = DispensaryService {
        cabinets: Arc::new(Cabinets::new(schedules)),
        revocations: Revocations::new(),
        audit_store_url: std::env::var("AUDIT_STORE_URL").unwrap_or_else(|_| "http://audit-store:7700".into()),
    };
    let addr = "0.0.0.0:50400".parse()?;
    Server::builder()
        .layer(StaffAuthLayer::new(&pem)?)
        .add_service(DispensaryServer::new(service))
        .serve(addr)
        .await?;
    Ok(())
}
