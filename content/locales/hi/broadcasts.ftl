## समन्वयक की घोषणाएँ: लिखना, जाँचना, रिपोर्ट

bc-ask-text = 📣 <b>नई घोषणा।</b> विक्रेताओं के लिए संदेश लिखें (ज़्यादा से ज़्यादा { $max } अक्षर)। आप जो लिखेंगे, उन्हें ठीक वही मिलेगा।
bc-help-text = संदेश वैसे लिखें जैसे विक्रेता पढ़ें: छोटे वाक्य — क्या, कब, कहाँ। इसके बाद आप दूसरी भाषाओं के संस्करण और एक फ़ोटो जोड़ सकते हैं। /cancel से बंद करें।
bc-field-text = संदेश
bc-text-not-text = पहले संदेश लिखें। फ़ोटो थोड़ी देर में जोड़ सकते हैं।
bc-text-long = यह संदेश { $length } अक्षरों का है; एक संदेश में ज़्यादा से ज़्यादा { $max } अक्षर आते हैं। कृपया छोटा करें।
bc-ask-versions =
    { $mode ->
        [add] अब संदेश { $language } में लिखें।
       *[menu] आपका संदेश { $main } में है। दूसरी भाषा वाले विक्रेताओं को यही मिलेगा, जब तक आप उनकी भाषा का संस्करण न जोड़ें।
    }
bc-help-versions = हर विक्रेता को अपनी भाषा का संस्करण मिलेगा; न हो तो बांग्ला संस्करण (या आपका संदेश)। हो जाए तो "आगे बढ़ें" दबाएँ।
bc-field-versions = संस्करण
btn-bc-add-version = ➕ { $language } संस्करण जोड़ें
btn-bc-change-version = ✏️ { $language } संस्करण बदलें
btn-bc-versions-done = ✅ आगे बढ़ें
bc-version-saved = ✓ { $language } संस्करण रख लिया।
bc-ask-photo = संदेश के साथ एक फ़ोटो भेजें, या "छोड़ें" दबाएँ।
bc-help-photo = एक साफ़ फ़ोटो (पोस्टर, जगह, कोई सामान)। यह संदेश के साथ जाएगी। सिर्फ़ लिखा संदेश भेजने के लिए "छोड़ें" दबाएँ।
bc-field-photo = फ़ोटो
bc-photo-not-photo = कृपया एक फ़ोटो भेजें, या "छोड़ें" दबाएँ।
bc-photo-yes = 📷 है
bc-ask-district = किसे मिले? ज़िला चुनें।
bc-help-district = आप अपने ज़िलों के विक्रेताओं को घोषणा भेज सकते हैं।
bc-district-all = 🌐 पूरा पश्चिम बंगाल
bc-district-mine = मेरे सभी ज़िले
bc-ask-craft = सिर्फ़ एक शिल्प के विक्रेता? उसे चुनें, या सभी शिल्पों के लिए "छोड़ें" दबाएँ।
bc-help-craft = पंजीकरण के समय विक्रेता ने जो शिल्प बताया। "छोड़ें" से सभी शिल्पों के विक्रेताओं को जाएगी।
bc-craft-unknown = यह शिल्प मैं नहीं पहचानता। कोई बटन चुनें, या "छोड़ें" दबाएँ।
bc-craft-any = सभी शिल्प
bc-ask-stage = कितना आगे बढ़े हैं, उसके हिसाब से कौन से विक्रेता?
bc-help-stage = जैसे: जिनके पास अभी तैयार उत्पाद नहीं है उन्हें उत्पाद जोड़ने की याद दिलाएँ, या जिन्होंने निर्यात जाँच नहीं की उन्हें /check भेजने को कहें।
bc-field-stage = चरण
bc-stage-any = सभी
bc-stage-noprod = अभी तैयार उत्पाद नहीं
bc-stage-ready = तैयार उत्पाद है
bc-stage-checked = निर्यात जाँच हो चुकी
bc-stage-unchecked = निर्यात जाँच नहीं हुई
bc-ask-lang = किस भाषा के विक्रेता?
bc-help-lang = हर विक्रेता ने बॉट के लिए जो भाषा चुनी है।
bc-field-lang = भाषा
bc-lang-any = सभी भाषाएँ
bc-ask-when = कब जाए? "अभी" दबाएँ, या तारीख़ और समय लिखें, जैसे 28/11 शाम 4 बजे या "कल सुबह 10 बजे"।
bc-help-when = दिन और समय लिखें (भारतीय समय), जैसे 28/11 15:00। रात में घोषणाएँ नहीं जातीं: सुबह तक रुकती हैं।
bc-field-when = कब
bc-when-now = ▶️ अभी
bc-when-immediately = अभी
bc-when-not-date = इसमें तारीख़ और समय समझ नहीं आया। जैसे: 28/11 शाम 4 बजे, या कल सुबह 10 बजे।
bc-when-no-time = समय भी लिखें, जैसे 28/11 शाम 4 बजे।
bc-when-past = वह समय निकल चुका है। आगे का कोई समय दें।
bc-when-invalid = यह तारीख़ या समय होता ही नहीं। एक बार जाँच लें।
bc-when-too-far = यह एक साल से ज़्यादा दूर है। कोई नज़दीक की तारीख़ दें।
bc-when-again = ठीक है, तारीख़ और समय फिर से लिखें, जैसे 28/11 15:00।
bc-when-confirm = क्या आपका मतलब <b>{ $when }</b> है?
bc-when-yes = ✅ हाँ
bc-when-no = ✖ नहीं
bc-nobody = इन विकल्पों में कोई नहीं आता: वहाँ घोषणाएँ लेने वाला कोई पंजीकृत विक्रेता नहीं है। कृपया विक्रेता फिर से चुनें।
bc-preview = <b>घोषणा जाँच लें</b>
bc-preview-count = 👥 यह <b>{ $count }</b> विक्रेताओं को जाएगी।
bc-preview-text =
    <b>{ $language }:</b>
    { $text }
bc-preview-fallback = दूसरी भाषाओं के विक्रेताओं को { $language } वाला संदेश मिलेगा।
bc-scope-changed = आपके ज़िले बदल गए हैं, इसलिए यह घोषणा इन विक्रेताओं को नहीं जा सकती। फिर से शुरू करने के लिए /broadcast भेजें।
bc-nobody-now = इन विकल्पों में अब कोई नहीं आता, इसलिए कुछ नहीं भेजा गया। फिर से शुरू करने के लिए /broadcast भेजें।
bc-queued-now = ✓ घोषणा #{ $id } { $count } विक्रेताओं को भेजी जा रही है।
bc-queued-later = ✓ घोषणा #{ $id } { $when } को { $count } विक्रेताओं को जाएगी।
btn-bc-view = 📊 पहुँच की रिपोर्ट
bc-cancelled = घोषणा रद्द, कुछ नहीं भेजा गया।
bc-list-title = <b>घोषणाएँ</b>
bc-list-empty = अभी कोई घोषणा नहीं। लिखने के लिए /broadcast भेजें।
bc-list-line = #{ $id } · { $when } · { $status } · ✅ { $sent } ⏳ { $pending } ❌ { $failed } ⏭ { $skipped } / { $recipients } — { $text }
btn-bc-view-id = #{ $id }
bc-status-scheduled = 🕒 तय समय पर
bc-status-sending = 📤 जा रही है
bc-status-done = ✅ पूरी
bc-not-found = वह घोषणा नहीं मिली।
bc-view-title = <b>घोषणा #{ $id }</b> · { $status } · { $when }
# Only where a channel reports delivery and reading (WhatsApp).
bc-view-seen = 📬 WhatsApp पर: { $delivered } फ़ोन तक पहुँचा, 👁 { $read } ने पढ़ा।
bc-view-text = { $text }
bc-view-counts = 👥 { $recipients } विक्रेता: ✅ { $sent } पहुँचे, ⏳ { $pending } बाक़ी, ❌ { $failed } विफल, ⏭ { $skipped } छोड़े गए
bc-reason-line = • { $reason }: { $count }
bc-failed-line = • विफल ({ $reason }): { $count }
bc-skipped-line = • छोड़े गए ({ $reason }): { $count }
bc-skipped-opted-out = घोषणाएँ बंद कीं
bc-skipped-blocked = बॉट ब्लॉक किया
bc-skipped-expired = भेजने में बहुत देर हो गई
bc-report-notice = 📣 घोषणा #{ $id } पूरी हुई: { $total } में से { $sent } तक पहुँची, { $failed } विफल, { $skipped } छोड़ी गईं (घोषणाएँ बंद कीं, बॉट ब्लॉक किया, या बहुत देर हो गई)।
