import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import { ReadlineParser } from '@serialport/parser-readline';

/**
 * Reads Marlin `M155` auto-report lines ("T:210.1 /210.0 B:60.2 /60.0") from each printer's
 * serial port and republishes them as samples.
 */
export class RackTelemetry extends EventEmitter {
  constructor(ports) {
    super();
    this.ports = ports;
    this.latest = new Map();
    this.setMaxListeners(0);
  }

  start() {
    for (const [printerId, path] of Object.entries(this.ports)) {
      const port = new SerialPort({ path, baudRate: 115200 });
      const lines = port.pipe(new ReadlineParser({ delimiter: '\n' }));
      port.write('M155 S2\n');
      lines.on('data', (line) => {
        const m = /T:([\d.]+).*B:([\d.]+)/.exec(line);
        if (!m) return;
        const sample = { printerId, nozzleC: Number(m[1]), bedC: Number(m[2]), unixMs: Date.now() };
        this.latest.set(printerId, sample);
        this.emit('sample', sample);
      });
      this.portsOpen = (this.portsOpen ?? 0) + 1;
    }
  }

  send(printerId, gcode) {
    const path = this.ports[printerId];
    if (!path) return false;
    const port = new SerialPort({ path, baudRate: 115200, autoOpen: true });
    port.write(`${gcode}\n`, () => port.close());
    return true;
  }
}
