//! HighlightHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HighlightHistory {
    pub id: String,
    pub score: f64,
    pub label: String,
    pub updated_at: i64,
    pub note: String,
    pub kind: String,
    pub owner: String,
}

impl HighlightHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("highlight_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("highlight_history: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("highlight_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("highlight_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(HighlightHistory::default().validate().is_err());
    }
}
