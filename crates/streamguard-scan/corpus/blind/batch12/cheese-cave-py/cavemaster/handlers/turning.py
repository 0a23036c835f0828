import grpc
import requests

from cavemaster import config
from cavemaster.pb import cave_pb2
from cavemaster.ratelimit import SlidingWindow
from cavemaster.security import require_role

_robot = requests.Session()
_per_peer = SlidingWindow(config.TURNS_PER_MINUTE)
ROBOT_TIMEOUT_S = 15


class TurningHandlers:
    @require_role("affineur")
    def TurnSession(self, request_iterator, context, claims):
        authorized = False
        for action in request_iterator:
            if not authorized:
                if action.rack_id not in claims.get("racks", []):
                    context.abort(grpc.StatusCode.PERMISSION_DENIED, "rack not assigned to you")
                authorized = True
            if not _per_peer.allow(context.peer()):
                context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "slow down")
            resp = _robot.post(
                f"{config.ROBOT_URL}/racks/{action.rack_id}/wheels/{action.wheel_id}/{action.kind.lower()}",
                json={"cave": action.cave_id, "note": action.note, "by": claims["sub"]},
                timeout=ROBOT_TIMEOUT_S,
            )
            yield cave_pb2.TurnResult(action_id=action.action_id, done=resp.ok, detail=resp.text[:200])
