'use strict';

function drain(call, onMessage) {
  return new Promise((resolve, reject) => {
    call.on('data', onMessage);
    call.on('end', resolve);
    call.on('error', (err) => (err.code === 1 ? resolve() : reject(err)));
  });
}

async function firstN(call, n) {
  const out = [];
  for await (const msg of call) {
    out.push(msg);
    if (out.length >= n) {
      call.cancel();
      break;
    }
  }
  return out;
}

module.exports = { drain, firstN };
