//! How the reference server's messages map to authorization actions.

use streamguard::authz::Action;
use streamguard_proto::mcp::v1::{CallToolRequest, JsonRpcFrame, ToolCall, ToolInputChunk};

pub fn tool_call(call: &ToolCall) -> Action<'_> {
    Action::call_tool(call.name.as_str())
        .with_resource(call.resource_uri.as_str())
        .with_request_id(call.request_id.as_str())
}

/// The first chunk names the tool; later chunks without a name continue the same call.
pub fn input_chunk(chunk: &ToolInputChunk) -> Action<'_> {
    if chunk.name.is_empty() {
        Action::default().with_resource(chunk.resource_uri.as_str())
    } else {
        Action::call_tool(chunk.name.as_str()).with_resource(chunk.resource_uri.as_str())
    }
}

pub fn jsonrpc_frame(frame: &JsonRpcFrame) -> Action<'_> {
    streamguard::inbound::classify_jsonrpc(&frame.json)
}

pub fn call_tool_action(req: &CallToolRequest) -> Action<'_> {
    Action::call_tool(req.name.as_str()).with_resource(req.resource_uri.as_str())
}
