"""Users, roles, permissions, password hashing, sessions, API tokens and sign-in throttling.

Permissions are data: each names the roles that hold it. Scorecards are the
exception with a twist: a technician holds ``scorecards`` for their own card
only, which the scorecard service enforces. ``replace_articles`` is checked by
``pipeline.publish_article``: a manager saves a draft as a new article, only an
admin may save over an existing one.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import math
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import and_, or_, select
from sqlalchemy.engine import Connection

from kbassist import store
from kbassist.core import Core
from kbassist.errors import Conflict, InvalidInput, TooManyRequests, Unauthorized
from kbassist.settings import Settings
from kbassist.store import utc_now

ROLES = ("tech", "reviewer", "manager", "admin")

PERMISSIONS: dict[str, frozenset[str]] = {
    "search": frozenset(ROLES),
    "articles": frozenset(ROLES),
    "tickets": frozenset(ROLES),
    "precheck": frozenset(ROLES),
    "review": frozenset({"reviewer", "manager", "admin"}),
    "gaps": frozenset({"manager", "admin"}),
    "scorecards": frozenset({"tech", "manager", "admin"}),  # a tech: their own only
    "scorecards_all": frozenset({"manager", "admin"}),
    "credit": frozenset({"manager", "admin"}),
    "weekly": frozenset({"manager", "admin"}),
    "ingest": frozenset({"admin"}),
    "replace_articles": frozenset({"admin"}),
    "admin": frozenset({"admin"}),
}

# Navigation: (label, endpoint, permission), shown only to roles holding it.
NAVIGATION: tuple[tuple[str, str, str], ...] = (
    ("Search", "search.page", "search"),
    ("Pre-close check", "review.precheck", "precheck"),
    ("Review", "review.queue", "review"),
    ("Gaps", "gaps.index", "gaps"),
    ("Scorecards", "scorecards.index", "scorecards"),
    ("Weekly", "scorecards.weekly", "weekly"),
    ("Articles", "articles.index", "articles"),
)

# Password hashing: argon2id at OWASP's parameters (2023 cheat sheet: 19 MiB, 2 passes,
# 1 lane). Hashes made with older parameters, or the scrypt ones of earlier versions,
# still verify and are replaced at the user's next sign-in.
ARGON2_TIME_COST, ARGON2_MEMORY_KIB, ARGON2_LANES = 2, 19 * 1024, 1
MAX_USERNAME = 100  # users.username is String(100)
# Verified for an unknown user name, so it takes as long as a known one. The
# password behind it was random and thrown away; a test keeps it at ARGON2_*.
DECOY_HASH = (
    "$argon2id$v=19$m=19456,t=2,p=1$mwAcaqYYg4YSfWwBc0SFnQ"
    "$Db37Cp0SeS+TeJ7MdJd0oenq6TDeWEnpDrEYGI2BT1E"
)

# Sign-in throttling: below the limit a failure costs nothing; from there every
# further try waits 5 s after the newest failure, doubling per failure, at most
# 5 minutes; failures older than the window no longer count.
THROTTLE_WINDOW = timedelta(minutes=15)
FIRST_WAIT = 5.0
LONGEST_WAIT = 300.0
# An address where a user signed in before is theirs: failures for that user
# from other addresses do not slow it down (an attacker cannot lock them out).
KNOWN_ADDRESS = timedelta(days=30)

# Sessions live server-side: the cookie holds a random token whose row signing out deletes.
SESSION_IDLE = timedelta(hours=12)
SESSION_LONGEST = timedelta(days=7)
SESSION_TOUCH = timedelta(minutes=5)  # how stale last_seen_at may get (saves a write per request)
TOKEN_TOUCH = timedelta(minutes=5)


@dataclass(frozen=True)
class User:
    id: int
    username: str
    role: str
    technician_id: int | None = None

    def can(self, permission: str) -> bool:
        return self.role in PERMISSIONS.get(permission, frozenset())


class SignInThrottled(TooManyRequests):
    """Too many failed sign-ins; ``retry_after`` says how many seconds to wait."""

    def __init__(self, retry_after: int) -> None:
        unit = "second" if retry_after == 1 else "seconds"
        super().__init__(f"Too many failed sign-ins. Try again in {retry_after} {unit}.")
        self.retry_after = retry_after


# ---------------------------------------------------------------- passwords


@functools.cache
def _hasher() -> PasswordHasher:
    return PasswordHasher(
        time_cost=ARGON2_TIME_COST,
        memory_cost=ARGON2_MEMORY_KIB,
        parallelism=ARGON2_LANES,
        hash_len=32,
        salt_len=16,
        type=Type.ID,
    )


def hash_password(password: str) -> str:
    """An argon2id hash in PHC format (``$argon2id$v=19$m=...,t=...,p=...$salt$hash``)."""
    return _hasher().hash(password)


def verify_password(password: str, stored: str) -> bool:
    """Check a password against an argon2id hash, or a legacy ``scrypt$n$r$p$salt$hash``."""
    if stored.startswith("$argon2"):
        try:
            return bool(_hasher().verify(stored, password))
        except (VerificationError, InvalidHashError):
            return False
    if stored.startswith("scrypt$"):
        return _verify_scrypt(password, stored)
    return False


def needs_rehash(stored: str) -> bool:
    """True when a hash is not argon2id at the current parameters."""
    if not stored.startswith("$argon2id$"):
        return True
    try:
        return bool(_hasher().check_needs_rehash(stored))
    except InvalidHashError:
        return True


def _verify_scrypt(password: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode(),
            salt=base64.b64decode(salt),
            dklen=len(expected),
            n=int(n),
            r=int(r),
            p=int(p),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


# ---------------------------------------------------------------- users


def create_user(core: Core, username: str, password: str, role: str, technician: str = "") -> User:
    """Add a user; a tech may be tied to a technician by name (created if new)."""
    username = username.strip()
    if role not in ROLES:
        raise InvalidInput(f"role: {role!r} is not one of {', '.join(ROLES)}")
    if not username or len(username) > MAX_USERNAME or "\x00" in username:
        raise InvalidInput(f"username: use 1 to {MAX_USERNAME} characters, no control characters")
    if len(password) < 8:
        raise InvalidInput("password: use at least 8 characters")
    with core.begin() as conn:
        if conn.execute(select(store.users.c.id).where(store.users.c.username == username)).first():
            raise Conflict(f"User {username!r} exists already.")
        technician_id = _technician_id(conn, technician) if technician else None
        result = conn.execute(
            store.users.insert().values(
                username=username,
                password_hash=hash_password(password),
                role=role,
                technician_id=technician_id,
                created_at=utc_now(),
            )
        )
        return User(store.inserted_id(result), username, role, technician_id)


def authenticate(core: Core, username: str, password: str, remote_addr: str = "") -> User:
    """Check a password, throttling failures per user, per address and per both.

    Unknown users cost one hash verification like known ones, so the answer time
    does not tell which user names exist. A hash at old parameters is upgraded.
    """
    if not username or len(username) > MAX_USERNAME or "\x00" in username:
        raise Unauthorized("Unknown user or wrong password.")
    remote_addr = remote_addr[:100]
    now = utc_now()
    with core.begin() as conn:
        wait = sign_in_wait(conn, core.settings, username, remote_addr, now)
        if wait > 0:
            raise SignInThrottled(math.ceil(wait))
        row = conn.execute(select(store.users).where(store.users.c.username == username)).first()
        ok = verify_password(password, row.password_hash if row is not None else DECOY_HASH)
        ok = ok and row is not None
        conn.execute(
            store.login_attempts.insert().values(
                username=username, remote_addr=remote_addr, attempted_at=now, success=ok
            )
        )
        if ok and row is not None and needs_rehash(row.password_hash):
            conn.execute(
                store.users.update()
                .where(store.users.c.id == row.id)
                .values(password_hash=hash_password(password))
            )
    if not ok or row is None:
        raise Unauthorized("Unknown user or wrong password.")
    return User(row.id, row.username, row.role, row.technician_id)


def throttle_wait(failures: Sequence[datetime], limit: int, now: datetime) -> float:
    """Seconds still to wait after ``failures``: none below ``limit`` in the window, then
    5 s from the newest failure, doubling with each further failure, at most 5 minutes."""
    recent = [moment for moment in failures if moment > now - THROTTLE_WINDOW]
    if len(recent) < max(1, limit):
        return 0.0
    wait = min(LONGEST_WAIT, FIRST_WAIT * 2 ** (len(recent) - max(1, limit)))
    return max(0.0, (max(recent) - now).total_seconds() + wait)


def sign_in_wait(
    conn: Connection, settings: Settings, username: str, remote_addr: str, now: datetime
) -> float:
    """How long this user name from this address must wait before trying again."""
    table = store.login_attempts
    recent = and_(table.c.success.is_(False), table.c.attempted_at > now - THROTTLE_WINDOW)

    def failures(*conditions: Any) -> list[datetime]:
        query = select(table.c.attempted_at).where(recent, *conditions)
        return list(conn.execute(query).scalars())

    waits = [
        throttle_wait(
            failures(table.c.username == username, table.c.remote_addr == remote_addr),
            int(settings["LOGIN_RATE_LIMIT"]),
            now,
        ),
        throttle_wait(
            failures(table.c.remote_addr == remote_addr), int(settings["LOGIN_ADDRESS_LIMIT"]), now
        ),
    ]
    known = conn.execute(
        select(table.c.id)
        .where(
            table.c.username == username,
            table.c.remote_addr == remote_addr,
            table.c.success.is_(True),
            table.c.attempted_at > now - KNOWN_ADDRESS,
        )
        .limit(1)
    ).first()
    if known is None:
        waits.append(
            throttle_wait(
                failures(table.c.username == username), int(settings["LOGIN_USER_LIMIT"]), now
            )
        )
    return max(waits)


def load_user(conn: Connection, user_id: int) -> User | None:
    row = conn.execute(select(store.users).where(store.users.c.id == user_id)).first()
    return User(row.id, row.username, row.role, row.technician_id) if row else None


# ---------------------------------------------------------------- sessions


def start_session(core: Core, user: User) -> str:
    """A new server-side session for a signed-in user; the token goes into the cookie."""
    token = secrets.token_urlsafe(32)
    now = utc_now()
    table = store.user_sessions
    with core.begin() as conn:
        conn.execute(  # expired sessions of anyone: nothing reads them again
            table.delete().where(
                or_(
                    table.c.last_seen_at < now - SESSION_IDLE,
                    table.c.created_at < now - SESSION_LONGEST,
                )
            )
        )
        conn.execute(
            table.insert().values(
                token_hash=_token_hash(token), user_id=user.id, created_at=now, last_seen_at=now
            )
        )
        conn.execute(  # sign-in history older than the throttle needs
            store.login_attempts.delete().where(
                store.login_attempts.c.attempted_at < now - KNOWN_ADDRESS
            )
        )
    return token


def user_for_session(core: Core, token: str) -> User | None:
    """The user of a live session, or None (unknown, signed out, idle or too old)."""
    if not token:
        return None
    now = utc_now()
    table = store.user_sessions
    with core.connect() as conn:
        row = conn.execute(
            select(store.users, table.c.id.label("session_id"), table.c.last_seen_at)
            .join(table, table.c.user_id == store.users.c.id)
            .where(
                table.c.token_hash == _token_hash(token),
                table.c.last_seen_at >= now - SESSION_IDLE,
                table.c.created_at >= now - SESSION_LONGEST,
            )
        ).first()
    if row is None:
        return None
    if row.last_seen_at < now - SESSION_TOUCH:
        with core.begin() as conn:
            conn.execute(
                table.update().where(table.c.id == row.session_id).values(last_seen_at=now)
            )
    return User(row.id, row.username, row.role, row.technician_id)


def end_session(core: Core, token: str) -> None:
    """Sign a session out: its token stops working at once, wherever it was copied to."""
    if token:
        with core.begin() as conn:
            conn.execute(
                store.user_sessions.delete().where(
                    store.user_sessions.c.token_hash == _token_hash(token)
                )
            )


# ---------------------------------------------------------------- API tokens


def create_token(core: Core, username: str, name: str = "") -> str:
    """A new API token for a user; only its hash is stored, so show it once."""
    token = "kba_" + secrets.token_urlsafe(32)
    with core.begin() as conn:
        row = conn.execute(
            select(store.users.c.id).where(store.users.c.username == username)
        ).first()
        if row is None:
            raise InvalidInput(f"No user {username!r}. Create one with `kbassist user add`.")
        conn.execute(
            store.api_tokens.insert().values(
                user_id=row.id, name=name, token_hash=_token_hash(token), created_at=utc_now()
            )
        )
    return token


def user_for_token(core: Core, token: str) -> User:
    """The user a bearer token belongs to, or Unauthorized."""
    now = utc_now()
    with core.connect() as conn:
        row = conn.execute(
            select(
                store.users,
                store.api_tokens.c.id.label("token_id"),
                store.api_tokens.c.last_used_at,
            )
            .join(store.api_tokens, store.api_tokens.c.user_id == store.users.c.id)
            .where(store.api_tokens.c.token_hash == _token_hash(token))
        ).first()
    if row is None:
        raise Unauthorized("Invalid API token. Create one with `kbassist token create USER`.")
    if row.last_used_at is None or row.last_used_at < now - TOKEN_TOUCH:
        with core.begin() as conn:
            conn.execute(
                store.api_tokens.update()
                .where(store.api_tokens.c.id == row.token_id)
                .values(last_used_at=now)
            )
    return User(row.id, row.username, row.role, row.technician_id)


def _technician_id(conn: Connection, name: str) -> int:
    row = conn.execute(
        select(store.technicians.c.id).where(store.technicians.c.name == name.strip())
    ).first()
    if row:
        return int(row.id)
    return store.inserted_id(conn.execute(store.technicians.insert().values(name=name.strip())))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
