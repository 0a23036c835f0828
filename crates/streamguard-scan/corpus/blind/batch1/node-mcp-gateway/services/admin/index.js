'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { AuditLog } = require('./audit-log');

const def = protoLoader.loadSync(path.join(__dirname, '..', 'tools', 'proto', 'mcp.proto'), {
  longs: Number,
  defaults: true,
});
const mcp = grpc.loadPackageDefinition(def).mcp.v1;

const audit = new AuditLog();
audit.start();

const server = new grpc.Server();

server.addService(mcp.Admin.service, {
  listSessions(call, callback) {
    callback(null, { ids: [...audit.sessions] });
  },

  tailAudit(call) {
    const filter = call.request.filter || '';
    const onEntry = (entry) => {
      if (filter && !entry.action.startsWith(filter)) return;
      call.write({
        unixMs: entry.ts,
        actor: entry.actor,
        action: entry.action,
        target: entry.target || '',
      });
    };
    audit.on('entry', onEntry);
    const detach = () => audit.off('entry', onEntry);
    call.on('cancelled', detach);
    call.on('close', detach);
  },
});

server.bindAsync('127.0.0.1:50099', grpc.ServerCredentials.createInsecure(), (err) => {
  if (err) throw err;
  console.log('admin listening on 127.0.0.1:50099');
});
