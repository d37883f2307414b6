"""How the ticket exports of common PSA tools map onto kbassist's canonical schema.

Presets are data: which source column feeds which canonical field, the unit of
the time column, the separator of list cells and the date formats the tool
writes besides ISO 8601. Column names are matched without regard to case or
surrounding spaces; when several columns feed one field, the first non-empty one
in the order listed here wins. ``confirmed`` says whether the column names were
found in a public source (recorded in ``source_note``); see
docs/import-formats.md for the table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from kbassist import safeyaml
from kbassist.errors import InvalidInput
from kbassist.records import TicketRecord

# Canonical fields a column may feed ("source" is set by the importer, not by a column).
CANONICAL_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(TicketRecord) if f.name != "source"
)
TIME_UNITS = ("minutes", "hours")

US_DATE_FORMATS = (
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y",
)
DAY_FIRST_DATE_FORMATS = (
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y",
)


@dataclass(frozen=True)
class Preset:
    """A mapping from one tool's export columns to the canonical ticket fields."""

    name: str
    label: str
    columns: dict[str, str]  # source column -> canonical field, in order of preference
    time_unit: str = "minutes"  # unit of plain numbers in the time_spent_minutes column
    list_separator: str = ";"
    confirmed: bool = False
    source_note: str = ""
    date_formats: tuple[str, ...] = ()  # strptime formats tried after ISO 8601
    lookup: dict[str, tuple[int, str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lookup: dict[str, tuple[int, str]] = {}
        for rank, (source, target) in enumerate(self.columns.items()):
            lookup.setdefault(column_key(source), (rank, target))
        object.__setattr__(self, "lookup", lookup)

    def sources_for(self, target: str) -> list[str]:
        """The source columns that feed one canonical field, in order of preference."""
        return [source for source, mapped in self.columns.items() if mapped == target]


def column_key(name: str) -> str:
    """How column names are compared: case-insensitive, outer spaces and BOM ignored."""
    return name.strip().lstrip("\ufeff").strip().casefold()


CANONICAL = Preset(
    name="canonical",
    label="kbassist canonical format",
    columns={name: name for name in CANONICAL_FIELDS},
    confirmed=True,
    source_note="kbassist's own format (docs/import-formats.md).",
)

PRESETS: dict[str, Preset] = {
    "connectwise": Preset(
        name="connectwise",
        label="ConnectWise PSA (Manage): service tickets via Report Writer / v_rpt_Service",
        columns={
            "TicketNbr": "id",
            "SR_Service_RecID": "id",
            "Summary": "title",
            "Detail_Description": "description",
            "Resolution": "resolution",
            "status_description": "status",
            "Urgency": "priority",
            "company_name": "client",
            "Closed_By": "assignee",
            "Date_Entered_UTC": "created_at",
            "date_entered": "created_at",
            "Date_Closed_UTC": "closed_at",
            "date_closed": "closed_at",
            "Hours_Actual": "time_spent_minutes",
        },
        time_unit="hours",
        confirmed=True,
        source_note=(
            "Column names of the Report Writer view v_rpt_Service and table SR_Service "
            "(TicketNbr, Summary, Detail_Description, Resolution, status_description, "
            "company_name, date_entered, date_closed, Hours_Actual, Closed_By, Urgency, "
            "Date_Entered_UTC, Date_Closed_UTC) as used in public ConnectWise SQL and "
            "Report API code found with the code search. The column headers of the ticket "
            "list's 'Export' button in the web UI were not found; use --mapping for those. "
            "Closed_By is the member who closed the ticket, used as the assignee."
        ),
        date_formats=US_DATE_FORMATS,
    ),
    "autotask": Preset(
        name="autotask",
        label="Autotask PSA: ticket search exported 'In Import Template Format'",
        columns={
            "Autotask Ticket Number (updates only)": "id",
            "Ticket Number": "id",
            "[required] Title": "title",
            "Title": "title",
            "Description": "description",
            "Resolution": "resolution",
            "[required] Status": "status",
            "Status": "status",
            "[required] Priority": "priority",
            "Priority": "priority",
            "Issue Type": "category",
            "[required] Company": "client",
            "Company": "client",
            "[required if no Queue] Primary Resource": "assignee",
            "Primary Resource": "assignee",
            "Completed By": "assignee",
            "Create Date/Time": "created_at",
            "Complete Date/Time": "closed_at",
        },
        time_unit="hours",
        confirmed=True,
        source_note=(
            "Headers of the Autotask ticket import template, which the Ticket Search page "
            "exports 'In Import Template Format' (Autotask help: "
            "autotask.net/help/content/4_admin/_UTILITIES_IMPORT/Ticket_Import.htm); the exact "
            "header row was found in a public PowerShell ticket-import script. Date format "
            "'10/10/2022 8:00 PM' per the Autotask import help. The plain names (Title, "
            "Status, Company, Ticket Number, ...) are unconfirmed aliases. The template has "
            "no worked-hours column."
        ),
        date_formats=US_DATE_FORMATS,
    ),
    "halopsa": Preset(
        name="halopsa",
        label="HaloPSA: ticket report exported to CSV",
        columns={
            "Ticket ID": "id",
            "faultid": "id",
            "Request ID": "id",
            "Summary": "title",
            "symptom": "title",
            "Details": "description",
            "symptom2": "description",
            "Description": "description",
            "Clearance Note": "resolution",
            "clearance": "resolution",
            "Status": "status",
            "Priority": "priority",
            "Category": "category",
            "category2": "category",
            "Client": "client",
            "Customer": "client",
            "Customer Name": "client",
            "Agent": "assignee",
            "Assigned Agent": "assignee",
            "Technician": "assignee",
            "Closed By": "assignee",
            "Date Opened": "created_at",
            "Date Logged": "created_at",
            "Date Occurred": "created_at",
            "dateoccured": "created_at",
            "Date Resolved": "resolved_at",
            "Date Closed": "closed_at",
            "datecleared": "closed_at",
            "Time Taken": "time_spent_minutes",
            "Time Taken To Date": "time_spent_minutes",
        },
        time_unit="hours",
        confirmed=True,
        source_note=(
            "HaloPSA's CSV export of a report uses the report's column aliases. The aliases "
            "and faults-table columns here (Ticket ID, Summary, Details, Client, Customer, "
            "Agent, Assigned Agent, Status, Priority, Category, Date Opened/Logged/Occurred, "
            "Date Resolved, Date Closed, Time Taken; faultid, symptom, symptom2, dateoccured, "
            "datecleared, timetaken in hours) were found in public HaloPSA report SQL. The "
            "closure-note columns (clearance, Clearance Note) are unconfirmed. Dates are "
            "read day-first (HaloPSA is UK-based) when not ISO 8601."
        ),
        date_formats=DAY_FIRST_DATE_FORMATS,
    ),
    "servicenow": Preset(
        name="servicenow",
        label="ServiceNow: incident list exported to CSV",
        columns={
            "number": "id",
            "short_description": "title",
            "Short description": "title",
            "description": "description",
            "close_notes": "resolution",
            "Resolution notes": "resolution",
            "state": "status",
            "priority": "priority",
            "category": "category",
            "company": "client",
            "assigned_to": "assignee",
            "Assigned to": "assignee",
            "opened_at": "created_at",
            "Opened": "created_at",
            "resolved_at": "resolved_at",
            "Resolved": "resolved_at",
            "closed_at": "closed_at",
            "Closed": "closed_at",
            "reopen_count": "reopen_count",
            "Reopen count": "reopen_count",
            "time_worked": "time_spent_minutes",
            "Time worked": "time_spent_minutes",
        },
        time_unit="minutes",
        confirmed=True,
        source_note=(
            "ServiceNow's CSV export writes field names as headers by default "
            "(glide.export.csv.column_header_label=false, ServiceNow docs 'System properties "
            "for display value and header'). Incident field names (number, short_description, "
            "description, close_notes, state, priority, category, assigned_to, opened_at, "
            "resolved_at, closed_at, reopen_count) were found in ServiceNow Table API code and "
            "responses; company and time_worked are standard task fields. The label headers "
            "(Short description, Resolution notes, Opened, ...) are unconfirmed aliases for "
            "instances that export labels."
        ),
        date_formats=("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", *US_DATE_FORMATS),
    ),
    "zendesk": Preset(
        name="zendesk",
        label="Zendesk Support: CSV data export",
        columns={
            "Id": "id",
            "Subject": "title",
            "Status": "status",
            "Priority": "priority",
            "Ticket type": "category",
            "Organization": "client",
            "Assignee": "assignee",
            "Created at": "created_at",
            "Solved at": "resolved_at",
            "Reopens": "reopen_count",
        },
        time_unit="minutes",
        confirmed=True,
        source_note=(
            "Header row of Zendesk's CSV export (export-*.csv: Summation column, Id, "
            "Requester, ..., Subject, Tags, Status, Priority, Via, Ticket type, Created at, "
            "Updated at, Assigned at, Organization, Due date, Initially assigned at, Solved "
            "at, Resolution time, Satisfaction Score, Group stations, Assignee stations, "
            "Reopens, Replies, ... time in minutes) found in two public scripts that read or "
            "reproduce that export. The CSV export carries no description, comments or time "
            "spent; 'Full resolution time in minutes' is elapsed time, not work time."
        ),
        date_formats=("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M"),
    ),
    "freshservice": Preset(
        name="freshservice",
        label="Freshservice: ticket export to CSV",
        columns={
            "Ticket Id": "id",
            "Subject": "title",
            "Description": "description",
            "Resolution Note": "resolution",
            "Status": "status",
            "Priority": "priority",
            "Category": "category",
            "Type": "category",
            "Department": "client",
            "Company": "client",
            "Customer": "client",
            "Agent": "assignee",
            "Created Time": "created_at",
            "Resolved Time": "resolved_at",
            "Closed Time": "closed_at",
            "Time tracked": "time_spent_minutes",
        },
        time_unit="hours",
        confirmed=False,
        source_note=(
            "Not confirmed for Freshservice itself. 'Ticket Id', 'Subject', 'Description', "
            "'Status', 'Priority', 'Customer', 'Agent', 'Created Time', 'Resolved Time' are the "
            "export labels of the Freshdesk helpdesk codebase (freshconsult, "
            "lib/helpdesk/ticket_model_extension.rb), from which Freshservice derives, which "
            "also exports closed time and time tracked. 'Closed Time', 'Time tracked' "
            "(hh:mm), 'Department', 'Category' and 'Resolution Note' are unconfirmed."
        ),
        date_formats=("%Y-%m-%d %H:%M:%S", *US_DATE_FORMATS),
    ),
}


def get_preset(name: str) -> Preset:
    """The preset called ``name``, or an error listing the ones that exist."""
    try:
        return PRESETS[name.strip().lower()]
    except KeyError:
        known = ", ".join(sorted(PRESETS))
        raise InvalidInput(f"Unknown preset {name!r}. Use one of: {known}.") from None


_MAX_MAPPING = 1024 * 1024  # characters of a mapping file
_MAPPING_KEYS = {"columns", "time_unit", "list_separator", "date_formats", "name", "label"}


def load_mapping(path: Path) -> Preset:
    """Read a ``--mapping`` file (JSON or YAML) into a Preset, or explain what is wrong."""
    path = Path(path)
    data = _read_mapping_file(path)
    return mapping_to_preset(data, origin=str(path))


def mapping_to_preset(data: Any, origin: str = "mapping") -> Preset:
    """Validate a parsed mapping document and build its Preset."""

    def fail(problem: str) -> InvalidInput:
        return InvalidInput(f"Mapping file {origin}: {problem}")

    if not isinstance(data, dict):
        raise fail('expected an object such as {"columns": {"Ticket #": "id", ...}}.')
    unknown = sorted(set(map(str, data)) - _MAPPING_KEYS)
    if unknown:
        allowed = ", ".join(sorted(_MAPPING_KEYS))
        raise fail(f"unknown key(s) {', '.join(unknown)}; allowed keys are {allowed}.")
    columns = data.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise fail('"columns" must be a non-empty object of source column -> canonical field.')
    for source, target in columns.items():
        if not isinstance(source, str) or not source.strip():
            raise fail(f"column names must be non-empty text, got {source!r}.")
        if target not in CANONICAL_FIELDS:
            raise fail(
                f"column {source!r} maps to {target!r}, which is not a canonical field; "
                f"use one of {', '.join(CANONICAL_FIELDS)}."
            )
    mapped = set(columns.values())
    missing = [name for name in ("id", "title") if name not in mapped]
    if missing:
        raise fail(f"no column maps to the required field(s) {', '.join(missing)}.")
    time_unit = data.get("time_unit", "minutes")
    if time_unit not in TIME_UNITS:
        raise fail(f'"time_unit" must be "minutes" or "hours", got {time_unit!r}.')
    separator = data.get("list_separator", ";")
    if not isinstance(separator, str) or not separator:
        raise fail('"list_separator" must be a non-empty string such as ";".')
    formats = data.get("date_formats", [])
    if not isinstance(formats, list) or not all(
        isinstance(item, str) and "%" in item for item in formats
    ):
        raise fail('"date_formats" must be a list of strptime formats such as "%d.%m.%Y %H:%M".')
    for key in ("name", "label"):
        if key in data and not isinstance(data[key], str):
            raise fail(f'"{key}" must be text.')
    return Preset(
        name=str(data.get("name", "mapping"))[:50],  # tickets.source is String(50)
        label=str(data.get("label", f"custom mapping from {origin}")),
        columns={str(source): str(target) for source, target in columns.items()},
        time_unit=time_unit,
        list_separator=separator,
        confirmed=False,
        source_note=f"user mapping file {origin}",
        date_formats=tuple(formats),
    )


def _read_mapping_file(path: Path) -> Any:
    suffix = path.suffix.lower()
    if suffix not in {".json", ".yaml", ".yml"}:
        raise InvalidInput(f"Mapping file {path}: use a .json, .yaml or .yml file.")
    try:
        if path.stat().st_size > _MAX_MAPPING:
            raise InvalidInput(f"Mapping file {path} is over 1 MiB; a mapping is a few lines.")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidInput(f"Mapping file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInput(f"Mapping file {path} cannot be read: {error}.") from None
    if suffix != ".json":
        return safeyaml.load(text, what=f"Mapping file {path}", max_chars=_MAX_MAPPING)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInput(
            f"Mapping file {path}: invalid JSON at line {error.lineno}, column {error.colno}: "
            f"{error.msg}."
        ) from None
    except (ValueError, RecursionError) as error:
        raise InvalidInput(f"Mapping file {path}: invalid JSON: {error}.") from None
