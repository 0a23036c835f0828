//! Downstream gRPC clients (AEI tag readers, interlocking, waybill system).
use std::time::Duration;

use tonic::transport::{Channel, Endpoint};

pub use crate::pb::aei_readers_client::AeiReadersClient;
pub use crate::pb::interlocking_client::InterlockingClient;
pub use crate::pb::waybills_client::WaybillsClient;

pub struct Downstreams {
    pub aei: AeiReadersClient<Channel>,
    pub interlocking: InterlockingClient<Channel>,
    pub waybills: WaybillsClient<Channel>,
}

impl Downstreams {
    pub fn connect_lazy(aei: &str, interlocking: &str, waybills: &str) -> Result<Self, tonic::transport::Error> {
        Ok(Self {
            aei: AeiReadersClient::new(Endpoint::from_shared(aei.to_owned())?.connect_lazy()),
            interlocking: InterlockingClient::new(Endpoint::from_shared(interlocking.to_owned())?.connect_lazy()),
            waybills: WaybillsClient::new(
                Endpoint::from_shared(waybills.to_owned())?
                    .timeout(Duration::from_secs(5))
                    .connect_lazy(),
            ),
        })
    }
}

/// Parses the caller's `grpc-timeout` header value.
pub fn grpc_timeout(meta: &tonic::metadata::MetadataMap) -> Option<Duration> {
    let v = meta.get("grpc-timeout")?.to_str().ok()?;
    let (n, unit) = v.split_at(v.len().checked_sub(1)?);
    let n: u64 = n.parse().ok()?;
    match unit {
        "H" => Some(Duration::from_secs(n * 3600)),
        "M" => Some(Duration::from_secs(n * 60)),
        "S" => Some(Duration::from_secs(n)),
        "m" => Some(Duration::from_millis(n)),
        "u" => Some(Duration::from_micros(n)),
        "n" => Some(Duration::from_nanos(n)),
        _ => None,
    }
}
