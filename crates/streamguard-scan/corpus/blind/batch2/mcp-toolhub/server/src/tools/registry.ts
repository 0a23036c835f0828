import * as grpc from '@grpc/grpc-js';

export interface ToolSpec {
  name: string;
  description: string;
  scope: string;
  backend: string;
  ownsResource?: (sub: string, uri: string) => boolean;
}

export const TOOLS: Record<string, ToolSpec> = {
  search_docs: { name: 'search_docs', description: 'Full-text search over the docs index', scope: 'docs:read', backend: 'http://docs-search.internal/run' },
  read_file: {
    name: 'read_file',
    description: 'Read a file from the caller workspace',
    scope: 'files:read',
    backend: 'http://workspace.internal/read',
    ownsResource: (sub, uri) => uri.startsWith(`ws://${sub}/`),
  },
  write_file: {
    name: 'write_file',
    description: 'Write a file in the caller workspace',
    scope: 'files:write',
    backend: 'http://workspace.internal/write',
    ownsResource: (sub, uri) => uri.startsWith(`ws://${sub}/`),
  },
  run_sql: { name: 'run_sql', description: 'Read-only SQL against the analytics replica', scope: 'sql:read', backend: 'http://sql-proxy.internal/query' },
};

export function authorizeTool(name: string, scopes: Set<string>, sub: string, resourceUri?: string): string | null {
  const spec = TOOLS[name];
  if (!spec) return 'unknown_tool';
  if (!scopes.has(spec.scope)) return 'insufficient_scope';
  if (resourceUri && spec.ownsResource && !spec.ownsResource(sub, resourceUri)) return 'resource_not_owned';
  return null;
}

export async function runTool(
  name: string,
  args: unknown,
  opts: { signal: AbortSignal; timeoutMs?: number },
): Promise<{ content: { type: string; text: string }[]; isError: boolean }> {
  const spec = TOOLS[name];
  const signals = [opts.signal];
  if (opts.timeoutMs !== undefined) signals.push(AbortSignal.timeout(Math.max(0, opts.timeoutMs)));
  const res = await fetch(spec.backend, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ arguments: args }),
    signal: AbortSignal.any(signals),
  });
  const text = await res.text();
  return { content: [{ type: 'text', text }], isError: !res.ok };
}

export function listTools(_call: grpc.ServerUnaryCall<any, any>, cb: grpc.sendUnaryData<any>) {
  cb(null, { tools: Object.values(TOOLS).map((t) => ({ name: t.name, description: t.description })) });
}

export function callTool(call: grpc.ServerUnaryCall<any, any>, cb: grpc.sendUnaryData<any>) {
  cb({ code: grpc.status.UNIMPLEMENTED, details: 'use McpStreaming.CallToolWithProgress' });
}
