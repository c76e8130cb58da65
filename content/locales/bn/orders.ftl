## অর্ডার: পাঠানোর শেষ দিনের রিমাইন্ডার, অ্যামাজনের রিপোর্ট আমদানি, নিয়মের ক্যালেন্ডার

menu-orders = 📦 আমার অর্ডার
cmd-orders = আমার অর্ডার আর পাঠানোর দিন
cmd-importorders = অ্যামাজনের অর্ডার রিপোর্ট আনুন

## দিন (বার্তার $weekday দিয়ে)
ord-weekday = { $weekday ->
    [mon] সোমবার
    [tue] মঙ্গলবার
    [wed] বুধবার
    [thu] বৃহস্পতিবার
    [fri] শুক্রবার
    [sat] শনিবার
   *[sun] রবিবার
}
ord-date = { ord-weekday } { $day }/{ $month }
ord-day-today = আজ, { $day }/{ $month }
ord-day-tomorrow = কাল, { $day }/{ $month }
ord-day-other = { ord-weekday } { $day }/{ $month }

## বিক্রেতার অর্ডার
ord-list-title = <b>📦 যে অর্ডার পাঠাতে হবে ({ $count })</b>
    পাঠিয়ে দিলে নিচে তার বোতামটা টিপুন।
ord-line = { $n }. { $product } × { $quantity } — পাঠাতে হবে { ord-weekday } { $day }/{ $month }-এর মধ্যে
ord-line-late = { $n }. ⚠️ { $product } × { $quantity } — শেষ দিন ছিল { ord-weekday } { $day }/{ $month }। <b>দেরি হয়ে গেছে!</b>
ord-line-no-date = { $n }. { $product } × { $quantity } — পাঠানোর দিন জানা নেই
ord-list-more = …আরও { $count }টা।
ord-none = এখন পাঠানোর মতো কোনো অর্ডার নেই। অর্ডার এলে এখানে যোগ করুন, পাঠানোর শেষ দিনের আগে মনে করিয়ে দেব।
btn-ord-shipped-n = 📦 { $n }. { $product } — পাঠিয়েছি
btn-ord-shipped = 📦 পাঠিয়েছি
btn-ord-new = ➕ নতুন অর্ডার
btn-ord-list = 📋 আমার অর্ডার
ord-gone = অর্ডারটা খুঁজে পেলাম না। এটা হয়তো অন্য কারো, বা আর নেই।
ord-shipped = ✅ পাঠানো হয়েছে বলে লিখে রাখলাম: { $product } × { $quantity }। এটার জন্য আর মনে করাব না।
ord-already-shipped = এই অর্ডারটা আগেই পাঠানো হয়েছে বলে লেখা আছে: { $product } × { $quantity }।

## নতুন অর্ডার
ord-no-products = আগে পণ্যটা আপনার তালিকায় যোগ করুন, তারপর তার অর্ডার যোগ করতে পারবেন।
ord-ask-product = কোন পণ্যের অর্ডার এসেছে?
ord-help-product = ক্রেতা যে পণ্যটা চেয়েছেন সেটা টিপুন। আপনার তালিকার শুধু তৈরি পণ্যগুলো দেখানো হচ্ছে।
ord-product-use-buttons = নিচে আপনার একটা পণ্য টিপুন।
ord-field-product = পণ্য
ord-ask-quantity = কয়টা পাঠাতে হবে? একটা সংখ্যা টিপুন বা লিখুন।
ord-help-quantity = কয়টা জিনিস পাঠাতে হবে, যেমন ২।
ord-quantity-invalid = কয়টা, সংখ্যায় লিখুন, যেমন ২।
ord-quantity-too-many = এটা অনেক বেশি: বড়জোর { $max }টা।
ord-field-quantity = কয়টা
ord-ask-ship-by = কোন দিনের মধ্যে পাঠাতে হবে? একটা দিন টিপুন বা তারিখ লিখুন, যেমন ২৮/১১।
ord-help-ship-by = পাঠানোর শেষ তারিখ অর্ডারে লেখা থাকে। ২৮/১১ এভাবে লিখুন, বা একটা দিন টিপুন।
ord-date-past = সেই দিন পার হয়ে গেছে। আজ বা তার পরের একটা দিন দিন।
ord-date-too-far = এই তারিখটা হয় পার হয়ে গেছে, নয়তো { $max } দিনেরও পরে। একবার দেখে নিন।
ord-date-unclear = তারিখটা বুঝতে পারলাম না। ২৮/১১ এভাবে লিখুন, বা একটা দিন টিপুন।
ord-date-check = আমি বুঝলাম { ord-weekday } { $day }/{ $month }। নিচে মিলিয়ে নিন।
ord-field-ship-by = পাঠানোর শেষ দিন
ord-review = <b>অর্ডারটা মিলিয়ে নিন:</b>
ord-cancelled = থামানো হল। কিছু সেভ করা হয়নি।
ord-product-gone = পণ্যটা আর আপনার তালিকায় নেই, তাই অর্ডারটা সেভ হয়নি।
ord-saved = ✅ অর্ডার সেভ হল: { $product } × { $quantity }, পাঠাতে হবে { ord-weekday } { $day }/{ $month }-এর মধ্যে।
    আগের দিন আর সেদিন সকালে মনে করিয়ে দেব।
ord-saved-morning = ✅ অর্ডার সেভ হল: { $product } × { $quantity }, পাঠাতে হবে { ord-weekday } { $day }/{ $month }-এর মধ্যে।
    সেদিন সকালে মনে করিয়ে দেব।
ord-saved-no-reminder = ✅ অর্ডার সেভ হল: { $product } × { $quantity }, পাঠাতে হবে { ord-weekday } { $day }/{ $month }-এর মধ্যে।
    সময় খুব কম: আজই পাঠিয়ে দিন।

## রিমাইন্ডার
ord-remind-d1 = ⏰ কাল, { ord-weekday } { $day }/{ $month }, { $product } × { $quantity } পাঠানোর শেষ দিন। আজই প্যাক করে রাখুন।
ord-remind-d0 = ⏰ আজ { $product } × { $quantity } পাঠানোর শেষ দিন। পাঠিয়ে দিলে "পাঠিয়েছি" টিপুন।
ord-late-notice = ⚠️ দেরি হওয়া অর্ডার ({ $seller }): { $sku } × { $quantity } পাঠানোর শেষ দিন ছিল { ord-weekday } { $day }/{ $month }, এখনো পাঠানো হয়েছে বলে জানাননি।

## অ্যামাজনের অর্ডার রিপোর্ট (সমন্বয়কারী)
ord-import-ask = অ্যামাজনের অর্ডার রিপোর্টটা ফাইল হিসেবে পাঠান।
    Seller Central-এ: Orders → Order Reports → Unshipped Orders → Download। ফাইলের নাম .txt দিয়ে শেষ হয় (বড়জোর ১০ MB)।
ord-import-help = রিপোর্টের ফাইলটা যেমন ডাউনলোড হয়েছে তেমনই পাঠান (.txt ফাইল, ট্যাব দিয়ে আলাদা করা)। থামাতে /cancel পাঠান।
ord-import-send-file = রিপোর্টটা ফাইল (ডকুমেন্ট) হিসেবে পাঠান, লেখা বা ছবি হিসেবে নয়।
ord-import-unreadable = ফাইলটা নিতে পারলাম না। আবার পাঠান।
ord-import-too-big = ফাইলটা খুব বড়: বড়জোর { $max } MB। কম দিনের রিপোর্ট ডাউনলোড করুন।
ord-import-not-report = এটা অ্যামাজনের অর্ডার রিপোর্ট বলে মনে হচ্ছে না। Order Reports থেকে .txt ফাইলটা পাঠান।
ord-import-missing = রিপোর্টে এই কলামগুলো নেই: { $columns }। পুরো অর্ডার রিপোর্টটা ডাউনলোড করুন।
ord-import-done = <b>অর্ডার রিপোর্ট আনা হল</b>
    নতুন অর্ডার: { $added } ({ $sellers } জন বিক্রেতার; তাঁদের রিমাইন্ডার ঠিক করা হল)
    আগেই ছিল: { $known }
ord-import-no-date = পাঠানোর দিন নেই (রিমাইন্ডার যাবে না): { $count }
ord-import-closed = বাতিল বা আগেই পাঠানো, তাই বাদ: { $count }
ord-import-stopped = আগে আনা অর্ডার এখন বাতিল বা পাঠানো, রিমাইন্ডার বন্ধ: { $count }
ord-import-unknown = আপনার জেলার তালিকায় নেই এমন SKU ({ $count }টা, { $rows } সারি): { $skus }
ord-import-more = …আরও { $count }টা।
ord-import-errors = বাদ দেওয়া সারি ({ $count }):
ord-import-error-line = • সারি { $row }: { $reason }
ord-import-err-no-order-id = অর্ডার নম্বর নেই
ord-import-err-no-sku = SKU নেই
ord-import-err-quantity = সংখ্যাটা পড়া যাচ্ছে না
ord-import-err-date = তারিখ পড়া যাচ্ছে না
ord-import-err-shipped = আগেই পাঠানো হয়ে গেছে, আর কিছু পাঠানোর নেই
ord-import-err-other = পড়া যাচ্ছে না

## নিয়মের ক্যালেন্ডার (প্রতি বছরের রিমাইন্ডার)
cal-iec-open = 📅 { $year } সালের জন্য IEC আপডেট করার সময় এসেছে। { $from_day }/{ $from_month } থেকে { $day }/{ $month }-এর মধ্যে dgft.gov.in-এ লগ ইন করে IEC-এর তথ্য মিলিয়ে নিন, কিছু না বদলালেও। না করলে IEC বন্ধ হয়ে যায়।
cal-iec-close = ⏰ IEC আপডেট করার আর সময় আছে শুধু { $day }/{ $month }/{ $year } পর্যন্ত, dgft.gov.in-এ। করে থাকলে আর চিন্তা নেই।
cal-lut-open = 📅 আপনার GST LUT-এর মেয়াদ শেষ { $day }/{ $month }/{ $year }। তার আগে GST পোর্টালে নতুন LUT (ফর্ম RFD-11) জমা দিন, তাহলে IGST না দিয়েই রফতানি চালিয়ে যেতে পারবেন।
cal-lut-close = ⏰ নতুন GST LUT (RFD-11) GST পোর্টালে { $day }/{ $month }/{ $year }-এর মধ্যে জমা দিন। করে থাকলে আর চিন্তা নেই।
