use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;

pub const TOOL_SCOPES: &[(&str, &str)] = &[
    ("search", "search:read"),
    ("read_file", "files:read"),
    ("write_file", "files:write"),
    ("run_tests", "ci:run"),
];

pub fn required_scope(tool: &str) -> Option<&'static str> {
    TOOL_SCOPES.iter().find(|(t, _)| *t == tool).map(|(_, s)| *s)
}

#[derive(Clone)]
pub struct ToolClient {
    http: reqwest::Client,
    base: String,
}

/// One line of the tool runner's NDJSON event stream.
#[derive(Deserialize)]
pub struct RunEvent {
    #[serde(default)]
    pub progress: Option<(f64, f64)>,
    #[serde(default)]
    pub result: Option<Value>,
}

impl ToolClient {
    pub fn new(base: String) -> Self {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .pool_idle_timeout(Duration::from_secs(90))
            .build()
            .expect("http client");
        Self { http, base }
    }

    /// Runs a tool synchronously, bounded by what is left of the caller's deadline.
    pub async fn invoke(&self, tool: &str, args: Value, remaining: Option<Duration>) -> reqwest::Result<Value> {
        let mut rb = self.http.post(format!("{}/v1/tools/{tool}/invoke", self.base)).json(&args);
        if let Some(t) = remaining {
            rb = rb.timeout(t);
        }
        rb.send().await?.error_for_status()?.json().await
    }

    /// Starts a tool run and returns the streaming NDJSON response of its events.
    pub async fn run_streaming(&self, tool: &str, args: Value) -> reqwest::Result<reqwest::Response> {
        self.http
            .post(format!("{}/v1/tools/{tool}/run", self.base))
            .header("accept", "application/x-ndjson")
            .json(&args)
            .send()
            .await?
            .error_for_status()
    }
}
