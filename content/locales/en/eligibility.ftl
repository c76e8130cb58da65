## Export Sathi — export eligibility check (English). Message ids are named in
## content/data/eligibility.yaml; bn, en and hi must define the same ids.

## Flow
elig-ask-product = Which product shall I check?
elig-describe = Describe the item in a few words: what it is, what it is made of, anything special.
elig-ask-destination = Where do you want to sell it?
elig-dest-any = Anywhere / not sure
elig-answer-yes = Yes
elig-answer-no = No
elig-answer-unknown = Don't know
elig-verdict-ready = ✅ <b>{ $item }</b> — Ready to export
elig-verdict-steps = 🟡 <b>{ $item }</b> — Ready after these steps
elig-verdict-blocked = ⛔ <b>{ $item }</b> — Not allowed to export
elig-reasons = Why:
elig-next-steps = Next steps:
elig-source = Source: { $source }
elig-find-out = Find out:
elig-step-line = { $n }. { $text }
elig-where = Where:
elig-cost = Cost:

## Destinations
elig-dest-us = USA
elig-dest-uk = United Kingdom
elig-dest-eu = European Union
elig-dest-ae = UAE (Dubai)
elig-dest-au = Australia
elig-dest-ca = Canada

## Questions
elig-q-food = Is it something to eat or drink?
elig-q-food-find = Check whether people (or animals) eat or drink it.
elig-q-animal-parts = Is any part made from an animal: bone, horn, shell, skin, fur, feathers or ivory?
elig-q-animal-parts-find = Ask whoever made or sold you the materials whether any part (beads, buttons, decoration) is bone, horn, shell, skin, fur or feathers.
elig-q-wild-animal = Does any part come from a wild animal, wild bird, snake, turtle, coral or other sea creature? (Cow, buffalo, goat, sheep and camel are not wild.)
elig-q-wild-animal-find = Find out which animal the material comes from, and keep a bill from the supplier that names it.
elig-q-feathers = Does it have feathers of a peacock or of any wild bird?
elig-q-feathers-find = Find out which bird the feathers come from. Peacock and wild-bird feathers cannot be exported.
elig-q-antique = Is it more than 100 years old? (A handwritten manuscript: more than 75 years?)
elig-q-antique-find = Find out how old it is. If it may be that old, ask the Archaeological Survey of India before selling.
elig-q-wood = Is any part made of wood, or will you pack it in a wooden box or crate?
elig-q-wood-find = Check what the item and its packing are made of.
elig-q-sandalwood = Is it made of real sandalwood (chandan) or red sanders (rakta chandan)?
elig-q-sandalwood-find = Ask the wood supplier which wood it is, and keep the bill.
elig-q-plants = Does it contain seeds or living plants (for example rudraksha, seeds, saplings)?
elig-q-plants-find = Check whether any part is a seed or a living plant.
elig-q-quran-text = Does the cloth carry verses of the Holy Quran?
elig-q-quran-text-find = Ask someone who reads Arabic whether the writing on the cloth is from the Holy Quran.
elig-q-gi-user = Are you registered as an authorised user of this GI (Geographical Indication)?
elig-q-gi-user-find = Ask your District Industries Centre or your craft's producer group whether you are on the GI authorised-user list.
elig-q-iec-updated = Have you updated your IEC on the DGFT website this year (between 1 April and 30 June)?
elig-q-iec-updated-find = Log in at dgft.gov.in and check that your IEC is active and updated this year.
elig-q-lut = Have you filed this year's GST LUT (form RFD-11)?
elig-q-lut-find = Look for this year's LUT acknowledgement on the GST portal, or ask your CA.
elig-q-forex-bank = Can your bank account receive payments from abroad?
elig-q-forex-bank-find = Ask your bank branch whether your account can receive foreign payments.
elig-q-ad-code = Has your bank given you an AD code, and is it registered at the port you ship from?
elig-q-ad-code-find = Ask your bank for the AD code letter, and your courier or customs agent whether it is registered at the port.
elig-q-marketplace = Do you have a seller account on Amazon Global Selling, eBay or a similar site?
elig-q-marketplace-find = Check whether you or your group already have a seller account.

## Seller readiness
elig-ready-iec-why = You need an IEC (Import Export Code) to export. Today the IEC is simply your PAN, registered with DGFT.
elig-ready-iec-how = Apply online (form ANF-2A) with your PAN, a cancelled cheque or bank letter, and address proof.
elig-ready-iec-cost = ₹500 fee.
elig-ready-iec-where = dgft.gov.in → Services → IEC
elig-ready-iec-update-why = Every year between 1 April and 30 June you must update your IEC online, even if nothing has changed.
elig-ready-iec-update-do = Log in at dgft.gov.in and confirm or update your IEC details before 30 June.
elig-ready-iec-late-why = Your IEC was not updated between 1 April and 30 June, so it may have been switched off.
elig-ready-iec-late-do = Update it online at dgft.gov.in now: the IEC works again once it is updated.
elig-ready-gstin-why = With a GSTIN you can export without paying GST (under an LUT) and get tax refunds. Small handicraft makers may not need one: ask a CA.
elig-ready-gstin-how = Register on the GST portal with your PAN, Aadhaar, bank details and business address.
elig-ready-gstin-cost = Free on the GST portal (a CA may charge for helping).
elig-ready-gstin-where = gst.gov.in → Services → Registration
elig-ready-lut-why = The LUT lets you export without paying IGST. It is valid for one financial year (April to March), and the goods must leave within 3 months of the invoice.
elig-ready-lut-how = File form GST RFD-11 on the GST portal (two witnesses needed). Write on each invoice: "Supply meant for export under LUT without payment of integrated tax".
elig-ready-lut-cost = Free.
elig-ready-lut-where = gst.gov.in → Services → User Services → Furnish Letter of Undertaking
elig-ready-forex-bank-why = Buyers abroad pay in dollars, pounds or euros. Your account must receive these payments and give you an e-FIRC (payment proof) for each one.
elig-ready-forex-bank-how = Ask your bank branch to allow foreign payments on your account and to issue e-FIRCs.
elig-ready-forex-bank-cost = Banks may charge a small fee per payment: ask your bank.
elig-ready-forex-bank-where = Your bank branch (foreign exchange desk)
elig-ready-ad-code-why = Without an AD code no shipping bill can be made, and tax refunds cannot reach you.
elig-ready-ad-code-how = Ask your bank for the AD code letter (14 digits), then register it on ICEGATE for each port you ship from.
elig-ready-ad-code-cost = Ask your bank; a customs agent may charge for registering it.
elig-ready-ad-code-where = Your bank branch, then icegate.gov.in
elig-ready-marketplace-why = To sell abroad online you need a seller account, for example on Amazon Global Selling or eBay.
elig-ready-marketplace-how = Sign up with an ID proof (Aadhaar, PAN, passport or driving licence) and a bank or card statement less than 180 days old.
elig-ready-marketplace-cost = Check the fees before you start: sites take a fee on each sale, some also a monthly fee.
elig-ready-marketplace-where = sell.amazon.in (Global Selling) or ebay.in

## Product rules
elig-r-wildlife-where = Wildlife Crime Control Bureau (wccb.gov.in) or your district forest office
elig-r-wild-animal-why = Wild animals and anything made from them (skin, bone, horn, teeth, claws, feathers) cannot be exported from India.
elig-r-wild-animal-do = Do not sell this abroad. Make the item without wild-animal parts.
elig-r-peacock-feathers-why = Peacock feathers and anything made from them cannot be exported (banned since 1 April 1999).
elig-r-peacock-feathers-do = Do not sell it abroad. A peacock that is painted, printed or woven as a design is fine.
elig-r-ivory-why = Ivory and anything made from it cannot be exported.
elig-r-ivory-do = Do not sell it abroad. If it only looks like ivory, write the real material in the listing.
elig-r-shahtoosh-why = Shahtoosh (wool of the Tibetan antelope) is banned: it may not be made, sold or exported.
elig-r-shahtoosh-do = Do not sell it. Pashmina and other wool shawls are fine: name the real wool.
elig-r-endangered-why = Skin, horn, shell, claws, teeth or coral of protected animals cannot be exported.
elig-r-endangered-do = Do not sell it abroad. If it is only a print or an imitation, say so clearly in the listing.
elig-r-animal-origin-why = Things made from domestic animals (cow, buffalo, goat, sheep, camel) can usually be exported.
elig-r-animal-origin-do = Write in the listing which animal it comes from, and keep the supplier's bill that says so.
elig-r-sandalwood-raw-why = Raw sandalwood (logs, pieces, chips or powder) cannot be exported at all.
elig-r-sandalwood-raw-do = Do not sell it abroad. Only finished, hand-carved sandalwood items may go, with a CITES permit.
elig-r-red-sanders-why = Red sanders (rakta chandan) is controlled: it needs a CITES permit and WCCB clearance. Raw wood cannot go.
elig-r-red-sanders-do = Do not sell raw red sanders. For a finished item, talk to WCCB before you list it.
elig-r-cites-do = Get a CITES export permit (with WCCB clearance) before each shipment.
elig-r-sandalwood-craft-why = Finished sandalwood handicrafts may be exported, but only with a CITES permit.
elig-r-timber-why = Logs, timber, planks thicker than 6 mm, wood chips and charcoal cannot be exported. A handicraft made mostly by hand, with carving or decoration, is not timber.
elig-r-timber-do = Do not sell raw wood abroad. Sell finished, hand-made wooden items instead.
elig-r-antique-why = Things 100 years old or more are antiquities: only the Government, or someone with a permit, may export them.
elig-r-manuscript-why = Handwritten manuscripts (puthi) 75 years old or more are antiquities: only the Government, or someone with a permit, may export them.
elig-r-antique-do = Do not sell it abroad. If you are not sure how old it is, ask the Archaeological Survey of India.
elig-r-antique-where = Archaeological Survey of India, Kolkata Circle
elig-r-quran-textile-why = Cloth with verses of the Holy Quran needs an export licence.
elig-r-quran-textile-do = Get an export licence from DGFT before selling it abroad.
elig-r-dgft-where = DGFT regional office, Kolkata (dgft.gov.in)
elig-r-seeds-plants-why = Seeds and plant material may need an export permit. (Our source for this is weak.)
elig-r-seeds-plants-do = Ask the plant quarantine office before selling seeds or plants abroad.
elig-r-plant-where = Plant Quarantine Station, Kolkata (ppqs.gov.in)
elig-r-rice-policy-why = Rice export rules have changed several times in recent years. (We have not checked the current rule.)
elig-r-rice-policy-do = Check today's rule for your rice on the DGFT website before selling abroad.
elig-r-fresh-produce-why = Fresh fruit needs a plant-health (phytosanitary) certificate, and many countries have special rules for mangoes. (We have not checked these.)
elig-r-fresh-produce-do = Ask the plant quarantine office, and your buyer, what the country asks for before sending fresh fruit.

## Certificates and marks
elig-r-ispm15-why = Wooden boxes, crates and pallets must be treated against pests (ISPM-15: heated to 56 °C for 30 minutes, or fumigated) and stamped. Plywood and cardboard need no treatment.
elig-r-ispm15-do = Pack in cardboard or plywood, or use wooden crates with the ISPM-15 stamp.
elig-r-ispm15-where = An approved fumigation agency (ask your courier)
elig-r-wood-fumigation-why = Wood, bamboo and cane items are checked for insects abroad. A fumigation certificate avoids delays.
elig-r-wood-fumigation-do = Have the items fumigated by an approved agency and send the certificate with them.
elig-r-handloom-mark-why = The Handloom Mark shows buyers the cloth is really hand-woven in India. It is optional.
elig-r-handloom-mark-do = If you want it, register with the Textiles Committee (they visit your loom).
elig-r-textiles-committee-where = Textiles Committee (textilescommittee.nic.in)
elig-r-silk-mark-why = The Silk Mark tag shows buyers it is pure silk. It is optional.
elig-r-silk-mark-do = If you want it, join the Silk Mark scheme and get the hologram tags.
elig-r-silk-mark-where = Silk Mark Organisation of India, Central Silk Board (csb.gov.in)
elig-r-jute-mark-why = The Jute Mark India label (with a QR code) shows buyers it is real jute. It is optional.
elig-r-jute-mark-do = If you want it, apply to the Textiles Committee for the Jute Mark India label.
elig-r-craftmark-why = Craftmark is a label for genuine handicrafts. It is optional, but it helps buyers trust you.
elig-r-craftmark-do = If you want it, apply for a Craftmark licence.
elig-r-craftmark-where = Craftmark (craftmark.org)
elig-r-gi-authorised-why = Only registered authorised users may sell under a GI name (like "Bengal Dokra" or "Baluchari").
elig-r-gi-authorised-do = Register as an authorised user of the GI. Until then, describe the item without the GI name.
elig-r-gi-where = GI Registry (ipindia.gov.in); your District Industries Centre can help
elig-r-gi-other-district-why = This craft's GI name belongs to makers in its home district. Made elsewhere, it may not carry that name.
elig-r-gi-other-district-do = Describe the item by its craft and material, without the GI name.
elig-r-fssai-why = Food for export needs an FSSAI Central licence (you need an IEC for it).
elig-r-fssai-do = Apply online for an FSSAI Central licence.
elig-r-fssai-where = foscos.fssai.gov.in
elig-r-darjeeling-tea-why = "Darjeeling" is a Tea Board trademark, and customs ask for a Darjeeling certificate of origin.
elig-r-darjeeling-tea-do = Sell tea from a Tea Board licensed Darjeeling garden, and get the certificate of origin for each shipment.
elig-r-tea-board-where = Tea Board of India, Kolkata (teaboard.gov.in)

## Buyer's country (advice)
elig-d-us-food-why = Food sent to the USA needs FDA food facility registration (through a US agent) and a Prior Notice for every shipment.
elig-d-us-food-do = Register with the FDA through a US agent, and file a Prior Notice before each shipment.
elig-d-us-food-where = fda.gov → Food Facility Registration
elig-d-wood-plant-why = Wood, bamboo, cane, grass and seeds are checked for pests on arrival, and wooden packing must carry the ISPM-15 stamp. (We have not checked this country's rules.)
elig-d-wood-plant-do = Send the fumigation or plant-health certificate with the parcel, and ask your buyer or courier about the country's rules.
elig-d-cites-why = For leather or other animal material of protected species, the buyer's country also asks for CITES papers.
elig-d-cites-do = Write the animal in the listing. For unusual skins, check CITES papers before you sell.
elig-d-textile-label-why = Clothes and cloth need a label with the fibre (like "100% cotton") and "Made in India". (We have not checked the details.)
elig-d-textile-label-do = Attach a label with the fibre and "Made in India".
elig-d-ca-textile-label-why = In Canada, cloth labels show the fibre, the seller and "Made in India", in English and French. (We have not checked the details.)
elig-d-food-label-why = Food must meet this country's food and label rules (ingredients, weight, best-before date, in its language). (We have not checked the details.)
elig-d-food-label-do = Ask your buyer or importer which papers and labels this food needs.
elig-d-au-strict-why = Australia is very strict about food, wood, bamboo, grass and seeds: some need a permit or treatment, some are not allowed. (We have not checked the details.)
elig-d-au-strict-do = Look up your item in Australia's BICON import database before you sell.
elig-d-au-where = bicon.agriculture.gov.au

## Value limits and ways to ship
elig-r-courier-cap-why = By courier, one consignment may be worth up to ₹10 lakh.
elig-r-courier-cap-do = Send bigger orders as regular cargo.
elig-r-courier-no-cap-why = From 1 April 2026 the ₹10 lakh limit per courier consignment is removed (still to be confirmed).
elig-r-courier-no-cap-do = Before a very large shipment, check the latest DGFT notice with your courier.
elig-r-postal-limits-why = You can also export by post. Free samples up to ₹50,000 and gifts up to ₹25,000 may go by post.
elig-r-postal-limits-do = To sell by post, ask at a post-office export centre (Dak Ghar Niryat Kendra).
elig-r-dnk-why = Post-office export centres (Dak Ghar Niryat Kendra) help for free with papers, customs and booking. West Bengal has 38.
elig-r-dnk-do = Visit your nearest Dak Ghar Niryat Kendra with the item and your IEC.
elig-r-dnk-where = Ask at your head post office for the nearest Dak Ghar Niryat Kendra
