"""Channel-neutral conversation vocabulary: what users send, what the bot answers, and the
typed button payloads. The bottom layer: every other package may import it, it imports none."""
