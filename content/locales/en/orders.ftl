## Orders: ship-by reminders, the Amazon report import, the compliance calendar

menu-orders = 📦 My orders
cmd-orders = My orders and ship-by dates
cmd-importorders = Import an Amazon order report

## Days (a message reference: it uses the $weekday of the message that shows it)
ord-weekday = { $weekday ->
    [mon] Monday
    [tue] Tuesday
    [wed] Wednesday
    [thu] Thursday
    [fri] Friday
    [sat] Saturday
   *[sun] Sunday
}
ord-date = { ord-weekday } { $day }/{ $month }
ord-day-today = Today, { $day }/{ $month }
ord-day-tomorrow = Tomorrow, { $day }/{ $month }
ord-day-other = { ord-weekday } { $day }/{ $month }

## A seller's orders
ord-list-title = <b>📦 Orders to send ({ $count })</b>
    When you have sent one, press its button below.
ord-line = { $n }. { $product } × { $quantity } — send by { ord-weekday } { $day }/{ $month }
ord-line-late = { $n }. ⚠️ { $product } × { $quantity } — was due { ord-weekday } { $day }/{ $month }. <b>Late!</b>
ord-line-no-date = { $n }. { $product } × { $quantity } — no ship-by date
ord-list-more = …and { $count } more.
ord-none = You have no orders waiting to be sent. When an order comes, add it here and I will remind you before the ship-by date.
btn-ord-shipped-n = 📦 { $n }. { $product } — sent
btn-ord-shipped = 📦 Sent
btn-ord-new = ➕ New order
btn-ord-list = 📋 My orders
ord-gone = I cannot find that order. It may be someone else's or no longer there.
ord-shipped = ✅ Marked as sent: { $product } × { $quantity }. No more reminders for it.
ord-already-shipped = This order is already marked as sent: { $product } × { $quantity }.

## A new order
ord-no-products = First add the product to your catalogue, then you can add its orders.
ord-ask-product = Which product was ordered?
ord-help-product = Press the product the buyer ordered. Only finished products of your catalogue are shown.
ord-product-use-buttons = Please press one of your products below.
ord-field-product = Product
ord-ask-quantity = How many pieces? Press a number or type it.
ord-help-quantity = The number of pieces to send, for example 2.
ord-quantity-invalid = Please write the number of pieces, for example 2.
ord-quantity-too-many = That is too many: at most { $max } pieces.
ord-field-quantity = Pieces
ord-ask-ship-by = By which day must it be sent? Press a day or type the date, for example 28/11.
ord-help-ship-by = The ship-by date is on the order. Type it like 28/11, or press a day.
ord-date-past = That day has already gone. Please give a day from today on.
ord-date-too-far = That date has passed, or it is more than { $max } days away. Please check it.
ord-date-unclear = I could not read that date. Please type it like 28/11, or press a day.
ord-date-check = I understood { ord-weekday } { $day }/{ $month }. Please check it below.
ord-field-ship-by = Send by
ord-review = <b>Please check the order:</b>
ord-cancelled = Stopped. Nothing was saved.
ord-product-gone = That product is no longer in your catalogue, so the order was not saved.
ord-saved = ✅ Order saved: { $product } × { $quantity }, send by { ord-weekday } { $day }/{ $month }.
    I will remind you the day before and on the morning of that day.
ord-saved-morning = ✅ Order saved: { $product } × { $quantity }, send by { ord-weekday } { $day }/{ $month }.
    I will remind you on the morning of that day.
ord-saved-no-reminder = ✅ Order saved: { $product } × { $quantity }, send by { ord-weekday } { $day }/{ $month }.
    That is very soon: please send it today.

## Reminders (sent by the outbox)
ord-remind-d1 = ⏰ Tomorrow, { ord-weekday } { $day }/{ $month }, is the last day to send { $product } × { $quantity }. Please pack it today.
ord-remind-d0 = ⏰ Today is the last day to send { $product } × { $quantity }. When it is sent, press "Sent".
ord-late-notice = ⚠️ Late order: { $seller } had to send { $sku } × { $quantity } by { ord-weekday } { $day }/{ $month }, and has not marked it as sent.

## Importing an Amazon order report (coordinators)
ord-import-ask = Send the Amazon order report as a file.
    In Seller Central: Orders → Order Reports → Unshipped Orders → Download. The file ends in .txt (at most 10 MB).
ord-import-help = Send the report file as it was downloaded (a .txt file, tab-separated). Send /cancel to stop.
ord-import-send-file = Please send the report as a file (a document), not as text or a photo.
ord-import-unreadable = I could not get that file. Please send it again.
ord-import-too-big = That file is too big: at most { $max } MB. Download the report for fewer days.
ord-import-not-report = That does not look like an Amazon order report. Please send the .txt file from Order Reports.
ord-import-missing = The report lacks these columns: { $columns }. Please download the full order report.
ord-import-done = <b>Order report imported</b>
    New orders: { $added } (for { $sellers } sellers; their reminders are set)
    Already known: { $known }
ord-import-no-date = Without a ship-by date (no reminder): { $count }
ord-import-closed = Cancelled or already shipped, left out: { $count }
ord-import-stopped = Orders imported before, now cancelled or shipped (reminders stopped): { $count }
ord-import-unknown = SKUs not in the catalogues of your districts ({ $count }, { $rows } rows): { $skus }
ord-import-more = …and { $count } more.
ord-import-errors = Rows skipped ({ $count }):
ord-import-error-line = • Row { $row }: { $reason }
ord-import-err-no-order-id = no order number
ord-import-err-no-sku = no SKU
ord-import-err-quantity = the quantity is not a number
ord-import-err-date = a date cannot be read
ord-import-err-shipped = already shipped, nothing left to send
ord-import-err-other = cannot be read

## The compliance calendar (yearly reminders)
cal-iec-open = 📅 Time to update your IEC for { $year }. Between { $from_day }/{ $from_month } and { $day }/{ $month } log in at dgft.gov.in and confirm your IEC details, even if nothing changed. Without it the IEC is switched off.
cal-iec-close = ⏰ Only until { $day }/{ $month }/{ $year } to update your IEC at dgft.gov.in. If you have done it, all is well.
cal-lut-open = 📅 Your GST LUT ends on { $day }/{ $month }/{ $year }. File a new LUT (form RFD-11) on the GST portal before then, so you can keep exporting without paying IGST.
cal-lut-close = ⏰ File your new GST LUT (RFD-11) on the GST portal by { $day }/{ $month }/{ $year }. If you have done it, all is well.
