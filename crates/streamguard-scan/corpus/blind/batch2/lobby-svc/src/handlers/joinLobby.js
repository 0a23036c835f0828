'use strict';

const grpc = require('@grpc/grpc-js');
const { playerFromMetadata } = require('../auth');
const { registry } = require('../lobbies');
const { take } = require('../ratelimit');

function joinLobby(call) {
  const player = playerFromMetadata(call.metadata);
  if (!player) {
    call.destroy({ code: grpc.status.UNAUTHENTICATED, details: 'login required' });
    return;
  }

  const session = { lobbyId: null, isHost: false };

  const onLobbyEvent = (state) => {
    if (state) call.write({ state });
  };
  const onChat = (chat) => call.write({ chat });

  function leave() {
    if (!session.lobbyId) return;
    registry.off(`lobby:${session.lobbyId}`, onLobbyEvent);
    registry.off(`chat:${session.lobbyId}`, onChat);
    registry.leave(session.lobbyId, player.id);
    session.lobbyId = null;
  }

  call.on('data', (command) => {
    if (!take(player.id)) {
      call.write({ error: 'slow down' });
      return;
    }

    if (command.cmd === 'join') {
      const { lobbyId, password } = command.join;
      const reason = registry.canJoin(lobbyId, player, password);
      if (reason) {
        call.write({ error: reason });
        return;
      }
      leave();
      registry.join(lobbyId, player);
      session.lobbyId = lobbyId;
      session.isHost = registry.get(lobbyId).hostId === player.id;
      registry.on(`lobby:${lobbyId}`, onLobbyEvent);
      registry.on(`chat:${lobbyId}`, onChat);
      call.write({ state: registry.snapshot(lobbyId) });
      return;
    }

    if (!session.lobbyId) {
      call.write({ error: 'join a lobby first' });
      return;
    }

    const body = command[command.cmd];
    const lobby = registry.get(body.lobbyId);
    if (!lobby) {
      call.write({ error: 'no such lobby' });
      return;
    }

    switch (command.cmd) {
      case 'chat':
        registry.emit(`chat:${lobby.id}`, { lobbyId: lobby.id, text: `${player.name}: ${body.text.slice(0, 280)}` });
        break;
      case 'ready': {
        const me = lobby.members.get(player.id);
        if (me) me.ready = body.ready;
        registry.changed(lobby.id);
        break;
      }
      case 'setMap':
        if (!session.isHost) {
          call.write({ error: 'only the host can change the map' });
          return;
        }
        lobby.map = body.map;
        registry.changed(lobby.id);
        break;
      case 'kick':
        if (!session.isHost) {
          call.write({ error: 'only the host can kick' });
          return;
        }
        registry.leave(lobby.id, body.playerId);
        registry.emit(`kicked:${body.playerId}`, lobby.id);
        break;
      default:
        call.write({ error: `unknown command ${command.cmd}` });
    }
  });

  call.on('end', () => {
    leave();
    call.end();
  });
  call.on('cancelled', leave);
  call.on('error', leave);
}

module.exports = { joinLobby };
