import time

import grpc

from .. import config, downstream
from ..gen import centrifuge_pb2
from ..security import require_role


class TelemetryHandlers:
    @require_role("control-room")
    def StreamSpinCycles(self, request, context, op):
        if request.station_id not in op.stations:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "station not assigned")
        while context.is_active():
            if not op.still_valid():
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired_or_revoked")
            remaining = context.time_remaining()
            snapshot = downstream.read_station(request.station_id, timeout=remaining)
            for m in snapshot.machines:
                yield centrifuge_pb2.SpinCycle(machine_id=m.machine_id, rpm=m.rpm, massecuite_kg=m.load_kg,
                                               wash_l=m.wash_l, phase=m.phase, unix_ms=int(time.time() * 1000))
            time.sleep(config.PUSH_INTERVAL_S)

    @require_role("quality-lab")
    def ExportShiftLog(self, request, context, op):
        if request.station_id not in op.stations:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "station not assigned")
        for machine_id, cycle, sugar_kg, purity in downstream.shift_rows(request.station_id, request.shift_date, request.shift):
            yield centrifuge_pb2.CycleLogRow(machine_id=machine_id, cycle=cycle, sugar_kg=sugar_kg, purity=purity)
