//! How the reference server's messages map to authorization actions, and what the tools are
//! handed: the same canonical resources that were authorized, never the raw strings.
//!
//! A tool call names resources in two places: the declared `resource_uri` and the arguments the
//! tool acts on (the policy's resource arguments, e.g. `path` of `read_file`). Every one is put
//! in the [`Action`], and [`tool_arguments`] hands the tool each resource argument as
//! [`resource::target`] resolved it for the check — one function for both, so what runs is
//! what was allowed.

use prost_types::{Struct, value::Kind};
use serde_json::Value;
use streamguard::authz::{Action, Policy};
use streamguard::resource;
use streamguard_proto::mcp::v1::{CallToolRequest, JsonRpcFrame, ToolCall, ToolInputChunk};
use tonic::Status;

use crate::structs;

pub fn tool_call<'m>(policy: &Policy, call: &'m ToolCall) -> Action<'m> {
    let mut action = Action::call_tool(call.name.as_str())
        .with_resource(call.resource_uri.as_str())
        .with_request_id(call.request_id.as_str());
    add_targets(
        policy,
        &mut action,
        &call.name,
        &call.resource_uri,
        call.arguments.as_ref(),
    );
    action
}

/// The first chunk names the tool; later chunks without a name continue the same call.
pub fn input_chunk(chunk: &ToolInputChunk) -> Action<'_> {
    if chunk.name.is_empty() {
        Action::default().with_resource(chunk.resource_uri.as_str())
    } else {
        Action::call_tool(chunk.name.as_str()).with_resource(chunk.resource_uri.as_str())
    }
}

pub fn jsonrpc_frame(policy: &Policy, frame: &JsonRpcFrame) -> Action<'static> {
    streamguard::inbound::classify_jsonrpc(&frame.json, policy)
}

pub fn call_tool_action<'m>(policy: &Policy, req: &'m CallToolRequest) -> Action<'m> {
    let mut action = Action::call_tool(req.name.as_str()).with_resource(req.resource_uri.as_str());
    add_targets(
        policy,
        &mut action,
        &req.name,
        &req.resource_uri,
        req.arguments.as_ref(),
    );
    action
}

/// Adds the resources the tool's arguments name; a resource argument that is not a string, or
/// cannot be resolved, makes the message malformed.
fn add_targets<'m>(
    policy: &Policy,
    action: &mut Action<'m>,
    tool: &str,
    declared: &'m str,
    args: Option<&'m Struct>,
) {
    let Some(args) = args else { return };
    for name in policy.resource_arguments(tool) {
        match args.fields.get(name).and_then(|v| v.kind.as_ref()) {
            None => {}
            Some(Kind::StringValue(reference)) => {
                match resource::target(Some(declared), reference) {
                    Ok(target) => action.add_resource(target),
                    Err(_) => action.set_malformed(),
                }
            }
            Some(_) => action.set_malformed(),
        }
    }
}

/// The JSON arguments an authorized call hands its tool: each resource argument replaced by
/// the canonical resource that was authorized.
pub fn tool_arguments(
    policy: &Policy,
    tool: &str,
    declared: &str,
    args: Option<&Struct>,
) -> Result<Value, Status> {
    let mut json = args
        .map(structs::to_json)
        .unwrap_or_else(|| Value::Object(Default::default()));
    canonical_targets(policy, tool, Some(declared), &mut json)?;
    Ok(json)
}

/// Replaces each resource argument of `tool` in the JSON `args` by its canonical target.
pub fn canonical_targets(
    policy: &Policy,
    tool: &str,
    declared: Option<&str>,
    args: &mut Value,
) -> Result<(), Status> {
    for name in policy.resource_arguments(tool) {
        if let Some(Value::String(reference)) = args.get(name.as_str()) {
            let target = resource::target(declared, reference)
                .map_err(|e| Status::invalid_argument(format!("argument {name}: {e}")))?
                .into_owned();
            args[name.as_str()] = Value::String(target);
        }
    }
    Ok(())
}
