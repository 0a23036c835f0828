'use strict';
const pino = require('pino');

module.exports = pino({ name: 'arrivals', level: process.env.LOG_LEVEL || 'info' });
