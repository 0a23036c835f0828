import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import { ReadlineParser } from '@serialport/parser-readline';

// The flywheel controller prints "C,<rpm>,<watts>,<resistance>" lines at 10 Hz.
export function openSensor(path) {
  const ev = new EventEmitter();
  ev.setMaxListeners(0);
  const port = new SerialPort({ path, baudRate: 115200 });
  const parser = port.pipe(new ReadlineParser({ delimiter: '\n' }));
  parser.on('data', (line) => {
    const [tag, rpm, watts, res] = line.trim().split(',');
    if (tag !== 'C') return;
    ev.emit('sample', { cadenceRpm: Number(rpm), powerW: Number(watts), resistance: Number(res), unixMs: Date.now() });
  });
  port.on('error', (err) => ev.emit('error', err));
  return ev;
}
