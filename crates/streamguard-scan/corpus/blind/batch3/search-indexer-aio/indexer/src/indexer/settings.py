from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INDEXER_")

    listen: str = "[::]:50090"
    es_url: str = "http://es.search.svc:9200"
    es_index_timeout_s: float = 30.0
    es_search_timeout_s: float = 5.0
    embedder_target: str = "embedder.search.svc:50091"
    embed_model: str = "e5-small-v2"
    jwks_url: str = "https://auth.search.dev/.well-known/jwks.json"
    audience: str = "indexer"
    docs_per_second: float = 200.0
    docs_burst: int = 1000
    stats_interval_s: float = 10.0
    max_stats_stream_s: float = 900.0


settings = Settings()
