## রফতানি যাচাইয়ের উত্তর: প্রথম বার্তা এক স্ক্রিনে, বাকিটা "বিস্তারিত" আর "সূত্র" বোতামে।
elig-why-not = কেন:
elig-unknown-line = ❓ { $text }
elig-more-steps = …আরও { $count }টা: "বিস্তারিত"-এ দেখুন।
elig-see-details = 📖 খরচ আর কোথায় যাবেন: "বিস্তারিত" টিপুন।
elig-see-details-notes = 📖 খরচ, কোথায় যাবেন, আর { $count }টা দরকারি কথা: "বিস্তারিত" টিপুন।
elig-see-details-blocked = 📖 কেন, আর কার কাছে জানবেন: "বিস্তারিত" টিপুন।
elig-details-title = 📖 <b>{ $item }</b> — বিস্তারিত
elig-details-steps =
    { "" }
    <b>এরপর যা করবেন:</b>
elig-details-find-out =
    { "" }
    <b>জেনে নিন:</b>
elig-details-notes =
    { "" }
    <b>জেনে রাখুন:</b>
elig-sources-title = 📚 <b>{ $item }</b> — কোন কথা কোথা থেকে
elig-source-doc = 📄 { $source }
elig-source-none = 📄 সরকারি নথি এখনো পাইনি
elig-source-line = { $doc } · { $sure } · দেখা হয়েছে { $date }
elig-confidence-official = সরকারি নথি
elig-confidence-secondary = খবর বা বিশেষজ্ঞের লেখা থেকে; সরকারি নথিতে মেলানো বাকি
elig-confidence-unverified = নিশ্চিত নয়: বিক্রির আগে জেনে নিন
btn-check-details = 📖 বিস্তারিত
btn-check-sources = 📚 সূত্র
elig-check-gone = এই যাচাইটা আর নেই। নতুন করে যাচাই করতে /check লিখুন।
elig-check-old = এই যাচাইটা আগের নিয়মে হয়েছিল, তাই এর বিস্তারিত আর দেখানো যাচ্ছে না। নতুন করে যাচাই করুন: /check
