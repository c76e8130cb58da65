# WhatsApp message templates (content/data/whatsapp_templates.yaml): the words around the
# message, which is { $text }. Meta reviews them; a change needs a new approval.
wa-template-reminder = ⏰ { -brand } মনে করিয়ে দিচ্ছে: { $text }

    উত্তর দিতে যেকোনো কিছু লিখুন।
wa-template-notice = ℹ️ { -brand } থেকে খবর: { $text }

    উত্তর দিতে যেকোনো কিছু লিখুন।
wa-template-digest = 📋 { -brand }, আজকের সারাংশ: { $text }

    বিস্তারিত দেখতে যেকোনো কিছু লিখুন।
wa-template-invite = 🎓 { -brand } থেকে প্রশিক্ষণের আমন্ত্রণ: { $text }

    উত্তর দিতে একটা বোতাম টিপুন।
wa-template-broadcast = 📣 { -brand } থেকে ঘোষণা: { $text }

    উত্তর দিতে যেকোনো কিছু লিখুন। আর না চাইলে /stop লিখুন।
wa-template-nudge = 👋 { -brand } থেকে: { $text }

    চালিয়ে যেতে যেকোনো কিছু লিখুন। আর না চাইলে /stop লিখুন।
wa-template-btn-yes = ✅ আসব
wa-template-btn-no = ❌ আসতে পারব না
# The sample text Meta's reviewers see in place of { $text }.
wa-template-example = কাল সকাল ১০টায় বাঁকুড়া জেলা শিল্প কেন্দ্রে রফতানির প্রশিক্ষণ।
