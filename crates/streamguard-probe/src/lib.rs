//! `streamguard audit probe`: a black-box audit of a live gRPC streaming server for the six
//! streamguard findings, with measured evidence and the score.
//!
//! Everything about the target comes from a [`ProbeConfig`] (TOML, `docs/audit-config.md`):
//! endpoint, message types (server reflection, a protoset or `.proto` files), credentials,
//! a revocation hook, a canary downstream and one section per probe. [`audit`] runs the probes
//! concurrently, each with its own identity, and returns a [`ProbeOutcome`] whose report renders
//! with `streamguard_report::render`.
//!
//! ```no_run
//! # async fn demo() -> Result<(), streamguard_probe::ProbeError> {
//! let config = streamguard_probe::ProbeConfig::load("audit.toml")?;
//! let outcome = streamguard_probe::audit(&config, &|line| eprintln!("{line}")).await?;
//! println!("score {}", outcome.report.score());
//! # Ok(()) }
//! ```

mod audit;
mod canary;
mod command;
mod config;
mod credentials;
mod grpc;
mod init;
mod judge;
mod probes;
mod reference;
mod revocation;

pub use audit::{ProbeError, ProbeOutcome, audit};
pub use command::{ProbeArgs, run_probe_command};
pub use config::{
    AuthenticationProbe, CallSpec, CanaryConfig, CancellationProbe, ConfigError, ConfigSource,
    CredentialsConfig, DeadlineProbe, DescriptorSource, DescriptorsConfig, ExpiryProbe, HttpHook,
    LifetimeProbe, Matcher, MessageSpec, MintConfig, PerMessageProbe, ProbeConfig, ProbesConfig,
    RateLimitProbe, RevocationConfig, RevocationProbe, RevokeBy, ScopeFormat,
};
pub use init::starter_config;
pub use reference::reference_server_config;
