import { sendUnaryData, ServerDuplexStream, ServerReadableStream, ServerWritableStream, status } from '@grpc/grpc-js';
import { EventEmitter } from 'node:events';
import { AuthError, authenticate, Claims } from '../auth/jwt';
import { hasScope, scopeFor, toolAllowed } from '../auth/scopes';
import { openSession, RevocationFeed } from '../auth/session';
import { ToolhostConfig } from '../config';
import {
  CallToolRequest,
  CallToolResponse,
  McpStreamingServer,
  ResourceUpdate,
  ToolCall,
  ToolCallEvent,
  ToolInputChunk,
  WatchResourceRequest,
} from '../gen/mcp/v1/mcp';
import { SlidingWindow } from '../limits';
import { ToolRegistry } from '../tools/registry';

export interface StreamingDeps {
  config: ToolhostConfig;
  feed: RevocationFeed;
  tools: ToolRegistry;
  resources: EventEmitter;
}

function denied(requestId: string, code: number, statusName: string, message: string): ToolCallEvent {
  return { requestId, error: { code, status: statusName, message } };
}

function tryAuth(call: { metadata: any; destroy(e?: any): void }, cfg: ToolhostConfig): Claims | undefined {
  try {
    return authenticate(call.metadata, cfg);
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    call.destroy({ code: status.UNAUTHENTICATED, details: err.message });
    return undefined;
  }
}

export function streamingHandlers(deps: StreamingDeps): McpStreamingServer {
  async function callToolWithProgress(call: ServerWritableStream<CallToolRequest, ToolCallEvent>): Promise<void> {
    const claims = tryAuth(call, deps.config);
    if (!claims) return;
    const { name, arguments: args } = call.request;
    if (!toolAllowed(claims, name)) {
      call.destroy({ code: status.PERMISSION_DENIED, details: 'insufficient_scope' } as any);
      return;
    }
    const controller = new AbortController();
    call.on('cancelled', () => controller.abort());
    try {
      const result = await deps.tools.run(
        name,
        args ?? {},
        { signal: controller.signal, deadline: call.getDeadline() },
        (progress, total, message) => call.write({ requestId: name, progress: { progress, total, message } }),
      );
      call.write({ requestId: name, result });
      call.end();
    } catch (err) {
      if (!controller.signal.aborted) {
        call.destroy({ code: status.UNAVAILABLE, details: (err as Error).message } as any);
      }
    }
  }

  function streamToolCalls(call: ServerDuplexStream<ToolCall, ToolCallEvent>): void {
    const claims = tryAuth(call, deps.config);
    if (!claims) return;
    const session = openSession(call, claims, deps.feed, deps.config.leewayMs);
    const window = new SlidingWindow(deps.config.callsPerMinute, 60_000);
    const controller = new AbortController();
    let authorized = false;

    call.on('cancelled', () => controller.abort());

    call.on('data', async (tc: ToolCall) => {
      if (!window.hit()) {
        call.write(denied(tc.requestId, 8, 'RESOURCE_EXHAUSTED', 'rate_limit_exceeded'));
        return;
      }
      if (!authorized) {
        const needed = scopeFor(tc.name);
        if (!needed || !hasScope(claims, needed)) {
          call.write(denied(tc.requestId, 7, 'PERMISSION_DENIED', 'insufficient_scope'));
          call.end();
          return;
        }
        authorized = true;
      }
      try {
        const result: CallToolResponse = await deps.tools.run(tc.name, tc.arguments ?? {}, {
          signal: controller.signal,
          deadline: call.getDeadline(),
        });
        call.write({ requestId: tc.requestId, result });
      } catch (err) {
        if (!controller.signal.aborted) {
          call.write(denied(tc.requestId, 14, 'UNAVAILABLE', (err as Error).message));
        }
      }
    });

    call.on('end', () => {
      session.close();
      call.end();
    });
  }

  function uploadToolInput(_call: ServerReadableStream<ToolInputChunk, CallToolResponse>, callback: sendUnaryData<CallToolResponse>): void {
    callback({ code: status.UNIMPLEMENTED, details: 'UploadToolInput is not supported by this host' });
  }

  function watchResource(call: ServerWritableStream<WatchResourceRequest, ResourceUpdate>): void {
    const claims = tryAuth(call, deps.config);
    if (!claims) return;
    if (!hasScope(claims, 'resources:read')) {
      call.destroy({ code: status.PERMISSION_DENIED, details: 'insufficient_scope' } as any);
      return;
    }
    const session = openSession(call, claims, deps.feed, deps.config.leewayMs);
    const uri = call.request.uri;
    let seq = 0;

    const onUpdate = (text: string) => {
      seq += 1;
      call.write({ seq, uri, unixMs: Date.now(), text });
    };
    deps.resources.on(`changed:${uri}`, onUpdate);

    const lifetime = setTimeout(() => {
      call.destroy({ code: status.UNAVAILABLE, details: 'max_stream_lifetime' } as any);
    }, deps.config.maxWatchMs);

    const cleanup = () => {
      clearTimeout(lifetime);
      deps.resources.off(`changed:${uri}`, onUpdate);
      session.close();
    };
    call.on('cancelled', cleanup);
    call.on('close', cleanup);
    call.on('error', cleanup);
  }

  return { callToolWithProgress, streamToolCalls, uploadToolInput, watchResource };
}
