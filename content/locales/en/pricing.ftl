# /price: what sending a product abroad costs, what to list it at, what comes back.
menu-price = 💰 What will it cost?
cmd-price = Export costs and listing price
help-cmd-price = /price — shipping, fees and the price to list at so you still get your ₹ price.
btn-price = 💰 Cost and price abroad
btn-price-details = 🔎 How this price is made
btn-price-fill-in = ✏️ Add price and weight
price-ask-product = Which product?
price-help-product = Choose one of your products below.
price-ask-destination = To which country?
price-help-destination = Choose where the buyer lives.
price-cancelled = Stopped. Type /price when you want it again.
price-no-products = Add a product first (/addproduct), then ask /price.
price-needs-facts = To work out the cost I need this product's price and weight.
price-title = 💰 { $product } → { $country } (rates of { $date })
price-parcel = 📦 Packed it weighs about { $weight } kg; carriers charge it as { $charged } kg.
price-ship-line = 🚚 { $name } ({ $kind }): { $cost }, { $days } days
price-kind-post = post office
price-kind-express = express courier
price-kind-aggregator = courier through an aggregator
price-no-carrier = None of our carriers takes a parcel this big or heavy there: ask your post office or courier.
price-list-at = 🏷 List it at { $listing } on { $marketplace }: after the cheapest shipping and the fees you get { $price }.
price-border-us = 🛃 USA: no duty-free limit since 29 Aug 2025. The buyer (or you, by post, at booking) pays US duty: ask the post office or courier for today's rate.
price-border-eu = 🛃 EU: VAT (about { $vat } on this price) is collected by the marketplace through IOSS; from 1 Jul 2026 a €3 duty per item on parcels under €150.
price-border-uk = 🛃 UK: the marketplace collects 20% VAT (about { $vat }) on parcels up to £135; the buyer pays nothing more at the door.
price-border-au = 🛃 Australia: the marketplace collects 10% GST (about { $vat }) on goods up to A$1,000.
price-border-ca = 🛃 Canada: above C$20 by post or courier the buyer pays duty and GST/HST at the door.
price-border-ae = 🛃 UAE: 5% VAT; customs duty only above AED 1,000.
price-back = 🎁 Comes back to you: RoDTEP about { $rodtep }, duty drawback about { $drawback }. With an LUT you pay no GST on exports.
price-card-used = (Live courier prices could not be fetched just now: these are from our dated rate list.)
price-details-title = 🔎 { $product }: how the price is made
price-d-listing = Listing price: { $amount }
price-d-vat = − tax the marketplace collects: { $amount }
price-d-referral = − marketplace fee ({ $pct }%): { $amount }
price-d-conversion = − currency conversion: { $amount }
price-d-received = = paid to you: { $amount } ≈ { $inr } (₹{ $rate } each)
price-d-shipping = − shipping ({ $name }): { $cost }
price-d-net = = your price: { $price }
