//! Per-message authorization: each incoming message is classified into an [`Action`] (a tool
//! name, a resource) and checked against the token's scopes and resource ownership.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::auth::Claims;
use crate::resource;
use crate::termination::Reason;

/// The resources one message names: two fit inline, so classifying allocates nothing for the
/// usual message; more spill to a vector.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Resources<'a> {
    inline: [Option<Cow<'a, str>>; 2],
    more: Vec<Cow<'a, str>>,
}

impl<'a> Resources<'a> {
    fn push(&mut self, uri: Cow<'a, str>) {
        match self.inline.iter_mut().find(|slot| slot.is_none()) {
            Some(slot) => *slot = Some(uri),
            None => self.more.push(uri),
        }
    }

    fn iter(&self) -> impl Iterator<Item = &Cow<'a, str>> {
        self.inline.iter().flatten().chain(self.more.iter())
    }

    fn is_empty(&self) -> bool {
        self.inline[0].is_none()
    }
}

/// What one incoming message asks to do. It borrows from the message, so classifying costs no
/// allocation on the per-message path; only a denial copies what it needs.
///
/// A message may name several resources (a declared `resource_uri`, a JSON-RPC `params.uri`,
/// the arguments a tool acts on): every one of them must be allowed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Action<'a> {
    /// Correlates the answer to a denied message (a `request_id`, or a JSON-RPC `id` as JSON).
    pub request_id: Option<Cow<'a, str>>,
    /// The tool the message calls, if any.
    pub tool: Option<Cow<'a, str>>,
    /// Every resource the message acts on.
    resources: Resources<'a>,
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
        Action::default().with_resource(uri)
    }

    /// Adds a resource the message acts on (an empty string names none).
    pub fn with_resource(mut self, uri: impl Into<Cow<'a, str>>) -> Self {
        self.add_resource(uri);
        self
    }

    /// Adds every resource of `uris`.
    pub fn with_resources<U: Into<Cow<'a, str>>>(
        mut self,
        uris: impl IntoIterator<Item = U>,
    ) -> Self {
        for uri in uris {
            self.add_resource(uri);
        }
        self
    }

    /// Adds a resource the message acts on (an empty string names none).
    pub fn add_resource(&mut self, uri: impl Into<Cow<'a, str>>) {
        let uri = uri.into();
        if !uri.is_empty() {
            self.resources.push(uri);
        }
    }

    /// The resources the message acts on, as the classifier found them.
    pub fn resources(&self) -> impl Iterator<Item = &str> {
        self.resources.iter().map(|r| &**r)
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

    /// Marks the message as not understood (e.g. an argument the tool acts on is not a string).
    pub fn set_malformed(&mut self) {
        self.malformed = true;
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
    /// The scope the message needed, for an `insufficient_scope` denial.
    pub required_scope: Option<String>,
}

/// Decides who owns a resource URI. It is given URIs in the canonical form of
/// [`resource::normalize`], never raw ones.
pub trait OwnershipRule: Send + Sync + std::fmt::Debug {
    /// The owner's `sub`, or `None` for a resource nobody owns (open to any caller with scope).
    fn owner<'u>(&self, uri: &'u str) -> Option<&'u str>;

    /// Whether the holder of `sub` may act on `uri`: by default when nobody owns it or `sub`
    /// does. Rules that cannot name an owner from the URI alone (a pattern such as
    /// `res-{sub}-*`) decide here instead.
    fn permits(&self, uri: &str, sub: &str) -> bool {
        self.owner(uri).is_none_or(|owner| owner == sub)
    }

    /// The form ownership is decided on — which must be exactly what the tool acts on — or why
    /// the resource has none. By default an RFC 3986 normalized URI ([`resource::normalize`]);
    /// a rule for opaque identifiers, or a proxy that forwards the bytes it was sent (and so
    /// must refuse anything not already canonical), decides differently.
    fn canonical<'u>(&self, resource: &'u str) -> Result<Cow<'u, str>, resource::UriError> {
        resource::normalize(resource)
    }
}

/// The built-in rule: URIs under `mcp://users/{sub}/` belong to `{sub}`.
#[derive(Debug, Clone, Copy, Default)]
pub struct UserPrefixOwnership;

impl OwnershipRule for UserPrefixOwnership {
    fn owner<'u>(&self, uri: &'u str) -> Option<&'u str> {
        let rest = uri.strip_prefix("mcp://users/")?;
        Some(&rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())])
    }
}

/// Which scope each tool needs, which of its arguments name the resources it acts on, the
/// scope to read resources, and the ownership rule. Tools not listed are denied (`unknown_tool`).
#[derive(Debug)]
pub struct Policy {
    pub tool_scopes: HashMap<String, String>,
    /// Per tool, the arguments whose values are resources the tool acts on (its schema's
    /// resource fields): a classifier adds them to the [`Action`], so they are authorized too.
    pub resource_arguments: HashMap<String, Vec<String>>,
    /// Scope needed to read or watch a resource without calling a tool.
    pub resource_read_scope: Option<String>,
    pub ownership: Box<dyn OwnershipRule>,
}

impl Default for Policy {
    /// The reference MCP tools: `echo`, `slow_echo` (`tools:echo`), `read_file` (`files:read`),
    /// `write_file` (`files:write`), `delete_repo` (`admin`); resources need `files:read`; the
    /// file tools act on their `path` argument.
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
        .with_resource_argument("read_file", "path")
        .with_resource_argument("write_file", "path")
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
            resource_arguments: HashMap::new(),
            resource_read_scope: resource_read_scope.map(str::to_string),
            ownership: Box::new(UserPrefixOwnership),
        }
    }

    /// Declares that `tool` acts on the resource named by its argument `argument`.
    pub fn with_resource_argument(mut self, tool: &str, argument: &str) -> Self {
        let args = self.resource_arguments.entry(tool.to_string()).or_default();
        if !args.iter().any(|a| a == argument) {
            args.push(argument.to_string());
        }
        self
    }

    /// The arguments of `tool` that name resources it acts on.
    pub fn resource_arguments(&self, tool: &str) -> &[String] {
        self.resource_arguments.get(tool).map_or(&[], Vec::as_slice)
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
            required_scope: None,
        };
        let lacks = |subject: &str, scope: &str| Denial {
            required_scope: Some(scope.to_string()),
            ..deny(Reason::InsufficientScope, subject)
        };
        if action.malformed {
            return Err(deny(Reason::MalformedMessage, "message"));
        }
        if let Some(tool) = &action.tool {
            match self.scope_of(tool) {
                None => return Err(deny(Reason::UnknownTool, tool)),
                Some(scope) if !claims.has_scope(scope) => return Err(lacks(tool, scope)),
                Some(_) => {}
            }
        } else if !action.resources.is_empty()
            && let Some(scope) = &self.resource_read_scope
            && !claims.has_scope(scope)
        {
            return Err(lacks(scope, scope));
        }
        // Ownership is decided on the canonical form: the one the tool is handed.
        for uri in action.resources.iter() {
            let Ok(uri) = self.ownership.canonical(uri) else {
                return Err(deny(Reason::MalformedMessage, uri));
            };
            if !self.ownership.permits(&uri, &claims.sub) {
                return Err(deny(Reason::ResourceNotOwned, &uri));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn claims(sub: &str, scope: &str) -> Claims {
        let raw = json!({"sub": sub, "exp": 1, "iat": 0, "scope": scope});
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
        assert_eq!(d.required_scope.as_deref(), Some("admin"));
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
    fn every_resource_a_message_names_must_be_owned() {
        let p = Policy::default();
        let c = claims("bob", "files:read");
        let a = Action::call_tool("read_file")
            .with_resource("mcp://users/bob/notes")
            .with_resource("mcp://users/alice/notes");
        let d = p.check(&c, &a).unwrap_err();
        assert_eq!(d.reason, Reason::ResourceNotOwned);
        assert_eq!(d.subject, "mcp://users/alice/notes");
    }

    #[test]
    fn ownership_is_decided_on_the_normalized_uri() {
        let p = Policy::default();
        let c = claims("bob", "files:read");
        for disguised in [
            "mcp://users/bob/../alice/notes",
            "mcp://users/bob/%2e%2e/alice/notes",
            "MCP://USERS/alice/notes",
            "mcp://users/%61lice/notes",
            "mcp://users/alice?x",
        ] {
            let d = p.check(&c, &Action::read_resource(disguised)).unwrap_err();
            assert_eq!(d.reason, Reason::ResourceNotOwned, "{disguised}");
        }
        for unusable in [
            "mcp://bob@users/alice/x",
            "mcp://users//alice",
            "users/alice",
        ] {
            let d = p.check(&c, &Action::read_resource(unusable)).unwrap_err();
            assert_eq!(d.reason, Reason::MalformedMessage, "{unusable}");
        }
        assert!(
            p.check(&c, &Action::read_resource("MCP://users/bob/./x"))
                .is_ok()
        );
    }

    #[test]
    fn the_file_tools_act_on_their_path_argument() {
        let p = Policy::default();
        assert_eq!(p.resource_arguments("read_file"), ["path"]);
        assert_eq!(p.resource_arguments("write_file"), ["path"]);
        assert!(p.resource_arguments("echo").is_empty());
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
        assert_eq!(d.required_scope.as_deref(), Some("files:read"));
    }
}
