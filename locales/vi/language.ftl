language-description = Chọn ngôn ngữ (Tiếng Việt / English)
language-prompt = Chọn ngôn ngữ / Choose a language:
language-name-vi = Tiếng Việt
language-name-en = English
language-changed = Đã chuyển sang Tiếng Việt.
