'use strict';

module.exports = require('pino')({ name: 'studio-server', level: process.env.LOG_LEVEL || 'info' });
