'use strict';

const grpc = require('@grpc/grpc-js');
const { Pool } = require('pg');
const { accounts, fetchProfile } = require('./lib/profile-client');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, statement_timeout: 5000 });

async function getUser(call, callback) {
  try {
    const { rows } = await pool.query('SELECT id, email, display_name, updated_ms FROM users WHERE id = $1', [call.request.id]);
    if (!rows.length) {
      callback({ code: grpc.status.NOT_FOUND, details: 'no such user' });
      return;
    }
    const profile = await fetchProfile(call.request.id).catch(() => null);
    const u = rows[0];
    callback(null, {
      id: u.id,
      email: u.email,
      displayName: profile?.displayName || u.display_name,
      updatedMs: Number(u.updated_ms),
    });
  } catch (err) {
    callback({ code: grpc.status.INTERNAL, details: err.message });
  }
}

async function updateUser(call, callback) {
  const { user, fields } = call.request;
  const allowed = new Set(['email', 'display_name']);
  const sets = fields.filter((f) => allowed.has(f));
  if (!sets.length) {
    callback({ code: grpc.status.INVALID_ARGUMENT, details: 'nothing to update' });
    return;
  }
  const values = sets.map((f) => (f === 'email' ? user.email : user.displayName));
  const sql = `UPDATE users SET ${sets.map((f, i) => `${f} = $${i + 2}`).join(', ')}, updated_ms = $${sets.length + 2} WHERE id = $1 RETURNING *`;
  try {
    const { rows } = await pool.query(sql, [user.id, ...values, Date.now()]);
    callback(null, { id: rows[0].id, email: rows[0].email, displayName: rows[0].display_name, updatedMs: Number(rows[0].updated_ms) });
  } catch (err) {
    callback({ code: grpc.status.INTERNAL, details: err.message });
  }
}

const server = new grpc.Server();
server.addService(accounts.Users.service, { getUser, updateUser });
server.bindAsync('0.0.0.0:7001', grpc.ServerCredentials.createInsecure(), (err) => {
  if (err) throw err;
});
