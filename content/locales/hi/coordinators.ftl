## समन्वयक कंसोल: /stats, /sellers, /seller, /pending, विक्रेताओं की शीट, एडमिन की सूचियाँ, सुबह का सारांश

cs-scope-all = सभी ज़िले
cs-scope-many = { $count } ज़िले
cs-not-your-district = यह ज़िला अब आपके ज़िम्मे नहीं है।
cs-not-your-seller = यह विक्रेता आपके ज़िलों में नहीं है।
cs-btn-prev = ◀ पिछला पन्ना
cs-btn-next = अगला पन्ना ▶
cs-btn-more = और ({ $count }) ▶

## /stats
cs-stats =
    📊 <b>कार्यक्रम की प्रगति — { $scope }</b> ({ $date })
    👤 पंजीकृत: <b>{ $registered }</b>
    📦 उत्पाद जोड़ा: { $products } ({ $products_pct }%)
    📷 मुख्य फ़ोटो अच्छी: { $photos } ({ $photos_pct }%)
    ✅ लिस्टिंग तैयार: { $ready } ({ $ready_pct }%)
    🔎 निर्यात जाँच हुई: { $checked } — तैयार { $v_ready }, कुछ काम बाकी { $v_steps }, अनुमति नहीं { $v_blocked }
    📚 प्रशिक्षण में आमंत्रित: { $invited }; आए: { $attended }
    🛒 ऑर्डर मिले: { $orders }
cs-stats-by-district = <b>ज़िलेवार</b> (पंजीकृत · 📦 उत्पाद · ✅ तैयार · 🔎 जाँच · 📚 प्रशिक्षण · 🛒 ऑर्डर)
cs-stats-line = { $district }: { $registered } · 📦 { $products } · ✅ { $ready } · 🔎 { $checked } · 📚 { $attended } · 🛒 { $orders }
cs-stats-none = { $scope } में अभी तक किसी विक्रेता ने पंजीकरण नहीं किया है।

## चरण
cs-stage-any = सभी चरण
cs-stage-registered_only = पंजीकृत, कोई उत्पाद नहीं
cs-stage-no_good_photo = अच्छी फ़ोटो नहीं
cs-stage-listing_not_ready = लिस्टिंग पक्की नहीं हुई
cs-stage-not_checked = निर्यात जाँच नहीं हुई
cs-stage-blocked = निर्यात की अनुमति नहीं
cs-stage-steps = कुछ काम के बाद निर्यात संभव
cs-stage-ready = निर्यात के लिए तैयार

## /sellers
cs-sellers-usage = उपयोग: /sellers [ज़िला] [चरण]। चरण: registered_only, no_good_photo, listing_not_ready, not_checked, blocked, steps, ready। जैसे: /sellers Bankura not_checked
cs-sellers-title = 👥 <b>विक्रेता — { $scope }, { $stage }</b>: { $count } (पन्ना { $page } / { $pages })
cs-seller-line = { $n }. <b>{ $name }</b> — { $district } — { $stage } — 📞 { $phone }
cs-sellers-none = { $scope } में इस चरण ({ $stage }) पर कोई विक्रेता नहीं है।

## /seller
cs-seller-usage = उपयोग: /seller के बाद टेलीग्राम आईडी, फ़ोन नंबर या नाम का हिस्सा लिखें। जैसे: /seller 98300 12345 या /seller Rina
cs-seller-not-found = "{ $query }" के लिए कोई विक्रेता नहीं मिला।
cs-seller-choose = "{ $query }" से कई विक्रेता मिलते हैं ({ $count } दिखाए गए)। एक चुनें:
cs-seller-more = और भी हैं: नाम थोड़ा और लिखें।
cs-card =
    👤 <b>{ $name }</b> · 🏷 { $business }
    📍 { $district } · 🧵 { $craft }
    📞 { $phone }
    🗓 पंजीकरण { $registered } · आईडी { $id }
    ➡️ चरण: <b>{ $stage }</b>
cs-card-blocked = ⛔ { $date } को बॉट ब्लॉक किया: संदेश नहीं पहुँचते।
cs-card-opted-out = 🔕 { $date } को संदेश बंद किए (/stop)।
cs-card-products = 📦 <b>उत्पाद ({ $count })</b>
cs-card-product = • { $name } — { $status } — 📷 { $photos }{ $photo_ok ->
        [yes] {""}
       *[no] {" "}⚠️ मुख्य फ़ोटो सुधारनी है
    }
cs-product-ready = लिस्टिंग तैयार
cs-product-draft = मसौदा
cs-card-more = …और { $count }।
cs-card-no-products = 📦 अभी कोई उत्पाद नहीं।
cs-card-check = 🔎 निर्यात जाँच { $date }: { $verdict } — { $missing } बाकी:
cs-card-check-none = 🔎 अभी निर्यात जाँच नहीं हुई।
cs-verdict-ready = ✅ निर्यात के लिए तैयार
cs-verdict-steps = ⚠️ कुछ काम के बाद संभव
cs-verdict-blocked = ⛔ अनुमति नहीं
cs-card-training = 📚 { $title } ({ $date }): { $answer }
cs-card-trainings-none = 📚 अभी किसी प्रशिक्षण का जवाब नहीं दिया या उसमें नहीं आए।
cs-trn-came = आए थे
cs-trn-yes = आने को कहा
cs-trn-no = नहीं आ पाएँगे कहा
cs-trn-none = आमंत्रित
cs-card-orders = 🛒 ऑर्डर: { $open } बाकी, { $overdue } देर से
cs-btn-nudge-card = 🔔 याद दिलाएँ ({ $stage })

## /pending
cs-pending-title = ⏳ <b>कौन कहाँ अटका है — { $scope }</b> (सबसे ज़्यादा दिनों वाले पहले; 🔔 से एक विनम्र याद-दिहानी जाती है)
cs-pending-none = अभी { $scope } में कोई अटका नहीं है।
cs-pending-group = <b>{ $stage }</b>: { $count }
cs-pending-line = • { $name } ({ $district }) — { $span ->
        [today] आज से
        [one] 1 दिन से
       *[many] { $days } दिन से
    }
cs-pending-reg = पंजीकरण पूरा नहीं
cs-pending-product = अभी उत्पाद नहीं
cs-pending-photo = फ़ोटो सुधारनी है
cs-pending-draft = लिस्टिंग पक्की नहीं
cs-pending-check = निर्यात जाँच नहीं हुई
cs-pending-training = अभी प्रशिक्षण नहीं
cs-pending-no-training = (इस ज़िले में अभी कोई प्रशिक्षण तय नहीं है: पहले /newtraining से एक तय करें, फिर याद दिलाएँ।)
cs-btn-nudge = 🔔 { $name }
cs-nudge-sent = 🔔 { $name } को याद-दिहानी भेजी जा रही है ({ $stage })।
cs-nudge-already = { $name } को आज इस बारे में याद-दिहानी मिल चुकी है ({ $stage })।
cs-nudge-moved-on = { $name } वह चरण पार कर चुके हैं: याद-दिहानी की ज़रूरत नहीं।
cs-nudge-unreachable = { $name } ने संदेश बंद किए हैं या बॉट ब्लॉक किया है, इसलिए याद-दिहानी नहीं भेजी गई।

## विक्रेताओं को याद-दिहानी (समन्वयक के 🔔 से)
cs-nudge-reg = 🙏 नमस्ते! एक्सपोर्ट साथी में आपका पंजीकरण अभी पूरा नहीं हुआ है। बस कुछ मिनट लगेंगे: जारी रखने के लिए बटन दबाएँ।
cs-nudge-product = 🙏 नमस्ते { $name }! आपके ज़िले के समन्वयक कहते हैं: फ़ोटो के साथ अपना पहला उत्पाद जोड़ें, ताकि विदेश के खरीदार आपका काम देख सकें।
cs-nudge-photo = 📷 नमस्ते { $name }! आपके उत्पाद की मुख्य फ़ोटो और साफ़ होनी चाहिए (अच्छी रोशनी, सादा पीछे का हिस्सा)। नई फ़ोटो देने के लिए बटन दबाएँ।
cs-nudge-draft = ✍️ नमस्ते { $name }! आपकी उत्पाद लिस्टिंग लगभग तैयार है: एक बार देखकर पक्की कर दें।
cs-nudge-check = ✅ नमस्ते { $name }! आपकी लिस्टिंग तैयार है। अब देख लें कि इसका निर्यात हो सकता है या नहीं और क्या चाहिए: दो मिनट लगेंगे।
cs-nudge-training = 📚 नमस्ते { $name }! मुफ़्त प्रशिक्षण ऑनलाइन बिक्री शुरू करने में मदद करता है। पास के प्रशिक्षण देखने के लिए बटन दबाएँ।
cs-nudge-btn-reg = ▶ पंजीकरण जारी रखें
cs-nudge-btn-product = ➕ उत्पाद जोड़ें
cs-nudge-btn-photo = 📷 मेरे उत्पाद
cs-nudge-btn-draft = ✍️ मेरे उत्पाद
cs-nudge-btn-check = ✅ निर्यात जाँच
cs-nudge-btn-training = 📚 प्रशिक्षण

## /export sellers
cs-export-empty = वहाँ शीट में डालने के लिए अभी कोई विक्रेता नहीं है।
cs-export-started = विक्रेताओं की शीट बन रही है ({ $count } विक्रेता, { $scope })…
cs-export-file = 📄 विक्रेता: चरण, उत्पाद, आख़िरी निर्यात जाँच, पंजीकरण की तारीख़ (फ़ोन सिर्फ़ आपके ज़िलों के)।

## एडमिन
cs-removecoordinator-usage = उपयोग: /removecoordinator &lt;टेलीग्राम आईडी या व्हाट्सऐप नंबर&gt; [ज़िला, ज़िला…] — ज़िले न लिखें तो उनके सभी ज़िले हटेंगे।
cs-removecoordinator-none = उपयोगकर्ता { $user } उन ज़िलों के समन्वयक नहीं थे।
cs-removecoordinator-done = ✓ उपयोगकर्ता { $user } अब इन ज़िलों के समन्वयक नहीं हैं: { $districts }। बचे ज़िले: { $left }।
cs-coordinators-none = अभी कोई समन्वयक नहीं है। /addcoordinator से नियुक्त करें।
cs-coordinators-title = 👥 <b>समन्वयक ({ $count })</b>
cs-coordinators-line = • { $user }: { $districts } ({ $date } से)
cs-audit-none = अभी तक किसी ने विक्रेताओं की निजी जानकारी नहीं देखी है।
cs-audit-title = 🔐 <b>निजी जानकारी देखने की आख़िरी { $count } घटनाएँ</b> (भारतीय समय)
cs-audit-line = { $when } · { $actor } → { $subject }: { $action } { $detail }
cs-audit-card = विक्रेता कार्ड
cs-audit-sellers = विक्रेता सूची
cs-audit-search = खोज के नतीजे
cs-audit-pending = कौन अटका है
cs-audit-export = कैटलॉग निर्यात
cs-audit-export_sellers = विक्रेताओं की शीट
cs-audit-checks = निर्यात जाँच की सूची
cs-audit-all-districts = सभी ज़िले
cs-audit-d-districts = { $names }
cs-audit-d-count = { $n } विक्रेता
cs-audit-d-page = पन्ना { $page }
cs-audit-d-join = { $a } · { $b }
cs-audit-other = अन्य

## सुबह 9 बजे का सारांश, हर समन्वयक को
cs-digest =
    ☀️ <b>सुप्रभात! आज आपके ज़िले</b>
    🆕 कल से नए पंजीकरण: { $new }
    ⏳ नए अटके ({ $days } दिन एक ही चरण पर): { $stuck }
    📚 अगले { $window } दिनों में प्रशिक्षण: { $trainings }{ $has_next ->
        [yes] {" "}— अगला: { $next_title }, { $next_when }
       *[no] {""}
    }
    🛒 देर वाले ऑर्डर: { $overdue }{ $has_stale ->
        [yes] {"\u000A"}📋 निर्यात के { $stale } नियम या ख़र्च की दरें 6 महीने से ज़्यादा समय से नहीं जाँची गईं: प्रशासक /rules से देख सकते हैं।
       *[no] {""}
    }
cs-btn-digest-pending = ⏳ कौन अटका है
cs-btn-digest-stats = 📊 प्रगति

## The chart (always drawn in English: the default fonts cannot shape Bengali) and the sellers sheet
cs-chart-title-one = { $district }: हर चरण पर विक्रेता, { $day }
cs-chart-title-all = ज़िलेवार हर चरण पर विक्रेता, { $day }
cs-chart-registered = पंजीकृत
cs-chart-products = उत्पाद है
cs-chart-photos = अच्छी फ़ोटो
cs-chart-ready = लिस्टिंग तैयार
cs-chart-checked = निर्यात जाँच हुई
cs-chart-invited = प्रशिक्षण में आमंत्रित
cs-chart-attended = प्रशिक्षण में आए
cs-chart-orders = ऑर्डर है
cs-chart-sellers = विक्रेता
cs-sheet-name = नाम
cs-sheet-district = ज़िला
cs-sheet-craft = शिल्प
cs-sheet-stage = चरण
cs-sheet-products = उत्पाद
cs-sheet-ready = तैयार लिस्टिंग
cs-sheet-check = आख़िरी निर्यात जाँच
cs-sheet-registered = पंजीकरण
cs-sheet-phone = फ़ोन

## /rules: पुराने हो चुके नियम और दरें (प्रशासकों के लिए)
rules-fresh = ✅ सभी { $total } नियम और दरें { $limit } के बाद जाँची गईं। सबसे पुरानी: { $oldest }।
rules-stale-title = 📋 { $total } में से { $count } नियम या दरें आख़िरी बार { $limit } से पहले जाँची गईं:
rules-stale-line = • { $name } ({ $kind }) — { $date }
rules-kind-rule = नियम
rules-kind-rate = दर
rules-stale-more = …और { $count }
rules-stale-how = स्रोत फिर से देखें, फिर content/data/eligibility.yaml में checked_on (दरों के लिए export_costs.yaml में checked) बदलें।
