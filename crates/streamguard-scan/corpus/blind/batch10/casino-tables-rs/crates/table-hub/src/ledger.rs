use sqlx::PgPool;

/// Table ledger: rounds and payouts, reconciled against the cage every shift.
#[derive(Clone)]
pub struct Ledger {
    pub pool: PgPool,
}

impl Ledger {
    pub async fn record_round(&self, table: &str, dealer: &str, round: i64, outcome: &str) -> Result<(), sqlx::Error> {
        sqlx::query("INSERT INTO rounds (table_id, dealer, round_no, outcome, at) VALUES ($1, $2, $3, $4, now())")
            .bind(table)
            .bind(dealer)
            .bind(round)
            .bind(outcome)
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    pub async fn record_payout(&self, table: &str, dealer: &str, seat: i32, amount: i64, card: &str) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO payouts (table_id, dealer, seat, amount_cents, player_card, at) VALUES ($1, $2, $3, $4, $5, now())",
        )
        .bind(table)
        .bind(dealer)
        .bind(seat)
        .bind(amount)
        .bind(card)
        .execute(&self.pool)
        .await
        .map(|_| ())
    }
}
