"""Amazon order reports (tab-separated) read by header name into order lines for reminders."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

import regex

from services.text import ascii_digits


@dataclass(frozen=True, slots=True)
class OrderLine:
    order_id: str
    order_item_id: str | None
    sku: str
    product_name: str | None
    quantity: int
    purchase_date: datetime | None  # timezone-aware
    ship_by: date | None  # promise-date, else latest-ship-date / ship-by-date: a local day


@dataclass(frozen=True, slots=True)
class ReportResult:
    lines: tuple[OrderLine, ...]
    # (line number in the file, 1 = first line, code) for each row skipped: "no_order_id",
    # "no_sku", "bad_quantity", "bad_date", "shipped" (quantity-to-ship 0 or status shipped),
    # "cancelled" (status cancelled); (0, "too_large").
    errors: tuple[tuple[int, str], ...]
    missing_columns: tuple[str, ...]  # required columns absent (then lines is empty)
    encoding: str  # "" when the file was not read at all (too large)
    # Lines the report says are cancelled or shipped: (order id, item id or None, sku, code);
    # an order imported earlier from such a line needs no more reminders.
    closed: tuple[tuple[str, str | None, str, str], ...] = ()


# Without an order id a reminder cannot name the order nor be de-duplicated on re-import, without
# the SKU it cannot be tied to the artisan's product, without a quantity nobody knows how many to
# pack. "quantity-purchased" stands for the quantity: quantity-to-ship or quantity also satisfy it.
REQUIRED = ("order-id", "sku", "quantity-purchased")
MAX_BYTES = 10 * 1024 * 1024
# A handmade order of more pieces than this is a typo or a misread column.
MAX_QUANTITY = 100_000

# Header name (folded by _header_key) → the field it feeds; earlier names win.
_ALIASES: dict[str, tuple[str, ...]] = {
    "order-id": ("order-id", "amazon-order-id"),
    "order-item-id": ("order-item-id",),
    "sku": ("sku", "seller-sku"),
    "product-name": ("product-name", "title"),
    "quantity-purchased": ("quantity-purchased", "quantity"),
    "quantity-to-ship": ("quantity-to-ship",),
    "purchase-date": ("purchase-date",),
    "promise-date": ("promise-date",),
    "latest-ship-date": ("latest-ship-date",),
    "ship-by-date": ("ship-by-date",),
    "order-status": ("order-status",),
    "item-status": ("item-status",),
}
# The first of these with a value in the row gives ship_by.
_SHIP_BY = ("promise-date", "latest-ship-date", "ship-by-date")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
_HEADER_FOLD = regex.compile(r"[\s_\-]+")
_QUANTITY = regex.compile(r"[0-9]+(?:\.0*)?")
# How far down a header row is looked for (some exports put a title line above it).
_HEADER_SEARCH = 10


def _header_key(name: str) -> str:
    """ "Order ID" = "order_id" = "order-id": case, spaces, underscores and hyphens alike."""
    return _HEADER_FOLD.sub("-", name.strip(' "\ufeff').casefold()).strip("-")


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding.removesuffix("-sig"), "replace"), encoding
    head = data[:400]
    if len(head) >= 4 and head[1::2].count(0) > len(head) // 4 and head[0::2].count(0) == 0:
        return data.decode("utf-16-le", "replace"), "utf-16-le"  # BOM-less UTF-16 (rare)
    if len(head) >= 4 and head[0::2].count(0) > len(head) // 4 and head[1::2].count(0) == 0:
        return data.decode("utf-16-be", "replace"), "utf-16-be"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _split(line: str, delimiter: str) -> list[str]:
    if delimiter == ",":
        return next(csv.reader(io.StringIO(line)), [])
    # Amazon's own TSV has no quoting ('12" Dokra' is literal); a spreadsheet re-save quotes cells.
    cells = line.split("\t")
    return [
        c[1:-1].replace('""', '"') if len(c) >= 2 and c[0] == c[-1] == '"' else c for c in cells
    ]


def _columns(header: list[str]) -> dict[str, int]:
    """Field → column index for each known field present in the header row."""
    index: dict[str, int] = {}
    for i, name in enumerate(header):
        index.setdefault(_header_key(name), i)
    found: dict[str, int] = {}
    for field_name, names in _ALIASES.items():
        for name in names:
            if name in index:
                found[field_name] = index[name]
                break
    return found


def _header(row: tuple[int, str]) -> tuple[int, str, dict[str, int]]:
    """(line number, delimiter, field → column) if this line is the header row."""
    number, line = row
    delimiter = "\t" if "\t" in line or "," not in line else ","  # a spreadsheet's CSV re-save
    return number, delimiter, _columns(_split(line, delimiter))


def _missing(found: dict[str, int]) -> tuple[str, ...]:
    have = set(found)
    if "quantity-to-ship" in have:
        have.add("quantity-purchased")
    return tuple(name for name in REQUIRED if name not in have)


def _quantity(text: str) -> int | None:
    text = ascii_digits(text.strip())
    if not _QUANTITY.fullmatch(text):
        return None
    value = int(text.split(".")[0])
    return value if 0 <= value <= MAX_QUANTITY else None


def _moment(text: str) -> datetime:
    """ISO-8601 as Amazon writes it; a time without an offset is UTC, a bare date midnight UTC."""
    moment = datetime.fromisoformat(text)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _day(text: str, zone: tzinfo) -> date:
    """The local calendar day of an ISO date or date-time: what an artisan counts by."""
    if "T" not in text and " " not in text.strip():
        return date.fromisoformat(text)
    return _moment(text).astimezone(zone).date()


def parse_order_report(data: bytes, zone: tzinfo) -> ReportResult:
    """Order lines from a report file; bad rows are skipped and listed, never raised."""
    if len(data) > MAX_BYTES:
        return ReportResult((), ((0, "too_large"),), (), "")
    text, encoding = _decode(data)
    rows = [(n, line) for n, line in enumerate(_LINE_BREAK.split(text), 1) if line.strip()]
    if "\x00" in text or not rows:
        return ReportResult((), (), REQUIRED, encoding)
    header = next((h for h in map(_header, rows[:_HEADER_SEARCH]) if not _missing(h[2])), None)
    if header is None:
        return ReportResult((), (), _missing(_header(rows[0])[2]) or REQUIRED, encoding)
    header_at, delimiter, found = header
    lines: dict[tuple[str, str], OrderLine] = {}
    errors: list[tuple[int, str]] = []
    closed: list[tuple[str, str | None, str, str]] = []
    for number, line in rows:
        if number <= header_at:
            continue
        cells = _split(line, delimiter)
        result = _row(cells, found, zone)
        if isinstance(result, str):
            errors.append((number, result))
            if result in ("cancelled", "shipped"):
                closed.append((*_line_key(cells, found), result))
            continue
        key = (result.order_id, result.order_item_id or f"sku:{result.sku}")
        lines.setdefault(key, result)
    return ReportResult(tuple(lines.values()), tuple(errors), (), encoding, tuple(closed))


def _line_key(cells: list[str], found: dict[str, int]) -> tuple[str, str | None, str]:
    def cell(name: str) -> str:
        i = found.get(name)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    return cell("order-id"), cell("order-item-id") or None, cell("sku")


def _row(cells: list[str], found: dict[str, int], zone: tzinfo) -> OrderLine | str:
    """One order line, or the code saying why the row is skipped."""

    def cell(field_name: str) -> str:
        i = found.get(field_name)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    order_id, sku = cell("order-id"), cell("sku")
    if not order_id:
        return "no_order_id"
    if not sku:
        return "no_sku"
    # The All Orders report says what became of each line; cancelled and shipped ones need no
    # reminder (Unshipped Orders reports have no status: everything in them is to be sent).
    status = (cell("item-status") or cell("order-status")).casefold()
    if "cancel" in status:
        return "cancelled"
    if status.startswith(("shipped", "delivered")) or status == "complete":
        return "shipped"
    # What is still to be packed is what a reminder is about: quantity-to-ship when the report has
    # it (a part-shipped line asks for the rest), else quantity-purchased / quantity.
    to_ship = _quantity(cell("quantity-to-ship")) if cell("quantity-to-ship") else None
    if cell("quantity-to-ship") and to_ship is None:
        return "bad_quantity"
    if to_ship == 0:
        return "shipped"  # quantity-to-ship 0: nothing left to send, so nothing to remind of
    quantity = to_ship if to_ship is not None else _quantity(cell("quantity-purchased"))
    if not quantity:
        return "bad_quantity"
    try:
        purchased = cell("purchase-date")
        ship_by = next((cell(name) for name in _SHIP_BY if cell(name)), "")
        purchase_date = _moment(purchased) if purchased else None
        ship_day = _day(ship_by, zone) if ship_by else None
    except ValueError:
        return "bad_date"
    return OrderLine(
        order_id=order_id,
        order_item_id=cell("order-item-id") or None,
        sku=sku,
        product_name=cell("product-name") or None,
        quantity=quantity,
        purchase_date=purchase_date,
        ship_by=ship_day,
    )
