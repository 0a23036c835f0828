use sqlx::PgPool;

#[derive(sqlx::FromRow)]
pub struct BoardRow {
    pub gymnast: String,
    pub apparatus: String,
    pub total: f64,
    pub rank: i64,
}

pub async fn scoreboard(pool: &PgPool, competition: &str) -> sqlx::Result<Vec<BoardRow>> {
    sqlx::query_as::<_, BoardRow>(
        "SELECT gymnast, apparatus, total, rank() OVER (PARTITION BY apparatus ORDER BY total DESC) AS rank
           FROM scores_final WHERE competition_id = $1",
    )
    .bind(competition)
    .fetch_all(pool)
    .await
}

pub async fn record_score(
    pool: &PgPool,
    judge: &str,
    routine: &str,
    apparatus: &str,
    d: f64,
    e: f64,
    nd: f64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO panel_scores (judge, routine_id, apparatus, d_score, e_deductions, neutral_deductions)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(judge)
    .bind(routine)
    .bind(apparatus)
    .bind(d)
    .bind(e)
    .bind(nd)
    .execute(pool)
    .await
    .map(|_| ())
}
