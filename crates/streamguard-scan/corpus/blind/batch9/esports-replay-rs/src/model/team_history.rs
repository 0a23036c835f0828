//! TeamHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TeamHistory {
    pub id: String,
    pub kind: String,
    pub score: f64,
    pub site_id: String,
    pub tags: Vec<String>,
}

impl TeamHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("team_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("team_history: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("team_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(TeamHistory::default().validate().is_err());
    }
}
