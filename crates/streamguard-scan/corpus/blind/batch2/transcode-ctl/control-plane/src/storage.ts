import fs from 'node:fs';
import path from 'node:path';
import { v4 as uuid } from 'uuid';

const INCOMING = process.env.INCOMING_DIR ?? '/var/lib/vidpipe/incoming';

export function openIncoming(filename: string): { uri: string; stream: fs.WriteStream; discard(): void } {
  const safe = path.basename(filename || 'source.bin');
  const dir = path.join(INCOMING, uuid());
  fs.mkdirSync(dir, { recursive: true });
  const full = path.join(dir, safe);
  const stream = fs.createWriteStream(full);
  return {
    uri: `file://${full}`,
    stream,
    discard() {
      stream.destroy();
      fs.rm(dir, { recursive: true, force: true }, () => undefined);
    },
  };
}
