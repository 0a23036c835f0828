import { cancellableQuery } from '../shared/db.mjs';

export const logStore = {
  async append(entry, { signal } = {}) {
    await cancellableQuery('INSERT INTO batch_log (batch_id, author, text, ts) VALUES ($1, $2, $3, to_timestamp($4))', [
      entry.batchId, entry.author, entry.text, entry.ts,
    ], { signal });
  },
};
