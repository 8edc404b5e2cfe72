"""Kecamatan (districts) and kelurahan (villages) of Kota Bekasi."""

from __future__ import annotations

from typing import Any

import strawberry


@strawberry.type(description="A village-level area (kelurahan) inside one kecamatan.")
class Kelurahan:
    code: str = strawberry.field(description="Kemendagri code.")
    name: str
    postal_code: str
    alt_names: list[str] = strawberry.field(description="Other spellings in use.")


@strawberry.type(description="A district (kecamatan) of the city.")
class Kecamatan:
    code: str = strawberry.field(description="Kemendagri code.")
    name: str
    bps_code: str = strawberry.field(description="Statistics Indonesia (BPS) code.")

    @strawberry.field(description="Kelurahan in this kecamatan, by code.")
    def kelurahan(self, root: strawberry.Parent[Any]) -> list[Kelurahan]:
        return list(root.kelurahan.all())
