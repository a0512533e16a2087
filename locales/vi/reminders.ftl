# Reminders and nudges, and /nhacnho.
reminder-description = Thời điểm nhắc họp, nhắc thêm và giờ yên tĩnh
reminder-heading = Nhắc lịch sinh hoạt chi bộ
reminder-nudge-heading = Đồng chí chưa báo tham dự hay vắng mặt buổi sinh hoạt sau:
reminder-ask = Đồng chí vui lòng báo Tham dự hoặc Vắng mặt (nếu vắng, xin cho biết lý do).
reminder-answered = Đồng chí đã báo: { $answer }. Nếu có thay đổi, vui lòng chọn lại.

reminder-menu-title =
    Nhắc lịch sinh hoạt
    • Nhắc trước buổi họp: { $offsets }
reminder-menu-offsets = Sửa mốc nhắc
reminder-ask-offsets = Nhắc trước buổi họp bao lâu? Gõ tối đa 5 mốc, cách nhau bằng dấu phẩy, ví dụ: 3 ngày, 1 ngày, 2 giờ. Hiện tại: { $current }
reminder-default-offsets = Mặc định: 3 ngày, 1 ngày, 2 giờ
reminder-offsets-format = Chưa hiểu “{ $input }”. Vui lòng gõ các mốc như: 3 ngày, 1 ngày, 2 giờ (hoặc 30 phút).
reminder-offsets-count = Nhiều nhất { $max } mốc nhắc. Vui lòng bớt đi.
reminder-offsets-range = Mỗi mốc phải từ { $min } phút đến { $days } ngày trước buổi họp. Vui lòng gõ lại.
reminder-confirm-offsets = Nhắc trước buổi họp: { $offsets }
reminder-offsets-saved = Đã lưu: nhắc trước buổi họp { $offsets }.
reminder-preview-title = Buổi họp tới ({ $when }) sẽ được nhắc:
reminder-preview-reminder = { $at } – nhắc trước { $before }
reminder-preview-nudge = { $at } – nhắc thêm lần { $n } (cho đồng chí chưa trả lời)
reminder-preview-no-meeting = Chưa có buổi họp nào sắp tới để xem lịch nhắc.
reminder-preview-sent = { $line }: đã gửi
reminder-preview-past = { $line }: đã qua
reminder-preview-catch-up-now = Ngay bây giờ – gửi bù { $what }
reminder-preview-catch-up-quiet = { $at } – gửi bù { $what } (sau giờ yên tĩnh)
reminder-preview-first = lời nhắc đầu tiên
reminder-preview-nth-nudge = lần nhắc thêm thứ { $n }
reminder-preview-before = lời nhắc trước { $before }
reminder-duration-days = { $count } ngày
reminder-duration-hours = { $count } giờ
reminder-duration-minutes = { $count } phút
