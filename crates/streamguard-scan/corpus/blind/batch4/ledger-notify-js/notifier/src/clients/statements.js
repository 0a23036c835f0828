import grpc from '@grpc/grpc-js';

export function createStatementsClient(ledgerPkg, addr) {
  const client = new ledgerPkg.LedgerStore(addr, grpc.credentials.createSsl());
  return {
    list(req, parentCall) {
      // parent: the server call; default propagate flags carry deadline and cancellation.
      return client.ListStatement(req, { parent: parentCall });
    },
    close() {
      client.close();
    },
  };
}
