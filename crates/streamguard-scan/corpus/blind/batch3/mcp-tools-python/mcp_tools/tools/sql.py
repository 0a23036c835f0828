import os
import sqlite3

DB_PATH = os.environ.get("MCP_SQL_DB", "/srv/mcp/analytics.sqlite")


def query(args: dict, progress=None) -> dict:
    sql = args["sql"].strip()
    if not sql.lower().startswith("select"):
        return {"content": [{"type": "text", "text": "only SELECT statements are allowed"}], "isError": True}
    conn = sqlite3.connect(f"file:{DB_PATH}?mode=ro", uri=True)
    try:
        cur = conn.execute(sql)
        cols = [d[0] for d in cur.description]
        rows = cur.fetchmany(int(args.get("limit", 200)))
    finally:
        conn.close()
    lines = ["\t".join(cols)] + ["\t".join(str(v) for v in r) for r in rows]
    return {"content": [{"type": "text", "text": "\n".join(lines)}], "structuredContent": {"rows": len(rows)}}
