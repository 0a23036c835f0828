'use strict';

const grpc = require('@grpc/grpc-js');
const services = require('../server/generated/chat_grpc_pb');
const pb = require('../server/generated/chat_pb');
const { drain } = require('./drain');

const ADDR = process.env.CHAT_ADDR || 'localhost:6565';
const TOKEN = process.env.BOT_TOKEN;
const ROOM = process.env.BOT_ROOM || 'general';

const client = new services.ChatClient(ADDR, grpc.credentials.createInsecure());

function reply(call, text) {
  const say = new pb.Say();
  say.setRoom(ROOM);
  say.setText(text);
  const ev = new pb.ClientEvent();
  ev.setSay(say);
  call.write(ev);
}

async function run() {
  const call = client.converse();
  const hello = new pb.Hello();
  hello.setToken(TOKEN);
  hello.setRoom(ROOM);
  const first = new pb.ClientEvent();
  first.setHello(hello);
  call.write(first);

  await drain(call, (ev) => {
    const m = ev.getMessage && ev.getMessage();
    if (!m || m.getFrom() === 'bot') return;
    if (m.getText().startsWith('!ping')) reply(call, 'pong');
    if (m.getText().startsWith('!time')) reply(call, new Date().toISOString());
  });
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
