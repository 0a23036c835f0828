// Small data-access helpers over Postgres. Every query takes the guard's AbortSignal when it does
// work for a stream; entitlement and ownership checks are authorization lookups.
export async function entitled(db, fanId, dropId) {
  const { rows } = await db.query(
    `select 1 from drops d left join presale_codes p on p.drop_id = d.id and p.fan_id = $1
      where d.id = $2 and (d.public_at <= now() or p.fan_id is not null)`,
    [fanId, dropId],
  );
  return rows.length > 0;
}

export async function holdOwner(db, holdId) {
  const { rows } = await db.query('select fan_id from holds where id = $1', [holdId]);
  return rows[0]?.fan_id ?? null;
}

export async function ordersPage(client, dropId, afterId, limit) {
  const { rows } = await client.query(
    'select id, drop_id, fan_id, seats, amount_cents from orders where drop_id = $1 and id > $2 order by id limit $3',
    [dropId, afterId, limit],
  );
  return rows;
}
