import * as grpc from '@grpc/grpc-js';
import { BuildClaims, isRevoked, readClaims, verifyBearer } from '../auth/claims';
import { logStoreClient, LogStoreClient } from '../clients/casClient';
import { SchedulerClient } from '../clients/schedulerClient';
import { config } from '../config';
import { RateLimiter } from '../ratelimit';
import { LogPump } from '../streams/LogPump';

const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

export class BuildService {
  private readonly store: LogStoreClient = logStoreClient();
  private readonly scheduler = new SchedulerClient();
  private readonly limiter = new RateLimiter(config.actionsPerMinute);

  handlers(): grpc.UntypedServiceImplementation {
    return {
      getBuild: this.getBuild.bind(this),
      streamBuildLog: this.streamBuildLog.bind(this),
      watchQueue: this.watchQueue.bind(this),
      submitActions: this.submitActions.bind(this),
    };
  }

  private statusOpts(call: grpc.ServerWritableStream<any, any>): grpc.CallOptions {
    return {
      parent: call,
      propagate_flags: grpc.propagate.CANCELLATION,
      deadline: Date.now() + config.statusTimeoutMs,
    };
  }

  private canSee(claims: BuildClaims, instance: string): boolean {
    return claims.instances.includes('*') || claims.instances.includes(instance);
  }

  async getBuild(call: grpc.ServerUnaryCall<any, any>, callback: grpc.sendUnaryData<any>): Promise<void> {
    const claims = readClaims(call.metadata);
    try {
      const st = await this.scheduler.status(call.request.buildId, { deadline: call.getDeadline() });
      if (!this.canSee(claims, st.instanceName)) {
        callback({ code: grpc.status.NOT_FOUND, details: 'no such build' });
        return;
      }
      callback(null, { buildId: call.request.buildId, ...st });
    } catch (err) {
      callback(err as grpc.ServiceError);
    }
  }

  async streamBuildLog(call: grpc.ServerWritableStream<any, any>): Promise<void> {
    const claims = readClaims(call.metadata);
    const buildId: string = call.request.buildId;
    const first = await this.scheduler.status(buildId, this.statusOpts(call));
    if (!this.canSee(claims, first.instanceName)) {
      call.destroy({ code: grpc.status.NOT_FOUND, details: 'no such build' } as any);
      return;
    }

    const pump = new LogPump(this.store, call, buildId, Number(call.request.fromOffset ?? 0), async () => {
      const st = await this.scheduler.status(buildId, this.statusOpts(call));
      return FINISHED.has(st.state);
    });
    call.on('cancelled', () => pump.stop());

    try {
      await pump.run();
    } catch (err) {
      if (!call.cancelled) call.destroy(err as Error);
    }
  }

  watchQueue(call: grpc.ServerWritableStream<any, any>): void {
    const claims = readClaims(call.metadata);
    const instance: string = call.request.instanceName;
    if (!this.canSee(claims, instance)) {
      call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'instance not allowed' } as any);
      return;
    }

    const poll = setInterval(async () => {
      try {
        const s = await this.scheduler.queueStats(instance, { parent: call });
        call.write({ instanceName: instance, queued: s.queued, executing: s.executing, idleWorkers: s.idleWorkers, atMs: Date.now() });
      } catch {
        /* next tick */
      }
    }, config.queuePollMs);

    const revocationCheck = setInterval(async () => {
      if (await isRevoked(claims.jti)) {
        call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'token_revoked' } as any);
      }
    }, config.revocationCheckMs);

    const lifetime = setTimeout(() => call.end(), config.maxQueueWatchMs);

    const stop = () => {
      clearInterval(poll);
      clearInterval(revocationCheck);
      clearTimeout(lifetime);
    };
    call.on('cancelled', stop);
    call.on('finish', stop);
    call.on('error', stop);
  }

  submitActions(call: grpc.ServerDuplexStream<any, any>): void {
    const peer = call.getPeer();

    call.on('data', async (action: any) => {
      let claims: BuildClaims;
      try {
        claims = await verifyBearer(call.metadata);
        if (await isRevoked(claims.jti)) throw new Error('token_revoked');
      } catch (err) {
        call.destroy({ code: grpc.status.UNAUTHENTICATED, details: (err as Error).message } as any);
        return;
      }
      if (!this.canSee(claims, action.instanceName)) {
        call.write({ clientRef: action.clientRef, error: 'PERMISSION_DENIED: instance not allowed' });
        return;
      }
      if (!this.limiter.tryAcquire(peer)) {
        call.write({ clientRef: action.clientRef, error: 'RESOURCE_EXHAUSTED: slow down' });
        return;
      }
      try {
        const res = await this.scheduler.enqueue(
          {
            instanceName: action.instanceName,
            platform: action.platform,
            actionDigest: action.actionDigest,
            priority: action.priority,
            submitter: claims.sub,
          },
          { parent: call },
        );
        call.write({ clientRef: action.clientRef, operation: res.operation });
      } catch (err) {
        call.write({ clientRef: action.clientRef, error: (err as Error).message });
      }
    });

    call.on('end', () => call.end());
    call.on('close', () => this.limiter.forget(peer));
  }
}
