## The coordinator console: /stats, /sellers, /seller, /pending, the sellers sheet, admins' lists, the digest

cs-scope-all = all districts
cs-scope-many = { $count } districts
cs-not-your-district = That district is not one of yours any more.
cs-not-your-seller = This seller is not in your districts.
cs-btn-prev = ◀ Previous
cs-btn-next = Next ▶
cs-btn-more = More ({ $count }) ▶

## /stats
cs-stats =
    📊 <b>Programme progress — { $scope }</b> ({ $date })
    👤 Registered: <b>{ $registered }</b>
    📦 With a product: { $products } ({ $products_pct }%)
    📷 Good main photo: { $photos } ({ $photos_pct }%)
    ✅ Listing ready: { $ready } ({ $ready_pct }%)
    🔎 Export check done: { $checked } — ready { $v_ready }, with steps { $v_steps }, not allowed { $v_blocked }
    📚 Invited to a training: { $invited }; attended: { $attended }
    🛒 With orders: { $orders }
cs-stats-by-district = <b>By district</b> (registered · 📦 product · ✅ ready · 🔎 checked · 📚 trained · 🛒 orders)
cs-stats-line = { $district }: { $registered } · 📦 { $products } · ✅ { $ready } · 🔎 { $checked } · 📚 { $attended } · 🛒 { $orders }
cs-stats-none = No sellers have registered in { $scope } yet.

## Stages
cs-stage-any = all stages
cs-stage-registered_only = registered, no product
cs-stage-no_good_photo = no good photo
cs-stage-listing_not_ready = listing not confirmed
cs-stage-not_checked = export check not done
cs-stage-blocked = not allowed to export
cs-stage-steps = can export after some steps
cs-stage-ready = ready to export

## /sellers
cs-sellers-usage = Usage: /sellers [district] [stage]. Stages: registered_only, no_good_photo, listing_not_ready, not_checked, blocked, steps, ready. For example: /sellers Bankura not_checked
cs-sellers-title = 👥 <b>Sellers — { $scope }, { $stage }</b>: { $count } (page { $page } of { $pages })
cs-seller-line = { $n }. <b>{ $name }</b> — { $district } — { $stage } — 📞 { $phone }
cs-sellers-none = No sellers in { $scope } at this stage ({ $stage }).

## /seller
cs-seller-usage = Usage: /seller followed by a Telegram id, a phone number or part of a name. For example: /seller 98300 12345 or /seller Rina
cs-seller-not-found = I found no seller for "{ $query }".
cs-seller-choose = Several sellers match "{ $query }" ({ $count } shown). Choose one:
cs-seller-more = There are more: type more of the name.
cs-card =
    👤 <b>{ $name }</b> · 🏷 { $business }
    📍 { $district } · 🧵 { $craft }
    📞 { $phone }
    🗓 Registered { $registered } · id { $id }
    ➡️ Stage: <b>{ $stage }</b>
cs-card-blocked = ⛔ Blocked the bot on { $date }: messages do not reach them.
cs-card-opted-out = 🔕 Stopped messages (/stop) on { $date }.
cs-card-products = 📦 <b>Products ({ $count })</b>
cs-card-product = • { $name } — { $status } — 📷 { $photos }{ $photo_ok ->
        [yes] {""}
       *[no] {" "}⚠️ main photo needs work
    }
cs-product-ready = listing ready
cs-product-draft = draft
cs-card-more = …and { $count } more.
cs-card-no-products = 📦 No products yet.
cs-card-check = 🔎 Export check { $date }: { $verdict } — { $missing } open:
cs-card-check-none = 🔎 No export check yet.
cs-verdict-ready = ✅ ready to export
cs-verdict-steps = ⚠️ possible after some steps
cs-verdict-blocked = ⛔ not allowed
cs-card-training = 📚 { $title } ({ $date }): { $answer }
cs-card-trainings-none = 📚 No training answered or attended yet.
cs-trn-came = attended
cs-trn-yes = said they will come
cs-trn-no = said they cannot come
cs-trn-none = invited
cs-card-orders = 🛒 Orders: { $open } open, { $overdue } overdue
cs-btn-nudge-card = 🔔 Send a reminder ({ $stage })

## /pending
cs-pending-title = ⏳ <b>Who is stuck — { $scope }</b> (longest waiting first; 🔔 sends a friendly reminder)
cs-pending-none = Nobody is stuck in { $scope } right now.
cs-pending-group = <b>{ $stage }</b>: { $count }
cs-pending-line = • { $name } ({ $district }) — { $span ->
        [today] since today
        [one] for 1 day
       *[many] for { $days } days
    }
cs-pending-reg = Registration not finished
cs-pending-product = No product yet
cs-pending-photo = Photos need work
cs-pending-draft = Listing not confirmed
cs-pending-check = Export check not done
cs-pending-training = No training yet
cs-pending-no-training = (No training is scheduled in this district yet: schedule one with /newtraining, then nudge.)
cs-btn-nudge = 🔔 { $name }
cs-nudge-sent = 🔔 A reminder to { $name } is on its way ({ $stage }).
cs-nudge-already = { $name } already got a reminder about this today ({ $stage }).
cs-nudge-moved-on = { $name } has moved past that step: no reminder needed.
cs-nudge-unreachable = { $name } has stopped messages or blocked the bot, so no reminder was sent.

## Reminders to sellers (sent by a coordinator's 🔔)
cs-nudge-reg = 🙏 Hello! Your registration with Export Sathi is not finished yet. It takes only a few minutes: press the button to continue.
cs-nudge-product = 🙏 Hello { $name }! Your district coordinator asks: add your first product, with a photo, so buyers abroad can see your work.
cs-nudge-photo = 📷 Hello { $name }! Your product's main photo needs to be clearer (good light, plain background). Press the button to add a new photo.
cs-nudge-draft = ✍️ Hello { $name }! Your product listing is almost done: please check it and confirm it.
cs-nudge-check = ✅ Hello { $name }! Your listing is ready. Now check whether it can be exported and what you still need: it takes two minutes.
cs-nudge-training = 📚 Hello { $name }! A free training helps you start selling online. Press the button to see the trainings near you.
cs-nudge-btn-reg = ▶ Continue registering
cs-nudge-btn-product = ➕ Add a product
cs-nudge-btn-photo = 📷 My products
cs-nudge-btn-draft = ✍️ My products
cs-nudge-btn-check = ✅ Check export
cs-nudge-btn-training = 📚 Trainings

## /export sellers
cs-export-empty = There are no sellers to put in the sheet there yet.
cs-export-started = Preparing the sellers sheet ({ $count } sellers, { $scope })…
cs-export-file = 📄 Sellers: stage, products, latest export check, registration date (phones only for your districts).

## Admins
cs-removecoordinator-usage = Usage: /removecoordinator &lt;Telegram id or WhatsApp number&gt; [district, district…] — without districts, all of theirs are removed.
cs-removecoordinator-none = User { $user } was not a coordinator for those districts.
cs-removecoordinator-done = ✓ User { $user } is no longer a coordinator for: { $districts }. Districts left: { $left }.
cs-coordinators-none = There are no coordinators yet. Appoint one with /addcoordinator.
cs-coordinators-title = 👥 <b>Coordinators ({ $count })</b>
cs-coordinators-line = • { $user }: { $districts } (since { $date })
cs-audit-none = Nobody has read sellers' personal data yet.
cs-audit-title = 🔐 <b>The last { $count } reads of personal data</b> (India time)
cs-audit-line = { $when } · { $actor } → { $subject }: { $action } { $detail }
cs-audit-card = seller card
cs-audit-sellers = seller list
cs-audit-search = search results
cs-audit-pending = who is stuck
cs-audit-export = catalogue export
cs-audit-export_sellers = sellers sheet
cs-audit-checks = export checks list
cs-audit-all-districts = all districts
cs-audit-d-districts = { $names }
cs-audit-d-count = { $n ->
    [one] 1 seller
   *[other] { $n } sellers
}
cs-audit-d-page = page { $page }
cs-audit-d-join = { $a } · { $b }
cs-audit-other = other

## The 09:00 digest to each coordinator
cs-digest =
    ☀️ <b>Good morning! Your districts today</b>
    🆕 New registrations since yesterday: { $new }
    ⏳ Newly stuck ({ $days } days at one step): { $stuck }
    📚 Trainings in the next { $window } days: { $trainings }{ $has_next ->
        [yes] {" "}— next: { $next_title }, { $next_when }
       *[no] {""}
    }
    🛒 Overdue orders: { $overdue }{ $has_stale ->
        [yes] {"\u000A"}📋 { $stale } export rules or cost rates have not been checked for over 6 months: an administrator sees them with /rules.
       *[no] {""}
    }
cs-btn-digest-pending = ⏳ Who is stuck
cs-btn-digest-stats = 📊 Progress

## The chart (always drawn in English: the default fonts cannot shape Bengali) and the sellers sheet
cs-chart-title-one = { $district }: sellers at each step, { $day }
cs-chart-title-all = Sellers at each step by district, { $day }
cs-chart-registered = Registered
cs-chart-products = With a product
cs-chart-photos = Good photos
cs-chart-ready = Listing ready
cs-chart-checked = Export check done
cs-chart-invited = Invited to training
cs-chart-attended = Attended training
cs-chart-orders = With orders
cs-chart-sellers = Sellers
cs-sheet-name = Name
cs-sheet-district = District
cs-sheet-craft = Craft
cs-sheet-stage = Stage
cs-sheet-products = Products
cs-sheet-ready = Ready listings
cs-sheet-check = Latest export check
cs-sheet-registered = Registered
cs-sheet-phone = Phone

## /rules: rules and rates due for a check (administrators)
rules-fresh = ✅ All { $total } rules and rates were checked after { $limit }. The oldest: { $oldest }.
rules-stale-title = 📋 { $count } of { $total } rules or rates were last checked before { $limit }:
rules-stale-line = • { $name } ({ $kind }) — { $date }
rules-kind-rule = rule
rules-kind-rate = rate
rules-stale-more = …and { $count } more
rules-stale-how = Check the source again, then update checked_on in content/data/eligibility.yaml (checked in export_costs.yaml for rates).
