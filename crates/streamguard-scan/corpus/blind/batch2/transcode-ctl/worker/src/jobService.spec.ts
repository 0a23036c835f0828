import { EventEmitter } from 'node:events';
import * as pb from '../gen/transcode_pb';
import { JobService } from './jobService';

class FakeStream extends EventEmitter {
  written: pb.JobProgress[] = [];
  constructor(public request: any) {
    super();
  }
  write(m: pb.JobProgress) {
    this.written.push(m);
    return true;
  }
  end = jest.fn();
  destroy = jest.fn();
}

describe('JobService.watchJob', () => {
  it('returns NOT_FOUND for unknown jobs', () => {
    const svc = new JobService('/tmp');
    const req = new pb.WatchJobRequest();
    req.setJobId('nope');
    const call = new FakeStream(req);
    svc.watchJob(call as any);
    expect(call.destroy).toHaveBeenCalledWith(expect.objectContaining({ code: 5 }));
  });
});
