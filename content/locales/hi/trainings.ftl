## प्रशिक्षण: समय तय करना (समन्वयक), निमंत्रण और जवाब (विक्रेता), उपस्थिति

trn-clock = { $part ->
        [late] रात
        [dawn] सुबह
        [morning] सुबह
        [noon] दोपहर
        [afternoon] दोपहर
        [evening] शाम
       *[other] रात
    } { $time }
trn-when = { $day }, { $clock }

## /newtraining
trn-ask-title = 📚 प्रशिक्षण का नाम क्या है? जैसे: अमेज़न के लिए उत्पाद की फ़ोटो खींचना।
trn-help-title = छोटा नाम, जिसे देखकर विक्रेता समझ जाएँ — ज़्यादा से ज़्यादा 80 अक्षर।
trn-field-title = प्रशिक्षण
trn-ask-districts = { $admin ->
        [yes] किन ज़िलों के लिए? नाम कॉमा लगाकर लिखें (जैसे: Bankura, Purulia), या "सभी ज़िले" दबाएँ।
       *[other] आपके किस ज़िले के लिए?
    }
trn-help-districts = इन ज़िलों के पंजीकृत विक्रेताओं को निमंत्रण जाएगा।
trn-field-districts = ज़िले
trn-btn-all-districts = 🌐 सभी ज़िले
trn-btn-all-mine = मेरे सभी ज़िले
trn-all-districts = सभी ज़िले
trn-district-unknown = "{ $name }" नाम का ज़िला नहीं मिला। वर्तनी जाँच लें; ज़िलों को कॉमा से अलग करें।
trn-ask-when = { $stage ->
        [time] 🕒 { $day } को कितने बजे? नीचे से चुनें या लिखें, जैसे: दोपहर 3 बजे।
        [confirm] क्या आपका मतलब <b>{ $day }</b> था?
       *[day] 📅 किस दिन? नीचे से चुनें, या तारीख़ और समय लिखें, जैसे: 28 नवंबर 3pm।
    }
trn-help-when = पहले दिन, फिर समय चुनें; या दोनों लिखें, जैसे "28 नवंबर 3pm" या "कल सुबह 11 बजे"। समय भारतीय समय है।
trn-field-when = तारीख़ और समय
trn-btn-today = आज, { $day }
trn-btn-tomorrow = कल, { $day }
trn-btn-day = { $day }
trn-btn-time = { $clock }
trn-btn-other-day = 📅 कोई और दिन
trn-btn-yes = ✅ हाँ
trn-btn-no = ✖ नहीं
trn-when-past = यह समय निकल चुका है। आगे का कोई समय दें।
trn-when-invalid = यह तारीख़ होती ही नहीं (जैसे 31 फ़रवरी)। एक बार जाँच लें।
trn-when-too-far = यह 6 महीने से भी ज़्यादा आगे है (इस साल की बीत चुकी तारीख़ अगले साल की मानी जाती है)। आने वाले कुछ महीनों की तारीख़ दें।
trn-when-not-understood = इसमें तारीख़ और समय समझ नहीं पाया। जैसे लिखें: 28 नवंबर 3pm।
trn-when-say-clearer = ठीक है। सुबह या शाम बताते हुए समय फिर से लिखें, जैसे: 28 नवंबर 3pm।
trn-ask-place = 📍 कहाँ होगा? पता लिखें, या ऑनलाइन मीटिंग का लिंक दें।
trn-help-place = हॉल और शहर का नाम, जैसे "ब्लॉक ऑफ़िस हॉल, बिष्णुपुर", या Google Meet / Zoom लिंक।
trn-field-place = जगह
trn-ask-capacity = 👥 ज़्यादा से ज़्यादा कितने लोग आ सकते हैं? संख्या लिखें, कोई सीमा न हो तो "छोड़ें" दबाएँ।
trn-help-capacity = इतने विक्रेता "आऊँगा" कह दें तो बाक़ियों को बताया जाएगा कि जगह भर गई।
trn-field-capacity = सीटें
trn-capacity-error = 1 से { $max } के बीच सीटों की संख्या लिखें।
trn-summary = प्रशिक्षण की जानकारी जाँच लें:
trn-new-cancelled = प्रशिक्षण नहीं बनाया गया।
trn-when-passed = बात करते-करते शुरू होने का समय निकल गया। फिर से कोशिश करने के लिए /newtraining भेजें।
trn-created =
    ✅ प्रशिक्षण बन गया: <b>{ $title }</b>, { $when }।
    { $count } विक्रेताओं को निमंत्रण जा रहा है।
trn-btn-my-trainings = 📚 मेरे प्रशिक्षण
trn-btn-new = ➕ नया प्रशिक्षण

## निमंत्रण और जवाब (विक्रेता)
trn-invite =
    📚 <b>प्रशिक्षण: { $title }</b>
    🗓 { $when }
    📍 { $place }
    क्या आप आएँगे?
btn-trn-yes = ✅ आऊँगा
btn-trn-no = ✖ नहीं आ पाऊँगा
btn-trn-cannot = ✖ अब नहीं आ पाऊँगा
trn-rsvp-yes =
    ✅ धन्यवाद! आप <b>{ $title }</b> में आ रहे हैं, { $when }।
    📍 { $place }
    शुरू होने से पहले याद दिलाऊँगा।
trn-rsvp-no = ठीक है, आप <b>{ $title }</b> ({ $when }) में नहीं आ रहे। मन बदले तो शुरू होने से पहले नीचे का बटन दबाएँ।
trn-reminder-24h =
    ⏰ कल: <b>{ $title }</b>
    🗓 { $when }
    📍 { $place }
trn-reminder-1h =
    ⏰ एक घंटे बाद: <b>{ $title }</b>
    🗓 { $when }
    📍 { $place }
trn-full = माफ़ कीजिए, <b>{ $title }</b> में जगह भर गई है। अगले प्रशिक्षण की ख़बर आपको मिलेगी।
trn-started = <b>{ $title }</b> शुरू हो चुका है, इसलिए अब जवाब नहीं लिए जा रहे।
trn-was-cancelled = <b>{ $title }</b> रद्द हो गया है।
trn-not-for-you = यह प्रशिक्षण आपके ज़िले के लिए नहीं है, या अब मौजूद नहीं है।
trn-register-first = पहले पंजीकरण करें (/start भेजें): फिर आपको प्रशिक्षण के निमंत्रण मिलेंगे।
trn-cancelled-notice = ✖ रद्द: <b>{ $title }</b> ({ $when }) नहीं होगा। असुविधा के लिए खेद है।

## /trainings
trn-seller-title = <b>आने वाले प्रशिक्षण ({ $count })</b>
trn-seller-card =
    📚 <b>{ $title }</b>
    🗓 { $when }
    📍 { $place }
    { $answer ->
        [yes] ✅ आप आ रहे हैं।
        [no] ✖ आप नहीं आ रहे।
       *[other] आपने अभी जवाब नहीं दिया।
    }
trn-none-seller = अभी आपके ज़िले में कोई प्रशिक्षण तय नहीं है। तय होने पर बताऊँगा।
trn-staff-title = <b>आपके प्रशिक्षण ({ $count })</b>
trn-staff-card =
    { $status ->
        [cancelled] ✖ रद्द
        [started] ✔️ शुरू हो चुका
       *[other] 🗓 आने वाला
    } <b>{ $title }</b>
    { $when } — { $place }
    { $districts }
    आएँगे: { $yes } · नहीं आएँगे: { $no } · जवाब नहीं: { $none } · सीटें: { $capacity } · आए: { $came }
trn-none-staff = पिछले 14 दिनों में या आगे कोई प्रशिक्षण नहीं है।
trn-btn-attendance = ✔️ उपस्थिति दर्ज करें
trn-btn-cancel = ✖ यह प्रशिक्षण रद्द करें
trn-not-yours = यह प्रशिक्षण आपके ज़िलों का नहीं है, या अब मौजूद नहीं है।

## उपस्थिति
trn-att-title = <b>{ $title }</b>: कौन-कौन आया? नाम दबाकर निशान लगाएँ या हटाएँ। निशान लगे: { $total } में से { $count }।
trn-att-on = ✅ { $name }
trn-att-off = ▫️ { $name }
trn-att-more = { $count } और नाम नहीं दिखाए गए।
trn-btn-att-done = 💾 हो गया
trn-att-saved = ✓ <b>{ $title }</b> की उपस्थिति दर्ज हुई: { $count } आए।
trn-att-nobody = <b>{ $title }</b> के लिए किसी ने "आऊँगा" नहीं कहा, इसलिए निशान लगाने को कोई नहीं है।
trn-att-not-yet = <b>{ $title }</b> अभी शुरू नहीं हुआ: शुरू होने पर उपस्थिति दर्ज की जा सकती है।

## रद्द करना
trn-cancel-confirm = <b>{ $title }</b> ({ $when }) रद्द करें? जिन्होंने "आऊँगा" कहा है उन्हें बताया जाएगा।
trn-btn-cancel-yes = ✖ हाँ, रद्द करें
trn-btn-cancel-no = ⬅ नहीं, रहने दें
trn-cancel-done = ✓ <b>{ $title }</b> रद्द हो गया। "आऊँगा" कहने वाले { $count } लोगों को बताया जा रहा है।

## Menu and command list
menu-trainings = 🎓 प्रशिक्षण
cmd-trainings = प्रशिक्षण
