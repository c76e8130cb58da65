"""A seller's catalogue: /addproduct, /products, opening, editing and deleting a product."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chat.replies import Attachment, Choice, Reply, rows
from flows.product import PRODUCT, PRODUCT_DELETE, facts_from, listing_reply, product_label
from services.catalogue import ExportRow, Listing
from services.exports import SELLER_COLUMNS, SELLER_LABELS, write_seller_catalogue_xlsx
from services.ids import parse_id
from services.photos import thumbnail_for
from storage.records import ProductRecord, SellerRecord

if TYPE_CHECKING:
    from handlers.router import Router, Turn

# One screen of a phone: the list shows this many products with an album of their thumbnails.
PAGE = 10


def product_data(product: ProductRecord, seller: SellerRecord) -> dict[str, Any]:
    """What the product flow keeps beside the answers: ids and facts from the profile."""
    return {
        "product_id": product.id,
        "sku": product.sku,
        "district": seller.district,
        "brand": seller.business_name or seller.name,
        "seller_craft": seller.craft_id,
        "photo_count": len(product.photos),
    }


def product_name(product: ProductRecord, locale: str) -> str:
    return product_label(product.answers, product.sku, locale)


async def add_product(router: Router, turn: Turn, args: str) -> None:
    seller = await turn.repo.sellers.get(turn.user.user_id)
    if seller is None:
        turn.replies.append(Reply("prod-register-first"))
        return
    state = turn.ctx.state
    if state is not None and state.flow == PRODUCT:  # an unfinished product: continue it
        turn.replies += router.engine.resume(turn.ctx)
        return
    drafts = [p for p in await turn.repo.products.of_seller(seller.user_id) if p.status == "draft"]
    if drafts and args != "new":
        buttons = [
            Choice(
                f"prod:resume:{p.id}",
                key="btn-prod-resume",
                args={"name": product_name(p, turn.ctx.locale)},
            )
            for p in drafts[:3]
        ]
        buttons.append(Choice("prod:new", key="btn-prod-new"))
        turn.replies.append(Reply("prod-drafts-waiting", choices=rows(buttons)))
        return
    await start_new(router, turn, seller)


async def start_new(router: Router, turn: Turn, seller: SellerRecord) -> None:
    product_id = await turn.repo.products.create(seller.user_id, seller.district, {})
    product = await turn.repo.products.get(product_id)
    assert product is not None
    turn.replies += router.engine.start(turn.ctx, PRODUCT, data=product_data(product, seller))


async def list_products(router: Router, turn: Turn, page: int = 0) -> None:
    seller = await turn.repo.sellers.get(turn.user.user_id)
    if seller is None:
        turn.replies.append(Reply("prod-register-first"))
        return
    products = await turn.repo.products.of_seller(seller.user_id)
    if not products:
        turn.replies.append(
            Reply("prod-none", choices=((Choice("prod:new", key="btn-add-product"),),))
        )
        return
    shown = products[page * PAGE : (page + 1) * PAGE]
    thumbs = tuple(thumbnail_for(p.photos[0].path) for p in shown if p.photos)
    locale = turn.ctx.locale
    buttons = [
        Choice(
            f"prod:view:{p.id}",
            key="btn-prod-item",
            args={
                "n": page * PAGE + i + 1,
                "name": product_name(p, locale),
                "status": Reply(f"prod-status-{p.status}"),
            },
        )
        for i, p in enumerate(shown)
    ]
    nav = []
    if page > 0:
        nav.append(Choice(f"prod:page:{page - 1}", key="btn-prev"))
    if (page + 1) * PAGE < len(products):
        nav.append(Choice(f"prod:page:{page + 1}", key="btn-next"))
    laid = [*rows(buttons), *((tuple(nav),) if nav else ())]
    laid.append((Choice("prod:xlsx", key="btn-catalogue-xlsx"),))
    laid.append((Choice("prod:new", key="btn-add-product"),))
    if len(thumbs) > 1:  # an album of thumbnails, numbered like the buttons below it
        turn.replies.append(Reply(photos=thumbs))
        thumbs = ()
    turn.replies.append(
        Reply("prod-list", {"count": len(products)}, choices=tuple(laid), photos=thumbs)
    )


async def _owned(turn: Turn, product_id: str) -> ProductRecord | None:
    """The product, only when it is this seller's: ids in buttons can be forged or stale."""
    wanted = parse_id(product_id)
    if wanted is None:
        return None
    product = await turn.repo.products.get(wanted)
    if product is None or product.seller_id != turn.user.user_id:
        return None
    return product


async def view_product(router: Router, turn: Turn, product: ProductRecord) -> None:
    locale = turn.ctx.locale
    listing = Listing(**product.listing) if product.listing else None
    parts = [listing_reply(listing)] if listing else []
    buttons = (
        (Choice(f"prod:edit:{product.id}", key="btn-prod-edit"),),
        (Choice(f"prod:photos:{product.id}", key="btn-prod-photos"),),
        (Choice(f"prod:del:{product.id}", key="btn-prod-delete"),),
        (Choice("prod:list", key="btn-my-products"),),
    )
    turn.replies.append(
        Reply(
            "prod-card",
            {
                "name": product_name(product, locale),
                "sku": product.sku,
                "status": Reply(f"prod-status-{product.status}"),
                "photos": len(product.photos),
            },
            parts=tuple(parts),
            photos=(product.photos[0].path,) if product.photos else (),
        )
    )
    turn.replies.append(Reply("prod-card-actions", choices=buttons))


async def button(router: Router, turn: Turn, rest: str) -> None:
    """Buttons of the catalogue: prod:<action>[:<id>]."""
    action, _, target = rest.partition(":")
    seller = await turn.repo.sellers.get(turn.user.user_id)
    if seller is None:
        turn.replies.append(Reply("prod-register-first"))
        return
    if action == "new":
        await _leave_flow(router, turn)
        await start_new(router, turn, seller)
        return
    if action == "list":
        await list_products(router, turn)
        return
    if action == "page" and target.isascii() and target.isdigit() and len(target) < 5:
        await list_products(router, turn, int(target))
        return
    if action == "xlsx":
        await send_catalogue(router, turn, seller)
        return
    product = await _owned(turn, target)
    if product is None:
        turn.replies.append(Reply("prod-gone"))
        await router.reprompt(turn)
        return
    if action == "view":
        await view_product(router, turn, product)
    elif action in ("resume", "edit", "photos"):
        await _leave_flow(router, turn)
        data = product_data(product, seller)
        answers = dict(product.answers)
        if action == "resume":
            step = _first_unanswered(router, answers)
            turn.replies += router.engine.start(
                turn.ctx, PRODUCT, answers=answers, at=step, data=data
            )
        elif action == "edit":
            turn.replies += router.engine.start(
                turn.ctx, PRODUCT, answers=answers, at="_review", data=data
            )
        else:
            data["editing"] = True
            turn.replies += router.engine.start(
                turn.ctx, PRODUCT, answers=answers, at="photos", data=data
            )
    elif action == "del":
        await _leave_flow(router, turn)
        turn.replies += router.engine.start(
            turn.ctx, PRODUCT_DELETE, data={"product_id": product.id, "sku": product.sku}
        )
    else:
        turn.replies.append(Reply("error-stale-button"))
        await router.reprompt(turn)


def _first_unanswered(router: Router, answers: dict[str, Any]) -> str:
    flow = router.engine.flows[PRODUCT]
    for step in flow.steps:
        if step.name not in answers:
            return step.name
    return "_review"


async def _leave_flow(router: Router, turn: Turn) -> None:
    """Another product action replaces the open flow (a registration waits, paused)."""
    state = turn.ctx.state
    if state is not None and state.flow == "reg":
        state.active = False
    else:
        turn.ctx.state = None


async def send_catalogue(router: Router, turn: Turn, seller: SellerRecord) -> None:
    products = await turn.repo.products.of_seller(seller.user_id)
    if not products:
        turn.replies.append(Reply("prod-none"))
        return
    locale = turn.ctx.locale
    headers = {
        column: router.renderer.catalogue.text(locale, f"xlsx-{column}")
        for column in SELLER_COLUMNS
    }
    rows_ = [_export_row(p, seller) for p in products]
    directory = Path(tempfile.mkdtemp(prefix="catalogue-", dir=router.exports_dir()))
    path = directory / f"catalogue-{seller.user_id}.xlsx"
    text = router.renderer.catalogue.text
    labels = {word: text(locale, f"xlsx-word-{word}") for word in SELLER_LABELS}
    await asyncio.to_thread(
        write_seller_catalogue_xlsx, rows_, path, locale=locale, headers=headers, labels=labels
    )
    turn.replies.append(
        Reply(
            "prod-catalogue-file",
            {"count": len(products)},
            attachment=Attachment(
                path.name,
                mime_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                path=str(path),
            ),
        )
    )


def _export_row(product: ProductRecord, seller: SellerRecord) -> ExportRow:
    data = {
        "sku": product.sku,
        "district": seller.district,
        "brand": seller.business_name or seller.name,
    }
    facts = facts_from(product.answers, data)
    listing = Listing(**product.listing) if product.listing else _empty_listing()
    return ExportRow(
        facts=facts,
        listing=listing,
        seller_id=seller.user_id,
        seller_name=seller.name,
        photos=tuple(Path(p.path) for p in product.photos),
        status=product.status,
    )


def _empty_listing() -> Listing:
    return Listing(
        title="", bullets=(), description="", keywords="", hs_heading=None, gi_tagged=False
    )
