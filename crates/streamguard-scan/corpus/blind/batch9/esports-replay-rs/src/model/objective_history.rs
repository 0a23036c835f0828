//! ObjectiveHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ObjectiveHistory {
    pub id: String,
    pub revision: i64,
    pub note: String,
    pub created_at: i64,
    pub owner: String,
    pub kind: String,
    pub score: f64,
    pub site_id: String,
    pub updated_at: i64,
    pub status: String,
}

impl ObjectiveHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("objective_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("objective_history: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("objective_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.score < 0.0 {
            return Err(format!("objective_history: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("objective_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("objective_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(ObjectiveHistory::default().validate().is_err());
    }
}
