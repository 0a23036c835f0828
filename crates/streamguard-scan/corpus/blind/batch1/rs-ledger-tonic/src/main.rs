mod authz;
mod deadline;
mod gen;
mod svc;

use std::time::Duration;

use tokio::sync::broadcast;
use tonic::transport::{Endpoint, Server, ServerTlsConfig, Identity};

use crate::authz::Authz;
use crate::gen::ledger_v1::fx_client::FxClient;
use crate::gen::ledger_v1::payments_client::PaymentsClient;
use crate::gen::ledger_v1::statements_server::StatementsServer;
use crate::svc::LedgerSvc;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secret = std::env::var("LEDGER_JWT_SECRET")?;
    let fx = FxClient::new(Endpoint::from_shared(std::env::var("FX_URL")?)?.connect_lazy());
    let payments = PaymentsClient::new(
        Endpoint::from_shared(std::env::var("PAYMENTS_URL")?)?
            .timeout(Duration::from_secs(20))
            .connect_lazy(),
    );
    let (lines, _) = broadcast::channel(4096);

    let identity = Identity::from_pem(std::fs::read("/etc/ledger/tls.crt")?, std::fs::read("/etc/ledger/tls.key")?);
    Server::builder()
        .tls_config(ServerTlsConfig::new().identity(identity))?
        .add_service(StatementsServer::new(LedgerSvc::new(Authz::new(secret.as_bytes()), fx, payments, lines)))
        .serve("0.0.0.0:8443".parse()?)
        .await?;
    Ok(())
}
