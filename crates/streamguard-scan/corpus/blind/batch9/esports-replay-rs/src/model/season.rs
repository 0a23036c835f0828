//! Season: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Season {
    pub id: String,
    pub revision: i64,
    pub created_at: i64,
    pub status: String,
    pub tags: Vec<String>,
}

impl Season {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("season: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("season: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("season: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("season:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Season::default().validate().is_err());
    }
}
