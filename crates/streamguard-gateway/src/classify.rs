//! What one incoming message asks to do, and the one place it is authorized.

use std::borrow::Cow;

use smallvec::SmallVec;
use streamguard::StreamSession;
use streamguard::authz::{Action, Denial, Policy};

use crate::config::Untyped;

/// The tool, resources and request id of one incoming message, borrowed from it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Call<'m> {
    pub request_id: Option<Cow<'m, str>>,
    pub tool: Option<Cow<'m, str>>,
    /// Every resource the message acts on; all must be allowed.
    pub resources: SmallVec<[Cow<'m, str>; 2]>,
}

/// Authorizes one message's call with the stream's session, so it is counted, logged and (with
/// `on_deny = "end"`) ends the stream exactly as in `serve`: one action with the tool and every
/// resource, all of which must be owned.
pub fn authorize_call(
    session: &StreamSession,
    policy: &Policy,
    call: &Call<'_>,
    untyped: Untyped,
) -> Result<(), Denial> {
    let resources = call.resources.iter().map(|r| r.as_ref());
    let mut action = match (call.tool.as_deref(), untyped) {
        (Some(tool), _) => Action::call_tool(tool).with_resources(resources),
        (None, _) if !call.resources.is_empty() => Action::default().with_resources(resources),
        (None, Untyped::Allow) => return Ok(()),
        // A message naming no tool is refused as a call of no listed tool.
        (None, Untyped::Deny) => Action::call_tool(""),
    };
    if let Some(id) = call.request_id.as_deref() {
        action = action.with_request_id(id);
    }
    session.authorize_under(policy, &action)
}
