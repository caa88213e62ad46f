"""`--help` of every command and subcommand, found by walking the click tree (nothing listed by hand)."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from chidao.cli import cli
from chidao.queries.registry import QUESTIONS


def _walk(command: click.Command, path: tuple[str, ...] = ()):
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            yield from _walk(sub, (*path, name))


PATHS = {path: command for path, command in _walk(cli)}


def test_the_walk_reaches_groups_and_their_subcommands():
    assert ("export", "cypher") in PATHS and ("implements",) in PATHS and () in PATHS
    assert len(PATHS) >= 18


@pytest.mark.parametrize("path", sorted(PATHS), ids=lambda p: " ".join(p) or "chidao")
def test_every_command_has_help(path):
    command = PATHS[path]
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="chidao")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: chidao {' '.join(path)}".rstrip()), result.output[:200]
    first_line = (command.help or "").strip().splitlines()[0]
    assert first_line and first_line[:40] in " ".join(result.output.split())
    if path and not isinstance(command, click.Group):
        assert "chidao " + path[-1] in result.output or "chidao " in result.output.split("Example", 1)[-1], \
            f"`chidao {' '.join(path)} --help` shows no example"
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help or param.name in {"help", "version"}, f"{' '.join(path)} {param.opts} has no help"


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_every_registered_question_is_a_command_with_its_options(name):
    command = cli.commands[name]
    names = {p.name for p in command.params}
    assert {o.name for o in QUESTIONS[name].options} <= names
    assert ("on_server" in names) == QUESTIONS[name].server
