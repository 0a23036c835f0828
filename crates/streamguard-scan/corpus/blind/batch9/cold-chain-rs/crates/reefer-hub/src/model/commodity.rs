//! Commodity: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Commodity {
    pub id: String,
    pub owner: String,
    pub tags: Vec<String>,
    pub kind: String,
    pub score: f64,
    pub revision: i64,
    pub updated_at: i64,
    pub site_id: String,
    pub status: String,
    pub note: String,
}

impl Commodity {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("commodity: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("commodity: score must not be negative, got {}", self.score));
        }
        if self.revision < 0 {
            return Err(format!("commodity: revision must not be negative, got {}", self.revision));
        }
        if self.updated_at < 0 {
            return Err(format!("commodity: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("commodity:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Commodity::default().validate().is_err());
    }
}
