'use strict';

const grpc = require('@grpc/grpc-js');
const messages = require('../gen/marketdata_pb');
const instruments = require('../data/instruments.json');
const { verifyBearer } = require('./auth');
const { feedClient } = require('./feed');

function authenticate(call) {
  try {
    return verifyBearer(call.metadata);
  } catch (err) {
    call.destroy({ code: grpc.status.UNAUTHENTICATED, details: err.message });
    return null;
  }
}

function getSnapshot(call, callback) {
  const claims = authenticate(call);
  if (!claims) return;
  const req = new messages.SnapshotRequest();
  req.setSymbol(call.request.getSymbol());
  feedClient.getSnapshot(req, { deadline: Date.now() + 1500 }, (err, quote) => {
    if (err) return callback(err);
    if (!claims.venues.has(quote.getVenue())) {
      return callback({ code: grpc.status.PERMISSION_DENIED, details: 'venue not entitled' });
    }
    callback(null, quote);
  });
}

function listInstruments(call) {
  const claims = authenticate(call);
  if (!claims) return;
  const venue = call.request.getVenue();
  for (const row of instruments) {
    if (venue && row.venue !== venue) continue;
    if (!claims.venues.has(row.venue)) continue;
    const inst = new messages.Instrument();
    inst.setSymbol(row.symbol);
    inst.setVenue(row.venue);
    inst.setTickSize(row.tickSize);
    call.write(inst);
  }
  call.end();
}

function streamQuotes(call) {
  const claims = authenticate(call);
  if (!claims) return;

  const venue = call.request.getVenue();
  if (!claims.venues.has(venue)) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: `not entitled to ${venue}` });
    return;
  }

  const upstreamReq = new messages.QuoteRequest();
  upstreamReq.setSymbolsList(call.request.getSymbolsList());
  upstreamReq.setVenue(venue);

  const upstream = feedClient.streamQuotes(upstreamReq, {
    parent: call,
    propagate_flags: grpc.propagate.DEFAULTS,
  });

  let lastTs = 0;
  upstream.on('data', (quote) => {
    if (quote.getTsNs() < lastTs) return;
    lastTs = quote.getTsNs();
    call.write(quote);
  });
  upstream.on('error', (err) => {
    if (err.code === grpc.status.CANCELLED) return;
    call.destroy({ code: grpc.status.UNAVAILABLE, details: 'feed unavailable' });
  });
  upstream.on('end', () => call.end());
}

module.exports = { getSnapshot, listInstruments, streamQuotes };
