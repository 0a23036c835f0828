//! Team: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Team {
    pub id: String,
    pub site_id: String,
    pub status: String,
    pub revision: i64,
    pub created_at: i64,
    pub note: String,
    pub score: f64,
    pub kind: String,
    pub updated_at: i64,
}

impl Team {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("team: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("team: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("team: created_at must not be negative, got {}", self.created_at));
        }
        if self.score < 0.0 {
            return Err(format!("team: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("team: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("team:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Team::default().validate().is_err());
    }
}
