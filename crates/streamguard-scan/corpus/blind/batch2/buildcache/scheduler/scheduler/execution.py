import logging
import queue
import threading

import grpc

from scheduler import cache_pb2, cache_pb2_grpc
from scheduler.auth import PeriodicRecheck, current_principal

log = logging.getLogger(__name__)


class ActionQueue:
    def __init__(self):
        self._pending: "queue.Queue[cache_pb2.ActionAssignment]" = queue.Queue()
        self._owner: dict[str, str] = {}
        self._lock = threading.Lock()

    def put(self, assignment):
        self._pending.put(assignment)

    def take(self, worker_id: str, timeout: float):
        a = self._pending.get(timeout=timeout)
        with self._lock:
            self._owner[a.action_id] = worker_id
        return a

    def owner(self, action_id: str) -> str | None:
        with self._lock:
            return self._owner.get(action_id)

    def requeue_all(self, worker_id: str, lookup):
        with self._lock:
            mine = [aid for aid, w in self._owner.items() if w == worker_id]
            for aid in mine:
                del self._owner[aid]
        for aid in mine:
            a = lookup(aid)
            if a is not None:
                self._pending.put(a)


class ExecutionServicer(cache_pb2_grpc.ExecutionServicer):
    def __init__(self, actions: ActionQueue, registry, operations_stub):
        self._actions = actions
        self._registry = registry
        self._ops = operations_stub
        self._assigned: dict[str, cache_pb2.ActionAssignment] = {}

    def StreamActions(self, request_iterator, context):
        principal = current_principal()
        if "worker" not in principal.get("roles", []):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "worker role required")
        worker_id = principal["sub"]
        PeriodicRecheck(self._registry, principal, context, period=60.0).start()

        def consume_updates():
            try:
                for update in request_iterator:
                    if self._actions.owner(update.action_id) != worker_id:
                        log.warning("worker %s reported on foreign action %s", worker_id, update.action_id)
                        continue
                    log.info("action %s: %s (exit %d)", update.action_id, update.stage, update.exit_code)
                    if update.stage == "COMPLETED":
                        self._assigned.pop(update.action_id, None)
            except grpc.RpcError:
                pass

        threading.Thread(target=consume_updates, daemon=True).start()
        context.add_callback(lambda: self._actions.requeue_all(worker_id, self._assigned.get))

        while context.is_active():
            try:
                assignment = self._actions.take(worker_id, timeout=1.0)
            except queue.Empty:
                continue
            self._assigned[assignment.action_id] = assignment
            yield assignment

    def WaitExecution(self, request, context):
        principal = current_principal()
        instance = request.name.split("/operations/")[0]
        if instance not in principal.get("instances", []):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "instance not permitted")

        last_stage = None
        while True:
            op = self._ops.WaitOperation(
                cache_pb2.WaitOperationRequest(name=request.name),
                timeout=context.time_remaining(),
            )
            if op.stage != last_stage:
                last_stage = op.stage
                yield op
            if op.done:
                return
