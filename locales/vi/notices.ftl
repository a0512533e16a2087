# The chi ủy's daily notice of members' changes (one message a day), and its setting in /caidat.
notice-title = TIN TRONG NGÀY CHO CHI ỦY · { $branch } ({ $count } thay đổi). Xem đầy đủ bằng lệnh /baocao.
notice-commitments-submitted =
    Đồng chí { $name } đã gửi đăng ký làm theo ({ $period }):
    { $items }
notice-rsvp-changed = Đồng chí { $name } đổi trả lời buổi sinh hoạt lúc { $when }: { $from } → { $to }.
notice-rsvp-absent = Đồng chí { $name } báo vắng buổi sinh hoạt lúc { $when }, lý do: { $reason }.

notice-setting-label = Tin hằng ngày cho chi ủy
notice-setting-value = lúc { $time } hằng ngày
notice-setting-off = tắt
notice-setting-prompt = Hiện tại: { $current }. Khi đảng viên gửi hoặc sửa đăng ký làm theo, hay đổi trả lời tham dự sau khi đã có báo cáo trước buổi sinh hoạt, bí thư và phó bí thư nhận một tin tổng hợp mỗi ngày thay vì từng tin. Gõ giờ gửi, ví dụ 18:00, hoặc gõ “tắt” để chỉ xem trong báo cáo.
