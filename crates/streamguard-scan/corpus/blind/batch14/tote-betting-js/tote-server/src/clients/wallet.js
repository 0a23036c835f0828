'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('../config');

const def = protoLoader.loadSync(path.join(__dirname, '../../../proto/wallet/v1/wallet.proto'), {
  keepCase: false,
  longs: Number,
  defaults: true,
});
const { wallet } = grpc.loadPackageDefinition(def);

const client = new wallet.v1.Wallet(config.walletAddr, grpc.credentials.createSsl());

// Debits a stake. `parent` is the incoming call: the wallet call inherits its
// deadline and is cancelled with it.
function debit(parent, { accountId, amountCents, ref }) {
  return new Promise((resolve, reject) => {
    client.debit({ accountId, amountCents, ref }, { parent }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

module.exports = { debit };
