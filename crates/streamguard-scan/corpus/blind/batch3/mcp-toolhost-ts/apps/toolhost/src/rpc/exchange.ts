import { ServerDuplexStream, status } from '@grpc/grpc-js';
import { AuthError, authenticate } from '../auth/jwt';
import { toolAllowed } from '../auth/scopes';
import { openSession, RevocationFeed } from '../auth/session';
import { ToolhostConfig } from '../config';
import { JsonRpcFrame } from '../gen/mcp/v1/mcp';
import { IdentityLimiter } from '../limits';
import { ToolRegistry } from '../tools/registry';

interface RpcMessage {
  jsonrpc: '2.0';
  id?: string | number;
  method?: string;
  params?: any;
}

export interface ExchangeDeps {
  config: ToolhostConfig;
  feed: RevocationFeed;
  limiter: IdentityLimiter;
  tools: ToolRegistry;
}

function encode(obj: unknown): JsonRpcFrame {
  return { json: Buffer.from(JSON.stringify(obj)) };
}

export class JsonRpcExchange {
  constructor(private readonly deps: ExchangeDeps) {}

  exchange(call: ServerDuplexStream<JsonRpcFrame, JsonRpcFrame>): void {
    let claims;
    try {
      claims = authenticate(call.metadata, this.deps.config);
    } catch (err) {
      if (err instanceof AuthError) {
        call.destroy({ code: status.UNAUTHENTICATED, details: err.message } as any);
        return;
      }
      throw err;
    }

    const session = openSession(call, claims, this.deps.feed, this.deps.config.leewayMs);
    const controller = new AbortController();
    call.on('cancelled', () => controller.abort());

    const reply = (id: RpcMessage['id'], body: { result?: unknown; error?: unknown }) => {
      if (!call.cancelled) call.write(encode({ jsonrpc: '2.0', id, ...body }));
    };

    call.on('data', async (frame: JsonRpcFrame) => {
      let msg: RpcMessage;
      try {
        msg = JSON.parse(Buffer.from(frame.json).toString('utf8'));
      } catch {
        reply(null as any, { error: { code: -32700, message: 'parse error' } });
        return;
      }
      if (!this.deps.limiter.allow(claims.sub)) {
        reply(msg.id, { error: { code: -32029, message: 'rate_limit_exceeded' } });
        return;
      }

      switch (msg.method) {
        case 'initialize':
          reply(msg.id, { result: { protocolVersion: '2025-06-18', capabilities: { tools: {} } } });
          return;
        case 'tools/list':
          reply(msg.id, { result: { tools: this.deps.tools.names().filter((n) => toolAllowed(claims, n)).map((name) => ({ name })) } });
          return;
        case 'tools/call': {
          const name: string | undefined = msg.params?.name;
          if (!toolAllowed(claims, name)) {
            reply(msg.id, { error: { code: -32003, message: 'insufficient_scope', data: { status: 'PERMISSION_DENIED' } } });
            return;
          }
          try {
            const result = await this.deps.tools.run(name!, msg.params?.arguments ?? {}, {
              signal: controller.signal,
              deadline: call.getDeadline(),
            });
            reply(msg.id, { result });
          } catch (err) {
            if (controller.signal.aborted) return;
            reply(msg.id, { error: { code: -32000, message: (err as Error).message } });
          }
          return;
        }
        default:
          if (msg.id !== undefined) reply(msg.id, { error: { code: -32601, message: 'method not found' } });
      }
    });

    call.on('end', () => {
      session.close();
      call.end();
    });
  }
}
