"""Her print basket: topic and question sheets gathered to print as one handout pack.

Kept in the user DB so it survives a restart (never in kiosk mode, which has no notebook).
Rows point at the library by slug and keep the title they had when added. Every write is a
named operation returning the basket as it now is, so the pane redraws from one answer.
Positions run 0..n-1 in print order.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from breastedu.core.catalogue import Said
from breastedu.core.errors import InputError, NotFoundError
from breastedu.core.notebook.dto import LinkRef, check_link, to_db_time
from breastedu.core.notebook.schema import BasketRow
from breastedu.core.notebook.userdb import Clock, UserDB, utc_now

#: A pack of more sheets than this is a mistake, not a handout.
BASKET_MAX = 100


@dataclass(frozen=True)
class BasketItem:
    """One sheet in the basket."""

    id: int
    kind: str  # "topic" or "question"
    slug: str
    title: str
    position: int


def _items(session: Session) -> tuple[BasketItem, ...]:
    rows = session.scalars(select(BasketRow).order_by(BasketRow.position, BasketRow.id)).all()
    return tuple(BasketItem(r.id, r.kind, r.slug, r.title, r.position) for r in rows)


def _renumber(session: Session, ids: list[int]) -> None:
    rows = {r.id: r for r in session.scalars(select(BasketRow).order_by(BasketRow.id)).all()}
    for position, item_id in enumerate(ids):
        rows[item_id].position = position


class BasketService:
    """Add, remove, reorder and clear the sheets of her handout pack."""

    def __init__(self, db: UserDB, *, clock: Clock = utc_now) -> None:
        self._db = db
        self._clock = clock

    def list(self) -> tuple[BasketItem, ...]:
        """The basket in print order."""
        with self._db.read() as session:
            return _items(session)

    def slugs(self) -> tuple[str, ...]:
        """The slugs in print order (what the pack prints)."""
        return tuple(item.slug for item in self.list())

    def add(self, kind: str, slug: str, title: str) -> tuple[BasketItem, ...]:
        """Put a topic or question at the end (already there: nothing changes)."""
        link = check_link(LinkRef(kind=kind, slug=slug, title=title, topic_slug=""), field="sheet")
        assert link is not None
        with self._db.write() as session:
            if session.scalars(select(BasketRow).where(BasketRow.slug == link.slug)).first() is None:
                count = int(session.scalar(select(func.count()).select_from(BasketRow)) or 0)
                if count >= BASKET_MAX:
                    raise InputError(
                        Said("the handout pack holds at most {most} sheets", most=BASKET_MAX), where="basket"
                    )
                session.add(
                    BasketRow(
                        kind=link.kind,
                        slug=link.slug,
                        title=link.title,
                        position=count,
                        added_at=to_db_time(self._clock()),
                    )
                )
                session.flush()
            return _items(session)

    def remove(self, item_id: int) -> tuple[BasketItem, ...]:
        """Take one sheet out (NotFoundError if it is not there)."""
        with self._db.write() as session:
            gone = session.execute(delete(BasketRow).where(BasketRow.id == item_id)).rowcount  # type: ignore[attr-defined]
            if not gone:
                raise NotFoundError(Said("that sheet is not in the handout pack"), where="basket")
            _renumber(session, [item.id for item in _items(session)])
            session.flush()
            return _items(session)

    def move(self, item_id: int, to: int) -> tuple[BasketItem, ...]:
        """Move one sheet to position ``to`` (clamped to the basket)."""
        with self._db.write() as session:
            ids = [item.id for item in _items(session)]
            if item_id not in ids:
                raise NotFoundError(Said("that sheet is not in the handout pack"), where="basket")
            ids.remove(item_id)
            ids.insert(max(0, min(to, len(ids))), item_id)
            _renumber(session, ids)
            session.flush()
            return _items(session)

    def clear(self) -> tuple[BasketItem, ...]:
        """Empty the basket."""
        with self._db.write() as session:
            session.execute(delete(BasketRow))
            return ()
