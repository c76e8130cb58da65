## Catalogue: adding, listing and exporting products

menu-addproduct = ➕ Add a product
menu-products = 📦 My products
menu-finish-draft = ▶️ Finish: { $name }
cmd-addproduct = Add a product
cmd-products = My products

prod-drafts-waiting = You have a product that is not finished. Continue it, or start a new one?
btn-prod-resume = ▶️ Continue: { $name }
btn-prod-new = ➕ A new product
btn-add-product = ➕ Add a product
btn-add-another = ➕ Add another product
    .short = ➕ Another product
btn-my-products = 📦 My products
prod-none = You have no products yet.
prod-list = <b>Your products ({ $count })</b> — tap one to open it.
btn-prod-item = { $n }. { $name } · { $status }
prod-status-draft = 🟡 draft
prod-status-ready = 🟢 ready
btn-prev = ◀ Previous
btn-next = Next ▶
btn-catalogue-xlsx = 📥 My catalogue (Excel file)
prod-catalogue-file = 📥 Your catalogue: { $count } products, with photos.
prod-card =
    <b>{ $name }</b>
    SKU: { $sku } · { $status } · photos: { $photos }
prod-card-actions = What would you like to do with this product?
btn-prod-edit = ✏️ Change the description
btn-prod-photos = 📷 Add or remove photos
btn-prod-delete = 🗑 Delete this product
prod-gone = That product is not there any more (or is not yours).

## Photos
field-photos = Photos
prod-ask-photos =
    📷 Send photos of the product: 1 to { $max }.
    Tips: good daylight, the product on a plain white cloth or paper, fill the frame. The first photo is the main one. Press "Done" when finished.
prod-help-photos = Send the photos as photos (or as files for full quality). JPEG, PNG, WebP and HEIC are fine, up to 20 MB each. The first one should show the whole product on a white background.
btn-photos-done = ✅ Done ({ $n } photos)
btn-photo-retake = 🔁 Retake the ones with problems
    .short = 🔁 Retake them
prod-photo-send-again = All right, send the photo again.
prod-photos-need-one = Please send at least one photo first.
prod-photos-not-text = Here I need a photo of the product, not text. Please send a photo.
prod-photos-not-media = Here I need a photo of the product. Please send a photo.
prod-album-received = 📷 { $n } photos received:
prod-photos-full = That makes { $n } photos, the most I take. Now a few questions about the product.
photo-good = 👍 Photo { $n } looks good.
photo-has-tips = Photo { $n } is saved, but:
photo-tip-small = • it is small: for zoom on Amazon the longest side should be at least 1000 pixels. Use your phone's best camera setting.
photo-tip-blurry = • it is blurry — hold the phone steady (lean on something) and take it again.
photo-tip-dark = • it is too dark — take it in daylight, near a window or outside in the shade.
photo-tip-bright = • it is too bright — move out of direct sun or away from the lamp.
photo-tip-background = • the background is not plain white — put the product on a white cloth or sheet of paper.
photo-error-too_big = That file is bigger than 20 MB, too big for me to take. Send it as a photo (not as a file), or a smaller one.
photo-error-download_failed = I could not download that photo. Please send it again.
photo-error-unreadable = I cannot open that picture: the file seems damaged. Please send it again.
photo-error-not_image_format = That is not a photo I can use. Please send a JPEG, PNG, WebP or HEIC picture.
photo-error-too_small = That picture is too small (less than 500 pixels): marketplaces refuse it. Please take a bigger photo.
photo-error-too_many = You already have 8 photos, the most I take. Press "Done".
photo-error-duplicate = You sent this same photo before.

## Description
field-what = Product
field-item = Item
field-material = Material
field-size = Size
field-weight = Weight
field-colour = Colour
field-price = Price
field-stock = In stock
field-days = Days to make one
field-special = What makes it special
prod-ask-what = What is this product? Choose below or write it in your own words.
prod-help-what = The craft and the kind of thing, for example "Dokra elephant", "kantha stole", "terracotta horse".
prod-ask-item = { $craft }: which item is it? Choose below or write it in your own words.
prod-help-item = The kind of thing, for example horse, elephant, saree, bag, mat. If it is not in the list, write it.
prod-ask-material = What is it made of? (For example: clay, brass, cotton, jute, bamboo.)
prod-help-material = The main material, in any language: মাটি, পিতল, সুতি, silk, jute…
prod-ask-size = How big is it? Write length × width (× height) with cm or inches, for example "10 x 20 cm".
prod-help-size = For example: 30 cm · 10 x 20 cm · 12 inch · ১০ x ২০ সেমি.
prod-size-error-not_size = Please write the size in numbers, for example "10 x 20 cm".
prod-size-error-unit = Please add the unit: cm or inches, for example "10 x 20 cm".
prod-size-error-zero = A size cannot be 0. Please measure it again.
prod-size-error-too_large = That is bigger than { $metres } metres: please check the numbers and the unit.
prod-ask-weight = How much does it weigh? Write it with g or kg, for example "500 g" or "1.5 kg".
prod-help-weight = The weight of one piece, for example 500 g, 1.5 kg, ৫০০ গ্রাম.
prod-weight-error-not_weight = Please write the weight in numbers with g or kg, for example "500 g".
prod-weight-error-unit = Please add the unit: g or kg, for example "500 g".
prod-weight-error-zero = The weight cannot be 0.
prod-weight-error-too_large = That is more than 100 kg: courier parcels for online export are much smaller. Please check.
prod-ask-colour = What colour is it? Choose below or write it.
prod-help-colour = The main colour or colours, for example "red and white".
colour-red = Red
colour-blue = Blue
colour-green = Green
colour-yellow = Yellow
colour-black = Black
colour-white = White
colour-brown = Brown
colour-multi = Many colours
prod-ask-price = What is your price for one piece, in rupees? (For example "500".)
prod-help-price = Your selling price for one piece in ₹, for example 500 or ৫০০ টাকা.
prod-price-error-not_price = Please write the price in numbers, for example "500".
prod-price-error-zero = The price cannot be 0 or free.
prod-price-error-negative = The price cannot be below 0.
prod-price-error-too_large = That price is too high for one handmade piece. Please check the number of zeros.
prod-price-error-decimal = Please write the price in whole rupees, for example "500".
prod-ask-stock = How many pieces are ready to sell now?
prod-help-stock = A number, for example 10. Write 0 if you make each piece to order.
prod-ask-days = How many days do you need to make one more piece?
prod-help-days = A number of days, for example 7.
prod-count-error-not_number = Please write a number, for example 10.
prod-count-error-negative = The number cannot be below 0.
prod-count-error-too_large = That number is too big. Please check it.
prod-count-error-too_small = Please write at least 1.
prod-ask-special = In a few words, what makes it special? Write in your own language. (Or press Skip.)
prod-help-special = For example: handmade, natural colours, traditional design of our village.
prod-summary = <b>Please check your product:</b>
prod-listing =

    <b>English listing</b>
    <b>Title:</b> { $title }
    { $bullets }
    <b>Search words:</b> { $keywords }
    <b>HS heading:</b> { $hs }
prod-listing-gi = 🏷 GI-tagged: { $gi } (use the name only as a registered authorised user).
prod-saved = ✅ Your product is saved and ready (SKU { $sku }).
prod-gi-register = ℹ️ Your craft is the registered GI “{ $gi }”, but its name may only be used by registered authorised users, so the listing leaves it out. To use it: apply to be an authorised user of the GI at the GI Registry (ipindia.gov.in, form GI-3A), and say so in the export check (/check).
prod-saved-not-exportable = ⛔ Your product is saved in your catalogue (SKU { $sku }), but it cannot be exported: { $reason } It will not go into any marketplace file.
prod-cancelled = Stopped. Your product is saved as a draft: send /addproduct to finish it.
prod-cancelled-empty = Stopped; no product was added. To add one later, send /addproduct.
prod-resumed = Let's finish your product.
prod-delete-confirm = Delete product { $sku } with its photos? This cannot be undone.
btn-prod-delete-yes = 🗑 Yes, delete it
prod-delete-kept = The product was not deleted.
prod-deleted = ✓ Product { $sku } deleted.

## Catalogue spreadsheet columns
xlsx-photo = Photo
xlsx-sku = SKU
xlsx-status = Status
xlsx-craft = Craft
xlsx-product = Product
xlsx-price = Price (₹)
xlsx-stock = In stock
xlsx-title = English title
xlsx-bullets = Key points
xlsx-hs = HS heading
xlsx-gi = GI-tagged

## Coordinator export
staff-unknown-district = That is not a West Bengal district.
staff-not-your-district = { $district } is not in your districts.
export-empty = There are no ready products to export there yet.
export-left-out = ⛔ Left out: { $count }
export-no-good-photo = no photo clear enough for a marketplace (each is blurred, dark or small); the seller can add a better one.
export-left-out-line = • { $sku }: { $reason }
export-all = all districts
export-started = Preparing the catalogue files for { $count } ready products ({ $districts })…
export-rate = Prices in US dollars at ₹{ $rate } = $1 (rate of { $date }).
export-rate-old = ⚠️ This rate is { $days } days old: ask the admin to update INR_PER_USD before uploading.
export-amazon = 📄 Amazon inventory sheet (paste into your category's template). Image columns name the photos in the zip.
export-ebay = 📄 eBay File Exchange CSV (set the category id before uploading).
export-photos = 🖼 Photos, named as in the image columns (part { $part } of { $parts }).
xlsx-word-draft = draft
xlsx-word-ready = ready
xlsx-word-yes = yes
xlsx-word-no = no

# Units as a reader of this language writes them (sizes and weights shown back).
unit-cm = cm
unit-mm = mm
unit-m = m
unit-in = in
unit-ft = ft
unit-yd = yd
unit-haat = haat
unit-g = g
unit-kg = kg

# The items a craft usually makes, offered once the craft is picked.
item-horse = Horse
item-elephant = Elephant
item-owl = Owl
item-figurine = Figurine
item-idol = Idol
item-doll = Doll
item-mask = Mask
item-diya = Diya lamp
item-lamp = Lamp
item-vase = Vase
item-bell = Bell
item-plate = Plate
item-box = Box
item-tray = Tray
item-wall_hanging = Wall hanging
item-painting = Painting
item-topor = Wedding crown (topor)
item-saree = Saree
item-stole = Stole
item-dupatta = Dupatta
item-quilt = Quilt
item-cushion_cover = Cushion cover
item-table_runner = Table runner
item-bag = Bag
item-handbag = Handbag
item-wallet = Wallet
item-mat = Mat
item-basket = Basket
item-jewelry = Jewellery
item-necklace = Necklace
item-earrings = Earrings
item-bangles = Bangles
item-ring = Ring

# A message changed after it was sent.
edit-not-read = ✏️ I do not read changed messages. Please send your answer again as a new message.
