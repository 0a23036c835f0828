//! GensetHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GensetHistory {
    pub id: String,
    pub created_at: i64,
    pub note: String,
    pub label: String,
    pub score: f64,
    pub updated_at: i64,
    pub tags: Vec<String>,
}

impl GensetHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("genset_history: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("genset_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.score < 0.0 {
            return Err(format!("genset_history: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("genset_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("genset_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(GensetHistory::default().validate().is_err());
    }
}
