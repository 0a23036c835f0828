import * as grpc from '@grpc/grpc-js';
import type { Authenticator, Claims } from './auth.js';
import type { RevocationBus } from './revocations.js';
import { StreamSession, remainingMs } from './session.js';
import { authorizeToolCall } from './policy.js';
import type { IdentityLimiter } from './limits.js';
import type { ToolRunner } from './downstream/toolRunner.js';
import type { BlobStoreClient } from './downstream/blobStore.js';
import type {
  CallToolRequest, CallToolResponse, ToolCall, ToolCallEvent, ToolInputChunk,
  WatchResourceRequest, ResourceUpdate, McpStreamingServer,
} from './gen/mcp/v1/mcp.js';

const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

export class McpStreamingImpl implements McpStreamingServer {
  [name: string]: grpc.UntypedHandleCall;

  constructor(
    private readonly auth: Authenticator,
    private readonly bus: RevocationBus,
    private readonly limiter: IdentityLimiter,
    private readonly runner: ToolRunner,
    private readonly blobs: BlobStoreClient,
    private readonly resourceBase: string,
  ) {}

  private async open(call: any): Promise<StreamSession | undefined> {
    let claims: Claims;
    try {
      claims = await this.auth.verify(call.metadata);
    } catch (err) {
      call.destroy({ code: grpc.status.UNAUTHENTICATED, details: (err as Error).message });
      return undefined;
    }
    const session = new StreamSession(call, claims, this.bus);
    return session.start() ? session : undefined;
  }

  callToolWithProgress = async (call: grpc.ServerWritableStream<CallToolRequest, ToolCallEvent>): Promise<void> => {
    const session = await this.open(call);
    if (!session) return;
    const { name, arguments: args } = call.request;
    const decision = authorizeToolCall(session.claims, name);
    if (!decision.ok) {
      session.end(grpc.status.PERMISSION_DENIED, decision.reason);
      return;
    }
    try {
      for await (const step of this.runner.runWithProgress(name, args, AbortSignal.timeout(30_000))) {
        if (step.progress !== undefined) {
          call.write({ requestId: '', progress: { progress: step.progress, total: 1, message: '' } });
        } else if (step.result) {
          call.write({ requestId: '', result: { content: [{ type: 'text', text: step.result.text }], isError: step.result.isError } });
        }
      }
      call.end();
    } catch (err) {
      session.end(grpc.status.UNAVAILABLE, `tool runner: ${(err as Error).message}`);
    }
  };

  streamToolCalls = async (call: grpc.ServerDuplexStream<ToolCall, ToolCallEvent>): Promise<void> => {
    const session = await this.open(call);
    if (!session) return;
    call.on('data', async (msg: ToolCall) => {
      if (!this.limiter.take(session.claims.sub)) {
        session.end(grpc.status.RESOURCE_EXHAUSTED, 'rate_limit_exceeded');
        return;
      }
      const decision = authorizeToolCall(session.claims, msg.name, msg.resourceUri || undefined);
      if (!decision.ok) {
        call.write({ requestId: msg.requestId, error: { code: 7, status: 'PERMISSION_DENIED', message: decision.reason } });
        return;
      }
      const signal = AbortSignal.any([session.abort.signal, AbortSignal.timeout(remainingMs(call))]);
      try {
        const r = await this.runner.run(msg.name, msg.arguments, signal);
        call.write({ requestId: msg.requestId, result: { content: [{ type: 'text', text: r.text }], isError: r.isError } });
      } catch (err) {
        if (!signal.aborted) {
          call.write({ requestId: msg.requestId, error: { code: 14, status: 'UNAVAILABLE', message: (err as Error).message } });
        }
      }
    });
    call.on('end', () => call.end());
  };

  uploadToolInput = async (
    call: grpc.ServerReadableStream<ToolInputChunk, CallToolResponse>,
    callback: grpc.sendUnaryData<CallToolResponse>,
  ): Promise<void> => {
    const session = await this.open(call);
    if (!session) return;
    const parts: Buffer[] = [];
    let size = 0;
    let tool = '';
    call.on('data', (chunk: ToolInputChunk) => {
      if (!tool) {
        const d = authorizeToolCall(session.claims, chunk.name);
        if (!d.ok) return session.end(grpc.status.PERMISSION_DENIED, d.reason);
        tool = chunk.name;
      }
      size += chunk.data.length;
      if (size > MAX_UPLOAD_BYTES) return session.end(grpc.status.RESOURCE_EXHAUSTED, 'upload_too_large');
      parts.push(Buffer.from(chunk.data));
    });
    call.on('end', async () => {
      try {
        const id = await this.blobs.put(Buffer.concat(parts), call);
        session.dispose();
        callback(null, { content: [{ type: 'text', text: id }], isError: false, structuredContent: undefined });
      } catch (err) {
        callback({ code: grpc.status.UNAVAILABLE, details: (err as Error).message });
      }
    });
  };

  watchResource = async (call: grpc.ServerWritableStream<WatchResourceRequest, ResourceUpdate>): Promise<void> => {
    const session = await this.open(call);
    if (!session) return;
    const { uri } = call.request;
    const d = authorizeToolCall(session.claims, 'read_file', uri);
    if (!d.ok) return session.end(grpc.status.PERMISSION_DENIED, d.reason);
    const every = Math.max(call.request.intervalMs || 1000, 250);
    let seq = 0;
    const timer = setInterval(async () => {
      try {
        const signal = AbortSignal.any([session.abort.signal, AbortSignal.timeout(Math.min(every, remainingMs(call)))]);
        const res = await fetch(`${this.resourceBase}/read?uri=${encodeURIComponent(uri)}`, { signal });
        call.write({ seq: ++seq, uri, unixMs: Date.now(), text: await res.text() });
      } catch {
        /* next tick retries */
      }
    }, every);
    call.on('cancelled', () => clearInterval(timer));
    call.on('close', () => clearInterval(timer));
  };
}
