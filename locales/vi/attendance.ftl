# /diemdanh: who actually attended a meeting (secretaries).
attendance-description = Điểm danh: ghi người thực tế có mặt sau buổi sinh hoạt
attendance-title = ĐIỂM DANH
attendance-meeting = { $kind }, { $time }
attendance-from-answers = Đã điền sẵn theo trả lời tham dự của đảng viên.
attendance-from-record = Theo điểm danh đã ghi trước đây.
attendance-counts = Có mặt: { $present } · Vắng: { $absent }
attendance-hint = Bấm tên (hoặc gõ số thứ tự, hoặc gõ tên) để đổi Có mặt ⇄ Vắng. Xong bấm Xác nhận.
attendance-label-present = ✅ { $name }
attendance-label-absent = ❌ { $name } (vắng)
attendance-exempted = { $name }, miễn SH
attendance-other-meeting = Chọn buổi khác
attendance-pick-meeting = Chọn buổi sinh hoạt cần điểm danh:
attendance-back = Quay lại
attendance-now-present = Đã ghi đồng chí { $name }: có mặt.
attendance-now-absent = Đã ghi đồng chí { $name }: vắng.
attendance-pick-number = Trang này không có số { $number }. Vui lòng bấm tên, gõ số có trong danh sách, hoặc gõ tên.
attendance-search-none = Không có ai tên “{ $query }” trong danh sách. Vui lòng bấm tên hoặc gõ số thứ tự.
attendance-search-many = Có { $count } người tên “{ $query }”. Vui lòng gõ đầy đủ họ tên hơn, hoặc bấm tên trong danh sách.
attendance-saved = Đã ghi điểm danh { $meeting }.
    Có mặt: { $present }
    Vắng mặt: { $absent } (có lý do { $excused }, không có lý do { $noreason })
attendance-cancelled = Đã hủy, chưa ghi điểm danh.
attendance-no-meeting = Chi bộ chưa có buổi sinh hoạt nào đã diễn ra để điểm danh.
attendance-not-started = Buổi sinh hoạt lúc { $time } chưa bắt đầu. Điểm danh sau khi buổi sinh hoạt bắt đầu.
