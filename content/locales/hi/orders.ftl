## ऑर्डर: भेजने की आख़िरी तारीख़ के रिमाइंडर, Amazon रिपोर्ट इंपोर्ट, नियमों का कैलेंडर

menu-orders = 📦 मेरे ऑर्डर
cmd-orders = मेरे ऑर्डर और भेजने की तारीख़
cmd-importorders = Amazon ऑर्डर रिपोर्ट लाएँ

## दिन (संदेश के $weekday से)
ord-weekday = { $weekday ->
    [mon] सोमवार
    [tue] मंगलवार
    [wed] बुधवार
    [thu] गुरुवार
    [fri] शुक्रवार
    [sat] शनिवार
   *[sun] रविवार
}
ord-date = { ord-weekday } { $day }/{ $month }
ord-day-today = आज, { $day }/{ $month }
ord-day-tomorrow = कल, { $day }/{ $month }
ord-day-other = { ord-weekday } { $day }/{ $month }

## विक्रेता के ऑर्डर
ord-list-title = <b>📦 भेजने वाले ऑर्डर ({ $count })</b>
    भेज देने पर नीचे उसका बटन दबाएँ।
ord-line = { $n }. { $product } × { $quantity } — { ord-weekday } { $day }/{ $month } तक भेजना है
ord-line-late = { $n }. ⚠️ { $product } × { $quantity } — आख़िरी दिन था { ord-weekday } { $day }/{ $month }। <b>देर हो गई!</b>
ord-line-no-date = { $n }. { $product } × { $quantity } — भेजने की तारीख़ नहीं पता
ord-list-more = …और { $count }।
ord-none = अभी भेजने के लिए कोई ऑर्डर नहीं है। ऑर्डर आने पर यहाँ जोड़ें, आख़िरी तारीख़ से पहले याद दिला दूँगा।
btn-ord-shipped-n = 📦 { $n }. { $product } — भेज दिया
btn-ord-shipped = 📦 भेज दिया
btn-ord-new = ➕ नया ऑर्डर
btn-ord-list = 📋 मेरे ऑर्डर
ord-gone = यह ऑर्डर नहीं मिला। शायद किसी और का है, या अब नहीं है।
ord-shipped = ✅ भेजा हुआ लिख लिया: { $product } × { $quantity }। अब इसके लिए याद नहीं दिलाऊँगा।
ord-already-shipped = यह ऑर्डर पहले से भेजा हुआ लिखा है: { $product } × { $quantity }।

## नया ऑर्डर
ord-no-products = पहले उत्पाद को अपनी सूची में जोड़ें, फिर उसके ऑर्डर जोड़ सकेंगे।
ord-ask-product = किस उत्पाद का ऑर्डर आया है?
ord-help-product = ख़रीदार ने जो उत्पाद मँगाया है उसे दबाएँ। आपकी सूची के सिर्फ़ तैयार उत्पाद दिखाए गए हैं।
ord-product-use-buttons = नीचे अपना एक उत्पाद दबाएँ।
ord-field-product = उत्पाद
ord-ask-quantity = कितने नग भेजने हैं? कोई संख्या दबाएँ या लिखें।
ord-help-quantity = कितने नग भेजने हैं, जैसे 2।
ord-quantity-invalid = कितने नग, संख्या में लिखें, जैसे 2।
ord-quantity-too-many = यह बहुत ज़्यादा है: ज़्यादा से ज़्यादा { $max }।
ord-field-quantity = नग
ord-ask-ship-by = किस दिन तक भेजना है? कोई दिन दबाएँ या तारीख़ लिखें, जैसे 28/11।
ord-help-ship-by = भेजने की आख़िरी तारीख़ ऑर्डर पर लिखी होती है। 28/11 की तरह लिखें, या कोई दिन दबाएँ।
ord-date-past = वह दिन बीत चुका है। आज या उसके बाद का कोई दिन दें।
ord-date-too-far = यह तारीख़ या तो बीत चुकी है, या { $max } दिन से भी आगे है। एक बार देख लें।
ord-date-unclear = तारीख़ समझ नहीं आई। 28/11 की तरह लिखें, या कोई दिन दबाएँ।
ord-date-check = मैंने समझा { ord-weekday } { $day }/{ $month }। नीचे मिला लें।
ord-field-ship-by = भेजने का आख़िरी दिन
ord-review = <b>ऑर्डर मिला लें:</b>
ord-cancelled = रोक दिया। कुछ सेव नहीं हुआ।
ord-product-gone = यह उत्पाद अब आपकी सूची में नहीं है, इसलिए ऑर्डर सेव नहीं हुआ।
ord-saved = ✅ ऑर्डर सेव हुआ: { $product } × { $quantity }, { ord-weekday } { $day }/{ $month } तक भेजना है।
    एक दिन पहले और उस दिन सुबह याद दिला दूँगा।
ord-saved-morning = ✅ ऑर्डर सेव हुआ: { $product } × { $quantity }, { ord-weekday } { $day }/{ $month } तक भेजना है।
    उस दिन सुबह याद दिला दूँगा।
ord-saved-no-reminder = ✅ ऑर्डर सेव हुआ: { $product } × { $quantity }, { ord-weekday } { $day }/{ $month } तक भेजना है।
    समय बहुत कम है: आज ही भेज दें।

## रिमाइंडर
ord-remind-d1 = ⏰ कल, { ord-weekday } { $day }/{ $month }, { $product } × { $quantity } भेजने का आख़िरी दिन है। आज ही पैक कर लें।
ord-remind-d0 = ⏰ आज { $product } × { $quantity } भेजने का आख़िरी दिन है। भेज देने पर "भेज दिया" दबाएँ।
ord-late-notice = ⚠️ देर वाला ऑर्डर: { $seller } को { $sku } × { $quantity } { ord-weekday } { $day }/{ $month } तक भेजना था, अभी तक भेजा हुआ नहीं बताया।

## Amazon ऑर्डर रिपोर्ट (समन्वयक)
ord-import-ask = Amazon की ऑर्डर रिपोर्ट फ़ाइल के रूप में भेजें।
    Seller Central में: Orders → Order Reports → Unshipped Orders → Download। फ़ाइल .txt पर ख़त्म होती है (ज़्यादा से ज़्यादा 10 MB)।
ord-import-help = रिपोर्ट की फ़ाइल जैसी डाउनलोड हुई वैसी ही भेजें (.txt फ़ाइल, टैब से अलग)। रोकने के लिए /cancel भेजें।
ord-import-send-file = रिपोर्ट फ़ाइल (डॉक्यूमेंट) के रूप में भेजें, लिखकर या फ़ोटो के रूप में नहीं।
ord-import-unreadable = फ़ाइल नहीं ले पाया। फिर से भेजें।
ord-import-too-big = फ़ाइल बहुत बड़ी है: ज़्यादा से ज़्यादा { $max } MB। कम दिनों की रिपोर्ट डाउनलोड करें।
ord-import-not-report = यह Amazon की ऑर्डर रिपोर्ट नहीं लगती। Order Reports से .txt फ़ाइल भेजें।
ord-import-missing = रिपोर्ट में ये कॉलम नहीं हैं: { $columns }। पूरी ऑर्डर रिपोर्ट डाउनलोड करें।
ord-import-done = <b>ऑर्डर रिपोर्ट आ गई</b>
    नए ऑर्डर: { $added } ({ $sellers } विक्रेताओं के; उनके रिमाइंडर लगा दिए)
    पहले से थे: { $known }
ord-import-no-date = भेजने की तारीख़ नहीं (रिमाइंडर नहीं जाएगा): { $count }
ord-import-closed = रद्द या पहले ही भेजे गए, छोड़े गए: { $count }
ord-import-stopped = पहले लाए गए ऑर्डर अब रद्द या भेजे गए (रिमाइंडर बंद): { $count }
ord-import-unknown = आपके ज़िलों की सूची में नहीं मिले SKU ({ $count }, { $rows } पंक्तियाँ): { $skus }
ord-import-more = …और { $count }।
ord-import-errors = छोड़ी गई पंक्तियाँ ({ $count }):
ord-import-error-line = • पंक्ति { $row }: { $reason }
ord-import-err-no-order-id = ऑर्डर नंबर नहीं है
ord-import-err-no-sku = SKU नहीं है
ord-import-err-quantity = संख्या पढ़ी नहीं जा रही
ord-import-err-date = तारीख़ पढ़ी नहीं जा रही
ord-import-err-shipped = पहले ही भेजा जा चुका है, भेजने को कुछ नहीं बचा
ord-import-err-other = पढ़ी नहीं जा रही

## नियमों का कैलेंडर (हर साल के रिमाइंडर)
cal-iec-open = 📅 { $year } के लिए IEC अपडेट करने का समय आ गया है। { $from_day }/{ $from_month } से { $day }/{ $month } के बीच dgft.gov.in पर लॉग इन करके IEC की जानकारी की पुष्टि करें, कुछ न बदला हो तब भी। नहीं तो IEC बंद हो जाता है।
cal-iec-close = ⏰ IEC अपडेट करने का समय सिर्फ़ { $day }/{ $month }/{ $year } तक है, dgft.gov.in पर। कर लिया हो तो चिंता की बात नहीं।
cal-lut-open = 📅 आपके GST LUT की अवधि { $day }/{ $month }/{ $year } को ख़त्म होती है। उससे पहले GST पोर्टल पर नया LUT (फ़ॉर्म RFD-11) भरें, ताकि बिना IGST दिए निर्यात जारी रख सकें।
cal-lut-close = ⏰ नया GST LUT (RFD-11) GST पोर्टल पर { $day }/{ $month }/{ $year } तक भर दें। कर लिया हो तो चिंता की बात नहीं।
