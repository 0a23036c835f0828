// Printer inventory, loaded from the site database at startup and on SIGHUP.
import fs from 'node:fs';

let byId = new Map();

export function loadInventory(file = process.env.INVENTORY ?? '/etc/printfarm/printers.json') {
  const list = JSON.parse(fs.readFileSync(file, 'utf8'));
  byId = new Map(list.map((p) => [p.id, p]));
  return byId.size;
}

export function printer(id) {
  return byId.get(id) ?? null;
}
