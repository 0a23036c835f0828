//! Round: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Round {
    pub id: String,
    pub kind: String,
    pub revision: i64,
    pub status: String,
    pub label: String,
    pub tags: Vec<String>,
    pub score: f64,
}

impl Round {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("round: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("round: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("round: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("round:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Round::default().validate().is_err());
    }
}
