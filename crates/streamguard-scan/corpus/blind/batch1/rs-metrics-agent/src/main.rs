mod auth;
mod proto;
mod server;
mod sink;

use std::time::Duration;

use tokio::sync::broadcast;
use tonic::transport::Server;

use crate::auth::JwtInterceptor;
use crate::proto::agent_server::AgentServer;
use crate::server::AgentService;
use crate::sink::Sink;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pem = std::fs::read(std::env::var("AGENT_JWT_KEY").unwrap_or_else(|_| "/etc/agent/jwt.pub".into()))?;
    let (logs, _) = broadcast::channel(8192);
    let svc = AgentService::new(Sink::new(std::env::var("SINK_URL")?), logs);

    Server::builder()
        .timeout(Duration::from_secs(120))
        .concurrency_limit_per_connection(64)
        .add_service(AgentServer::with_interceptor(svc, JwtInterceptor::from_rsa_pem(&pem)?))
        .serve("0.0.0.0:4040".parse()?)
        .await?;
    Ok(())
}
