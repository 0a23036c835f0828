//! RefereeDecision: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RefereeDecision {
    pub id: String,
    pub tags: Vec<String>,
    pub updated_at: i64,
    pub label: String,
    pub owner: String,
    pub note: String,
    pub kind: String,
    pub site_id: String,
    pub revision: i64,
    pub score: f64,
}

impl RefereeDecision {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("referee_decision: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("referee_decision: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("referee_decision: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("referee_decision: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("referee_decision:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(RefereeDecision::default().validate().is_err());
    }
}
