//! Curtailment: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Curtailment {
    pub id: String,
    pub revision: i64,
    pub kind: String,
    pub note: String,
    pub score: f64,
    pub owner: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub tags: Vec<String>,
}

impl Curtailment {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("curtailment: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("curtailment: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("curtailment: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("curtailment: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("curtailment: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("curtailment:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Curtailment::default().validate().is_err());
    }
}
