//! Caster: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Caster {
    pub id: String,
    pub note: String,
    pub owner: String,
    pub site_id: String,
    pub label: String,
    pub kind: String,
    pub revision: i64,
    pub status: String,
}

impl Caster {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("caster: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("caster: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("caster:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Caster::default().validate().is_err());
    }
}
