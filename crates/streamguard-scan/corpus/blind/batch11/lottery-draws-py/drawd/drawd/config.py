import os

LISTEN = os.environ.get("DRAWD_LISTEN", "[::]:50200")
JWT_SECRET = os.environ.get("DRAWD_JWT_SECRET", "")
JWT_AUDIENCE = "drawd"
JWT_ISSUER = os.environ.get("DRAWD_JWT_ISSUER", "https://sso.national-lottery.example")
JACKPOT_URL = os.environ.get("JACKPOT_URL", "http://jackpot.internal/v1/current")
LEDGER_ADDR = os.environ.get("LEDGER_ADDR", "ledger.internal:50201")
AUDIT_URL = os.environ.get("AUDIT_URL", "http://audit.internal/v1/events")
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://drawd@localhost/draws")
RECHECK_EVERY_S = 60
TERMINAL_OPS_PER_MINUTE = 120
MAX_CONNECTION_AGE_MS = 30 * 60 * 1000
