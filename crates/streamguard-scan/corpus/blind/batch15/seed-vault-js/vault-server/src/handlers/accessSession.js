'use strict';

const grpc = require('@grpc/grpc-js');
const { authenticate, hasScope } = require('../auth');
const doors = require('../clients/doors');
const db = require('../db');
const config = require('../config');

function accessSession(call) {
  let claims;
  try {
    claims = authenticate(call);
  } catch (e) {
    call.destroy({ code: e.code, details: e.details });
    return;
  }

  const abort = new AbortController();
  call.on('cancelled', () => abort.abort());

  let openVault = null;
  let windowStart = Date.now();
  let opsInWindow = 0;

  const reply = (requestId, fields) => call.write({ requestId, ok: true, ...fields });
  const fail = (requestId, error) => call.write({ requestId, ok: false, error });

  call.on('data', async (msg) => {
    if (Date.now() - windowStart > 60_000) {
      windowStart = Date.now();
      opsInWindow = 0;
    }
    if (++opsInWindow > config.maxOpsPerMinute) {
      call.destroy({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'too many vault operations' });
      return;
    }

    try {
      switch (msg.cmd) {
        case 'open': {
          const vaultId = msg.open.vaultId;
          if (!claims.vaults.includes(vaultId) || !hasScope(claims, 'vault:access')) {
            fail(msg.requestId, 'PERMISSION_DENIED');
            return;
          }
          await doors.unlock(call, vaultId, abort.signal);
          openVault = vaultId;
          reply(msg.requestId, {});
          return;
        }
        case 'withdraw': {
          if (!openVault) {
            fail(msg.requestId, 'FAILED_PRECONDITION: open a vault first');
            return;
          }
          // The vault door is open and the curator is authorised: record the draw.
          const left = await db.adjustStock(msg.withdraw.accessionId, -msg.withdraw.grams, claims.sub);
          reply(msg.requestId, { remainingGrams: left });
          return;
        }
        case 'deposit': {
          if (!openVault) {
            fail(msg.requestId, 'FAILED_PRECONDITION: open a vault first');
            return;
          }
          const left = await db.adjustStock(msg.deposit.accessionId, msg.deposit.grams, claims.sub);
          reply(msg.requestId, { remainingGrams: left });
          return;
        }
        case 'close': {
          await doors.lock(call, msg.close.vaultId, abort.signal);
          openVault = null;
          reply(msg.requestId, {});
          return;
        }
        default:
          fail(msg.requestId, 'INVALID_ARGUMENT');
      }
    } catch (e) {
      fail(msg.requestId, e.message);
    }
  });

  call.on('end', () => call.end());
}

module.exports = { accessSession };
