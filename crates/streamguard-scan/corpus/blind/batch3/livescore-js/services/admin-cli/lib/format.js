'use strict';

function pad(s, n) {
  s = String(s);
  while (s.length < n) s += ' ';
  return s;
}

function formatEvents(events) {
  var lines = [];
  for (var i = 0; i < events.length; i++) {
    var ev = events[i];
    lines.push(pad(ev.minute + "'", 5) + pad(ev.type, 12) + (ev.player || '') + ' ' + ev.home + '-' + ev.away);
  }
  return lines.join('\n');
}

function groupByMatch(events) {
  var out = {};
  events.forEach(function (ev) {
    (out[ev.matchId] = out[ev.matchId] || []).push(ev);
  });
  return out;
}

module.exports = { formatEvents: formatEvents, groupByMatch: groupByMatch };
