'use strict';

var Redis = require('ioredis');

function MatchFeed(url) {
  this.sub = new Redis(url);
  this.handlers = new Map();
  var self = this;
  this.sub.on('message', function (channel, raw) {
    var set = self.handlers.get(channel);
    if (!set) return;
    var ev = JSON.parse(raw);
    set.forEach(function (fn) { fn(ev); });
  });
}

MatchFeed.prototype.subscribe = function (matchId, fn) {
  var channel = 'match:' + matchId;
  var set = this.handlers.get(channel);
  if (!set) {
    set = new Set();
    this.handlers.set(channel, set);
    this.sub.subscribe(channel);
  }
  set.add(fn);
  var self = this;
  return function unsubscribe() {
    set.delete(fn);
    if (set.size === 0) {
      self.handlers.delete(channel);
      self.sub.unsubscribe(channel);
    }
  };
};

module.exports = MatchFeed;
