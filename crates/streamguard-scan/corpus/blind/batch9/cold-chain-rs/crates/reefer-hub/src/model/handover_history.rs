//! HandoverHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HandoverHistory {
    pub id: String,
    pub site_id: String,
    pub updated_at: i64,
    pub owner: String,
    pub revision: i64,
    pub note: String,
    pub label: String,
    pub created_at: i64,
    pub status: String,
    pub score: f64,
}

impl HandoverHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("handover_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("handover_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("handover_history: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("handover_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.score < 0.0 {
            return Err(format!("handover_history: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("handover_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(HandoverHistory::default().validate().is_err());
    }
}
