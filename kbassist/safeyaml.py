"""YAML from text we did not write (article front matter, mapping files), with bounds.

``yaml.safe_load`` builds no Python objects, but it still expands anchors and
aliases: nine lines of nine aliases each (a "billion laughs") make 387 million
strings from 700 bytes, and a merge key can carry the same tree anywhere. So the
event stream is read first and any anchor or alias is refused, as is nesting
past MAX_NESTING (PyYAML's composer recurses and would hit Python's limit), all
before anything is built. Dates stay text, so each caller checks them key by key
and names the key; an integer too long for Python to print stays text too.
"""

from __future__ import annotations

from typing import Any

import yaml

from kbassist.errors import InvalidInput

MAX_NESTING = 20
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(yaml.SafeLoader):
    """SafeLoader whose dates and very long integers stay text."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | str:
    # Python refuses to turn an integer of over 4,300 digits into text; no field needs one.
    if len(node.value) > 40:
        return str(node.value)
    return int(loader.construct_yaml_int(node))


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def load(source: str, *, what: str, max_chars: int, first_line: int = 1) -> Any:
    """The YAML document in ``source``; InvalidInput starting with ``what`` when refused.

    ``first_line`` is the line of the file the source starts on, for messages.
    """
    if len(source) > max_chars:
        raise InvalidInput(f"{what} is larger than {max_chars // 1024} KB")
    try:
        _check_events(source, what)
        return yaml.load(source, Loader=_Loader)  # noqa: S506 - a SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f" (line {mark.line + first_line})" if mark else ""
        problem = error.problem or error.context or "unreadable"
        raise InvalidInput(f"{what} is not valid YAML: {problem}{where}") from None
    except yaml.YAMLError as error:
        raise InvalidInput(f"{what} is not valid YAML: {error}") from None
    except (ValueError, OverflowError, TypeError, RecursionError) as error:
        raise InvalidInput(f"{what} holds a value YAML cannot build: {error}") from None


def _check_events(source: str, what: str) -> None:
    """Refuse anchors, aliases and deep nesting from the event stream, before building."""
    depth = 0
    for event in yaml.parse(source, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise InvalidInput(
                f"{what} uses YAML anchors or aliases (&name, *name), which kbassist does not "
                "expand (they can make a small file huge); write the values out"
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                raise InvalidInput(f"{what} is nested more than {MAX_NESTING} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
