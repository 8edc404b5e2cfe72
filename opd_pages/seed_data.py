"""Read and validate the data files that describe Kota Bekasi's agencies.

Every entry is checked before anything is written, so a bad file stops the
load with a message naming the file, the entry and the field, and leaves the
database as it was.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from .models import OPDKind

DATA_DIR = Path(__file__).resolve().parent / "data"
OPD_FILE = "opd-kota-bekasi.json"
SERVICE_FILE = "layanan-publik.json"
REGION_FILE = "regions-kota-bekasi.json"

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class DataFileError(Exception):
    """A data file is missing, unreadable or has an invalid entry."""


@dataclass
class SeedData:
    regions: dict
    opds: list[dict]
    services: list[dict]


class _EntryChecker:
    """Collects checks on one entry and reports the first failure with its location."""

    def __init__(self, path: Path, index: int, entry: object):
        self.path = path
        self.index = index
        self.entry = entry
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        self.label = f"entry {index}" + (f" (id {entry_id!r})" if entry_id else "")

    def fail(self, field: str, problem: str) -> None:
        raise DataFileError(
            f"{self.path}: {self.label}: field {field!r} {problem}. "
            "Fix the entry in the data file and run bootstrap again."
        )

    def require_str(self, field: str, optional: bool = False) -> None:
        value = self.entry.get(field)
        if value is None and optional:
            return
        if not isinstance(value, str) or not value.strip():
            self.fail(field, f"must be a non-empty string, got {value!r}")

    def require_str_list(self, field: str, optional: bool = False) -> None:
        value = self.entry.get(field)
        if value is None and optional:
            return
        if not isinstance(value, list) or not all(
            isinstance(item, str) and item.strip() for item in value
        ):
            self.fail(field, f"must be a list of non-empty strings, got {value!r}")

    def require_format(self, field: str, validator, example: str) -> None:
        value = self.entry.get(field)
        if value is None:
            return
        try:
            validator(value)
        except ValidationError:
            self.fail(field, f"must look like {example!r}, got {value!r}")

    def require_slug(self, field: str) -> None:
        self.require_str(field)
        if not SLUG_PATTERN.match(self.entry[field]):
            self.fail(
                field,
                f"must be a lowercase slug such as 'ktp-el', got {self.entry[field]!r}",
            )


def read_json(path: Path) -> dict:
    """Load one JSON data file, turning I/O and syntax errors into DataFileError."""
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise DataFileError(f"{path}: file not found. Restore it from the repository.")
    except json.JSONDecodeError as error:
        raise DataFileError(
            f"{path}: invalid JSON at line {error.lineno} column {error.colno}: "
            f"{error.msg}. Fix the syntax and run bootstrap again."
        )
    if not isinstance(data, dict) or not isinstance(data.get("items", []), list):
        raise DataFileError(f"{path}: expected an object with an 'items' list.")
    return data


def _entries(path: Path, data: dict, key: str = "items"):
    for index, entry in enumerate(data.get(key, [])):
        if not isinstance(entry, dict):
            raise DataFileError(
                f"{path}: entry {index}: expected an object, got {entry!r}."
            )
        yield _EntryChecker(path, index, entry)


def validate_regions(path: Path, data: dict) -> set[str]:
    """Check the regions file and return the set of kecamatan codes it defines."""
    codes = set()
    for district in _entries(path, data, "districts"):
        district.require_str("code")
        district.require_str("name")
        villages = district.entry.get("villages")
        if not isinstance(villages, list):
            district.fail("villages", f"must be a list, got {villages!r}")
        for village_index, village in enumerate(villages):
            checker = _EntryChecker(path, village_index, village)
            checker.label = f"{district.label} village {village_index}"
            checker.require_str("code")
            checker.require_str("name")
        codes.add(district.entry["code"])
    return codes


def validate_opds(path: Path, data: dict, region_codes: set[str]) -> set[str]:
    """Check the OPD file and return the set of OPD ids it defines."""
    kinds = {choice.value for choice in OPDKind}
    seen: set[str] = set()
    abbreviations: set[str] = set()
    for opd in _entries(path, data):
        opd.require_slug("id")
        opd.require_str("name")
        opd.require_str("full_name")
        opd.require_str_list("abbreviations")
        if not opd.entry["abbreviations"]:
            opd.fail("abbreviations", "must list at least one abbreviation")
        if opd.entry.get("category") not in kinds:
            opd.fail(
                "category",
                f"must be one of {', '.join(sorted(kinds))}, got {opd.entry.get('category')!r}",
            )
        for field in ("address", "website", "phone", "email"):
            opd.require_str(field, optional=True)
        opd.require_format(
            "website", URLValidator(), "https://example.bekasikota.go.id"
        )
        opd.require_format("email", EmailValidator(), "info@bekasikota.go.id")
        opd.require_str_list("government_affairs", optional=True)
        if opd.entry["category"] == OPDKind.KECAMATAN:
            if opd.entry.get("region_code") not in region_codes:
                opd.fail(
                    "region_code",
                    f"must name a kecamatan code of {REGION_FILE}, "
                    f"got {opd.entry.get('region_code')!r}",
                )
        if opd.entry["id"] in seen:
            opd.fail("id", "is used by an earlier entry; ids must be unique")
        abbreviation = opd.entry["abbreviations"][0]
        if abbreviation in abbreviations:
            opd.fail(
                "abbreviations", f"first abbreviation {abbreviation!r} is not unique"
            )
        seen.add(opd.entry["id"])
        abbreviations.add(abbreviation)
    return seen


def validate_services(path: Path, data: dict, opd_ids: set[str]) -> None:
    """Check the public service file against the OPD ids it refers to."""
    seen: set[str] = set()
    for service in _entries(path, data):
        service.require_slug("id")
        service.require_str("name")
        for field in ("requirements", "procedure", "legal_basis"):
            service.require_str_list(field)
        service.require_str_list("aliases", optional=True)
        service.require_str_list("payment_channels", optional=True)
        for field in ("service_time", "cost", "product", "service_hours"):
            service.require_str(field, optional=True)
        if service.entry.get("responsible_opd_id") not in opd_ids:
            service.fail(
                "responsible_opd_id",
                f"must name an OPD id of {OPD_FILE}, "
                f"got {service.entry.get('responsible_opd_id')!r}",
            )
        for related in service.entry.get("related_opd_ids", []):
            if related not in opd_ids:
                service.fail("related_opd_ids", f"names unknown OPD id {related!r}")
        channels = service.entry.get("complaint_channels", [])
        if not isinstance(channels, list) or not all(
            isinstance(channel, dict) and channel.get("name") for channel in channels
        ):
            service.fail(
                "complaint_channels", "must be a list of objects with a 'name'"
            )
        if service.entry["id"] in seen:
            service.fail("id", "is used by an earlier entry; ids must be unique")
        seen.add(service.entry["id"])


def load_seed_data(data_dir: Path = DATA_DIR) -> SeedData:
    """Read and validate all three data files; raise DataFileError on the first problem."""
    data_dir = Path(data_dir)
    regions = read_json(data_dir / REGION_FILE)
    opds = read_json(data_dir / OPD_FILE)
    services = read_json(data_dir / SERVICE_FILE)
    region_codes = validate_regions(data_dir / REGION_FILE, regions)
    opd_ids = validate_opds(data_dir / OPD_FILE, opds, region_codes)
    validate_services(data_dir / SERVICE_FILE, services, opd_ids)
    return SeedData(regions=regions, opds=opds["items"], services=services["items"])
