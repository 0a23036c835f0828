import os

LISTEN = os.environ.get("PROCTORD_LISTEN", "[::]:7000")
GRADING_ADDR = os.environ.get("GRADING_ADDR", "grading.exams.svc:7100")
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
JWT_SECRET_FILE = os.environ.get("JWT_SECRET_FILE", "/run/secrets/proctor-jwt")
JWT_AUDIENCE = "proctor"
FRAME_STORE_URL = os.environ.get("FRAME_STORE_URL", "http://frames.exams.svc/v1/frames")
MAX_FRAMES = 5400
ANSWERS_PER_SECOND = 2
MAX_WORKERS = int(os.environ.get("PROCTORD_WORKERS", "64"))
