# /price: विदेश भेजने का खर्च, किस दाम पर लिस्ट करें, क्या वापस मिलेगा।
menu-price = 💰 खर्च कितना होगा?
cmd-price = निर्यात का खर्च और दाम
help-cmd-price = /price — भेजने का खर्च, मार्केटप्लेस की फ़ीस, और किस दाम पर लिस्ट करें कि आपको अपना ₹ दाम मिले।
btn-price = 💰 विदेश में खर्च और दाम
btn-price-details = 🔎 यह दाम कैसे बना
btn-price-fill-in = ✏️ दाम और वज़न डालें
price-ask-product = कौन सा उत्पाद?
price-help-product = नीचे से अपना एक उत्पाद चुनें।
price-ask-destination = किस देश में भेजेंगे?
price-help-destination = ख़रीदार जिस देश में है, वह चुनें।
price-cancelled = रोक दिया। फिर चाहिए तो /price लिखें।
price-no-products = पहले एक उत्पाद जोड़ें (/addproduct), फिर /price लिखें।
price-needs-facts = खर्च निकालने के लिए इस उत्पाद का दाम और वज़न चाहिए।
price-title = 💰 { $product } → { $country } ({ $date } की दरें)
price-parcel = 📦 पैक करके वज़न लगभग { $weight } किलो; किराया { $charged } किलो के हिसाब से लगेगा।
price-ship-line = 🚚 { $name } ({ $kind }): { $cost }, { $days } दिन
price-kind-post = डाकघर
price-kind-express = एक्सप्रेस कूरियर
price-kind-aggregator = एग्रीगेटर के ज़रिए कूरियर
price-no-carrier = इतना बड़ा या भारी पार्सल हमारी सूची में कोई वहाँ नहीं ले जाता: डाकघर या कूरियर से पूछें।
price-list-at = 🏷 { $marketplace } पर दाम रखें { $listing }: सबसे सस्ते भेजने के खर्च और फ़ीस के बाद आपको मिलेंगे { $price }।
price-border-us = 🛃 अमेरिका: 29 अगस्त 2025 से कोई शुल्क-मुक्त सीमा नहीं। अमेरिकी शुल्क ख़रीदार देता है (डाक से भेजें तो बुकिंग पर आप): आज की दर डाकघर या कूरियर से पूछें।
price-border-eu = 🛃 यूरोप: वैट (इस दाम पर लगभग { $vat }) मार्केटप्लेस IOSS से लेता है; 1 जुलाई 2026 से €150 से कम के पार्सल पर हर चीज़ पर €3 शुल्क।
price-border-uk = 🛃 ब्रिटेन: £135 तक के पार्सल पर 20% वैट (लगभग { $vat }) मार्केटप्लेस लेता है; ख़रीदार को दरवाज़े पर कुछ नहीं देना।
price-border-au = 🛃 ऑस्ट्रेलिया: A$1,000 तक के सामान पर 10% जीएसटी (लगभग { $vat }) मार्केटप्लेस लेता है।
price-border-ca = 🛃 कनाडा: डाक या कूरियर से C$20 से ऊपर होने पर ख़रीदार दरवाज़े पर शुल्क और जीएसटी/एचएसटी देता है।
price-border-ae = 🛃 यूएई: 5% वैट; AED 1,000 से ऊपर ही सीमा शुल्क।
price-back = 🎁 आपको वापस मिलेगा: RoDTEP लगभग { $rodtep }, ड्यूटी ड्रॉबैक लगभग { $drawback }। LUT हो तो निर्यात पर जीएसटी नहीं देना।
price-card-used = (अभी कूरियर के सीधे दाम नहीं मिल पाए: ये दाम हमारी तारीख़ वाली सूची से हैं।)
price-details-title = 🔎 { $product }: यह दाम कैसे बना
price-d-listing = लिस्ट का दाम: { $amount }
price-d-vat = − मार्केटप्लेस जो टैक्स लेता है: { $amount }
price-d-referral = − मार्केटप्लेस की फ़ीस ({ $pct }%): { $amount }
price-d-conversion = − रुपये में बदलने का खर्च: { $amount }
price-d-received = = आपके हाथ आता है: { $amount } ≈ { $inr } (हर इकाई ₹{ $rate })
price-d-shipping = − भेजने का खर्च ({ $name }): { $cost }
price-d-net = = आपका दाम: { $price }
