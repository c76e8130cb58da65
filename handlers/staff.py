"""Coordinator and admin commands that read across sellers, scoped by district."""

from __future__ import annotations

import asyncio
import logging
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from chat.replies import Attachment, Reply
from flows.product import facts_from
from flows.registration import district_label
from services import places
from services.access import Viewer
from services.catalogue import ExportRow, Listing
from services.exports import write_amazon_xlsx, write_ebay_csv, write_photos_zip

if TYPE_CHECKING:
    from handlers.router import Router, Turn

log = logging.getLogger(__name__)

# Telegram bots may upload documents up to 50 MB; photo archives are split below that.
ZIP_PART_BYTES = 45 * 1024 * 1024
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def scope(
    viewer: Viewer, asked: str, locale: str = "en"
) -> tuple[frozenset[str] | None, Reply | None]:
    """The districts a staff member's request covers (None: all), or why it is refused."""
    asked = asked.strip()
    if asked:
        match = places.match_district(asked)
        if match.district is None:
            return None, Reply("staff-unknown-district")
        code = match.district.code
        if not viewer.is_admin and code not in viewer.districts:
            return None, Reply("staff-not-your-district", {"district": match.district.name(locale)})
        return frozenset({code}), None
    return (None if viewer.is_admin else viewer.districts), None


async def staff_request(turn: Turn, args: str) -> tuple[Viewer, frozenset[str] | None] | None:
    """The staff member and the districts their command asks for (None: all); None when
    refused, the polite refusal already said."""
    viewer = await turn.viewer()
    if not viewer.is_staff:
        turn.replies.append(Reply("staff-only"))
        return None
    districts, refusal = scope(viewer, args, turn.ctx.locale)
    if refusal is not None:
        turn.replies.append(refusal)
        return None
    return viewer, districts


async def audit_read(
    turn: Turn,
    viewer: Viewer,
    action: str,
    districts: frozenset[str] | None,
    count: int,
    **detail: object,
) -> None:
    """Write a read across sellers to the audit log: who, what, which districts (* = all),
    how many, and any further detail (stage, page)."""
    parts = [f"districts={','.join(sorted(districts or ['*']))}"]
    parts += [f"{key}={value}" for key, value in detail.items()]
    await turn.repo.audit.write(viewer.user_id, None, action, " ".join([*parts, f"n={count}"]))


async def export(router: Router, turn: Turn, args: str) -> None:
    if (request := await staff_request(turn, args)) is None:
        return
    viewer, districts = request
    rows: list[ExportRow] = []
    async for batch in turn.repo.products.ready_for_export(districts):
        for product, seller in batch:
            data = {
                "sku": product.sku,
                "district": seller.district,
                "brand": seller.business_name or seller.name,
            }
            rows.append(
                ExportRow(
                    facts=facts_from(product.answers, data),
                    listing=Listing(**(product.listing or {})),
                    seller_id=seller.user_id,
                    seller_name=seller.name,
                    photos=tuple(Path(p.path) for p in product.photos),
                    status=product.status,
                )
            )
    names = ", ".join(district_label(d, turn.ctx.locale) for d in sorted(districts or ()))
    await audit_read(turn, viewer, "export", districts, len(rows))
    if not rows:
        turn.replies.append(Reply("export-empty"))
        return
    base = router.image_base_url

    async def build() -> list[Reply]:
        directory = Path(tempfile.mkdtemp(prefix="export-", dir=router.exports_dir()))
        return await asyncio.to_thread(_write_files, rows, directory, base)

    turn.later.append(build)
    turn.replies.append(
        Reply("export-started", {"count": len(rows), "districts": names or Reply("export-all")})
    )


def _write_files(rows: list[ExportRow], directory: Path, image_base_url: str) -> list[Reply]:
    """The three files; image columns name the photos as the zip does (under the base URL)."""
    amazon = directory / "amazon-inventory.xlsx"
    ebay = directory / "ebay-file-exchange.csv"
    write_amazon_xlsx(rows, amazon, image_url=image_base_url)
    write_ebay_csv(rows, ebay, image_url=image_base_url)
    replies = [
        Reply(
            "export-amazon",
            attachment=Attachment(amazon.name, mime_type=XLSX_MIME, path=str(amazon)),
        ),
        Reply(
            "export-ebay", attachment=Attachment(ebay.name, mime_type="text/csv", path=str(ebay))
        ),
    ]
    parts = _split_by_size(rows)
    for number, part in enumerate(parts, 1):
        archive = directory / (f"photos-{number}.zip" if len(parts) > 1 else "photos.zip")
        write_photos_zip(part, archive)
        replies.append(
            Reply(
                "export-photos",
                {"part": number, "parts": len(parts)},
                attachment=Attachment(archive.name, mime_type="application/zip", path=str(archive)),
            )
        )
    return replies


def _split_by_size(rows: list[ExportRow]) -> list[list[ExportRow]]:
    """Groups of products whose photos fit one upload each."""
    parts: list[list[ExportRow]] = [[]]
    size = 0
    for row in rows:
        row_bytes = sum(p.stat().st_size for p in row.photos if p.is_file())
        if parts[-1] and size + row_bytes > ZIP_PART_BYTES:
            parts.append([])
            size = 0
        parts[-1].append(row)
        size += row_bytes
    return parts
