//! TechnicalIssueHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TechnicalIssueHistory {
    pub id: String,
    pub score: f64,
    pub note: String,
    pub site_id: String,
    pub kind: String,
    pub revision: i64,
    pub updated_at: i64,
    pub label: String,
    pub tags: Vec<String>,
}

impl TechnicalIssueHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("technical_issue_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("technical_issue_history: score must not be negative, got {}", self.score));
        }
        if self.revision < 0 {
            return Err(format!("technical_issue_history: revision must not be negative, got {}", self.revision));
        }
        if self.updated_at < 0 {
            return Err(format!("technical_issue_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("technical_issue_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(TechnicalIssueHistory::default().validate().is_err());
    }
}
