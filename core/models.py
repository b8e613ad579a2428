"""SQLAlchemy 2.0 typed models: the only description of the database schema."""

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Return the current time as an aware UTC datetime."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ArticleRow(Base):
    __tablename__ = "articles"
    # Ids of deleted articles and events are never given again (SQLite reuses the highest
    # rowid otherwise), so an id always means one thing and the graph cache sees new events.
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    fingerprint: Mapped[str | None] = mapped_column(String(64), index=True)
    """SHA-256 of the text without case, whitespace or punctuation (near-duplicate copies)."""
    external_id: Mapped[str | None] = mapped_column(String(255))
    title: Mapped[str | None] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000))
    published: Mapped[date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    extractor_version: Mapped[str | None] = mapped_column(String(64), index=True)
    """The extractor that made the article's current events (None: stored before 0002_sources)."""
    origin: Mapped[str] = mapped_column(String(16), default="extracted", server_default="extracted")
    """"extracted" here from the text, or the event file it was imported from ("gdelt", "icews")."""

    sentences: Mapped[list["SentenceRow"]] = relationship(
        back_populates="article", lazy="raise", order_by="SentenceRow.index"
    )


class SentenceRow(Base):
    __tablename__ = "sentences"
    __table_args__ = (UniqueConstraint("article_id", "index"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    index: Mapped[int] = mapped_column(Integer)
    paragraph: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)

    article: Mapped[ArticleRow] = relationship(back_populates="sentences", lazy="raise")


class ActorRow(Base):
    __tablename__ = "actors"
    __table_args__ = (UniqueConstraint("canonical_name", "country"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    canonical_name: Mapped[str] = mapped_column(String(255), index=True)
    type: Mapped[str] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    role: Mapped[str | None] = mapped_column(String(100))

    aliases: Mapped[list["ActorAliasRow"]] = relationship(back_populates="actor", lazy="raise")


class ActorAliasRow(Base):
    __tablename__ = "actor_aliases"
    __table_args__ = (UniqueConstraint("actor_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(255), index=True)

    actor: Mapped[ActorRow] = relationship(back_populates="aliases", lazy="raise")


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_source_date", "source_actor_id", "event_date"),
        Index("ix_events_target_date", "target_actor_id", "event_date"),
        UniqueConstraint("origin", "external_id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"))
    source_actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"))
    target_actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"))
    action: Mapped[str] = mapped_column(String(100))
    cameo_code: Mapped[str] = mapped_column(String(4), index=True)
    goldstein: Mapped[float] = mapped_column(Float)
    quad_class: Mapped[int] = mapped_column(Integer)
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    modality: Mapped[str] = mapped_column(String(16))
    event_date: Mapped[date | None] = mapped_column(Date, index=True)
    location: Mapped[str | None] = mapped_column(String(255))
    trigger: Mapped[str] = mapped_column(String(255))
    confidence: Mapped[float] = mapped_column(Float)
    extractor_version: Mapped[str | None] = mapped_column(String(64))
    """The extractor that made this event (None: stored before 0002_sources)."""
    origin: Mapped[str] = mapped_column(String(16), default="extracted", server_default="extracted")
    """"extracted" by Diplograph, or imported: "gdelt" or "icews" (then not extracted here)."""
    external_id: Mapped[str | None] = mapped_column(String(64))
    """The event's id in the file it was imported from (GLOBALEVENTID, ICEWS Event ID)."""
    num_mentions: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Sentences (in all articles) that tell this occurrence: GDELT's NumMentions."""
    num_articles: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Distinct articles that tell it: GDELT's NumArticles."""
    num_sources: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Distinct sources (URL host; an article without URL is its own source): NumSources."""

    article: Mapped[ArticleRow] = relationship(lazy="raise")
    sentence: Mapped[SentenceRow] = relationship(lazy="raise")
    source: Mapped[ActorRow] = relationship(foreign_keys=[source_actor_id], lazy="raise")
    target: Mapped[ActorRow] = relationship(foreign_keys=[target_actor_id], lazy="raise")


class EventMentionRow(Base):
    """One piece of evidence of an event: the sentence of an article that tells it."""

    __tablename__ = "event_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"))
    trigger: Mapped[str] = mapped_column(String(255))
    event_date: Mapped[date | None] = mapped_column(Date)
    confidence: Mapped[float] = mapped_column(Float)

    sentence: Mapped[SentenceRow] = relationship(lazy="raise")
    article: Mapped[ArticleRow] = relationship(lazy="raise")


class ActorClaimRow(Base):
    """What an article said about an actor that conflicts with what the store holds.

    Recorded for review and never applied to the lookup: a second country for a
    known person ("Chinese President Putin"), or a name another actor already owns.
    """

    __tablename__ = "actor_claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    """``country`` (another state for this actor) or ``alias`` (a name another actor owns)."""
    value: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(16), default="review")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class IngestRunRow(Base):
    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    articles_added: Mapped[int] = mapped_column(Integer, default=0)
    articles_skipped: Mapped[int] = mapped_column(Integer, default=0)
    events_added: Mapped[int] = mapped_column(Integer, default=0)
    extractor_version: Mapped[str] = mapped_column(String(64))


class GraphStateRow(Base):
    """One row: the generation of the stored events, bumped by every change a graph cache
    cannot apply incrementally (an event deleted or rewritten, an actor renamed or deleted).

    On SQLite, triggers bump it (migration ``0004_graph_generation``), so even changes made
    behind the app's back are noticed; elsewhere the code that makes such a change calls
    :func:`core.repositories.graph_state.bump`.
    """

    __tablename__ = "graph_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, default=0)


class FeedItemRow(Base):
    """An item of a watched feed that was seen (ingested or refused), so it is not read twice."""

    __tablename__ = "feed_items"
    __table_args__ = (UniqueConstraint("feed_url", "item_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_url: Mapped[str] = mapped_column(String(2000))
    item_key: Mapped[str] = mapped_column(String(2000))
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    outcome: Mapped[str] = mapped_column(String(500))
