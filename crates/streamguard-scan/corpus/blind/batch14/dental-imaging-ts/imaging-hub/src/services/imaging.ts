import * as grpc from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import type {
  ImagingServer,
  ScanChunk,
  UploadScanResponse,
  WatchWorklistRequest,
  WorklistItem,
  ViewerCommand,
  ViewerFrame,
  GetStudyRequest,
  Study,
} from '../gen/dental/imaging/v1/imaging';
import { canView, clinicianOf } from '../auth/interceptor';
import { changedStudies } from '../clients/pacs';
import { renderSlice } from '../clients/renderer';
import { startScanUpload } from '../clients/store';
import { config } from '../config';
import { studies } from '../studies';

export class ImagingService implements ImagingServer {
  [name: string]: grpc.UntypedHandleCall;

  uploadScan = (call: grpc.ServerReadableStream<ScanChunk, UploadScanResponse>, callback: grpc.sendUnaryData<UploadScanResponse>) => {
    const who = clinicianOf(call);
    let upload: ReturnType<typeof startScanUpload> | null = null;
    let studyId = '';
    let bytes = 0;
    const cancel = new AbortController();
    call.on('cancelled', () => cancel.abort());

    call.on('data', (chunk: ScanChunk) => {
      if (!upload) {
        // the first chunk says whose scan this is; the rest are DICOM bytes
        if (!canView(who, chunk.clinicId)) {
          callback({ code: grpc.status.PERMISSION_DENIED, details: 'clinic_not_allowed' });
          call.destroy();
          return;
        }
        studyId = randomUUID();
        upload = startScanUpload(`${chunk.clinicId}/${chunk.patientId}/${studyId}.dcm`, AbortSignal.any([cancel.signal, AbortSignal.timeout(30_000)]));
        studies.register(studyId, chunk.clinicId, chunk.patientId, chunk.modality);
      }
      bytes += chunk.data.length;
      if (bytes > config.maxScanBytes) {
        callback({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'scan too large' });
        call.destroy();
        return;
      }
      upload.sink.write(chunk.data);
    });

    call.on('end', async () => {
      if (!upload) return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'empty upload' });
      upload.sink.end();
      try {
        await upload.done;
        callback(null, { studyId, bytes });
      } catch (e: any) {
        callback({ code: grpc.status.UNAVAILABLE, details: e.message });
      }
    });
  };

  watchWorklist = (call: grpc.ServerWritableStream<WatchWorklistRequest, WorklistItem>) => {
    const who = clinicianOf(call);
    const { clinicId } = call.request;
    if (!canView(who, clinicId)) {
      call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'clinic_not_allowed' } as any);
      return;
    }
    const ac = new AbortController();
    let since = 0;
    const poll = async () => {
      try {
        const { studies: changed, last } = await changedStudies(clinicId, since, ac.signal);
        since = last;
        for (const s of changed) {
          call.write({
            studyId: s.ID,
            patientId: s.PatientMainDicomTags.PatientID,
            modality: s.MainDicomTags.ModalitiesInStudy,
            priority: 'routine',
            receivedUnixMs: Date.parse(s.LastUpdate),
          });
        }
      } catch (e) {
        if (!ac.signal.aborted) console.warn('worklist poll failed', e);
      }
    };
    const timer = setInterval(poll, config.worklistPollMs);
    void poll();
    call.on('cancelled', () => {
      clearInterval(timer);
      ac.abort();
    });
  };

  viewerSession = (call: grpc.ServerDuplexStream<ViewerCommand, ViewerFrame>) => {
    const who = clinicianOf(call);
    const inFlight = new Set<grpc.ClientUnaryCall>();
    let windowStart = Date.now();
    let renders = 0;

    call.on('data', async (cmd: ViewerCommand) => {
      const study = studies.get(cmd.studyId);
      if (!study || !canView(who, study.clinicId)) {
        call.write({ requestId: cmd.requestId, png: Buffer.alloc(0), error: 'PERMISSION_DENIED' });
        return;
      }
      if (Date.now() - windowStart > 60_000) {
        windowStart = Date.now();
        renders = 0;
      }
      if (++renders > config.rendersPerMinute) {
        call.write({ requestId: cmd.requestId, png: Buffer.alloc(0), error: 'RESOURCE_EXHAUSTED' });
        return;
      }
      const { call: rc, result } = renderSlice(
        { studyId: cmd.studyId, view: cmd.view, slice: cmd.slice, windowCenter: cmd.windowCenter, windowWidth: cmd.windowWidth },
        { deadline: Date.now() + 10_000 },
      );
      inFlight.add(rc);
      try {
        const png = await result;
        call.write({ requestId: cmd.requestId, png, error: '' });
      } catch (e: any) {
        call.write({ requestId: cmd.requestId, png: Buffer.alloc(0), error: e.details ?? 'render_failed' });
      } finally {
        inFlight.delete(rc);
      }
    });
    call.on('cancelled', () => {
      for (const rc of inFlight) rc.cancel();
    });
    call.on('end', () => call.end());
  };

  getStudy = (call: grpc.ServerUnaryCall<GetStudyRequest, Study>, callback: grpc.sendUnaryData<Study>) => {
    const s = studies.get(call.request.studyId);
    if (!s || !canView(clinicianOf(call), s.clinicId)) return callback({ code: grpc.status.NOT_FOUND });
    callback(null, { studyId: call.request.studyId, clinicId: s.clinicId, patientId: s.patientId, modality: s.modality });
  };
}
