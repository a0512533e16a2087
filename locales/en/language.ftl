language-description = Choose a language (Tiếng Việt / English)
language-prompt = Chọn ngôn ngữ / Choose a language:
language-name-vi = Tiếng Việt
language-name-en = English
language-changed = The assistant now speaks English.
