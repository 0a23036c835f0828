//! PortCall: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PortCall {
    pub id: String,
    pub owner: String,
    pub label: String,
    pub created_at: i64,
    pub status: String,
    pub revision: i64,
    pub updated_at: i64,
}

impl PortCall {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("port_call: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("port_call: created_at must not be negative, got {}", self.created_at));
        }
        if self.revision < 0 {
            return Err(format!("port_call: revision must not be negative, got {}", self.revision));
        }
        if self.updated_at < 0 {
            return Err(format!("port_call: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("port_call:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PortCall::default().validate().is_err());
    }
}
