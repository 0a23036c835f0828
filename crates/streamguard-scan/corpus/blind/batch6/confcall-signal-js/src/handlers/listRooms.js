'use strict';

const grpc = require('@grpc/grpc-js');
const { verifyCall } = require('../auth/jwt');
const registry = require('../rooms/registry');

async function listRooms(call, callback) {
  try {
    const claims = await verifyCall(call);
    if (call.request.orgId && call.request.orgId !== claims.org) {
      callback({ code: grpc.status.PERMISSION_DENIED, details: 'other organisation' });
      return;
    }
    const roomIds = [...registry.rooms.keys()].filter((id) => claims.rooms.includes(id));
    callback(null, { roomIds });
  } catch (err) {
    callback({ code: err.code ?? grpc.status.INTERNAL, details: err.message });
  }
}

module.exports = { listRooms };
