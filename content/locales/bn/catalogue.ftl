## ক্যাটালগ: পণ্য যোগ করা, তালিকা আর এক্সপোর্ট

menu-addproduct = ➕ পণ্য যোগ করুন
menu-products = 📦 আমার পণ্য
menu-finish-draft = ▶️ শেষ করুন: { $name }
cmd-addproduct = পণ্য যোগ করুন
cmd-products = আমার পণ্য

prod-drafts-waiting = আপনার একটা পণ্য অসম্পূর্ণ আছে। সেটা শেষ করবেন, না নতুন শুরু করবেন?
btn-prod-resume = ▶️ চালিয়ে যান: { $name }
btn-prod-new = ➕ নতুন পণ্য
btn-add-product = ➕ পণ্য যোগ করুন
btn-add-another = ➕ আরেকটা পণ্য যোগ করুন
    .short = ➕ আরেকটা পণ্য
btn-my-products = 📦 আমার পণ্য
prod-none = এখনো কোনো পণ্য নেই।
prod-list = <b>আপনার পণ্য ({ $count })</b> — খুলতে একটায় টিপুন।
btn-prod-item = { $n }. { $name } · { $status }
prod-status-draft = 🟡 অসম্পূর্ণ
prod-status-ready = 🟢 তৈরি
btn-prev = ◀ আগের
btn-next = পরের ▶
btn-catalogue-xlsx = 📥 আমার ক্যাটালগ (এক্সেল ফাইল)
prod-catalogue-file = 📥 আপনার ক্যাটালগ: { $count }টা পণ্য, ছবি সহ।
prod-card =
    <b>{ $name }</b>
    SKU: { $sku } · { $status } · ছবি: { $photos }
prod-card-actions = এই পণ্যটা নিয়ে কী করবেন?
btn-prod-edit = ✏️ বিবরণ বদলান
btn-prod-photos = 📷 ছবি যোগ বা বাদ দিন
btn-prod-delete = 🗑 পণ্যটা মুছে দিন
prod-gone = এই পণ্যটা আর নেই (বা আপনার নয়)।

## ছবি
field-photos = ছবি
prod-ask-photos =
    📷 পণ্যের ছবি পাঠান: ১ থেকে { $max }টা।
    পরামর্শ: দিনের আলোয়, সাদা কাপড় বা কাগজের ওপর রেখে, পণ্যটা যেন পুরো ছবি জুড়ে থাকে। প্রথম ছবিটাই প্রধান ছবি। হয়ে গেলে "হয়ে গেছে" টিপুন।
prod-help-photos = ছবি হিসেবে পাঠান (পুরো মানের জন্য ফাইল হিসেবেও পাঠাতে পারেন)। JPEG, PNG, WebP, HEIC চলবে, প্রতিটা ২০ MB পর্যন্ত। প্রথম ছবিতে সাদা পটভূমিতে পুরো পণ্যটা যেন দেখা যায়।
btn-photos-done = ✅ হয়ে গেছে ({ $n }টা ছবি)
btn-photo-retake = 🔁 সমস্যার ছবিগুলো আবার তুলব
    .short = 🔁 আবার তুলব
prod-photo-send-again = ঠিক আছে, ছবিটা আবার পাঠান।
prod-photos-need-one = আগে অন্তত একটা ছবি পাঠান।
prod-photos-not-text = এখানে লেখা নয়, পণ্যের ছবি দরকার। একটা ছবি পাঠান।
prod-photos-not-media = এখানে পণ্যের ছবি দরকার। একটা ছবি পাঠান।
prod-album-received = 📷 { $n }টা ছবি পেলাম:
prod-photos-full = মোট { $n }টা ছবি হল, এর বেশি নিই না। এবার পণ্যটা নিয়ে কয়েকটা প্রশ্ন।
photo-good = 👍 ছবি { $n } ভালো হয়েছে।
photo-has-tips = ছবি { $n } রাখা হল, তবে:
photo-tip-small = • ছবিটা ছোট: অ্যামাজনে জুম করতে লম্বা দিকটা অন্তত ১০০০ পিক্সেল হওয়া দরকার। ফোনের ক্যামেরার সবচেয়ে ভালো সেটিং ব্যবহার করুন।
photo-tip-blurry = • ছবিটা ঝাপসা — ফোন স্থির রেখে (কিছুতে ঠেস দিয়ে) আবার তুলুন।
photo-tip-dark = • ছবিটা খুব অন্ধকার — দিনের আলোয়, জানালার কাছে বা বাইরে ছায়ায় তুলুন।
photo-tip-bright = • ছবিটা খুব উজ্জ্বল — সরাসরি রোদ বা আলোর নিচ থেকে সরে তুলুন।
photo-tip-background = • পেছনটা সাদা নয় — পণ্যটা সাদা কাপড় বা কাগজের ওপর রেখে তুলুন।
photo-error-too_big = ফাইলটা ২০ MB-র বেশি, এত বড় ফাইল নেওয়া যায় না। ফাইল নয়, ছবি হিসেবে পাঠান, বা ছোট ছবি দিন।
photo-error-download_failed = ছবিটা নামাতে পারলাম না। আবার পাঠান।
photo-error-unreadable = ছবিটা খুলতে পারছি না: ফাইলটা নষ্ট মনে হচ্ছে। আবার পাঠান।
photo-error-not_image_format = এটা কাজে লাগার মতো ছবি নয়। JPEG, PNG, WebP বা HEIC ছবি পাঠান।
photo-error-too_small = ছবিটা খুব ছোট (৫০০ পিক্সেলের কম): বাজারগুলো এমন ছবি নেয় না। বড় করে ছবি তুলুন।
photo-error-too_many = আপনার ৮টা ছবি হয়ে গেছে, এর বেশি নিই না। "হয়ে গেছে" টিপুন।
photo-error-duplicate = এই ছবিটা আগেই পাঠিয়েছেন।

## বিবরণ
field-what = পণ্য
field-item = জিনিস
field-material = উপাদান
field-size = মাপ
field-weight = ওজন
field-colour = রং
field-price = দাম
field-stock = মজুত
field-days = একটা বানাতে কত দিন
field-special = বিশেষত্ব
prod-ask-what = এটা কী পণ্য? নিচ থেকে বেছে নিন, বা নিজের ভাষায় লিখুন।
prod-help-what = শিল্প আর জিনিসটা কী, যেমন "ডোকরার হাতি", "কাঁথা স্টোল", "টেরাকোটার ঘোড়া"।
prod-ask-item = { $craft }: এটা কোন জিনিস? নিচ থেকে বেছে নিন, বা নিজের ভাষায় লিখুন।
prod-help-item = জিনিসটা কী, যেমন ঘোড়া, হাতি, শাড়ি, ব্যাগ, মাদুর। তালিকায় না থাকলে নিজেই লিখুন।
prod-ask-material = এটা কী দিয়ে তৈরি? (যেমন: মাটি, পিতল, সুতি, পাট, বাঁশ।)
prod-help-material = মূল উপাদান, যেকোনো ভাষায়: মাটি, পিতল, সুতি, silk, jute…
prod-ask-size = এটা কত বড়? লম্বা × চওড়া (× উঁচু) সেমি বা ইঞ্চিতে লিখুন, যেমন "১০ x ২০ সেমি"।
prod-help-size = যেমন: ৩০ সেমি · ১০ x ২০ সেমি · ১২ ইঞ্চি · 10 x 20 cm।
prod-size-error-not_size = মাপটা সংখ্যায় লিখুন, যেমন "১০ x ২০ সেমি"।
prod-size-error-unit = একক লিখুন: সেমি না ইঞ্চি, যেমন "১০ x ২০ সেমি"।
prod-size-error-zero = মাপ ০ হতে পারে না। আবার মেপে দেখুন।
prod-size-error-too_large = এটা { $metres } মিটারের বেশি: সংখ্যা আর একক মিলিয়ে দেখুন।
prod-ask-weight = ওজন কত? গ্রাম বা কেজি লিখুন, যেমন "৫০০ গ্রাম" বা "১.৫ কেজি"।
prod-help-weight = একটা জিনিসের ওজন, যেমন ৫০০ গ্রাম, দেড় কেজি, 1.5 kg।
prod-weight-error-not_weight = ওজনটা সংখ্যায় লিখুন, সঙ্গে গ্রাম বা কেজি, যেমন "৫০০ গ্রাম"।
prod-weight-error-unit = একক লিখুন: গ্রাম না কেজি, যেমন "৫০০ গ্রাম"।
prod-weight-error-zero = ওজন ০ হতে পারে না।
prod-weight-error-too_large = এটা ১০০ কেজির বেশি: অনলাইন রফতানির কুরিয়ার পার্সেল অনেক হালকা হয়। মিলিয়ে দেখুন।
prod-ask-colour = কী রং? নিচ থেকে বেছে নিন বা লিখুন।
prod-help-colour = প্রধান রং বা রংগুলো, যেমন "লাল-সাদা"।
colour-red = লাল
colour-blue = নীল
colour-green = সবুজ
colour-yellow = হলুদ
colour-black = কালো
colour-white = সাদা
colour-brown = বাদামি
colour-multi = নানা রং
prod-ask-price = একটার দাম কত টাকা? (যেমন "৫০০"।)
prod-help-price = একটা জিনিসের বিক্রির দাম টাকায়, যেমন ৫০০ বা ৫০০ টাকা।
prod-price-error-not_price = দামটা সংখ্যায় লিখুন, যেমন "৫০০"।
prod-price-error-zero = দাম ০ বা বিনামূল্যে হতে পারে না।
prod-price-error-negative = দাম ০-র কম হতে পারে না।
prod-price-error-too_large = একটা হাতের কাজের জন্য দামটা খুব বেশি। শূন্যগুলো গুনে দেখুন।
prod-price-error-decimal = দামটা পুরো টাকায় লিখুন, যেমন "৫০০"।
prod-ask-stock = এখন বিক্রির জন্য কয়টা তৈরি আছে?
prod-help-stock = একটা সংখ্যা, যেমন ১০। অর্ডার পেলে বানান হলে ০ লিখুন।
prod-ask-days = আরেকটা বানাতে কত দিন লাগে?
prod-help-days = কত দিন, যেমন ৭।
prod-count-error-not_number = একটা সংখ্যা লিখুন, যেমন ১০।
prod-count-error-negative = সংখ্যাটা ০-র কম হতে পারে না।
prod-count-error-too_large = সংখ্যাটা খুব বড়। মিলিয়ে দেখুন।
prod-count-error-too_small = অন্তত ১ লিখুন।
prod-ask-special = অল্প কথায়, এর বিশেষত্ব কী? নিজের ভাষায় লিখুন। (না হলে "বাদ দিন" টিপুন।)
prod-help-special = যেমন: হাতে তৈরি, প্রাকৃতিক রং, আমাদের গ্রামের ঐতিহ্যবাহী নকশা।
prod-summary = <b>আপনার পণ্যটা মিলিয়ে নিন:</b>
prod-listing =

    <b>ইংরেজি তালিকা (বিদেশের ক্রেতাদের জন্য)</b>
    <b>শিরোনাম:</b> { $title }
    { $bullets }
    <b>খোঁজার শব্দ:</b> { $keywords }
    <b>HS হেডিং:</b> { $hs }
prod-listing-gi = 🏷 জিআই-চিহ্নিত: { $gi } (নামটা শুধু নথিভুক্ত অনুমোদিত ব্যবহারকারী হিসেবে ব্যবহার করবেন)।
prod-saved = ✅ আপনার পণ্য রাখা হল, তালিকা তৈরি (SKU { $sku })।
prod-gi-register = ℹ️ আপনার শিল্প নথিভুক্ত জিআই “{ $gi }”, কিন্তু এই নাম শুধু নথিভুক্ত অনুমোদিত ব্যবহারকারীরা লিখতে পারেন, তাই তালিকায় নামটা রাখা হয়নি। নাম ব্যবহার করতে: জিআই রেজিস্ট্রিতে (ipindia.gov.in, ফর্ম GI-3A) অনুমোদিত ব্যবহারকারী হওয়ার আবেদন করুন, তারপর রফতানি যাচাইয়ে (/check) সেটা জানান।
prod-saved-not-exportable = ⛔ পণ্যটা আপনার তালিকায় রাখা হল (SKU { $sku }), কিন্তু এটা রফতানি করা যায় না: { $reason } কোনো মার্কেটপ্লেসের ফাইলে এটা যাবে না।
prod-cancelled = থামানো হল। পণ্যটা অসম্পূর্ণ হিসেবে রাখা আছে: শেষ করতে /addproduct পাঠান।
prod-cancelled-empty = থামানো হল, কোনো পণ্য যোগ হয়নি। পরে যোগ করতে /addproduct পাঠান।
prod-resumed = চলুন, আপনার পণ্যটা শেষ করি।
prod-delete-confirm = { $sku } পণ্যটা ছবি সহ মুছে দেবেন? এটা আর ফেরানো যাবে না।
btn-prod-delete-yes = 🗑 হ্যাঁ, মুছে দিন
prod-delete-kept = পণ্যটা মোছা হয়নি।
prod-deleted = ✓ { $sku } পণ্যটা মুছে দেওয়া হল।

## ক্যাটালগ স্প্রেডশিটের কলাম
xlsx-photo = ছবি
xlsx-sku = SKU
xlsx-status = অবস্থা
xlsx-craft = শিল্প
xlsx-product = পণ্য
xlsx-price = দাম (₹)
xlsx-stock = মজুত
xlsx-title = ইংরেজি শিরোনাম
xlsx-bullets = মূল কথা
xlsx-hs = HS হেডিং
xlsx-gi = জিআই-চিহ্নিত

## সমন্বয়কারীর এক্সপোর্ট
staff-unknown-district = এটা পশ্চিমবঙ্গের কোনো জেলা নয়।
staff-not-your-district = { $district } আপনার জেলাগুলোর মধ্যে নেই।
export-empty = ওখানে এক্সপোর্ট করার মতো তৈরি পণ্য এখনো নেই।
export-left-out = ⛔ বাদ গেল: { $count }টা
export-no-good-photo = মার্কেটপ্লেসে দেওয়ার মতো পরিষ্কার ছবি নেই (সবগুলো ঝাপসা, অন্ধকার বা ছোট); বিক্রেতা ভালো ছবি যোগ করতে পারেন।
export-left-out-line = • { $sku }: { $reason }
export-all = সব জেলা
export-started = { $count }টা তৈরি পণ্যের ক্যাটালগ ফাইল বানাচ্ছি ({ $districts })…
export-rate = দাম মার্কিন ডলারে: ₹{ $rate } = $১ ({ $date } তারিখের হার)।
export-rate-old = ⚠️ এই হার { $days } দিন পুরোনো: আপলোডের আগে অ্যাডমিনকে INR_PER_USD বদলাতে বলুন।
export-amazon = 📄 অ্যামাজনের ইনভেন্টরি শিট (আপনার ক্যাটাগরির টেমপ্লেটে বসান)। ছবির কলামে জিপের ছবির নাম আছে।
export-ebay = 📄 ইবে ফাইল এক্সচেঞ্জ CSV (আপলোডের আগে ক্যাটাগরি আইডি বসান)।
export-photos = 🖼 ছবিগুলো, ছবির কলামের নামে (অংশ { $part } / { $parts })।
xlsx-word-draft = অসম্পূর্ণ
xlsx-word-ready = তৈরি
xlsx-word-yes = হ্যাঁ
xlsx-word-no = না

# Units as a reader of this language writes them (sizes and weights shown back).
unit-cm = সেমি
unit-mm = মিমি
unit-m = মিটার
unit-in = ইঞ্চি
unit-ft = ফুট
unit-yd = গজ
unit-haat = হাত
unit-g = গ্রাম
unit-kg = কেজি

# The items a craft usually makes, offered once the craft is picked.
item-horse = ঘোড়া
item-elephant = হাতি
item-owl = পেঁচা
item-figurine = মূর্তি / শোপিস
item-idol = প্রতিমা / ঠাকুর
item-doll = পুতুল
item-mask = মুখোশ
item-diya = প্রদীপ
item-lamp = ল্যাম্প / বাতি
item-vase = ফুলদানি
item-bell = ঘণ্টা
item-plate = থালা
item-box = বাক্স
item-tray = ট্রে
item-wall_hanging = দেওয়ালে টাঙানোর
item-painting = ছবি / পট
item-topor = টোপর
item-saree = শাড়ি
item-stole = স্টোল
item-dupatta = ওড়না
item-quilt = কাঁথা (বিছানার)
item-cushion_cover = কুশন কভার
item-table_runner = টেবিল রানার
item-bag = ব্যাগ
item-handbag = হ্যান্ডব্যাগ
item-wallet = মানিব্যাগ
item-mat = মাদুর / ম্যাট
item-basket = ঝুড়ি
item-jewelry = গয়না
item-necklace = হার
item-earrings = কানের দুল
item-bangles = চুড়ি
item-ring = আংটি

# A message changed after it was sent.
edit-not-read = ✏️ বদলানো মেসেজ আমি পড়তে পারি না। উত্তরটা আবার নতুন মেসেজে পাঠান।
