'use strict';

const grpc = require('@grpc/grpc-js');
const venues = require('./venues');

const WINDOW_MS = 1000;
const MAX_ORDERS_PER_WINDOW = 20;
const VENUE_TIMEOUT_MS = 2000;

function routeOrders(call) {
  const sub = call.metadata.get('x-auth-sub')[0];
  const permitted = new Set(String(call.metadata.get('x-auth-accounts')[0] || '').split(',').filter(Boolean));

  let session = null;
  let windowStart = Date.now();
  let inWindow = 0;

  call.on('data', async (msg) => {
    if (msg.body === 'logon') {
      if (!permitted.has(msg.logon.account)) {
        call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'account not permitted' });
        return;
      }
      session = { account: msg.logon.account, clientId: msg.logon.clientId, sub };
      call.write({ ack: { clOrdId: '', venueOrderId: `logon:${session.clientId}` } });
      return;
    }

    if (!session) {
      call.write({ reject: { clOrdId: msg.newOrder && msg.newOrder.clOrdId, reason: 'logon required' } });
      return;
    }

    const now = Date.now();
    if (now - windowStart >= WINDOW_MS) {
      windowStart = now;
      inWindow = 0;
    }
    if (++inWindow > MAX_ORDERS_PER_WINDOW) {
      call.write({ reject: { clOrdId: msg.newOrder.clOrdId, reason: 'throttled' } });
      return;
    }

    const order = msg.newOrder;
    const account = order.account || session.account;
    try {
      const res = await venues.submit(order.venue, { ...order, account }, { deadline: Date.now() + VENUE_TIMEOUT_MS });
      call.write({ ack: { clOrdId: order.clOrdId, venueOrderId: res.venueOrderId } });
    } catch (err) {
      call.write({ reject: { clOrdId: order.clOrdId, reason: err.details || err.message } });
    }
  });

  call.on('end', () => call.end());
  call.on('error', () => {});
}

module.exports = { routeOrders };
