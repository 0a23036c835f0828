'use strict';

const { EventEmitter } = require('events');
const { nanoid } = require('nanoid');

class LobbyRegistry extends EventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0);
    this.lobbies = new Map();
  }

  create({ name, hostId, region, mode, capacity = 8, password = '' }) {
    const id = nanoid(10);
    this.lobbies.set(id, { id, name, hostId, region, mode, capacity, password, map: 'dust', members: new Map() });
    return id;
  }

  get(id) {
    return this.lobbies.get(id);
  }

  canJoin(id, player, password) {
    const lobby = this.lobbies.get(id);
    if (!lobby) return 'no such lobby';
    if (lobby.members.size >= lobby.capacity && !lobby.members.has(player.id)) return 'lobby full';
    if (lobby.password && lobby.password !== password) return 'wrong password';
    return null;
  }

  join(id, player) {
    const lobby = this.lobbies.get(id);
    lobby.members.set(player.id, { id: player.id, name: player.name, ready: false });
    this.changed(id);
  }

  leave(id, playerId) {
    const lobby = this.lobbies.get(id);
    if (!lobby) return;
    lobby.members.delete(playerId);
    if (lobby.members.size === 0) {
      this.lobbies.delete(id);
      return;
    }
    if (lobby.hostId === playerId) lobby.hostId = lobby.members.keys().next().value;
    this.changed(id);
  }

  changed(id) {
    this.emit(`lobby:${id}`, this.snapshot(id));
  }

  snapshot(id) {
    const l = this.lobbies.get(id);
    if (!l) return null;
    return { lobbyId: l.id, hostId: l.hostId, map: l.map, players: [...l.members.values()] };
  }

  list(region, mode) {
    const out = [];
    for (const l of this.lobbies.values()) {
      if (region && l.region !== region) continue;
      if (mode && l.mode !== mode) continue;
      out.push({ lobbyId: l.id, name: l.name, players: l.members.size, capacity: l.capacity, map: l.map });
    }
    return out;
  }
}

module.exports = { registry: new LobbyRegistry() };
