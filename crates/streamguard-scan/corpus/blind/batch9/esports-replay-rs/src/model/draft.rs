//! Draft: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub id: String,
    pub status: String,
    pub tags: Vec<String>,
    pub updated_at: i64,
    pub revision: i64,
    pub label: String,
    pub kind: String,
    pub owner: String,
    pub created_at: i64,
}

impl Draft {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("draft: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("draft: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("draft: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("draft: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("draft:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Draft::default().validate().is_err());
    }
}
