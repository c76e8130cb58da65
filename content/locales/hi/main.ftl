## एक्सपोर्ट साथी — हिन्दी संदेश। HTML (b, i) चलता है; आर्गुमेंट बॉट खुद एस्केप करता है।

-brand = एक्सपोर्ट साथी

## भाषाएँ (हमेशा अपनी भाषा में नाम)
lang-name-bn = বাংলা
lang-name-en = English
lang-name-hi = हिन्दी

## बटन
btn-skip = ⏭ छोड़ें
btn-back = ⬅ पिछला सवाल
btn-cancel = ✖ रद्द करें
btn-confirm = ✅ हाँ, सब सही है
btn-edit = ✏️ कुछ बदलना है
btn-agree = ✅ मैं सहमत हूँ
btn-disagree = ✖ नहीं
btn-share-phone = 📱 मेरा नंबर भेजें
btn-iec-same-pan = मेरे PAN जैसा ही: { $pan }
btn-edit-field = ✏️ { $field }
btn-delete-yes = 🗑 हाँ, सब मिटा दें
btn-delete-no = ✖ नहीं, रहने दें
btn-lang-switch = ✅ हाँ, { $language } में बात करें
btn-lang-keep = नहीं, { $language } ही रहने दें

## सवाल-जवाब
flow-current-value = अभी है: { $value }
flow-help-generic = नीचे के सवाल का जवाब दें। /back से पिछले सवाल पर जाएँ, /cancel से अभी के लिए रुकें।
flow-cannot-skip = यह सवाल ज़रूरी है, इसे छोड़ा नहीं जा सकता।
flow-at-first = यह पहला सवाल है।
flow-use-buttons = कृपया नीचे के बटनों में से एक चुनें।
flow-cancelled = रोक दिया। आपने जो बताया सब सुरक्षित है: जारी रखने के लिए /start भेजें।
flow-resumed = फिर से स्वागत है! जहाँ रुके थे वहीं से शुरू करते हैं।
flow-edit-which = क्या बदलना चाहते हैं?
flow-none-active = अभी कोई सवाल खुला नहीं है।
summary-line = <b>{ $label }:</b> { $value }
summary-line-empty = <b>{ $label }:</b> —

## जानकारी के नाम
field-name = नाम
field-business = व्यवसाय का नाम
field-district = ज़िला
field-phone = मोबाइल नंबर
field-craft = शिल्प / मुख्य उत्पाद
field-gstin = GSTIN
field-iec = IEC (PAN)
field-udyam = उद्यम नंबर

## पंजीकरण
reg-welcome =
    🙏 नमस्ते! <b>{ -brand }</b> में आपका स्वागत है।
    आपके बनाए सामान को विदेश के ख़रीदारों तक बेचने में मैं कदम-दर-कदम मदद करूँगा।

    किस भाषा में बात करेंगे?
reg-consent =
    शुरू करने से पहले: आपकी मदद के लिए मुझे आपकी और आपके व्यवसाय की कुछ जानकारी रखनी होगी (नाम, ज़िला, मोबाइल नंबर, शिल्प, और अगर हों तो टैक्स नंबर)।

    • <b>क्यों:</b> आपके सामान को ऑनलाइन निर्यात के लिए तैयार करने और प्रशिक्षण व ज़रूरी तारीख़ें याद दिलाने के लिए।
    • <b>कौन देखेगा:</b> सिर्फ़ आप, आपके ज़िले के निर्यात समन्वयक, और कार्यक्रम के प्रशासक।
    • <b>मिटाना:</b> कभी भी /delete भेजें, सब मिट जाएगा। /mydata भेजकर देखें कि क्या रखा है।

    क्या आप सहमत हैं?
reg-help-consent = आपकी जानकारी सिर्फ़ इस निर्यात कार्यक्रम के काम आएगी। सहमति के बिना पंजीकरण नहीं हो सकता, पर आप कभी भी /start भेजकर लौट सकते हैं।
reg-consent-declined = ठीक है, कुछ भी नहीं रखा गया। पंजीकरण करना हो तो /start भेजें।
reg-ask-name = आपका नाम क्या है?
reg-help-name = अपना पूरा नाम लिखें, जैसा ख़रीदार और समन्वयक देखेंगे। जैसे: रीना दास।
reg-ask-business = आपके व्यवसाय या दुकान का नाम क्या है? (नाम न हो तो "छोड़ें" दबाएँ।)
reg-help-business = आपके व्यवसाय, कारख़ाने या समूह का नाम, जैसे: दास हस्तशिल्प। न हो तो "छोड़ें" दबाएँ।
reg-ask-district = आप किस ज़िले में काम करते हैं? नीचे से चुनें या नाम लिखें।
reg-help-district = बटन से ज़िला चुनें, या बांग्ला या अंग्रेज़ी में नाम लिखें, जैसे: Bankura।
reg-district-did-you-mean = ठीक इस नाम का ज़िला नहीं मिला। क्या आपका मतलब इनमें से कोई है?
reg-district-unknown = यह पश्चिम बंगाल के 23 ज़िलों में नहीं है। कृपया सूची से चुनें।
reg-ask-phone = आपका मोबाइल नंबर क्या है? नीचे का बटन दबाकर भेजें, या लिख दें।
btn-phone-own = ✅ यही नंबर: { $number }
    .short = ✅ { $number }
reg-help-phone = 10 अंकों का भारतीय मोबाइल नंबर, जैसे 98300 12345।
reg-phone-not-own = यह किसी और का नंबर है। कृपया अपना नंबर भेजें।
reg-phone-too_short = नंबर में अंक कम हैं। भारतीय मोबाइल नंबर में 10 अंक होते हैं।
reg-phone-too_long = नंबर में अंक ज़्यादा हैं। भारतीय मोबाइल नंबर में 10 अंक होते हैं।
reg-phone-not_mobile = यह भारतीय मोबाइल नंबर नहीं लगता (मोबाइल नंबर 6, 7, 8 या 9 से शुरू होते हैं)।
reg-phone-foreign = कृपया भारत (+91) का मोबाइल नंबर दें।
reg-phone-not_a_number = कृपया सिर्फ़ मोबाइल नंबर के अंक लिखें।
reg-phone-saved = ✓ नंबर रख लिया।
reg-ask-craft = आप मुख्य रूप से क्या बनाते या बेचते हैं? नीचे से चुनें या अपने शब्दों में लिखें।
reg-help-craft = जैसे: कांथा कढ़ाई की साड़ी, टेराकोटा घोड़े, जूट के थैले। किसी भी भाषा में लिख सकते हैं।
reg-ask-gstin = क्या आपके पास GSTIN (जीएसटी नंबर) है? लिख दें, या न हो तो "छोड़ें" दबाएँ।
reg-help-gstin = GSTIN में 15 अक्षर-अंक होते हैं, जैसे 19AAECF2320D1Z5। यह जीएसटी पंजीकरण प्रमाणपत्र पर मिलेगा। देना ज़रूरी नहीं।
reg-gstin-error-length = GSTIN में ठीक 15 अक्षर और अंक होते हैं। जाँचकर फिर लिखें।
reg-gstin-error-format = GSTIN ऐसे नहीं लिखा जाता: 2 अंक, फिर PAN के 10 अक्षर, फिर 3 और (जैसे 19AAECF2320D1Z5)।
reg-gstin-error-state_code = GSTIN के पहले दो अंक राज्य का कोड हैं, और यह कोई मान्य कोड नहीं है। पश्चिम बंगाल का कोड 19 है।
reg-gstin-error-checksum = इस GSTIN का एक अक्षर ग़लत लगता है (आख़िरी अक्षर मेल नहीं खाता)। प्रमाणपत्र से मिला लें।
reg-gstin-note-other_state = ध्यान दें: यह GSTIN पश्चिम बंगाल के बाहर का है। फिर भी रख लिया है।
reg-ask-iec = क्या आपके पास IEC (इम्पोर्ट एक्सपोर्ट कोड) है? अब यह आपके PAN के बराबर है। लिख दें, या "छोड़ें" दबाएँ।
reg-help-iec = IEC आपका 10 अक्षरों का PAN है, जैसे ABCDE1234F। यह DGFT की वेबसाइट से मिलता है। अभी देना ज़रूरी नहीं।
reg-iec-error-length = IEC (PAN) में ठीक 10 अक्षर होते हैं, जैसे ABCDE1234F।
reg-iec-error-format = IEC (PAN) में 5 अक्षर, 4 अंक और 1 अक्षर होते हैं, जैसे ABCDE1234F।
reg-iec-error-serial_zero = PAN के चार अंक 0000 नहीं हो सकते। कृपया जाँचें।
reg-iec-error-holder_type = इस PAN का चौथा अक्षर सही नहीं है (आमतौर पर व्यक्ति के लिए P, फ़र्म के लिए F)। कृपया जाँचें।
reg-iec-error-old_iec = यह पुराना 10 अंकों का IEC लगता है। 2017 से IEC आपका PAN ही है: कृपया PAN लिखें।
reg-iec-note-from_pan = रख लिया है। ध्यान दें: आपका PAN तभी IEC का काम करता है जब आप उसे DGFT की वेबसाइट पर दर्ज कराते हैं (dgft.gov.in, फ़ॉर्म ANF-2A, फ़ीस 500 रुपये)। निर्यात जाँच के समय हम पूछेंगे कि आपने यह किया है या नहीं।
reg-ask-udyam = क्या आपके पास उद्यम (MSME) पंजीकरण नंबर है? लिख दें, या "छोड़ें" दबाएँ।
reg-help-udyam = यह ऐसा दिखता है: UDYAM-WB-10-0012345। उद्यम प्रमाणपत्र पर मिलेगा। देना ज़रूरी नहीं।
reg-udyam-error-format = उद्यम नंबर ऐसा होता है: UDYAM-WB-10-0012345 (UDYAM, राज्य, 2 अंक, 7 अंक)।
reg-udyam-error-state = UDYAM के बाद के दो अक्षर किसी भारतीय राज्य का कोड होने चाहिए, जैसे WB।
reg-udyam-note-other_state = ध्यान दें: यह उद्यम नंबर पश्चिम बंगाल के बाहर का है। फिर भी रख लिया है।
reg-summary = कृपया अपनी जानकारी जाँच लें:
reg-done =
    🎉 धन्यवाद, { $name }! आपका पंजीकरण हो गया।
    मैं और क्या कर सकता हूँ, देखने के लिए कभी भी /menu भेजें।
reg-cancelled = पंजीकरण रोका गया। आपने जो बताया सब सुरक्षित है: जारी रखने के लिए /start भेजें।
reg-resumed = फिर से स्वागत है! आपका पंजीकरण जहाँ रुका था, वहीं से शुरू करते हैं।

## प्रोफ़ाइल
profile-card = <b>आपकी प्रोफ़ाइल</b>
profile-saved = ✓ रख लिया। प्रोफ़ाइल देखने के लिए /profile भेजें।
profile-edit-cancelled = कुछ नहीं बदला। प्रोफ़ाइल देखने के लिए /profile भेजें।
welcome-back = 🙏 फिर से स्वागत है, { $name }!

## मेनू और मदद
menu-title = आप क्या करना चाहते हैं?
menu-register = 📝 पंजीकरण करें
menu-continue = ▶️ पंजीकरण जारी रखें
menu-profile = 👤 मेरी प्रोफ़ाइल
menu-language = 🌐 भाषा
menu-stats = 📊 प्रगति
menu-pending = ⏳ कौन अटका है
menu-sellers = 👥 विक्रेता
menu-help = ❓ मदद
menu-mydata = 📄 मेरी जानकारी
menu-delete = 🗑 मेरी जानकारी मिटाएँ
help-title-seller = <b>मैं क्या कर सकता हूँ</b>
help-title-staff = <b>समन्वयकों के लिए</b>
help-title-admin = <b>प्रशासकों के लिए</b>
help-while-answering = जवाब देते समय: /back पिछला सवाल, /skip छोड़ें, /cancel अभी के लिए रुकें।
help-cmd-start = /start — पंजीकरण करें या जारी रखें
help-cmd-menu = /menu — मुख्य मेनू
help-cmd-addproduct = /addproduct — उत्पाद जोड़ें (फ़ोटो और विवरण)
help-cmd-products = /products — आपके उत्पाद और कैटलॉग
help-cmd-check = /check — क्या निर्यात हो सकता है, और क्या चाहिए?
help-cmd-trainings = /trainings — आपके ज़िले के प्रशिक्षण; बताइए कि आएँगे या नहीं
help-cmd-orders = /orders — आपके ऑर्डर और भेजने की तारीख़ के रिमाइंडर
help-cmd-profile = /profile — अपनी जानकारी देखें और बदलें
help-cmd-language = /language — भाषा बदलें
help-cmd-mydata = /mydata — आपके बारे में जो रखा है
help-cmd-delete = /delete — अपनी जानकारी मिटाएँ
help-cmd-stop = /stop — घोषणाएँ बंद करें
help-cmd-importorders = /importorders [ज़िला] — Amazon ऑर्डर रिपोर्ट (टैब से अलग फ़ाइल) दें, विक्रेताओं को याद दिलाया जाएगा।
help-cmd-broadcast = /broadcast — विक्रेताओं के एक हिस्से को घोषणा
help-cmd-broadcasts = /broadcasts — कैसी पहुँची।
help-cmd-newtraining = /newtraining — प्रशिक्षण तय करें और विक्रेताओं को बुलाएँ; /trainings — गिनती और हाज़िरी।
help-cmd-checks = /checks [ज़िला] — हर विक्रेता की आख़िरी निर्यात जाँच और क्या बाक़ी है।
help-cmd-export = /export [ज़िला] — Amazon और eBay की फ़ाइलें और फ़ोटो की ज़िप के रूप में कैटलॉग।
help-cmd-export-sellers = /export sellers [ज़िला] — विक्रेताओं और उनके चरण की स्प्रेडशीट।
help-cmd-stats = /stats [ज़िला] — चरण-दर-चरण गिनती, चार्ट के साथ
help-cmd-pending = /pending [ज़िला] — कौन कहाँ अटका है, याद दिलाने के बटन के साथ।
help-cmd-sellers = /sellers [ज़िला] [चरण] — विक्रेताओं की सूची, एक पन्ने पर 10
help-cmd-seller = /seller &lt;आईडी, फ़ोन या नाम&gt; — एक विक्रेता का कार्ड।
help-cmd-addcoordinator = /addcoordinator &lt;टेलीग्राम आईडी या व्हाट्सऐप नंबर&gt; &lt;ज़िला, ज़िला…&gt; — किसी को समन्वयक बनाएँ।
help-cmd-removecoordinator = /removecoordinator &lt;टेलीग्राम आईडी या व्हाट्सऐप नंबर&gt; [ज़िला…] — ज़िले वापस लें
help-cmd-coordinators = /coordinators — कौन कौन-सा ज़िला देखता है।
help-cmd-audit = /audit [n] — विक्रेताओं की निजी जानकारी आख़िरी बार किसने, किसकी, कब देखी।
help-cmd-rules = /rules — निर्यात के कौन-से नियम और ख़र्च की दरें 6 महीने से पहले जाँची गई थीं।
idle-not-understood = समझ नहीं पाया। कृपया नीचे के बटन इस्तेमाल करें।
register-first = पहले पंजीकरण करें: /start भेजें।
unknown-command = यह कमांड मैं नहीं जानता। मैं क्या कर सकता हूँ, देखने के लिए /help भेजें।
staff-only = माफ़ कीजिए, यह कमांड सिर्फ़ ज़िला समन्वयकों के लिए है।
admin-only = माफ़ कीजिए, यह कमांड सिर्फ़ प्रशासकों के लिए है।

## भाषा
language-choose = किस भाषा में बात करेंगे?
language-set = ✓ अब से { $language } में बात होगी।
lang-offer = लगता है आप { $language } में लिख रहे हैं। क्या { $language } में बात करें?

## घोषणाएँ बंद
stop-done = अब कोई घोषणा नहीं भेजूँगा। फिर से पाने के लिए /start भेजें।
stop-resumed = अब आपको फिर से घोषणाएँ मिलेंगी।

## मेरी जानकारी और मिटाना
mydata-summary =
    <b>आपके बारे में जो रखा है</b>
    नाम: { $name }
    ज़िला: { $district }
    मोबाइल: { $phone }
    शिल्प: { $craft }
    पूरी जानकारी नीचे की फ़ाइल में है।
mydata-summary-unregistered = आपका पंजीकरण नहीं हुआ है। नीचे की फ़ाइल में वह थोड़ा-सा है जो रखा है (आपकी भाषा और अधूरे जवाब)।
mydata-file = 📄 आपकी जानकारी
delete-confirm = क्या आप सच में अपनी प्रोफ़ाइल और जो कुछ बताया सब मिटाना चाहते हैं? यह वापस नहीं होगा।
delete-kept = कुछ भी नहीं मिटाया गया।
delete-done = ✓ आपकी सारी जानकारी मिटा दी गई। फिर आना हो तो /start भेजें।

## समन्वयक
addcoordinator-usage = इस्तेमाल: /addcoordinator &lt;टेलीग्राम आईडी या व्हाट्सऐप नंबर&gt; &lt;ज़िला, ज़िला…&gt; — जैसे /addcoordinator 123456789 Bankura, Purulia, या व्हाट्सऐप नंबर से /addcoordinator +919830012345 Bankura
addcoordinator-unknown-district = इनमें से एक ज़िला पश्चिम बंगाल का नहीं है। ज़िलों को कॉमा से अलग करें।
addcoordinator-done = ✓ { $user } अब इन ज़िलों के समन्वयक हैं: { $districts }।

## ग़लतियाँ
error-not-text =
    { $kind ->
        [photo] यह एक फ़ोटो है।
        [sticker] यह एक स्टिकर है।
        [voice] यह एक वॉइस मैसेज है।
        [video] यह एक वीडियो है।
        [document] यह एक फ़ाइल है।
        [location] यह एक लोकेशन है।
        [contact] यह एक कॉन्टैक्ट है।
       *[other] यहाँ इस तरह का मैसेज नहीं पढ़ सकता।
    } कृपया लिखकर जवाब दें।
error-use-text = कृपया अपना जवाब लिखकर भेजें।
error-command-as-answer = कमांड नहीं, कृपया अपना जवाब लिखें।
error-name-long = यह बहुत लंबा है: ज़्यादा से ज़्यादा { $max } अक्षर लिखें।
error-text-long = यह बहुत लंबा है: ज़्यादा से ज़्यादा { $max } अक्षर लिखें।
error-name-letters = कृपया अक्षरों में लिखें।
error-name-short = यह बहुत छोटा है। कृपया पूरा नाम लिखें।
error-stale-button = यह बटन पुराने मैसेज का है, अब काम नहीं करता।
error-internal = माफ़ कीजिए, मेरी तरफ़ कोई गड़बड़ हुई। थोड़ी देर बाद फिर कोशिश करें।

## टेलीग्राम का कमांड मेनू (छोटा विवरण)
cmd-start = पंजीकरण करें या जारी रखें
cmd-menu = मुख्य मेनू
cmd-profile = मेरी प्रोफ़ाइल
cmd-language = भाषा बदलें
cmd-help = मदद
cmd-back = पिछला सवाल
cmd-cancel = अभी के लिए रुकें
cmd-mydata = मेरी जानकारी
cmd-delete = मेरी जानकारी मिटाएँ
cmd-stop = घोषणाएँ बंद करें

## कंसोल (टर्मिनल पर दिखता है)
console-banner =
    एक्सपोर्ट साथी — कंसोल चैट। TELEGRAM_BOT_TOKEN नहीं दिया गया, इसलिए बात यहीं टर्मिनल में होगी।
    टेलीग्राम से जोड़ने के लिए: टेलीग्राम में @BotFather खोलें, /newbot भेजें, और टोकन .env में TELEGRAM_BOT_TOKEN=… लिखें।
    बटन नंबर के रूप में दिखेंगे: दबाने के लिए नंबर लिखें। /photo PATH फ़ोटो भेजता है, /contact NUMBER नंबर भेजता है। Ctrl-D से ख़त्म।
console-no-token = TELEGRAM_BOT_TOKEN नहीं दिया गया और चैट के लिए कोई टर्मिनल भी नहीं है। टेलीग्राम में @BotFather (/newbot) से टोकन लेकर TELEGRAM_BOT_TOKEN दें, या --console से चलाएँ.
cmd-skip = यह सवाल छोड़ें
cmd-newtraining = प्रशिक्षण तय करें
cmd-broadcast = घोषणा भेजें
cmd-broadcasts = मेरी घोषणाएँ
cmd-checks = विक्रेताओं की निर्यात जाँच
cmd-export = कैटलॉग की फ़ाइलें
cmd-stats = ज़िलेवार प्रगति
cmd-pending = कौन कहाँ अटका है
cmd-sellers = चरण के हिसाब से विक्रेता
cmd-seller = एक विक्रेता का कार्ड
cmd-addcoordinator = समन्वयक नियुक्त करें
cmd-removecoordinator = समन्वयक हटाएँ
cmd-coordinators = समन्वयक और ज़िले
cmd-audit = किसने किसकी जानकारी देखी

## Fitting a message to a channel
contact-type-instead = (अपना नंबर लिखकर भेजें, जैसे 98300 12345।)
file-not-here = फ़ाइल { $name } यहाँ नहीं भेजी जा सकती: अपने समन्वयक से माँग लें।
# The button that opens a list menu (WhatsApp: at most 20 characters).
btn-list-open = चुनें
btn-more-choices = और ▶ ({ $page }/{ $pages })
choices-continued = … या इनमें से एक:

# One profile on two channels (a seller registered on Telegram writes on WhatsApp).
link-offer = 🔗 यह नंबर पहले से पंजीकृत है: <b>{ $name }</b> ({ $district })। क्या यह आप हैं? तब वही प्रोफ़ाइल यहाँ भी चलेगी, दोबारा पंजीकरण नहीं करना होगा।
btn-link-yes = ✅ हाँ, मैं ही हूँ
btn-link-no = ✏️ नहीं, नई प्रोफ़ाइल
link-done = ✅ हो गया, { $name }। आपकी प्रोफ़ाइल, उत्पाद और खबरें अब यहाँ भी मिलेंगी।
btn-link-menu = 📋 मेनू
