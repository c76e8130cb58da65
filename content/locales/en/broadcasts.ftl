## Coordinator broadcasts: composing, the preview, reports

bc-ask-text = 📣 <b>New announcement.</b> Write the message for the sellers (at most { $max } characters). They get exactly what you write.
bc-help-text = Write the message as the sellers should read it: short sentences — what, when, where. Next you can add versions in other languages and a photo. /cancel stops.
bc-field-text = Message
bc-text-not-text = Please write the message first. You can add a photo in a moment.
bc-text-long = That message is { $length } characters long; a message can hold at most { $max }. Please shorten it.
bc-ask-versions =
    { $mode ->
        [add] Now write the message in { $language }.
       *[menu] Your message is in { $main }. Sellers who read another language get it as it is, unless you add a version for them.
    }
bc-help-versions = Each seller gets the version in their own language; without one, the Bengali version (or your message). Press "Continue" when you are done.
bc-field-versions = Versions
btn-bc-add-version = ➕ Add { $language } version
btn-bc-change-version = ✏️ Change { $language } version
btn-bc-versions-done = ✅ Continue
bc-version-saved = ✓ { $language } version saved.
bc-ask-photo = Send a photo to go with the message, or press Skip.
bc-help-photo = One clear photo (a poster, the place, a product). It goes with the message. Press Skip to send text only.
bc-field-photo = Photo
bc-photo-not-photo = Please send a photo, or press Skip.
bc-photo-yes = 📷 yes
bc-ask-district = Who should get it? Choose the district.
bc-help-district = You can send announcements to the sellers of your own districts.
bc-district-all = 🌐 All West Bengal
bc-district-mine = All my districts
bc-ask-craft = Only the sellers of one craft? Choose it, or press Skip for every craft.
bc-help-craft = The craft the seller gave when registering. Skip sends to every craft.
bc-craft-unknown = I do not know that craft. Please choose one of the buttons, or press Skip.
bc-craft-any = every craft
bc-ask-stage = Which sellers, by how far they have come?
bc-help-stage = For example, remind the sellers without a ready product to add one, or ask those not checked yet to send /check.
bc-field-stage = Stage
bc-stage-any = Everyone
bc-stage-noprod = No ready product yet
bc-stage-ready = Has a ready product
bc-stage-checked = Export check done
bc-stage-unchecked = Export check not done
bc-ask-lang = Sellers of which language?
bc-help-lang = The language each seller chose for the bot.
bc-field-lang = Language
bc-lang-any = Every language
bc-ask-when = When should it go? Press "Now", or type a date and time, for example 28/11 3 pm or "tomorrow 10 am".
bc-help-when = Type the day and the time (India time), for example 28/11 15:00. Announcements do not go out at night: they wait for the morning.
bc-field-when = When
bc-when-now = ▶️ Now
bc-when-immediately = now
bc-when-not-date = I could not read a date and time there. For example: 28/11 3 pm, or tomorrow 10 am.
bc-when-no-time = Please add the time too, for example 28/11 3 pm.
bc-when-past = That time has already passed. Please give a time in the future.
bc-when-invalid = That date or time does not exist. Please check it.
bc-when-too-far = That is more than a year away. Please give a nearer date.
bc-when-again = All right, please type the date and time again, for example 28/11 15:00.
bc-when-confirm = Did you mean <b>{ $when }</b>?
bc-when-yes = ✅ Yes
bc-when-no = ✖ No
bc-nobody = Nobody matches these choices: no registered seller there still takes announcements. Please choose the sellers again.
bc-preview = <b>Check your announcement</b>
bc-preview-count = 👥 It goes to <b>{ $count }</b> sellers.
bc-preview-text =
    <b>{ $language }:</b>
    { $text }
bc-preview-fallback = Sellers of other languages get the { $language } text.
bc-scope-changed = Your districts have changed, so this announcement cannot go to these sellers. Send /broadcast to start again.
bc-nobody-now = Nobody matches these choices any more, so nothing was sent. Send /broadcast to start again.
bc-queued-now = ✓ Announcement #{ $id } is on its way to { $count } sellers.
bc-queued-later = ✓ Announcement #{ $id } goes to { $count } sellers on { $when }.
btn-bc-view = 📊 Delivery report
bc-cancelled = Announcement cancelled, nothing was sent.
bc-list-title = <b>Announcements</b>
bc-list-empty = No announcements yet. Send /broadcast to write one.
bc-list-line = #{ $id } · { $when } · { $status } · ✅ { $sent } ⏳ { $pending } ❌ { $failed } ⏭ { $skipped } / { $recipients } — { $text }
btn-bc-view-id = #{ $id }
bc-status-scheduled = 🕒 scheduled
bc-status-sending = 📤 sending
bc-status-done = ✅ done
bc-not-found = I cannot find that announcement.
bc-view-title = <b>Announcement #{ $id }</b> · { $status } · { $when }
# Only where a channel reports delivery and reading (WhatsApp).
bc-view-seen = 📬 On WhatsApp: reached { $delivered } phones, 👁 read by { $read }.
bc-view-text = { $text }
bc-view-counts = 👥 { $recipients } sellers: ✅ { $sent } delivered, ⏳ { $pending } waiting, ❌ { $failed } failed, ⏭ { $skipped } skipped
bc-reason-line = • { $reason }: { $count }
bc-failed-line = • failed ({ $reason }): { $count }
bc-skipped-line = • skipped ({ $reason }): { $count }
bc-skipped-opted-out = stopped announcements
bc-skipped-blocked = blocked the bot
bc-skipped-expired = too late to send
bc-report-notice = 📣 Announcement #{ $id } is finished: { $sent } of { $total } delivered, { $failed } failed, { $skipped } skipped (stopped announcements, blocked the bot, or too late).
