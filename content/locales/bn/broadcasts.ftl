## সমন্বয়কারীর ঘোষণা: লেখা, মিলিয়ে দেখা, হিসেব

bc-ask-text = 📣 <b>নতুন ঘোষণা।</b> বিক্রেতাদের জন্য বার্তাটা লিখুন (বড়জোর { $max } অক্ষর)। আপনি যা লিখবেন, ওঁরা ঠিক তা-ই পাবেন।
bc-help-text = বিক্রেতারা যেমন পড়বেন তেমন করে লিখুন: ছোট বাক্যে — কী, কবে, কোথায়। এরপর অন্য ভাষার সংস্করণ আর একটা ছবি যোগ করতে পারবেন। /cancel দিলে বন্ধ হবে।
bc-field-text = বার্তা
bc-text-not-text = আগে বার্তাটা লিখুন। ছবি একটু পরে দিতে পারবেন।
bc-text-long = বার্তাটা { $length } অক্ষরের; একটা বার্তায় বড়জোর { $max } অক্ষর ধরে। একটু ছোট করুন।
bc-ask-versions =
    { $mode ->
        [add] এবার বার্তাটা { $language } ভাষায় লিখুন।
       *[menu] আপনার বার্তা { $main } ভাষায়। অন্য ভাষার বিক্রেতারা এটাই পাবেন, যদি না আপনি তাঁদের ভাষায় একটা সংস্করণ যোগ করেন।
    }
bc-help-versions = প্রত্যেক বিক্রেতা নিজের ভাষার সংস্করণ পাবেন; না থাকলে বাংলা সংস্করণ (বা আপনার বার্তা)। হয়ে গেলে "এগিয়ে চলুন" টিপুন।
bc-field-versions = সংস্করণ
btn-bc-add-version = ➕ { $language } সংস্করণ যোগ করুন
btn-bc-change-version = ✏️ { $language } সংস্করণ বদলান
btn-bc-versions-done = ✅ এগিয়ে চলুন
bc-version-saved = ✓ { $language } সংস্করণ রাখা হল।
bc-ask-photo = বার্তার সঙ্গে একটা ছবি পাঠান, অথবা "বাদ দিন" টিপুন।
bc-help-photo = একটা পরিষ্কার ছবি (পোস্টার, জায়গা, কোনো জিনিস)। বার্তার সঙ্গে যাবে। শুধু লেখা পাঠাতে "বাদ দিন" টিপুন।
bc-field-photo = ছবি
bc-photo-not-photo = একটা ছবি পাঠান, অথবা "বাদ দিন" টিপুন।
bc-photo-yes = 📷 আছে
bc-ask-district = কারা পাবেন? জেলা বেছে নিন।
bc-help-district = আপনি নিজের জেলাগুলোর বিক্রেতাদের ঘোষণা পাঠাতে পারেন।
bc-district-all = 🌐 সারা পশ্চিমবঙ্গ
bc-district-mine = আমার সব জেলা
bc-ask-craft = শুধু একটা কারুশিল্পের বিক্রেতারা? সেটা বেছে নিন, অথবা সবার জন্য "বাদ দিন" টিপুন।
bc-help-craft = নিবন্ধনের সময় বিক্রেতা যে কারুশিল্প বলেছেন। "বাদ দিন" টিপলে সব কারুশিল্পের বিক্রেতারা পাবেন।
bc-craft-unknown = এই কারুশিল্পটা চিনতে পারলাম না। একটা বোতাম বেছে নিন, অথবা "বাদ দিন" টিপুন।
bc-craft-any = সব কারুশিল্প
bc-ask-stage = কতদূর এগিয়েছেন, সেই হিসেবে কোন বিক্রেতারা?
bc-help-stage = যেমন: যাঁদের এখনো তৈরি পণ্য নেই তাঁদের পণ্য যোগ করতে মনে করান, বা যাঁরা রফতানি যাচাই করেননি তাঁদের /check পাঠাতে বলুন।
bc-field-stage = ধাপ
bc-stage-any = সবাই
bc-stage-noprod = এখনো তৈরি পণ্য নেই
bc-stage-ready = তৈরি পণ্য আছে
bc-stage-checked = রফতানি যাচাই হয়েছে
bc-stage-unchecked = রফতানি যাচাই হয়নি
bc-ask-lang = কোন ভাষার বিক্রেতারা?
bc-help-lang = প্রত্যেক বিক্রেতা বটের জন্য যে ভাষা বেছেছেন।
bc-field-lang = ভাষা
bc-lang-any = সব ভাষা
bc-ask-when = কখন যাবে? "এখনই" টিপুন, অথবা তারিখ আর সময় লিখুন, যেমন ২৮/১১ বিকেল ৩টা বা "কাল সকাল ১০টা"।
bc-help-when = দিন আর সময় লিখুন (ভারতের সময়), যেমন ২৮/১১ ১৫:০০। রাতে ঘোষণা যায় না: সকাল পর্যন্ত অপেক্ষা করে।
bc-field-when = কখন
bc-when-now = ▶️ এখনই
bc-when-immediately = এখনই
bc-when-not-date = ওখানে তারিখ আর সময় বুঝতে পারলাম না। যেমন: ২৮/১১ বিকেল ৩টা, বা কাল সকাল ১০টা।
bc-when-no-time = সময়টাও লিখুন, যেমন ২৮/১১ বিকেল ৩টা।
bc-when-past = ওই সময় পেরিয়ে গেছে। সামনের কোনো সময় দিন।
bc-when-invalid = এই তারিখ বা সময় হয় না। একবার দেখে নিন।
bc-when-too-far = সেটা এক বছরেরও বেশি পরে। কাছাকাছি কোনো তারিখ দিন।
bc-when-again = ঠিক আছে, তারিখ আর সময় আবার লিখুন, যেমন ২৮/১১ ১৫:০০।
bc-when-confirm = আপনি কি <b>{ $when }</b> বোঝাতে চাইছেন?
bc-when-yes = ✅ হ্যাঁ
bc-when-no = ✖ না
bc-nobody = এই বাছাইয়ে কেউ পড়ছেন না: ওখানে ঘোষণা নেন এমন কোনো নিবন্ধিত বিক্রেতা নেই। বিক্রেতাদের আবার বেছে নিন।
bc-preview = <b>ঘোষণাটা মিলিয়ে দেখুন</b>
bc-preview-count = 👥 যাবে <b>{ $count }</b> জন বিক্রেতার কাছে।
bc-preview-text =
    <b>{ $language }:</b>
    { $text }
bc-preview-fallback = অন্য ভাষার বিক্রেতারা { $language } লেখাটা পাবেন।
bc-scope-changed = আপনার জেলা বদলে গেছে, তাই এই বিক্রেতাদের ঘোষণা পাঠানো যাবে না। আবার শুরু করতে /broadcast পাঠান।
bc-nobody-now = এই বাছাইয়ে এখন আর কেউ পড়ছেন না, তাই কিছু পাঠানো হয়নি। আবার শুরু করতে /broadcast পাঠান।
bc-queued-now = ✓ ঘোষণা #{ $id } { $count } জন বিক্রেতার কাছে যাচ্ছে।
bc-queued-later = ✓ ঘোষণা #{ $id } { $when }-এ { $count } জন বিক্রেতার কাছে যাবে।
btn-bc-view = 📊 পৌঁছনোর হিসেব
bc-cancelled = ঘোষণা বাতিল, কিছু পাঠানো হয়নি।
bc-list-title = <b>ঘোষণাগুলো</b>
bc-list-empty = এখনো কোনো ঘোষণা নেই। লিখতে /broadcast পাঠান।
bc-list-line = #{ $id } · { $when } · { $status } · ✅ { $sent } ⏳ { $pending } ❌ { $failed } ⏭ { $skipped } / { $recipients } — { $text }
btn-bc-view-id = #{ $id }
bc-status-scheduled = 🕒 সময় ঠিক করা
bc-status-sending = 📤 যাচ্ছে
bc-status-done = ✅ শেষ
bc-not-found = ঘোষণাটা খুঁজে পেলাম না।
bc-view-title = <b>ঘোষণা #{ $id }</b> · { $status } · { $when }
# Only where a channel reports delivery and reading (WhatsApp).
bc-view-seen = 📬 WhatsApp-এ ফোনে পৌঁছেছে { $delivered } জনের, 👁 পড়েছেন { $read } জন।
bc-view-text = { $text }
bc-view-counts = 👥 { $recipients } জন বিক্রেতা: ✅ { $sent } পৌঁছেছে, ⏳ { $pending } অপেক্ষায়, ❌ { $failed } ব্যর্থ, ⏭ { $skipped } বাদ
bc-reason-line = • { $reason }: { $count }
bc-failed-line = • ব্যর্থ ({ $reason }): { $count }
bc-skipped-line = • বাদ ({ $reason }): { $count }
bc-skipped-opted-out = ঘোষণা বন্ধ করেছেন
bc-skipped-blocked = বট ব্লক করেছেন
bc-skipped-expired = পাঠানোর সময় পেরিয়ে গেছে
bc-report-notice = 📣 ঘোষণা #{ $id } শেষ: { $total } জনের মধ্যে { $sent } জনের কাছে পৌঁছেছে, { $failed } ব্যর্থ, { $skipped } বাদ (ঘোষণা বন্ধ করেছেন, বট ব্লক করেছেন, বা দেরি হয়ে গেছে)।
