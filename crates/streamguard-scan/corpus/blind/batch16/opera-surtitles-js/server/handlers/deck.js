'use strict';

const bus = require('../cuebus');
const projector = require('../clients/projector');
const config = require('../config');
const log = require('pino')({ name: 'deck' });

const KIND = { GO: 'GO', BACK: 'BACK', HOLD: 'HOLD', JUMP: 'JUMP', BLACKOUT: 'BLACKOUT' };

function nextPosition(cmd, current) {
  switch (cmd.kind) {
    case KIND.GO: return current + 1;
    case KIND.BACK: return Math.max(0, current - 1);
    case KIND.JUMP: return cmd.targetCue;
    case KIND.BLACKOUT: return 0;
    default: return current;
  }
}

// The surtitle operator's desk keeps this open through the whole performance.
function cueDeck(call, principal) {
  let production = null;          // set by the first command
  let sentThisMinute = 0;
  const window = setInterval(() => { sentThisMinute = 0; }, 60000);

  call.on('data', async (cmd) => {
    if (production === null) {
      const house = cmd.productionId.split(':')[0];
      if (!principal.houses.includes(house) || !principal.scopes.has('deck:operate')) {
        call.destroy({ code: 7, details: 'not an operator for this production' });
        return;
      }
      production = cmd.productionId;
      log.info({ sub: principal.sub, production }, 'deck opened');
    }

    sentThisMinute += 1;
    if (sentThisMinute > config.deckCommandsPerMinute) {
      call.write({ commandId: cmd.commandId, error: 'slow down' });
      return;
    }

    // Each command carries its own production id; the desk can drive several stages.
    const target = cmd.productionId;
    const next = nextPosition(cmd, bus.position(target));
    try {
      if (cmd.kind !== KIND.HOLD) {
        await projector.showCue(call, target, next);
        bus.move(target, next);
      }
      call.write({ commandId: cmd.commandId, currentCue: next });
    } catch (err) {
      call.write({ commandId: cmd.commandId, currentCue: bus.position(target), error: err.message });
    }
  });

  call.on('end', () => { clearInterval(window); call.end(); });
  call.on('cancelled', () => clearInterval(window));
}

module.exports = { cueDeck };
