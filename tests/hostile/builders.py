"""Hostile inputs that are built at test time instead of committed as binary blobs.

Zip bombs, archives with path tricks, folders with symlinks and oversized fields:
each builder writes its input under the given path (a temporary folder in tests)
and returns the path to ingest. Everything here is small on disk until a reader
expands it; the expected outcome of each is in corpus/MANIFEST.jsonl under
``"builder"``.
"""

from __future__ import annotations

import io
import os
import struct
import warnings
import zipfile
from pathlib import Path

MiB = 1024 * 1024

_LOCAL = b"PK\x03\x04"
_CENTRAL = b"PK\x01\x02"


def article(article_id: str, title: str, body: str = "", **front: str) -> str:
    """A valid markdown article with front matter (the 'good row' of an archive)."""
    lines = [
        "---",
        f"id: {article_id}",
        f"title: {title}",
        "type: how-to",
        "author: Dana Whitfield",
    ]
    lines += [f"{key}: {value}" for key, value in front.items()]
    lines += ["created: 2025-06-01", "updated: 2025-06-02", "tags: [hostile]", "---", ""]
    text = body or (
        "## Steps\n\n1. Open the admin console.\n2. Restart the service.\n"
        "3. Confirm with the user that it works.\n"
    )
    return "\n".join(lines) + "\n" + text


# --------------------------------------------------------------------- zip bombs


def zip_bomb(path: Path, expanded_bytes: int = 1024 * MiB) -> Path:
    """A zip with a member that expands to ``expanded_bytes`` (ratio ~1000:1), and a good one.

    The bomb member is a valid article header followed by a body of one repeated
    letter, so a reader that accepts it also parses it.
    """
    path = Path(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        bundle.writestr("good.md", article("KB-ZB-GOOD", "Good article beside a zip bomb"))
        with bundle.open(_deflated_info("bomb.md"), "w", force_zip64=True) as member:
            header = article("KB-ZB-BOMB", "Zip bomb", body="# Bomb\n\n").encode()
            member.write(header)
            chunk = b"A" * MiB
            remaining = max(0, expanded_bytes - len(header))
            while remaining > 0:
                piece = chunk[: min(MiB, remaining)]
                member.write(piece)
                remaining -= len(piece)
    return path


def _deflated_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2025, 6, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def many_bombs_zip(path: Path, members: int = 32, member_bytes: int = 32 * MiB) -> Path:
    """Many members that are each under a per-file cap but together expand to gigabytes."""
    path = Path(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        bundle.writestr("good.md", article("KB-MB-GOOD", "Good article beside many bombs"))
        chunk = b"B" * MiB
        for number in range(members):
            with bundle.open(_deflated_info(f"part-{number:03}.md"), "w", force_zip64=True) as m:
                m.write(article(f"KB-MB-{number:03}", f"Part {number}", body="# Part\n\n").encode())
                for _ in range(max(1, member_bytes // MiB)):
                    m.write(chunk)
    return path


def nested_zip(path: Path, depth: int = 20) -> Path:
    """A zip inside a zip inside a zip ... (depth levels), beside a good article at the top."""
    payload = _zip_bytes({"inner.md": article("KB-NZ-INNER", "Innermost article")})
    for level in range(depth):
        payload = _zip_bytes({f"level-{level}.zip": payload})
    path = Path(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("good.md", article("KB-NZ-GOOD", "Good article beside nested zips"))
        bundle.writestr("nested.zip", payload)
    return path


# --------------------------------------------------------------- path tricks


def traversal_zip(path: Path) -> Path:
    """Members that try to leave the extraction folder: ../, absolute, backslash, drive letter."""
    return _write_zip(
        path,
        {
            "good/ok.md": article("KB-TR-GOOD", "Good article beside traversal members"),
            "../../evil-traversal.md": article("KB-TR-DOTDOT", "Dot-dot traversal"),
            "/tmp/evil-absolute.md": article("KB-TR-ABS", "Absolute path member"),
            "..\\..\\evil-backslash.md": article("KB-TR-BACKSLASH", "Backslash traversal"),
            "C:/Windows/evil-drive.md": article("KB-TR-DRIVE", "Drive letter member"),
            "good/../../evil-mid.md": article("KB-TR-MID", "Traversal in the middle"),
        },
    )


def symlink_zip(path: Path) -> Path:
    """Members stored as Unix symlinks (to /etc/passwd and up the tree), beside a good one."""
    path = Path(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("good.md", article("KB-SL-GOOD", "Good article beside symlinks"))
        for name, target in (("passwd.md", "/etc/passwd"), ("up.md", "../../../../etc/shadow")):
            info = zipfile.ZipInfo(name, date_time=(2025, 6, 1, 0, 0, 0))
            info.create_system = 3  # Unix
            info.external_attr = 0o120777 << 16  # S_IFLNK | 0777
            bundle.writestr(info, target)
    return path


def same_name_zip(path: Path) -> Path:
    """Two different articles called setup.md in two folders, plus a case-only twin."""
    return _write_zip(
        path,
        {
            "clientA/setup.md": article("KB-SN-A", "Setup for client A"),
            "clientB/setup.md": article("KB-SN-B", "Setup for client B"),
            "clientC/Setup.md": article("KB-SN-C", "Setup for client C (capital S)"),
        },
    )


def duplicate_member_zip(path: Path) -> Path:
    """The same member name twice in one archive (legal in the format, ambiguous in meaning)."""
    path = Path(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns "Duplicate name": that is the point
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
            bundle.writestr("good.md", article("KB-DM-GOOD", "Good article"))
            bundle.writestr("twice.md", article("KB-DM-1", "First of two members named twice.md"))
            bundle.writestr("twice.md", article("KB-DM-2", "Second of two members named twice.md"))
    return path


def deep_path_zip(path: Path, depth: int = 300) -> Path:
    """A member nested ``depth`` folders deep and one with a 300-character file name."""
    deep = "/".join(["d"] * depth) + "/deep.md"
    long_name = "x" * 300 + ".md"
    return _write_zip(
        path,
        {
            "good.md": article("KB-DP-GOOD", "Good article"),
            deep: article("KB-DP-DEEP", "Article nested three hundred folders deep"),
            long_name: article("KB-DP-LONG", "Article with a 300-character file name"),
        },
    )


def macos_zip(path: Path) -> Path:
    """What Finder's "Compress" makes: __MACOSX/._name.md AppleDouble junk beside the real file."""
    apple_double = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02" + b"\x00" * 60
    return _write_zip(
        path,
        {
            "kb/setup.md": article("KB-MAC-GOOD", "Setup written on a Mac"),
            "__MACOSX/kb/._setup.md": apple_double,
            "kb/.DS_Store": b"\x00\x00\x00\x01Bud1" + b"\x00" * 40,
        },
    )


# ------------------------------------------------------------- broken archives


def encrypted_member_zip(path: Path) -> Path:
    """A member flagged as encrypted (general purpose bit 0), beside a good one."""
    path = _write_zip(
        path,
        {
            "good.md": article("KB-LK-GOOD", "Good article beside an encrypted one"),
            "locked.md": article("KB-LK-LOCKED", "Encrypted article"),
        },
        compression=zipfile.ZIP_STORED,
    )
    _patch_member(path, "locked.md", local_field=6, central_field=8, value=0x0001)
    return path


def unsupported_method_zip(path: Path) -> Path:
    """A member whose compression method is 99 (WinZip AES), which zipfile cannot read."""
    path = _write_zip(
        path,
        {
            "good.md": article("KB-UM-GOOD", "Good article beside an AES member"),
            "aes.md": article("KB-UM-AES", "Article with an unsupported compression method"),
        },
        compression=zipfile.ZIP_STORED,
    )
    _patch_member(path, "aes.md", local_field=8, central_field=10, value=99)
    return path


def corrupt_member_zip(path: Path) -> Path:
    """One member whose data no longer matches its CRC-32, beside a good one."""
    path = _write_zip(
        path,
        {
            "good.md": article("KB-CRC-GOOD", "Good article beside a corrupt one"),
            "corrupt.md": article("KB-CRC-BAD", "Article with a bad checksum"),
        },
        compression=zipfile.ZIP_STORED,
    )
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as bundle:
        info = bundle.getinfo("corrupt.md")
    name_length, extra_length = struct.unpack(
        "<HH", data[info.header_offset + 26 : info.header_offset + 30]
    )
    start = info.header_offset + 30 + name_length + extra_length
    data[start + 40] ^= 0x20  # flip a letter's case inside the front matter
    path.write_bytes(bytes(data))
    return path


def truncated_zip(path: Path) -> Path:
    """A zip cut off in the middle (no central directory)."""
    full = _zip_bytes(
        {
            "good.md": article("KB-TZ-GOOD", "Good article in a truncated zip"),
            "second.md": article("KB-TZ-SECOND", "Second article in a truncated zip"),
        }
    )
    path = Path(path)
    path.write_bytes(full[: len(full) // 2])
    return path


def not_a_zip(path: Path) -> Path:
    """Markdown text uploaded with a .zip name."""
    path = Path(path)
    path.write_text(article("KB-NAZ", "Not a zip at all"), encoding="utf-8")
    return path


# ----------------------------------------------------------- folders and fields


def symlink_kb_folder(path: Path) -> Path:
    """A KB folder with a good article, a symlink to an article outside it, and a linked folder."""
    root = Path(path)
    outside = root / "outside"
    folder = root / "kb"
    outside.mkdir(parents=True, exist_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.md").write_text(article("KB-SY-GOOD", "Good article beside symlinks"))
    (outside / "private.md").write_text(
        article(
            "KB-SY-OUTSIDE",
            "Article outside the KB folder",
            body="Vault master password: OutsideVault-7731!\n",
        )
    )
    (outside / "other.md").write_text(
        article("KB-SY-LINKED-DIR", "Reached through a linked folder")
    )
    os.symlink(outside / "private.md", folder / "leak.md")
    os.symlink(outside, folder / "linked-dir")
    return folder


def dangling_symlink_kb_folder(path: Path) -> Path:
    """A KB folder with a good article and a symlink whose target does not exist."""
    folder = Path(path) / "kb"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.md").write_text(article("KB-DS-GOOD", "Good article beside a dangling link"))
    os.symlink(Path(path) / "does-not-exist.md", folder / "dangling.md")
    return folder


def huge_field_csv(path: Path, cell_bytes: int = 65 * MiB) -> Path:
    """A CSV whose second row has a cell over the 64 MiB cell limit; rows 1 and 3 are good."""
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("id,title,description,resolution,created_at\n")
        handle.write(
            "HF-001,Good row before the huge cell,Printer offline,Restarted spooler,2025-06-01\n"
        )
        handle.write('HF-002,Row with a huge cell,"')
        chunk = "lorem ipsum " * (MiB // 12)
        written = 0
        while written < cell_bytes:
            handle.write(chunk)
            written += len(chunk)
        handle.write('",Nothing,2025-06-01\n')
        handle.write(
            "HF-003,Good row after the huge cell,VPN drops,Reinstalled client,2025-06-01\n"
        )
    return path


def huge_line_jsonl(path: Path, field_bytes: int = 65 * MiB) -> Path:
    """JSON Lines whose 2nd ticket has a ``field_bytes`` description; lines 1 and 3 are good."""
    path = Path(path)
    good = (
        '{"id": "HL-%03d", "title": "Good row %d", "description": "Outlook prompts", '
        '"created_at": "2025-06-01"}\n'
    )
    with path.open("w", encoding="utf-8") as handle:
        handle.write(good % (1, 1))
        handle.write('{"id": "HL-002", "title": "Huge description", "description": "')
        chunk = "lorem ipsum " * (MiB // 12)
        written = 0
        while written < field_bytes:
            handle.write(chunk)
            written += len(chunk)
        handle.write('", "created_at": "2025-06-01"}\n')
        handle.write(good % (3, 3))
    return path


BUILDERS = {
    name: function
    for name, function in globals().items()
    if callable(function)
    and getattr(function, "__module__", None) == __name__
    and not name.startswith("_")
    and name != "article"
}


def build(name: str, folder: Path, **kwargs: int) -> Path:
    """Run builder ``name`` into ``folder``; returns what to ingest (a file or a folder)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    function = BUILDERS[name]
    if name in ("symlink_kb_folder", "dangling_symlink_kb_folder"):
        return function(folder, **kwargs)
    suffix = {"huge_field_csv": ".csv", "huge_line_jsonl": ".jsonl"}.get(name, ".zip")
    return function(folder / f"{name}{suffix}", **kwargs)


# ------------------------------------------------------------------- helpers


def _zip_bytes(members: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, content in members.items():
            bundle.writestr(_info(name), content)
    return buffer.getvalue()


def _write_zip(
    path: Path, members: dict[str, str | bytes], compression: int = zipfile.ZIP_DEFLATED
) -> Path:
    path = Path(path)
    with zipfile.ZipFile(path, "w", compression) as bundle:
        for name, content in members.items():
            info = _info(name)
            info.compress_type = compression
            bundle.writestr(info, content)
    return path


def _info(name: str) -> zipfile.ZipInfo:
    # ZipInfo keeps the name as given (ZipFile.write would normalise "../" and "/" away).
    return zipfile.ZipInfo(name, date_time=(2025, 6, 1, 0, 0, 0))


def _patch_member(
    path: Path, name: str, *, local_field: int, central_field: int, value: int
) -> None:
    """Overwrite one 2-byte field of a member in both its local and its central header."""
    data = bytearray(Path(path).read_bytes())
    encoded = name.encode()
    position = 0
    while (position := data.find(_LOCAL, position)) != -1:
        name_length = struct.unpack("<H", data[position + 26 : position + 28])[0]
        if data[position + 30 : position + 30 + name_length] == encoded:
            struct.pack_into("<H", data, position + local_field, value)
        position += 4
    position = 0
    while (position := data.find(_CENTRAL, position)) != -1:
        name_length = struct.unpack("<H", data[position + 28 : position + 30])[0]
        if data[position + 46 : position + 46 + name_length] == encoded:
            struct.pack_into("<H", data, position + central_field, value)
        position += 4
    Path(path).write_bytes(bytes(data))
