import * as grpc from '@grpc/grpc-js';
import {
  ConsoleEvent,
  ConsoleRequest,
  CycleLogChunk,
  MachineState,
  StoreOpsServer,
  UploadReceipt,
  WatchStoreRequest,
} from '../generated/laundry';
import { MachineSession } from '../session/machineSession';
import { controller, storeSnapshot } from '../clients/machines';
import { startLogUpload } from '../clients/objectStore';
import { allowCommand } from '../limits';
import { config } from '../config';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class StoreOpsService implements StoreOpsServer {
  [name: string]: grpc.UntypedHandleCall;

  watchStore = async (call: grpc.ServerWritableStream<WatchStoreRequest, MachineState>): Promise<void> => {
    let session: MachineSession;
    try {
      session = await MachineSession.open(call);
    } catch {
      return;
    }
    const storeId = call.request.storeId;
    if (!session.claims.stores.includes(storeId)) {
      session.end(grpc.status.PERMISSION_DENIED, 'store not assigned');
      return;
    }
    while (!session.ended) {
      try {
        const machines = await storeSnapshot(storeId, AbortSignal.any([session.signal, AbortSignal.timeout(4000)]));
        for (const m of machines) {
          call.write({ machineId: m.machineId, kind: m.kind, state: m.state, minutesLeft: m.minutesLeft, unixMs: Date.now() });
        }
      } catch (err) {
        if (session.ended) return;
      }
      await sleep(3000);
    }
  };

  storeConsole = async (call: grpc.ServerDuplexStream<ConsoleRequest, ConsoleEvent>): Promise<void> => {
    let session: MachineSession;
    try {
      session = await MachineSession.open(call);
    } catch {
      return;
    }
    let claimedStore: string | null = null;
    const peer = call.getPeer();

    const answer = (requestId: string, ok: boolean, status: string, detail = '') =>
      call.write({ requestId, ok, status, detail });

    call.on('data', (req: ConsoleRequest) => {
      if (!allowCommand(peer, config.consoleCommandsPerMinute)) {
        session.end(grpc.status.RESOURCE_EXHAUSTED, 'rate_limit_exceeded');
        return;
      }
      if (req.claim) {
        if (!session.claims.stores.includes(req.claim.storeId) || !session.claims.scopes.has('store:attend')) {
          answer(req.requestId, false, 'PERMISSION_DENIED', 'store not assigned');
          return;
        }
        claimedStore = req.claim.storeId;
        answer(req.requestId, true, 'OK');
        return;
      }
      if (!claimedStore) {
        answer(req.requestId, false, 'FAILED_PRECONDITION', 'claim a store first');
        return;
      }
      if (req.remoteStart) {
        controller.remoteStart(req.remoteStart, new grpc.Metadata(), { parent: call }, (err, reply) => {
          if (err) answer(req.requestId, false, grpc.status[err.code], err.details);
          else answer(req.requestId, reply.started, 'OK', `${reply.minutes} min`);
        });
        return;
      }
      if (req.refund) {
        controller.refund(req.refund, new grpc.Metadata(), { parent: call }, (err, reply) => {
          if (err) answer(req.requestId, false, grpc.status[err.code], err.details);
          else answer(req.requestId, true, 'OK', reply.refundId);
        });
      }
    });
    call.on('end', () => call.end());
  };

  uploadCycleLog = async (
    call: grpc.ServerReadableStream<CycleLogChunk, UploadReceipt>,
    callback: grpc.sendUnaryData<UploadReceipt>,
  ): Promise<void> => {
    let session: MachineSession;
    try {
      session = await MachineSession.open(call);
    } catch {
      return;
    }
    let upload: ReturnType<typeof startLogUpload> | undefined;
    let key = '';
    let bytes = 0;
    const ac = new AbortController();
    const deadlineTimer = setTimeout(() => ac.abort(), session.remainingMs(120_000));

    call.on('data', (chunk: CycleLogChunk) => {
      if (!upload) {
        if (!session.claims.scopes.has('machine:upload')) {
          session.end(grpc.status.PERMISSION_DENIED, 'insufficient_scope');
          return;
        }
        key = `${chunk.day}/${chunk.machineId}.log`;
        upload = startLogUpload(key, ac);
      }
      bytes += chunk.data.length;
      upload.body.write(chunk.data);
    });
    call.on('end', async () => {
      if (!upload) return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'empty log' });
      upload.body.end();
      try {
        await upload.done;
        callback(null, { objectKey: key, bytes });
      } catch (e: any) {
        callback({ code: grpc.status.UNAVAILABLE, details: e.message });
      } finally {
        clearTimeout(deadlineTimer);
      }
    });
  };
}
