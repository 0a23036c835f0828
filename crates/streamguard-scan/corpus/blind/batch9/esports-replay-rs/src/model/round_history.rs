//! RoundHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RoundHistory {
    pub id: String,
    pub label: String,
    pub score: f64,
    pub revision: i64,
    pub kind: String,
}

impl RoundHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("round_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("round_history: score must not be negative, got {}", self.score));
        }
        if self.revision < 0 {
            return Err(format!("round_history: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("round_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(RoundHistory::default().validate().is_err());
    }
}
