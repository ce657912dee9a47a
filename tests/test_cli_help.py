"""``breastedu --help`` and every command's ``--help``: what each argument is, and an example."""

from __future__ import annotations

import re

import pytest

from breastedu.cli import ENVIRONMENT, EXAMPLES, build_parser, commands, main
from breastedu.core import paths

PARSER = build_parser()
COMMANDS = commands(PARSER)


def test_every_command_has_an_example_that_parses() -> None:
    """Each command's help ends with an example, and the example is a command line it accepts."""
    assert sorted(set(COMMANDS) - set(EXAMPLES)) == []
    for name, command in COMMANDS.items():
        assert command.epilog and "breastedu" in command.epilog, name
        for line in EXAMPLES[name].splitlines():
            words = line.split("| ")[-1].strip().split()  # "echo 2468 | breastedu ..." -> breastedu ...
            assert words[0] == "breastedu", line
            if "COMMAND" not in words:
                args = [w.strip("'") for w in re.findall(r"'[^']*'|\S+", " ".join(words[1:]))]
                PARSER.parse_args(args)  # an example that does not parse exits 2 here


def test_every_command_help_starts_with_what_it_does() -> None:
    for name, command in COMMANDS.items():
        assert command.description, name
    assert COMMANDS["kiosk set-pin"].description.startswith("Set the staff PIN")


@pytest.mark.parametrize("name", ["screenshot", "search", "print"])
def test_positionals_say_what_they_are(name: str) -> None:
    positionals = [a for a in COMMANDS[name]._actions if not a.option_strings]
    assert positionals and all(a.help for a in positionals), name


def test_help_lists_every_environment_variable(capsys: pytest.CaptureFixture[str]) -> None:
    """Every BREASTEDU_* variable the app reads is in --help's environment list."""
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "environment:" in out and ENVIRONMENT.splitlines()[-1].strip() in out
    read = {paths.USER_DIR_ENV, paths.CONTENT_DB_ENV, "BREASTEDU_CLINIC_CONFIG", "BREASTEDU_CACHE_DIR"}
    assert all(name in out for name in read)


def test_help_speaks_to_the_reader_of_the_library() -> None:
    """Not 'answered by doctors' (most answers are the editors'), not 'her': 'your'."""
    text = "\n".join(c.format_help() for c in COMMANDS.values())
    assert "answered by doctors" not in text
    assert not re.search(r"\bher\b", text)


def test_an_empty_search_says_what_to_type(capsys: pytest.CaptureFixture[str]) -> None:
    for query in ("", "   "):
        with pytest.raises(SystemExit) as done:
            main(["search", query])
        assert done.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "type the words to look for" in err


def test_a_topic_hit_names_its_title_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "armpit lump", "--limit", "3"]) == 0
    topic_line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("topic"))
    assert topic_line.count("Armpit (axillary) lump") == 1, topic_line
