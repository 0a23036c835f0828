use std::collections::HashMap;
use std::sync::Mutex;

use casino_proto::tables::TableEvent;
use tokio::sync::broadcast;

/// One broadcast channel per table; pit bosses subscribe, dealer consoles publish.
#[derive(Default)]
pub struct TableBus {
    channels: Mutex<HashMap<String, broadcast::Sender<TableEvent>>>,
}

impl TableBus {
    pub fn sender(&self, table: &str) -> broadcast::Sender<TableEvent> {
        let mut map = self.channels.lock().unwrap();
        map.entry(table.to_owned()).or_insert_with(|| broadcast::channel(256).0).clone()
    }

    pub fn publish(&self, ev: TableEvent) {
        let _ = self.sender(&ev.table_id).send(ev);
    }

    pub fn subscribe(&self, table: &str) -> broadcast::Receiver<TableEvent> {
        self.sender(table).subscribe()
    }
}
