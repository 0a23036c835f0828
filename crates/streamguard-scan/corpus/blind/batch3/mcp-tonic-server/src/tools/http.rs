use std::sync::OnceLock;

use crate::deadline::Deadline;

fn client() -> &'static reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT.get_or_init(|| reqwest::Client::builder().user_agent("mcp-tonic/0.5").build().expect("http client"))
}

pub async fn get_text(url: &str, deadline: Deadline) -> anyhow::Result<String> {
    let mut req = client().get(url);
    if let Some(left) = deadline.remaining() {
        if left.is_zero() {
            anyhow::bail!("deadline exceeded before request");
        }
        req = req.timeout(left);
    }
    let resp = req.send().await?.error_for_status()?;
    Ok(resp.text().await?)
}

pub async fn post_json(url: &str, body: &serde_json::Value, deadline: Deadline) -> anyhow::Result<serde_json::Value> {
    let mut req = client().post(url).json(body);
    if let Some(left) = deadline.remaining() {
        req = req.timeout(left);
    }
    Ok(req.send().await?.error_for_status()?.json().await?)
}
