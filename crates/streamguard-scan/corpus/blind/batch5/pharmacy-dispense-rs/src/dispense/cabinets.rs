//! Cabinet controller state. Stock changes are broadcast to inventory watchers.

use std::collections::HashMap;
use std::sync::Mutex;

use thiserror::Error;
use tokio::sync::broadcast;

use crate::gen::dispense_v1::InventoryLevel;

#[derive(Debug, Error)]
pub enum CabinetError {
    #[error("unknown drug {0} in cabinet {1}")]
    Unknown(String, String),
    #[error("only {0} left")]
    Insufficient(u32),
}

pub struct Cabinets {
    stock: Mutex<HashMap<(String, String), u32>>,
    schedules: HashMap<String, u8>,
    pub changes: broadcast::Sender<InventoryLevel>,
}

impl Cabinets {
    pub fn new(schedules: HashMap<String, u8>) -> Self {
        Self { stock: Mutex::new(HashMap::new()), schedules, changes: broadcast::channel(1024).0 }
    }

    pub fn schedule(&self, drug: &str) -> u8 {
        self.schedules.get(drug).copied().unwrap_or(6)
    }

    pub fn take(&self, cabinet: &str, drug: &str, qty: u32) -> Result<u32, CabinetError> {
        let mut stock = self.stock.lock().unwrap_or_else(|p| p.into_inner());
        let slot = stock
            .get_mut(&(cabinet.to_owned(), drug.to_owned()))
            .ok_or_else(|| CabinetError::Unknown(drug.to_owned(), cabinet.to_owned()))?;
        if *slot < qty {
            return Err(CabinetError::Insufficient(*slot));
        }
        *slot -= qty;
        let _ = self.changes.send(InventoryLevel { cabinet_id: cabinet.to_owned(), drug_code: drug.to_owned(), quantity: *slot });
        Ok(*slot)
    }

    pub fn put_back(&self, cabinet: &str, drug: &str, qty: u32) -> u32 {
        let mut stock = self.stock.lock().unwrap_or_else(|p| p.into_inner());
        let slot = stock.entry((cabinet.to_owned(), drug.to_owned())).or_insert(0);
        *slot = slot.saturating_add(qty);
        let _ = self.changes.send(InventoryLevel { cabinet_id: cabinet.to_owned(), drug_code: drug.to_owned(), quantity: *slot });
        *slot
    }
}
