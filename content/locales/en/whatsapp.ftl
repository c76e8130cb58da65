# WhatsApp message templates (content/data/whatsapp_templates.yaml): the words around the
# message, which is { $text }. Meta reviews them; a change needs a new approval.
wa-template-reminder = ⏰ A reminder from { -brand }: { $text }

    Write anything to answer.
wa-template-notice = ℹ️ News from { -brand }: { $text }

    Write anything to answer.
wa-template-digest = 📋 { -brand }, today's summary: { $text }

    Write anything to see the details.
wa-template-invite = 🎓 A training invitation from { -brand }: { $text }

    Tap a button to answer.
wa-template-broadcast = 📣 An announcement from { -brand }: { $text }

    Write anything to answer. Write /stop to receive no more.
wa-template-nudge = 👋 From { -brand }: { $text }

    Write anything to go on. Write /stop to receive no more.
wa-template-btn-yes = ✅ I will come
wa-template-btn-no = ❌ I can't come
# The sample text Meta's reviewers see in place of { $text }.
wa-template-example = Export training tomorrow at 10 am at the Bankura District Industries Centre.
