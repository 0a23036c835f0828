import grpc from '@grpc/grpc-js';
import messages from '../../gen/museum/guide/v1/guide_pb.js';
import { VisitGuard } from '../visit-guard.mjs';
import { allowEvent } from '../limiter.mjs';
import * as cms from '../content-client.mjs';

export function makeTourSession({ log }) {
  return async function tourSession(call) {
    const guard = await VisitGuard.open(call);
    if (!guard) return;

    const reply = (fields) => {
      const out = new messages.GuideContent();
      out.setEventId(fields.eventId ?? '');
      out.setExhibitId(fields.exhibitId ?? '');
      out.setText(fields.text ?? '');
      out.setAudioUrl(fields.audioUrl ?? '');
      out.setError(fields.error ?? '');
      call.write(out);
    };

    try {
      for await (const ev of call) {
        guard.touch();
        const eventId = ev.getEventId();
        const exhibitId = ev.getExhibitId();
        if (!(await allowEvent(guard.ticket.sub))) {
          guard.end(grpc.status.RESOURCE_EXHAUSTED, 'rate_limit_exceeded');
          return;
        }
        const item = await cms.exhibit(exhibitId, ev.getLanguage() || 'en', guard.signal);
        if (!item) {
          reply({ eventId, exhibitId, error: 'unknown exhibit' });
          continue;
        }
        if (!guard.mayVisit(item)) {
          reply({ eventId, exhibitId, error: 'PERMISSION_DENIED: ticket does not cover this gallery' });
          continue;
        }
        reply({ eventId, exhibitId, text: item.text, audioUrl: item.audioUrl });
      }
      call.end();
    } catch (err) {
      if (!guard.closed) {
        log.warn({ err: err.message }, 'tour session failed');
        guard.end(grpc.status.UNAVAILABLE, 'content unavailable');
      }
    } finally {
      guard.release();
    }
  };
}
