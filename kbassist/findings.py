"""A finding: which rule fired, how severe it is, what is wrong and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Ordered from most to least severe; ``blocking`` means "do not close or publish
# until this is fixed" (secrets and personal data).
SEVERITIES = ("blocking", "major", "minor", "info")


@dataclass(frozen=True)
class Finding:
    """One problem found in a note or article, in words a technician can act on."""

    rule: str
    severity: str
    message: str
    suggestion: str
    criterion: str | None = None

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}; use one of {SEVERITIES}")

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape used by the CLI, the API and the stored scores."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
            "criterion": self.criterion,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        """Rebuild a finding from its stored JSON shape."""
        return cls(
            rule=str(data["rule"]),
            severity=str(data["severity"]),
            message=str(data.get("message", "")),
            suggestion=str(data.get("suggestion", "")),
            criterion=data.get("criterion"),
        )


def sort_findings(findings: list[Finding] | tuple[Finding, ...]) -> tuple[Finding, ...]:
    """Most severe first; stable within a severity so output stays deterministic."""
    return tuple(sorted(findings, key=lambda finding: SEVERITIES.index(finding.severity)))
