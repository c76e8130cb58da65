# WhatsApp message templates (content/data/whatsapp_templates.yaml): the words around the
# message, which is { $text }. Meta reviews them; a change needs a new approval.
wa-template-reminder = ⏰ { -brand } की याद दिलाई: { $text }

    जवाब देने के लिए कुछ भी लिखें।
wa-template-notice = ℹ️ { -brand } से खबर: { $text }

    जवाब देने के लिए कुछ भी लिखें।
wa-template-digest = 📋 { -brand }, आज का सारांश: { $text }

    विवरण देखने के लिए कुछ भी लिखें।
wa-template-invite = 🎓 { -brand } से प्रशिक्षण का न्योता: { $text }

    जवाब देने के लिए एक बटन दबाइए।
wa-template-broadcast = 📣 { -brand } से घोषणा: { $text }

    जवाब देने के लिए कुछ भी लिखें। और नहीं चाहिए तो /stop लिखें।
wa-template-nudge = 👋 { -brand } से: { $text }

    आगे बढ़ने के लिए कुछ भी लिखें। और नहीं चाहिए तो /stop लिखें।
wa-template-btn-yes = ✅ हाँ, आएँगे
wa-template-btn-no = ❌ नहीं आ पाएँगे
# The sample text Meta's reviewers see in place of { $text }.
wa-template-example = कल सुबह 10 बजे बांकुड़ा ज़िला उद्योग केंद्र में निर्यात का प्रशिक्षण।
