//! Per-message authorization: each incoming message is classified into an [`Action`] (a tool
//! name, a resource) and checked against the token's scopes and resource ownership.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::auth::Claims;
use crate::termination::Reason;

/// What one incoming message asks to do. It borrows from the message, so classifying costs no
/// allocation on the per-message path; only a denial copies what it needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Action<'a> {
    /// Correlates the answer to a denied message (a `request_id`, or a JSON-RPC `id` as JSON).
    pub request_id: Option<Cow<'a, str>>,
    /// The tool the message calls, if any.
    pub tool: Option<Cow<'a, str>>,
    /// The resource the message acts on, if any.
    pub resource: Option<Cow<'a, str>>,
    /// The message could not be understood; it is denied with `malformed_message`.
    pub malformed: bool,
}

impl<'a> Action<'a> {
    pub fn call_tool(tool: impl Into<Cow<'a, str>>) -> Self {
        Action {
            tool: Some(tool.into()),
            ..Action::default()
        }
    }

    pub fn read_resource(uri: impl Into<Cow<'a, str>>) -> Self {
        Action {
            resource: Some(uri.into()),
            ..Action::default()
        }
    }

    pub fn with_resource(mut self, uri: impl Into<Cow<'a, str>>) -> Self {
        let uri = uri.into();
        self.resource = (!uri.is_empty()).then_some(uri);
        self
    }

    pub fn with_request_id(mut self, id: impl Into<Cow<'a, str>>) -> Self {
        self.request_id = Some(id.into());
        self
    }

    /// A message that could not be understood.
    pub fn malformed() -> Self {
        Action {
            malformed: true,
            ..Action::default()
        }
    }
}

/// Implemented by message types the guard can authorize one by one.
pub trait Classify {
    fn action(&self) -> Action<'_>;
}

/// A denied message: why, and how to correlate the error reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Denial {
    pub reason: Reason,
    pub request_id: Option<String>,
    /// The tool or resource that was refused, for logs and error messages.
    pub subject: String,
}

/// Decides who owns a resource URI.
pub trait OwnershipRule: Send + Sync + std::fmt::Debug {
    /// The owner's `sub`, or `None` for a resource nobody owns (open to any caller with scope).
    fn owner<'u>(&self, uri: &'u str) -> Option<&'u str>;

    /// Whether the holder of `sub` may act on `uri`: by default when nobody owns it or `sub`
    /// does. Rules that cannot name an owner from the URI alone (a pattern such as
    /// `res-{sub}-*`) decide here instead.
    fn permits(&self, uri: &str, sub: &str) -> bool {
        self.owner(uri).is_none_or(|owner| owner == sub)
    }
}

/// The built-in rule: URIs under `mcp://users/{sub}/` belong to `{sub}`.
#[derive(Debug, Clone, Copy, Default)]
pub struct UserPrefixOwnership;

impl OwnershipRule for UserPrefixOwnership {
    fn owner<'u>(&self, uri: &'u str) -> Option<&'u str> {
        let rest = uri.strip_prefix("mcp://users/")?;
        Some(rest.split('/').next().unwrap_or(rest))
    }
}

/// Which scope each tool needs, the scope to read resources, and the ownership rule.
/// Tools not listed are denied (`unknown_tool`).
#[derive(Debug)]
pub struct Policy {
    pub tool_scopes: HashMap<String, String>,
    /// Scope needed to read or watch a resource without calling a tool.
    pub resource_read_scope: Option<String>,
    pub ownership: Box<dyn OwnershipRule>,
}

impl Default for Policy {
    /// The reference MCP tools: `echo`, `slow_echo` (`tools:echo`), `read_file` (`files:read`),
    /// `write_file` (`files:write`), `delete_repo` (`admin`); resources need `files:read`.
    fn default() -> Self {
        Policy::new(
            [
                ("echo", "tools:echo"),
                ("slow_echo", "tools:echo"),
                ("read_file", "files:read"),
                ("write_file", "files:write"),
                ("delete_repo", "admin"),
            ],
            Some("files:read"),
        )
    }
}

impl Policy {
    pub fn new<'a>(
        tools: impl IntoIterator<Item = (&'a str, &'a str)>,
        resource_read_scope: Option<&str>,
    ) -> Self {
        Policy {
            tool_scopes: tools
                .into_iter()
                .map(|(t, s)| (t.to_string(), s.to_string()))
                .collect(),
            resource_read_scope: resource_read_scope.map(str::to_string),
            ownership: Box::new(UserPrefixOwnership),
        }
    }

    /// The scope a tool needs, if the tool is known.
    pub fn scope_of(&self, tool: &str) -> Option<&str> {
        self.tool_scopes.get(tool).map(String::as_str)
    }

    /// Checks one action of the holder of `claims`.
    pub fn check(&self, claims: &Claims, action: &Action<'_>) -> Result<(), Denial> {
        let deny = |reason, subject: &str| Denial {
            reason,
            request_id: action.request_id.as_deref().map(str::to_owned),
            subject: subject.to_string(),
        };
        if action.malformed {
            return Err(deny(Reason::MalformedMessage, "message"));
        }
        if let Some(tool) = &action.tool {
            match self.scope_of(tool) {
                None => return Err(deny(Reason::UnknownTool, tool)),
                Some(scope) if !claims.has_scope(scope) => {
                    return Err(deny(Reason::InsufficientScope, tool));
                }
                Some(_) => {}
            }
        } else if action.resource.is_some()
            && let Some(scope) = &self.resource_read_scope
            && !claims.has_scope(scope)
        {
            return Err(deny(Reason::InsufficientScope, scope));
        }
        if let Some(uri) = &action.resource
            && !self.ownership.permits(uri, &claims.sub)
        {
            return Err(deny(Reason::ResourceNotOwned, uri));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn claims(sub: &str, scope: &str) -> Claims {
        let raw = json!({"sub": sub, "exp": 1, "scope": scope});
        crate::auth::Claims::from_raw(raw.as_object().unwrap(), &[]).unwrap()
    }

    #[test]
    fn a_tool_needs_its_scope() {
        let p = Policy::default();
        let c = claims("bob", "tools:echo");
        assert!(p.check(&c, &Action::call_tool("echo")).is_ok());
        let d = p
            .check(&c, &Action::call_tool("delete_repo").with_request_id("r2"))
            .unwrap_err();
        assert_eq!(d.reason, Reason::InsufficientScope);
        assert_eq!(d.request_id.as_deref(), Some("r2"));
    }

    #[test]
    fn unknown_tools_are_denied() {
        let d = Policy::default()
            .check(&claims("bob", "admin"), &Action::call_tool("rm_rf"))
            .unwrap_err();
        assert_eq!(d.reason, Reason::UnknownTool);
    }

    #[test]
    fn user_resources_belong_to_their_subject() {
        let p = Policy::default();
        let c = claims("bob", "files:read");
        assert!(
            p.check(&c, &Action::read_resource("mcp://users/bob/notes"))
                .is_ok()
        );
        let d = p
            .check(
                &c,
                &Action::call_tool("read_file").with_resource("mcp://users/alice/notes"),
            )
            .unwrap_err();
        assert_eq!(d.reason, Reason::ResourceNotOwned);
        assert!(
            p.check(&c, &Action::read_resource("mcp://shared/readme"))
                .is_ok()
        );
    }

    #[test]
    fn reading_a_resource_needs_the_read_scope() {
        let d = Policy::default()
            .check(
                &claims("bob", "tools:echo"),
                &Action::read_resource("mcp://users/bob/x"),
            )
            .unwrap_err();
        assert_eq!(d.reason, Reason::InsufficientScope);
    }
}
