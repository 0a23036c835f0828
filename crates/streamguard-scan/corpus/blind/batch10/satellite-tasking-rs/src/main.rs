use std::time::Duration;

use tasking_server::auth::JwtInterceptor;
use tasking_server::clients::{archive::Archive, scheduler::Scheduler};
use tasking_server::limits::CustomerLimiter;
use tasking_server::pb::tasking_server::TaskingServer;
use tasking_server::revocation::RevocationHub;
use tasking_server::service::TaskingService;
use tonic::transport::{Endpoint, Server};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();
    let pem = std::fs::read(std::env::var("TASKING_JWT_PEM")?)?;
    let interceptor = JwtInterceptor::new(&pem, "https://id.orbitimaging.example", "tasking")?;

    let hub = RevocationHub::new();
    tokio::spawn(hub.clone().follow(std::env::var("REDIS_URL")?));

    let channel = Endpoint::from_shared(std::env::var("SCHEDULER_URL")?)?.connect_lazy();
    let svc = TaskingService {
        scheduler: Scheduler::new(channel),
        archive: Archive { http: reqwest::Client::new(), base: std::env::var("ARCHIVE_URL")? },
        limiter: CustomerLimiter::per_minute(30),
        revocations: hub,
    };

    Server::builder()
        .max_connection_age(Duration::from_secs(30 * 60))
        .http2_keepalive_interval(Some(Duration::from_secs(30)))
        .add_service(TaskingServer::with_interceptor(svc, interceptor))
        .serve("0.0.0.0:50600".parse()?)
        .await?;
    Ok(())
}
