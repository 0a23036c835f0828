use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};

use tokio::sync::broadcast;

use crate::gen::{BookUpdate, Level, Trade};

#[derive(Default)]
struct Side {
    levels: BTreeMap<i64, i64>,
}

#[derive(Default)]
struct SymbolBook {
    bids: Side,
    asks: Side,
    seq: u64,
}

#[derive(Clone)]
pub struct Books {
    inner: Arc<RwLock<std::collections::HashMap<String, SymbolBook>>>,
    pub updates: broadcast::Sender<BookUpdate>,
    pub trades: broadcast::Sender<Trade>,
}

impl Books {
    pub fn new() -> Self {
        Self {
            inner: Arc::default(),
            updates: broadcast::channel(16_384).0,
            trades: broadcast::channel(16_384).0,
        }
    }

    pub fn snapshot(&self, symbol: &str, depth: usize) -> BookUpdate {
        let books = self.inner.read().unwrap();
        let Some(b) = books.get(symbol) else {
            return BookUpdate { symbol: symbol.into(), ..Default::default() };
        };
        BookUpdate {
            symbol: symbol.into(),
            seq: b.seq,
            bids: b.bids.levels.iter().rev().take(depth).map(|(p, q)| Level { price: *p, qty: *q }).collect(),
            asks: b.asks.levels.iter().take(depth).map(|(p, q)| Level { price: *p, qty: *q }).collect(),
        }
    }

    pub fn apply_level(&self, symbol: &str, bid: bool, price: i64, qty: i64) {
        let mut books = self.inner.write().unwrap();
        let b = books.entry(symbol.to_string()).or_default();
        let side = if bid { &mut b.bids } else { &mut b.asks };
        if qty == 0 {
            side.levels.remove(&price);
        } else {
            side.levels.insert(price, qty);
        }
        b.seq += 1;
        drop(books);
        let _ = self.updates.send(self.snapshot(symbol, 10));
    }
}
