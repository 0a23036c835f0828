//! The gateway's counters by method, appended to the admin API's `GET /metrics` next to the
//! guard's own. Labels come from the configured methods and the upstream's descriptors, plus at
//! most [`MAX_DYNAMIC_METHODS`] other well-formed paths; anything else counts as `other`, so a
//! caller cannot grow the label set.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering::Relaxed};

use parking_lot::Mutex;
use streamguard::Reason;

pub const MAX_DYNAMIC_METHODS: usize = 64;
const N: usize = Reason::ALL.len();

fn index(r: Reason) -> usize {
    Reason::ALL.iter().position(|x| *x == r).unwrap_or(0)
}

/// Counters of one method.
#[derive(Debug)]
pub struct MethodStats {
    streams: AtomicU64,
    inbound: AtomicU64,
    outbound: AtomicU64,
    denied: [AtomicU64; N],
    ended: [AtomicU64; N],
    replies: AtomicU64,
    outbound_dropped: AtomicU64,
    upstream_errors: AtomicU64,
    too_large: AtomicU64,
}

impl Default for MethodStats {
    fn default() -> Self {
        MethodStats {
            streams: AtomicU64::new(0),
            inbound: AtomicU64::new(0),
            outbound: AtomicU64::new(0),
            denied: std::array::from_fn(|_| AtomicU64::new(0)),
            ended: std::array::from_fn(|_| AtomicU64::new(0)),
            replies: AtomicU64::new(0),
            outbound_dropped: AtomicU64::new(0),
            upstream_errors: AtomicU64::new(0),
            too_large: AtomicU64::new(0),
        }
    }
}

impl MethodStats {
    pub fn opened(&self) {
        self.streams.fetch_add(1, Relaxed);
    }
    pub fn forwarded_in(&self) {
        self.inbound.fetch_add(1, Relaxed);
    }
    pub fn forwarded_out(&self) {
        self.outbound.fetch_add(1, Relaxed);
    }
    pub fn denied(&self, r: Reason) {
        self.denied[index(r)].fetch_add(1, Relaxed);
    }
    pub fn ended(&self, r: Reason) {
        self.ended[index(r)].fetch_add(1, Relaxed);
    }
    pub fn replied(&self) {
        self.replies.fetch_add(1, Relaxed);
    }
    pub fn dropped_out(&self) {
        self.outbound_dropped.fetch_add(1, Relaxed);
    }
    pub fn upstream_error(&self) {
        self.upstream_errors.fetch_add(1, Relaxed);
    }
    pub fn too_large(&self) {
        self.too_large.fetch_add(1, Relaxed);
    }
}

/// Every method's counters, and the upstream streams open now.
#[derive(Debug)]
pub struct GatewayMetrics {
    known: HashMap<String, Arc<MethodStats>>,
    dynamic: Mutex<Vec<(String, Arc<MethodStats>)>>,
    other: Arc<MethodStats>,
    upstream_streams: AtomicI64,
}

impl GatewayMetrics {
    /// Counters for `methods` (`pkg.Service/Method`), known in advance.
    pub fn new<'a>(methods: impl IntoIterator<Item = &'a str>) -> Self {
        GatewayMetrics {
            known: methods
                .into_iter()
                .map(|m| (format!("/{m}"), Arc::default()))
                .collect(),
            dynamic: Mutex::new(Vec::new()),
            other: Arc::default(),
            upstream_streams: AtomicI64::new(0),
        }
    }

    /// The counters of the method at `path` (looked up once per stream).
    pub fn method(&self, path: &str) -> Arc<MethodStats> {
        if let Some(s) = self.known.get(path) {
            return s.clone();
        }
        if !well_formed(path) {
            return self.other.clone();
        }
        let mut dynamic = self.dynamic.lock();
        if let Some((_, s)) = dynamic.iter().find(|(p, _)| p == path) {
            return s.clone();
        }
        if dynamic.len() >= MAX_DYNAMIC_METHODS {
            return self.other.clone();
        }
        let s = Arc::<MethodStats>::default();
        dynamic.push((path.to_string(), s.clone()));
        s
    }

    pub(crate) fn upstream_stream(&self, delta: i64) {
        self.upstream_streams.fetch_add(delta, Relaxed);
    }

    /// Upstream streams open (or being opened) now.
    pub fn upstream_streams(&self) -> i64 {
        self.upstream_streams.load(Relaxed)
    }

    /// The Prometheus text of every counter.
    pub fn render(&self, out: &mut String) {
        let dynamic = self.dynamic.lock().clone();
        let mut all: Vec<(&str, &MethodStats)> = self
            .known
            .iter()
            .map(|(p, s)| (p.as_str(), s.as_ref()))
            .chain(dynamic.iter().map(|(p, s)| (p.as_str(), s.as_ref())))
            .collect();
        all.sort_by_key(|(p, _)| *p);
        all.push(("other", &self.other));
        let label = |p: &str| p.trim_start_matches('/').to_string();
        let _ = writeln!(
            out,
            "# HELP streamguard_gateway_upstream_streams_active Proxied calls whose upstream stream is open or opening.\n# TYPE streamguard_gateway_upstream_streams_active gauge\nstreamguard_gateway_upstream_streams_active {}",
            self.upstream_streams()
        );
        type Get = fn(&MethodStats) -> &AtomicU64;
        // (name, help — empty for a second series of the same metric, extra labels, value)
        let counters: [(&str, &str, &str, Get); 7] = [
            (
                "streamguard_gateway_streams_total",
                "Authenticated streams proxied, by method.",
                "",
                |s| &s.streams,
            ),
            (
                "streamguard_gateway_messages_forwarded_total",
                "Messages forwarded, by method and direction.",
                "direction=\"to_upstream\",",
                |s| &s.inbound,
            ),
            (
                "streamguard_gateway_messages_forwarded_total",
                "",
                "direction=\"to_client\",",
                |s| &s.outbound,
            ),
            (
                "streamguard_gateway_deny_replies_total",
                "Denied messages answered with a reply, by method.",
                "",
                |s| &s.replies,
            ),
            (
                "streamguard_gateway_outbound_dropped_total",
                "Responses dropped: about a resource the caller does not own.",
                "",
                |s| &s.outbound_dropped,
            ),
            (
                "streamguard_gateway_upstream_errors_total",
                "Calls the upstream could not take or reset, by method.",
                "",
                |s| &s.upstream_errors,
            ),
            (
                "streamguard_gateway_messages_too_large_total",
                "Streams ended for a message over max_message_size, by method.",
                "",
                |s| &s.too_large,
            ),
        ];
        for (name, help, labels, get) in counters {
            if !help.is_empty() {
                let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter");
            }
            for (p, s) in &all {
                let _ = writeln!(
                    out,
                    "{name}{{{labels}method=\"{}\"}} {}",
                    label(p),
                    get(s).load(Relaxed)
                );
            }
        }
        type GetArr = fn(&MethodStats) -> &[AtomicU64; N];
        let by_reason: [(&str, &str, GetArr); 2] = [
            (
                "streamguard_gateway_denied_messages_total",
                "Incoming messages denied, by method and reason.",
                |s| &s.denied,
            ),
            (
                "streamguard_gateway_stream_terminations_total",
                "Streams ended by the guard, by method and reason.",
                |s| &s.ended,
            ),
        ];
        for (name, help, get) in by_reason {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter");
            for (p, s) in &all {
                for r in Reason::ALL {
                    let v = get(s)[index(r)].load(Relaxed);
                    if v > 0 {
                        let _ =
                            writeln!(out, "{name}{{method=\"{}\",reason=\"{r}\"}} {v}", label(p));
                    }
                }
            }
        }
    }
}

/// `/pkg.Service/Method` with name characters only: safe as a label value.
fn well_formed(path: &str) -> bool {
    let Some(rest) = path.strip_prefix('/') else {
        return false;
    };
    path.len() <= 200
        && rest
            .split_once('/')
            .is_some_and(|(s, m)| !s.is_empty() && !m.is_empty())
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'/'))
        && rest.matches('/').count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_bounded_and_safe() {
        let m = GatewayMetrics::new(["a.B/C"]);
        m.method("/a.B/C").opened();
        m.method("/x\"}/y").opened();
        for i in 0..(MAX_DYNAMIC_METHODS + 10) {
            m.method(&format!("/p.S/M{i}")).opened();
        }
        let mut out = String::new();
        m.render(&mut out);
        assert!(
            out.contains("streamguard_gateway_streams_total{method=\"a.B/C\"} 1"),
            "{out}"
        );
        assert!(
            out.contains("streamguard_gateway_streams_total{method=\"other\"} 11"),
            "{out}"
        );
        assert!(!out.contains("x\\\""), "{out}");
        assert!(out.contains("streamguard_gateway_messages_forwarded_total{direction=\"to_client\",method=\"a.B/C\"} 0"), "{out}");
    }
}
