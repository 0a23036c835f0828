'use strict';

const { pool } = require('../clients/db');
const { authenticate, AuthError } = require('../auth/session');

async function getStudio(call, callback) {
  try {
    authenticate(call);
    const { rows } = await pool.query('SELECT name, chairs FROM studios WHERE studio_id = $1', [call.request.studioId]);
    if (!rows[0]) return callback({ code: 5, details: 'no such studio' });
    callback(null, { studioId: call.request.studioId, name: rows[0].name, chairs: rows[0].chairs });
  } catch (err) {
    if (err instanceof AuthError) return callback({ code: err.code, details: err.details });
    callback(err);
  }
}

module.exports = { getStudio };
