## রফতানি সাথী — বাংলা বার্তা (ডিফল্ট ভাষা)। HTML (b, i) চলবে; আর্গুমেন্ট বট নিজেই এস্কেপ করে।

-brand = রফতানি সাথী

## ভাষা (সবসময় নিজের ভাষায় নাম)
lang-name-bn = বাংলা
lang-name-en = English
lang-name-hi = हिन्दी

## বোতাম
btn-skip = ⏭ বাদ দিন
btn-back = ⬅ আগের প্রশ্ন
btn-cancel = ✖ বাতিল
btn-confirm = ✅ হ্যাঁ, সব ঠিক আছে
btn-edit = ✏️ কিছু বদলাব
btn-agree = ✅ আমি রাজি
btn-disagree = ✖ না
btn-share-phone = 📱 আমার নম্বর পাঠান
btn-iec-same-pan = আমার PAN-এর মতোই: { $pan }
btn-edit-field = ✏️ { $field }
btn-delete-yes = 🗑 হ্যাঁ, সব মুছে দিন
btn-delete-no = ✖ না, থাক
btn-lang-switch = ✅ হ্যাঁ, { $language } ভাষায় কথা বলুন
btn-lang-keep = না, { $language } ভাষাই থাক

## প্রশ্নোত্তর
flow-current-value = এখন আছে: { $value }
flow-help-generic = নিচের প্রশ্নের উত্তর দিন। /back দিলে আগের প্রশ্নে যাবেন, /cancel দিলে এখনকার মতো থামবে।
flow-cannot-skip = এই প্রশ্নটা দরকারি, বাদ দেওয়া যাবে না।
flow-at-first = এটাই প্রথম প্রশ্ন।
flow-use-buttons = নিচের বোতামগুলোর একটা বেছে নিন।
flow-cancelled = থামানো হল। আপনি যা বলেছেন সব রাখা আছে: আবার শুরু করতে /start পাঠান।
flow-resumed = আবার স্বাগত! যেখানে থেমেছিলাম সেখান থেকে শুরু করি।
flow-edit-which = কোনটা বদলাতে চান?
flow-none-active = এখন কোনো প্রশ্ন খোলা নেই।
summary-line = <b>{ $label }:</b> { $value }
summary-line-empty = <b>{ $label }:</b> —

## তথ্যের নাম
field-name = নাম
field-business = ব্যবসার নাম
field-district = জেলা
field-phone = মোবাইল নম্বর
field-craft = শিল্প / প্রধান পণ্য
field-gstin = GSTIN
field-iec = IEC (PAN)
field-udyam = উদ্যম নম্বর

## নিবন্ধন
reg-welcome =
    🙏 নমস্কার! <b>{ -brand }</b>-তে আপনাকে স্বাগত।
    আপনার তৈরি জিনিস বিদেশের ক্রেতাদের কাছে বিক্রি করতে আমি ধাপে ধাপে সাহায্য করব।

    কোন ভাষায় কথা বলবেন?
reg-consent =
    শুরু করার আগে: আপনাকে সাহায্য করতে আপনার আর আপনার ব্যবসার কিছু তথ্য রাখতে হবে (নাম, জেলা, মোবাইল নম্বর, শিল্প, আর থাকলে কর-নম্বর)।

    • <b>কেন:</b> আপনার জিনিস অনলাইনে রফতানির জন্য তৈরি করতে, আর প্রশিক্ষণ ও জরুরি তারিখ মনে করিয়ে দিতে।
    • <b>কে দেখবেন:</b> শুধু আপনি, আপনার জেলার রফতানি সমন্বয়কারী, আর প্রকল্পের প্রশাসকরা।
    • <b>মুছে ফেলা:</b> যেকোনো সময় /delete পাঠালে সব মুছে যাবে। /mydata পাঠালে যা রাখা আছে সব দেখতে পাবেন।

    আপনি কি রাজি?
reg-help-consent = আপনার তথ্য শুধু এই রফতানি প্রকল্পের কাজে লাগবে। রাজি না হলে নিবন্ধন করা যাবে না, তবে যেকোনো সময় /start পাঠিয়ে ফিরে আসতে পারেন।
reg-consent-declined = ঠিক আছে, কিছুই রাখা হয়নি। নিবন্ধন করতে চাইলে /start পাঠান।
reg-ask-name = আপনার নাম কী?
reg-help-name = আপনার পুরো নাম লিখুন, যেমনটা ক্রেতা আর সমন্বয়কারীরা দেখবেন। যেমন: রিনা দাস।
reg-ask-business = আপনার ব্যবসা বা দোকানের নাম কী? (নাম না থাকলে "বাদ দিন" টিপুন।)
reg-help-business = আপনার ব্যবসা, কারখানা বা দলের নাম, যেমন: দাস হস্তশিল্প। না থাকলে "বাদ দিন" টিপুন।
reg-ask-district = আপনি কোন জেলায় কাজ করেন? নিচ থেকে বেছে নিন, বা নাম লিখুন।
reg-help-district = বোতাম থেকে জেলা বেছে নিন, অথবা বাংলা বা ইংরেজিতে নাম লিখুন, যেমন: বাঁকুড়া।
reg-district-did-you-mean = ঠিক এই নামে জেলা পেলাম না। আপনি কি এর কোনোটা বলতে চেয়েছেন?
reg-district-unknown = এটা পশ্চিমবঙ্গের ২৩টা জেলার মধ্যে নেই। তালিকা থেকে বেছে নিন।
reg-ask-phone = আপনার মোবাইল নম্বর কত? নিচের বোতাম টিপে পাঠান, বা লিখে দিন।
btn-phone-own = ✅ এই নম্বর: { $number }
    .short = ✅ { $number }
reg-help-phone = ১০ অঙ্কের ভারতীয় মোবাইল নম্বর, যেমন ৯৮৩০০ ১২৩৪৫। বাংলা বা ইংরেজি অঙ্ক, দুটোই চলবে।
reg-phone-not-own = এটা অন্য কারো নম্বর। দয়া করে আপনার নিজের নম্বর পাঠান।
reg-phone-too_short = নম্বরে অঙ্ক কম আছে। ভারতীয় মোবাইল নম্বরে ১০টা অঙ্ক থাকে।
reg-phone-too_long = নম্বরে অঙ্ক বেশি আছে। ভারতীয় মোবাইল নম্বরে ১০টা অঙ্ক থাকে।
reg-phone-not_mobile = এটা ভারতীয় মোবাইল নম্বর মনে হচ্ছে না (মোবাইল নম্বর ৬, ৭, ৮ বা ৯ দিয়ে শুরু হয়)।
reg-phone-foreign = দয়া করে ভারতের (+৯১) মোবাইল নম্বর দিন।
reg-phone-not_a_number = শুধু মোবাইল নম্বরের অঙ্কগুলো লিখুন।
reg-phone-saved = ✓ নম্বর রাখা হল।
reg-ask-craft = আপনি মূলত কী বানান বা বিক্রি করেন? নিচ থেকে বেছে নিন, বা নিজের ভাষায় লিখুন।
reg-help-craft = যেমন: কাঁথা স্টিচ শাড়ি, টেরাকোটার ঘোড়া, পাটের ব্যাগ। যেকোনো ভাষায় লিখতে পারেন।
reg-ask-gstin = আপনার কি GSTIN (জিএসটি নম্বর) আছে? লিখে দিন, না থাকলে "বাদ দিন" টিপুন।
reg-help-gstin = GSTIN-এ ১৫টা অক্ষর-অঙ্ক থাকে, যেমন 19AAECF2320D1Z5। জিএসটি রেজিস্ট্রেশন সার্টিফিকেটে পাবেন। না দিলেও চলবে।
reg-gstin-error-length = GSTIN-এ ঠিক ১৫টা অক্ষর আর অঙ্ক থাকে। মিলিয়ে আবার লিখুন।
reg-gstin-error-format = GSTIN এভাবে লেখা হয় না: ২টো অঙ্ক, তারপর PAN-এর ১০টা অক্ষর, তারপর আরও ৩টে (যেমন 19AAECF2320D1Z5)।
reg-gstin-error-state_code = GSTIN-এর প্রথম দুটো অঙ্ক রাজ্যের কোড, এটা কোনো রাজ্যের কোড নয়। পশ্চিমবঙ্গের কোড ১৯।
reg-gstin-error-checksum = এই GSTIN-এর একটা অক্ষর ভুল মনে হচ্ছে (শেষ অক্ষরটা মিলছে না)। সার্টিফিকেট দেখে মিলিয়ে নিন।
reg-gstin-note-other_state = মনে রাখবেন: এই GSTIN পশ্চিমবঙ্গের বাইরের। তবু রেখে দিলাম।
reg-ask-iec = আপনার কি IEC (ইমপোর্ট এক্সপোর্ট কোড) আছে? এখন এটা আপনার PAN-এর সমান। লিখে দিন, বা "বাদ দিন" টিপুন।
reg-help-iec = IEC হল আপনার ১০ অক্ষরের PAN, যেমন ABCDE1234F। DGFT-র ওয়েবসাইট থেকে পাওয়া যায়। এখন না দিলেও চলবে।
reg-iec-error-length = IEC (PAN)-এ ঠিক ১০টা অক্ষর থাকে, যেমন ABCDE1234F।
reg-iec-error-format = IEC (PAN) হল ৫টা অক্ষর, ৪টে অঙ্ক আর ১টা অক্ষর, যেমন ABCDE1234F।
reg-iec-error-serial_zero = PAN-এর চারটে অঙ্ক 0000 হতে পারে না। মিলিয়ে দেখুন।
reg-iec-error-holder_type = এই PAN-এর চতুর্থ অক্ষরটা ঠিক নয় (সাধারণত ব্যক্তির জন্য P, ফার্মের জন্য F)। মিলিয়ে দেখুন।
reg-iec-error-old_iec = এটা পুরনো ১০ অঙ্কের IEC মনে হচ্ছে। ২০১৭ থেকে IEC মানে আপনার PAN: দয়া করে PAN লিখুন।
reg-iec-note-from_pan = রেখে দিলাম। মনে রাখবেন: PAN-টা IEC হিসেবে কাজ করে শুধু DGFT-র ওয়েবসাইটে নথিভুক্ত করানোর পরে (dgft.gov.in, ফর্ম ANF-2A, ফি ৫০০ টাকা)। রফতানি যাচাইয়ের সময় জিজ্ঞেস করব, সেটা করেছেন কি না।
reg-ask-udyam = আপনার কি উদ্যম (MSME) রেজিস্ট্রেশন নম্বর আছে? লিখে দিন, বা "বাদ দিন" টিপুন।
reg-help-udyam = দেখতে এরকম: UDYAM-WB-10-0012345। উদ্যম সার্টিফিকেটে পাবেন। না দিলেও চলবে।
reg-udyam-error-format = উদ্যম নম্বর এরকম হয়: UDYAM-WB-10-0012345 (UDYAM, রাজ্য, ২ অঙ্ক, ৭ অঙ্ক)।
reg-udyam-error-state = UDYAM-এর পরের দুটো অক্ষর ভারতের কোনো রাজ্যের কোড হতে হবে, যেমন WB।
reg-udyam-note-other_state = মনে রাখবেন: এই উদ্যম নম্বর পশ্চিমবঙ্গের বাইরের। তবু রেখে দিলাম।
reg-summary = আপনার তথ্য মিলিয়ে নিন:
reg-done =
    🎉 ধন্যবাদ, { $name }! আপনার নিবন্ধন হয়ে গেছে।
    আমি আর কী করতে পারি দেখতে যেকোনো সময় /menu পাঠান।
reg-cancelled = নিবন্ধন থামানো হল। আপনি যা বলেছেন সব রাখা আছে: আবার শুরু করতে /start পাঠান।
reg-resumed = আবার স্বাগত! আপনার নিবন্ধন যেখানে থেমেছিল, সেখান থেকে শুরু করি।

## প্রোফাইল
profile-card = <b>আপনার প্রোফাইল</b>
profile-saved = ✓ রাখা হল। প্রোফাইল দেখতে /profile পাঠান।
profile-edit-cancelled = কিছু বদলানো হয়নি। প্রোফাইল দেখতে /profile পাঠান।
welcome-back = 🙏 আবার স্বাগত, { $name }!

## মেনু আর সাহায্য
menu-title = কী করতে চান?
menu-register = 📝 নিবন্ধন করুন
menu-continue = ▶️ নিবন্ধন চালিয়ে যান
menu-profile = 👤 আমার প্রোফাইল
menu-language = 🌐 ভাষা
menu-stats = 📊 অগ্রগতি
menu-pending = ⏳ কে আটকে
menu-sellers = 👥 বিক্রেতারা
menu-help = ❓ সাহায্য
menu-mydata = 📄 আমার তথ্য
menu-delete = 🗑 আমার তথ্য মুছুন
help-title-seller = <b>আমি যা করতে পারি</b>
help-title-staff = <b>সমন্বয়কারীদের জন্য</b>
help-title-admin = <b>প্রশাসকদের জন্য</b>
help-while-answering = উত্তর দেওয়ার সময়: /back আগের প্রশ্ন, /skip বাদ দিন, /cancel এখনকার মতো থামুন।
help-cmd-start = /start — নিবন্ধন করুন বা চালিয়ে যান
help-cmd-menu = /menu — প্রধান মেনু
help-cmd-addproduct = /addproduct — পণ্য যোগ করুন (ছবি আর বিবরণ)
help-cmd-products = /products — আপনার পণ্য আর ক্যাটালগ
help-cmd-check = /check — রফতানি করা যাবে কি, আর কী কী লাগবে?
help-cmd-trainings = /trainings — আপনার জেলার প্রশিক্ষণ; যাবেন কিনা জানান
help-cmd-orders = /orders — আপনার অর্ডার আর পাঠানোর তারিখের রিমাইন্ডার
help-cmd-profile = /profile — আপনার তথ্য দেখুন ও বদলান
help-cmd-language = /language — ভাষা বদলান
help-cmd-mydata = /mydata — আপনার সম্পর্কে যা রাখা আছে
help-cmd-delete = /delete — আপনার তথ্য মুছে ফেলুন
help-cmd-stop = /stop — ঘোষণা বন্ধ করুন
help-cmd-importorders = /importorders [জেলা] — অ্যামাজনের অর্ডার রিপোর্ট (ট্যাব-আলাদা ফাইল) দিন, বিক্রেতাদের মনে করানো হবে।
help-cmd-broadcast = /broadcast — বিক্রেতাদের একটা অংশকে ঘোষণা
help-cmd-broadcasts = /broadcasts — কেমন পৌঁছল।
help-cmd-newtraining = /newtraining — প্রশিক্ষণ ঠিক করে বিক্রেতাদের আমন্ত্রণ; /trainings — কতজন আসছেন আর হাজিরা।
help-cmd-checks = /checks [জেলা] — প্রত্যেক বিক্রেতার শেষ রফতানি যাচাই আর কী বাকি।
help-cmd-export = /export [জেলা] — অ্যামাজন আর ইবের ফাইল আর ছবির জিপ হিসেবে ক্যাটালগ।
help-cmd-export-sellers = /export sellers [জেলা] — বিক্রেতা আর তাঁদের ধাপের স্প্রেডশিট।
help-cmd-stats = /stats [জেলা] — ধাপে ধাপে হিসেব, ছবিসহ
help-cmd-pending = /pending [জেলা] — কে কোথায় আটকে, মনে করানোর বোতামসহ।
help-cmd-sellers = /sellers [জেলা] [ধাপ] — বিক্রেতাদের তালিকা, এক পাতায় ১০ জন
help-cmd-seller = /seller &lt;আইডি, ফোন বা নাম&gt; — একজন বিক্রেতার কার্ড।
help-cmd-addcoordinator = /addcoordinator &lt;টেলিগ্রাম আইডি বা হোয়াটসঅ্যাপ নম্বর&gt; &lt;জেলা, জেলা…&gt; — কাউকে সমন্বয়কারী করুন।
help-cmd-removecoordinator = /removecoordinator &lt;টেলিগ্রাম আইডি বা হোয়াটসঅ্যাপ নম্বর&gt; [জেলা…] — জেলা সরিয়ে নিন
help-cmd-coordinators = /coordinators — কে কোন জেলা দেখেন।
help-cmd-audit = /audit [n] — বিক্রেতাদের ব্যক্তিগত তথ্য শেষ কে, কার, কখন দেখেছেন।
help-cmd-rules = /rules — রফতানির নিয়ম আর খরচের হারের কোনগুলো ৬ মাসের বেশি আগে যাচাই হয়েছে।
idle-not-understood = বুঝতে পারলাম না। নিচের বোতামগুলো ব্যবহার করুন।
register-first = আগে নিবন্ধন করুন: /start পাঠান।
unknown-command = এই কমান্ডটা আমি জানি না। আমি কী করতে পারি দেখতে /help পাঠান।
staff-only = দুঃখিত, এই কমান্ড শুধু জেলার সমন্বয়কারীদের জন্য।
admin-only = দুঃখিত, এই কমান্ড শুধু প্রশাসকদের জন্য।

## ভাষা
language-choose = কোন ভাষায় কথা বলবেন?
language-set = ✓ এখন থেকে { $language } ভাষায় কথা হবে।
lang-offer = মনে হচ্ছে আপনি { $language } ভাষায় লিখছেন। { $language } ভাষায় কথা বলব?

## ঘোষণা বন্ধ
stop-done = আর কোনো ঘোষণা পাঠাব না। আবার পেতে চাইলে /start পাঠান।
stop-resumed = আবার ঘোষণা পাবেন।

## আমার তথ্য ও মুছে ফেলা
mydata-summary =
    <b>আপনার সম্পর্কে যা রাখা আছে</b>
    নাম: { $name }
    জেলা: { $district }
    মোবাইল: { $phone }
    শিল্প: { $craft }
    পুরো তথ্য নিচের ফাইলে আছে।
mydata-summary-unregistered = আপনার নিবন্ধন হয়নি। নিচের ফাইলে সামান্য যা রাখা আছে (আপনার ভাষা আর অসম্পূর্ণ উত্তর) তা আছে।
mydata-file = 📄 আপনার তথ্য
delete-confirm = আপনি কি সত্যিই আপনার প্রোফাইল আর যা বলেছেন সব মুছে ফেলতে চান? এটা আর ফেরানো যাবে না।
delete-kept = কিছুই মোছা হয়নি।
delete-done = ✓ আপনার সব তথ্য মুছে ফেলা হয়েছে। আবার আসতে চাইলে /start পাঠান।

## সমন্বয়কারী
addcoordinator-usage = ব্যবহার: /addcoordinator &lt;টেলিগ্রাম আইডি বা হোয়াটসঅ্যাপ নম্বর&gt; &lt;জেলা, জেলা…&gt; — যেমন /addcoordinator 123456789 বাঁকুড়া, পুরুলিয়া, বা হোয়াটসঅ্যাপ নম্বর দিয়ে /addcoordinator +919830012345 বাঁকুড়া
addcoordinator-unknown-district = এর মধ্যে একটা জেলা পশ্চিমবঙ্গের নয়। জেলাগুলো কমা দিয়ে আলাদা করুন।
addcoordinator-done = ✓ { $user } এখন এই জেলাগুলোর সমন্বয়কারী: { $districts }।

## ভুল
error-not-text =
    { $kind ->
        [photo] এটা একটা ছবি।
        [sticker] এটা একটা স্টিকার।
        [voice] এটা একটা ভয়েস মেসেজ।
        [video] এটা একটা ভিডিও।
        [document] এটা একটা ফাইল।
        [location] এটা একটা লোকেশন।
        [contact] এটা একটা কন্টাক্ট।
       *[other] এখানে এই ধরনের মেসেজ পড়তে পারি না।
    } দয়া করে লিখে উত্তর দিন।
error-use-text = দয়া করে উত্তরটা লিখে পাঠান।
error-command-as-answer = কমান্ড নয়, দয়া করে উত্তরটা লিখুন।
error-name-long = এটা অনেক লম্বা: বড়জোর { $max }টা অক্ষর লিখুন।
error-text-long = এটা অনেক লম্বা: বড়জোর { $max }টা অক্ষর লিখুন।
error-name-letters = দয়া করে অক্ষর দিয়ে লিখুন।
error-name-short = এটা খুব ছোট। পুরো নাম লিখুন।
error-stale-button = এই বোতামটা পুরনো মেসেজের, এখন আর কাজ করে না।
error-internal = দুঃখিত, আমার দিকে একটা সমস্যা হয়েছে। একটু পরে আবার চেষ্টা করুন।

## টেলিগ্রামের কমান্ড মেনু (ছোট বিবরণ)
cmd-start = নিবন্ধন করুন বা চালিয়ে যান
cmd-menu = প্রধান মেনু
cmd-profile = আমার প্রোফাইল
cmd-language = ভাষা বদলান
cmd-help = সাহায্য
cmd-back = আগের প্রশ্ন
cmd-cancel = এখনকার মতো থামুন
cmd-mydata = আমার তথ্য
cmd-delete = আমার তথ্য মুছুন
cmd-stop = ঘোষণা বন্ধ করুন

## কনসোল (টার্মিনালে দেখায়)
console-banner =
    রফতানি সাথী — কনসোল চ্যাট। TELEGRAM_BOT_TOKEN দেওয়া নেই, তাই এখানে টার্মিনালেই কথা হবে।
    টেলিগ্রামে চালাতে: টেলিগ্রামে @BotFather খুলে /newbot পাঠান, পাওয়া টোকেন .env ফাইলে TELEGRAM_BOT_TOKEN=… হিসেবে লিখুন।
    বোতামগুলো নম্বর হিসেবে দেখাবে: টিপতে নম্বরটা লিখুন। /photo PATH ছবি পাঠায়, /contact NUMBER নম্বর পাঠায়। Ctrl-D দিলে শেষ।
console-no-token = TELEGRAM_BOT_TOKEN দেওয়া নেই, আর চ্যাট করার মতো টার্মিনালও নেই। টেলিগ্রামে @BotFather থেকে (/newbot) টোকেন নিয়ে পরিবেশে বা .env-এ TELEGRAM_BOT_TOKEN দিন, অথবা --console দিয়ে চালান।
cmd-skip = এই প্রশ্ন বাদ দিন
cmd-newtraining = প্রশিক্ষণ ঠিক করুন
cmd-broadcast = ঘোষণা পাঠান
cmd-broadcasts = আমার ঘোষণা
cmd-checks = বিক্রেতাদের রফতানি যাচাই
cmd-export = ক্যাটালগের ফাইল
cmd-stats = জেলা অনুযায়ী অগ্রগতি
cmd-pending = কে কোথায় আটকে
cmd-sellers = ধাপ অনুযায়ী বিক্রেতা
cmd-seller = একজন বিক্রেতার কার্ড
cmd-addcoordinator = সমন্বয়কারী নিয়োগ
cmd-removecoordinator = সমন্বয়কারী সরান
cmd-coordinators = সমন্বয়কারী আর জেলা
cmd-audit = কে কার তথ্য দেখেছেন

## Fitting a message to a channel
contact-type-instead = (নম্বরটা লিখে পাঠান, যেমন ৯৮৩০০ ১২৩৪৫।)
file-not-here = { $name } ফাইলটা এখানে পাঠানো যাচ্ছে না: আপনার সমন্বয়কারীর কাছে চেয়ে নিন।
# The button that opens a list menu (WhatsApp: at most 20 characters).
btn-list-open = বেছে নিন
btn-more-choices = আরও ▶ ({ $page }/{ $pages })
choices-continued = … অথবা এর একটা:

# One profile on two channels (a seller registered on Telegram writes on WhatsApp).
link-offer = 🔗 এই নম্বরে আগেই নাম লেখানো আছে: <b>{ $name }</b> ({ $district })। এটা কি আপনি? তাহলে একই প্রোফাইল এখানেও চলবে, আবার নাম লেখাতে হবে না।
btn-link-yes = ✅ হ্যাঁ, আমিই
btn-link-no = ✏️ না, নতুন করে
link-done = ✅ হয়ে গেছে, { $name }। আপনার প্রোফাইল, পণ্য আর খবর এখন এখানেও পাবেন।
btn-link-menu = 📋 মেনু
