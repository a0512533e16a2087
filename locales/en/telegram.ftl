# Telegram adapter: what the bot says outside the private chat it works in.
telegram-private-only = Trợ lý Chi bộ works in private chats only, so that each member's answers are not seen by others. Please open { $link } and message the assistant there.
