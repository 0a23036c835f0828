import time

import grpc
import requests

from cavemaster import config
from cavemaster.pb import cave_pb2
from cavemaster.security import require_role, still_valid

_http = requests.Session()


def _remaining(context, default=3.0):
    left = context.time_remaining()
    return default if left is None else max(0.1, min(left, default))


class ClimateHandlers:
    @require_role("cave:read")
    def WatchCave(self, request, context, claims):
        if request.cave_id not in claims.get("caves", []):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "cave not permitted")
        while context.is_active():
            if not still_valid(claims):
                if claims["exp"] <= time.time():
                    context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
                context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
            resp = _http.get(f"{config.SENSOR_URL}/caves/{request.cave_id}/latest", timeout=_remaining(context))
            resp.raise_for_status()
            s = resp.json()
            yield cave_pb2.CaveClimate(
                cave_id=request.cave_id,
                temp_c=s["temp_c"],
                humidity_pct=s["rh"],
                ammonia_ppm=s.get("nh3", 0.0),
                at_unix=int(s["ts"]),
            )
            time.sleep(config.CLIMATE_PERIOD_S)
