## প্রশিক্ষণ: সময় ঠিক করা (সমন্বয়কারী), আমন্ত্রণ আর উত্তর (বিক্রেতা), উপস্থিতি

trn-clock = { $part ->
        [late] রাত
        [dawn] ভোর
        [morning] সকাল
        [noon] দুপুর
        [afternoon] বিকেল
        [evening] সন্ধ্যা
       *[other] রাত
    } { $time }
trn-when = { $day }, { $clock }

## /newtraining
trn-ask-title = 📚 প্রশিক্ষণের নাম কী? যেমন: অ্যামাজনের জন্য পণ্যের ছবি তোলা।
trn-help-title = ছোট একটা নাম, যা দেখে বিক্রেতারা বুঝবেন — বড়জোর ৮০টা অক্ষর।
trn-field-title = প্রশিক্ষণ
trn-ask-districts = { $admin ->
        [yes] কোন কোন জেলার জন্য? নামগুলো কমা দিয়ে লিখুন (যেমন: বাঁকুড়া, পুরুলিয়া), অথবা "সব জেলা" টিপুন।
       *[other] আপনার কোন জেলার জন্য?
    }
trn-help-districts = এই জেলাগুলোর নিবন্ধিত বিক্রেতারা আমন্ত্রণ পাবেন।
trn-field-districts = জেলা
trn-btn-all-districts = 🌐 সব জেলা
trn-btn-all-mine = আমার সব জেলা
trn-all-districts = সব জেলা
trn-district-unknown = "{ $name }" নামে কোনো জেলা পেলাম না। বানানটা দেখে নিন; একাধিক জেলা কমা দিয়ে আলাদা করুন।
trn-ask-when = { $stage ->
        [time] 🕒 { $day } কখন? নিচ থেকে বাছুন, বা লিখুন, যেমন: বিকেল ৩টা।
        [confirm] আপনি কি <b>{ $day }</b> বলতে চেয়েছেন?
       *[day] 📅 কোন দিন? নিচ থেকে বাছুন, বা তারিখ আর সময় লিখুন, যেমন: ২৮/১১ বিকেল ৩টা।
    }
trn-help-when = প্রথমে দিন, তারপর সময় বাছুন; বা দুটোই লিখুন, যেমন "২৮/১১ বিকেল ৩টা" বা "কাল সকাল ১১টা"। সময় ভারতীয় সময়ে।
trn-field-when = তারিখ ও সময়
trn-btn-today = আজ, { $day }
trn-btn-tomorrow = কাল, { $day }
trn-btn-day = { $day }
trn-btn-time = { $clock }
trn-btn-other-day = 📅 অন্য দিন
trn-btn-yes = ✅ হ্যাঁ
trn-btn-no = ✖ না
trn-when-past = এই সময়টা পেরিয়ে গেছে। সামনের কোনো সময় দিন।
trn-when-invalid = এই তারিখটা হয় না (যেমন ৩১ ফেব্রুয়ারি)। একবার দেখে নিন।
trn-when-too-far = এটা ৬ মাসেরও বেশি পরে (এ বছরের পেরিয়ে যাওয়া তারিখ পরের বছরের ধরা হয়)। সামনের কয়েক মাসের মধ্যে একটা তারিখ দিন।
trn-when-not-understood = এতে তারিখ আর সময় বুঝতে পারলাম না। যেমন লিখুন: ২৮/১১ বিকেল ৩টা।
trn-when-say-clearer = ঠিক আছে। সকাল না বিকেল, সেটা সহ সময়টা আবার লিখুন, যেমন: ২৮/১১ বিকেল ৩টা।
trn-ask-place = 📍 কোথায় হবে? ঠিকানা লিখুন, বা অনলাইন মিটিংয়ের লিঙ্ক দিন।
trn-help-place = হল আর শহরের নাম, যেমন "ব্লক অফিস হল, বিষ্ণুপুর", বা Google Meet / Zoom লিঙ্ক।
trn-field-place = জায়গা
trn-ask-capacity = 👥 বড়জোর কতজন আসতে পারবেন? একটা সংখ্যা লিখুন, কোনো সীমা না থাকলে "বাদ দিন" টিপুন।
trn-help-capacity = এতজন "যাব" বলে দিলে বাকিদের জানানো হবে যে জায়গা ভর্তি।
trn-field-capacity = আসন
trn-capacity-error = ১ থেকে { $max }-এর মধ্যে আসনের সংখ্যাটা লিখুন।
trn-summary = প্রশিক্ষণটা মিলিয়ে নিন:
trn-new-cancelled = প্রশিক্ষণ তৈরি হল না।
trn-when-passed = কথা বলতে বলতে শুরুর সময় পেরিয়ে গেছে। আবার চেষ্টা করতে /newtraining পাঠান।
trn-created =
    ✅ প্রশিক্ষণ তৈরি হয়েছে: <b>{ $title }</b>, { $when }।
    { $count } জন বিক্রেতার কাছে আমন্ত্রণ যাচ্ছে।
trn-btn-my-trainings = 📚 আমার প্রশিক্ষণ
trn-btn-new = ➕ নতুন প্রশিক্ষণ

## আমন্ত্রণ আর উত্তর (বিক্রেতা)
trn-invite =
    📚 <b>প্রশিক্ষণ: { $title }</b>
    🗓 { $when }
    📍 { $place }
    আপনি আসবেন?
btn-trn-yes = ✅ যাব
btn-trn-no = ✖ যাব না
btn-trn-cannot = ✖ আর যেতে পারব না
trn-rsvp-yes =
    ✅ ধন্যবাদ! আপনি আসছেন: <b>{ $title }</b>, { $when }।
    📍 { $place }
    শুরুর আগে মনে করিয়ে দেব।
trn-rsvp-no = ঠিক আছে, আপনি আসছেন না: <b>{ $title }</b> ({ $when })। মত বদলালে শুরুর আগে নিচের বোতাম টিপুন।
trn-reminder-24h =
    ⏰ কাল: <b>{ $title }</b>
    🗓 { $when }
    📍 { $place }
trn-reminder-1h =
    ⏰ এক ঘণ্টা পরে: <b>{ $title }</b>
    🗓 { $when }
    📍 { $place }
trn-full = দুঃখিত, <b>{ $title }</b> — আর জায়গা নেই। পরের প্রশিক্ষণের খবর পাবেন।
trn-started = <b>{ $title }</b> শুরু হয়ে গেছে, তাই এখন আর উত্তর নেওয়া হচ্ছে না।
trn-was-cancelled = <b>{ $title }</b> বাতিল হয়েছে।
trn-not-for-you = এই প্রশিক্ষণটা আপনার জেলার জন্য নয়, বা এটা আর নেই।
trn-register-first = আগে নিবন্ধন করুন (/start পাঠান): তারপর প্রশিক্ষণের আমন্ত্রণ পাবেন।
trn-cancelled-notice = ✖ বাতিল: <b>{ $title }</b> ({ $when }) হবে না। অসুবিধার জন্য দুঃখিত।

## /trainings
trn-seller-title = <b>সামনের প্রশিক্ষণ ({ $count })</b>
trn-seller-card =
    📚 <b>{ $title }</b>
    🗓 { $when }
    📍 { $place }
    { $answer ->
        [yes] ✅ আপনি যাচ্ছেন।
        [no] ✖ আপনি যাচ্ছেন না।
       *[other] আপনি এখনো উত্তর দেননি।
    }
trn-none-seller = এই মুহূর্তে আপনার জেলায় কোনো প্রশিক্ষণ ঠিক হয়নি। হলে জানিয়ে দেব।
trn-staff-title = <b>আপনার প্রশিক্ষণ ({ $count })</b>
trn-staff-card =
    { $status ->
        [cancelled] ✖ বাতিল
        [started] ✔️ শুরু হয়ে গেছে
       *[other] 🗓 সামনে
    } <b>{ $title }</b>
    { $when } — { $place }
    { $districts }
    যাবেন: { $yes } · যাবেন না: { $no } · উত্তর নেই: { $none } · আসন: { $capacity } · এসেছেন: { $came }
trn-none-staff = গত ১৪ দিনে বা সামনে কোনো প্রশিক্ষণ নেই।
trn-btn-attendance = ✔️ উপস্থিতি লিখুন
trn-btn-cancel = ✖ এই প্রশিক্ষণ বাতিল করুন
trn-not-yours = এই প্রশিক্ষণটা আপনার জেলার নয়, বা এটা আর নেই।

## উপস্থিতি
trn-att-title = <b>{ $title }</b>: কে কে এসেছেন? নামে টিপে চিহ্ন দিন বা তুলে দিন। চিহ্ন দেওয়া: { $total } জনের মধ্যে { $count } জন।
trn-att-on = ✅ { $name }
trn-att-off = ▫️ { $name }
trn-att-more = আরও { $count } জনের নাম দেখানো হয়নি।
trn-btn-att-done = 💾 হয়ে গেছে
trn-att-saved = ✓ উপস্থিতি রাখা হল — <b>{ $title }</b>: { $count } জন এসেছেন।
trn-att-nobody = <b>{ $title }</b>: কেউ "যাব" বলেননি, তাই চিহ্ন দেওয়ার কেউ নেই।
trn-att-not-yet = <b>{ $title }</b> এখনো শুরু হয়নি: শুরু হলে উপস্থিতি লেখা যাবে।

## বাতিল করা
trn-cancel-confirm = <b>{ $title }</b> ({ $when }) বাতিল করবেন? যাঁরা "যাব" বলেছেন তাঁদের জানানো হবে।
trn-btn-cancel-yes = ✖ হ্যাঁ, বাতিল করুন
trn-btn-cancel-no = ⬅ না, থাক
trn-cancel-done = ✓ <b>{ $title }</b> বাতিল হয়েছে। "যাব" বলা { $count } জনকে জানানো হচ্ছে।

## Menu and command list
menu-trainings = 🎓 প্রশিক্ষণ
cmd-trainings = প্রশিক্ষণ
