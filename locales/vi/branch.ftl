branch-description = Tạo chi bộ mới và lấy mã mời cho quản trị đầu tiên
branch-ask-name = Tên chi bộ mới (ví dụ: Chi bộ Khoa Ngữ văn):
branch-name-too-short = Tên chi bộ quá ngắn. Vui lòng gõ lại.
branch-name-too-long = Tên chi bộ dài quá { $max } ký tự. Vui lòng gõ lại.
branch-name-invalid = Tên chi bộ phải có chữ. Vui lòng gõ lại.
branch-confirm = Tạo chi bộ mới:
    Tên: { $name }
    Múi giờ: { $timezone }
    Ngôn ngữ: { $language }
branch-created = Đã tạo { $name }. Gửi mã mời dưới đây cho bí thư chi bộ; người dùng mã sẽ là bí thư và quản trị của chi bộ.
invite-code-line = Mã mời: { $code }
invite-validity = Dùng được { $uses } lần, hết hạn lúc { $expires }.
invite-link-line = Đường link ({ $platform }): { $url }
invite-typed-line = Hoặc nhắn cho bot: start { $code }
