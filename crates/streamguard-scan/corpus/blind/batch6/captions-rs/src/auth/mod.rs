pub mod keys;
pub mod layer;

/// The tenant an API key belongs to, put into request extensions by the layer.
#[derive(Debug, Clone)]
pub struct Tenant {
    pub id: String,
    pub key_id: String,
    /// Channels this key may ingest into (broadcaster keys) or watch (player keys).
    pub channels: Vec<String>,
    pub can_ingest: bool,
}

impl Tenant {
    pub fn covers(&self, channel: &str) -> bool {
        self.channels.iter().any(|c| c == channel || c == "*")
    }
}
