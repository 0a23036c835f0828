//! Sensor readings from the zone controllers (Modbus poller publishes here).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::broadcast;

use crate::pb::ZoneReading;

#[derive(Clone, Default)]
pub struct SensorBus {
    zones: Arc<Mutex<HashMap<String, broadcast::Sender<ZoneReading>>>>,
}

impl SensorBus {
    pub fn sender(&self, zone: &str) -> broadcast::Sender<ZoneReading> {
        let mut z = self.zones.lock().expect("sensor bus lock");
        z.entry(zone.to_owned()).or_insert_with(|| broadcast::channel(256).0).clone()
    }

    pub fn subscribe(&self, zone: &str) -> broadcast::Receiver<ZoneReading> {
        self.sender(zone).subscribe()
    }
}
