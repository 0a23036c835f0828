//! The per-message rules of one `[[methods]]` entry, compiled against the method's types: how
//! each incoming message is classified and authorized, how a denial is answered, and which
//! responses are dropped. Messages are decoded only to classify them; the bytes forwarded are
//! the bytes received.

use std::collections::HashMap;

use bytes::Bytes;
use prost_reflect::{DescriptorPool, DynamicMessage, MessageDescriptor};
use serde_json::Value;
use streamguard::authz::{Action, Denial, Policy};
use streamguard::termination::{Reason, Termination};
use streamguard::{OnDeny, StreamSession};
use streamguard_descriptors::find_method;

use crate::classify::{Call, authorize_call};
use crate::config::{MethodConfig, Untyped};
use crate::field_path::{FieldPath, Leaf};
use crate::frames::Message;
use crate::jsonrpc;
use crate::ownership::ResourcePattern;
use crate::reply::{DenyTemplate, jsonrpc_frame};

/// What to do with one incoming message.
#[derive(Debug)]
pub enum Verdict {
    Forward,
    /// Not forwarded; answered with `reply` when there is one (the stream goes on), else the
    /// stream has been ended.
    Denied {
        reason: Reason,
        reply: Option<Bytes>,
    },
}

#[derive(Debug)]
enum Inbound {
    Typed {
        tool: Option<FieldPath>,
        resources: Vec<FieldPath>,
        request_id: Option<FieldPath>,
        reply: Option<DenyTemplate>,
    },
    JsonRpc {
        field: FieldPath,
        /// The same field in the response type, for JSON-RPC errors.
        reply_field: FieldPath,
        /// JSON pointers into each JSON-RPC message naming more resources.
        resources: Vec<String>,
    },
}

/// The compiled rules of one method.
#[derive(Debug)]
pub struct MethodRule {
    pub name: String,
    bidi: bool,
    policy: Policy,
    untyped: Untyped,
    input: MessageDescriptor,
    output: MessageDescriptor,
    inbound: Inbound,
    outbound_resource: Option<FieldPath>,
}

impl MethodRule {
    /// Compiles `[[methods]]` entry `index`; errors name the key (`methods[0].tool`).
    pub fn compile(
        index: usize,
        cfg: &MethodConfig,
        pool: &DescriptorPool,
        on_deny: OnDeny,
    ) -> anyhow::Result<MethodRule> {
        let key = |k: &str| format!("methods[{index}].{k}");
        let bad = |k: &str, msg: String| anyhow::anyhow!("config key `{}`: {msg}", key(k));
        let method = find_method(pool, &key("method"), &cfg.method)?;
        let bidi = method.is_client_streaming() && method.is_server_streaming();
        let (input, output) = (method.input(), method.output());
        let path = |k: &str, text: &str, desc: &MessageDescriptor, leaf, singular| {
            FieldPath::parse(text, desc, leaf, singular).map_err(|e| bad(k, e))
        };
        let inbound = match (&cfg.tool, &cfg.jsonrpc) {
            (Some(_), Some(_)) => {
                return Err(bad(
                    "jsonrpc",
                    "set either tool or jsonrpc, not both".into(),
                ));
            }
            (_, Some(field)) => {
                let resources = cfg.resource.to_vec();
                if let Some(r) = resources.iter().find(|r| !r.starts_with("#/")) {
                    return Err(bad(
                        "resource",
                        format!(
                            "{r:?}: with jsonrpc, a resource is a JSON pointer into each JSON-RPC message, e.g. \"#/params/arguments/path\""
                        ),
                    ));
                }
                if cfg.deny_reply.is_some() || cfg.request_id.is_some() {
                    return Err(bad(
                        "deny_reply",
                        "a JSON-RPC method answers denials with a JSON-RPC error carrying the request's id; remove deny_reply and request_id".into(),
                    ));
                }
                Inbound::JsonRpc {
                    field: path("jsonrpc", field, &input, Leaf::JsonText, true)?,
                    reply_field: path("jsonrpc", field, &output, Leaf::JsonText, true).map_err(
                        |e| anyhow::anyhow!("{e} (JSON-RPC errors are sent in the same field of the response type)"),
                    )?,
                    resources: resources.into_iter().map(|r| r[1..].to_string()).collect(),
                }
            }
            (tool, None) => {
                let reply = match &cfg.deny_reply {
                    Some(t) => {
                        Some(DenyTemplate::new(t, &output).map_err(|e| bad("deny_reply", e))?)
                    }
                    None if bidi
                        && on_deny == OnDeny::Reply
                        && (tool.is_some() || !cfg.resource.to_vec().is_empty()) =>
                    {
                        return Err(bad(
                            "deny_reply",
                            format!(
                                "missing: with on_deny = \"reply\" a denied message of the bidirectional {} is answered with a response built from deny_reply (JSON of {}), e.g. '{{\"request_id\": \"{{request_id}}\", \"error\": \"{{reason}}\"}}'; or set [policy] on_deny = \"end\"",
                                cfg.method,
                                output.full_name()
                            ),
                        ));
                    }
                    None => None,
                };
                Inbound::Typed {
                    tool: tool
                        .as_deref()
                        .map(|t| path("tool", t, &input, Leaf::Text, true))
                        .transpose()?,
                    resources: cfg
                        .resource
                        .to_vec()
                        .iter()
                        .map(|r| path("resource", r, &input, Leaf::Text, false))
                        .collect::<Result<_, _>>()?,
                    request_id: cfg
                        .request_id
                        .as_deref()
                        .map(|r| path("request_id", r, &input, Leaf::Text, true))
                        .transpose()?,
                    reply,
                }
            }
        };
        let outbound_resource = cfg
            .outbound_resource
            .as_deref()
            .map(|r| path("outbound_resource", r, &output, Leaf::Text, false))
            .transpose()?;
        let mut policy = Policy::new(
            cfg.scopes.iter().map(|(t, s)| (t.as_str(), s.as_str())),
            cfg.resource_scope.as_deref(),
        );
        if let Some(pattern) = &cfg.resource_owner {
            policy.ownership =
                Box::new(ResourcePattern::parse(pattern).map_err(|e| bad("resource_owner", e))?);
        }
        Ok(MethodRule {
            name: format!("{}/{}", method.parent_service().full_name(), method.name()),
            bidi,
            policy,
            untyped: cfg.untyped,
            input,
            output,
            inbound,
            outbound_resource,
        })
    }

    /// Whether incoming messages need decoding at all.
    pub fn inspects_inbound(&self) -> bool {
        match &self.inbound {
            Inbound::JsonRpc { .. } => true,
            Inbound::Typed {
                tool, resources, ..
            } => tool.is_some() || !resources.is_empty() || self.untyped == Untyped::Deny,
        }
    }

    /// Classifies and authorizes one incoming message.
    pub fn inbound(&self, session: &StreamSession, message: &Message) -> Verdict {
        if !self.inspects_inbound() {
            return Verdict::Forward;
        }
        if message.compressed() {
            // Compressed payloads cannot be inspected, so they cannot be allowed.
            return self.refuse_unreadable(
                session,
                "a compressed message (turn compression off for this method)",
            );
        }
        let decoded = match DynamicMessage::decode(self.input.clone(), message.payload()) {
            Ok(m) => m,
            Err(_) => {
                return self
                    .refuse_unreadable(session, "a message that does not decode as its type");
            }
        };
        match &self.inbound {
            Inbound::Typed {
                tool,
                resources,
                request_id,
                reply,
            } => {
                let mut call = Call::default();
                let mut unreadable = None;
                if let Some(path) = tool {
                    match path.first(&decoded) {
                        Some(Ok(t)) => call.tool = Some(t),
                        Some(Err(e)) => unreadable = Some(e.0),
                        None => {}
                    }
                }
                call.request_id = request_id
                    .as_ref()
                    .and_then(|p| p.first(&decoded))
                    .and_then(Result::ok);
                for path in resources {
                    path.values(&decoded, &mut |r| match r {
                        Ok(r) => call.resources.push(r),
                        Err(e) => unreadable = Some(e.0),
                    });
                }
                let denial = match unreadable {
                    Some(what) => self.malformed(session, call.request_id.as_deref(), &what),
                    None => match authorize_call(session, &self.policy, &call, self.untyped) {
                        Ok(()) => return Verdict::Forward,
                        Err(d) => d,
                    },
                };
                self.denied(session, &denial, || {
                    let t = reply.as_ref()?;
                    let id = denial.request_id.as_deref().unwrap_or_default();
                    match t.render(id, denial.reason.as_str(), &denial.subject) {
                        Ok(frame) => Some(frame),
                        Err(e) => {
                            tracing::warn!(method = %self.name, error = %e, "deny_reply could not be rendered for this request id; ending the stream");
                            None
                        }
                    }
                })
            }
            Inbound::JsonRpc {
                field,
                reply_field,
                resources,
            } => self.inbound_jsonrpc(session, &decoded, field, reply_field, resources),
        }
    }

    fn inbound_jsonrpc(
        &self,
        session: &StreamSession,
        decoded: &DynamicMessage,
        field: &FieldPath,
        reply_field: &FieldPath,
        resources: &[String],
    ) -> Verdict {
        let reply = |json: Value| Some(jsonrpc_frame(&self.output, reply_field, &json));
        let parsed = match field.raw(decoded).map(crate::json::parse_strict) {
            Some(Ok(v)) => v,
            None | Some(Err(_)) => {
                let d = self.malformed(session, None, "a frame that is not JSON");
                return self.denied(session, &d, || {
                    reply(jsonrpc::error(
                        None,
                        jsonrpc::PARSE_ERROR,
                        d.reason.as_str(),
                        &d.subject,
                    ))
                });
            }
        };
        let items = match jsonrpc::items(&parsed) {
            Ok(items) => items,
            Err(what) => {
                let d = self.malformed(session, None, what);
                return self.denied(session, &d, || {
                    reply(jsonrpc::error(
                        None,
                        jsonrpc::INVALID_REQUEST,
                        d.reason.as_str(),
                        &d.subject,
                    ))
                });
            }
        };
        for (i, item) in items.iter().enumerate() {
            let verdict = match jsonrpc::call_of(item, resources) {
                Ok(call) => authorize_call(session, &self.policy, &call, self.untyped)
                    .map_err(|d| (d, jsonrpc::DENIED)),
                Err(what) => Err((
                    self.malformed(session, None, what),
                    jsonrpc::INVALID_REQUEST,
                )),
            };
            let Err((denial, code)) = verdict else {
                continue;
            };
            // The whole frame is held back: the upstream never sees part of a batch.
            return self.denied(session, &denial, || {
                let error_for = |j: usize, it: &Value| {
                    let id = it.get("id");
                    if j == i {
                        Some(jsonrpc::error(
                            id,
                            code,
                            denial.reason.as_str(),
                            &denial.subject,
                        ))
                    } else {
                        // Notifications (no id) get no answer, as JSON-RPC says.
                        id.map(|_| {
                            jsonrpc::error(
                                id,
                                jsonrpc::DENIED,
                                "batch_refused",
                                "another message of the same batch was denied",
                            )
                        })
                    }
                };
                if parsed.is_array() {
                    let errors: Vec<Value> = items
                        .iter()
                        .enumerate()
                        .filter_map(|(j, it)| error_for(j, it))
                        .collect();
                    (!errors.is_empty())
                        .then(|| reply(Value::Array(errors)))
                        .flatten()
                } else {
                    error_for(i, item).and_then(reply)
                }
            });
        }
        Verdict::Forward
    }

    /// Authorizes an unreadable message as malformed (counted and logged like any denial).
    fn malformed(&self, session: &StreamSession, request_id: Option<&str>, what: &str) -> Denial {
        let action = match request_id {
            Some(id) => Action::malformed().with_request_id(id),
            None => Action::malformed(),
        };
        match session.authorize_under(&self.policy, &action) {
            Err(mut d) => {
                d.subject = what.to_string();
                d
            }
            // Only when the per-message control is off; refuse it all the same.
            Ok(()) => Denial {
                reason: Reason::MalformedMessage,
                request_id: request_id.map(str::to_owned),
                subject: what.to_string(),
                required_scope: None,
            },
        }
    }

    fn refuse_unreadable(&self, session: &StreamSession, what: &str) -> Verdict {
        let d = self.malformed(session, None, what);
        self.denied(session, &d, || match &self.inbound {
            Inbound::JsonRpc { reply_field, .. } => Some(jsonrpc_frame(
                &self.output,
                reply_field,
                &jsonrpc::error(None, jsonrpc::PARSE_ERROR, d.reason.as_str(), &d.subject),
            )),
            Inbound::Typed { reply, .. } => reply
                .as_ref()
                .and_then(|t| t.render("", d.reason.as_str(), &d.subject).ok()),
        })
    }

    /// A denied message: the stream goes on with a reply on a bidirectional stream; otherwise
    /// (or when no reply can be built) it ends with the denial's status.
    fn denied(
        &self,
        session: &StreamSession,
        denial: &Denial,
        reply: impl FnOnce() -> Option<Bytes>,
    ) -> Verdict {
        let reason = denial.reason;
        if session.termination().is_some() {
            return Verdict::Denied {
                reason,
                reply: None,
            };
        }
        let reply = if self.bidi { reply() } else { None };
        if reply.is_none() {
            session.terminate(Termination::new(reason));
        }
        Verdict::Denied { reason, reply }
    }

    /// Whether a response may go to the caller: every resource it names must be one the
    /// caller may read.
    pub fn outbound_allowed(&self, session: &StreamSession, message: &Message) -> bool {
        let Some(path) = &self.outbound_resource else {
            return true;
        };
        if message.compressed() {
            return false;
        }
        let Ok(decoded) = DynamicMessage::decode(self.output.clone(), message.payload()) else {
            return false;
        };
        let mut allowed = true;
        path.values(&decoded, &mut |r| {
            allowed &= match r {
                Ok(r) => self
                    .policy
                    .check(session.claims(), &Action::read_resource(r))
                    .is_ok(),
                Err(_) => false,
            }
        });
        allowed
    }
}

/// The compiled rules of every configured method, by request path (`/pkg.Service/Method`).
#[derive(Debug, Default)]
pub struct MethodRules(HashMap<String, std::sync::Arc<MethodRule>>);

impl MethodRules {
    pub fn compile(
        methods: &[MethodConfig],
        pool: &DescriptorPool,
        on_deny: OnDeny,
    ) -> anyhow::Result<MethodRules> {
        let mut rules = HashMap::new();
        for (i, m) in methods.iter().enumerate() {
            let rule = MethodRule::compile(i, m, pool, on_deny)?;
            let path = format!("/{}", rule.name);
            if rules.insert(path, std::sync::Arc::new(rule)).is_some() {
                anyhow::bail!(
                    "config key `methods[{i}].method`: {} is configured twice",
                    m.method
                );
            }
        }
        Ok(MethodRules(rules))
    }

    pub fn get(&self, path: &str) -> Option<&std::sync::Arc<MethodRule>> {
        self.0.get(path)
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.values().map(|r| r.name.as_str())
    }
}
