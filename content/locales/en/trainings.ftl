## Trainings: scheduling (coordinators), invitations and answers (sellers), attendance

trn-clock = { $time } { $part ->
        [late] am
        [dawn] am
        [morning] am
       *[other] pm
    }
trn-when = { $day }, { $clock }

## /newtraining
trn-ask-title = 📚 What is the training called? For example: Photographing products for Amazon.
trn-help-title = A short name sellers will recognise, up to 80 characters.
trn-field-title = Training
trn-ask-districts = { $admin ->
        [yes] For which districts? Type their names separated by commas (for example: Bankura, Purulia), or press "All districts".
       *[other] For which of your districts?
    }
trn-help-districts = The registered sellers of these districts get the invitation.
trn-field-districts = Districts
trn-btn-all-districts = 🌐 All districts
trn-btn-all-mine = All my districts
trn-all-districts = all districts
trn-district-unknown = I could not find the district "{ $name }". Please check the spelling; separate districts with commas.
trn-ask-when = { $stage ->
        [time] 🕒 What time on { $day }? Choose below or type it, for example: 3pm.
        [confirm] Did you mean <b>{ $day }</b>?
       *[day] 📅 Which day? Choose below, or type the date and time, for example: 28 Nov 3pm.
    }
trn-help-when = Choose a day and then a time, or type both, for example "28 Nov 3pm" or "tomorrow 11am". Times are Indian time.
trn-field-when = Date and time
trn-btn-today = Today, { $day }
trn-btn-tomorrow = Tomorrow, { $day }
trn-btn-day = { $day }
trn-btn-time = { $clock }
trn-btn-other-day = 📅 Another day
trn-btn-yes = ✅ Yes
trn-btn-no = ✖ No
trn-when-past = That time has already passed. Please give a time in the future.
trn-when-invalid = That date does not exist (for example, 31 February). Please check it.
trn-when-too-far = That is more than 6 months away (a date already past this year is read as next year). Please give a date in the coming months.
trn-when-not-understood = I could not read a date and time in that. For example: 28 Nov 3pm.
trn-when-say-clearer = All right. Please type the time again with am or pm, for example: 28 Nov 3pm.
trn-ask-place = 📍 Where is it? Type the address, or the link for an online meeting.
trn-help-place = The hall and town, for example "Block office hall, Bishnupur", or a Google Meet / Zoom link.
trn-field-place = Place
trn-ask-capacity = 👥 How many people can come at most? Type a number, or press Skip if there is no limit.
trn-help-capacity = When this many sellers have said yes, others are told it is full.
trn-field-capacity = Seats
trn-capacity-error = Please type a whole number of seats between 1 and { $max }.
trn-summary = Please check the training:
trn-new-cancelled = The training was not created.
trn-when-passed = The start time has passed while we were talking. Send /newtraining to try again.
trn-created =
    ✅ Training created: <b>{ $title }</b>, { $when }.
    Invitations are going to { $count } sellers.
trn-btn-my-trainings = 📚 My trainings
trn-btn-new = ➕ New training

## Invitations and answers (sellers)
trn-invite =
    📚 <b>Training: { $title }</b>
    🗓 { $when }
    📍 { $place }
    Will you come?
btn-trn-yes = ✅ I will come
btn-trn-no = ✖ I can't come
btn-trn-cannot = ✖ I can't come any more
trn-rsvp-yes =
    ✅ Thank you! You are coming to <b>{ $title }</b> on { $when }.
    📍 { $place }
    I will remind you before it starts.
trn-rsvp-no = All right, you are not coming to <b>{ $title }</b> ({ $when }). If that changes, press the button below before it starts.
trn-reminder-24h =
    ⏰ Tomorrow: <b>{ $title }</b>
    🗓 { $when }
    📍 { $place }
trn-reminder-1h =
    ⏰ In one hour: <b>{ $title }</b>
    🗓 { $when }
    📍 { $place }
trn-full = Sorry, <b>{ $title }</b> is full. You will hear about the next training.
trn-started = <b>{ $title }</b> has already started, so answers are closed.
trn-was-cancelled = <b>{ $title }</b> has been cancelled.
trn-not-for-you = That training is not for your district, or it no longer exists.
trn-register-first = Please register first (send /start): then you will get training invitations.
trn-cancelled-notice = ✖ Cancelled: <b>{ $title }</b> on { $when } will not take place. Sorry for the trouble.

## /trainings
trn-seller-title = <b>Upcoming trainings ({ $count })</b>
trn-seller-card =
    📚 <b>{ $title }</b>
    🗓 { $when }
    📍 { $place }
    { $answer ->
        [yes] ✅ You are coming.
        [no] ✖ You are not coming.
       *[other] You have not answered yet.
    }
trn-none-seller = There are no trainings planned for your district right now. I will tell you when there is one.
trn-staff-title = <b>Your trainings ({ $count })</b>
trn-staff-card =
    { $status ->
        [cancelled] ✖ cancelled
        [started] ✔️ started
       *[other] 🗓 upcoming
    } <b>{ $title }</b>
    { $when } — { $place }
    { $districts }
    Coming: { $yes } · Not coming: { $no } · No answer: { $none } · Seats: { $capacity } · Came: { $came }
trn-none-staff = No trainings in the last 14 days or ahead.
trn-btn-attendance = ✔️ Mark attendance
trn-btn-cancel = ✖ Cancel this training
trn-not-yours = That training is not in your districts, or it no longer exists.

## Attendance
trn-att-title = <b>{ $title }</b>: who came? Press a name to mark or unmark. Marked: { $count } of { $total }.
trn-att-on = ✅ { $name }
trn-att-off = ▫️ { $name }
trn-att-more = { $count } more are not shown.
trn-btn-att-done = 💾 Done
trn-att-saved = ✓ Attendance saved for <b>{ $title }</b>: { $count } came.
trn-att-nobody = Nobody said yes to <b>{ $title }</b>, so there is nobody to mark.
trn-att-not-yet = <b>{ $title }</b> has not started yet: attendance can be marked once it starts.

## Cancelling
trn-cancel-confirm = Cancel <b>{ $title }</b> on { $when }? The sellers who said yes will be told.
trn-btn-cancel-yes = ✖ Yes, cancel it
trn-btn-cancel-no = ⬅ No, keep it
trn-cancel-done = ✓ <b>{ $title }</b> is cancelled. { $count } sellers who said yes are being told.

## Menu and command list
menu-trainings = 🎓 Trainings
cmd-trainings = Trainings
