## রফতানি যাচাই: নিয়মের চারপাশের কথোপকথন, আর সমন্বয়কারীদের সারাংশ

menu-check = ✅ রফতানি করা যাবে?
cmd-check = রফতানির যোগ্যতা যাচাই
reg-next = এবার কী করবেন? প্রথম পণ্যটা যোগ করুন, বা রফতানির জন্য কী কী লাগবে দেখে নিন।
btn-check-now = ✅ রফতানি করা যাবে কিনা দেখুন
    .short = ✅ রফতানি যাচাই
btn-check-another = 🔁 আরেকটা জিনিস যাচাই করুন
elig-describe-button = ✏️ এমন জিনিস যা আমার পণ্যে নেই
elig-help-product = আপনার একটা পণ্য বেছে নিন, বা এখনো যোগ না করা জিনিসের কথা লিখুন।
elig-help-describe = অল্প কথায় জিনিসটা কী আর কী দিয়ে তৈরি, যেমন "কাঁসার হাতি" বা "সুতির লাইনিং দেওয়া পাটের ব্যাগ"।
elig-help-destination = যে দেশে বা অঞ্চলে আপনার ক্রেতারা আছেন। ঠিক না জানলে "যেকোনো জায়গা" বেছে নিন।
elig-help-question = যতটা জানেন উত্তর দিন। না জানলে "জানি না" টিপুন: কী জেনে নিতে হবে বলে দেব।
elig-question = { $question }
elig-answer-with-buttons = বোতাম দিয়ে উত্তর দিন: হ্যাঁ, না, বা জানি না।
elig-bullet = • { $text }
elig-notes = <b>জেনে রাখুন:</b>
elig-cancelled = যাচাই থামানো হল। আবার দেখতে চাইলে /check পাঠান।
checks-title = <b>রফতানি যাচাই ({ $count } জন বিক্রেতা)</b>
checks-line = { $mark } { $name } ({ $district }) — { $date } — বাকি { $missing }টা, প্রথমে: { $first }
checks-line-done = { $mark } { $name } ({ $district }) — { $date } — কিছু বাকি নেই
checks-line-none = ▫️ { $name } ({ $district }) — এখনো যাচাই হয়নি
checks-none = ওখানে এখনো কোনো বিক্রেতার নিবন্ধন হয়নি।
