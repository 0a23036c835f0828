'use strict';

const grpc = require('@grpc/grpc-js');
const log = require('pino')({ name: 'edit-desk' });
const archive = require('../lib/archiveClient');
const config = require('../lib/config');

const STATES = { hold: 'HELD', kill: 'KILLED' };

function editDesk(call, claims) {
  let desk = null;
  let edits = 0;
  let windowStart = Date.now();

  const reply = (storyId, kind, message) =>
    call.write({ storyId, kind, by: claims.sub, message: message || '' });

  call.on('data', async (cmd) => {
    if (cmd.join) {
      if (!(claims.desks || []).includes(cmd.join.desk)) {
        call.destroy({ code: grpc.status.PERMISSION_DENIED, details: `not an editor on ${cmd.join.desk}` });
        return;
      }
      desk = cmd.join.desk;
      reply('', 'joined', desk);
      return;
    }
    if (desk === null) {
      call.destroy({ code: grpc.status.FAILED_PRECONDITION, details: 'join a desk first' });
      return;
    }

    if (Date.now() - windowStart > 60_000) {
      windowStart = Date.now();
      edits = 0;
    }
    edits += 1;
    if (edits > config.maxEditsPerMinute) {
      reply('', 'throttled', 'too many edits, slow down');
      return;
    }

    try {
      if (cmd.edit) {
        await archive.updateStory(
          { storyId: cmd.edit.storyId, headline: cmd.edit.headline, body: cmd.edit.body, editor: claims.sub },
          call,
        );
        reply(cmd.edit.storyId, 'edited');
      } else if (cmd.hold || cmd.kill) {
        const which = cmd.hold ? 'hold' : 'kill';
        const target = cmd[which];
        await archive.updateStory({ storyId: target.storyId, state: STATES[which], editor: claims.sub }, call);
        log.info({ storyId: target.storyId, which, by: claims.sub }, 'story state changed');
        reply(target.storyId, which === 'hold' ? 'held' : 'killed', target.reason);
      }
    } catch (err) {
      reply('', 'error', err.details || err.message);
    }
  });

  call.on('end', () => call.end());
}

module.exports = { editDesk };
