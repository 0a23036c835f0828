'use strict';

var undici = require('undici');

var STATS_BASE = process.env.STATS_API_BASE || 'https://stats.partner-feed.example/v2';

function fetchStandings(league, season, cb) {
  undici
    .request(STATS_BASE + '/leagues/' + encodeURIComponent(league) + '/standings?season=' + encodeURIComponent(season), {
      headersTimeout: 4000,
      bodyTimeout: 4000,
      headers: { 'x-partner-key': process.env.STATS_PARTNER_KEY || '' },
    })
    .then(function (res) { return res.body.json(); })
    .then(function (body) { cb(null, body.table); })
    .catch(cb);
}

module.exports = { fetchStandings: fetchStandings };
