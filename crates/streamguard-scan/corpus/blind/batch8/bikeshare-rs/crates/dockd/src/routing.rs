use std::time::Duration;

use dock_proto::pb::van_routing_client::VanRoutingClient;
use tonic::transport::{Channel, Endpoint};

/// Channel to the van routing service. Route planning is a solver call that
/// normally answers in a second or two.
pub async fn connect(addr: &str) -> anyhow::Result<VanRoutingClient<Channel>> {
    let channel = Endpoint::from_shared(addr.to_owned())?
        .connect_timeout(Duration::from_secs(3))
        .timeout(Duration::from_secs(8))
        .connect()
        .await?;
    Ok(VanRoutingClient::new(channel))
}
