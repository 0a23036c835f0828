import os
from dataclasses import dataclass
from pathlib import Path

import grpc
import jwt

KEYS_DIR = Path(os.environ.get("EDGEHUB_DEVICE_KEYS", "/etc/edgehub/device-keys"))
AUDIENCE = "edgehub"


@dataclass(frozen=True)
class DeviceIdentity:
    device_id: str
    fleet: str
    exp: int


class DeviceAuthenticator:
    def __init__(self, keys_dir: Path = KEYS_DIR):
        self._keys = {p.stem: p.read_bytes() for p in keys_dir.glob("*.pem")}

    async def verify(self, context: grpc.aio.ServicerContext) -> DeviceIdentity:
        md = {k: v for k, v in context.invocation_metadata()}
        token = md.get("x-device-token", "")
        try:
            header = jwt.get_unverified_header(token)
            key = self._keys[header["kid"]]
            claims = jwt.decode(token, key, algorithms=["ES256"], audience=AUDIENCE, options={"require": ["exp", "sub"]})
        except (jwt.PyJWTError, KeyError) as exc:
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, f"device token rejected: {exc}")
        return DeviceIdentity(device_id=claims["sub"], fleet=claims.get("fleet", "default"), exp=int(claims["exp"]))
