// Batch CLI: writes damage reports of a branch as CSV, straight from the warehouse.
import { Client } from 'pg';

async function main(branch: string, from: string, to: string) {
  const db = new Client({ connectionString: process.env.WAREHOUSE_URL, statement_timeout: 60_000 });
  await db.connect();
  const { rows } = await db.query(
    'SELECT vin, reservation_id, description FROM damage_reports WHERE branch = $1 AND reported_on BETWEEN $2 AND $3',
    [branch, from, to],
  );
  for (const r of rows) {
    process.stdout.write(`${r.vin},${r.reservation_id},"${String(r.description).replace(/"/g, '""')}"\n`);
  }
  await db.end();
}

main(process.argv[2], process.argv[3], process.argv[4]).catch((err) => {
  console.error(err);
  process.exit(1);
});
