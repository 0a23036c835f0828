//! ClipHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClipHistory {
    pub id: String,
    pub tags: Vec<String>,
    pub score: f64,
    pub site_id: String,
    pub created_at: i64,
    pub label: String,
    pub updated_at: i64,
    pub owner: String,
}

impl ClipHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("clip_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("clip_history: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("clip_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("clip_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("clip_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(ClipHistory::default().validate().is_err());
    }
}
