export async function streamToCsv(source, out) {
  out.write('series,ts_ms,value\n');
  let rows = 0;
  for await (const p of source) {
    out.write(`${p.series},${p.tsMs},${p.value}\n`);
    rows += 1;
  }
  return rows;
}
