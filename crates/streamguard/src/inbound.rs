//! A wrapper for an incoming message stream (`tonic::Streaming<T>`) that authorizes every
//! message before the handler sees it.

use std::borrow::Cow;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::Stream;
use tonic::Status;

use crate::authz::{Action, Classify, Denial, Policy};
use crate::resource;
use crate::session::StreamSession;

/// One incoming message after authorization. A denied message's body never reaches the
/// handler: only what it needs to answer it (its request id and the reason).
#[derive(Debug)]
pub enum Inbound<T> {
    Allowed(T),
    Denied(Denial),
}

/// Yields each message of `S` as [`Inbound::Allowed`] or [`Inbound::Denied`], classified by
/// `F`. When the policy ends streams on denial, the stream ends instead of yielding the denial.
pub struct AuthorizedStream<S, F> {
    inner: S,
    session: StreamSession,
    classify: F,
}

impl<S, F> AuthorizedStream<S, F> {
    pub fn new(inner: S, session: StreamSession, classify: F) -> Self {
        AuthorizedStream {
            inner,
            session,
            classify,
        }
    }
}

impl<S, T, F> Stream for AuthorizedStream<S, F>
where
    S: Stream<Item = Result<T, Status>> + Unpin,
    F: for<'m> Fn(&'m T) -> Action<'m> + Unpin,
{
    type Item = Result<Inbound<T>, Status>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.session.termination().is_some() {
            return Poll::Ready(None);
        }
        let item = match Pin::new(&mut self.inner).poll_next(cx) {
            Poll::Ready(Some(Ok(message))) => message,
            Poll::Ready(Some(Err(status))) => return Poll::Ready(Some(Err(status))),
            Poll::Ready(None) => return Poll::Ready(None),
            Poll::Pending => return Poll::Pending,
        };
        let verdict = {
            let action = (self.classify)(&item);
            self.session.authorize(&action)
        };
        match verdict {
            Ok(()) => Poll::Ready(Some(Ok(Inbound::Allowed(item)))),
            Err(_) if self.session.termination().is_some() => Poll::Ready(None),
            Err(denial) => Poll::Ready(Some(Ok(Inbound::Denied(denial)))),
        }
    }
}

impl StreamSession {
    /// Wraps a handler's incoming stream so every message is authorized.
    pub fn authorize_inbound<S, T>(&self, inbound: S) -> AuthorizedStream<S, fn(&T) -> Action<'_>>
    where
        S: Stream<Item = Result<T, Status>>,
        T: Classify,
    {
        AuthorizedStream::new(inbound, self.clone(), T::action as fn(&T) -> Action<'_>)
    }

    /// Like [`Self::authorize_inbound`], for message types classified by a function.
    /// The bound lets a closure borrow from the message it classifies.
    pub fn authorize_inbound_with<S, T, F>(&self, inbound: S, classify: F) -> AuthorizedStream<S, F>
    where
        S: Stream<Item = Result<T, Status>>,
        F: for<'m> Fn(&'m T) -> Action<'m>,
    {
        AuthorizedStream::new(inbound, self.clone(), classify)
    }
}

/// Classifies one MCP JSON-RPC message: `tools/call` by `params.name`, with every resource it
/// names — `params.uri`, `params.arguments.uri`, and the arguments the policy says the tool acts
/// on (e.g. `arguments.path` of `read_file`), relative ones resolved against the declared URI
/// with [`resource::target`]; `resources/read` and `resources/subscribe` by `params.uri`. Other
/// methods (initialize, lists, notifications, responses) need no scope.
pub fn classify_jsonrpc(json: &[u8], policy: &Policy) -> Action<'static> {
    use serde_json::Value;
    let Ok(Value::Object(msg)) = serde_json::from_slice::<Value>(json) else {
        return Action::malformed();
    };
    let request_id = msg.get("id").map(Value::to_string);
    let params = msg.get("params");
    let at = |path: &[&str]| {
        let mut v = params?;
        for key in path {
            v = v.get(key)?;
        }
        Some(v)
    };
    let str_at = |path: &[&str]| at(path).and_then(Value::as_str);
    let mut action = match msg.get("method").and_then(Value::as_str) {
        Some("tools/call") => match str_at(&["name"]) {
            Some(name) => {
                let mut action = Action::call_tool(name.to_owned());
                let declared = str_at(&["uri"]).or_else(|| str_at(&["arguments", "uri"]));
                for key in [&["uri"][..], &["arguments", "uri"]] {
                    match at(key) {
                        Some(Value::String(uri)) => action.add_resource(uri.clone()),
                        Some(_) => action.set_malformed(),
                        None => {}
                    }
                }
                for arg in policy.resource_arguments(name) {
                    match at(&["arguments", arg]) {
                        Some(Value::String(reference)) => {
                            match resource::target(declared, reference) {
                                Ok(t) => action.add_resource(t.into_owned()),
                                Err(_) => action.set_malformed(),
                            }
                        }
                        Some(_) => action.set_malformed(),
                        None => {}
                    }
                }
                action
            }
            None => Action::malformed(),
        },
        Some("resources/read" | "resources/subscribe") => match str_at(&["uri"]) {
            Some(uri) => Action::read_resource(uri.to_owned()),
            None => Action::malformed(),
        },
        _ => Action::default(),
    };
    action.request_id = request_id.map(Cow::Owned);
    action
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(json: &[u8]) -> Action<'static> {
        classify_jsonrpc(json, &Policy::default())
    }

    #[test]
    fn jsonrpc_tool_calls_are_classified_by_params_name() {
        let a = classify(br#"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"delete_repo","arguments":{}}}"#);
        assert_eq!(a.tool.as_deref(), Some("delete_repo"));
        assert_eq!(a.request_id.as_deref(), Some("7"));
    }

    #[test]
    fn jsonrpc_resource_reads_are_classified_by_uri() {
        let a = classify(br#"{"jsonrpc":"2.0","id":"a","method":"resources/read","params":{"uri":"mcp://users/x/y"}}"#);
        assert_eq!(a.resources().collect::<Vec<_>>(), ["mcp://users/x/y"]);
        assert_eq!(a.request_id.as_deref(), Some("\"a\""));
    }

    #[test]
    fn jsonrpc_tool_calls_name_every_resource_including_the_arguments_the_tool_acts_on() {
        let a = classify(br#"{"id":1,"method":"tools/call","params":{"name":"read_file","uri":"mcp://users/bob/a","arguments":{"uri":"mcp://users/bob/b","path":"mcp://users/alice/secret"}}}"#);
        assert_eq!(
            a.resources().collect::<Vec<_>>(),
            [
                "mcp://users/bob/a",
                "mcp://users/bob/b",
                "mcp://users/alice/secret"
            ]
        );
        let a = classify(br#"{"id":1,"method":"tools/call","params":{"name":"write_file","uri":"mcp://users/bob/dir/x","arguments":{"path":"../../alice/y"}}}"#);
        assert_eq!(a.resources().last(), Some("mcp://users/alice/y"));
    }

    #[test]
    fn jsonrpc_resource_arguments_that_are_not_strings_or_lack_a_base_are_malformed() {
        assert!(classify(br#"{"id":1,"method":"tools/call","params":{"name":"read_file","arguments":{"path":["mcp://users/alice/x"]}}}"#).malformed);
        assert!(classify(br#"{"id":1,"method":"tools/call","params":{"name":"read_file","arguments":{"path":"notes"}}}"#).malformed);
        assert!(
            classify(br#"{"id":1,"method":"tools/call","params":{"name":"echo","uri":7}}"#)
                .malformed
        );
    }

    /// Compiles only if a closure classifier may borrow from the message (never run).
    #[allow(dead_code)]
    fn a_closure_classifier_borrows_from_the_message(session: &StreamSession) {
        let inbound = futures::stream::empty::<Result<String, Status>>();
        let _ = session.authorize_inbound_with(inbound, |m: &String| Action::call_tool(m.as_str()));
    }

    #[test]
    fn garbage_and_nameless_tool_calls_are_malformed() {
        assert!(classify(b"not json").malformed);
        assert!(classify(br#"{"method":"tools/call","params":{}}"#).malformed);
        assert!(!classify(br#"{"method":"tools/list"}"#).malformed);
    }
}
