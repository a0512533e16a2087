# Zalo: what replaces buttons and attachments in a chat that has neither.
zalo-choice-hint = 👉 Reply with a number (1–{ $count }) or type the choice.
zalo-file-link = 📎 { $name } ({ $size }): { $url }
zalo-files-expire = The download link works until { $expires }. Please do not forward it: the file holds members' personal data.
zalo-file-summary = 📎 File { $name } ({ $size })
zalo-files-unavailable = Zalo cannot carry attachments. You can get the file on Telegram (link your accounts with the command link), or ask the operator to set a public address (PUBLIC_URL) so files arrive as download links.
zalo-picture-caption = 🖼 { $name }
