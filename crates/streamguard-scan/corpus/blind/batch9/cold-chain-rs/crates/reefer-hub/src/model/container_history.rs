//! ContainerHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerHistory {
    pub id: String,
    pub kind: String,
    pub updated_at: i64,
    pub site_id: String,
    pub score: f64,
    pub tags: Vec<String>,
    pub owner: String,
}

impl ContainerHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("container_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("container_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.score < 0.0 {
            return Err(format!("container_history: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("container_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(ContainerHistory::default().validate().is_err());
    }
}
