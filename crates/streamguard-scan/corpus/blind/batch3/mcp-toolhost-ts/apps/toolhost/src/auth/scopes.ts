import { Claims } from './jwt';

const TOOL_SCOPES: Record<string, string> = {
  search_docs: 'docs:read',
  fetch_url: 'web:fetch',
  summarize: 'docs:read',
  create_ticket: 'tickets:write',
  close_ticket: 'tickets:admin',
};

export function scopeFor(tool: string | undefined): string | undefined {
  if (!tool) return undefined;
  return TOOL_SCOPES[tool];
}

export function hasScope(claims: Claims, scope: string): boolean {
  return claims.scope.includes(scope);
}

export function toolAllowed(claims: Claims, tool: string | undefined): boolean {
  const needed = scopeFor(tool);
  return needed !== undefined && hasScope(claims, needed);
}
