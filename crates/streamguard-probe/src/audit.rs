//! One audit: connect, resolve descriptors and every probe's messages, start the canary, run the
//! probes concurrently, and assemble the report.

use std::{collections::BTreeMap, time::Duration};

use prost_reflect::DynamicMessage;
use streamguard_descriptors::{self as descriptors, DescriptorError, find_method, split_method};
use streamguard_report::{
    Evidence, FindingId, FindingResult, RenderOptions, Report, ReportKind, Status,
};
use tokio::time::Instant;

use crate::{
    canary::Canary,
    config::{ConfigError, ProbeConfig},
    credentials::Issuer,
    grpc::{self, ConnectError, MessageTemplate, Target},
    probes::{self, Ctx, ResolvedCall, Verdict},
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

    /// `--require-all`: findings not tested count as failed. Returns how many there were.
    pub fn require_all(&mut self) -> usize {
        let mut n = 0;
        for f in &mut self.report.findings {
            if f.status == Status::NotTested {
                f.status = Status::Fail;
                f.evidence.push(Evidence {
                    message: "not tested, and --require-all counts untested findings as failed"
                        .into(),
                    location: None,
                    data: serde_json::Value::Null,
                });
                n += 1;
            }
        }
        n
    }
}

struct Plans {
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
        Ok(Self {
            expiry: p
                .expiry
                .as_ref()
                .map(|c| {
                    Ok::<_, ConfigError>(probes::expiry::Plan {
                        call: ResolvedCall::resolve(t, "probes.expiry", &c.call)?,
                        cfg: c.clone(),
                    })
                })
                .transpose()?,
            revocation: match (&p.revocation, &config.revocation) {
                (Some(c), Some(hook)) => Some(probes::revocation::Plan {
                    call: ResolvedCall::resolve(t, "probes.revocation", &c.call)?,
                    cfg: c.clone(),
                    hook: hook.clone(),
                }),
                _ => None,
            },
            per_message: p
                .per_message
                .as_ref()
                .map(|c| probes::per_message::Plan::resolve(t, c))
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
                .map(|c| probes::rate_limit::Plan::resolve(t, c))
                .transpose()?,
            lifetime: p
                .lifetime
                .as_ref()
                .map(|c| {
                    Ok::<_, ConfigError>(probes::lifetime::Plan {
                        call: ResolvedCall::resolve(t, "probes.lifetime", &c.call)?,
                        cfg: c.clone(),
                    })
                })
                .transpose()?,
        })
    }
}

/// The services whose descriptors reflection must give: those of every configured method.
fn services(config: &ProbeConfig) -> Vec<String> {
    let p = &config.probes;
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
            MessageTemplate::new("canary.response", method.output(), json)?.render("", "")?
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
    let pool = descriptors::load(
        "descriptors",
        &config.descriptors,
        &channel,
        &services(config),
    )
    .await
    .map_err(|e| descriptor_error(config, e))?;
    let target = Target::new(config, channel.clone(), pool)?;
    let plans = Plans::resolve(config, &target)?;
    let canary = start_canary(config, &target, &channel).await?;
    let issuer = Issuer::new(&config.credentials);
    let ctx = Ctx {
        target: &target,
        issuer: &issuer,
        canary: canary.as_ref(),
        progress,
    };
    progress("probing");

    async fn timed<P>(
        ctx: &Ctx<'_>,
        plan: Option<&P>,
        run: impl AsyncFnOnce(&Ctx<'_>, &P) -> Verdict,
    ) -> Option<(Verdict, Duration)> {
        let plan = plan?;
        let t = Instant::now();
        let v = run(ctx, plan).await;
        Some((v, t.elapsed()))
    }
    let (expiry, revocation, per_message, deadline, cancellation, rate_limit, lifetime) = tokio::join!(
        timed(&ctx, plans.expiry.as_ref(), probes::expiry::run),
        timed(&ctx, plans.revocation.as_ref(), probes::revocation::run),
        timed(&ctx, plans.per_message.as_ref(), probes::per_message::run),
        timed(&ctx, plans.deadline.as_ref(), probes::deadline::run),
        timed(&ctx, plans.cancellation.as_ref(), probes::cancellation::run),
        timed(&ctx, plans.rate_limit.as_ref(), probes::rate_limit::run),
        timed(&ctx, plans.lifetime.as_ref(), probes::lifetime::run),
    );
    drop(canary);

    let mut durations = BTreeMap::new();
    let mut locate =
        |id: FindingId, section: &str, r: Option<(Verdict, Duration)>| -> Option<Verdict> {
            let (mut v, d) = r?;
            let e = durations.entry(id).or_insert(Duration::ZERO);
            *e = (*e).max(d);
            for ev in &mut v.evidence {
                if ev.location.is_none() {
                    ev.location = config.location_of(section);
                }
            }
            Some(v)
        };
    let f1 = {
        let mut parts = vec![];
        let e = locate(FindingId::F1, "probes.expiry", expiry);
        let r = locate(FindingId::F1, "probes.revocation", revocation);
        let tested = e.is_some() || r.is_some();
        parts.extend(e);
        match r {
            Some(r) => parts.push(r),
            None if tested => parts.push(Verdict::new(
                Status::NotTested,
                "revocation not probed: add a [revocation] hook and [probes.revocation]",
                serde_json::Value::Null,
            )),
            None => {}
        }
        (!parts.is_empty()).then(|| probes::combine(parts))
    };
    let results = [
        (FindingId::F1, "[probes.expiry] / [probes.revocation]", f1),
        (
            FindingId::F2,
            "[probes.per_message]",
            locate(FindingId::F2, "probes.per_message", per_message),
        ),
        (
            FindingId::F3,
            "[probes.deadline]",
            locate(FindingId::F3, "probes.deadline", deadline),
        ),
        (
            FindingId::F4,
            "[probes.cancellation]",
            locate(FindingId::F4, "probes.cancellation", cancellation),
        ),
        (
            FindingId::F5,
            "[probes.rate_limit]",
            locate(FindingId::F5, "probes.rate_limit", rate_limit),
        ),
        (
            FindingId::F6,
            "[probes.lifetime]",
            locate(FindingId::F6, "probes.lifetime", lifetime),
        ),
    ];
    let findings = results
        .into_iter()
        .map(|(id, section, v)| match v {
            Some(v) => {
                progress(&format!("{id}: {}", status_word(v.status)));
                FindingResult {
                    id,
                    status: v.status,
                    evidence: v.evidence,
                }
            }
            None => FindingResult {
                id,
                status: Status::NotTested,
                evidence: vec![Evidence {
                    message: format!("not probed: no {section} section in the config"),
                    location: None,
                    data: serde_json::Value::Null,
                }],
            },
        })
        .collect();
    Ok(ProbeOutcome {
        report: Report {
            kind: ReportKind::Probe,
            target: config.endpoint.clone(),
            findings,
        },
        wall_time: started.elapsed(),
        probe_durations: durations,
    })
}

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Pass => "pass",
        Status::Fail => "fail",
        Status::NotTested => "not tested",
        Status::Inconclusive => "inconclusive",
    }
}
