//! Throughput of `audit scan` on a generated ≥300k-line mixed-language tree (and, with
//! `SG_BENCH_DIR`, on a real tree), and precision/recall on the labelled fixture corpus.
//!
//! `cargo bench -p streamguard-scan --bench throughput` (release build). Prints a Markdown
//! section for BENCHMARKS.md. `SG_BENCH_LINES` sets the generated tree's size (default 320000);
//! `SG_BENCH_DIR=/path` also times a scan of that directory, scanned whole with the defaults.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use streamguard_scan::corpus::{self, Score};
use streamguard_scan::{ScanOptions, scan};

fn main() {
    let target: usize = std::env::var("SG_BENCH_LINES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(320_000);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let dir = tempfile::tempdir().expect("temp dir");
    let (files, lines) = generate(dir.path(), &fixtures, target);

    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let generated = time_scans(dir.path());
    let outcome = &generated.outcome;

    let cases: Vec<_> = corpus::cases(&fixtures)
        .iter()
        .map(|c| corpus::evaluate_case(c).expect("fixture scan"))
        .collect();
    let score = Score::of(&cases);
    let fixture_lines: usize = cases.iter().map(|c| c.lines).sum();

    let mut md = String::new();
    let _ = writeln!(md, "## `audit scan` (streamguard-scan)\n");
    let _ = writeln!(
        md,
        "Command: `cargo bench -p streamguard-scan --bench throughput` (release, {threads} worker threads).\n"
    );
    let _ = writeln!(md, "| measure | value |\n|---|---|");
    let _ = writeln!(
        md,
        "| generated tree | {files} files, {lines} lines (JS, TS, Rust, Go, Python; fixture copies + generated non-gRPC code) |"
    );
    let _ = writeln!(
        md,
        "| lines scanned | {} in {} files, {} streaming handlers |",
        outcome.lines_scanned,
        outcome.files_scanned,
        outcome.handlers.len()
    );
    let _ = writeln!(
        md,
        "| wall time, median of 5 | {:.0} ms |",
        generated.median.as_secs_f64() * 1e3
    );
    let _ = writeln!(
        md,
        "| throughput, median / best | {:.0} / {:.0} lines/s |",
        generated.rate(generated.median),
        generated.rate(generated.best)
    );
    let _ = writeln!(md, "| processor throughput | {} |", generated.cpu_rate());
    if let Some(real) = std::env::var_os("SG_BENCH_DIR") {
        let t = time_scans(Path::new(&real));
        let o = &t.outcome;
        let _ = writeln!(
            md,
            "| real tree `{}` | {} lines in {} files ({} programs, {} handlers; skipped {}) |",
            Path::new(&real).display(),
            o.lines_scanned,
            o.files_scanned,
            o.programs.len(),
            o.handlers.len(),
            o.skip_summary.describe()
        );
        let _ = writeln!(
            md,
            "| real tree, median / best | {:.0} / {:.0} lines/s ({:.0} ms median; {}) |",
            t.rate(t.median),
            t.rate(t.best),
            t.median.as_secs_f64() * 1e3,
            t.cpu_rate()
        );
    }
    let _ = writeln!(
        md,
        "| fixture corpus | {} cases, {fixture_lines} lines |",
        cases.len()
    );
    let _ = writeln!(
        md,
        "| precision (finding × handler) | {:.3} ({} true, {} false positives) |",
        score.precision(),
        score.true_positives,
        score.false_positives
    );
    let _ = writeln!(
        md,
        "| recall (finding × handler) | {:.3} ({} missed) |",
        score.recall(),
        score.false_negatives
    );
    print!("{md}");
}

/// What five timed scans of one tree measured.
struct Timing {
    outcome: streamguard_scan::ScanOutcome,
    median: Duration,
    best: Duration,
    /// Processor time (user + system, all threads) of the five scans, when the OS says.
    cpu: Option<Duration>,
}

impl Timing {
    fn rate(&self, d: Duration) -> f64 {
        self.outcome.lines_scanned as f64 / d.as_secs_f64()
    }

    /// Lines per second of processor time: what one otherwise idle core would scan. Wall-clock
    /// figures on a machine other jobs share vary by a factor of two or three; this one less.
    fn cpu_rate(&self) -> String {
        match self.cpu {
            Some(cpu) => format!(
                "{:.0} lines per CPU-second",
                5.0 * self.outcome.lines_scanned as f64 / cpu.as_secs_f64()
            ),
            None => "unavailable on this OS".to_string(),
        }
    }
}

/// Scans `dir` once to warm up (page cache, lazy grammar init), then times 5 scans.
fn time_scans(dir: &Path) -> Timing {
    let opts = ScanOptions::new([dir]);
    let _ = scan(&opts).expect("warm-up scan");
    let mut runs = Vec::new();
    let mut last = None;
    let cpu_before = process_cpu();
    for _ in 0..5 {
        let start = Instant::now();
        let outcome = scan(&opts).expect("scan");
        runs.push(start.elapsed());
        last = Some(outcome);
    }
    let cpu = process_cpu()
        .zip(cpu_before)
        .map(|(after, before)| after.saturating_sub(before));
    runs.sort();
    Timing {
        outcome: last.expect("five runs"),
        median: runs[runs.len() / 2],
        best: runs[0],
        cpu,
    }
}

/// User + system time of this process so far, from `/proc/self/stat` (Linux; clock ticks of
/// 1/100 s, the `USER_HZ` of every mainstream Linux build).
fn process_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at field 3, `state`.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i)?.parse::<u64>().ok();
    // utime and stime are fields 14 and 15, i.e. indexes 11 and 12 after `state`.
    Some(Duration::from_millis((ticks(11)? + ticks(12)?) * 10))
}

/// Fills `dir` with copies of the fixture sources and generated code until `target` lines.
fn generate(dir: &Path, fixtures: &Path, target: usize) -> (usize, usize) {
    let sources: Vec<PathBuf> = walk(fixtures)
        .into_iter()
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("js" | "ts" | "rs" | "go" | "py")
            )
        })
        .collect();
    let (mut files, mut lines, mut round) = (0, 0, 0usize);
    while lines < target {
        let sub = dir.join(format!("svc{round:04}"));
        std::fs::create_dir_all(&sub).expect("mkdir");
        if round % 4 == 0 {
            for (i, src) in sources.iter().enumerate() {
                let text = std::fs::read_to_string(src).unwrap_or_default();
                let ext = src.extension().and_then(|e| e.to_str()).unwrap_or("txt");
                lines += text.lines().count();
                std::fs::write(sub.join(format!("fixture{i}.{ext}")), text).expect("write");
                files += 1;
            }
        }
        for (ext, body) in [
            ("js", js(round)),
            ("ts", ts(round)),
            ("rs", rust(round)),
            ("go", go(round)),
            ("py", python(round)),
        ] {
            lines += body.lines().count();
            std::fs::write(sub.join(format!("module{round}.{ext}")), body).expect("write");
            files += 1;
        }
        round += 1;
    }
    (files, lines)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p)
            } else {
                out.push(p)
            }
        }
    }
    out.sort();
    out
}

fn js(seed: usize) -> String {
    let mut s =
        String::from("const express = require('express');\nconst db = require('./db');\n\n");
    for i in 0..60 {
        let _ = write!(
            s,
            "async function handler{seed}_{i}(req, res) {{\n  const rows = await db.query('select * from t{i} where id = $1', [req.params.id]);\n  for (const row of rows) {{\n    if (row.value > {i}) {{\n      res.write(JSON.stringify(row));\n    }}\n  }}\n  res.end();\n}}\n\n"
        );
    }
    s
}

fn ts(seed: usize) -> String {
    let mut s = String::from(
        "import { Injectable } from './di';\n\n@Injectable()\nexport class Repository {\n",
    );
    for i in 0..60 {
        let _ = write!(
            s,
            "  async find{seed}_{i}(id: string, limit: number = {i}): Promise<Item[]> {{\n    const items = await this.store.list(id);\n    return items.filter((x) => x.score > limit).map((x) => ({{ ...x, rank: {i} }}));\n  }}\n\n"
        );
    }
    s.push_str("}\n");
    s
}

fn rust(seed: usize) -> String {
    let mut s = String::from(
        "use std::collections::HashMap;\n\npub struct Index { map: HashMap<String, u64> }\n\nimpl Index {\n",
    );
    for i in 0..60 {
        let _ = write!(
            s,
            "    pub fn lookup_{seed}_{i}(&self, key: &str) -> Option<u64> {{\n        let mut total = 0;\n        for (k, v) in &self.map {{\n            if k.starts_with(key) {{ total += v * {i}; }}\n        }}\n        (total > 0).then_some(total)\n    }}\n\n"
        );
    }
    s.push_str("}\n");
    s
}

fn go(seed: usize) -> String {
    let mut s = String::from("package store\n\nimport (\n\t\"context\"\n\t\"fmt\"\n)\n\n");
    for i in 0..60 {
        let _ = write!(
            s,
            "func (r *Repo) Load{seed}x{i}(ctx context.Context, id string) ([]Item, error) {{\n\titems, err := r.db.Query(ctx, \"select * from t{i} where id = $1\", id)\n\tif err != nil {{\n\t\treturn nil, fmt.Errorf(\"load: %w\", err)\n\t}}\n\tfor _, it := range items {{\n\t\tit.Rank = {i}\n\t}}\n\treturn items, nil\n}}\n\n"
        );
    }
    s
}

fn python(seed: usize) -> String {
    let mut s = String::from(
        "import json\nimport logging\n\nlog = logging.getLogger(__name__)\n\n\nclass Repository:\n",
    );
    for i in 0..60 {
        let _ = write!(
            s,
            "    def load_{seed}_{i}(self, key, limit={i}):\n        rows = self.db.query(\"select * from t{i} where k = %s\", (key,))\n        out = []\n        for row in rows:\n            if row[\"score\"] > limit:\n                out.append(json.dumps(row))\n        log.debug(\"loaded %d\", len(out))\n        return out\n\n"
        );
    }
    s
}
