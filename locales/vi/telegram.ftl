# Telegram adapter: what the bot says outside the private chat it works in.
telegram-private-only = Trợ lý Chi bộ chỉ làm việc trong trò chuyện riêng, để câu trả lời của từng đồng chí không hiện cho người khác. Vui lòng mở { $link } và nhắn cho Trợ lý ở đó.
