import { EventEmitter } from 'node:events';
import Redis from 'ioredis';

// Booked entries arrive on a Redis stream written by the ledger core; one reader per process
// fans them out to the open WatchAccount calls.
export class BookingFeed extends EventEmitter {
  #redis;
  #running = false;
  #lastId = '$';

  constructor(url) {
    super();
    this.setMaxListeners(0);
    this.#redis = new Redis(url);
  }

  async start() {
    this.#running = true;
    while (this.#running) {
      const res = await this.#redis.xread('BLOCK', 5000, 'COUNT', 500, 'STREAMS', 'ledger:booked', this.#lastId);
      if (!res) continue;
      for (const [, entries] of res) {
        for (const [id, fields] of entries) {
          this.#lastId = id;
          const ev = Object.fromEntries(fields.reduce((acc, v, i) => (i % 2 ? acc : [...acc, [v, fields[i + 1]]]), []));
          this.emit(`account:${ev.account_id}`, ev);
        }
      }
    }
  }

  stop() {
    this.#running = false;
  }
}
