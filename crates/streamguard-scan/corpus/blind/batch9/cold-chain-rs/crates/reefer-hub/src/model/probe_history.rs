//! ProbeHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProbeHistory {
    pub id: String,
    pub updated_at: i64,
    pub kind: String,
    pub label: String,
    pub status: String,
    pub created_at: i64,
    pub score: f64,
    pub note: String,
    pub owner: String,
}

impl ProbeHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("probe_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("probe_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("probe_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.score < 0.0 {
            return Err(format!("probe_history: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("probe_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(ProbeHistory::default().validate().is_err());
    }
}
