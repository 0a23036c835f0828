'use strict';

const assert = require('assert');
const grpc = require('@grpc/grpc-js');
const services = require('../gen/marketdata_grpc_pb');
const messages = require('../gen/marketdata_pb');

function fakeExchange() {
  const server = new grpc.Server();
  server.addService(services.MarketDataService, {
    getSnapshot(call, cb) {
      const q = new messages.Quote();
      q.setSymbol(call.request.getSymbol());
      q.setVenue('CME');
      cb(null, q);
    },
    listInstruments(call) {
      call.end();
    },
    streamQuotes(call) {
      let n = 0;
      setInterval(() => {
        const q = new messages.Quote();
        q.setSymbol(call.request.getSymbolsList()[0] || 'ESZ4');
        q.setBid(5000 + n);
        q.setAsk(5000.25 + n);
        q.setTsNs(Date.now() * 1e6);
        call.write(q);
        n += 1;
      }, 5);
    },
  });
  return server;
}

describe('md-gateway', () => {
  let exchange;
  let port;

  before((done) => {
    exchange = fakeExchange();
    exchange.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => {
      port = p;
      process.env.EXCHANGE_ADAPTER_ADDR = `127.0.0.1:${p}`;
      done(err);
    });
  });

  after(() => exchange.forceShutdown());

  it('forwards quotes in timestamp order', (done) => {
    const client = new services.MarketDataClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const req = new messages.QuoteRequest();
    req.setSymbolsList(['ESZ4']);
    const stream = client.streamQuotes(req);
    const seen = [];
    stream.on('data', (q) => {
      seen.push(q.getTsNs());
      if (seen.length === 10) {
        stream.cancel();
        assert.deepStrictEqual([...seen].sort((a, b) => a - b), seen);
        done();
      }
    });
    stream.on('error', () => {});
  });
});
