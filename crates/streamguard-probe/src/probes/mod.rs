//! The six probes. Each measures one finding on the live target and returns a verdict with
//! evidence; they run concurrently, each with its own identity.

pub(crate) mod authentication;
pub(crate) mod cancellation;
pub(crate) mod deadline;
pub(crate) mod expiry;
pub(crate) mod lifetime;
pub(crate) mod per_message;
pub(crate) mod rate_limit;
pub(crate) mod revocation;

use std::time::Duration;

use prost_reflect::MethodDescriptor;
use streamguard_report::{Evidence, Status, Timeline};
use tokio::time::Instant;

use crate::{
    canary::Canary,
    config::{CallSpec, ConfigError},
    credentials::{Identity, Issuer},
    grpc::{MessageTemplate, OpenCall, Target, describe},
};
use streamguard_descriptors::find_method;

/// What every probe gets.
pub(crate) struct Ctx<'a> {
    pub target: &'a Target,
    pub issuer: &'a Issuer,
    pub canary: Option<&'a Canary>,
    pub progress: &'a dyn Fn(&str),
}

/// A probe's verdict and what backs it.
#[derive(Debug)]
pub(crate) struct Verdict {
    pub status: Status,
    pub evidence: Vec<Evidence>,
}

impl Verdict {
    pub fn new(status: Status, message: impl Into<String>, data: serde_json::Value) -> Self {
        Self {
            status,
            evidence: vec![Evidence {
                message: message.into(),
                location: None,
                data,
            }],
        }
    }

    pub fn inconclusive(message: impl Into<String>) -> Self {
        Self::new(Status::Inconclusive, message, serde_json::Value::Null)
    }
}

/// A configured call, resolved against the descriptors.
#[derive(Clone)]
pub(crate) struct ResolvedCall {
    pub method: MethodDescriptor,
    pub request: MessageTemplate,
    pub scopes: Vec<String>,
}

impl ResolvedCall {
    pub fn resolve(target: &Target, key: &str, call: &CallSpec) -> Result<Self, ConfigError> {
        let method = find_method(&target.pool, &format!("{key}.method"), &call.method)?;
        let request =
            MessageTemplate::new(&format!("{key}.request"), method.input(), &call.request)?;
        Ok(Self {
            method,
            request,
            scopes: call.scopes.clone(),
        })
    }

    /// Like [`ResolvedCall::resolve`], for a probe that watches a stream of responses: a method
    /// that does not stream them is a config error listing the target's methods that do.
    pub fn resolve_streaming(
        target: &Target,
        key: &str,
        call: &CallSpec,
        needs: NeedsStream,
    ) -> Result<Self, ConfigError> {
        let resolved = Self::resolve(target, key, call)?;
        needs.check(target, &format!("{key}.method"), &resolved.method)?;
        Ok(resolved)
    }
}

/// The kind of streaming method a probe needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NeedsStream {
    /// Server-streaming or bidirectional: responses keep coming (expiry, revocation).
    Responses,
    /// Bidirectional: many messages on one stream (per-message, rate limit).
    Bidi,
    /// Any streaming method (lifetime, authentication).
    Any,
}

impl NeedsStream {
    fn fits(self, m: &MethodDescriptor) -> bool {
        match self {
            Self::Responses => m.is_server_streaming(),
            Self::Bidi => m.is_server_streaming() && m.is_client_streaming(),
            Self::Any => m.is_server_streaming() || m.is_client_streaming(),
        }
    }

    fn wanted(self) -> &'static str {
        match self {
            Self::Responses => {
                "a method that streams responses (server-streaming or bidirectional)"
            }
            Self::Bidi => "a bidirectional (`stream → stream`) method",
            Self::Any => "a streaming method (server-, client-streaming or bidirectional)",
        }
    }

    /// A method of the wrong kind is a config error naming the kind needed and every method of
    /// the target that fits.
    pub fn check(
        self,
        target: &Target,
        key: &str,
        method: &MethodDescriptor,
    ) -> Result<(), ConfigError> {
        if self.fits(method) {
            return Ok(());
        }
        let fitting: Vec<String> = application_methods(&target.pool)
            .filter(|m| self.fits(m))
            .map(|m| format!("{} ({})", method_name(&m), kind(&m)))
            .collect();
        let found = if fitting.is_empty() {
            "the target's descriptors have none".to_string()
        } else {
            format!("the target's descriptors have: {}", fitting.join(", "))
        };
        Err(ConfigError::invalid(
            key,
            format!(
                "`{}` is {}; this probe needs {}: {found}",
                method_name(method),
                kind(method),
                self.wanted()
            ),
        ))
    }
}

/// The methods of the target's own services: not server reflection or health checking, which
/// every gRPC server may serve and which are not the target's API.
pub(crate) fn application_methods(
    pool: &prost_reflect::DescriptorPool,
) -> impl Iterator<Item = MethodDescriptor> + '_ {
    pool.services()
        .filter(|s| {
            let name = s.full_name();
            !name.starts_with("grpc.reflection.") && !name.starts_with("grpc.health.")
        })
        .flat_map(|s| s.methods().collect::<Vec<_>>())
}

/// `pkg.Service/Method`.
pub(crate) fn method_name(m: &MethodDescriptor) -> String {
    format!("{}/{}", m.parent_service().full_name(), m.name())
}

/// `unary`, `server-streaming`, `client-streaming` or `bidirectional`.
pub(crate) fn kind(m: &MethodDescriptor) -> &'static str {
    match (m.is_client_streaming(), m.is_server_streaming()) {
        (false, false) => "unary",
        (false, true) => "server-streaming",
        (true, false) => "client-streaming",
        (true, true) => "bidirectional",
    }
}

pub(crate) fn ms(d: Duration) -> u64 {
    d.as_millis() as u64
}

/// Milliseconds from `t0` to `t` (0 if before).
pub(crate) fn at(t0: Instant, t: Instant) -> u64 {
    ms(t.saturating_duration_since(t0))
}

/// `850 ms` below a second, `2.35 s` above.
pub(crate) fn secs(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{} ms", d.as_millis())
    } else {
        format!("{:.2} s", d.as_secs_f64())
    }
}

/// Issues a token; a failure becomes an inconclusive verdict naming the credentials.
pub(crate) async fn identity(
    ctx: &Ctx<'_>,
    probe: &str,
    scopes: &[String],
    ttl: Duration,
) -> Result<Identity, Verdict> {
    let sub = ctx.issuer.subject(probe);
    ctx.issuer
        .issue(&sub, scopes, ttl)
        .await
        .map_err(|e| Verdict::inconclusive(format!("could not get a token: {e}")))
}

/// What a probe that watches the canary downstream starts with.
pub(crate) struct CanaryProbe<'a> {
    pub canary: &'a Canary,
    pub id: Identity,
    /// The nonce rendered into the request.
    pub nonce: String,
    /// How the canary recognises this probe's downstream call: the nonce when the request
    /// carries it, else the probe's subject.
    pub marker: String,
}

/// The canary, an identity and the marker of the call the probe is about to make; without a
/// configured canary the probe is inconclusive.
pub(crate) async fn canary_probe<'a>(
    ctx: &Ctx<'a>,
    probe: &str,
    call: &ResolvedCall,
) -> Result<CanaryProbe<'a>, Verdict> {
    let Some(canary) = ctx.canary else {
        return Err(Verdict::inconclusive("no [canary] configured"));
    };
    let id = identity(ctx, probe, &call.scopes, Duration::from_secs(120)).await?;
    let nonce = crate::grpc::nonce();
    let marker = if call.request.mentions_nonce() {
        nonce.clone()
    } else {
        id.sub.clone()
    };
    Ok(CanaryProbe {
        canary,
        id,
        nonce,
        marker,
    })
}

/// Opens the call; a refusal becomes an inconclusive verdict that says what to check.
pub(crate) async fn open(
    ctx: &Ctx<'_>,
    call: &ResolvedCall,
    id: &Identity,
    nonce: &str,
    deadline: Option<Duration>,
) -> Result<OpenCall, Verdict> {
    let msg = call
        .request
        .render(&id.sub, nonce, 1)
        .map_err(|e| Verdict::inconclusive(e.to_string()))?;
    match tokio::time::timeout(
        Duration::from_secs(10),
        ctx.target
            .open(&call.method, Some(&id.token), msg, deadline),
    )
    .await
    {
        Ok(Ok(c)) => Ok(c),
        Ok(Err(s)) => Err(refused(&s)),
        Err(_) => Err(Verdict::inconclusive(format!(
            "{} did not answer the call within 10 s",
            call.method.full_name()
        ))),
    }
}

/// The verdict when the target refuses a probe's call at open.
pub(crate) fn refused(s: &tonic::Status) -> Verdict {
    let hint = match s.code() {
        tonic::Code::Unauthenticated | tonic::Code::PermissionDenied => {
            " — the target refused the probe's token: check [credentials] (algorithm, key, iss, aud, scope claim) and the probe's scopes"
        }
        tonic::Code::Unimplemented => " — the target does not implement this method",
        tonic::Code::InvalidArgument | tonic::Code::NotFound => " — check the probe's request JSON",
        _ => "",
    };
    Verdict::inconclusive(format!(
        "the call was refused at open: {}{hint}",
        describe(s)
    ))
}

/// Serializes a timeline into evidence data next to other fields.
pub(crate) fn with_timeline(mut data: serde_json::Value, timeline: &Timeline) -> serde_json::Value {
    if let Some(obj) = data.as_object_mut() {
        obj.insert(
            "timeline".into(),
            serde_json::to_value(timeline).unwrap_or_default(),
        );
    }
    data
}

/// How a stream we watched ended.
pub(crate) struct Watched {
    pub received: Vec<Instant>,
    /// When and how it ended; `None` if still open at the end of the watch.
    pub end: Option<(Instant, Result<(), tonic::Status>)>,
}

impl Watched {
    /// The timeline of the watched stream from `t0` over `span`, before any marks.
    pub fn timeline(&self, t0: Instant, span: Instant) -> Timeline {
        Timeline {
            span_ms: at(t0, span),
            received_ms: self.received.iter().map(|t| at(t0, *t)).collect(),
            sent_ms: vec![0],
            marks: vec![],
            end: self
                .end
                .as_ref()
                .map(|(t, _)| streamguard_report::TimelineEnd {
                    at_ms: at(t0, *t),
                    status: self.end_label().unwrap_or_default(),
                }),
        }
    }

    pub fn end_label(&self) -> Option<String> {
        self.end.as_ref().map(|(_, r)| match r {
            Ok(()) => "OK".to_string(),
            Err(s) => describe(s),
        })
    }
}

/// Reads the call until it ends or `until`, recording when each message arrived.
pub(crate) async fn watch(call: &mut OpenCall, until: Instant, w: &mut Watched) {
    use crate::grpc::Next;
    if w.end.is_some() {
        return;
    }
    loop {
        match call.next(until).await {
            Next::Message(_) => w.received.push(Instant::now()),
            Next::End(r) => {
                w.end = Some((Instant::now(), r));
                return;
            }
            Next::Timeout => return,
        }
    }
}

/// A call running in its own task, so a probe can watch the canary meanwhile and cancel it.
pub(crate) struct SpawnedCall {
    task: tokio::task::JoinHandle<String>,
}

/// Opens the call and reads it to its end in a task; the task's result says how it ended.
pub(crate) fn spawn_call(
    ctx: &Ctx<'_>,
    call: &ResolvedCall,
    id: &Identity,
    nonce: &str,
    deadline: Option<Duration>,
) -> SpawnedCall {
    let target = ctx.target.clone();
    let (method, token) = (call.method.clone(), id.token.clone());
    let msg = call.request.render(&id.sub, nonce, 1);
    let task = tokio::spawn(async move {
        let msg = match msg {
            Ok(m) => m,
            Err(e) => return e.to_string(),
        };
        let mut c = match target.open(&method, Some(&token), msg, deadline).await {
            Ok(c) => c,
            Err(s) => return describe(&s),
        };
        loop {
            match c.next(Instant::now() + Duration::from_secs(3600)).await {
                crate::grpc::Next::Message(_) => continue,
                crate::grpc::Next::End(Ok(())) => return "OK".into(),
                crate::grpc::Next::End(Err(s)) => return describe(&s),
                crate::grpc::Next::Timeout => return "no answer".into(),
            }
        }
    });
    SpawnedCall { task }
}

impl SpawnedCall {
    /// Waits up to `grace` for the call to end by itself, then cancels it (dropping the call
    /// resets its HTTP/2 stream). `Some(how)` if it had ended by itself.
    pub async fn finish(self, grace: Duration) -> Option<String> {
        let mut task = self.task;
        if (task.is_finished() || !grace.is_zero())
            && let Ok(Ok(end)) = tokio::time::timeout(grace, &mut task).await
        {
            return Some(end);
        }
        task.abort();
        let _ = task.await;
        None
    }
}
