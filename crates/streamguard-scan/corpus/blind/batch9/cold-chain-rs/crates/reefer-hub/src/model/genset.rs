//! Genset: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Genset {
    pub id: String,
    pub note: String,
    pub score: f64,
    pub revision: i64,
    pub site_id: String,
}

impl Genset {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("genset: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("genset: score must not be negative, got {}", self.score));
        }
        if self.revision < 0 {
            return Err(format!("genset: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("genset:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Genset::default().validate().is_err());
    }
}
