//! Tournament: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tournament {
    pub id: String,
    pub owner: String,
    pub created_at: i64,
    pub label: String,
    pub kind: String,
    pub note: String,
    pub revision: i64,
    pub score: f64,
}

impl Tournament {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("tournament: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("tournament: created_at must not be negative, got {}", self.created_at));
        }
        if self.revision < 0 {
            return Err(format!("tournament: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("tournament: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("tournament:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Tournament::default().validate().is_err());
    }
}
