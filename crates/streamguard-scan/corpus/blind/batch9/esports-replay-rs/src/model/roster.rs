//! Roster: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Roster {
    pub id: String,
    pub owner: String,
    pub note: String,
    pub kind: String,
    pub site_id: String,
    pub tags: Vec<String>,
    pub status: String,
    pub updated_at: i64,
    pub score: f64,
    pub revision: i64,
}

impl Roster {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("roster: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("roster: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.score < 0.0 {
            return Err(format!("roster: score must not be negative, got {}", self.score));
        }
        if self.revision < 0 {
            return Err(format!("roster: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("roster:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Roster::default().validate().is_err());
    }
}
