"""The kiosk's staff PIN and what a configuration check reports. Qt-free.

The PIN is never stored: ``breastedu kiosk set-pin`` keeps a salted scrypt hash in the clinic
config, as one self-describing string::

    scrypt$n=65536,r=8,p=1$<salt, base64>$<hash, base64>

so a later version can raise the cost and still read older hashes. The cost is set so that
trying every 6-digit PIN against a copied config takes days on one core, not minutes: one
hash took 0.36 s on the 2-vCPU test machine (December 2026), so 10^6 PINs take about 4 days
(the November setting, n=16384, took 0.05 s: 14 hours). A new PIN has at least 6 digits;
the pad still accepts an older 4- or 5-digit one, and ``kiosk check`` asks to set it again.
:class:`PinLock` is the PIN pad's state machine: three wrong tries lock it for a minute, on an
injectable clock.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from breastedu.core.clinic import KioskSettings
from breastedu.core.content.dto import GlossaryEntry
from breastedu.core.errors import InputError

#: What the PIN pad accepts (a PIN set by an older version may have 4 or 5 digits).
PIN_PATTERN = re.compile(r"[0-9]{4,12}")
#: What ``set-pin`` accepts for a new PIN.
NEW_PIN_PATTERN = re.compile(r"[0-9]{6,12}")
_SCHEME = "scrypt"
_N, _R, _P = 2**16, 8, 1
_SALT_BYTES = 16
_HASH_BYTES = 32
_MAX_N = 2**20
_HASH_FORMAT = re.compile(
    r"scrypt\$n=(?P<n>\d+),r=(?P<r>\d+),p=(?P<p>\d+)\$(?P<salt>[A-Za-z0-9+/=]+)\$(?P<hash>[A-Za-z0-9+/=]+)"
)
#: WCAG 2.2.1 (Timing Adjustable): at least 20 seconds to answer "still there?".
WCAG_MIN_WARNING_SECONDS = 20


def check_pin(pin: str) -> str:
    """``pin`` if it can be a new PIN (6 to 12 digits: the pad has digits only), else InputError."""
    if not NEW_PIN_PATTERN.fullmatch(pin):
        raise InputError(
            "the PIN must be 6 to 12 digits (the kiosk's PIN pad has digits only, and a shorter "
            "PIN can be guessed from a copy of the config file)"
        )
    return pin


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """The self-describing salted scrypt hash of ``pin`` (a fresh random salt by default).

    Any PIN the pad can type is hashed; the policy for a new PIN (6+ digits) is :func:`check_pin`'s.
    """
    if not PIN_PATTERN.fullmatch(pin):
        raise InputError("the PIN must be 4 to 12 digits")
    salt = secrets.token_bytes(_SALT_BYTES) if salt is None else salt
    digest = _scrypt(pin, salt, _N, _R, _P)
    return f"{_SCHEME}$n={_N},r={_R},p={_P}${_b64(salt)}${_b64(digest)}"


def hash_problem(stored: str) -> str | None:
    """Why ``stored`` is not a PIN hash this version can check, or None when it is one."""
    match = _HASH_FORMAT.fullmatch(stored.strip())
    if not match:
        return "pin_hash is not a hash written by 'breastedu kiosk set-pin'"
    n, r, p = int(match["n"]), int(match["r"]), int(match["p"])
    if n < 2 or n & (n - 1) or n > _MAX_N or not 1 <= r <= 64 or not 1 <= p <= 16:
        return "pin_hash has cost settings out of range"
    try:
        salt, digest = base64.b64decode(match["salt"], validate=True), base64.b64decode(match["hash"])
    except (binascii.Error, ValueError):
        return "pin_hash is not valid base64"
    if len(salt) < 8 or len(digest) < 16:
        return "pin_hash is too short to be a real hash"
    return None


def hash_cost(stored: str) -> int:
    """The scrypt ``n`` of a stored hash (0 when it is not one)."""
    match = _HASH_FORMAT.fullmatch(stored.strip())
    return int(match["n"]) if match else 0


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches the ``stored`` hash (constant-time compare)."""
    if hash_problem(stored) is not None or not PIN_PATTERN.fullmatch(pin):
        return False
    match = _HASH_FORMAT.fullmatch(stored.strip())
    assert match is not None
    salt, digest = base64.b64decode(match["salt"]), base64.b64decode(match["hash"])
    candidate = _scrypt(pin, salt, int(match["n"]), int(match["r"]), int(match["p"]), len(digest))
    return hmac.compare_digest(candidate, digest)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int = _HASH_BYTES) -> bytes:
    return hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=length
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class PinOutcome(Enum):
    """What happened to one try on the PIN pad."""

    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"  # too many wrong tries: the pad takes nothing until the lock ends
    NO_PIN = "no_pin"  # no PIN configured: staff exit only from a terminal signal


class PinLock:
    """The PIN pad's rules: ``max_tries`` wrong PINs in a row lock it for ``lock_seconds``.

    ``clock`` returns seconds (monotonic); tests pass their own.
    """

    def __init__(
        self,
        pin_hash: str | None,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_tries: int = 3,
        lock_seconds: float = 60.0,
    ) -> None:
        self._hash = pin_hash if pin_hash and hash_problem(pin_hash) is None else None
        self._clock = clock
        self.max_tries = max_tries
        self.lock_seconds = lock_seconds
        self._wrong = 0
        self._locked_until: float | None = None

    @property
    def has_pin(self) -> bool:
        """False when no usable PIN hash is configured."""
        return self._hash is not None

    def seconds_locked(self) -> int:
        """Whole seconds until the pad takes a PIN again (0 when it is not locked)."""
        if self._locked_until is None:
            return 0
        left = self._locked_until - self._clock()
        if left <= 0:
            self._locked_until = None
            self._wrong = 0
            return 0
        return int(left) + (0 if left == int(left) else 1)

    def tries_left(self) -> int:
        """Wrong tries still allowed before the pad locks."""
        self.seconds_locked()
        return self.max_tries - self._wrong

    def attempt(self, pin: str) -> PinOutcome:
        """Check one PIN; a try during a lock is refused without being checked."""
        if self._hash is None:
            return PinOutcome.NO_PIN
        if self.seconds_locked():
            return PinOutcome.LOCKED
        if verify_pin(pin, self._hash):
            self._wrong = 0
            return PinOutcome.ACCEPTED
        self._wrong += 1
        if self._wrong >= self.max_tries:
            self._locked_until = self._clock() + self.lock_seconds
            return PinOutcome.LOCKED
        return PinOutcome.WRONG


@dataclass(frozen=True)
class Problem:
    """One finding of ``breastedu kiosk check``: an ``error`` stops a clinic from using it."""

    level: str  # "error" or "warning"
    text: str


def check_settings(settings: KioskSettings) -> list[Problem]:
    """What is wrong or risky in the kiosk settings, errors first."""
    problems: list[Problem] = []
    if settings.pin_hash is None:
        problems.append(
            Problem(
                "warning",
                "no staff PIN: run 'breastedu kiosk set-pin'; until then staff can "
                "leave the kiosk only by a signal from a terminal",
            )
        )
    else:
        problem = hash_problem(settings.pin_hash)
        if problem:
            problems.append(Problem("error", f"{problem}: set it again with 'breastedu kiosk set-pin'"))
        elif hash_cost(settings.pin_hash) < _N:
            problems.append(
                Problem(
                    "warning",
                    "the staff PIN was set by an older version, whose hash can be guessed from a "
                    "copy of the config in hours: set it again with 'breastedu kiosk set-pin' "
                    "(6 or more digits)",
                )
            )
    if settings.warning_seconds < WCAG_MIN_WARNING_SECONDS:
        problems.append(
            Problem(
                "warning",
                f"warning_seconds = {settings.warning_seconds} gives a visitor less than "
                f"{WCAG_MIN_WARNING_SECONDS} s to answer 'Are you still reading?' (WCAG 2.2.1); "
                "use it for testing only",
            )
        )
    if settings.allow_print and settings.prints_per_session == 0:
        problems.append(Problem("warning", "allow_print is on but prints_per_session = 0 allows no prints"))
    return sorted(problems, key=lambda p: p.level != "error")


def settings_lines(settings: KioskSettings) -> list[str]:
    """The effective settings as ``key = value`` lines, with the PIN hash hidden."""
    pin = "(not set)" if settings.pin_hash is None else "(set, hidden)"
    printer = settings.printer or "(the system's default printer)"
    return [
        f"enabled = {str(settings.enabled).lower()}",
        f"idle_seconds = {settings.idle_seconds}",
        f"warning_seconds = {settings.warning_seconds}",
        f"pin_hash = {pin}",
        f"allow_print = {str(settings.allow_print).lower()}",
        f"printer = {printer}",
        f"prints_per_session = {settings.prints_per_session}",
        f'language = "{settings.language}"',
    ]


def with_pin_hash(text: str, pin_hash: str) -> str:
    """The config ``text`` with ``[kiosk] pin_hash`` set, every comment and other line kept.

    tomlkit edits the document in place (format-preserving). A layout where the one key
    cannot be set alone (``kiosk`` not a table, a file that is not TOML) raises InputError and
    nothing is written; the result is read back to check that only ``pin_hash`` changed.
    """
    import tomllib

    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    refuse = "cannot add the PIN to this file safely: edit its [kiosk] table by hand"
    try:
        document = tomlkit.parse(text)
        kiosk = document.setdefault("kiosk", tomlkit.table())
        if not isinstance(kiosk, dict):
            raise InputError(f"{refuse} (kiosk is not a table)")
        kiosk["pin_hash"] = pin_hash
        result = tomlkit.dumps(document)
        before, after = tomllib.loads(text), tomllib.loads(result)
    except (TOMLKitError, tomllib.TOMLDecodeError) as exc:
        raise InputError(
            f"cannot add the PIN to this file safely ({exc}): edit its [kiosk] table by hand"
        ) from None
    before.setdefault("kiosk", {})["pin_hash"] = pin_hash
    if after != before:
        raise InputError(refuse)
    return result


#: The groups of the kiosk's Chinese pick list, in the order they are offered.
TOPICS, GLOSSARY_TERMS, EVERYDAY_WORDS = "topics", "glossary", "everyday"


@dataclass(frozen=True)
class TermGroup:
    """One group of the Chinese pick list: ``kind`` is one of :data:`TOPICS`,
    :data:`GLOSSARY_TERMS` or :data:`EVERYDAY_WORDS`; ``terms`` are what a chip types."""

    kind: str
    terms: tuple[str, ...]


def _chinese(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in text)


def pick_list(
    topics: Iterable[str], glossary: Iterable[GlossaryEntry], everyday: Iterable[str]
) -> tuple[TermGroup, ...]:
    """The kiosk's Chinese pick list from the library's own words: the topic names (``topics``,
    in the tree's order), the glossary's Chinese terms, and ``everyday`` (the Chinese synonym
    entries, :meth:`SearchService.chinese_words`). A term is offered once, in the first group
    that has it; the glossary and everyday words are in character code order, which puts words
    with the same first character side by side (the Unicode order of Han characters is by
    radical, then strokes). Groups without a Chinese term are left out."""
    seen: set[str] = set()

    def fresh(words: Iterable[str]) -> list[str]:
        out = []
        for word in (w.strip() for w in words):
            if word and _chinese(word) and word not in seen:
                seen.add(word)
                out.append(word)
        return out

    groups = (
        TermGroup(TOPICS, tuple(fresh(topics))),
        TermGroup(GLOSSARY_TERMS, tuple(sorted(fresh(e.term for e in glossary)))),
        TermGroup(EVERYDAY_WORDS, tuple(sorted(fresh(everyday)))),
    )
    return tuple(g for g in groups if g.terms)
