//! One audit: connect, resolve descriptors and every probe's messages, start the canary, run the
//! probes concurrently, and assemble the report.

use std::{collections::BTreeMap, time::Duration};

use prost_reflect::DynamicMessage;
use streamguard_descriptors::{self as descriptors, DescriptorError, find_method, split_method};
use streamguard_report::{
    Check, Evidence, FindingId, FindingResult, RenderOptions, Report, ReportKind, Status,
};
use tokio::time::Instant;

use crate::{
    canary::Canary,
    config::{ConfigError, ProbeConfig},
    credentials::Issuer,
    grpc::{self, ConnectError, MessageTemplate, Target},
    probes::{self, Ctx, NeedsStream, ResolvedCall, Verdict},
};

/// Why an audit could not run. Probes that ran but saw something odd are verdicts, not errors.
#[derive(Debug, thiserror::Error)]
pub enum ProbeError {
    /// The config is wrong: the message names the key and what to do (exit code 2).
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The target could not be reached (exit code 3).
    #[error("target unreachable: {message}")]
    Unreachable { endpoint: String, message: String },
}

impl ProbeError {
    /// The documented exit code of this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Config(_) => streamguard_report::exit::CONFIG_ERROR,
            Self::Unreachable { .. } => streamguard_report::exit::TARGET_UNREACHABLE,
        }
    }
}

/// The result of an audit: the report and how long each probe took.
#[derive(Debug, Clone)]
pub struct ProbeOutcome {
    pub report: Report,
    /// Wall time of the whole audit.
    pub wall_time: Duration,
    /// Wall time of each finding's probe (F1: expiry and revocation together).
    pub probe_durations: BTreeMap<FindingId, Duration>,
}

impl ProbeOutcome {
    /// Render options carrying the timings of this audit.
    pub fn render_options(&self) -> RenderOptions {
        RenderOptions {
            duration: Some(self.wall_time),
            finding_durations: self.probe_durations.clone(),
            ..RenderOptions::default()
        }
    }

    /// `--require-all`: findings without a verdict (inconclusive or not tested) count as
    /// failed. Returns how many there were.
    pub fn require_all(&mut self) -> usize {
        self.report.require_all()
    }
}

struct Plans {
    authentication: Option<probes::authentication::Plan>,
    expiry: Option<probes::expiry::Plan>,
    revocation: Option<probes::revocation::Plan>,
    per_message: Option<probes::per_message::Plan>,
    deadline: Option<probes::deadline::Plan>,
    cancellation: Option<probes::cancellation::Plan>,
    rate_limit: Option<probes::rate_limit::Plan>,
    lifetime: Option<probes::lifetime::Plan>,
}

impl Plans {
    fn resolve(config: &ProbeConfig, t: &Target) -> Result<Self, ConfigError> {
        let p = &config.probes;
        let all_scopes = config.all_scopes();
        let mut plans = Self {
            authentication: None,
            expiry: p
                .expiry
                .as_ref()
                .map(|c| {
                    Ok::<_, ConfigError>(probes::expiry::Plan {
                        call: ResolvedCall::resolve_streaming(
                            t,
                            "probes.expiry",
                            &c.call,
                            NeedsStream::Responses,
                        )?,
                        cfg: c.clone(),
                    })
                })
                .transpose()?,
            revocation: match (&p.revocation, &config.revocation) {
                (Some(c), Some(hook)) => Some(probes::revocation::Plan {
                    call: ResolvedCall::resolve_streaming(
                        t,
                        "probes.revocation",
                        &c.call,
                        NeedsStream::Responses,
                    )?,
                    cfg: c.clone(),
                    hook: hook.clone(),
                    dir: config.base_dir().map(Into::into),
                }),
                _ => None,
            },
            per_message: p
                .per_message
                .as_ref()
                .map(|c| probes::per_message::Plan::resolve(t, c, &all_scopes))
                .transpose()?,
            deadline: p
                .deadline
                .as_ref()
                .map(|c| {
                    Ok::<_, ConfigError>(probes::deadline::Plan {
                        call: ResolvedCall::resolve(t, "probes.deadline", &c.call)?,
                        cfg: c.clone(),
                    })
                })
                .transpose()?,
            cancellation: p
                .cancellation
                .as_ref()
                .map(|c| {
                    Ok::<_, ConfigError>(probes::cancellation::Plan {
                        call: ResolvedCall::resolve(t, "probes.cancellation", &c.call)?,
                        cfg: c.clone(),
                    })
                })
                .transpose()?,
            rate_limit: p
                .rate_limit
                .as_ref()
                .map(|c| probes::rate_limit::Plan::resolve(t, c, &all_scopes))
                .transpose()?,
            lifetime: p
                .lifetime
                .as_ref()
                .map(|c| {
                    Ok::<_, ConfigError>(probes::lifetime::Plan {
                        call: ResolvedCall::resolve_streaming(
                            t,
                            "probes.lifetime",
                            &c.call,
                            NeedsStream::Any,
                        )?,
                        cfg: c.clone(),
                    })
                })
                .transpose()?,
        };
        let auth = p.authentication.clone().unwrap_or_default();
        if auth.enabled {
            let calls = if auth.calls.is_empty() {
                plans.streaming_calls()
            } else {
                auth.calls
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        ResolvedCall::resolve_streaming(
                            t,
                            &format!("probes.authentication.calls[{i}]"),
                            c,
                            NeedsStream::Any,
                        )
                    })
                    .collect::<Result<_, _>>()?
            };
            plans.authentication = Some(probes::authentication::Plan { calls, cfg: auth });
        }
        Ok(plans)
    }

    /// One call per streaming method the other probes name (the first request wins): what the
    /// authentication probe opens by default.
    fn streaming_calls(&self) -> Vec<ResolvedCall> {
        let message_call =
            |method: &prost_reflect::MethodDescriptor, request, scopes: &[String]| ResolvedCall {
                method: method.clone(),
                request,
                scopes: scopes.to_vec(),
            };
        let candidates = [
            self.expiry.as_ref().map(|p| p.call.clone()),
            self.revocation.as_ref().map(|p| p.call.clone()),
            self.lifetime.as_ref().map(|p| p.call.clone()),
            self.per_message
                .as_ref()
                .map(|p| message_call(&p.method, p.allowed.clone(), &p.cfg.scopes)),
            self.rate_limit
                .as_ref()
                .map(|p| message_call(&p.method, p.message.clone(), &p.cfg.scopes)),
            self.deadline.as_ref().map(|p| p.call.clone()),
            self.cancellation.as_ref().map(|p| p.call.clone()),
        ];
        let mut calls: Vec<ResolvedCall> = Vec::new();
        for call in candidates.into_iter().flatten() {
            let streams = call.method.is_client_streaming() || call.method.is_server_streaming();
            if streams
                && !calls
                    .iter()
                    .any(|c| c.method.full_name() == call.method.full_name())
            {
                calls.push(call);
            }
        }
        calls
    }
}

/// The services whose descriptors reflection must give: those of every configured method.
fn services(config: &ProbeConfig) -> Vec<String> {
    let p = &config.probes;
    let auth_calls = p
        .authentication
        .iter()
        .flat_map(|a| a.calls.iter().map(|c| c.method.as_str()));
    let mut methods: Vec<&str> = [
        p.expiry.as_ref().map(|c| c.call.method.as_str()),
        p.revocation.as_ref().map(|c| c.call.method.as_str()),
        p.per_message.as_ref().map(|c| c.method.as_str()),
        p.deadline.as_ref().map(|c| c.call.method.as_str()),
        p.cancellation.as_ref().map(|c| c.call.method.as_str()),
        p.rate_limit.as_ref().map(|c| c.method.as_str()),
        p.lifetime.as_ref().map(|c| c.call.method.as_str()),
    ]
    .into_iter()
    .flatten()
    .chain(auth_calls)
    .collect();
    if let Some(c) = config.canary.as_ref().filter(|c| c.descriptors.is_none()) {
        methods.push(&c.method);
    }
    let mut out: Vec<String> = methods
        .iter()
        .filter_map(|m| split_method(m))
        .map(|(s, _)| s.to_string())
        .collect();
    out.sort();
    out.dedup();
    out
}

fn descriptor_error(config: &ProbeConfig, e: DescriptorError) -> ProbeError {
    match e {
        e @ DescriptorError::Invalid { .. } => ProbeError::Config(e.into()),
        DescriptorError::Unreachable(message) => ProbeError::Unreachable {
            endpoint: config.endpoint.clone(),
            message,
        },
    }
}

async fn start_canary(
    config: &ProbeConfig,
    target: &Target,
    channel: &tonic::transport::Channel,
) -> Result<Option<Canary>, ProbeError> {
    let Some(c) = &config.canary else {
        return Ok(None);
    };
    let pool = match &c.descriptors {
        Some(d) => {
            let symbols: Vec<String> = split_method(&c.method)
                .map(|(s, _)| vec![s.to_string()])
                .unwrap_or_default();
            descriptors::load("canary.descriptors", d, channel, &symbols)
                .await
                .map_err(|e| descriptor_error(config, e))?
        }
        None => target.pool.clone(),
    };
    let method = find_method(&pool, "canary.method", &c.method).map_err(ConfigError::from)?;
    if method.is_client_streaming() || method.is_server_streaming() {
        return Err(ConfigError::invalid(
            "canary.method",
            format!(
                "`{}` is streaming; the canary implements a unary method",
                c.method
            ),
        )
        .into());
    }
    let response = match &c.response {
        Some(json) => {
            MessageTemplate::new("canary.response", method.output(), json)?.render("", "", 1)?
        }
        None => DynamicMessage::new(method.output()),
    };
    let canary = Canary::start(c.listen, method, response, c.max_hold)
        .await
        .map_err(|e| {
            ConfigError::invalid(
                "canary.listen",
                format!("cannot listen on {}: {e}; choose a free address", c.listen),
            )
        })?;
    Ok(Some(canary))
}

/// Loads the message types: the services the config names and, with reflection, every service
/// the target lists (so errors and notes can name its streaming methods). Returns the pool and
/// whether it holds every service of the target.
async fn load_descriptors(
    config: &ProbeConfig,
    channel: &tonic::transport::Channel,
) -> Result<(prost_reflect::DescriptorPool, bool), ProbeError> {
    let named = services(config);
    if config.descriptors.source != descriptors::DescriptorSource::Reflection
        || config.descriptors.encoded.is_some()
    {
        let pool = descriptors::load("descriptors", &config.descriptors, channel, &named)
            .await
            .map_err(|e| descriptor_error(config, e))?;
        return Ok((pool, true));
    }
    if let Ok(listed) = descriptors::list_services(channel).await {
        let mut all = named.clone();
        all.extend(listed);
        all.sort();
        all.dedup();
        if let Ok(pool) = descriptors::load("descriptors", &config.descriptors, channel, &all).await
        {
            return Ok((pool, true));
        }
    }
    let pool = descriptors::load("descriptors", &config.descriptors, channel, &named)
        .await
        .map_err(|e| descriptor_error(config, e))?;
    Ok((pool, false))
}

/// What became of one probe: its verdict and wall time, or why it did not run.
enum Ran {
    Done(Verdict, Duration),
    /// Not run: the reason, for the report.
    Skipped(String),
}

/// Audits the target the config describes. `progress` gets one short line per step.
pub async fn audit(
    config: &ProbeConfig,
    progress: &dyn Fn(&str),
) -> Result<ProbeOutcome, ProbeError> {
    let started = Instant::now();
    config.check()?;
    progress(&format!("connecting to {}", config.endpoint));
    let channel = grpc::connect(config).await.map_err(|e| match e {
        ConnectError::Config(c) => ProbeError::Config(c),
        ConnectError::Unreachable(message) => ProbeError::Unreachable {
            endpoint: config.endpoint.clone(),
            message,
        },
    })?;
    progress("loading message types");
    let (pool, whole) = load_descriptors(config, &channel).await?;
    let target = Target::new(config, channel.clone(), pool)?;
    let plans = Plans::resolve(config, &target)?;
    let issuer = Issuer::new(&config.credentials, config.base_dir());
    let credentials = issuer.given();
    let canary = if credentials {
        start_canary(config, &target, &channel).await?
    } else {
        None
    };
    let ctx = Ctx {
        target: &target,
        issuer: &issuer,
        canary: canary.as_ref(),
        progress,
    };
    progress("probing");

    const NO_CREDENTIALS: &str = "not tested: no credentials were given ([credentials.mint] or credentials.command), so only authentication at open was probed";
    async fn timed<P>(
        ctx: &Ctx<'_>,
        plan: Option<&P>,
        needs_credentials: bool,
        missing: &str,
        run: impl AsyncFnOnce(&Ctx<'_>, &P) -> Verdict,
    ) -> Ran {
        let Some(plan) = plan else {
            return Ran::Skipped(missing.to_string());
        };
        if needs_credentials && !ctx.issuer.given() {
            return Ran::Skipped(NO_CREDENTIALS.to_string());
        }
        let t = Instant::now();
        let v = run(ctx, plan).await;
        Ran::Done(v, t.elapsed())
    }
    let p = &plans;
    let (
        authentication,
        expiry,
        revocation,
        per_message,
        deadline,
        cancellation,
        rate_limit,
        lifetime,
    ) = tokio::join!(
        timed(
            &ctx,
            p.authentication.as_ref(),
            false,
            "switched off: [probes.authentication] enabled = false",
            probes::authentication::run
        ),
        timed(
            &ctx,
            p.expiry.as_ref(),
            true,
            "not probed: no [probes.expiry] section",
            probes::expiry::run
        ),
        timed(
            &ctx,
            p.revocation.as_ref(),
            true,
            "not probed: add a [revocation] hook and [probes.revocation]",
            probes::revocation::run
        ),
        timed(
            &ctx,
            p.per_message.as_ref(),
            true,
            "not probed: no [probes.per_message] section",
            probes::per_message::run
        ),
        timed(
            &ctx,
            p.deadline.as_ref(),
            true,
            "not probed: no [probes.deadline] section",
            probes::deadline::run
        ),
        timed(
            &ctx,
            p.cancellation.as_ref(),
            true,
            "not probed: no [probes.cancellation] section",
            probes::cancellation::run
        ),
        timed(
            &ctx,
            p.rate_limit.as_ref(),
            true,
            "not probed: no [probes.rate_limit] section",
            probes::rate_limit::run
        ),
        timed(
            &ctx,
            p.lifetime.as_ref(),
            true,
            "not probed: no [probes.lifetime] section",
            probes::lifetime::run
        ),
    );
    drop(canary);

    let mut durations = BTreeMap::new();
    // A probe's verdict with its evidence pointing into its config section.
    let mut locate = |id: FindingId, section: &str, ran: Ran| -> Verdict {
        match ran {
            Ran::Done(mut v, d) => {
                let e = durations.entry(id).or_insert(Duration::ZERO);
                *e = (*e).max(d);
                for ev in &mut v.evidence {
                    if ev.location.is_none() {
                        ev.location = config.location_of(section);
                    }
                }
                v
            }
            Ran::Skipped(why) => Verdict::new(Status::NotTested, why, serde_json::Value::Null),
        }
    };
    let authentication = locate(FindingId::F1, "probes.authentication", authentication);
    let auth_failed = authentication.status == Status::Fail;
    let f1 = f1_result(
        authentication,
        locate(FindingId::F1, "probes.expiry", expiry),
        locate(FindingId::F1, "probes.revocation", revocation),
    );
    let mut f2 = finding(
        FindingId::F2,
        locate(FindingId::F2, "probes.per_message", per_message),
    );
    if auth_failed {
        f2_cannot_pass(&mut f2);
    }
    let findings = vec![
        f1,
        f2,
        finding(
            FindingId::F3,
            locate(FindingId::F3, "probes.deadline", deadline),
        ),
        finding(
            FindingId::F4,
            locate(FindingId::F4, "probes.cancellation", cancellation),
        ),
        finding(
            FindingId::F5,
            locate(FindingId::F5, "probes.rate_limit", rate_limit),
        ),
        finding(
            FindingId::F6,
            locate(FindingId::F6, "probes.lifetime", lifetime),
        ),
    ];
    for f in &findings {
        progress(&format!("{}: {}", f.id, f.status.as_str()));
    }
    let mut notes = Vec::new();
    if !credentials {
        notes.push("no credentials were given: only authentication at open was probed; add [credentials.mint] or credentials.command to test the rest".to_string());
    }
    if !probes::application_methods(&target.pool)
        .any(|m| m.is_client_streaming() || m.is_server_streaming())
    {
        let scope = if whole {
            "the target"
        } else {
            "the services the config names"
        };
        notes.push(format!(
            "{scope} has no streaming method: F1, F2, F5 and F6 are about streams and could not be observed"
        ));
    }
    Ok(ProbeOutcome {
        report: Report {
            kind: ReportKind::Probe,
            target: config.endpoint.clone(),
            findings,
            notes,
        },
        wall_time: started.elapsed(),
        probe_durations: durations,
    })
}

fn finding(id: FindingId, v: Verdict) -> FindingResult {
    FindingResult {
        id,
        status: v.status,
        evidence: v.evidence,
        checks: Vec::new(),
    }
}

fn check(id: &str, label: &str, v: Verdict) -> Check {
    Check {
        id: id.into(),
        label: label.into(),
        status: v.status,
        evidence: v.evidence,
    }
}

/// F1 from its three checks. Any failure fails it (authentication included: data without a
/// valid token). Only expiry and revocation can pass it, and only both together; otherwise the
/// worse of the two decides (inconclusive before not tested).
fn f1_result(authentication: Verdict, expiry: Verdict, revocation: Verdict) -> FindingResult {
    let checks = vec![
        check("authentication", "authentication at open", authentication),
        check("expiry", "expiry mid-stream", expiry),
        check("revocation", "revocation mid-stream", revocation),
    ];
    let (expiry, revocation) = (&checks[1], &checks[2]);
    let first_message = |c: &Check| {
        c.evidence
            .first()
            .map(|e| e.message.clone())
            .unwrap_or_default()
    };
    let (status, summary) = if let Some(c) = checks.iter().find(|c| c.status == Status::Fail) {
        (
            Status::Fail,
            format!("{} failed: {}", c.label, first_message(c)),
        )
    } else if expiry.status == Status::Pass && revocation.status == Status::Pass {
        (
            Status::Pass,
            "the token is re-checked while the stream lives: expiry and revocation both end it"
                .to_string(),
        )
    } else if let Some(c) = [expiry, revocation]
        .into_iter()
        .find(|c| c.status == Status::Inconclusive)
    {
        (
            Status::Inconclusive,
            format!("{} was inconclusive: {}", c.label, first_message(c)),
        )
    } else {
        let missing: Vec<&str> = [expiry, revocation]
            .into_iter()
            .filter(|c| c.status == Status::NotTested)
            .map(|c| c.label.as_str())
            .collect();
        (
            Status::NotTested,
            format!(
                "{} not tested: F1 gets a verdict only when expiry and revocation are both observed",
                missing.join(" and ")
            ),
        )
    };
    let location = checks
        .iter()
        .filter(|c| c.status == status)
        .flat_map(|c| &c.evidence)
        .find_map(|e| e.location.clone());
    FindingResult {
        id: FindingId::F1,
        status,
        evidence: vec![Evidence {
            message: summary,
            location,
            data: serde_json::Value::Null,
        }],
        checks,
    }
}

/// A server that hands data to a stream without a valid token cannot be credited with
/// per-message authorization.
fn f2_cannot_pass(f2: &mut FindingResult) {
    let why = "F2 cannot pass: the server accepted a stream without a valid token (see F1), so a refusal on a narrow token says nothing about what a stream without one may do";
    if f2.status == Status::Pass {
        f2.status = Status::Inconclusive;
    }
    f2.evidence.push(Evidence::note(why));
}
