'use strict';

const { watchVault } = require('./handlers/watchVault');
const { accessSession } = require('./handlers/accessSession');
const { listAccessions, getAccession } = require('./handlers/catalog');

function register(server, pkg) {
  server.addService(pkg.Vault.service, {
    watchVault,
    accessSession,
    listAccessions,
    getAccession,
  });
}

module.exports = { register };
