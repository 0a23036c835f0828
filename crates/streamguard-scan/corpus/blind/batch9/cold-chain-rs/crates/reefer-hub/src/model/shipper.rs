//! Shipper: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Shipper {
    pub id: String,
    pub kind: String,
    pub site_id: String,
    pub tags: Vec<String>,
    pub note: String,
    pub score: f64,
}

impl Shipper {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("shipper: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("shipper: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("shipper:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Shipper::default().validate().is_err());
    }
}
