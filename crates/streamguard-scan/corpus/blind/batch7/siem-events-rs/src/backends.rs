//! Clients of the storage backends.

use std::time::Duration;

use tonic::transport::{Channel, Endpoint};

use crate::gen::backends::assets_client::AssetsClient;
use crate::gen::backends::indexer_client::IndexerClient;
use crate::gen::backends::search_client::SearchClient;

/// Indexer channel: every bulk request gets 10 s, which the indexer team sized for 5k-event batches.
pub fn indexer(addr: &str) -> anyhow::Result<IndexerClient<Channel>> {
    let ch = Endpoint::from_shared(addr.to_owned())?
        .timeout(Duration::from_secs(10))
        .connect_timeout(Duration::from_secs(3))
        .connect_lazy();
    Ok(IndexerClient::new(ch))
}

pub fn search(addr: &str) -> anyhow::Result<SearchClient<Channel>> {
    Ok(SearchClient::new(Endpoint::from_shared(addr.to_owned())?.connect_lazy()))
}

pub fn assets(addr: &str) -> anyhow::Result<AssetsClient<Channel>> {
    Ok(AssetsClient::new(Endpoint::from_shared(addr.to_owned())?.connect_lazy()))
}

/// The caller's `grpc-timeout`, as a duration.
pub fn caller_timeout(md: &tonic::metadata::MetadataMap) -> Option<Duration> {
    let v = md.get("grpc-timeout")?.to_str().ok()?;
    let (n, unit) = v.split_at(v.len().checked_sub(1)?);
    let n: u64 = n.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n.saturating_mul(3600)),
        "M" => Duration::from_secs(n.saturating_mul(60)),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}
