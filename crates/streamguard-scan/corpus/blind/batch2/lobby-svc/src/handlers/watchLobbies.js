'use strict';

const { registry } = require('../lobbies');

const REFRESH_MS = 2000;

function sameList(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].lobbyId !== b[i].lobbyId || a[i].players !== b[i].players || a[i].map !== b[i].map) return false;
  }
  return true;
}

function watchLobbies(call) {
  const { region, mode } = call.request;
  let previous = [];

  const push = () => {
    const lobbies = registry.list(region, mode).sort((x, y) => y.players - x.players);
    if (sameList(previous, lobbies)) return;
    previous = lobbies;
    call.write({ lobbies });
  };

  push();
  setInterval(push, REFRESH_MS);
}

module.exports = { watchLobbies, sameList };
