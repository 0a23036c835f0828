//! SealHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SealHistory {
    pub id: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub score: f64,
    pub kind: String,
    pub revision: i64,
    pub note: String,
}

impl SealHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("seal_history: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("seal_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("seal_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.score < 0.0 {
            return Err(format!("seal_history: score must not be negative, got {}", self.score));
        }
        if self.revision < 0 {
            return Err(format!("seal_history: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("seal_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(SealHistory::default().validate().is_err());
    }
}
