//! Standings: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Standings {
    pub id: String,
    pub score: f64,
    pub note: String,
    pub created_at: i64,
    pub label: String,
    pub updated_at: i64,
    pub revision: i64,
    pub site_id: String,
    pub owner: String,
}

impl Standings {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("standings: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("standings: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("standings: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("standings: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("standings: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("standings:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Standings::default().validate().is_err());
    }
}
