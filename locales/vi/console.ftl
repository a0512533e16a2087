# The local chat in the terminal (no platform token).
console-welcome = Trợ lý Chi bộ – trò chuyện thử trong cửa sổ dòng lệnh (chưa cấu hình Telegram hay Zalo).
    Bạn đang là “{ $user }” (người vận hành). Gõ @tên để đổi người dùng (ví dụ: @an), gõ @ để xem danh sách, Ctrl-D để thoát.
    Thử: /taochibo để tạo chi bộ, rồi @an và start <mã mời> để tham gia. Gõ /trogiup để xem các lệnh.
console-log-file = Nhật ký hoạt động được ghi vào { $path }.
console-bot = Trợ lý:
console-bot-to = Trợ lý → { $user }:
console-users = Người dùng: { $users }. Đang là: { $current }.
console-switched = Bây giờ bạn là “{ $user }”.
console-bad-user = Tên người dùng chỉ gồm chữ thường không dấu, số, - và _ (ví dụ: @an).
console-file-saved = [Tệp { $name } đã lưu tại { $path }]
console-bye = Tạm biệt!
console-files-expire = [Tệp có dữ liệu cá nhân, sẽ tự động xóa sau { $hours } giờ.]
