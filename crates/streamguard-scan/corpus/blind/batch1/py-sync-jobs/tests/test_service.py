from unittest import mock

import grpc
import pytest

from jobs import jobs_pb2
from jobs.service import JobsService


class Abort(Exception):
    pass


def make_ctx(roles):
    ctx = mock.Mock()
    ctx.time_remaining.return_value = 10.0
    ctx.is_active.return_value = True
    ctx.abort.side_effect = Abort
    return ctx, {"sub": "carol", "roles": roles}


def test_submit_rejects_queue_without_role():
    runner = mock.Mock()
    svc = JobsService(runner, owners={})
    ctx, claims = make_ctx(["jobs:submit"])
    with mock.patch("jobs.service.claims_of", return_value=claims):
        out = list(svc.Submit(iter([jobs_pb2.JobSpec(client_ref="a", queue="prod-deploy")]), ctx))
    assert out[0].accepted is False
    runner.Enqueue.future.assert_not_called()


def test_submit_checks_every_spec():
    runner = mock.Mock()
    runner.Enqueue.future.return_value.result.return_value = jobs_pb2.JobHandle(job_id="j1")
    svc = JobsService(runner, owners={})
    ctx, claims = make_ctx(["jobs:submit"])
    specs = [jobs_pb2.JobSpec(client_ref="a", queue="default"), jobs_pb2.JobSpec(client_ref="b", queue="gpu")]
    with mock.patch("jobs.service.claims_of", return_value=claims):
        out = list(svc.Submit(iter(specs), ctx))
    assert [r.accepted for r in out] == [True, False]
