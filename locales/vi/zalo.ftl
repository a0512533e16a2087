# Zalo: what replaces buttons and attachments in a chat that has neither.
zalo-choice-hint = 👉 Trả lời bằng số thứ tự (1–{ $count }) hoặc gõ lựa chọn.
zalo-file-link = 📎 { $name } ({ $size }): { $url }
zalo-files-expire = Đường link tải tệp dùng được đến { $expires }. Xin đừng chuyển tiếp cho người khác: tệp có thông tin cá nhân của đảng viên.
zalo-file-summary = 📎 Tệp { $name } ({ $size })
zalo-files-unavailable = Zalo không gửi được tệp đính kèm. Đồng chí có thể nhận tệp trên Telegram (liên kết tài khoản bằng lệnh lienket), hoặc nhờ người vận hành cấu hình địa chỉ công khai (PUBLIC_URL) để nhận đường link tải tệp.
zalo-picture-caption = 🖼 { $name }
