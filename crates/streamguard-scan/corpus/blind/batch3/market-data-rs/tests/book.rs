use market_data::feed::book::Books;

#[test]
fn snapshot_orders_levels() {
    let books = Books::new();
    books.apply_level("ACME", true, 100, 5);
    books.apply_level("ACME", true, 101, 2);
    books.apply_level("ACME", false, 103, 7);
    let s = books.snapshot("ACME", 10);
    assert_eq!(s.bids.first().map(|l| l.price), Some(101));
    assert_eq!(s.asks.first().map(|l| l.price), Some(103));
    assert_eq!(s.seq, 3);
}

#[test]
fn zero_qty_removes_level() {
    let books = Books::new();
    books.apply_level("ACME", false, 103, 7);
    books.apply_level("ACME", false, 103, 0);
    assert!(books.snapshot("ACME", 10).asks.is_empty());
}
