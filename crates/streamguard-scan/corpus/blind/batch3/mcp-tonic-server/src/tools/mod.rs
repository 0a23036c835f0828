pub mod http;

use serde_json::{json, Value};

use crate::deadline::Deadline;
use crate::pb::{CallToolResponse, Content};

#[derive(Debug, thiserror::Error)]
pub enum ToolError {
    #[error("unknown tool {0}")]
    Unknown(String),
    #[error("bad arguments: {0}")]
    BadArgs(String),
    #[error(transparent)]
    Upstream(#[from] anyhow::Error),
}

pub struct ToolSpec {
    pub name: &'static str,
    pub scope: &'static str,
    pub description: &'static str,
}

pub const TOOLS: &[ToolSpec] = &[
    ToolSpec { name: "http_get", scope: "web:fetch", description: "GET a URL" },
    ToolSpec { name: "issue_create", scope: "tracker:write", description: "create a tracker issue" },
    ToolSpec { name: "issue_search", scope: "tracker:read", description: "search tracker issues" },
];

pub fn scope_for(name: &str) -> Option<&'static str> {
    TOOLS.iter().find(|t| t.name == name).map(|t| t.scope)
}

#[derive(Clone)]
pub struct Tools {
    tracker_url: String,
    resource_base: String,
}

fn text(s: impl Into<String>) -> CallToolResponse {
    CallToolResponse { content: vec![Content { r#type: "text".into(), text: s.into() }], structured_content: None, is_error: false }
}

impl Tools {
    pub fn new(tracker_url: String, resource_base: String) -> Self {
        Self { tracker_url, resource_base }
    }

    pub async fn call(&self, name: &str, args: Value, deadline: Deadline) -> Result<CallToolResponse, ToolError> {
        match name {
            "http_get" => {
                let url = args.get("url").and_then(Value::as_str).ok_or_else(|| ToolError::BadArgs("url".into()))?;
                Ok(text(http::get_text(url, deadline).await?))
            }
            "issue_create" => {
                let v = http::post_json(&format!("{}/issues", self.tracker_url), &args, deadline).await?;
                Ok(text(format!("created {}", v.get("key").and_then(Value::as_str).unwrap_or("?"))))
            }
            "issue_search" => {
                let v = http::post_json(&format!("{}/search", self.tracker_url), &json!({ "jql": args.get("query") }), deadline).await?;
                Ok(text(v.to_string()))
            }
            other => Err(ToolError::Unknown(other.to_string())),
        }
    }

    pub async fn read_resource(&self, uri: &str, deadline: Deadline) -> anyhow::Result<String> {
        let path = uri.strip_prefix("tracker://").ok_or_else(|| anyhow::anyhow!("unsupported uri"))?;
        http::get_text(&format!("{}/{}", self.resource_base, path), deadline).await
    }
}
