from __future__ import annotations

import logging
import os

import grpc

from jobs import authz, jobs_pb2, jobs_pb2_grpc
from jobs.auth import claims_of
from jobs.follow import follow

log = logging.getLogger(__name__)

LOG_DIR = os.environ.get("JOB_LOG_DIR", "/var/log/jobs")


class JobsService(jobs_pb2_grpc.JobsServicer):
    def __init__(self, runner: jobs_pb2_grpc.RunnerStub, owners: dict[str, str]):
        self.runner = runner
        self._owners = owners

    def RunJob(self, request, context):
        claims = claims_of(context)
        if not authz.can_submit(claims, request.queue):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, f"queue {request.queue} not allowed")
        start = self.runner.Start.future(request, timeout=context.time_remaining())
        context.add_callback(start.cancel)
        try:
            handle = start.result()
        except grpc.FutureCancelledError:
            return
        self._owners[handle.job_id] = claims["sub"]
        watch = self.runner.Watch(handle, timeout=context.time_remaining())
        context.add_callback(watch.cancel)
        for event in watch:
            yield event
            if event.state in (jobs_pb2.JobEvent.SUCCEEDED, jobs_pb2.JobEvent.FAILED):
                return

    def Logs(self, request, context):
        claims = claims_of(context)
        owner = self._owners.get(request.job_id)
        if owner is None or not authz.can_read_logs(claims, owner):
            context.abort(grpc.StatusCode.NOT_FOUND, "no such job")
        path = os.path.join(LOG_DIR, f"{request.job_id}.log")
        for n, line in enumerate(follow(path, should_stop=lambda: not context.is_active())):
            yield jobs_pb2.LogLine(n=n, text=line)

    def Submit(self, request_iterator, context):
        claims = claims_of(context)
        for spec in request_iterator:
            if not authz.can_submit(claims, spec.queue):
                yield jobs_pb2.SubmitResult(client_ref=spec.client_ref, accepted=False, reason="queue not allowed")
                continue
            fut = self.runner.Enqueue.future(spec)
            context.add_callback(fut.cancel)
            try:
                handle = fut.result()
            except grpc.FutureCancelledError:
                return
            except grpc.RpcError as err:
                yield jobs_pb2.SubmitResult(client_ref=spec.client_ref, accepted=False, reason=err.details())
                continue
            self._owners[handle.job_id] = claims["sub"]
            yield jobs_pb2.SubmitResult(client_ref=spec.client_ref, accepted=True, job_id=handle.job_id)

    def Cancel(self, request, context):
        claims = claims_of(context)
        if self._owners.get(request.job_id) != claims["sub"]:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "not your job")
        return jobs_pb2.CancelResponse(cancelled=True)
