"""A seller's catalogue (/addproduct, /products: open, edit, add photos, delete, the xlsx) and
the coordinators' marketplace files (Amazon sheet, eBay CSV, photo zips)."""

from __future__ import annotations

import asyncio
import dataclasses
import tempfile
from collections.abc import Sequence
from pathlib import Path

from chat import callbacks
from chat.replies import Attachment, Choice, Reply, rows
from flows.eligibility import carried_answers, prohibited
from flows.engine import REVIEW
from flows.product import (
    PRODUCT,
    PRODUCT_DELETE,
    listing_reply,
    product,
    product_data,
    product_delete,
)
from handlers.feature import Audience, Button, Command, Feature, MenuEntry, Role
from handlers.turn import Turn
from services.catalogue import ExportRow, Listing, export_row, product_name
from services.exports import (
    SELLER_COLUMNS,
    SELLER_LABELS,
    MarketTerms,
    write_amazon_xlsx,
    write_ebay_csv,
    write_photos_zip,
    write_seller_catalogue_xlsx,
)
from services.ids import parse_id
from services.listing import compose_listing
from services.photos import thumbnail_for
from services.places import district_names
from services.text import localise_digits
from services.when import day_text
from storage.records import ProductRecord, SellerRecord

# One screen of a phone: the list shows this many products with an album of their thumbnails.
PAGE = 10
DRAFTS_IN_MENU = 2
DRAFTS_OFFERED = 3
# Telegram bots may upload documents up to 50 MB; photo archives are split below that.
ZIP_PART_BYTES = 45 * 1024 * 1024
# An exchange rate older than this is flagged in the export message.
RATE_MAX_AGE_DAYS = 14
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def _drafts(turn: Turn, seller: SellerRecord) -> list[ProductRecord]:
    return [p for p in await turn.repo.products.of_seller(seller.user_id) if p.status == "draft"]


# --- adding ------------------------------------------------------------------------------------


async def add_product(turn: Turn, args: str) -> None:
    seller = await turn.seller()
    assert seller is not None
    if turn.dialogue.flow == PRODUCT:  # an unfinished product: continue it
        turn.dialogue.resume()
        return
    drafts = await _drafts(turn, seller)
    if drafts and args.strip().lower() != "new":
        buttons = [
            Choice(
                callbacks.PRODUCT_RESUME.data(p.id),
                key="btn-prod-resume",
                args={"name": product_name(p, turn.locale)},
            )
            for p in drafts[:DRAFTS_OFFERED]
        ]
        buttons.append(Choice(callbacks.PRODUCT_NEW.data(), key="btn-prod-new"))
        turn.say(Reply("prod-drafts-waiting", choices=rows(buttons)))
        return
    await start_new(turn, seller)


async def start_new(turn: Turn, seller: SellerRecord) -> None:
    product_id = await turn.repo.products.create(seller.user_id, seller.district, {})
    made = await turn.repo.products.get(product_id)
    assert made is not None
    authorised = await gi_authorised(turn, seller.user_id)
    turn.dialogue.start(PRODUCT, data=product_data(made, seller, gi_authorised=authorised))


async def gi_authorised(turn: Turn, seller_id: int) -> bool:
    """Whether the seller said, in an export check this financial year, that they are a
    registered authorised user of their craft's GI (only then does a listing use its name)."""
    latest = await turn.repo.checks.latest_of_seller(seller_id)
    if latest is None:
        return False
    carried = carried_answers(latest.answers, latest.checked_at, turn.now, turn.zone)
    return carried.get("gi_user") == "yes"


async def drafts_in_menu(turn: Turn) -> Sequence[Choice]:
    """Unfinished products to continue, first in a seller's menu."""
    seller = await turn.seller()
    if seller is None:
        return ()
    return [
        Choice(
            callbacks.PRODUCT_RESUME.data(p.id),
            key="menu-finish-draft",
            args={"name": product_name(p, turn.locale)},
        )
        for p in (await _drafts(turn, seller))[:DRAFTS_IN_MENU]
    ]


# --- the list and one product -------------------------------------------------------------------


async def list_products(turn: Turn, page: int = 0) -> None:
    seller = await turn.seller()
    assert seller is not None
    products = await turn.repo.products.of_seller(seller.user_id)
    if not products:
        new = Choice(callbacks.PRODUCT_NEW.data(), key="btn-add-product")
        turn.say(Reply("prod-none", choices=((new,),)))
        return
    shown = products[page * PAGE : (page + 1) * PAGE]
    thumbs = tuple(thumbnail_for(p.photos[0].path) for p in shown if p.photos)
    buttons = [
        Choice(
            callbacks.PRODUCT_VIEW.data(p.id),
            key="btn-prod-item",
            args={
                "n": page * PAGE + i + 1,
                "name": product_name(p, turn.locale),
                "status": Reply(f"prod-status-{p.status}"),
            },
        )
        for i, p in enumerate(shown)
    ]
    nav = []
    if page > 0:
        nav.append(Choice(callbacks.PRODUCT_PAGE.data(page - 1), key="btn-prev"))
    if (page + 1) * PAGE < len(products):
        nav.append(Choice(callbacks.PRODUCT_PAGE.data(page + 1), key="btn-next"))
    laid = [*rows(buttons), *((tuple(nav),) if nav else ())]
    laid.append((Choice(callbacks.PRODUCT_XLSX.data(), key="btn-catalogue-xlsx"),))
    laid.append((Choice(callbacks.PRODUCT_NEW.data(), key="btn-add-product"),))
    if len(thumbs) > 1:  # an album of thumbnails, numbered like the buttons below it
        turn.say(Reply(photos=thumbs))
        thumbs = ()
    turn.say(Reply("prod-list", {"count": len(products)}, choices=tuple(laid), photos=thumbs))


async def products_command(turn: Turn, args: str) -> None:
    if turn.dialogue.active:
        turn.dialogue.pause()
    await list_products(turn)


async def view_product(turn: Turn, record: ProductRecord) -> None:
    listing = Listing(**record.listing) if record.listing else None
    buttons = (
        (Choice(callbacks.PRODUCT_EDIT.data(record.id), key="btn-prod-edit"),),
        (Choice(callbacks.PRICE_PRODUCT.data(record.id), key="btn-price"),),
        (Choice(callbacks.PRODUCT_PHOTOS.data(record.id), key="btn-prod-photos"),),
        (Choice(callbacks.PRODUCT_DELETE.data(record.id), key="btn-prod-delete"),),
        (Choice(callbacks.PRODUCT_LIST.data(), key="btn-my-products"),),
    )
    turn.say(
        Reply(
            "prod-card",
            {
                "name": product_name(record, turn.locale),
                "sku": record.sku,
                "status": Reply(f"prod-status-{record.status}"),
                "photos": len(record.photos),
            },
            parts=(listing_reply(listing),) if listing else (),
            photos=(record.photos[0].path,) if record.photos else (),
        ),
        Reply("prod-card-actions", choices=buttons),
    )


async def _owned(turn: Turn, parts: tuple[str, ...]) -> ProductRecord | None:
    """The product, only when it is this seller's: ids in buttons can be forged or stale."""
    wanted = parse_id(parts[0]) if len(parts) == 1 else None
    if wanted is None:
        return None
    found = await turn.repo.products.get(wanted)
    if found is None or found.seller_id != turn.user_id:
        return None
    return found


async def _gone(turn: Turn) -> None:
    turn.say(Reply("prod-gone"))
    await turn.dialogue.reprompt()


# --- the buttons: prod:<action>[:<id>] -----------------------------------------------------------


async def new_button(turn: Turn, parts: tuple[str, ...]) -> None:
    seller = await turn.seller()
    assert seller is not None
    turn.dialogue.pause()
    await start_new(turn, seller)


async def list_button(turn: Turn, parts: tuple[str, ...]) -> None:
    await list_products(turn)


async def page_button(turn: Turn, parts: tuple[str, ...]) -> None:
    number = parts[0] if len(parts) == 1 else ""
    if number.isascii() and number.isdigit() and len(number) < 5:
        await list_products(turn, int(number))
    else:
        await _gone(turn)


async def view_button(turn: Turn, parts: tuple[str, ...]) -> None:
    if (found := await _owned(turn, parts)) is None:
        await _gone(turn)
        return
    await view_product(turn, found)


async def open_button(turn: Turn, parts: tuple[str, ...], at: str) -> None:
    """Continue, change or add photos to one of one's products: its flow, at that point."""
    seller = await turn.seller()
    found = await _owned(turn, parts)
    if found is None or seller is None:
        await _gone(turn)
        return
    turn.dialogue.pause()
    data = product_data(found, seller, gi_authorised=await gi_authorised(turn, seller.user_id))
    answers = dict(found.answers)
    if at == "resume":
        at = turn.dialogue.first_unanswered(PRODUCT, answers)
    elif at == "photos":
        data["editing"] = True
    turn.dialogue.start(PRODUCT, answers=answers, at=at, data=data)


async def resume_button(turn: Turn, parts: tuple[str, ...]) -> None:
    await open_button(turn, parts, "resume")


async def edit_button(turn: Turn, parts: tuple[str, ...]) -> None:
    await open_button(turn, parts, REVIEW)


async def photos_button(turn: Turn, parts: tuple[str, ...]) -> None:
    await open_button(turn, parts, "photos")


async def delete_button(turn: Turn, parts: tuple[str, ...]) -> None:
    if (found := await _owned(turn, parts)) is None:
        await _gone(turn)
        return
    turn.dialogue.pause()
    turn.dialogue.start(PRODUCT_DELETE, data={"product_id": found.id, "sku": found.sku})


async def xlsx_button(turn: Turn, parts: tuple[str, ...]) -> None:
    seller = await turn.seller()
    assert seller is not None
    products = await turn.repo.products.of_seller(seller.user_id)
    if not products:
        turn.say(Reply("prod-none"))
        return
    locale, words = turn.locale, turn.options.words
    headers = {column: words(f"xlsx-{column}", locale, None) for column in SELLER_COLUMNS}
    labels = {word: words(f"xlsx-word-{word}", locale, None) for word in SELLER_LABELS}
    sheet = [export_row(p, seller, marketplace=False) for p in products]
    directory = Path(tempfile.mkdtemp(prefix="catalogue-", dir=turn.options.exports_dir()))
    path = directory / f"catalogue-{seller.user_id}.xlsx"
    await asyncio.to_thread(
        write_seller_catalogue_xlsx, sheet, path, locale=locale, headers=headers, labels=labels
    )
    turn.say(
        Reply(
            "prod-catalogue-file",
            {"count": len(products)},
            attachment=Attachment(path.name, mime_type=XLSX_MIME, path=str(path)),
        )
    )


# --- the coordinators' marketplace files --------------------------------------------------------


def without_gi(row: ExportRow) -> ExportRow:
    """The row's listing composed again without the GI name (saved before the rule, or the
    seller's answer, said otherwise)."""
    facts = dataclasses.replace(row.facts, gi_authorised=False)
    return dataclasses.replace(row, facts=facts, listing=compose_listing(facts))


async def export_catalogue(turn: Turn) -> None:
    """The ready products of the request's districts as Amazon and eBay files, photos zipped."""
    staff = turn.staff
    assert staff is not None
    sheet: list[ExportRow] = []
    left_out: list[Reply] = []
    authorised: dict[int, bool] = {}
    today = turn.now.astimezone(turn.zone).date()
    async for batch in turn.repo.products.ready_for_export(staff.districts):
        for found, seller in batch:
            banned = prohibited(found.answers, seller.district, today)
            row = export_row(found, seller)
            if row.listing.gi_tagged:  # the GI name only for a registered authorised user
                if seller.user_id not in authorised:
                    authorised[seller.user_id] = await gi_authorised(turn, seller.user_id)
                if not authorised[seller.user_id]:
                    row = without_gi(row)
            if banned is not None:  # not exportable at all (peacock feathers, ivory)
                reason = Reply(banned.reason)
            elif not row.photos:  # every photo blurred, dark or small: none fit to lead
                reason = Reply("export-no-good-photo")
            else:
                sheet.append(row)
                continue
            left_out.append(Reply("export-left-out-line", {"sku": found.sku, "reason": reason}))
    staff.read("export", len(sheet))
    if left_out:
        turn.say(Reply("export-left-out", {"count": len(left_out)}, parts=tuple(left_out[:20])))
    if not sheet:
        turn.say(Reply("export-empty"))
        return
    base = turn.options.image_base_url
    market = turn.options.market
    exports = turn.options.exports_dir

    async def build() -> list[Reply]:
        directory = Path(tempfile.mkdtemp(prefix="export-", dir=exports()))
        return await asyncio.to_thread(_write_files, sheet, directory, base, market)

    turn.later.append(build)
    names = district_names(sorted(staff.districts or ()), turn.locale)
    rate = localise_digits(f"{market.inr_per_usd:.2f}", turn.locale)
    notes = [Reply("export-rate", {"rate": rate, "date": day_text(market.rate_date, turn.locale)})]
    age = (turn.ctx.now.astimezone(turn.ctx.zone).date() - market.rate_date).days
    if age > RATE_MAX_AGE_DAYS:
        notes.append(Reply("export-rate-old", {"days": age}))
    turn.say(
        Reply(
            "export-started",
            {"count": len(sheet), "districts": names or Reply("export-all")},
            parts=tuple(notes),
        )
    )


def _write_files(
    sheet: list[ExportRow], directory: Path, image_base_url: str, market: MarketTerms
) -> list[Reply]:
    """The three files; image columns name the photos as the zip does (under the base URL)."""
    amazon = directory / "amazon-inventory.xlsx"
    ebay = directory / "ebay-file-exchange.csv"
    write_amazon_xlsx(sheet, amazon, image_url=image_base_url, terms=market)
    write_ebay_csv(sheet, ebay, image_url=image_base_url, terms=market)
    replies = [
        Reply(
            "export-amazon",
            attachment=Attachment(amazon.name, mime_type=XLSX_MIME, path=str(amazon)),
        ),
        Reply(
            "export-ebay", attachment=Attachment(ebay.name, mime_type="text/csv", path=str(ebay))
        ),
    ]
    parts = _split_by_size(sheet)
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


def _split_by_size(sheet: list[ExportRow]) -> list[list[ExportRow]]:
    """Groups of products whose photos fit one upload each."""
    parts: list[list[ExportRow]] = [[]]
    size = 0
    for row in sheet:
        row_bytes = sum(p.stat().st_size for p in row.photos if p.is_file())
        if parts[-1] and size + row_bytes > ZIP_PART_BYTES:
            parts.append([])
            size = 0
        parts[-1].append(row)
        size += row_bytes
    return parts


FEATURE = Feature(
    "catalogue",
    flows=(product, product_delete),
    commands=(
        Command(
            "addproduct", add_product, role=Role.SELLER, listed=True, help="help-cmd-addproduct"
        ),
        Command(
            "products", products_command, role=Role.SELLER, listed=True, help="help-cmd-products"
        ),
    ),
    buttons=(
        Button((callbacks.PRODUCT_NEW,), new_button, Role.SELLER),
        Button((callbacks.PRODUCT_LIST,), list_button, Role.SELLER),
        Button((callbacks.PRODUCT_PAGE,), page_button, Role.SELLER),
        Button((callbacks.PRODUCT_XLSX,), xlsx_button, Role.SELLER),
        Button((callbacks.PRODUCT_VIEW,), view_button, Role.SELLER),
        Button((callbacks.PRODUCT_RESUME,), resume_button, Role.SELLER),
        Button((callbacks.PRODUCT_EDIT,), edit_button, Role.SELLER),
        Button((callbacks.PRODUCT_PHOTOS,), photos_button, Role.SELLER),
        Button((callbacks.PRODUCT_DELETE,), delete_button, Role.SELLER),
    ),
    menu=(
        drafts_in_menu,
        MenuEntry("addproduct", "menu-addproduct", Audience.SELLER),
        MenuEntry("products", "menu-products", Audience.SELLER),
    ),
)
