// Watches the sensor software's export folder and uploads each new scan.
import * as grpc from '@grpc/grpc-js';
import chokidar from 'chokidar';
import { createReadStream } from 'node:fs';
import { ImagingClient } from '../../imaging-hub/src/gen/dental/imaging/v1/imaging';

const client = new ImagingClient(process.env.HUB_ADDR ?? 'imaging.smiledental.example:443', grpc.credentials.createSsl());
const clinicId = process.env.CLINIC_ID!;

function upload(file: string, patientId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const md = new grpc.Metadata();
    md.set('authorization', `Bearer ${process.env.AGENT_TOKEN}`);
    const stream = (client as any).uploadScan(md, { deadline: Date.now() + 120_000 }, (err: Error | null) => (err ? reject(err) : resolve()));
    let seq = 0;
    let first = true;
    createReadStream(file, { highWaterMark: 256 * 1024 })
      .on('data', (buf) => {
        stream.write(first ? { clinicId, patientId, modality: 'IO', data: buf, seq: seq++ } : { data: buf, seq: seq++ });
        first = false;
      })
      .on('end', () => stream.end());
  });
}

chokidar.watch(process.env.EXPORT_DIR ?? 'C:/SensorExport', { ignoreInitial: true }).on('add', (file) => {
  const patientId = file.split(/[\\/]/).slice(-2, -1)[0];
  upload(file, patientId).catch((e) => console.error('upload failed', file, e.message));
});
