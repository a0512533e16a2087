# /baocao and the scheduled digests for the branch's secretaries (bí thư, phó bí thư).
digest-description = Báo cáo của chi bộ: dự kiến điểm danh, đăng ký làm theo, tự đánh giá, lưu ý
digest-title-before = BÁO CÁO TRƯỚC BUỔI SINH HOẠT
digest-title-after = BÁO CÁO KHI BẮT ĐẦU SINH HOẠT
digest-title-now = BÁO CÁO CHI BỘ
digest-meeting-line = { $branch } · { $kind }
digest-kind-regular = Sinh hoạt chi bộ định kỳ
digest-kind-thematic = Sinh hoạt chuyên đề
digest-meeting-time = Thời gian: { $time }
digest-meeting-place = Địa điểm: { $place }
digest-meeting-topic = Nội dung: { $topic }
digest-no-meeting = Chi bộ chưa có lịch sinh hoạt. Quản trị đặt lịch bằng lệnh /lichhop.
digest-after-note = Đã hết hạn tự đánh giá: đây là số liệu cuối cùng.
digest-after-note-no-eval = Số liệu đến lúc bắt đầu sinh hoạt.
digest-as-of = Số liệu lúc { $time }.

digest-roll-title-forecast = DỰ KIẾN ĐIỂM DANH
digest-roll-title-recorded = ĐIỂM DANH
digest-roll-total = Tổng số đảng viên: { $total } (chính thức { $full }, dự bị { $probationary })
digest-roll-exempted = Miễn sinh hoạt: { $count }
digest-roll-expected = Dự kiến có mặt: { $count }
digest-roll-present = Có mặt: { $count }
digest-roll-excused = Vắng mặt có lý do: { $count }
digest-roll-absent-no-reason = Vắng mặt không có lý do: { $count }
digest-roll-no-answer = Chưa trả lời: { $count }
digest-roll-everyone-answered = Tất cả đảng viên đã trả lời.
digest-roll-nobody-answered = Chưa đồng chí nào trả lời.
digest-roll-record-hint = Chưa điểm danh: ghi người thực tế có mặt bằng lệnh /diemdanh.
digest-reason-line = - { $name }: { $reason }
digest-no-reason-given = (không ghi lý do)

digest-commit-title = ĐĂNG KÝ LÀM THEO ({ $period })
digest-commit-title-none = ĐĂNG KÝ LÀM THEO
digest-commit-no-period = Chưa mở kỳ đăng ký làm theo.
digest-commit-registered = Đã đăng ký: { $count }/{ $total }
digest-commit-missing = Chưa đăng ký: { $names }
digest-commit-deadline = Hạn đăng ký: { $date }
digest-commit-all = Tất cả đã đăng ký.
digest-commit-changed-since = Việc sửa sau khi gửi (kể từ báo cáo lúc { $time }): { $count }
digest-commit-changed = Việc sửa sau khi gửi: { $count }
digest-changed-line = - { $name }: { $text }
digest-deleted-line = - { $name } (đã xóa): { $text }
digest-draft-mark = { $name } (đang soạn)

digest-eval-title = TỰ ĐÁNH GIÁ
digest-eval-window-upcoming = Mở từ { $opens }, đóng khi bắt đầu sinh hoạt.
digest-eval-window-open = Hạn cuối: { $closes } (khi bắt đầu sinh hoạt).
digest-eval-window-closed = Đã đóng lúc { $closes }.
digest-eval-nobody-expected = Chưa có đảng viên nào đăng ký làm theo, nên chưa có gì để tự đánh giá.
digest-eval-submitted = Đã gửi: { $count }/{ $total }
digest-eval-missing = Chưa gửi: { $names }
digest-eval-all = Tất cả đã gửi.
digest-eval-done = Đã hoàn thành: { $count } việc
digest-eval-in-progress = Đang thực hiện: { $count } việc
digest-eval-not-yet = Chưa thực hiện: { $count } việc
digest-eval-not-yet-twice = Chưa thực hiện hai tháng liền: { $count }

digest-warn-title = LƯU Ý RIÊNG CHO CHI ỦY
digest-warn-none = Không có gì cần lưu ý.
digest-warn-absences = Vắng sinh hoạt định kỳ không có lý do từ { $months } tháng trở lên trong năm { $year }: { $count }
digest-warn-absence-line = - { $name }: { $count } tháng ({ $months })
digest-warn-charter = Điều lệ Đảng, Điều 8: đảng viên bỏ sinh hoạt chi bộ ba tháng trong năm mà không có lý do chính đáng thì chi bộ xem xét. Trợ lý tính theo tháng, chỉ các buổi sinh hoạt định kỳ; buổi chưa điểm danh thì không trả lời cũng được tính. Trợ lý chỉ nhắc để chi ủy nắm tình hình, gặp gỡ và tìm hiểu lý do; Trợ lý không tự xử lý.
digest-warn-unreachable = Trợ lý không nhắn tin được: { $count }
digest-warn-unreachable-inactive = - { $name }: đã chặn Trợ lý hoặc ngừng dùng tài khoản chat{ $undelivered ->
    [0] .
   *[other] , { $undelivered } tin chưa gửi được.
}
digest-warn-unreachable-no-chat = - { $name }: chưa có tài khoản chat nào{ $undelivered ->
    [0] .
   *[other] , { $undelivered } tin chưa gửi được.
}

# Buttons under a digest.
digest-do-chart = Biểu đồ 12 tháng
digest-do-previous = Buổi trước
digest-do-attendance = Điểm danh
digest-do-export = Xuất dữ liệu
digest-meeting-not-found = Không tìm thấy buổi sinh hoạt này của chi bộ.
digest-none = Chi bộ chưa có buổi sinh hoạt nào để báo cáo. Quản trị đặt lịch bằng lệnh /lichhop.

# The participation chart (PNG).
digest-chart-title = Tham dự sinh hoạt chi bộ 12 tháng qua · { $branch }
digest-chart-note = Tháng đã điểm danh tính theo điểm danh, tháng chưa điểm danh tính theo trả lời (ghi dưới mỗi cột).
digest-chart-attend = Có mặt / báo tham dự
digest-chart-absent = Vắng có lý do
digest-chart-no-answer = Vắng không lý do / chưa trả lời
digest-chart-from-recorded = điểm danh
digest-chart-from-answers = trả lời
digest-chart-from-both = cả hai
digest-chart-axis = Số lượt
digest-chart-month = T{ $month }
digest-chart-no-meeting = không họp
digest-chart-caption = Biểu đồ tham dự sinh hoạt chi bộ 12 tháng qua: theo điểm danh ở tháng đã điểm danh, theo trả lời của đảng viên ở tháng chưa điểm danh.
digest-chart-file = bieu-do-tham-du

# Settings in /caidat.
digest-setting-hours-label = Gửi báo cáo trước buổi sinh hoạt
digest-setting-hours-value = { $hours } giờ
digest-setting-hours-prompt = Hiện tại: { $current }. Bí thư, phó bí thư nhận báo cáo trước buổi sinh hoạt bao nhiêu giờ? Gõ số giờ từ 1 đến 168 (ví dụ: 24, hoặc 2 ngày).
digest-setting-hours-range = Thời gian phải từ { $min } đến { $max } giờ, tính tròn giờ. Vui lòng gõ lại, ví dụ: 24.
digest-setting-hours-preview = Buổi sinh hoạt lúc { $meeting }: báo cáo sẽ gửi lúc { $at }.
digest-setting-retention-label = Thời gian lưu dữ liệu
digest-setting-retention-value = { $months } tháng
digest-setting-retention-prompt = Hiện tại: { $current }. Trả lời, điểm danh, đăng ký làm theo và tự đánh giá được lưu bao nhiêu tháng? Gõ số tháng từ 12 đến 120 (ví dụ: 36, hoặc 3 năm).
digest-setting-retention-preview = Dữ liệu sinh hoạt trước { $date } sẽ bị xóa ở lần dọn dữ liệu tới và không khôi phục được.
digest-erased = { $count } đồng chí đã xóa dữ liệu của mình trong kỳ này; các số liệu không còn tính phần của họ.
digest-chart-erased = { $count } đồng chí đã xóa dữ liệu của mình trong 12 tháng này; biểu đồ không còn tính phần của họ.
