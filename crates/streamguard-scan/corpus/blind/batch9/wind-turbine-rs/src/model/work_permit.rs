//! WorkPermit: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkPermit {
    pub id: String,
    pub score: f64,
    pub revision: i64,
    pub kind: String,
    pub owner: String,
    pub tags: Vec<String>,
}

impl WorkPermit {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("work_permit: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("work_permit: score must not be negative, got {}", self.score));
        }
        if self.revision < 0 {
            return Err(format!("work_permit: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("work_permit:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(WorkPermit::default().validate().is_err());
    }
}
