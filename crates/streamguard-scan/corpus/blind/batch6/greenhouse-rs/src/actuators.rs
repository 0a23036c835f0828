//! PLC gateway client. Every call carries the caller's remaining time.

use std::time::Duration;

use tokio::time::Instant;
use tonic::transport::Channel;
use tonic::{Request, Status};

use crate::pb::actuator_gateway_client::ActuatorGatewayClient;
use crate::pb::{ApplyReply, ApplyRequest};

/// Used only when the caller sent no grpc-timeout.
const DEFAULT_BUDGET: Duration = Duration::from_secs(5);

#[derive(Clone)]
pub struct Actuators {
    client: ActuatorGatewayClient<Channel>,
}

impl Actuators {
    pub fn new(channel: Channel) -> Self {
        Self { client: ActuatorGatewayClient::new(channel) }
    }

    pub async fn apply(&self, deadline: Option<Instant>, req: ApplyRequest) -> Result<ApplyReply, Status> {
        let budget = match deadline {
            Some(d) => d.checked_duration_since(Instant::now()).ok_or_else(|| Status::deadline_exceeded("caller deadline passed"))?,
            None => DEFAULT_BUDGET,
        };
        let mut request = Request::new(req);
        request.set_timeout(budget);
        let mut client = self.client.clone();
        Ok(client.apply(request).await?.into_inner())
    }
}

/// Absolute deadline from the incoming `grpc-timeout` header.
pub fn incoming_deadline(md: &tonic::metadata::MetadataMap) -> Option<Instant> {
    let raw = md.get("grpc-timeout")?.to_str().ok()?;
    let (n, unit) = raw.split_at(raw.len().checked_sub(1)?);
    let n: u64 = n.parse().ok()?;
    let d = match unit {
        "H" => Duration::from_secs(n.saturating_mul(3600)),
        "M" => Duration::from_secs(n.saturating_mul(60)),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    };
    Some(Instant::now() + d)
}
