## कैटलॉग: उत्पाद जोड़ना, सूची और एक्सपोर्ट

menu-addproduct = ➕ उत्पाद जोड़ें
menu-products = 📦 मेरे उत्पाद
menu-finish-draft = ▶️ पूरा करें: { $name }
cmd-addproduct = उत्पाद जोड़ें
cmd-products = मेरे उत्पाद

prod-drafts-waiting = आपका एक उत्पाद अधूरा है। उसे पूरा करें या नया शुरू करें?
btn-prod-resume = ▶️ जारी रखें: { $name }
btn-prod-new = ➕ नया उत्पाद
btn-add-product = ➕ उत्पाद जोड़ें
btn-add-another = ➕ एक और उत्पाद जोड़ें
    .short = ➕ एक और उत्पाद
btn-my-products = 📦 मेरे उत्पाद
prod-none = अभी कोई उत्पाद नहीं है।
prod-list = <b>आपके उत्पाद ({ $count })</b> — खोलने के लिए किसी एक को दबाएँ।
btn-prod-item = { $n }. { $name } · { $status }
prod-status-draft = 🟡 अधूरा
prod-status-ready = 🟢 तैयार
btn-prev = ◀ पिछला
btn-next = अगला ▶
btn-catalogue-xlsx = 📥 मेरा कैटलॉग (एक्सेल फ़ाइल)
prod-catalogue-file = 📥 आपका कैटलॉग: { $count } उत्पाद, फ़ोटो सहित।
prod-card =
    <b>{ $name }</b>
    SKU: { $sku } · { $status } · फ़ोटो: { $photos }
prod-card-actions = इस उत्पाद के साथ क्या करना है?
btn-prod-edit = ✏️ विवरण बदलें
btn-prod-photos = 📷 फ़ोटो जोड़ें या हटाएँ
btn-prod-delete = 🗑 उत्पाद मिटाएँ
prod-gone = यह उत्पाद अब नहीं है (या आपका नहीं है)।

## फ़ोटो
field-photos = फ़ोटो
prod-ask-photos =
    📷 उत्पाद की फ़ोटो भेजें: 1 से { $max } तक।
    सुझाव: दिन की रोशनी में, सफ़ेद कपड़े या काग़ज़ पर रखकर, उत्पाद पूरी फ़ोटो में दिखे। पहली फ़ोटो मुख्य है। हो जाए तो "हो गया" दबाएँ।
prod-help-photos = फ़ोटो की तरह भेजें (पूरी गुणवत्ता के लिए फ़ाइल की तरह भी)। JPEG, PNG, WebP, HEIC चलेंगे, हर एक 20 MB तक। पहली फ़ोटो में सफ़ेद पृष्ठभूमि पर पूरा उत्पाद दिखे।
btn-photos-done = ✅ हो गया ({ $n } फ़ोटो)
btn-photo-retake = 🔁 समस्या वाली फ़ोटो फिर से लूँगा
    .short = 🔁 फिर से लूँगा
prod-photo-send-again = ठीक है, फ़ोटो फिर से भेजें।
prod-photos-need-one = पहले कम से कम एक फ़ोटो भेजें।
prod-photos-not-text = यहाँ लिखा हुआ नहीं, उत्पाद की फ़ोटो चाहिए। एक फ़ोटो भेजें।
prod-photos-not-media = यहाँ उत्पाद की फ़ोटो चाहिए। एक फ़ोटो भेजें।
prod-album-received = 📷 { $n } फ़ोटो मिलीं:
prod-photos-full = कुल { $n } फ़ोटो हो गईं, इससे ज़्यादा नहीं लेता। अब उत्पाद के बारे में कुछ सवाल।
photo-good = 👍 फ़ोटो { $n } अच्छी है।
photo-has-tips = फ़ोटो { $n } रख ली, पर:
photo-tip-small = • फ़ोटो छोटी है: Amazon पर ज़ूम के लिए लंबी तरफ़ कम से कम 1000 पिक्सेल चाहिए। फ़ोन के कैमरे की सबसे अच्छी सेटिंग लें।
photo-tip-blurry = • फ़ोटो धुंधली है — फ़ोन स्थिर रखें (किसी चीज़ का सहारा लें) और फिर से लें।
photo-tip-dark = • फ़ोटो बहुत अँधेरी है — दिन की रोशनी में, खिड़की के पास या बाहर छाया में लें।
photo-tip-bright = • फ़ोटो बहुत चमकीली है — सीधी धूप या लैंप से हटकर लें।
photo-tip-background = • पीछे का हिस्सा सफ़ेद नहीं है — उत्पाद को सफ़ेद कपड़े या काग़ज़ पर रखें।
photo-error-too_big = यह फ़ाइल 20 MB से बड़ी है, इतनी बड़ी फ़ाइल नहीं ली जा सकती। इसे फ़ाइल नहीं, फ़ोटो की तरह भेजें, या छोटी फ़ोटो दें।
photo-error-download_failed = फ़ोटो डाउनलोड नहीं हो पाई। फिर से भेजें।
photo-error-unreadable = यह तस्वीर खुल नहीं रही: फ़ाइल ख़राब लगती है। फिर से भेजें।
photo-error-not_image_format = यह काम की फ़ोटो नहीं है। JPEG, PNG, WebP या HEIC तस्वीर भेजें।
photo-error-too_small = तस्वीर बहुत छोटी है (500 पिक्सेल से कम): बाज़ार इसे नहीं लेते। बड़ी फ़ोटो लें।
photo-error-too_many = आपकी 8 फ़ोटो हो गईं, इससे ज़्यादा नहीं लेता। "हो गया" दबाएँ।
photo-error-duplicate = यही फ़ोटो आप पहले भेज चुके हैं।

## विवरण
field-what = उत्पाद
field-item = चीज़
field-material = सामग्री
field-size = आकार
field-weight = वज़न
field-colour = रंग
field-price = दाम
field-stock = स्टॉक
field-days = एक बनाने में कितने दिन
field-special = ख़ासियत
prod-ask-what = यह क्या उत्पाद है? नीचे से चुनें या अपने शब्दों में लिखें।
prod-help-what = शिल्प और चीज़ क्या है, जैसे "ढोकरा हाथी", "कांथा स्टोल", "टेराकोटा घोड़ा"।
prod-ask-item = { $craft }: यह कौन सी चीज़ है? नीचे से चुनें या अपने शब्दों में लिखें।
prod-help-item = चीज़ क्या है, जैसे घोड़ा, हाथी, साड़ी, थैला, चटाई। सूची में न हो तो खुद लिखें।
prod-ask-material = यह किससे बना है? (जैसे: मिट्टी, पीतल, सूती, जूट, बाँस।)
prod-help-material = मुख्य सामग्री, किसी भी भाषा में: मिट्टी, पीतल, सूती, silk, jute…
prod-ask-size = यह कितना बड़ा है? लंबाई × चौड़ाई (× ऊँचाई) सेमी या इंच में लिखें, जैसे "10 x 20 सेमी"।
prod-help-size = जैसे: 30 सेमी · 10 x 20 सेमी · 12 इंच · 10 x 20 cm।
prod-size-error-not_size = आकार अंकों में लिखें, जैसे "10 x 20 सेमी"।
prod-size-error-unit = इकाई लिखें: सेमी या इंच, जैसे "10 x 20 सेमी"।
prod-size-error-zero = आकार 0 नहीं हो सकता। फिर से नापें।
prod-size-error-too_large = यह { $metres } मीटर से बड़ा है: अंक और इकाई जाँच लें।
prod-ask-weight = वज़न कितना है? ग्राम या किलो में लिखें, जैसे "500 ग्राम" या "1.5 किलो"।
prod-help-weight = एक नग का वज़न, जैसे 500 ग्राम, 1.5 kg।
prod-weight-error-not_weight = वज़न अंकों में ग्राम या किलो के साथ लिखें, जैसे "500 ग्राम"।
prod-weight-error-unit = इकाई लिखें: ग्राम या किलो, जैसे "500 ग्राम"।
prod-weight-error-zero = वज़न 0 नहीं हो सकता।
prod-weight-error-too_large = यह 100 किलो से ज़्यादा है: ऑनलाइन निर्यात के कूरियर पार्सल बहुत हल्के होते हैं। जाँच लें।
prod-ask-colour = रंग क्या है? नीचे से चुनें या लिखें।
prod-help-colour = मुख्य रंग, जैसे "लाल और सफ़ेद"।
colour-red = लाल
colour-blue = नीला
colour-green = हरा
colour-yellow = पीला
colour-black = काला
colour-white = सफ़ेद
colour-brown = भूरा
colour-multi = कई रंग
prod-ask-price = एक नग का दाम कितने रुपये? (जैसे "500"।)
prod-help-price = एक नग का बिक्री दाम ₹ में, जैसे 500।
prod-price-error-not_price = दाम अंकों में लिखें, जैसे "500"।
prod-price-error-zero = दाम 0 या मुफ़्त नहीं हो सकता।
prod-price-error-negative = दाम 0 से कम नहीं हो सकता।
prod-price-error-too_large = एक हाथ के काम के लिए यह दाम बहुत ज़्यादा है। शून्य गिन लें।
prod-price-error-decimal = दाम पूरे रुपयों में लिखें, जैसे "500"।
prod-ask-stock = अभी बेचने के लिए कितने नग तैयार हैं?
prod-help-stock = एक संख्या, जैसे 10। ऑर्डर पर बनाते हों तो 0 लिखें।
prod-ask-days = एक और नग बनाने में कितने दिन लगते हैं?
prod-help-days = दिनों की संख्या, जैसे 7।
prod-count-error-not_number = एक संख्या लिखें, जैसे 10।
prod-count-error-negative = संख्या 0 से कम नहीं हो सकती।
prod-count-error-too_large = संख्या बहुत बड़ी है। जाँच लें।
prod-count-error-too_small = कम से कम 1 लिखें।
prod-ask-special = कुछ शब्दों में, इसकी ख़ासियत क्या है? अपनी भाषा में लिखें। (या "छोड़ें" दबाएँ।)
prod-help-special = जैसे: हाथ से बना, प्राकृतिक रंग, हमारे गाँव का पारंपरिक डिज़ाइन।
prod-summary = <b>अपना उत्पाद जाँच लें:</b>
prod-listing =

    <b>अंग्रेज़ी लिस्टिंग (विदेशी ख़रीदारों के लिए)</b>
    <b>शीर्षक:</b> { $title }
    { $bullets }
    <b>खोज शब्द:</b> { $keywords }
    <b>HS हेडिंग:</b> { $hs }
prod-listing-gi = 🏷 GI-टैग: { $gi } (नाम सिर्फ़ पंजीकृत अधिकृत उपयोगकर्ता के रूप में इस्तेमाल करें)।
prod-saved = ✅ आपका उत्पाद रख लिया, लिस्टिंग तैयार (SKU { $sku })।
prod-gi-register = ℹ️ आपका शिल्प पंजीकृत जीआई “{ $gi }” है, पर यह नाम केवल पंजीकृत अधिकृत उपयोगकर्ता लिख सकते हैं, इसलिए सूची में नाम नहीं रखा गया। नाम इस्तेमाल करने के लिए: जीआई रजिस्ट्री (ipindia.gov.in, फ़ॉर्म GI-3A) में अधिकृत उपयोगकर्ता बनने का आवेदन करें, फिर निर्यात जाँच (/check) में बताएँ।
prod-saved-not-exportable = ⛔ उत्पाद आपकी सूची में रख लिया गया (SKU { $sku }), पर इसका निर्यात नहीं हो सकता: { $reason } यह किसी मार्केटप्लेस फ़ाइल में नहीं जाएगा।
prod-cancelled = रोका गया। उत्पाद अधूरा रखा है: पूरा करने के लिए /addproduct भेजें।
prod-cancelled-empty = रोक दिया, कोई उत्पाद नहीं जुड़ा। बाद में जोड़ने के लिए /addproduct भेजें।
prod-resumed = चलिए, आपका उत्पाद पूरा करते हैं।
prod-delete-confirm = उत्पाद { $sku } फ़ोटो सहित मिटा दें? यह वापस नहीं होगा।
btn-prod-delete-yes = 🗑 हाँ, मिटा दें
prod-delete-kept = उत्पाद नहीं मिटाया गया।
prod-deleted = ✓ उत्पाद { $sku } मिटा दिया।

## कैटलॉग स्प्रेडशीट के कॉलम
xlsx-photo = फ़ोटो
xlsx-sku = SKU
xlsx-status = स्थिति
xlsx-craft = शिल्प
xlsx-product = उत्पाद
xlsx-price = दाम (₹)
xlsx-stock = स्टॉक
xlsx-title = अंग्रेज़ी शीर्षक
xlsx-bullets = मुख्य बातें
xlsx-hs = HS हेडिंग
xlsx-gi = GI-टैग

## समन्वयक का एक्सपोर्ट
staff-unknown-district = यह पश्चिम बंगाल का कोई ज़िला नहीं है।
staff-not-your-district = { $district } आपके ज़िलों में नहीं है।
export-empty = वहाँ एक्सपोर्ट के लिए अभी कोई तैयार उत्पाद नहीं है।
export-left-out = ⛔ छोड़े गए: { $count }
export-no-good-photo = मार्केटप्लेस के लायक साफ़ फ़ोटो नहीं (सब धुंधली, अँधेरी या छोटी); विक्रेता बेहतर फ़ोटो जोड़ सकते हैं।
export-left-out-line = • { $sku }: { $reason }
export-all = सभी ज़िले
export-started = { $count } तैयार उत्पादों की कैटलॉग फ़ाइलें बना रहा हूँ ({ $districts })…
export-rate = कीमतें अमेरिकी डॉलर में: ₹{ $rate } = $1 ({ $date } की दर)।
export-rate-old = ⚠️ यह दर { $days } दिन पुरानी है: अपलोड से पहले एडमिन से INR_PER_USD बदलवाएँ।
export-amazon = 📄 Amazon इन्वेंटरी शीट (अपनी कैटेगरी के टेम्पलेट में चिपकाएँ)। इमेज कॉलम में ज़िप की फ़ोटो के नाम हैं।
export-ebay = 📄 eBay File Exchange CSV (अपलोड से पहले कैटेगरी आईडी डालें)।
export-photos = 🖼 फ़ोटो, इमेज कॉलम के नामों से (भाग { $part } / { $parts })।
xlsx-word-draft = अधूरा
xlsx-word-ready = तैयार
xlsx-word-yes = हाँ
xlsx-word-no = नहीं

# Units as a reader of this language writes them (sizes and weights shown back).
unit-cm = सेमी
unit-mm = मिमी
unit-m = मीटर
unit-in = इंच
unit-ft = फ़ुट
unit-yd = गज
unit-haat = हाथ
unit-g = ग्राम
unit-kg = किलो

# The items a craft usually makes, offered once the craft is picked.
item-horse = घोड़ा
item-elephant = हाथी
item-owl = उल्लू
item-figurine = मूर्ति / शोपीस
item-idol = प्रतिमा
item-doll = गुड़िया
item-mask = मुखौटा
item-diya = दीया
item-lamp = लैंप
item-vase = फूलदान
item-bell = घंटी
item-plate = थाली
item-box = डिब्बा
item-tray = ट्रे
item-wall_hanging = दीवार पर टांगने वाला
item-painting = चित्र
item-topor = टोपर (शादी का मुकुट)
item-saree = साड़ी
item-stole = स्टोल
item-dupatta = दुपट्टा
item-quilt = रज़ाई
item-cushion_cover = कुशन कवर
item-table_runner = टेबल रनर
item-bag = थैला
item-handbag = हैंडबैग
item-wallet = बटुआ
item-mat = चटाई
item-basket = टोकरी
item-jewelry = गहने
item-necklace = हार
item-earrings = झुमके
item-bangles = चूड़ियाँ
item-ring = अंगूठी

# A message changed after it was sent.
edit-not-read = ✏️ बदला हुआ संदेश मैं नहीं पढ़ता। कृपया जवाब फिर से नए संदेश में भेजें।
