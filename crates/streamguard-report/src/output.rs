//! The output flags both auditors share, and their exit codes.

use std::{
    io::{IsTerminal, Write},
    path::PathBuf,
};

use crate::{Format, RenderOptions, Report, render};

/// Exit codes of `streamguard audit probe` and `audit scan`.
pub mod exit {
    /// The audit ran and the score is at or above `--fail-under` (or no threshold was set).
    pub const OK: u8 = 0;
    /// The audit ran and the score is below `--fail-under` (or `--require-all` found a finding
    /// without a verdict: inconclusive or not tested).
    pub const BELOW_THRESHOLD: u8 = 1;
    /// Bad configuration or usage: the message names the key or flag and what to do.
    pub const CONFIG_ERROR: u8 = 2;
    /// The target could not be reached (connection refused, timeout, TLS or DNS failure).
    pub const TARGET_UNREACHABLE: u8 = 3;
}

/// `--format`, `--out`, `--fail-under`.
#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the report to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Exit with code 1 when the score is below N (0–100).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=100))]
    pub fail_under: Option<u32>,
}

impl Default for OutputArgs {
    fn default() -> Self {
        Self {
            format: Format::Text,
            out: None,
            fail_under: None,
        }
    }
}

/// Writing the report failed.
#[derive(Debug, thiserror::Error)]
#[error("cannot write the report to {path}: {source}")]
pub struct OutputError {
    pub path: String,
    #[source]
    pub source: std::io::Error,
}

impl OutputArgs {
    /// Colours when the text goes to a terminal and `NO_COLOR` is unset.
    pub fn wants_color(&self) -> bool {
        self.format == Format::Text
            && self.out.is_none()
            && std::env::var_os("NO_COLOR").is_none()
            && std::io::stdout().is_terminal()
    }

    /// The exit code the report earns under `--fail-under`. A report that is not graded is
    /// compared by its upper bound; `--require-all` is what makes unobserved findings count.
    pub fn exit_code(&self, report: &Report) -> u8 {
        match self.fail_under {
            Some(n) if report.score() < n => exit::BELOW_THRESHOLD,
            _ => exit::OK,
        }
    }

    /// Renders the report to `--out` or standard output and returns the exit code it earns.
    pub fn emit(&self, report: &Report, opts: &RenderOptions) -> Result<u8, OutputError> {
        let mut opts = opts.clone();
        opts.color = opts.color && self.wants_color();
        let text = render(report, self.format, &opts);
        match &self.out {
            Some(path) => std::fs::write(path, text).map_err(|source| OutputError {
                path: path.display().to_string(),
                source,
            })?,
            None => {
                let mut stdout = std::io::stdout().lock();
                stdout
                    .write_all(text.as_bytes())
                    .and_then(|_| stdout.flush())
                    .map_err(|source| OutputError {
                        path: "standard output".into(),
                        source,
                    })?;
            }
        }
        Ok(self.exit_code(report))
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::render::fixtures::mixed_report;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        output: OutputArgs,
    }

    #[test]
    fn flags_parse_and_fail_under_sets_exit_code_1_below_the_threshold() {
        let cli = Cli::try_parse_from([
            "t",
            "--format",
            "sarif",
            "--out",
            "r.sarif",
            "--fail-under",
            "80",
        ])
        .unwrap();
        assert_eq!(cli.output.format, Format::Sarif);
        assert_eq!(cli.output.exit_code(&mixed_report()), exit::BELOW_THRESHOLD);
        let cli = Cli::try_parse_from(["t", "--fail-under", "74"]).unwrap();
        assert_eq!(cli.output.format, Format::Text);
        assert_eq!(cli.output.exit_code(&mixed_report()), exit::OK);
    }

    #[test]
    fn fail_under_above_100_is_a_usage_error() {
        assert!(Cli::try_parse_from(["t", "--fail-under", "101"]).is_err());
    }

    #[test]
    fn emit_writes_the_file_named_by_out() {
        let path = std::env::temp_dir().join(format!("sg-report-{}.json", std::process::id()));
        let args = OutputArgs {
            format: Format::Json,
            out: Some(path.clone()),
            fail_under: None,
        };
        assert_eq!(
            args.emit(&mixed_report(), &RenderOptions::default())
                .unwrap(),
            exit::OK
        );
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(v["score"], 74);
        let _ = std::fs::remove_file(path);
    }
}
