//! Farm: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Farm {
    pub id: String,
    pub score: f64,
    pub owner: String,
    pub label: String,
    pub kind: String,
    pub note: String,
    pub site_id: String,
}

impl Farm {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("farm: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("farm: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("farm:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Farm::default().validate().is_err());
    }
}
