//! What one incoming message asks to do, and the one place it is authorized.

use std::borrow::Cow;

use streamguard::StreamSession;
use streamguard::authz::{Action, Denial, Policy};

use crate::config::Untyped;

/// The tool, resources and request id of one incoming message, borrowed from it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Call<'m> {
    pub request_id: Option<Cow<'m, str>>,
    pub tool: Option<Cow<'m, str>>,
    /// Every resource the message acts on; all must be allowed.
    pub resources: Vec<Cow<'m, str>>,
}

/// Authorizes one message's call with the stream's session, so it is counted, logged and (with
/// `on_deny = "end"`) ends the stream exactly as in `serve`. Each resource is checked with the
/// tool, and all must pass. This is the one place to move to a multi-resource `Action`.
pub fn authorize_call(
    session: &StreamSession,
    policy: &Policy,
    call: &Call<'_>,
    untyped: Untyped,
) -> Result<(), Denial> {
    let id = call.request_id.as_deref();
    fn with_id<'a>(action: Action<'a>, id: Option<&'a str>) -> Action<'a> {
        match id {
            Some(id) => action.with_request_id(id),
            None => action,
        }
    }
    let tool = call.tool.as_deref();
    if call.resources.is_empty() {
        return match (tool, untyped) {
            (Some(tool), _) => {
                session.authorize_under(policy, &with_id(Action::call_tool(tool), id))
            }
            (None, Untyped::Allow) => Ok(()),
            // A message naming no tool is refused as a call of no listed tool.
            (None, Untyped::Deny) => {
                session.authorize_under(policy, &with_id(Action::call_tool(""), id))
            }
        };
    }
    for resource in &call.resources {
        let action = match tool {
            Some(tool) => Action::call_tool(tool).with_resource(resource.as_ref()),
            None => Action::read_resource(resource.as_ref()),
        };
        session.authorize_under(policy, &with_id(action, id))?;
    }
    Ok(())
}
