//! Objective: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Objective {
    pub id: String,
    pub updated_at: i64,
    pub note: String,
    pub revision: i64,
    pub label: String,
    pub tags: Vec<String>,
    pub status: String,
    pub created_at: i64,
    pub score: f64,
}

impl Objective {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("objective: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("objective: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("objective: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("objective: created_at must not be negative, got {}", self.created_at));
        }
        if self.score < 0.0 {
            return Err(format!("objective: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("objective:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Objective::default().validate().is_err());
    }
}
