"""Table-driven tests for services.order_report on generated Amazon order report files."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from services.order_report import MAX_BYTES, REQUIRED, OrderLine, parse_order_report
from tests.conftest import ZONE

HEADER = [
    "order-id",
    "order-item-id",
    "purchase-date",
    "payments-date",
    "promise-date",
    "days-past-promise",
    "buyer-email",
    "buyer-name",
    "sku",
    "product-name",
    "quantity-purchased",
    "quantity-shipped",
    "quantity-to-ship",
    "ship-service-level",
    "ship-city",
    "ship-country",
]

ORDER_A = {
    "order-id": "902-1845936-5435065",
    "order-item-id": "52011236114523",
    "purchase-date": "2026-11-20T10:15:00+00:00",
    "payments-date": "2026-11-20T10:20:00+00:00",
    "promise-date": "2026-11-28T23:59:59+05:30",
    "days-past-promise": "0",
    "buyer-email": "abc@marketplace.amazon.in",
    "buyer-name": "Riya Sen",
    "sku": "DOKRA-HORSE-6IN",
    "product-name": 'Dokra brass horse 6"',
    "quantity-purchased": "2",
    "quantity-shipped": "0",
    "quantity-to-ship": "2",
    "ship-service-level": "Standard",
    "ship-city": "Pune",
    "ship-country": "IN",
}
ORDER_B = {
    **ORDER_A,
    "order-id": "171-5512345-1234567",
    "order-item-id": "33011236114599",
    "purchase-date": "2026-11-21",
    "promise-date": "2026-11-30",
    "sku": "KANTHA-STOLE-RED",
    "product-name": "কাঁথা স্টিচ স্টোল",
    "quantity-purchased": "1",
    "quantity-to-ship": "1",
}

LINE_A = OrderLine(
    order_id="902-1845936-5435065",
    order_item_id="52011236114523",
    sku="DOKRA-HORSE-6IN",
    product_name='Dokra brass horse 6"',
    quantity=2,
    purchase_date=datetime(2026, 11, 20, 10, 15, tzinfo=UTC),
    ship_by=date(2026, 11, 28),
)
LINE_B = OrderLine(
    order_id="171-5512345-1234567",
    order_item_id="33011236114599",
    sku="KANTHA-STOLE-RED",
    product_name="কাঁথা স্টিচ স্টোল",
    quantity=1,
    purchase_date=datetime(2026, 11, 21, tzinfo=UTC),
    ship_by=date(2026, 11, 30),
)


def report(rows: list[dict[str, str]], header: list[str] = HEADER, newline: str = "\r\n") -> str:
    lines = ["\t".join(header)]
    lines += ["\t".join(row.get(name, "") for name in header) for row in rows]
    return newline.join(lines) + newline


def row(**changes: str) -> dict[str, str]:
    return {**ORDER_A, **{k.replace("_", "-"): v for k, v in changes.items()}}


# --- encodings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16-le"),  # Python writes LE with a BOM
        (lambda t: b"\xff\xfe" + t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16-be"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),  # no BOM: told by its zero bytes
    ],
)
def test_unicode_encodings(encode: object, encoding: str) -> None:
    result = parse_order_report(encode(report([ORDER_A, ORDER_B])), ZONE)  # type: ignore[operator]
    assert result.encoding == encoding
    assert result.lines == (LINE_A, LINE_B)
    assert result.errors == ()
    assert result.missing_columns == ()


def test_cp1252_fallback() -> None:
    text = report([row(product_name="Café “Dokra” owl – brass")])
    result = parse_order_report(text.encode("cp1252"), ZONE)
    assert result.encoding == "cp1252"
    assert result.lines[0].product_name == "Café “Dokra” owl – brass"


def test_latin1_fallback_when_cp1252_cannot_decode() -> None:
    data = report([row(product_name="Dokra")]).encode("latin-1").replace(b"Dokra", b"Dok\x81ra")
    result = parse_order_report(data, ZONE)
    assert result.encoding == "latin-1"
    assert result.lines[0].product_name == "Dok\x81ra"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings(newline: str) -> None:
    result = parse_order_report(report([ORDER_A, ORDER_B], newline=newline).encode(), ZONE)
    assert result.lines == (LINE_A, LINE_B)


# --- columns ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        list(reversed(HEADER)),
        sorted(HEADER),
        [
            "sku",
            "quantity-purchased",
            "order-id",
            "order-item-id",
            "product-name",
            "purchase-date",
            "promise-date",
            "quantity-to-ship",
        ],
        [*HEADER[:5], "is-business-order", "price-designation", "x-unknown", *HEADER[5:]],
    ],
)
def test_columns_by_name_not_position(header: list[str]) -> None:
    result = parse_order_report(report([ORDER_A, ORDER_B], header=header).encode(), ZONE)
    assert result.lines == (LINE_A, LINE_B)
    assert result.missing_columns == ()


@pytest.mark.parametrize(
    "names",
    [
        {"order-id": "Order ID", "sku": "SKU", "quantity-purchased": "Quantity Purchased"},
        {"order-id": "order_id", "order-item-id": "ORDER_ITEM_ID", "sku": " sku "},
        {"order-id": "amazon-order-id", "sku": "seller-sku", "purchase-date": "Purchase Date"},
        {"order-id": '"order-id"', "product-name": "Product  Name"},
    ],
)
def test_header_spelling(names: dict[str, str]) -> None:
    header = [names.get(name, name) for name in HEADER]
    text = report([ORDER_A]).replace("\t".join(HEADER), "\t".join(header))
    assert parse_order_report(text.encode(), ZONE).lines == (LINE_A,)


@pytest.mark.parametrize("absent", REQUIRED)
def test_missing_required_column(absent: str) -> None:
    header = [
        h for h in HEADER if h != absent and not (absent.startswith("quantity") and "to-ship" in h)
    ]
    result = parse_order_report(report([ORDER_A], header=header).encode(), ZONE)
    assert result.missing_columns == (absent,)
    assert result.lines == ()


def test_missing_several_columns_in_report_order() -> None:
    header = [h for h in HEADER if h not in ("order-id", "quantity-purchased", "quantity-to-ship")]
    result = parse_order_report(report([ORDER_A], header=header).encode(), ZONE)
    assert result.missing_columns == ("order-id", "quantity-purchased")


def test_quantity_to_ship_alone_is_enough() -> None:
    header = [h for h in HEADER if h != "quantity-purchased"]
    result = parse_order_report(report([ORDER_A], header=header).encode(), ZONE)
    assert result.missing_columns == ()
    assert result.lines == (LINE_A,)


def test_all_orders_report_names() -> None:
    """The "All Orders" report says amazon-order-id and quantity, without an order-item-id."""
    header = ["amazon-order-id", "purchase-date", "order-status", "product-name", "sku", "quantity"]
    rows = [
        {"amazon-order-id": "902-1845936-5435065", "sku": "A", "quantity": "1"},
        {"amazon-order-id": "902-1845936-5435065", "sku": "B", "quantity": "3"},
    ]
    result = parse_order_report(report(rows, header=header).encode(), ZONE)
    assert [(x.order_id, x.order_item_id, x.sku, x.quantity) for x in result.lines] == [
        ("902-1845936-5435065", None, "A", 1),
        ("902-1845936-5435065", None, "B", 3),
    ]


def test_title_line_above_header_and_csv() -> None:
    text = "Unshipped Orders Report\r\n" + report([ORDER_A])
    assert parse_order_report(text.encode(), ZONE).lines == (LINE_A,)
    csv_text = (
        "order-id,sku,quantity-purchased,product-name\r\n"
        '902-1845936-5435065,DOKRA-1,2,"Dokra owl, brass"\r\n'
    )
    line = parse_order_report(csv_text.encode(), ZONE).lines[0]
    assert (line.sku, line.quantity, line.product_name) == ("DOKRA-1", 2, "Dokra owl, brass")


def test_spreadsheet_quoted_cells() -> None:
    text = report([row(product_name='"Dokra horse 6"""', sku='"DOKRA-HORSE-6IN"')])
    line = parse_order_report(text.encode(), ZONE).lines[0]
    assert (line.sku, line.product_name) == ("DOKRA-HORSE-6IN", 'Dokra horse 6"')


# --- rows ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"quantity_purchased": "two", "quantity_to_ship": ""}, "bad_quantity"),
        ({"quantity_purchased": "", "quantity_to_ship": ""}, "bad_quantity"),
        ({"quantity_purchased": "-1", "quantity_to_ship": ""}, "bad_quantity"),
        ({"quantity_purchased": "0", "quantity_to_ship": ""}, "bad_quantity"),
        ({"quantity_purchased": "1.5", "quantity_to_ship": ""}, "bad_quantity"),
        ({"quantity_purchased": "1000000", "quantity_to_ship": ""}, "bad_quantity"),
        ({"quantity_to_ship": "x"}, "bad_quantity"),
        ({"quantity_to_ship": "0"}, "shipped"),
        ({"sku": ""}, "no_sku"),
        ({"sku": "   "}, "no_sku"),
        ({"order_id": ""}, "no_order_id"),
        ({"purchase_date": "20/11/2026 10:15"}, "bad_date"),
        ({"promise_date": "next week"}, "bad_date"),
        ({"promise_date": "2026-02-31"}, "bad_date"),
    ],
)
def test_bad_rows_are_skipped_and_listed(changes: dict[str, str], code: str) -> None:
    result = parse_order_report(report([row(**changes), ORDER_B]).encode(), ZONE)
    assert result.lines == (LINE_B,)
    assert result.errors == ((2, code),)


@pytest.mark.parametrize(
    ("changes", "quantity"),
    [
        ({"quantity_purchased": "3", "quantity_to_ship": "1"}, 1),  # partly shipped: what is left
        ({"quantity_purchased": "3", "quantity_to_ship": ""}, 3),
        ({"quantity_purchased": "৪", "quantity_to_ship": ""}, 4),
        ({"quantity_purchased": " 2.0 ", "quantity_to_ship": ""}, 2),  # a spreadsheet re-save
    ],
)
def test_quantity_choice(changes: dict[str, str], quantity: int) -> None:
    assert parse_order_report(report([row(**changes)]).encode(), ZONE).lines[0].quantity == quantity


@pytest.mark.parametrize(
    ("changes", "purchase_date", "ship_by"),
    [
        ({}, datetime(2026, 11, 20, 10, 15, tzinfo=UTC), date(2026, 11, 28)),
        (
            {"purchase_date": "2026-11-20T10:15:00Z", "promise_date": "2026-11-28T20:00:00Z"},
            datetime(2026, 11, 20, 10, 15, tzinfo=UTC),
            date(2026, 11, 29),  # 20:00 UTC is 01:30 the next day in Kolkata
        ),
        (
            {"purchase_date": "2026-11-20T02:15:00-08:00", "promise_date": ""},
            datetime(2026, 11, 20, 2, 15, tzinfo=timezone(timedelta(hours=-8))),
            None,
        ),
        ({"purchase_date": "", "promise_date": ""}, None, None),
        (
            {"purchase_date": "2026-11-20 10:15:00"},
            datetime(2026, 11, 20, 10, 15, tzinfo=UTC),
            date(2026, 11, 28),
        ),
    ],
)
def test_dates(
    changes: dict[str, str], purchase_date: datetime | None, ship_by: date | None
) -> None:
    line = parse_order_report(report([row(**changes)]).encode(), ZONE).lines[0]
    assert (line.purchase_date, line.ship_by) == (purchase_date, ship_by)
    assert line.purchase_date is None or line.purchase_date.tzinfo is not None


def test_ship_by_falls_back_to_latest_ship_date() -> None:
    header = [*HEADER, "latest-ship-date", "ship-by-date"]
    rows = [
        row(promise_date="", latest_ship_date="2026-12-01T18:29:59Z"),
        {**ORDER_B, "promise-date": "", "ship-by-date": "2026-12-03"},
    ]
    result = parse_order_report(report(rows, header=header).encode(), ZONE)
    assert [x.ship_by for x in result.lines] == [date(2026, 12, 1), date(2026, 12, 3)]


def test_blank_lines_and_short_rows() -> None:
    text = report([ORDER_A, ORDER_B]).replace("\r\n", "\r\n\r\n  \r\n", 1)
    result = parse_order_report(text.encode(), ZONE)
    assert result.lines == (LINE_A, LINE_B)
    short = "order-id\tsku\tquantity-purchased\tproduct-name\n902-1845936-5435065\tDOKRA\t1\n"
    line = parse_order_report(short.encode(), ZONE).lines[0]
    assert (line.sku, line.quantity, line.product_name) == ("DOKRA", 1, None)


def test_error_rows_count_physical_lines() -> None:
    text = report([ORDER_A, row(sku=""), ORDER_B, row(order_id="", order_item_id="9")])
    text = text.replace("\r\n", "\r\n\r\n", 1)  # a blank line after the header: line 2
    assert parse_order_report(text.encode(), ZONE).errors == ((4, "no_sku"), (6, "no_order_id"))


def test_duplicates_kept_once_in_file_order() -> None:
    data = report([ORDER_A, ORDER_B, ORDER_A, {**ORDER_B, "quantity-to-ship": "5"}]).encode()
    result = parse_order_report(data, ZONE)
    assert result.lines == (LINE_A, LINE_B)
    assert result.errors == ()
    assert parse_order_report(data, ZONE) == result  # re-importing gives the same answer


def test_same_order_two_items_are_two_lines() -> None:
    second = row(order_item_id="52011236114524", sku="DOKRA-OWL")
    result = parse_order_report(report([ORDER_A, second]).encode(), ZONE)
    assert [x.sku for x in result.lines] == ["DOKRA-HORSE-6IN", "DOKRA-OWL"]


# --- files that are not reports -------------------------------------------------------------------


def test_too_large() -> None:
    big = report([ORDER_A]).encode() + b"\n" * (MAX_BYTES + 1)
    result = parse_order_report(big, ZONE)
    assert result.errors == ((0, "too_large"),)
    assert result.missing_columns == ()
    assert result.lines == ()


def test_exactly_max_bytes_is_read() -> None:
    data = report([ORDER_A]).encode()
    data += b"\n" * (MAX_BYTES - len(data))
    assert parse_order_report(data, ZONE).lines == (LINE_A,)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\n\n  \n",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + b"\xff" * 50,  # an .xlsx
        "নমস্কার, আমার অর্ডার দেখুন".encode(),
        b"name\tcity\nRiya\tPune\n",
    ],
)
def test_not_a_report(data: bytes) -> None:
    result = parse_order_report(data, ZONE)
    assert result.missing_columns == REQUIRED
    assert result.lines == ()
    assert isinstance(result.encoding, str) and result.encoding
