from . import github, sql

REGISTRY = {
    "github_search_issues": (github.search_issues, "github:read"),
    "github_get_file": (github.get_file, "github:read"),
    "sql_query": (sql.query, "sql:read"),
}


class UnknownTool(KeyError):
    pass


def lookup(name: str):
    try:
        return REGISTRY[name]
    except KeyError as exc:
        raise UnknownTool(name) from exc


def describe():
    return [{"name": name, "requiredScope": scope} for name, (_, scope) in sorted(REGISTRY.items())]
