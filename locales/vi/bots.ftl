# Zalo bot accounts: which bot an invite belongs to, how full the bots are, the monthly quota, /kenh.
invites-bot-line = Bot Zalo: { $bot } (đang có { $users }/{ $cap } người)
invites-bot-near-full = ⚠️ Bot Zalo { $bot } sẽ có { $count }/{ $cap } người (kể cả các mã mời chưa dùng). Mỗi bot Zalo miễn phí phục vụ tối đa { $cap } người: chi bộ sắp cần thêm một bot. Xin nhờ người vận hành tạo thêm bot trong Zalo Bot Creator và đăng ký cho chi bộ.
invites-bot-full = Các bot Zalo của chi bộ đã đủ người: { $detail }. Mỗi bot Zalo miễn phí phục vụ tối đa 50 người (kể cả các mã mời chưa dùng), nên chưa tạo mã mời mới.
    Để mời thêm, chi bộ cần thêm một bot Zalo:
    1. Tạo bot trong Zalo Bot Creator (mở Zalo, tìm “Zalo Bot Manager”, chọn “Tạo bot”).
    2. Người vận hành đăng ký bot cho chi bộ: npm run bots -- add zalo --name "{ $branch }" --branch { $branchId } (hoặc lệnh /kenh).
    Cũng có thể thu hồi các mã mời không còn dùng (/moi ds) để trả lại chỗ.
invites-bot-full-item = { $bot } { $users }/{ $cap }
invite-zalo-line = Trên Zalo: mở { $bot } rồi gửi mã { $code }
invite-zalo-bot = bot “{ $label }”
invite-other-bot = Mã mời này dùng cho bot Zalo khác của chi bộ. Vui lòng mở { $bot } rồi gửi lại mã.
invite-qr-caption = Mã QR mời vào { $branch }
    Vai trò: { $role }
    Dùng được đến { $expires }
invite-qr-zalo = Quét để mở bot Zalo, rồi gửi mã { $code }.
invite-qr-zalo-code = Mở bot Zalo của chi bộ, quét hoặc gõ mã { $code }.
invite-qr-telegram = Quét để mở bot trên Telegram.
# The monthly quota of a bot account.
quota-warning = ⚠️ Bot “{ $bot }” đã gửi { $sent }/{ $cap } tin nhắn trong tháng { $month } (80% hạn mức). Từ 95%, bot chỉ gửi câu trả lời, lời nhắc họp, báo cáo và thông báo thay đổi; lời nhắc lại tạm dừng. Khi hết hạn mức, mọi tin nhắn chờ sang tháng sau. Nếu chi bộ cần nhắn nhiều hơn, xin nhờ người vận hành thêm một bot Zalo.
# /kenh (operators)
bots-description = Các bot Zalo và Telegram: số người, hạn mức tin nhắn, giao bot cho chi bộ
bots-list-header = Các bot của hệ thống: { $count }. Chọn một bot để xem chi tiết.
bots-item = { $label } · { $platform } · { $status }
bots-platform-zalo = Zalo
bots-platform-telegram = Telegram
bots-platform-console = Máy chủ
bots-status-active = đang chạy
bots-status-paused = tạm dừng
bots-mode-webhook = webhook
bots-mode-polling = lấy tin định kỳ
bots-unlimited = không giới hạn
bots-shared = dùng chung cho mọi chi bộ
bots-none = chưa có
bots-detail = Bot: { $label } ({ $platform }, { $mode })
    Mã bot: { $id }
    Trạng thái: { $status }
    Người dùng: { $users }/{ $cap } (mã mời còn chỗ: { $reserved })
    Tin nhắn đã gửi tháng { $month }: { $sent }/{ $quota }
    Chi bộ: { $branch }
    Tin nhắn đến gần nhất: { $lastUpdate }
    Lỗi gần nhất: { $lastError }
bots-add = Thêm bot Zalo
bots-assign = Giao cho chi bộ
bots-pause = Tạm dừng
bots-resume = Chạy lại
bots-back = Quay lại
bots-close = Thoát
bots-closed = Đã đóng danh sách bot.
bots-gone = Bot này không còn trong danh sách.
bots-paused = Đã tạm dừng bot “{ $label }”: bot ngừng nhận và gửi tin; tin nhắn chờ đến khi chạy lại.
bots-resumed = Bot “{ $label }” đã chạy lại.
bots-assign-ask = Gõ tên (hoặc một phần tên) hay mã của chi bộ sẽ dùng bot “{ $label }”:
bots-assign-matches = Có { $count } chi bộ khớp. Chọn chi bộ:
bots-assign-many = Có { $count } chi bộ khớp; dưới đây là { $shown } chi bộ đầu. Gõ thêm chữ trong tên để thu hẹp.
bots-assign-none = Không tìm thấy chi bộ nào khớp với “{ $query }”. Vui lòng gõ lại tên hoặc mã chi bộ.
bots-assign-short = Vui lòng gõ ít nhất 2 ký tự của tên chi bộ.
bots-assign-shared = Dùng chung cho mọi chi bộ
bots-assigned = Đã giao bot “{ $label }” cho { $branch }. Quản trị chi bộ dùng lệnh /moi để mời đảng viên vào bot này.
bots-assigned-shared = Bot “{ $label }” giờ dùng chung cho mọi chi bộ còn cần chỗ.
bots-add-warning = ⚠️ Thêm bot qua trò chuyện: token của bot sẽ nằm lại trong lịch sử cuộc trò chuyện này. Sau khi thêm, xin xóa tin nhắn chứa token. (An toàn hơn: trên máy chủ, dùng lệnh npm run bots -- add zalo.)
bots-add-ask-label = Gõ tên gọi của bot (tối đa { $max } ký tự), ví dụ: Bot Chi bộ Khu phố 3
bots-add-label-invalid = Tên gọi cần từ 3 đến { $max } ký tự và có chữ cái. Vui lòng gõ lại.
bots-add-ask-token = Gửi token của bot “{ $label }” (Zalo gửi token qua tin nhắn khi tạo bot trong Zalo Bot Creator; có dạng 12345678:abc…):
bots-add-token-invalid = Đây không phải token bot Zalo (dạng 12345678:abc…). Vui lòng gửi lại, hoặc gõ /huy.
bots-add-rejected = Zalo không nhận token này ({ $detail }). Vui lòng kiểm tra rồi gửi lại, hoặc gõ /huy.
bots-add-unreachable = Chưa liên lạc được với Zalo để kiểm tra token ({ $detail }). Vui lòng thử lại sau ít phút, hoặc gõ /huy.
bots-add-duplicate = Bot này đã được đăng ký (mã { $id }).
bots-add-unavailable = Không thể thêm bot qua trò chuyện ở đây. Trên máy chủ, dùng lệnh: npm run bots -- add zalo --name "<tên bot>"
bots-no-secret-key = Chưa thể lưu token: máy chủ chưa đặt SECRET_KEY (khóa mã hóa token). Người vận hành cần đặt SECRET_KEY (ví dụ tạo bằng: openssl rand -base64 32) rồi khởi động lại bot.
bots-added = Đã thêm bot “{ $label }” (mã { $id }). { $how }
    Xin xóa tin nhắn chứa token khỏi cuộc trò chuyện. Tiếp theo: giao bot cho một chi bộ (hoặc dùng chung), rồi quản trị chi bộ dùng lệnh /moi để mời đảng viên.
bots-added-webhook = Zalo sẽ gửi tin đến: { $url }
bots-added-polling = Bot lấy tin định kỳ (máy chủ chưa đặt PUBLIC_URL).
digest-warn-quota-held = ⏸ { $count } tin nhắn đến đảng viên đang chờ sang tháng sau vì bot Zalo đã dùng hết hạn mức tin nhắn tháng này ({ $notices } lời nhắc, báo cáo, thông báo; { $optional } lời nhắc lại).
