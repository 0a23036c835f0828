import grpc
import psycopg

from ...gen import review_pb2
from ..auth import principal
from ..config import settings


def upload_load_file(request_iterator, context):
    p = principal(context)
    matter = None
    accepted, rejected = [], 0
    for chunk in request_iterator:
        if matter is None:
            matter = chunk.matter_id
            if matter not in p.matters or "lead" not in p.roles:
                context.abort(grpc.StatusCode.PERMISSION_DENIED, "lead role required to load vendor files")
        if len(accepted) + rejected >= settings.max_load_file_lines:
            context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "load file over 200,000 lines; split it")
        fields = chunk.line.split("\x14")
        if len(fields) < 3:
            rejected += 1
            continue
        accepted.append((matter, fields[0], fields[1], fields[2]))
    with psycopg.connect(settings.database_url) as conn:
        remaining = context.time_remaining()
        if remaining is not None:
            conn.execute(f"SET statement_timeout = {int(remaining * 1000)}")
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO load_lines (matter_id, begdoc, enddoc, custodian) VALUES (%s, %s, %s, %s)", accepted)
    return review_pb2.UploadSummary(lines=len(accepted), rejected=rejected)
