import grpc from '@grpc/grpc-js';

export function createLedgerStore(ledgerPkg, addr) {
  const client = new ledgerPkg.LedgerStore(addr, grpc.credentials.createInsecure());

  function postEntry(entry) {
    return new Promise((resolve, reject) => {
      client.PostEntry(entry, { deadline: Date.now() + 10_000 }, (err, res) => (err ? reject(err) : resolve(res)));
    });
  }

  function balance(req, parent) {
    return new Promise((resolve, reject) => {
      client.Balance(req, { parent }, (err, res) => (err ? reject(err) : resolve(res)));
    });
  }

  return { postEntry, balance };
}
