use std::time::Duration;

use serde_json::json;

/// Client of the block builder relays (eth_sendBundle).
#[derive(Clone)]
pub struct Relay {
    http: reqwest::Client,
    url: String,
}

impl Relay {
    pub fn new(url: String) -> Self {
        Self { http: reqwest::Client::new(), url }
    }

    pub async fn send_bundle(&self, txs: &[Vec<u8>], target_block: u64, timeout: Duration) -> anyhow::Result<String> {
        let body = json!({
            "jsonrpc": "2.0",
            "id": 1,
            "method": "eth_sendBundle",
            "params": [{
                "txs": txs.iter().map(|t| format!("0x{}", hex::encode(t))).collect::<Vec<_>>(),
                "blockNumber": format!("0x{target_block:x}"),
            }],
        });
        let resp = self.http.post(&self.url).timeout(timeout).json(&body).send().await?.error_for_status()?;
        Ok(resp.text().await?)
    }
}
