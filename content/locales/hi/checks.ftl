## निर्यात जाँच: नियमों के आसपास की बातचीत, और समन्वयकों का सारांश

menu-check = ✅ क्या निर्यात हो सकता है?
cmd-check = निर्यात योग्यता जाँचें
reg-next = अब क्या? अपना पहला उत्पाद जोड़ें, या देखें कि निर्यात के लिए क्या चाहिए।
btn-check-now = ✅ देखें कि निर्यात हो सकता है या नहीं
    .short = ✅ निर्यात जाँच
btn-check-another = 🔁 कोई और चीज़ जाँचें
elig-describe-button = ✏️ ऐसी चीज़ जो मेरे उत्पादों में नहीं है
elig-help-product = अपना कोई उत्पाद चुनें, या ऐसी चीज़ के बारे में लिखें जो अभी जोड़ी नहीं है।
elig-help-describe = कुछ शब्दों में चीज़ क्या है और किससे बनी है, जैसे "काँसे का हाथी" या "सूती अस्तर वाला जूट का थैला"।
elig-help-destination = वह देश या क्षेत्र जहाँ आपके ख़रीदार हैं। पक्का न पता हो तो "कहीं भी" चुनें।
elig-help-question = जितना जानते हैं उतना बताइए। न पता हो तो "पता नहीं" दबाएँ: मैं बताऊँगा कि क्या पता करना है।
elig-question = { $question }
elig-answer-with-buttons = बटन से जवाब दें: हाँ, नहीं या पता नहीं।
elig-bullet = • { $text }
elig-notes = <b>जान लें:</b>
elig-cancelled = जाँच रोकी गई। फिर से देखना हो तो /check भेजें।
checks-title = <b>निर्यात जाँच ({ $count } विक्रेता)</b>
checks-line = { $mark } { $name } ({ $district }) — { $date } — { $missing } बाक़ी, पहले: { $first }
checks-line-done = { $mark } { $name } ({ $district }) — { $date } — कुछ बाक़ी नहीं
checks-line-none = ▫️ { $name } ({ $district }) — अभी जाँच नहीं हुई
checks-none = वहाँ अभी कोई विक्रेता पंजीकृत नहीं है।
