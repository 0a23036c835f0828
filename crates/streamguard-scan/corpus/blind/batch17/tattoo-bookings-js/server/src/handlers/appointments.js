'use strict';

const { authenticate, requireStudio, AuthError } = require('../auth/session');
const { calendar } = require('../clients/calendar');

// Relays the calendar service's day listing; the downstream call is a child of the incoming call.
function listAppointments(call) {
  try {
    const principal = authenticate(call);
    requireStudio(principal, call.request.studioId);
  } catch (err) {
    if (err instanceof AuthError) return call.destroy({ code: err.code, details: err.details });
    throw err;
  }

  const upstream = calendar.daySlots(
    { studioId: call.request.studioId, day: call.request.day },
    { parent: call },
  );
  upstream.on('data', (slot) => call.write({
    bookingId: slot.bookingId,
    chairId: slot.chairId,
    clientName: slot.clientName,
    startUnix: slot.startUnix,
    designRef: slot.designRef,
  }));
  upstream.on('error', (err) => call.destroy(err));
  upstream.on('end', () => call.end());
}

module.exports = { listAppointments };
