import pg from 'pg';

const roles = new Map();

function key(userId, docId) {
  return `${userId}\u0000${docId}`;
}

export async function loadMemberships(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT user_id, doc_id, role FROM doc_members');
    roles.clear();
    for (const row of rows) roles.set(key(row.user_id, row.doc_id), row.role);
    return rows.length;
  } finally {
    await client.end();
  }
}

export function applyMembershipChange({ userId, docId, role }) {
  if (role) roles.set(key(userId, docId), role);
  else roles.delete(key(userId, docId));
}

export async function canView(userId, docId) {
  return roles.has(key(userId, docId));
}

export async function canEdit(userId, docId) {
  const r = roles.get(key(userId, docId));
  return r === 'owner' || r === 'editor';
}
