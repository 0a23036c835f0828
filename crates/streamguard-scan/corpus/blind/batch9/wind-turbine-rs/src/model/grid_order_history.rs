//! GridOrderHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GridOrderHistory {
    pub id: String,
    pub score: f64,
    pub tags: Vec<String>,
    pub created_at: i64,
    pub revision: i64,
    pub owner: String,
    pub label: String,
    pub site_id: String,
}

impl GridOrderHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("grid_order_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("grid_order_history: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("grid_order_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.revision < 0 {
            return Err(format!("grid_order_history: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("grid_order_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(GridOrderHistory::default().validate().is_err());
    }
}
