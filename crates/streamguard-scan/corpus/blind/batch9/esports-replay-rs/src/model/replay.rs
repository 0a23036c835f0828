//! Replay: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Replay {
    pub id: String,
    pub status: String,
    pub revision: i64,
    pub kind: String,
    pub score: f64,
    pub site_id: String,
}

impl Replay {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("replay: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("replay: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("replay: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("replay:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Replay::default().validate().is_err());
    }
}
