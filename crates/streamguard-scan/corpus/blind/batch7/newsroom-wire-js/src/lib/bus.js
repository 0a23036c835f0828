'use strict';

const { EventEmitter } = require('node:events');
const { Kafka } = require('kafkajs');
const log = require('pino')({ name: 'bus' });
const config = require('./config');

/** In-process fan-out of "story published" events consumed from Kafka. */
class StoryBus extends EventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0);
  }

  async start() {
    const kafka = new Kafka({ clientId: 'wire-server', brokers: config.kafkaBrokers });
    this.consumer = kafka.consumer({ groupId: `wire-server-${process.pid}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: 'stories.published' });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        try {
          const evt = JSON.parse(message.value.toString('utf8'));
          this.emit('published', evt);
        } catch (err) {
          log.warn({ err }, 'bad story event');
        }
      },
    });
  }
}

module.exports = new StoryBus();
