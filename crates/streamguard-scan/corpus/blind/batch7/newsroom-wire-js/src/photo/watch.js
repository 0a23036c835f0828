'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { EventEmitter } = require('node:events');
const log = require('pino')({ name: 'photo-watch' });
const messages = require('./generated/photo_pb');
const config = require('../lib/config');

/**
 * Watches the transmission spool: photographers' uploads land as <assignment>/<id>.json sidecars.
 */
class SpoolWatcher extends EventEmitter {
  constructor(dir) {
    super();
    this.dir = dir;
    this.setMaxListeners(0);
  }

  start() {
    this.watcher = fs.watch(this.dir, { recursive: true }, (event, file) => {
      if (!file || !file.endsWith('.json')) return;
      fs.readFile(path.join(this.dir, file), 'utf8', (err, text) => {
        if (err) return;
        try {
          this.emit('photo', JSON.parse(text));
        } catch (e) {
          log.warn({ file }, 'unreadable sidecar');
        }
      });
    });
  }
}

const spool = new SpoolWatcher(config.photoSpool);

function toPhoto(meta) {
  const p = new messages.Photo();
  p.setPhotoId(meta.id);
  p.setAssignment(meta.assignment);
  p.setCaption(meta.caption || '');
  p.setUrl(`https://photos.newsroom.example/${meta.assignment}/${meta.id}.jpg`);
  p.setTakenUnixMs(meta.takenMs || 0);
  return p;
}

function watchPhotos(call) {
  const assignment = call.request.getAssignment();
  const onPhoto = (meta) => {
    if (assignment && meta.assignment !== assignment) return;
    call.write(toPhoto(meta));
  };
  spool.on('photo', onPhoto);
  call.on('cancelled', () => spool.off('photo', onPhoto));
}

function listAlbums(call, callback) {
  const dir = path.join(config.photoSpool, call.request.getAssignment());
  fs.readdir(dir, (err, names) => {
    const res = new messages.ListAlbumsResponse();
    res.setAlbumsList(err ? [] : names.filter((n) => !n.endsWith('.json')));
    callback(null, res);
  });
}

module.exports = { spool, watchPhotos, listAlbums };
