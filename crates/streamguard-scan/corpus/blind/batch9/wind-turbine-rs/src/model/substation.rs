//! Substation: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Substation {
    pub id: String,
    pub tags: Vec<String>,
    pub updated_at: i64,
    pub kind: String,
    pub created_at: i64,
    pub owner: String,
    pub label: String,
}

impl Substation {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("substation: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("substation: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("substation: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("substation:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Substation::default().validate().is_err());
    }
}
