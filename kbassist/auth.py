"""Users, roles, permissions, password hashing, API tokens and sign-in throttling.

Permissions are data: each names the roles that hold it. Scorecards are the
exception with a twist: a technician holds ``scorecards`` for their own card
only, which the scorecard service enforces.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from kbassist import store
from kbassist.core import Core
from kbassist.errors import Conflict, InvalidInput, TooManyRequests, Unauthorized
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
    "admin": frozenset({"admin"}),
}

# Navigation: (label, endpoint, permission), shown only to roles holding it.
NAVIGATION: tuple[tuple[str, str, str], ...] = (
    ("Search", "search.page", "search"),
    ("Pre-close check", "review.precheck", "precheck"),
    ("Review", "review.queue", "review"),
    ("Gaps", "gaps.index", "gaps"),
    ("Scorecards", "scorecards.index", "scorecards"),
    ("Credit", "scorecards.credit", "credit"),
    ("Weekly", "scorecards.weekly", "weekly"),
    ("Articles", "articles.index", "articles"),
)

SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MAX_USERNAME = 100  # users.username is String(100)


@dataclass(frozen=True)
class User:
    id: int
    username: str
    role: str
    technician_id: int | None = None

    def can(self, permission: str) -> bool:
        return self.role in PERMISSIONS.get(permission, frozenset())


def hash_password(password: str) -> str:
    """scrypt with a random salt, stored as ``scrypt$n$r$p$salt$hash``."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **SCRYPT)
    return "scrypt${n}${r}${p}$".format(**SCRYPT) + "$".join(
        base64.b64encode(part).decode() for part in (salt, digest)
    )


def verify_password(password: str, stored: str) -> bool:
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
    """Check a password, throttling repeated failures per user and address."""
    if not username or len(username) > MAX_USERNAME or "\x00" in username:
        raise Unauthorized("Unknown user or wrong password.")
    remote_addr = remote_addr[:100]
    limit = int(core.settings["LOGIN_RATE_LIMIT"])
    since = utc_now() - timedelta(minutes=5)
    table = store.login_attempts
    with core.begin() as conn:
        failures = conn.execute(
            select(func.count()).where(
                table.c.username == username,
                table.c.remote_addr == remote_addr,
                table.c.success.is_(False),
                table.c.attempted_at >= since,
            )
        ).scalar_one()
        if failures >= limit:
            raise TooManyRequests("Too many failed sign-ins. Wait five minutes and try again.")
        row = conn.execute(select(store.users).where(store.users.c.username == username)).first()
        ok = row is not None and verify_password(password, row.password_hash)
        conn.execute(
            table.insert().values(
                username=username, remote_addr=remote_addr, attempted_at=utc_now(), success=ok
            )
        )
    if not ok or row is None:
        raise Unauthorized("Unknown user or wrong password.")
    return User(row.id, row.username, row.role, row.technician_id)


def load_user(conn: Connection, user_id: int) -> User | None:
    row = conn.execute(select(store.users).where(store.users.c.id == user_id)).first()
    return User(row.id, row.username, row.role, row.technician_id) if row else None


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
    with core.begin() as conn:
        row = conn.execute(
            select(store.users, store.api_tokens.c.id.label("token_id"))
            .join(store.api_tokens, store.api_tokens.c.user_id == store.users.c.id)
            .where(store.api_tokens.c.token_hash == _token_hash(token))
        ).first()
        if row is None:
            raise Unauthorized("Invalid API token. Create one with `kbassist token create USER`.")
        conn.execute(
            store.api_tokens.update()
            .where(store.api_tokens.c.id == row.token_id)
            .values(last_used_at=utc_now())
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
