use tonic::{Request, Response, Status};

use crate::auth::claims_of;
use crate::deadline::Deadline;
use crate::pb::mcp_server::Mcp;
use crate::pb::{CallToolRequest, CallToolResponse, ListToolsRequest, ListToolsResponse, Tool};
use crate::service::struct_to_json;
use crate::tools::{scope_for, Tools, TOOLS};

pub struct McpUnary {
    pub tools: Tools,
}

#[tonic::async_trait]
impl Mcp for McpUnary {
    async fn list_tools(&self, request: Request<ListToolsRequest>) -> Result<Response<ListToolsResponse>, Status> {
        let claims = claims_of(&request)?;
        let tools = TOOLS
            .iter()
            .filter(|t| claims.allows(t.scope))
            .map(|t| Tool { name: t.name.into(), description: t.description.into(), input_schema: None })
            .collect();
        Ok(Response::new(ListToolsResponse { tools }))
    }

    async fn call_tool(&self, request: Request<CallToolRequest>) -> Result<Response<CallToolResponse>, Status> {
        let claims = claims_of(&request)?;
        let deadline = Deadline::from_metadata(request.metadata());
        let req = request.into_inner();
        match scope_for(&req.name) {
            Some(scope) if claims.allows(scope) => {}
            Some(_) => return Err(Status::permission_denied("insufficient_scope")),
            None => return Err(Status::not_found("unknown tool")),
        }
        self.tools
            .call(&req.name, struct_to_json(req.arguments), deadline)
            .await
            .map(Response::new)
            .map_err(|e| Status::unavailable(e.to_string()))
    }
}
