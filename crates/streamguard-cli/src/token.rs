//! `streamguard token mint`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use streamguard::auth::{Algorithm, KeySource};
use streamguard_server::ServeConfig;
use streamguard_server::config::{DEV_SECRET_ENV, parse_duration};
use streamguard_server::tokens::{TokenSpec, mint_hs256};

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Mint an HS256 token with the dev secret (env STREAMGUARD_DEV_SECRET) or the HS256 key of
    /// --config, and print it.
    ///
    /// Example: `streamguard token mint --sub alice --scope "tools:echo files:read" --ttl 2s`
    Mint(MintArgs),
}

#[derive(Args)]
pub struct MintArgs {
    /// Subject (`sub`): the identity rate limits and revocations key on.
    #[arg(long)]
    sub: String,
    /// Space-delimited scopes, e.g. "tools:echo files:read".
    #[arg(long, default_value = "")]
    scope: String,
    /// Time to live, e.g. 2s, 10m, 1h.
    #[arg(long, default_value = "1h")]
    ttl: String,
    /// Token id (`jti`), the handle for revoking it [default: random].
    #[arg(long)]
    jti: Option<String>,
    /// Audience (`aud`) [default: streamguard, or the config's audience].
    #[arg(long)]
    aud: Option<String>,
    /// Issuer (`iss`) [default: streamguard-dev, or the config's issuer].
    #[arg(long)]
    iss: Option<String>,
    /// Sign with the HS256 key of this serve config instead of the dev secret.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

pub fn run(cmd: TokenCommand) -> anyhow::Result<ExitCode> {
    let TokenCommand::Mint(args) = cmd;
    let ttl = parse_duration("--ttl", &args.ttl)?;
    let mut spec = TokenSpec::new(&args.sub, &args.scope, ttl);
    spec.jti = args.jti;
    let secret = match &args.config {
        Some(path) => {
            let c = ServeConfig::from_file(path)?;
            spec.iss = c.auth.issuer.clone();
            spec.aud = c.auth.audience.clone();
            let key = c
                .auth
                .keys
                .iter()
                .find(|k| k.algorithm == Algorithm::HS256)
                .with_context(|| format!("{} has no HS256 key to sign with", path.display()))?;
            match &key.source {
                KeySource::Secret(s) => s.clone(),
                KeySource::SecretEnv(var) => std::env::var(var)
                    .with_context(|| format!("the HS256 key's secret_env {var} is not set"))?,
                _ => bail!("the HS256 key of {} is not a secret", path.display()),
            }
        }
        None => std::env::var(DEV_SECRET_ENV)
            .ok()
            .filter(|s| !s.is_empty())
            .with_context(|| {
                format!("set {DEV_SECRET_ENV} to the dev server's secret (or pass --config FILE)")
            })?,
    };
    if let Some(aud) = args.aud {
        spec.aud = Some(aud);
    }
    if let Some(iss) = args.iss {
        spec.iss = Some(iss);
    }
    println!("{}", mint_hs256(&secret, &spec)?);
    Ok(ExitCode::SUCCESS)
}
