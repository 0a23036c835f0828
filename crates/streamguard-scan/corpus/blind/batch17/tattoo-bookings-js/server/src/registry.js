'use strict';

const { watchChair } = require('./handlers/chair');
const { artistConsole } = require('./handlers/console');
const { listAppointments } = require('./handlers/appointments');
const { getStudio } = require('./handlers/studio');

module.exports = {
  GetStudio: getStudio,
  WatchChair: watchChair,
  ArtistConsole: artistConsole,
  ListAppointments: listAppointments,
};
