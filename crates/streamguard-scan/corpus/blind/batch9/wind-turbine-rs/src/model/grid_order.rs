//! GridOrder: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GridOrder {
    pub id: String,
    pub kind: String,
    pub label: String,
    pub revision: i64,
    pub note: String,
    pub status: String,
    pub site_id: String,
    pub updated_at: i64,
}

impl GridOrder {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("grid_order: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("grid_order: revision must not be negative, got {}", self.revision));
        }
        if self.updated_at < 0 {
            return Err(format!("grid_order: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("grid_order:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(GridOrder::default().validate().is_err());
    }
}
