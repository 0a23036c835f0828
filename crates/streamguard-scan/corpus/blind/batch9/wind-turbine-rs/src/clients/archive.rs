//! Event archive client. The archive sits across the WAN in the utility's data centre.
use std::time::Duration;

use tonic::transport::{Channel, Endpoint};

use crate::pb::event_archive_client::EventArchiveClient;

pub async fn connect(addr: String) -> anyhow::Result<EventArchiveClient<Channel>> {
    let channel = Endpoint::from_shared(addr)?
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(20))
        .connect()
        .await?;
    Ok(EventArchiveClient::new(channel))
}
