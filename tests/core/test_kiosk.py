"""The kiosk's staff PIN: salted hash, verification, the lockout state machine, the config edit."""

from __future__ import annotations

import tomllib

import pytest

from breastedu.core.clinic import KioskSettings
from breastedu.core.errors import InputError
from breastedu.core.kiosk import (
    PinLock,
    PinOutcome,
    check_pin,
    check_settings,
    hash_pin,
    hash_problem,
    settings_lines,
    verify_pin,
    with_pin_hash,
)

PIN = "2468"
STORED = hash_pin(PIN)


def test_hash_is_salted_self_describing_and_verifies() -> None:
    assert STORED.startswith("scrypt$n=65536,r=8,p=1$")
    assert PIN not in STORED
    assert hash_pin(PIN) != STORED  # a fresh salt each time
    assert hash_problem(STORED) is None
    assert verify_pin(PIN, STORED)
    assert not verify_pin("2469", STORED)
    assert not verify_pin("", STORED)


def test_the_same_salt_gives_the_same_hash() -> None:
    assert hash_pin(PIN, salt=b"0123456789abcdef") == hash_pin(PIN, salt=b"0123456789abcdef")


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "2468",
        "pbkdf2$abc$def",
        "scrypt$n=16384,r=8,p=1$!!!$abc",
        "scrypt$n=1000,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg==$MDEyMzQ1Njc4OWFiY2RlZg==",  # n not a power of 2
        "scrypt$n=16384,r=8,p=1$YQ==$MDEyMzQ1Njc4OWFiY2RlZg==",  # 1-byte salt
    ],
)
def test_broken_hashes_are_named_and_never_match(stored: str) -> None:
    assert hash_problem(stored) is not None
    assert not verify_pin(PIN, stored)


@pytest.mark.parametrize("pin", ["123", "1234", "12345", "1234567890123", "12a456", " 123456", "١٢٣٤٥٦"])
def test_a_new_pin_is_6_to_12_ascii_digits(pin: str) -> None:
    """A 4-digit PIN falls to an offline guess in minutes; a new PIN needs at least 6 digits."""
    with pytest.raises(InputError):
        check_pin(pin)


class Clock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


def test_three_wrong_tries_lock_for_a_minute() -> None:
    clock = Clock()
    lock = PinLock(STORED, clock=clock)
    assert lock.attempt("1111") is PinOutcome.WRONG and lock.tries_left() == 2
    assert lock.attempt("1111") is PinOutcome.WRONG and lock.tries_left() == 1
    assert lock.attempt("1111") is PinOutcome.LOCKED
    assert lock.seconds_locked() == 60
    clock.now += 30
    assert lock.attempt(PIN) is PinOutcome.LOCKED  # the right PIN is not even checked
    assert lock.seconds_locked() == 30
    clock.now += 29.5
    assert lock.seconds_locked() == 1
    clock.now += 0.5
    assert lock.seconds_locked() == 0 and lock.tries_left() == 3
    assert lock.attempt(PIN) is PinOutcome.ACCEPTED


def test_a_right_pin_clears_the_wrong_count() -> None:
    lock = PinLock(STORED, clock=Clock())
    lock.attempt("1111")
    lock.attempt("1111")
    assert lock.attempt(PIN) is PinOutcome.ACCEPTED
    assert lock.attempt("1111") is PinOutcome.WRONG and lock.tries_left() == 2


@pytest.mark.parametrize("stored", [None, "", "not a hash"])
def test_no_usable_pin_means_no_exit_by_pin(stored: str | None) -> None:
    lock = PinLock(stored)
    assert not lock.has_pin
    assert lock.attempt("") is PinOutcome.NO_PIN and lock.attempt(PIN) is PinOutcome.NO_PIN


def test_check_reports_errors_first_and_hides_the_hash() -> None:
    settings = KioskSettings(pin_hash="nonsense", warning_seconds=5, allow_print=True, prints_per_session=0)
    problems = check_settings(settings)
    assert [p.level for p in problems] == ["error", "warning", "warning"]
    assert "set-pin" in problems[0].text and "WCAG" in problems[1].text
    lines = "\n".join(settings_lines(KioskSettings(pin_hash=STORED)))
    assert STORED not in lines and "pin_hash = (set, hidden)" in lines


def test_defaults_with_a_pin_have_no_problems() -> None:
    assert check_settings(KioskSettings(pin_hash=STORED)) == []
    assert [p.level for p in check_settings(KioskSettings())] == ["warning"]


CONFIG = """# Riverside's settings
[clinic]
name = "Riverside"   # shown on sheets

[kiosk]
enabled = true
idle_seconds = 90
"""


def test_pin_hash_is_added_under_kiosk_keeping_every_other_line() -> None:
    result = with_pin_hash(CONFIG, STORED)
    assert result.replace(f'pin_hash = "{STORED}"\n', "") == CONFIG
    assert tomllib.loads(result)["kiosk"] == {"enabled": True, "idle_seconds": 90, "pin_hash": STORED}


def test_pin_hash_is_replaced_in_place() -> None:
    first = with_pin_hash(CONFIG, STORED)
    other = hash_pin("13579")
    second = with_pin_hash(first, other)
    assert STORED not in second and second.count("pin_hash") == 1
    assert tomllib.loads(second)["kiosk"]["pin_hash"] == other


def test_a_kiosk_table_is_appended_when_missing() -> None:
    result = with_pin_hash('[clinic]\nname = "R"\n', STORED)
    assert tomllib.loads(result) == {"clinic": {"name": "R"}, "kiosk": {"pin_hash": STORED}}
    assert tomllib.loads(with_pin_hash("", STORED)) == {"kiosk": {"pin_hash": STORED}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'kiosk.enabled = true\n[clinic]\nname = "R"\n',
            'kiosk.enabled = true\nkiosk.pin_hash = "H"\n[clinic]\nname = "R"\n',
        ),
        ("kiosk = { enabled = true }\n", 'kiosk = { enabled = true, pin_hash = "H"}\n'),
    ],
)
def test_dotted_and_inline_kiosk_tables_are_edited_in_their_own_layout(text: str, expected: str) -> None:
    """tomlkit (format-preserving) edits layouts the November line editor refused."""
    assert with_pin_hash(text, "H") == expected


@pytest.mark.parametrize("text", ["kiosk = 5\n", "[kiosk\n", "kiosk = [1]\n"])
def test_a_layout_where_the_pin_cannot_be_set_alone_is_refused(text: str) -> None:
    with pytest.raises(InputError, match="by hand"):
        with_pin_hash(text, STORED)


def test_a_new_pin_hash_costs_days_to_guess_offline_and_old_ones_still_verify() -> None:
    """n=65536 (one hash ~0.36 s here: 10^6 PINs ~ 4 days on one core); a PIN set by the November
    version (n=16384, 4 digits) still opens the pad, and ``kiosk check`` asks to set it again."""
    from breastedu.core.clinic import KioskSettings
    from breastedu.core.kiosk import check_pin, check_settings, hash_cost

    assert check_pin("123456") == "123456"
    new = hash_pin("123456")
    assert hash_cost(new) >= 2**16 and verify_pin("123456", new)
    legacy = _legacy_hash("2468")
    assert verify_pin("2468", legacy)
    warnings = [p.text for p in check_settings(KioskSettings(pin_hash=legacy))]
    assert any("set it again" in text for text in warnings)
    assert not any("set it again" in p.text for p in check_settings(KioskSettings(pin_hash=new)))


def _legacy_hash(pin: str) -> str:
    import base64
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt$n=16384,r=8,p=1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
