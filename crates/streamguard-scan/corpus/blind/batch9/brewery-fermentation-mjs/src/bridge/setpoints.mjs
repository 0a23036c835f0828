import { EventEmitter } from 'node:events';
import { pool } from '../shared/db.mjs';

export const setpointChanges = new EventEmitter();
setpointChanges.setMaxListeners(0);

export async function applySetpoint(tankId, targetC) {
  await pool.query('UPDATE tanks SET target_c = $2, changed_at = now() WHERE tank_id = $1', [tankId, targetC]);
  setpointChanges.emit('change', { tankId, targetC, changedAt: Math.floor(Date.now() / 1000) });
}
