import base64
import os

import requests

API = os.environ.get("GITHUB_API", "https://api.github.com")
_session = requests.Session()
_session.headers.update(
    {
        "Accept": "application/vnd.github+json",
        "Authorization": f"Bearer {os.environ.get('GITHUB_TOKEN', '')}",
        "X-GitHub-Api-Version": "2022-11-28",
    }
)


def search_issues(args: dict, progress=None) -> dict:
    q = args["query"]
    if progress:
        progress(0, 1, f"searching issues: {q}")
    resp = _session.get(f"{API}/search/issues", params={"q": q, "per_page": min(int(args.get("limit", 10)), 50)}, timeout=15)
    resp.raise_for_status()
    items = resp.json()["items"]
    if progress:
        progress(1, 1, f"{len(items)} issues")
    return {
        "content": [{"type": "text", "text": f"#{i['number']} {i['title']} ({i['state']})"} for i in items],
        "structuredContent": {"total": len(items)},
    }


def get_file(args: dict, progress=None) -> dict:
    repo, path = args["repo"], args["path"]
    resp = _session.get(f"{API}/repos/{repo}/contents/{path}", params={"ref": args.get("ref", "HEAD")}, timeout=15)
    resp.raise_for_status()
    body = resp.json()
    text = base64.b64decode(body["content"]).decode("utf-8", errors="replace")
    return {"content": [{"type": "text", "text": text}]}
