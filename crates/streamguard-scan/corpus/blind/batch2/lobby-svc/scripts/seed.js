'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const def = protoLoader.loadSync(path.join(__dirname, '..', 'proto', 'lobby.proto'), { oneofs: true });
const { arcade } = grpc.loadPackageDefinition(def);

function joinAll(tokens) {
  const client = new arcade.lobby.v1.Lobby(process.env.LOBBY_ADDR || 'localhost:7777', grpc.credentials.createInsecure());
  const calls = [];
  for (const t of tokens) {
    const md = new grpc.Metadata();
    md.set('authorization', `Bearer ${t.token}`);
    const call = client.JoinLobby(md);
    call.write({ join: { lobbyId: t.lobbyId } });
    call.on('data', (ev) => console.log(t.token.slice(0, 6), JSON.stringify(ev)));
    calls.push(call);
  }
  return calls;
}

if (require.main === module) {
  const tokens = JSON.parse(require('fs').readFileSync(process.argv[2] || 'tokens.json', 'utf8'));
  joinAll(tokens);
}

module.exports = { joinAll };
