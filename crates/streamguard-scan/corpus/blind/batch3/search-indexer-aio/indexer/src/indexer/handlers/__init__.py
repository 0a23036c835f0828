from .ingest import IndexIngestService
from .query import SearchQueryService

__all__ = ["IndexIngestService", "SearchQueryService"]
