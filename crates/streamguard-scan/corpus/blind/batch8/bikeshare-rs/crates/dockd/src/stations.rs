use std::collections::HashMap;
use std::sync::Arc;

use dock_proto::pb::{DockTelemetry, StationStatus};
use tokio::sync::{watch, RwLock};

#[derive(Clone, Default)]
pub struct Stations {
    inner: Arc<RwLock<HashMap<String, watch::Sender<StationStatus>>>>,
}

impl Stations {
    pub async fn subscribe(&self, station: &str) -> Option<watch::Receiver<StationStatus>> {
        self.inner.read().await.get(station).map(|s| s.subscribe())
    }

    pub async fn apply(&self, station: &str, t: &DockTelemetry) {
        let mut map = self.inner.write().await;
        let tx = map.entry(station.to_owned()).or_insert_with(|| {
            watch::channel(StationStatus { station_id: station.to_owned(), ..Default::default() }).0
        });
        tx.send_modify(|s| {
            match t.event.as_str() {
                "docked" => {
                    s.bikes += 1;
                    s.free_slots = s.free_slots.saturating_sub(1);
                }
                "undocked" => {
                    s.bikes = s.bikes.saturating_sub(1);
                    s.free_slots += 1;
                }
                _ => {}
            }
            s.unix_ms = t.unix_ms;
        });
    }
}
