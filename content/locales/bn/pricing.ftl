# /price: বিদেশে পাঠাতে কত খরচ, কত দামে তালিকা দেবেন, কী ফেরত পাবেন।
menu-price = 💰 খরচ কত পড়বে?
cmd-price = রফতানির খরচ আর দাম
help-cmd-price = /price — পাঠানোর খরচ, মার্কেটপ্লেসের ফি, আর কোন দামে তালিকা দিলে আপনার ₹ দাম পাবেন।
btn-price = 💰 বিদেশে খরচ ও দাম
btn-price-details = 🔎 দামটা কীভাবে হল
btn-price-fill-in = ✏️ দাম আর ওজন দিন
price-ask-product = কোন পণ্যের?
price-help-product = নিচের বোতাম থেকে আপনার একটা পণ্য বেছে নিন।
price-ask-destination = কোন দেশে পাঠাবেন?
price-help-destination = ক্রেতা যে দেশে থাকেন সেটা বেছে নিন।
price-cancelled = থামালাম। আবার দরকার হলে /price লিখুন।
price-no-products = আগে একটা পণ্য যোগ করুন (/addproduct), তারপর /price লিখুন।
price-needs-facts = খরচ হিসেব করতে এই পণ্যের দাম আর ওজন লাগবে।
price-title = 💰 { $product } → { $country } ({ $date } তারিখের হার)
price-parcel = 📦 প্যাক করলে ওজন প্রায় { $weight } কেজি; ভাড়া ধরা হবে { $charged } কেজি হিসেবে।
price-ship-line = 🚚 { $name } ({ $kind }): { $cost }, { $days } দিন
price-kind-post = ডাকঘর
price-kind-express = এক্সপ্রেস কুরিয়ার
price-kind-aggregator = অ্যাগ্রিগেটরের মাধ্যমে কুরিয়ার
price-no-carrier = এত বড় বা ভারী পার্সেল আমাদের তালিকার কেউ ওই দেশে নেয় না: ডাকঘর বা কুরিয়ারে জিজ্ঞেস করুন।
price-list-at = 🏷 { $marketplace } সাইটে দাম রাখুন { $listing }: সবচেয়ে সস্তা পাঠানোর খরচ আর ফি বাদ দিয়ে আপনি পাবেন { $price }।
price-border-us = 🛃 আমেরিকা: ২৯ আগস্ট ২০২৫ থেকে বিনা শুল্কের সীমা নেই। আমেরিকার শুল্ক দেন ক্রেতা (ডাকে পাঠালে বুকিংয়ের সময় আপনি): আজকের হার ডাকঘর বা কুরিয়ারে জেনে নিন।
price-border-eu = 🛃 ইউরোপ: ভ্যাট (এই দামে প্রায় { $vat }) মার্কেটপ্লেস IOSS দিয়ে নেয়; ১ জুলাই ২০২৬ থেকে €১৫০-এর কম পার্সেলে প্রতি জিনিসে €৩ শুল্ক।
price-border-uk = 🛃 ইংল্যান্ড: £১৩৫ পর্যন্ত পার্সেলে ২০% ভ্যাট (প্রায় { $vat }) মার্কেটপ্লেস নেয়; ক্রেতাকে দরজায় আর কিছু দিতে হয় না।
price-border-au = 🛃 অস্ট্রেলিয়া: A$১,০০০ পর্যন্ত জিনিসে ১০% জিএসটি (প্রায় { $vat }) মার্কেটপ্লেস নেয়।
price-border-ca = 🛃 কানাডা: ডাকে বা কুরিয়ারে C$২০-এর বেশি হলে ক্রেতা দরজায় শুল্ক আর জিএসটি/এইচএসটি দেন।
price-border-ae = 🛃 আরব আমিরশাহি: ৫% ভ্যাট; AED ১,০০০-এর বেশি হলে তবেই শুল্ক।
price-back = 🎁 আপনি ফেরত পাবেন: RoDTEP প্রায় { $rodtep }, ডিউটি ড্রব্যাক প্রায় { $drawback }। LUT থাকলে রফতানিতে জিএসটি দিতে হয় না।
price-card-used = (এই মুহূর্তে কুরিয়ারের সরাসরি দাম পাওয়া গেল না: দামগুলো আমাদের তারিখ দেওয়া তালিকা থেকে।)
price-details-title = 🔎 { $product }: দামটা কীভাবে হল
price-d-listing = তালিকার দাম: { $amount }
price-d-vat = − মার্কেটপ্লেস যে কর নেয়: { $amount }
price-d-referral = − মার্কেটপ্লেসের ফি ({ $pct }%): { $amount }
price-d-conversion = − টাকায় বদলানোর খরচ: { $amount }
price-d-received = = আপনার হাতে আসে: { $amount } ≈ { $inr } (প্রতি একক ₹{ $rate })
price-d-shipping = − পাঠানোর খরচ ({ $name }): { $cost }
price-d-net = = আপনার দাম: { $price }
