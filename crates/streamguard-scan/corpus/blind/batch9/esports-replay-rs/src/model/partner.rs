//! Partner: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    pub id: String,
    pub tags: Vec<String>,
    pub status: String,
    pub kind: String,
    pub score: f64,
    pub note: String,
}

impl Partner {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("partner: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("partner: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("partner:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Partner::default().validate().is_err());
    }
}
