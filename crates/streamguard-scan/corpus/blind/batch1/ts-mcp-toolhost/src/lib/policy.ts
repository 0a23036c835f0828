const REQUIRED: Record<string, string> = {
  echo: 'tools:basic',
  fetch_url: 'net:fetch',
  read_file: 'files:read',
  write_file: 'files:write',
  run_sql: 'db:query',
};

export function scopeFor(tool: string): string | undefined {
  return REQUIRED[tool];
}

export function permitted(grantedScopes: readonly string[], tool: string): boolean {
  const need = scopeFor(tool);
  return need !== undefined && grantedScopes.includes(need);
}

export function ownsResource(sub: string, uri: string | undefined): boolean {
  if (!uri) return true;
  return uri.startsWith(`res://${sub}/`);
}
