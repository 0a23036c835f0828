//! Highlight: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Highlight {
    pub id: String,
    pub score: f64,
    pub revision: i64,
    pub owner: String,
    pub created_at: i64,
    pub site_id: String,
}

impl Highlight {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("highlight: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("highlight: score must not be negative, got {}", self.score));
        }
        if self.revision < 0 {
            return Err(format!("highlight: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("highlight: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("highlight:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Highlight::default().validate().is_err());
    }
}
