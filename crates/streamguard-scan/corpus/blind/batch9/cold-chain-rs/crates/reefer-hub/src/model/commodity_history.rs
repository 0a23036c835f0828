//! CommodityHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CommodityHistory {
    pub id: String,
    pub score: f64,
    pub status: String,
    pub note: String,
    pub tags: Vec<String>,
    pub site_id: String,
    pub revision: i64,
}

impl CommodityHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("commodity_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("commodity_history: score must not be negative, got {}", self.score));
        }
        if self.revision < 0 {
            return Err(format!("commodity_history: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("commodity_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(CommodityHistory::default().validate().is_err());
    }
}
