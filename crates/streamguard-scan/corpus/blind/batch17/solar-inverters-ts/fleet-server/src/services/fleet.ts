import {
  handleClientStreamingCall,
  sendUnaryData,
  ServerDuplexStream,
  ServerReadableStream,
  ServerWritableStream,
  status,
} from '@grpc/grpc-js';
import { PassThrough } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import {
  CurtailAck,
  CurtailCommand,
  InverterFleetServer,
  InverterSample,
  UploadSummary,
  WatchInverterRequest,
  YieldChunk,
} from '../generated/fleet';
import { canControl, claimsOf } from '../auth/interceptor';
import { latestSample } from '../downstream/vendor';
import { applySetpoint } from '../downstream/setpoints';
import { allowCommand } from '../downstream/limiter';
import { config } from '../config';

const s3 = new S3Client({});

export class FleetService implements InverterFleetServer {
  [name: string]: any;

  watchInverter = (call: ServerWritableStream<WatchInverterRequest, InverterSample>): void => {
    const claims = claimsOf(call.metadata);
    const { siteId, inverterSerial } = call.request;
    if (!claims.sites.includes(siteId)) {
      call.destroy({ code: status.PERMISSION_DENIED, details: 'site not in token' } as any);
      return;
    }

    const poll = async () => {
      try {
        const s = await latestSample(inverterSerial, AbortSignal.timeout(5_000));
        call.write({
          inverterSerial,
          acWatts: s.acW,
          stringVolts: s.dcV,
          tempC: s.tempC,
          atUnixMs: s.ts,
        });
      } catch (err) {
        console.warn(`sample ${inverterSerial}: ${(err as Error).message}`);
      }
    };

    const timer = setInterval(poll, config.samplePeriodMs);
    void poll();
    call.on('cancelled', () => clearInterval(timer));
  };

  curtailmentSession = (call: ServerDuplexStream<CurtailCommand, CurtailAck>): void => {
    const claims = claimsOf(call.metadata);
    const ack = (requestId: string, st: string, detail = '') => call.write({ requestId, status: st, detail });

    call.on('data', async (cmd: CurtailCommand) => {
      if (!canControl(claims, cmd.siteId)) {
        ack(cmd.requestId, 'PERMISSION_DENIED', 'insufficient_scope');
        return;
      }
      if (!(await allowCommand(claims.sub))) {
        call.destroy({ code: status.RESOURCE_EXHAUSTED, details: 'rate_limit_exceeded' } as any);
        return;
      }

      const target = cmd.release ? 100 : cmd.limitPercent;
      try {
        if (cmd.rampSeconds > 0) {
          // Step the limit in 10 % increments over the ramp, so the feeder does not see a cliff.
          const steps = Math.max(1, Math.ceil(cmd.rampSeconds / 10));
          for (let i = 1; i <= steps; i++) {
            setTimeout(() => {
              const pct = Math.round(100 - ((100 - target) * i) / steps);
              applySetpoint(call, { siteId: cmd.siteId, limitPercent: pct, operator: claims.sub }).catch((err) =>
                console.error(`ramp step ${i} for ${cmd.siteId}: ${err.message}`),
              );
            }, i * 10_000);
          }
          ack(cmd.requestId, 'ACCEPTED', `ramping over ${steps} steps`);
        } else {
          const reply = await applySetpoint(call, { siteId: cmd.siteId, limitPercent: target, operator: claims.sub });
          ack(cmd.requestId, reply.accepted ? 'OK' : 'REJECTED', reply.gateway);
        }
      } catch (err) {
        ack(cmd.requestId, 'UNAVAILABLE', (err as Error).message);
      }
    });

    call.on('end', () => call.end());
  };

  uploadYieldLog: handleClientStreamingCall<YieldChunk, UploadSummary> = (
    call: ServerReadableStream<YieldChunk, UploadSummary>,
    callback: sendUnaryData<UploadSummary>,
  ) => {
    const claims = claimsOf(call.metadata);
    const body = new PassThrough();
    let siteId: string | undefined;
    let day = '';
    let bytes = 0;
    let upload: Upload | undefined;

    call.on('cancelled', () => {
      body.destroy();
      void upload?.abort();
    });

    call.on('data', (chunk: YieldChunk) => {
      if (siteId === undefined) {
        if (!claims.scopes.includes('yield:upload') || !claims.sites.includes(chunk.siteId)) {
          callback({ code: status.PERMISSION_DENIED, details: 'site not in token' });
          call.destroy();
          return;
        }
        siteId = chunk.siteId;
        day = chunk.day;
        upload = new Upload({
          client: s3,
          params: { Bucket: config.yieldBucket, Key: `${siteId}/${day}.csv`, Body: body },
        });
        upload.done().then(
          () => callback(null, { objectKey: `${siteId}/${day}.csv`, bytes }),
          (err) => callback({ code: status.UNAVAILABLE, details: err.message }),
        );
      } else if (chunk.siteId && chunk.siteId !== siteId) {
        callback({ code: status.INVALID_ARGUMENT, details: 'one site per upload' });
        call.destroy();
        return;
      }
      bytes += chunk.csv.length;
      if (bytes > 32 * 1024 * 1024) {
        callback({ code: status.RESOURCE_EXHAUSTED, details: 'yield log too large' });
        call.destroy();
        return;
      }
      body.write(chunk.csv);
    });

    call.on('end', () => body.end());
  };
}
