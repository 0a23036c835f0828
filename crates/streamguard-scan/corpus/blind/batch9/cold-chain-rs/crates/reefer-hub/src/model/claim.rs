//! Claim: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    pub note: String,
    pub owner: String,
    pub status: String,
    pub kind: String,
}

impl Claim {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("claim: id is required".into());
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("claim:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Claim::default().validate().is_err());
    }
}
