## Export Sathi — English messages. HTML (b, i) is allowed; arguments are escaped by the bot.

-brand = Export Sathi

## Languages (always the native name)
lang-name-bn = বাংলা
lang-name-en = English
lang-name-hi = हिन्दी

## Buttons
btn-skip = ⏭ Skip
btn-back = ⬅ Back
btn-cancel = ✖ Cancel
btn-confirm = ✅ Yes, all correct
btn-edit = ✏️ Change something
btn-agree = ✅ I agree
btn-disagree = ✖ No
btn-share-phone = 📱 Send my number
btn-iec-same-pan = Same as my PAN: { $pan }
btn-edit-field = ✏️ { $field }
btn-delete-yes = 🗑 Yes, delete everything
btn-delete-no = ✖ No, keep it
btn-lang-switch = ✅ Yes, talk in { $language }
btn-lang-keep = No, keep { $language }

## Flow engine
flow-current-value = Now: { $value }
flow-help-generic = Answer the question below. /back goes one step back, /cancel stops for now.
flow-cannot-skip = This question is needed, it cannot be skipped.
flow-at-first = This is the first question.
flow-use-buttons = Please choose one of the buttons below.
flow-cancelled = Stopped. Everything you told me is saved: send /start to continue.
flow-resumed = Welcome back! Let's continue where we stopped.
flow-edit-which = Which one do you want to change?
flow-none-active = There is no question open right now.
summary-line = <b>{ $label }:</b> { $value }
summary-line-empty = <b>{ $label }:</b> —

## Field names
field-name = Name
field-business = Business name
field-district = District
field-phone = Mobile number
field-craft = Craft / main product
field-gstin = GSTIN
field-iec = IEC (PAN)
field-udyam = Udyam number

## Registration
reg-welcome =
    🙏 Welcome to <b>{ -brand }</b>!
    I help you sell your products to buyers abroad, step by step.

    Which language shall we talk in?
reg-consent =
    Before we start: to help you I need to save a few details about you and your business (name, district, mobile number, craft, and tax numbers if you have them).

    • <b>Why:</b> to prepare your products for online export and to remind you of trainings and deadlines.
    • <b>Who sees it:</b> only you, the export coordinators of your district, and the programme administrators.
    • <b>Delete:</b> send /delete at any time and everything is erased. /mydata shows everything that is saved.

    Do you agree?
reg-help-consent = Your details are used only for this export programme. Without your agreement I cannot register you, but you can come back any time with /start.
reg-consent-declined = All right, nothing has been saved. When you want to register, send /start.
reg-ask-name = What is your name?
reg-help-name = Write your full name as you want buyers and coordinators to see it, for example: Rina Das.
reg-ask-business = What is your business or shop called? (If it has no name, press Skip.)
reg-help-business = The name of your business, workshop or group, for example: Das Handicrafts. Press Skip if there is none.
reg-ask-district = Which district do you work in? Choose below or type its name.
reg-help-district = Choose your district from the buttons, or type its name in Bengali or English, for example: Bankura.
reg-district-did-you-mean = I could not find that district exactly. Did you mean one of these?
reg-district-unknown = That is not one of the 23 districts of West Bengal. Please choose from the list.
reg-ask-phone = What is your mobile number? Press the button below to send it, or type it.
btn-phone-own = ✅ This one: { $number }
    .short = ✅ { $number }
reg-help-phone = A 10-digit Indian mobile number, for example 98300 12345. Bengali digits are fine too.
reg-phone-not-own = That is someone else's contact. Please send your own number.
reg-phone-too_short = That number has too few digits. An Indian mobile number has 10 digits.
reg-phone-too_long = That number has too many digits. An Indian mobile number has 10 digits.
reg-phone-not_mobile = That does not look like an Indian mobile number (they start with 6, 7, 8 or 9).
reg-phone-foreign = Please give an Indian mobile number (+91).
reg-phone-not_a_number = Please type only the digits of your mobile number.
reg-phone-saved = ✓ Number saved.
reg-ask-craft = What do you make or sell mainly? Choose below or write it in your own words.
reg-help-craft = For example: kantha stitch sarees, terracotta horses, jute bags. Write it in any language.
reg-ask-gstin = Do you have a GSTIN (GST number)? Type it, or press Skip if you don't have one.
reg-help-gstin = A GSTIN has 15 characters, for example 19AAECF2320D1Z5. You find it on your GST registration certificate. It is optional.
reg-gstin-error-length = A GSTIN has exactly 15 letters and digits. Please check and type it again.
reg-gstin-error-format = That is not how a GSTIN is written: 2 digits, 10 characters of a PAN, then 3 more (for example 19AAECF2320D1Z5).
reg-gstin-error-state_code = The first two digits of a GSTIN are a state code, and these are not a valid one. West Bengal is 19.
reg-gstin-error-checksum = One character of this GSTIN seems wrong (the last character does not match). Please check it on your certificate.
reg-gstin-note-other_state = Note: this GSTIN is registered outside West Bengal. I have saved it.
reg-ask-iec = Do you have an IEC (Import Export Code)? Today it is the same as your PAN. Type it, or press Skip.
reg-help-iec = The IEC is your 10-character PAN, for example ABCDE1234F. You register it on the DGFT website (fee ₹500). It is optional now.
reg-iec-error-length = An IEC (PAN) has exactly 10 characters, for example ABCDE1234F.
reg-iec-error-format = An IEC (PAN) is 5 letters, 4 digits and 1 letter, for example ABCDE1234F.
reg-iec-error-serial_zero = The four digits of a PAN cannot be 0000. Please check it.
reg-iec-error-holder_type = The 4th letter of this PAN is not valid (it is usually P for a person or F for a firm). Please check it.
reg-iec-error-old_iec = That looks like an old 10-digit IEC. Since 2017 the IEC is your PAN: please type your PAN.
reg-iec-note-from_pan = Saved. Remember: your PAN works as your IEC only after you register it on the DGFT website (dgft.gov.in, form ANF-2A, fee ₹500). The export check will ask whether you have done this.
reg-ask-udyam = Do you have an Udyam (MSME) registration number? Type it, or press Skip.
reg-help-udyam = It looks like UDYAM-WB-10-0012345. You find it on your Udyam certificate. It is optional.
reg-udyam-error-format = An Udyam number looks like UDYAM-WB-10-0012345 (UDYAM, state, 2 digits, 7 digits).
reg-udyam-error-state = The two letters after UDYAM must be an Indian state code, such as WB.
reg-udyam-note-other_state = Note: this Udyam number is from outside West Bengal. I have saved it.
reg-summary = Please check your details:
reg-done =
    🎉 Thank you, { $name }! You are registered.
    Send /menu at any time to see what I can do for you.
reg-cancelled = Registration paused. Everything you told me is saved: send /start to continue.
reg-resumed = Welcome back! Let's continue your registration.

## Profile
profile-card = <b>Your profile</b>
profile-saved = ✓ Saved. Send /profile to see your profile.
profile-edit-cancelled = Nothing changed. Send /profile to see your profile.
welcome-back = 🙏 Welcome back, { $name }!

## Menu and help
menu-title = What would you like to do?
menu-register = 📝 Register
menu-continue = ▶️ Continue registration
menu-profile = 👤 My profile
menu-language = 🌐 Language
menu-stats = 📊 Progress
menu-pending = ⏳ Who is stuck
menu-sellers = 👥 Sellers
menu-help = ❓ Help
menu-mydata = 📄 My data
menu-delete = 🗑 Delete my data
help-title-seller = <b>What I can do</b>
help-title-staff = <b>For coordinators</b>
help-title-admin = <b>For administrators</b>
help-while-answering = While answering: /back goes back, /skip skips, /cancel stops for now.
help-cmd-start = /start — register or continue
help-cmd-menu = /menu — main menu
help-cmd-addproduct = /addproduct — add a product (photos and description)
help-cmd-products = /products — your products and catalogue
help-cmd-check = /check — can it be exported, and what do you still need?
help-cmd-trainings = /trainings — trainings in your district; say if you will come
help-cmd-orders = /orders — your orders and ship-by reminders
help-cmd-profile = /profile — see and change your details
help-cmd-language = /language — change the language
help-cmd-mydata = /mydata — everything I have saved about you
help-cmd-delete = /delete — erase your data
help-cmd-stop = /stop — stop announcements
help-cmd-importorders = /importorders [district] — import an Amazon order report (tab-separated file) to remind sellers.
help-cmd-broadcast = /broadcast — an announcement to a segment of sellers
help-cmd-broadcasts = /broadcasts — how it went.
help-cmd-newtraining = /newtraining — schedule a training and invite the sellers; /trainings — counts and attendance.
help-cmd-checks = /checks [district] — each seller's latest export check and what is missing.
help-cmd-export = /export [district] — the catalogue as Amazon and eBay files with a zip of photos.
help-cmd-export-sellers = /export sellers [district] — a spreadsheet of sellers and their stage.
help-cmd-stats = /stats [district] — the funnel with a chart
help-cmd-pending = /pending [district] — who is stuck where, with nudges.
help-cmd-sellers = /sellers [district] [stage] — the sellers, 10 a page
help-cmd-seller = /seller &lt;id, phone or name&gt; — one seller's card.
help-cmd-addcoordinator = /addcoordinator &lt;Telegram id or WhatsApp number&gt; &lt;district, district…&gt; — make someone a coordinator.
help-cmd-removecoordinator = /removecoordinator &lt;Telegram id or WhatsApp number&gt; [district…] — take districts away
help-cmd-coordinators = /coordinators — who covers what.
help-cmd-audit = /audit [n] — the last reads of sellers' personal data: who, whom, when.
help-cmd-rules = /rules — which export rules and shipping or fee rates were last checked more than 6 months ago.
idle-not-understood = I did not understand that. Please use the buttons below.
register-first = Please register first: send /start.
unknown-command = I don't know that command. Send /help to see what I can do.
staff-only = Sorry, this command is only for district coordinators.
admin-only = Sorry, this command is only for administrators.

## Language
language-choose = Which language shall we talk in?
language-set = ✓ Now we talk in { $language }.
lang-offer = It looks like you write in { $language }. Shall we talk in { $language }?

## Opt-out
stop-done = You will not get announcements any more. Send /start to get them again.
stop-resumed = You will get announcements again.

## My data and deletion
mydata-summary =
    <b>What I have saved about you</b>
    Name: { $name }
    District: { $district }
    Mobile: { $phone }
    Craft: { $craft }
    The full record is in the file below.
mydata-summary-unregistered = You are not registered. The file below shows the little I keep (your language and any unfinished answers).
mydata-file = 📄 Your data
delete-confirm = Do you really want to delete your profile and everything you told me? This cannot be undone.
delete-kept = Nothing was deleted.
delete-done = ✓ All your data has been deleted. If you want to come back, send /start.

## Staff
addcoordinator-usage = Usage: /addcoordinator &lt;Telegram id or WhatsApp number&gt; &lt;district, district…&gt; — for example /addcoordinator 123456789 Bankura, Purulia, or a WhatsApp number: /addcoordinator +919830012345 Bankura
addcoordinator-unknown-district = One of those districts is not a West Bengal district. Separate districts with commas.
addcoordinator-done = ✓ User { $user } is now a coordinator for: { $districts }.

## Errors
error-not-text =
    { $kind ->
        [photo] That is a photo.
        [sticker] That is a sticker.
        [voice] That is a voice message.
        [video] That is a video.
        [document] That is a file.
        [location] That is a location.
        [contact] That is a contact.
       *[other] I cannot read that kind of message here.
    } Please answer in writing.
error-use-text = Please type your answer.
error-command-as-answer = Please type your answer, not a command.
error-name-long = That is too long: at most { $max } characters, please.
error-text-long = That is too long: at most { $max } characters, please.
error-name-letters = Please write it with letters.
error-name-short = That is too short. Please write the full name.
error-stale-button = That button is from an older message and no longer works.
error-internal = Sorry, something went wrong on my side. Please try again in a moment.

## Command menu in Telegram (short descriptions)
cmd-start = Register or continue
cmd-menu = Main menu
cmd-profile = My profile
cmd-language = Change language
cmd-help = Help
cmd-back = Previous question
cmd-cancel = Stop for now
cmd-mydata = My data
cmd-delete = Delete my data
cmd-stop = Stop announcements

## Console (shown on the terminal)
console-banner =
    Export Sathi — console chat. No TELEGRAM_BOT_TOKEN is set, so you chat here in the terminal.
    To connect Telegram: open @BotFather in Telegram, send /newbot, and put the token in .env as TELEGRAM_BOT_TOKEN=…
    Buttons appear as numbers: type the number to press one. /photo PATH sends a picture, /contact NUMBER shares a number. Ctrl-D ends.
console-no-token = No TELEGRAM_BOT_TOKEN is set and there is no terminal to chat on. Get a token from @BotFather in Telegram (/newbot), set TELEGRAM_BOT_TOKEN in the environment or .env, or run with --console.
cmd-skip = Skip this question
cmd-newtraining = Schedule a training
cmd-broadcast = Send an announcement
cmd-broadcasts = My announcements
cmd-checks = Sellers' export checks
cmd-export = Catalogue files
cmd-stats = Progress by district
cmd-pending = Who is stuck where
cmd-sellers = Sellers by stage
cmd-seller = One seller's card
cmd-addcoordinator = Appoint a coordinator
cmd-removecoordinator = Remove a coordinator
cmd-coordinators = Coordinators and districts
cmd-audit = Who read whose data

## Fitting a message to a channel
contact-type-instead = (Type your number, e.g. 98300 12345.)
file-not-here = The file { $name } cannot be sent here: ask your coordinator for it.
# The button that opens a list menu (WhatsApp: at most 20 characters).
btn-list-open = Choose
btn-more-choices = More ▶ ({ $page }/{ $pages })
choices-continued = … or one of these:

# One profile on two channels (a seller registered on Telegram writes on WhatsApp).
link-offer = 🔗 This number is already registered: <b>{ $name }</b> ({ $district }). Is that you? Then the same profile works here too, with no need to register again.
btn-link-yes = ✅ Yes, that's me
btn-link-no = ✏️ No, new profile
link-done = ✅ Done, { $name }. Your profile, products and news are here now too.
btn-link-menu = 📋 Menu
