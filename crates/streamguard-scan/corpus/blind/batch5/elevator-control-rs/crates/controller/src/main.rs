mod bank;
mod deadline;
mod service;
mod tls;
#[cfg(test)]
mod deadline_tests;

use std::sync::Arc;
use std::time::Duration;

use lift_proto::controller_server::ControllerServer;
use lift_proto::predictor_client::PredictorClient;
use tonic::transport::{Certificate, Endpoint, Identity, Server, ServerTlsConfig};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();
    let dir = std::env::var("LIFT_TLS_DIR").unwrap_or_else(|_| "/etc/lift/tls".into());
    let identity = Identity::from_pem(std::fs::read(format!("{dir}/server.pem"))?, std::fs::read(format!("{dir}/server.key"))?);
    let car_ca = Certificate::from_pem(std::fs::read(format!("{dir}/car-ca.pem"))?);

    let predictor = PredictorClient::new(
        Endpoint::from_shared(std::env::var("PREDICTOR_URL").unwrap_or_else(|_| "http://predictor:7800".into()))?.connect_lazy(),
    );
    let svc = service::ControllerService { banks: Arc::new(bank::Banks::default()), predictor };

    Server::builder()
        .tls_config(ServerTlsConfig::new().identity(identity).client_ca_root(car_ca).client_auth_optional(true))?
        .http2_keepalive_interval(Some(Duration::from_secs(10)))
        .http2_keepalive_timeout(Some(Duration::from_secs(5)))
        .add_service(ControllerServer::new(svc))
        .serve("0.0.0.0:50500".parse()?)
        .await?;
    Ok(())
}
