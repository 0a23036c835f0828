'use strict';

const grpc = require('@grpc/grpc-js');
const pino = require('pino')();
const config = require('../config');
const db = require('../db');
const wallet = require('../clients/wallet');

// A betting terminal or app opens one session for the card. The first message
// is a Hello naming the punter's account; bets follow.
function placeBets(call, claims) {
  let account = null;
  let placed = 0;

  call.on('data', async (msg) => {
    if (msg.hello) {
      const owner = await db.accountOwner(msg.hello.accountId);
      if (owner !== claims.sub) {
        call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'account_not_owned' });
        return;
      }
      account = msg.hello.accountId;
      pino.info({ sub: claims.sub, account, terminal: msg.hello.terminal }, 'betting session');
      return;
    }
    if (!account) {
      call.destroy({ code: grpc.status.FAILED_PRECONDITION, details: 'hello first' });
      return;
    }
    placed += 1;
    if (placed > config.maxBetsPerStream) {
      call.destroy({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'too many bets on this session' });
      return;
    }
    const bet = msg.bet;
    try {
      // stake comes off the account the bet names (split tickets on shared
      // syndicate accounts)
      const res = await wallet.debit(call, {
        accountId: bet.accountId || account,
        amountCents: bet.stakeCents,
        ref: bet.ticketRef,
      });
      await db.withDeadline(call.getDeadline(), (client) => client.query(
        'INSERT INTO bets (ticket_ref, account_id, meeting_id, race_no, pool_type, selections, stake_cents) VALUES ($1,$2,$3,$4,$5,$6,$7)',
        [bet.ticketRef, bet.accountId || account, bet.meetingId, bet.raceNo, bet.poolType, bet.selections, bet.stakeCents],
      ));
      call.write({ ticketRef: bet.ticketRef, accepted: res.ok, reason: res.reason, balanceCents: res.balanceCents });
    } catch (e) {
      call.write({ ticketRef: bet.ticketRef, accepted: false, reason: e.details || e.message });
    }
  });

  call.on('end', () => call.end());
}

module.exports = { placeBets };
