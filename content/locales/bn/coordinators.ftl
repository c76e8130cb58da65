## সমন্বয়কারীর কনসোল: /stats, /sellers, /seller, /pending, বিক্রেতাদের শিট, অ্যাডমিনের তালিকা, সকালের সারাংশ

cs-scope-all = সব জেলা
cs-scope-many = { $count }টি জেলা
cs-not-your-district = এই জেলাটি আর আপনার দায়িত্বে নেই।
cs-not-your-seller = এই বিক্রেতা আপনার জেলাগুলোর মধ্যে নেই।
cs-btn-prev = ◀ আগের পাতা
cs-btn-next = পরের পাতা ▶
cs-btn-more = আরও ({ $count }) ▶

## /stats
cs-stats =
    📊 <b>কাজের অগ্রগতি — { $scope }</b> ({ $date })
    👤 নিবন্ধিত: <b>{ $registered }</b>
    📦 পণ্য যোগ করেছেন: { $products } ({ $products_pct }%)
    📷 প্রধান ছবি ভালো: { $photos } ({ $photos_pct }%)
    ✅ লিস্টিং তৈরি: { $ready } ({ $ready_pct }%)
    🔎 রফতানি যাচাই হয়েছে: { $checked } — তৈরি { $v_ready }, কিছু কাজ বাকি { $v_steps }, অনুমতি নেই { $v_blocked }
    📚 প্রশিক্ষণে আমন্ত্রিত: { $invited }; এসেছেন: { $attended }
    🛒 অর্ডার পেয়েছেন: { $orders }
cs-stats-by-district = <b>জেলা অনুযায়ী</b> (নিবন্ধিত · 📦 পণ্য · ✅ তৈরি · 🔎 যাচাই · 📚 প্রশিক্ষণ · 🛒 অর্ডার)
cs-stats-line = { $district }: { $registered } · 📦 { $products } · ✅ { $ready } · 🔎 { $checked } · 📚 { $attended } · 🛒 { $orders }
cs-stats-none = { $scope }: এখনো কোনো বিক্রেতা নিবন্ধন করেননি।

## ধাপ
cs-stage-any = সব ধাপ
cs-stage-registered_only = নিবন্ধিত, পণ্য নেই
cs-stage-no_good_photo = ভালো ছবি নেই
cs-stage-listing_not_ready = লিস্টিং নিশ্চিত হয়নি
cs-stage-not_checked = রফতানি যাচাই হয়নি
cs-stage-blocked = রফতানির অনুমতি নেই
cs-stage-steps = কিছু কাজের পরে রফতানি সম্ভব
cs-stage-ready = রফতানির জন্য তৈরি

## /sellers
cs-sellers-usage = ব্যবহার: /sellers [জেলা] [ধাপ]। ধাপ: registered_only, no_good_photo, listing_not_ready, not_checked, blocked, steps, ready। যেমন: /sellers বাঁকুড়া not_checked
cs-sellers-title = 👥 <b>বিক্রেতা — { $scope }, { $stage }</b>: { $count } জন (পাতা { $page } / { $pages })
cs-seller-line = { $n }. <b>{ $name }</b> — { $district } — { $stage } — 📞 { $phone }
cs-sellers-none = { $scope }: এই ধাপে ({ $stage }) কোনো বিক্রেতা নেই।

## /seller
cs-seller-usage = ব্যবহার: /seller লিখে তারপর টেলিগ্রাম আইডি, ফোন নম্বর বা নামের অংশ লিখুন। যেমন: /seller ৯৮৩০০ ১২৩৪৫ বা /seller রিনা
cs-seller-not-found = "{ $query }" নামে বা নম্বরে কোনো বিক্রেতা পেলাম না।
cs-seller-choose = "{ $query }"-এর সঙ্গে কয়েকজন বিক্রেতা মিলছে ({ $count } জন দেখানো হলো)। একজনকে বাছুন:
cs-seller-more = আরও আছেন: নামের আরও একটু লিখুন।
cs-card =
    👤 <b>{ $name }</b> · 🏷 { $business }
    📍 { $district } · 🧵 { $craft }
    📞 { $phone }
    🗓 নিবন্ধন { $registered } · আইডি { $id }
    ➡️ ধাপ: <b>{ $stage }</b>
cs-card-blocked = ⛔ { $date } তারিখে বটটি ব্লক করেছেন: বার্তা পৌঁছায় না।
cs-card-opted-out = 🔕 { $date } তারিখে বার্তা বন্ধ করেছেন (/stop)।
cs-card-products = 📦 <b>পণ্য ({ $count })</b>
cs-card-product = • { $name } — { $status } — 📷 { $photos }{ $photo_ok ->
        [yes] {""}
       *[no] {" "}⚠️ প্রধান ছবি ঠিক করতে হবে
    }
cs-product-ready = লিস্টিং তৈরি
cs-product-draft = খসড়া
cs-card-more = …আরও { $count }টি।
cs-card-no-products = 📦 এখনো কোনো পণ্য নেই।
cs-card-check = 🔎 রফতানি যাচাই { $date }: { $verdict } — বাকি { $missing }টা:
cs-card-check-none = 🔎 এখনো রফতানি যাচাই হয়নি।
cs-verdict-ready = ✅ রফতানির জন্য তৈরি
cs-verdict-steps = ⚠️ কিছু কাজের পরে সম্ভব
cs-verdict-blocked = ⛔ অনুমতি নেই
cs-card-training = 📚 { $title } ({ $date }): { $answer }
cs-card-trainings-none = 📚 এখনো কোনো প্রশিক্ষণে উত্তর দেননি বা আসেননি।
cs-trn-came = এসেছিলেন
cs-trn-yes = আসবেন বলেছেন
cs-trn-no = আসতে পারবেন না বলেছেন
cs-trn-none = আমন্ত্রিত
cs-card-orders = 🛒 অর্ডার: { $open }টি বাকি, { $overdue }টি দেরি হয়ে গেছে
cs-btn-nudge-card = 🔔 মনে করিয়ে দিন ({ $stage })

## /pending
cs-pending-title = ⏳ <b>কে কোথায় আটকে — { $scope }</b> (সবচেয়ে বেশি দিন ধরে যাঁরা, তাঁরা আগে; 🔔 টিপলে একটা ভদ্র অনুস্মারক যায়)
cs-pending-none = { $scope }: এই মুহূর্তে কেউ আটকে নেই।
cs-pending-group = <b>{ $stage }</b>: { $count } জন
cs-pending-line = • { $name } ({ $district }) — { $span ->
        [today] আজ থেকে
        [one] ১ দিন ধরে
       *[many] { $days } দিন ধরে
    }
cs-pending-reg = নিবন্ধন শেষ হয়নি
cs-pending-product = এখনো পণ্য নেই
cs-pending-photo = ছবি ঠিক করতে হবে
cs-pending-draft = লিস্টিং নিশ্চিত হয়নি
cs-pending-check = রফতানি যাচাই হয়নি
cs-pending-training = এখনো প্রশিক্ষণ হয়নি
cs-pending-no-training = (এই জেলায় এখনো কোনো প্রশিক্ষণ ঠিক হয়নি: আগে /newtraining দিয়ে একটা ঠিক করুন, তারপর মনে করান।)
cs-btn-nudge = 🔔 { $name }
cs-nudge-sent = 🔔 অনুস্মারক পাঠানো হচ্ছে: { $name } ({ $stage })।
cs-nudge-already = { $name } আজ এ বিষয়ে একবার অনুস্মারক পেয়েছেন ({ $stage })।
cs-nudge-moved-on = { $name } ওই ধাপ পেরিয়ে গেছেন: অনুস্মারক লাগবে না।
cs-nudge-unreachable = { $name } বার্তা বন্ধ করেছেন বা বটটি ব্লক করেছেন, তাই অনুস্মারক পাঠানো হলো না।

## বিক্রেতাদের অনুস্মারক (সমন্বয়কারীর 🔔 থেকে)
cs-nudge-reg = 🙏 নমস্কার! রফতানি সাথীতে আপনার নিবন্ধন এখনো শেষ হয়নি। মাত্র কয়েক মিনিট লাগবে: চালিয়ে যেতে নিচের বোতাম টিপুন।
cs-nudge-product = 🙏 নমস্কার { $name }! আপনার জেলার সমন্বয়কারী বলছেন: ছবি সহ আপনার প্রথম পণ্যটি যোগ করুন, যাতে বিদেশের ক্রেতারা আপনার কাজ দেখতে পান।
cs-nudge-photo = 📷 নমস্কার { $name }! আপনার পণ্যের প্রধান ছবিটা আরও পরিষ্কার হওয়া দরকার (ভালো আলো, সাদামাটা পেছনের দিক)। নতুন ছবি দিতে নিচের বোতাম টিপুন।
cs-nudge-draft = ✍️ নমস্কার { $name }! আপনার পণ্যের লিস্টিং প্রায় তৈরি: একবার দেখে নিশ্চিত করে দিন।
cs-nudge-check = ✅ নমস্কার { $name }! আপনার লিস্টিং তৈরি। এবার দেখে নিন এটা রফতানি করা যাবে কি না আর কী কী লাগবে: দু'মিনিট লাগবে।
cs-nudge-training = 📚 নমস্কার { $name }! বিনা পয়সার প্রশিক্ষণ অনলাইনে বিক্রি শুরু করতে সাহায্য করে। কাছাকাছি প্রশিক্ষণ দেখতে নিচের বোতাম টিপুন।
cs-nudge-btn-reg = ▶ নিবন্ধন চালিয়ে যান
cs-nudge-btn-product = ➕ পণ্য যোগ করুন
cs-nudge-btn-photo = 📷 আমার পণ্য
cs-nudge-btn-draft = ✍️ আমার পণ্য
cs-nudge-btn-check = ✅ রফতানি যাচাই
cs-nudge-btn-training = 📚 প্রশিক্ষণ

## /export sellers
cs-export-empty = সেখানে শিটে রাখার মতো এখনো কোনো বিক্রেতা নেই।
cs-export-started = বিক্রেতাদের শিট তৈরি হচ্ছে ({ $count } জন, { $scope })…
cs-export-file = 📄 বিক্রেতা: ধাপ, পণ্য, শেষ রফতানি যাচাই, নিবন্ধনের তারিখ (ফোন নম্বর শুধু আপনার জেলার)।

## অ্যাডমিন
cs-removecoordinator-usage = ব্যবহার: /removecoordinator &lt;টেলিগ্রাম আইডি বা হোয়াটসঅ্যাপ নম্বর&gt; [জেলা, জেলা…] — জেলা না লিখলে তাঁর সব জেলা সরানো হবে।
cs-removecoordinator-none = ব্যবহারকারী { $user } ওই জেলাগুলোর সমন্বয়কারী ছিলেন না।
cs-removecoordinator-done = ✓ ব্যবহারকারী { $user } আর এই জেলাগুলোর সমন্বয়কারী নন: { $districts }। বাকি জেলা: { $left }।
cs-coordinators-none = এখনো কোনো সমন্বয়কারী নেই। /addcoordinator দিয়ে নিয়োগ করুন।
cs-coordinators-title = 👥 <b>সমন্বয়কারী ({ $count })</b>
cs-coordinators-line = • { $user }: { $districts } ({ $date } থেকে)
cs-audit-none = এখনো কেউ বিক্রেতাদের ব্যক্তিগত তথ্য দেখেননি।
cs-audit-title = 🔐 <b>ব্যক্তিগত তথ্য দেখার শেষ { $count }টি ঘটনা</b> (ভারতীয় সময়)
cs-audit-line = { $when } · { $actor } → { $subject }: { $action } { $detail }
cs-audit-card = বিক্রেতার কার্ড
cs-audit-sellers = বিক্রেতার তালিকা
cs-audit-search = খোঁজের ফল
cs-audit-pending = কে আটকে
cs-audit-export = ক্যাটালগ রফতানি ফাইল
cs-audit-export_sellers = বিক্রেতাদের শিট
cs-audit-checks = রফতানি যাচাইয়ের তালিকা
cs-audit-all-districts = সব জেলা
cs-audit-d-districts = { $names }
cs-audit-d-count = { $n }জন বিক্রেতা
cs-audit-d-page = পাতা { $page }
cs-audit-d-join = { $a } · { $b }
cs-audit-other = অন্যান্য

## সকাল ৯টার সারাংশ, প্রত্যেক সমন্বয়কারীকে
cs-digest =
    ☀️ <b>সুপ্রভাত! আজ আপনার জেলাগুলো</b>
    🆕 গতকাল থেকে নতুন নিবন্ধন: { $new }
    ⏳ নতুন করে আটকে ({ $days } দিন একই ধাপে): { $stuck }
    📚 আগামী { $window } দিনে প্রশিক্ষণ: { $trainings }{ $has_next ->
        [yes] {" "}— পরেরটি: { $next_title }, { $next_when }
       *[no] {""}
    }
    🛒 দেরি হয়ে যাওয়া অর্ডার: { $overdue }{ $has_stale ->
        [yes] {"\u000A"}📋 { $stale }টা রফতানির নিয়ম বা খরচের হার ৬ মাসের বেশি যাচাই হয়নি: প্রশাসক /rules দিয়ে দেখতে পারেন।
       *[no] {""}
    }
cs-btn-digest-pending = ⏳ কে আটকে
cs-btn-digest-stats = 📊 অগ্রগতি

## The chart (always drawn in English: the default fonts cannot shape Bengali) and the sellers sheet
cs-chart-title-one = { $district }: প্রতিটি ধাপে বিক্রেতা, { $day }
cs-chart-title-all = জেলা অনুযায়ী প্রতিটি ধাপে বিক্রেতা, { $day }
cs-chart-registered = নিবন্ধিত
cs-chart-products = পণ্য আছে
cs-chart-photos = ভালো ছবি
cs-chart-ready = তালিকা তৈরি
cs-chart-checked = রফতানি যাচাই হয়েছে
cs-chart-invited = প্রশিক্ষণে আমন্ত্রিত
cs-chart-attended = প্রশিক্ষণে এসেছেন
cs-chart-orders = অর্ডার আছে
cs-chart-sellers = বিক্রেতা
cs-sheet-name = নাম
cs-sheet-district = জেলা
cs-sheet-craft = কারুশিল্প
cs-sheet-stage = ধাপ
cs-sheet-products = পণ্য
cs-sheet-ready = তৈরি তালিকা
cs-sheet-check = শেষ রফতানি যাচাই
cs-sheet-registered = নিবন্ধন
cs-sheet-phone = ফোন

## /rules: পুরনো হয়ে যাওয়া নিয়ম আর হার (প্রশাসকদের জন্য)
rules-fresh = ✅ { $total }টা নিয়ম আর হারের সবকটাই { $limit }-এর পরে যাচাই হয়েছে। সবচেয়ে পুরনোটা: { $oldest }।
rules-stale-title = 📋 { $total }টার মধ্যে { $count }টা নিয়ম বা হার শেষ যাচাই হয়েছে { $limit }-এর আগে:
rules-stale-line = • { $name } ({ $kind }) — { $date }
rules-kind-rule = নিয়ম
rules-kind-rate = হার
rules-stale-more = …আরও { $count }টা
rules-stale-how = সূত্রটা আবার দেখে content/data/eligibility.yaml-এ checked_on (হারের জন্য export_costs.yaml-এ checked) বদলান।
