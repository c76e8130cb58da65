## The export check's answer: the first message fits one screen, the rest is behind the
## "details" and "sources" buttons.
elig-why-not = Why:
elig-unknown-line = ❓ { $text }
elig-more-steps = …and { $count } more: see "details".
elig-see-details = 📖 Costs and where to go: tap "details".
elig-see-details-notes = 📖 Costs, where to go and { $count } more things to know: tap "details".
elig-see-details-blocked = 📖 Why, and whom to ask: tap "details".
elig-details-title = 📖 <b>{ $item }</b> — details
elig-details-steps =
    { "" }
    <b>Next steps:</b>
elig-details-find-out =
    { "" }
    <b>Find out:</b>
elig-details-notes =
    { "" }
    <b>Good to know:</b>
elig-sources-title = 📚 <b>{ $item }</b> — where each point comes from
elig-source-doc = 📄 { $source }
elig-source-none = 📄 no official document found yet
elig-source-line = { $doc } · { $sure } · checked { $date }
elig-confidence-official = official document
elig-confidence-secondary = from news or expert writing; not yet matched to the official text
elig-confidence-unverified = not certain: ask before you sell
btn-check-details = 📖 Details
btn-check-sources = 📚 Sources
elig-check-gone = This check is no longer there. Send /check to check again.
elig-check-old = This check was made under the earlier rules, so its details cannot be shown. Check again: /check
