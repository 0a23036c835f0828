//! Archive segments live in the object store as `<spacecraft>/<hour>.ccsds`.

use std::time::Duration;

use bytes::Bytes;

#[derive(Clone)]
pub struct SegmentStore {
    http: reqwest::Client,
    base: String,
}

impl SegmentStore {
    pub fn new(base: String) -> anyhow::Result<Self> {
        // Hour segments are up to ~400 MB; one minute covers the slowest we have seen.
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()?;
        Ok(Self { http, base })
    }

    pub fn segments(&self, spacecraft: &str, from_ms: i64, to_ms: i64) -> Vec<String> {
        let first = from_ms / 3_600_000;
        let last = to_ms / 3_600_000;
        (first..=last).map(|h| format!("{spacecraft}/{h}.ccsds")).collect()
    }

    pub async fn fetch(&self, segment: &str) -> anyhow::Result<Bytes> {
        let resp = self.http.get(format!("{}/{}", self.base, segment)).send().await?;
        let resp = resp.error_for_status()?;
        Ok(resp.bytes().await?)
    }
}

/// Splits a CCSDS segment into (seq, unix_ms, raw frame) tuples.
pub fn frames(segment: &Bytes) -> impl Iterator<Item = (u64, i64, Bytes)> + '_ {
    const FRAME: usize = 1115;
    (0..segment.len() / FRAME).map(move |i| {
        let raw = segment.slice(i * FRAME..(i + 1) * FRAME);
        let seq = u64::from_be_bytes(raw[4..12].try_into().unwrap_or([0; 8]));
        let ts = i64::from_be_bytes(raw[12..20].try_into().unwrap_or([0; 8]));
        (seq, ts, raw)
    })
}
