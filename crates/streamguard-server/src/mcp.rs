//! The tools of the reference server, and the unary `Mcp` service.

use serde_json::Value;
use streamguard::StreamSession;
use streamguard::authz::Denial;
use streamguard_proto::mcp::v1::{
    CallToolRequest, CallToolResponse, Content, ListToolsRequest, ListToolsResponse, Tool,
    ToolError, mcp_server::Mcp,
};
use tonic::{Request, Response, Status};

use crate::backend::Backend;
use crate::classify::{call_tool_action, tool_arguments};
use crate::structs;

/// The reference tools: name, scope, description.
pub const TOOLS: [(&str, &str, &str); 5] = [
    ("echo", "tools:echo", "Returns its `text` argument."),
    (
        "slow_echo",
        "tools:echo",
        "Returns `text` after `ms` milliseconds (shows deadlines and cancellation).",
    ),
    (
        "read_file",
        "files:read",
        "Reads `path` from the server's file store.",
    ),
    ("write_file", "files:write", "Writes `text` to `path`."),
    ("delete_repo", "admin", "Deletes the repository `repo`."),
];

/// Runs tools through the backend on behalf of a stream.
#[derive(Clone, Debug)]
pub struct Tools {
    backend: Backend,
}

impl Tools {
    pub fn new(backend: Backend) -> Self {
        Tools { backend }
    }

    /// Executes an authorized tool call; a downstream failure becomes an `is_error` result
    /// unless it is a status the stream itself must end with.
    pub async fn call(
        &self,
        session: &StreamSession,
        name: &str,
        arguments: &Value,
        request_id: &str,
    ) -> Result<CallToolResponse, Status> {
        match self
            .backend
            .execute(session, name, arguments, request_id)
            .await
        {
            Ok(result) => Ok(CallToolResponse {
                content: vec![Content {
                    r#type: "text".into(),
                    text: result.to_string(),
                }],
                structured_content: Some(structs::from_json(&result)),
                is_error: false,
            }),
            Err(s)
                if matches!(
                    s.code(),
                    tonic::Code::DeadlineExceeded | tonic::Code::Cancelled
                ) =>
            {
                Err(s)
            }
            Err(s) => Ok(CallToolResponse {
                content: vec![Content {
                    r#type: "text".into(),
                    text: format!("tool {name} failed: {}", s.message()),
                }],
                structured_content: None,
                is_error: true,
            }),
        }
    }
}

/// The error event a denied message gets.
pub fn tool_error(denial: &Denial) -> ToolError {
    let code = denial.reason.code();
    ToolError {
        code: code as i32,
        status: streamguard_proto::status_name(code).to_string(),
        message: denial.reason.as_str().to_string(),
    }
}

pub fn denial_status(denial: &Denial) -> Status {
    Status::new(denial.reason.code(), denial.reason.as_str())
}

pub struct McpService {
    tools: Tools,
}

impl McpService {
    pub fn new(tools: Tools) -> Self {
        McpService { tools }
    }
}

#[tonic::async_trait]
impl Mcp for McpService {
    async fn list_tools(
        &self,
        _request: Request<ListToolsRequest>,
    ) -> Result<Response<ListToolsResponse>, Status> {
        Ok(Response::new(ListToolsResponse {
            tools: TOOLS
                .iter()
                .map(|(name, scope, description)| Tool {
                    name: name.to_string(),
                    description: description.to_string(),
                    input_schema: None,
                    required_scope: scope.to_string(),
                })
                .collect(),
        }))
    }

    async fn call_tool(
        &self,
        request: Request<CallToolRequest>,
    ) -> Result<Response<CallToolResponse>, Status> {
        let session = StreamSession::of(&request)?;
        let req = request.into_inner();
        let policy = session.guard().policy();
        session
            .authorize(&call_tool_action(policy, &req))
            .map_err(|d| denial_status(&d))?;
        let args = tool_arguments(policy, &req.name, &req.resource_uri, req.arguments.as_ref())?;
        let tools = self.tools.clone();
        let name = req.name.clone();
        let worker = session.clone();
        let result = session
            .spawn(async move { tools.call(&worker, &name, &args, "").await })
            .await
            .map_err(|e| Status::internal(format!("tool task failed: {e}")))?
            .ok_or_else(|| Status::cancelled("stream_ended"))??;
        Ok(Response::new(result))
    }
}
