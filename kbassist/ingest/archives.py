"""Uploaded knowledge bases: a zip archive or loose markdown files, read into memory with bounds.

Pure: a readable binary stream in, the markdown files it holds (as
``articles.Source``) and the members it refused out. Nothing is extracted to
disk, so a member name can neither leave a folder nor collide with another one
(``clientA/setup.md`` and ``clientB/setup.md`` are two articles). Each member is
checked before it is read (links, unsafe paths, encryption, compression method,
a repeated name, its declared size) and read in chunks that stop at the
per-article limit whatever its header claims, so a zip bomb costs at most one
article's worth of memory. Nested archives are never opened.
"""

from __future__ import annotations

import stat
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

from kbassist.articles import MAX_ARTICLE_BYTES, Source, is_markdown
from kbassist.errors import InvalidInput
from kbassist.records import Reject

MiB = 1024 * 1024
MAX_UPLOAD_BYTES = 256 * MiB  # markdown read from one upload, all members together
MAX_MEMBERS = 20_000
_CHUNK = 64 * 1024
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)


@dataclass(frozen=True)
class Unpacked:
    """The markdown files of an upload, and what was refused or skipped."""

    sources: tuple[Source, ...]
    rejects: tuple[Reject, ...]
    warnings: tuple[str, ...]


class _TooLarge(Exception):
    pass


def read_zip(stream: BinaryIO, name: str) -> Unpacked:
    """The markdown members of a zip archive; raises InvalidInput when it is no zip at all."""
    try:
        bundle = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
        raise InvalidInput(
            f"file: {name} is not a zip archive of markdown files, or it is damaged or cut "
            f"short ({error})."
        ) from None
    with bundle:
        members = bundle.infolist()
        if len(members) > MAX_MEMBERS:
            raise InvalidInput(
                f"file: {name} holds {len(members):,} members, over the limit of {MAX_MEMBERS:,}."
            )
        return _read_members(bundle, members, name)


def _read_members(bundle: zipfile.ZipFile, members: list[zipfile.ZipInfo], name: str) -> Unpacked:
    sources: list[Source] = []
    rejects: list[Reject] = []
    seen: set[str] = set()
    skipped = total = 0
    for info in members:
        member = info.filename
        if info.is_dir() or "__MACOSX/" in f"/{member}" or not is_markdown(member):
            skipped += not info.is_dir()
            continue
        where = f"{name}:{member}"
        problem = member_problem(info, seen)
        seen.add(member)
        if not problem:
            try:
                data = _read_member(bundle, info)
            except _TooLarge:
                problem = _too_large(info.file_size)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
                problem = f"damaged in the archive ({error}); not read"
            except (RuntimeError, NotImplementedError) as error:
                problem = f"cannot be read ({error})"
        if problem:
            rejects.append(Reject(where, 1, "*", problem))
            continue
        total += len(data)
        if total > MAX_UPLOAD_BYTES:
            raise InvalidInput(
                f"file: the articles in {name} expand to more than {MAX_UPLOAD_BYTES // MiB} MiB, "
                "the limit of one upload; upload the knowledge base in several parts."
            )
        sources.append(Source(where, member, data))
    warnings = [f"{name}: skipped {skipped} file(s) that are not markdown."] if skipped else []
    return Unpacked(tuple(sources), tuple(rejects), tuple(warnings))


def member_problem(info: zipfile.ZipInfo, seen: set[str]) -> str:
    """Why a zip member is not read, judged from its header alone ('' when it is read)."""
    name = info.filename.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":") or ".." in name.split("/"):
        return "unsafe path: absolute, or leaving the archive's folder with '..'; not read"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "a symbolic link, not a file; links are not followed"
    if info.filename in seen:
        return (
            "duplicate member name: the archive holds two files with this name; the first was read"
        )
    if info.flag_bits & 0x1:
        return "encrypted (password-protected); upload the article unencrypted"
    if info.compress_type not in _METHODS:
        return (
            f"compression method {info.compress_type} is not supported (AES encryption?); "
            "make the zip with standard deflate compression"
        )
    if info.file_size > MAX_ARTICLE_BYTES:
        return _too_large(info.file_size)
    return ""


def _too_large(size: int) -> str:
    return (
        f"expands to {size / MiB:.1f} MiB or more, over the {MAX_ARTICLE_BYTES // MiB} MiB limit "
        "of one article; not read"
    )


def _read_member(bundle: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The member's bytes, stopping at the article limit whatever the header says."""
    chunks: list[bytes] = []
    size = 0
    with bundle.open(info) as handle:
        while chunk := handle.read(_CHUNK):
            size += len(chunk)
            if size > MAX_ARTICLE_BYTES:
                raise _TooLarge
            chunks.append(chunk)
    return b"".join(chunks)


def read_files(uploads: Iterable[tuple[str, BinaryIO]]) -> Unpacked:
    """Loose markdown uploads (name, stream), each read up to the article limit."""
    sources: list[Source] = []
    rejects: list[Reject] = []
    skipped = total = 0
    for name, stream in uploads:
        if not is_markdown(name):
            skipped += 1
            continue
        data = stream.read(MAX_ARTICLE_BYTES + 1)
        if len(data) > MAX_ARTICLE_BYTES:
            rejects.append(Reject(name, 1, "*", _too_large(len(data))))
            continue
        total += len(data)
        if total > MAX_UPLOAD_BYTES:
            raise InvalidInput(
                f"files: the uploaded articles are over {MAX_UPLOAD_BYTES // MiB} MiB together; "
                "upload them in several parts."
            )
        base = name.replace("\\", "/").rsplit("/", 1)[-1]
        sources.append(Source(name, base, data))
    warnings = [f"skipped {skipped} uploaded file(s) that are not markdown."] if skipped else []
    return Unpacked(tuple(sources), tuple(rejects), tuple(warnings))
