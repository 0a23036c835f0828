//! Clip: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Clip {
    pub id: String,
    pub owner: String,
    pub tags: Vec<String>,
    pub created_at: i64,
    pub note: String,
    pub site_id: String,
    pub label: String,
    pub score: f64,
    pub updated_at: i64,
    pub status: String,
}

impl Clip {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("clip: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("clip: created_at must not be negative, got {}", self.created_at));
        }
        if self.score < 0.0 {
            return Err(format!("clip: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("clip: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("clip:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Clip::default().validate().is_err());
    }
}
