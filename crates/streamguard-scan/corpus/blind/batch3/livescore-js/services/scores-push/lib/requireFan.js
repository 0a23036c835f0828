'use strict';

var grpc = require('@grpc/grpc-js');

var keys = new Map();
var loadedAt = 0;

function loadKeys(pool, done) {
  pool.query('SELECT api_key, fan_id, tier, active FROM subscriptions', function (err, result) {
    if (err) return done(err);
    var next = new Map();
    result.rows.forEach(function (row) {
      next.set(row.api_key, { id: row.fan_id, tier: row.tier, active: row.active });
    });
    keys = next;
    loadedAt = Date.now();
    done(null, keys.size);
  });
}

function lookup(apiKey) {
  if (!apiKey) return null;
  var fan = keys.get(apiKey);
  return fan && fan.active ? fan : null;
}

function requireFan(handler) {
  return function (call, callback) {
    var apiKey = call.metadata.get('x-api-key')[0];
    var fan = lookup(apiKey);
    if (!fan) {
      var err = { code: grpc.status.UNAUTHENTICATED, details: 'unknown or inactive api key' };
      if (typeof callback === 'function') return callback(err);
      return call.destroy(err);
    }
    call.fan = fan;
    return handler(call, callback);
  };
}

module.exports = { requireFan: requireFan, loadKeys: loadKeys, lookup: lookup, loadedAt: function () { return loadedAt; } };
