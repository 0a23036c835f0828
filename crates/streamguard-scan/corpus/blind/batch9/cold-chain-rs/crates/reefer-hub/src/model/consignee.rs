//! Consignee: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Consignee {
    pub id: String,
    pub status: String,
    pub created_at: i64,
    pub revision: i64,
    pub kind: String,
    pub updated_at: i64,
    pub score: f64,
    pub tags: Vec<String>,
}

impl Consignee {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("consignee: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("consignee: created_at must not be negative, got {}", self.created_at));
        }
        if self.revision < 0 {
            return Err(format!("consignee: revision must not be negative, got {}", self.revision));
        }
        if self.updated_at < 0 {
            return Err(format!("consignee: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.score < 0.0 {
            return Err(format!("consignee: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("consignee:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Consignee::default().validate().is_err());
    }
}
