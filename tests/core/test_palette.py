"""Every theme is readable: contrast computed from the palette itself (WCAG 2)."""

from __future__ import annotations

import re

import pytest

from breastedu.core import palette
from breastedu.core.palette import GRAPHIC_PAIRS, ROLES, TEXT_PAIRS, THEMES, contrast_ratio


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_text_pair_is_readable(theme: str) -> None:
    """Text meets WCAG AA (4.5:1) in every theme, AAA (7:1) in high contrast."""
    p = THEMES[theme]
    need = 7.0 if theme == "high-contrast" else 4.5
    failures = [
        f"{fg} on {bg}: {contrast_ratio(p.role(fg), p.role(bg)):.2f}"
        for fg, bg in TEXT_PAIRS
        if contrast_ratio(p.role(fg), p.role(bg)) < need
    ]
    assert not failures, f"{theme}: {failures}"


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_borders_focus_rings_and_icons_stand_out(theme: str) -> None:
    """Field borders, focus rings, reply edges and state icons meet 3:1 against their background."""
    p = THEMES[theme]
    failures = [
        f"{fg} on {bg}: {contrast_ratio(p.role(fg), p.role(bg)):.2f}"
        for fg, bg in GRAPHIC_PAIRS
        if contrast_ratio(p.role(fg), p.role(bg)) < 3.0
    ]
    assert not failures, f"{theme}: {failures}"


def test_every_role_is_a_colour_and_every_pair_names_roles() -> None:
    for p in THEMES.values():
        for role in ROLES:
            assert re.fullmatch(r"#[0-9a-f]{6}", p.role(role)), (p.name, role)
    for fg, bg in TEXT_PAIRS + GRAPHIC_PAIRS:
        assert fg in ROLES and bg in ROLES


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_theme_choice() -> None:
    assert palette.theme_for("system", system_dark=True) is palette.DARK
    assert palette.theme_for("system", system_dark=False) is palette.LIGHT
    assert palette.theme_for("high-contrast") is palette.HIGH_CONTRAST
    with pytest.raises(ValueError, match="unknown theme"):
        palette.theme_for("purple")


def test_no_colour_literals_outside_the_palette() -> None:
    """Colours live in the palette module only (one place to change a theme)."""
    from pathlib import Path

    import breastedu

    root = Path(breastedu.__file__).parent
    hex_colour = re.compile(r"(?<![&\w])#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\b")
    found = [
        f"{path.relative_to(root)}:{n}"
        for path in sorted(root.rglob("*.py"))
        if path.name != "palette.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if hex_colour.search(line)
    ]
    assert not found, found
