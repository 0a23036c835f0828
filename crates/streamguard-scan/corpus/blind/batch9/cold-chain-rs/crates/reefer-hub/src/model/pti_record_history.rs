//! PtiRecordHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PtiRecordHistory {
    pub id: String,
    pub revision: i64,
    pub score: f64,
    pub site_id: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub status: String,
    pub kind: String,
    pub label: String,
}

impl PtiRecordHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("pti_record_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("pti_record_history: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("pti_record_history: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("pti_record_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("pti_record_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("pti_record_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PtiRecordHistory::default().validate().is_err());
    }
}
