export interface BridgeConfig {
  listen: string;
  jwksUrl: string;
  audience: string;
  issuer: string;
  toolRunnerUrl: string;
  blobStoreAddr: string;
  resourceBaseUrl: string;
  maxConnectionAgeMs: number;
  messagesPerMinute: number;
}

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} must be set (see README: configuration)`);
  return v;
}

export function loadConfig(): BridgeConfig {
  return {
    listen: process.env.BRIDGE_LISTEN ?? '0.0.0.0:8443',
    jwksUrl: required('BRIDGE_JWKS_URL'),
    audience: required('BRIDGE_AUDIENCE'),
    issuer: required('BRIDGE_ISSUER'),
    toolRunnerUrl: process.env.TOOL_RUNNER_URL ?? 'http://127.0.0.1:9100',
    blobStoreAddr: process.env.BLOB_STORE_ADDR ?? '127.0.0.1:9200',
    resourceBaseUrl: process.env.RESOURCE_BASE_URL ?? 'http://127.0.0.1:9300',
    maxConnectionAgeMs: Number(process.env.BRIDGE_MAX_CONN_AGE_MS ?? 30 * 60 * 1000),
    messagesPerMinute: Number(process.env.BRIDGE_MSGS_PER_MIN ?? 120),
  };
}
