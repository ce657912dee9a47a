"""The one atomic-write helper: the target is the old file or the whole new one, never half."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from breastedu.core.errors import InputError
from breastedu.core.files import PUBLIC, atomic_path, write_atomic


def test_a_failure_inside_the_block_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half")
        tmp.with_name(tmp.name + "-journal").write_text("sqlite side file")
        raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.json"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_files_are_private_unless_asked(tmp_path: Path) -> None:
    write_atomic(tmp_path / "mine.json", b"{}")
    with atomic_path(tmp_path / "seed.sqlite", mode=PUBLIC) as tmp:
        tmp.write_bytes(b"x")
    assert stat.S_IMODE((tmp_path / "mine.json").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "seed.sqlite").stat().st_mode) == 0o644


def test_an_unwritable_place_is_one_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot write the file"):
        write_atomic(tmp_path / "no-such-folder" / "x.json", b"{}")
