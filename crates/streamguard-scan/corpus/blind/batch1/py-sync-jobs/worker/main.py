from __future__ import annotations

import logging
import os
import subprocess
import threading
import time
import uuid
from concurrent import futures

import grpc

from jobs import jobs_pb2, jobs_pb2_grpc

MAX_WATCH_S = 600


class Runner(jobs_pb2_grpc.RunnerServicer):
    def __init__(self) -> None:
        self._jobs: dict[str, subprocess.Popen] = {}
        self._lock = threading.Lock()

    def Start(self, request, context):
        job_id = uuid.uuid4().hex
        log_path = os.path.join(os.environ.get("JOB_LOG_DIR", "/var/log/jobs"), f"{job_id}.log")
        proc = subprocess.Popen(
            ["/usr/local/bin/job-exec", request.job_type, "--queue", request.queue],
            stdout=open(log_path, "w"),
            stderr=subprocess.STDOUT,
        )
        with self._lock:
            self._jobs[job_id] = proc
        return jobs_pb2.JobHandle(job_id=job_id)

    def Enqueue(self, request, context):
        return self.Start(request, context)

    def Watch(self, request, context):
        with self._lock:
            proc = self._jobs.get(request.job_id)
        if proc is None:
            context.abort(grpc.StatusCode.NOT_FOUND, "unknown job")
        started = time.monotonic()
        yield jobs_pb2.JobEvent(job_id=request.job_id, state=jobs_pb2.JobEvent.RUNNING)
        while context.is_active() and time.monotonic() - started < MAX_WATCH_S:
            code = proc.poll()
            if code is not None:
                state = jobs_pb2.JobEvent.SUCCEEDED if code == 0 else jobs_pb2.JobEvent.FAILED
                yield jobs_pb2.JobEvent(job_id=request.job_id, state=state, exit_code=code)
                return
            time.sleep(1.0)

    def ListJobs(self, request, context):
        with self._lock:
            snapshot = list(self._jobs.items())
        for job_id, proc in snapshot:
            yield jobs_pb2.JobHandle(job_id=job_id, running=proc.poll() is None)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=32))
    jobs_pb2_grpc.add_RunnerServicer_to_server(Runner(), server)
    server.add_insecure_port(os.environ.get("WORKER_LISTEN", "[::]:7800"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
