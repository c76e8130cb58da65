## The export check: the flow around the rules, and the coordinators' overview

menu-check = ✅ Can I export it?
cmd-check = Check export eligibility
reg-next = What next? Add your first product, or check what you need to export.
btn-check-now = ✅ Check if it can be exported
    .short = ✅ Export check
btn-check-another = 🔁 Check another item
elig-describe-button = ✏️ An item not in my products
elig-help-product = Choose one of your products, or describe an item you have not added yet.
elig-help-describe = A few words on what it is and what it is made of, for example "bell metal elephant" or "jute bag with cotton lining".
elig-help-destination = The country or region where your buyers are. If you are not sure, choose "Anywhere".
elig-help-question = Answer as well as you can. If you do not know, press "Don't know": I will tell you what to find out.
elig-question = { $question }
elig-answer-with-buttons = Please answer with the buttons: Yes, No or Don't know.
elig-bullet = • { $text }
elig-notes = <b>Good to know:</b>
elig-cancelled = Check stopped. Send /check when you want to try again.
checks-title = <b>Export checks ({ $count } sellers)</b>
checks-line = { $mark } { $name } ({ $district }) — { $date } — { $missing } open, first: { $first }
checks-line-done = { $mark } { $name } ({ $district }) — { $date } — nothing open
checks-line-none = ▫️ { $name } ({ $district }) — not checked yet
checks-none = No sellers registered there yet.
