//! The catalog of findings F1–F6: ids, titles, severities and penalties are a stable contract.

use serde::{Deserialize, Serialize};

/// One of the six weaknesses of gRPC streaming servers that streamguard finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FindingId {
    F1,
    F2,
    F3,
    F4,
    F5,
    F6,
}

/// How bad a finding is; fixes its SARIF level and `security-severity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Critical,
    High,
    Medium,
}

impl FindingId {
    /// All findings, in order.
    pub const ALL: [FindingId; 6] = [Self::F1, Self::F2, Self::F3, Self::F4, Self::F5, Self::F6];

    /// `F1` … `F6`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::F1 => "F1",
            Self::F2 => "F2",
            Self::F3 => "F3",
            Self::F4 => "F4",
            Self::F5 => "F5",
            Self::F6 => "F6",
        }
    }

    /// Parses `F1` … `F6` (case-insensitive), also `SG-F1`.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let s = s
            .strip_prefix("SG-")
            .or_else(|| s.strip_prefix("sg-"))
            .unwrap_or(s);
        Self::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s))
    }

    /// The SARIF rule id, `SG-F1` … `SG-F6`.
    pub fn rule_id(self) -> &'static str {
        match self {
            Self::F1 => "SG-F1",
            Self::F2 => "SG-F2",
            Self::F3 => "SG-F3",
            Self::F4 => "SG-F4",
            Self::F5 => "SG-F5",
            Self::F6 => "SG-F6",
        }
    }

    /// One-line title.
    pub fn title(self) -> &'static str {
        match self {
            Self::F1 => "Token validated only at stream open (auth drift)",
            Self::F2 => "Bidirectional stream authorized once, not per message",
            Self::F3 => "Deadline not propagated to downstream calls",
            Self::F4 => "Stream cancellation not handled",
            Self::F5 => "Rate limit kept per stream, reset by reconnecting",
            Self::F6 => "No maximum stream lifetime or idle timeout",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Self::F1 => Severity::Critical,
            Self::F2 | Self::F3 | Self::F4 => Severity::High,
            Self::F5 | Self::F6 => Severity::Medium,
        }
    }

    /// Points taken off the score of 100 when this finding is present.
    pub fn penalty(self) -> u32 {
        match self {
            Self::F1 => 20,
            Self::F2 => 12,
            Self::F3 | Self::F4 => 8,
            Self::F5 => 6,
            Self::F6 => 4,
        }
    }
}

impl std::fmt::Display for FindingId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Critical => "critical",
            Self::High => "high",
            Self::Medium => "medium",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn penalties_of_all_findings_add_up_to_58() {
        let sum: u32 = FindingId::ALL.iter().map(|f| f.penalty()).sum();
        assert_eq!(sum, 58, "all findings present must score 42");
    }

    #[test]
    fn finding_ids_parse_with_or_without_sarif_prefix() {
        assert_eq!(FindingId::parse("f3"), Some(FindingId::F3));
        assert_eq!(FindingId::parse("SG-F6"), Some(FindingId::F6));
        assert_eq!(FindingId::parse("F7"), None);
    }
}
