//! MaintenanceVisit: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MaintenanceVisit {
    pub id: String,
    pub revision: i64,
    pub score: f64,
    pub label: String,
    pub created_at: i64,
    pub owner: String,
    pub status: String,
}

impl MaintenanceVisit {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("maintenance_visit: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("maintenance_visit: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("maintenance_visit: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("maintenance_visit: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("maintenance_visit:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(MaintenanceVisit::default().validate().is_err());
    }
}
