"""The clinic config: found in the documented order, read strictly, errors name file, line, key."""

from __future__ import annotations

from pathlib import Path

import pytest

from breastedu.core import clinic
from breastedu.core.errors import InputError

GOOD = """
[clinic]
name = "Riverside Breast Clinic"
phone = "555-0100"
footer = "Call the nurse line."

[kiosk]
idle_seconds = 90
warning_seconds = 25
allow_print = true
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "clinic.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_is_read(tmp_path: Path) -> None:
    config = clinic.read_config(_write(tmp_path, GOOD))
    assert config.clinic is not None and config.clinic.name == "Riverside Breast Clinic"
    assert config.clinic.phone == "555-0100" and config.clinic.logo is None
    assert (config.kiosk.idle_seconds, config.kiosk.warning_seconds) == (90, 25)
    assert config.kiosk.allow_print and not config.kiosk.enabled


def test_no_file_anywhere_means_no_clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(clinic.CONFIG_ENV, raising=False)
    monkeypatch.setattr(clinic, "candidate_paths", lambda: [tmp_path / "nope.toml"])
    config = clinic.load()
    assert config.clinic is None and config.kiosk == clinic.KioskSettings() and config.path is None


def test_order_option_then_variable_then_default_places(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, env_file, option = tmp_path / "site.toml", tmp_path / "env.toml", tmp_path / "opt.toml"
    for path, name in ((site, "Site"), (env_file, "Env"), (option, "Option")):
        path.write_text(f'[clinic]\nname = "{name}"\n', encoding="utf-8")
    monkeypatch.setattr(clinic, "candidate_paths", lambda: [site])
    monkeypatch.delenv(clinic.CONFIG_ENV, raising=False)
    assert clinic.load().clinic.name == "Site"  # type: ignore[union-attr]
    monkeypatch.setenv(clinic.CONFIG_ENV, str(env_file))
    assert clinic.load().clinic.name == "Env"  # type: ignore[union-attr]
    assert clinic.load(option).clinic.name == "Option"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[clinic]\nname = "A"\nphone = 5550100\n', 3, "clinic.phone must be text"),
        ('[clinic]\nphone = "1"\n', 1, "clinic.name is required"),
        ('[kiosk]\n\nidle_seconds = "soon"\n', 3, "kiosk.idle_seconds must be a whole number"),
        ('[kiosk]\nenabled = "yes"\n', 2, "kiosk.enabled must be true or false"),
        ('[clinic]\nname = "A"\ncolour = "red"\n', 3, "clinic.colour is not a setting"),
        ('[clinic]\nname = "A\n', 2, "not valid TOML"),
        ('[clinic]\nname = "A"\nlogo = "missing.svg"\n', 3, "clinic.logo names a file that does not exist"),
        (
            '[kiosk]\nidle_seconds = 90\nlanguage = "zh"\n',
            3,
            'kiosk.language must be "en" or "zh-TW", not \'zh\'',
        ),
        ("[kiosk]\nlanguage = 1\n", 2, 'kiosk.language must be "en" or "zh-TW"'),
    ],
)
def test_malformed_files_name_file_line_and_key(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        clinic.read_config(path)
    assert caught.value.where == f"{path}:{line}"
    assert words in caught.value.message


@pytest.mark.parametrize(("line", "language"), [("", "en"), ('language = "zh-TW"\n', "zh-TW")])
def test_the_kiosk_language_is_english_unless_the_clinic_says(
    tmp_path: Path, line: str, language: str
) -> None:
    assert clinic.read_config(_write(tmp_path, f"[kiosk]\n{line}")).kiosk.language == language


def test_a_named_file_that_is_missing_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no clinic config file"):
        clinic.load(tmp_path / "absent.toml")
