//! Venue: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Venue {
    pub id: String,
    pub label: String,
    pub kind: String,
    pub score: f64,
    pub owner: String,
    pub tags: Vec<String>,
    pub revision: i64,
    pub status: String,
    pub updated_at: i64,
    pub created_at: i64,
}

impl Venue {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("venue: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("venue: score must not be negative, got {}", self.score));
        }
        if self.revision < 0 {
            return Err(format!("venue: revision must not be negative, got {}", self.revision));
        }
        if self.updated_at < 0 {
            return Err(format!("venue: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("venue: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("venue:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Venue::default().validate().is_err());
    }
}
