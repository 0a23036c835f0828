import os

LISTEN = os.environ.get("TUTOR_LISTEN", "[::]:7700")
SESSION_SECRET = os.environ.get("TUTOR_SESSION_SECRET", "")
GRADER_ADDR = os.environ.get("TUTOR_GRADER_ADDR", "grader:7710")
TRANSCRIPTS_ADDR = os.environ.get("TUTOR_TRANSCRIPTS_ADDR", "transcripts:7720")
NOTIFY_DSN = os.environ.get("TUTOR_NOTIFY_DSN", "postgresql://tutor@db/tutor")
ANSWERS_PER_SECOND = float(os.environ.get("TUTOR_ANSWERS_PER_SECOND", "2"))
MAX_CONNECTION_AGE_MS = 15 * 60 * 1000
WORKERS = int(os.environ.get("TUTOR_WORKERS", "64"))
