use std::time::Duration;

use serde_json::{json, Value};

/// JSON-RPC client of our execution nodes.
#[derive(Clone)]
pub struct NodeRpc {
    http: reqwest::Client,
    url: String,
}

impl NodeRpc {
    pub fn new(url: String) -> Self {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .expect("reqwest client");
        Self { http, url }
    }

    pub async fn block_tx_hashes(&self, hash: &str) -> anyhow::Result<Vec<String>> {
        let body = json!({"jsonrpc": "2.0", "id": 1, "method": "eth_getBlockByHash", "params": [hash, false]});
        let v: Value = self.http.post(&self.url).json(&body).send().await?.error_for_status()?.json().await?;
        Ok(v["result"]["transactions"]
            .as_array()
            .map(|a| a.iter().filter_map(|t| t.as_str().map(str::to_owned)).collect())
            .unwrap_or_default())
    }

    pub async fn fee_history(&self, blocks: u32) -> anyhow::Result<(u64, u64)> {
        let body = json!({"jsonrpc": "2.0", "id": 1, "method": "eth_feeHistory", "params": [blocks, "latest", [50]]});
        let v: Value = self.http.post(&self.url).json(&body).send().await?.error_for_status()?.json().await?;
        let base = v["result"]["baseFeePerGas"][0].as_str().and_then(|s| u64::from_str_radix(s.trim_start_matches("0x"), 16).ok()).unwrap_or(0);
        let tip = v["result"]["reward"][0][0].as_str().and_then(|s| u64::from_str_radix(s.trim_start_matches("0x"), 16).ok()).unwrap_or(0);
        Ok((base, tip))
    }
}
