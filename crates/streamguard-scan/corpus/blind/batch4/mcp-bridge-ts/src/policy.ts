import type { Claims } from './auth.js';
import { scopesOf } from './auth.js';

const TOOL_SCOPES: Record<string, string> = {
  search_docs: 'docs:read',
  read_file: 'files:read',
  write_file: 'files:write',
  run_query: 'db:query',
};

export type Decision = { ok: true } | { ok: false; reason: 'insufficient_scope' | 'resource_not_owned' | 'unknown_tool' };

export function authorizeToolCall(claims: Claims, tool: string, resourceUri?: string): Decision {
  const needed = TOOL_SCOPES[tool];
  if (!needed) return { ok: false, reason: 'unknown_tool' };
  if (!scopesOf(claims).has(needed)) return { ok: false, reason: 'insufficient_scope' };
  if (resourceUri && !resourceUri.startsWith(`res://${claims.sub}/`)) {
    return { ok: false, reason: 'resource_not_owned' };
  }
  return { ok: true };
}
