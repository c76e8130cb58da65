## জায়গা: যে নাম একাধিক জেলার (বর্ধমান, দিনাজপুর, সীমানার শহর), সেখানে কোন জেলা জিজ্ঞেস করা

# $place: যে নাম লেখা হয়েছে; $first, $second: জেলা দুটো, বোতামের ক্রমে।
places-which-district = { $place } দুটো জেলা: { $first } না { $second }?
places-which-town = { $place } কোন জেলায়: { $first } না { $second }?
places-which-many = { $place } নামে জায়গা কয়েকটা জেলায় আছে। কোন জেলা?
