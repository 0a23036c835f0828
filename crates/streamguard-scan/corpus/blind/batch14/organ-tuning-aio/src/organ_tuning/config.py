import os

LISTEN = os.environ.get("TUNING_LISTEN", "[::]:50150")
JWKS_FILE = os.environ.get("TUNING_JWKS_FILE", "/etc/organ-tuning/jwks.json")
ISSUER = os.environ.get("TUNING_ISSUER", "https://auth.orgelbau.example")
AUDIENCE = "organ-tuning"
NATS_URL = os.environ.get("NATS_URL", "nats://nats.workshop.lan:4222")
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://tuning@db.workshop.lan/tuning")
RIG_KEYS_FILE = os.environ.get("RIG_KEYS_FILE", "/etc/organ-tuning/rig-keys.json")
SPECTRUM_ARCHIVE_URL = os.environ.get("SPECTRUM_ARCHIVE_URL", "http://archive.workshop.lan/spectra")
MAX_SESSION_S = 45 * 60
COMMANDS_PER_MINUTE = 90
RIG_FRAMES_PER_STREAM = 50_000
