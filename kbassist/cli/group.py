"""The ``kbassist`` click group and the helpers every command module shares."""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from kbassist.core import Core
from kbassist.errors import KbassistError

# Characters that would steer a terminal rather than show: C0 and C1 controls (ESC
# starts colour, cursor, title and clipboard sequences; a lone CR overwrites the
# line) and the bidi overrides that reorder what is shown. Tab and newline stay.
_UNSAFE = re.compile("\r\n|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with terminal control characters shown as ``\\uXXXX`` (CRLF becomes LF).

    The escape is JSON's own, so JSON output stays valid and decodes to the same data.
    """
    return _UNSAFE.sub(lambda m: "\n" if m.group() == "\r\n" else f"\\u{ord(m.group()):04x}", text)


class _TerminalSafeStream:
    """A text stream that passes everything through ``terminal_safe``."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: Any) -> Any:
        return self._stream.write(terminal_safe(text) if isinstance(text, str) else text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class KbassistGroup(click.Group):
    """Turns domain errors into a message and an exit code instead of a traceback.

    Everything a command prints on stdout (ticket titles, notes, snippets: data
    from outside) goes through ``terminal_safe``: an escape sequence in a ticket
    title cannot recolour, retitle or rewrite the user's terminal.
    """

    def invoke(self, ctx: click.Context) -> Any:
        stdout = sys.stdout
        sys.stdout = _TerminalSafeStream(stdout)  # type: ignore[assignment]
        try:
            return super().invoke(ctx)
        except KbassistError as error:
            click.echo(f"Error: {terminal_safe(error.message)}", err=True)
            ctx.exit(2 if error.status < 500 else 1)
        finally:
            sys.stdout = stdout


@click.group(cls=KbassistGroup)
@click.version_option(package_name="kbassist")
@click.pass_context
def main(ctx: click.Context) -> None:
    """kbassist: knowledge-base search and documentation quality for help desks."""
    ctx.ensure_object(dict)


def get_core(ctx: click.Context | None = None) -> Core:
    """The Core for this invocation (tests may place one in ``ctx.obj['core']``)."""
    ctx = ctx or click.get_current_context()
    root = ctx.find_root()
    root.ensure_object(dict)
    if "core" not in root.obj:
        root.obj["core"] = Core.from_env()
    return root.obj["core"]


def ready_core() -> Core:
    """The Core with its database migrated (every command that touches data uses this)."""
    core = get_core()
    core.init()
    return core


def json_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--json`` to a command."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")(function)


def emit(data: Any, as_json: bool, render: Callable[[Any], str] | None = None) -> None:
    """Print data as JSON, or through ``render`` as text for people."""
    if as_json:
        click.echo(json.dumps(data, indent=None, default=str, ensure_ascii=False))
    elif render is not None:
        click.echo(render(data))
    else:
        click.echo(json.dumps(data, indent=2, default=str, ensure_ascii=False))


@contextmanager
def progress_bar(total: int, label: str, enabled: bool = True) -> Iterator[Callable[[int], None]]:
    """A tqdm bar on stderr (hidden when not a terminal or disabled); yields ``advance(n)``."""
    from tqdm import tqdm

    show = enabled and sys.stderr.isatty()
    with tqdm(total=total, desc=label, disable=not show, unit="rec", file=sys.stderr) as bar:
        yield functools.partial(_advance, bar)


def _advance(bar: Any, n: int = 1) -> None:
    bar.update(n)


@contextmanager
def embedding_bar(core: Core, enabled: bool = True) -> Iterator[None]:
    """Show a running count of texts embedded (the slow part of ingest) on stderr."""
    from tqdm import tqdm

    show = enabled and sys.stderr.isatty()
    with tqdm(desc="embedding", disable=not show, unit="text", file=sys.stderr) as bar:
        with core.resources.watch_embedding(bar.update):
            yield
