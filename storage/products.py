"""Products: each seller's items, their answers in the seller's words, the composed listing and
the checked photos."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from storage.base import Part, Prefixed, aware, now, upsert
from storage.models import photos_t, products_t, sellers_t
from storage.records import PhotoRecord, ProductRecord, SellerRecord
from storage.sellers import SELLER_FIELDS, seller_record


def _photo_record(row: Any) -> PhotoRecord:
    return PhotoRecord(
        id=row.id,
        product_id=row.product_id,
        position=row.position,
        content_hash=row.content_hash,
        path=row.path,
        width=row.width,
        height=row.height,
        problems=tuple(p for p in row.problems.split(",") if p),
    )


def _product_record(row: Any) -> ProductRecord:
    return ProductRecord(
        id=row.id,
        seller_id=row.seller_id,
        sku=row.sku or "",
        status=row.status,
        district=row.district,
        answers=dict(row.answers or {}),
        listing=dict(row.listing) if row.listing else None,
        created_at=aware(row.created_at),
        updated_at=aware(row.updated_at),
    )


def sku_for(product_id: int, district: str | None) -> str:
    """A stable, readable SKU: ES-<district>-<number> (Amazon allows up to 40 characters)."""
    return f"ES-{district or 'WB'}-{product_id:06d}"


class Products(Part):
    async def create(self, seller_id: int, district: str | None, answers: dict[str, Any]) -> int:
        stamp = now()
        result = await self.run(
            insert(products_t)
            .values(
                seller_id=seller_id,
                status="draft",
                district=district,
                answers=answers,
                created_at=stamp,
                updated_at=stamp,
            )
            .returning(products_t.c.id)
        )
        product_id = int(result.scalar_one())
        await self.run(
            update(products_t)
            .where(products_t.c.id == product_id)
            .values(sku=sku_for(product_id, district))
        )
        return product_id

    async def get(self, product_id: int) -> ProductRecord | None:
        row = (await self.run(select(products_t).where(products_t.c.id == product_id))).first()
        if row is None:
            return None
        record = _product_record(row)
        record.photos = await self.photos(product_id)
        return record

    async def of_seller(self, seller_id: int) -> list[ProductRecord]:
        """A seller's products, newest first, each with its photos (two queries in all)."""
        rows = await self.run(
            select(products_t)
            .where(products_t.c.seller_id == seller_id)
            .order_by(products_t.c.id.desc())
        )
        products = [_product_record(r) for r in rows]
        if products:
            by_id = {p.id: p for p in products}
            photo_rows = await self.run(
                select(photos_t)
                .where(photos_t.c.product_id.in_(by_id))
                .order_by(photos_t.c.product_id, photos_t.c.position)
            )
            for r in photo_rows:
                by_id[r.product_id].photos.append(_photo_record(r))
        return products

    async def save_answers(self, product_id: int, answers: dict[str, Any]) -> None:
        craft = answers.get("what") or {}
        await self.run(
            update(products_t)
            .where(products_t.c.id == product_id)
            .values(
                answers=answers,
                craft_id=craft.get("id") if isinstance(craft, dict) else None,
                price_inr=answers.get("price"),
                stock=answers.get("stock"),
                updated_at=now(),
            )
        )

    async def set_listing(self, product_id: int, listing: dict[str, Any], status: str) -> None:
        await self.run(
            update(products_t)
            .where(products_t.c.id == product_id)
            .values(listing=listing, status=status, updated_at=now())
        )

    async def delete(self, product_id: int) -> list[str]:
        """Delete a product; returns the photo files nobody else's product uses."""
        rows = await self.run(select(photos_t.c.path).where(photos_t.c.product_id == product_id))
        paths = {r.path for r in rows}
        await self.run(delete(photos_t).where(photos_t.c.product_id == product_id))
        await self.run(delete(products_t).where(products_t.c.id == product_id))
        return await self.unused(paths)

    async def delete_of_seller(self, seller_id: int) -> list[str]:
        """Erase a seller's products; returns the photo files nobody else's product uses."""
        ids = select(products_t.c.id).where(products_t.c.seller_id == seller_id)
        rows = await self.run(select(photos_t.c.path).where(photos_t.c.product_id.in_(ids)))
        paths = {r.path for r in rows}
        await self.run(delete(photos_t).where(photos_t.c.product_id.in_(ids)))
        await self.run(delete(products_t).where(products_t.c.seller_id == seller_id))
        return await self.unused(paths)

    async def unused(self, paths: Iterable[str]) -> list[str]:
        """Those of these photo files that no product refers to any more."""
        wanted = set(paths)
        if not wanted:
            return []
        rows = await self.run(select(photos_t.c.path).where(photos_t.c.path.in_(sorted(wanted))))
        return sorted(wanted - {r.path for r in rows})

    async def photos(self, product_id: int) -> list[PhotoRecord]:
        rows = await self.run(
            select(photos_t)
            .where(photos_t.c.product_id == product_id)
            .order_by(photos_t.c.position)
        )
        return [_photo_record(r) for r in rows]

    async def add_photo(
        self,
        product_id: int,
        content_hash: str,
        path: str,
        width: int,
        height: int,
        problems: tuple[str, ...],
    ) -> bool:
        """Append a photo; False when this very photo is already on the product."""
        position = (
            await self.run(
                select(func.coalesce(func.max(photos_t.c.position) + 1, 0)).where(
                    photos_t.c.product_id == product_id
                )
            )
        ).scalar_one()
        result = await self.run(
            upsert(self.dialect, photos_t)
            .values(
                product_id=product_id,
                position=position,
                content_hash=content_hash,
                path=path,
                width=width,
                height=height,
                problems=",".join(problems),
                created_at=now(),
            )
            .on_conflict_do_nothing(index_elements=["product_id", "content_hash"])
            .returning(photos_t.c.id)
        )
        return result.first() is not None

    async def remove_photo(self, product_id: int, photo_id: int) -> bool:
        return await self._remove(product_id, photos_t.c.id == photo_id)

    async def remove_photos(self, product_id: int, hashes: Iterable[str]) -> bool:
        """Remove these photos (by content hash) from a product; False when none was on it."""
        return await self._remove(product_id, photos_t.c.content_hash.in_(sorted(set(hashes))))

    async def _remove(self, product_id: int, which: Any) -> bool:
        result = await self.run(delete(photos_t).where(photos_t.c.product_id == product_id, which))
        if not result.rowcount:
            return False
        remaining = await self.photos(product_id)
        for position, photo in enumerate(remaining):  # keep positions 0..n-1: 0 is the main
            if photo.position != position:
                await self.run(
                    update(photos_t).where(photos_t.c.id == photo.id).values(position=position)
                )
        return True

    async def ready_for_export(
        self, districts: frozenset[str] | None, batch: int = 500
    ) -> AsyncIterator[list[tuple[ProductRecord, SellerRecord]]]:
        """Ready products (with photos and their seller) of some districts (None: all), in
        batches by id so that memory stays flat however many there are."""
        after = 0
        while True:
            query = (
                select(products_t, *[sellers_t.c[c].label(f"s_{c}") for c in SELLER_FIELDS])
                .join(sellers_t, sellers_t.c.user_id == products_t.c.seller_id)
                .where(products_t.c.status == "ready", products_t.c.id > after)
                .order_by(products_t.c.id)
                .limit(batch)
            )
            if districts is not None:
                query = query.where(sellers_t.c.district.in_(sorted(districts)))
            rows = (await self.run(query)).all()
            if not rows:
                return
            products = {r.id: _product_record(r) for r in rows}
            sellers = {r.id: seller_record(Prefixed(r._mapping, "s_")) for r in rows}
            photo_rows = await self.run(
                select(photos_t)
                .where(photos_t.c.product_id.in_(products))
                .order_by(photos_t.c.product_id, photos_t.c.position)
            )
            for r in photo_rows:
                products[r.product_id].photos.append(_photo_record(r))
            yield [(products[pid], sellers[pid]) for pid in products]
            after = rows[-1].id

    async def make_main(self, product_id: int, photo_id: int) -> None:
        photos = await self.photos(product_id)
        ordered = sorted(photos, key=lambda p: (p.id != photo_id, p.position))
        for position, photo in enumerate(ordered):
            await self.run(
                update(photos_t).where(photos_t.c.id == photo.id).values(position=position)
            )
