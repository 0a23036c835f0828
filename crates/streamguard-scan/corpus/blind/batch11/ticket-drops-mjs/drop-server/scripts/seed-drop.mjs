// Local helper: creates a drop with N seats in a dev database.
import pg from 'pg';
const db = new pg.Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://drops@127.0.0.1/drops' });
await db.connect();
const [id, seats] = [process.argv[2] ?? 'dev-drop', Number(process.argv[3] ?? 500)];
await db.query('insert into drops (id, seats, public_at) values ($1, $2, now()) on conflict do nothing', [id, seats]);
for (const section of ['floor', 'lower', 'upper']) {
  await db.query('insert into sections (drop_id, name, seats) values ($1, $2, $3) on conflict do nothing', [id, section, Math.floor(seats / 3)]);
}
await db.end();
