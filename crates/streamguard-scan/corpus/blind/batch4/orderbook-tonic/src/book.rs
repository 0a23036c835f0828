use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use tokio::sync::broadcast;

use crate::pb::{Level, OrderEvent, Quote};

/// A deliberately small in-memory book: one price-level map per side and symbol.
pub struct Books {
    inner: Mutex<HashMap<String, Book>>,
    quotes: broadcast::Sender<Quote>,
    fills: broadcast::Sender<(String, OrderEvent)>,
}

#[derive(Default)]
struct Book {
    bids: BTreeMap<i64, u64>,
    asks: BTreeMap<i64, u64>,
    seq: u64,
}

impl Books {
    pub fn new() -> Self {
        let (quotes, _) = broadcast::channel(4096);
        let (fills, _) = broadcast::channel(4096);
        Self { inner: Mutex::new(HashMap::new()), quotes, fills }
    }

    pub fn subscribe_quotes(&self) -> broadcast::Receiver<Quote> {
        self.quotes.subscribe()
    }

    pub fn subscribe_fills(&self) -> broadcast::Receiver<(String, OrderEvent)> {
        self.fills.subscribe()
    }

    pub fn add(&self, account: &str, symbol: &str, buy: bool, px: i64, qty: u64, client_order_id: &str) {
        let quote = {
            let mut guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
            let book = guard.entry(symbol.to_owned()).or_default();
            let side = if buy { &mut book.bids } else { &mut book.asks };
            let level = side.entry(px).or_insert(0);
            *level = level.saturating_add(qty);
            book.seq += 1;
            Quote {
                symbol: symbol.to_owned(),
                bid_px: book.bids.keys().next_back().copied().unwrap_or(0),
                ask_px: book.asks.keys().next().copied().unwrap_or(0),
                bid_qty: book.bids.values().next_back().copied().unwrap_or(0),
                ask_qty: book.asks.values().next().copied().unwrap_or(0),
                seq: book.seq,
            }
        };
        let _ = self.quotes.send(quote);
        let _ = self.fills.send((
            account.to_owned(),
            OrderEvent { client_order_id: client_order_id.to_owned(), status: "NEW".into(), ..Default::default() },
        ));
    }

    pub fn depth(&self, symbol: &str, depth: usize) -> Vec<Level> {
        let guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let Some(book) = guard.get(symbol) else { return Vec::new() };
        let bids = book.bids.iter().rev().take(depth).map(|(px, q)| Level { px: *px, qty: *q, bid: true });
        let asks = book.asks.iter().take(depth).map(|(px, q)| Level { px: *px, qty: *q, bid: false });
        bids.chain(asks).collect()
    }
}
