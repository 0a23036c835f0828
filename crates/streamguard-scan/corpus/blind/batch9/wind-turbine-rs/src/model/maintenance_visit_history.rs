//! MaintenanceVisitHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MaintenanceVisitHistory {
    pub id: String,
    pub created_at: i64,
    pub score: f64,
    pub label: String,
    pub site_id: String,
    pub kind: String,
    pub status: String,
    pub tags: Vec<String>,
}

impl MaintenanceVisitHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("maintenance_visit_history: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("maintenance_visit_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.score < 0.0 {
            return Err(format!("maintenance_visit_history: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("maintenance_visit_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(MaintenanceVisitHistory::default().validate().is_err());
    }
}
