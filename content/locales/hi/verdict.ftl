## निर्यात जाँच का जवाब: पहला संदेश एक स्क्रीन में, बाकी "विस्तार" और "स्रोत" बटन में।
elig-why-not = क्यों:
elig-unknown-line = ❓ { $text }
elig-more-steps = …और { $count }: "विस्तार" में देखें।
elig-see-details = 📖 ख़र्च और कहाँ जाएँ: "विस्तार" दबाएँ।
elig-see-details-notes = 📖 ख़र्च, कहाँ जाएँ, और { $count } ज़रूरी बातें: "विस्तार" दबाएँ।
elig-see-details-blocked = 📖 क्यों, और किससे पूछें: "विस्तार" दबाएँ।
elig-details-title = 📖 <b>{ $item }</b> — विस्तार
elig-details-steps =
    { "" }
    <b>आगे क्या करें:</b>
elig-details-find-out =
    { "" }
    <b>पता करें:</b>
elig-details-notes =
    { "" }
    <b>जान लें:</b>
elig-sources-title = 📚 <b>{ $item }</b> — कौन-सी बात कहाँ से
elig-source-doc = 📄 { $source }
elig-source-none = 📄 अभी कोई सरकारी दस्तावेज़ नहीं मिला
elig-source-line = { $doc } · { $sure } · जाँचा { $date }
elig-confidence-official = सरकारी दस्तावेज़
elig-confidence-secondary = ख़बर या विशेषज्ञ के लेख से; सरकारी पाठ से मिलाना बाकी
elig-confidence-unverified = पक्का नहीं: बेचने से पहले पता कर लें
btn-check-details = 📖 विस्तार
btn-check-sources = 📚 स्रोत
elig-check-gone = यह जाँच अब नहीं है। फिर से जाँचने के लिए /check भेजें।
elig-check-old = यह जाँच पुराने नियमों से हुई थी, इसलिए इसका विस्तार नहीं दिखाया जा सकता। फिर से जाँचें: /check
