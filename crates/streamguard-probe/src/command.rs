//! `streamguard audit probe CONFIG`: the command the CLI wires in.

use std::{io::IsTerminal, io::Write, path::PathBuf};

use streamguard_report::{OutputArgs, exit};

use crate::{ProbeConfig, audit};

/// Arguments of `streamguard audit probe`.
#[derive(Debug, Clone, clap::Args)]
pub struct ProbeArgs {
    /// The target config (TOML); see docs/audit-config.md. With --init, the file to write.
    #[arg(value_name = "CONFIG")]
    pub config: PathBuf,
    /// Write a starter CONFIG for ENDPOINT from its server reflection (every streaming method
    /// listed with the probes it fits, placeholders marked FILL) instead of auditing.
    #[arg(long, value_name = "ENDPOINT")]
    pub init: Option<String>,
    /// Count findings without a verdict (inconclusive or not tested) as failed, and exit 1 if
    /// there are any.
    #[arg(long)]
    pub require_all: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs the audit, prints or writes the report, and returns the exit code
/// (0 ok, 1 below `--fail-under` or untested with `--require-all`, 2 config error, 3 unreachable).
pub async fn run_probe_command(args: ProbeArgs) -> u8 {
    if let Some(endpoint) = &args.init {
        return init(&args.config, endpoint).await;
    }
    let config = match ProbeConfig::load(&args.config) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return exit::CONFIG_ERROR;
        }
    };
    let tty = std::io::stderr().is_terminal();
    let progress = |line: &str| {
        let mut err = std::io::stderr().lock();
        let _ = if tty {
            write!(err, "\r\x1b[2K… {line}")
        } else {
            writeln!(err, "streamguard: {line}")
        };
        let _ = err.flush();
    };
    let result = audit(&config, &progress).await;
    if tty {
        eprint!("\r\x1b[2K");
    }
    let mut outcome = match result {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return e.exit_code();
        }
    };
    let untested = if args.require_all {
        outcome.require_all()
    } else {
        0
    };
    let opts = streamguard_report::RenderOptions {
        color: true,
        ..outcome.render_options()
    };
    match args.output.emit(&outcome.report, &opts) {
        Ok(code) if untested > 0 => {
            eprintln!(
                "error: {untested} finding(s) inconclusive or not tested, and --require-all is set"
            );
            code.max(exit::BELOW_THRESHOLD)
        }
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            exit::CONFIG_ERROR
        }
    }
}

/// `--init ENDPOINT`: writes the starter config to `path` (never over an existing file).
async fn init(path: &std::path::Path, endpoint: &str) -> u8 {
    if path.exists() {
        eprintln!(
            "error: {} exists; --init writes a new file: remove it or name another",
            path.display()
        );
        return exit::CONFIG_ERROR;
    }
    let text = match crate::init::starter_config(endpoint).await {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return e.exit_code();
        }
    };
    if let Err(e) = std::fs::write(path, text) {
        eprintln!("error: cannot write {}: {e}", path.display());
        return exit::CONFIG_ERROR;
    }
    eprintln!(
        "wrote {0}: fill the lines marked FILL, then run `streamguard audit probe {0}`",
        path.display()
    );
    exit::OK
}
