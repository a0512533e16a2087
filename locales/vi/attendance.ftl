# /diemdanh: who actually attended a meeting (secretaries).
attendance-description = Điểm danh: ghi người thực tế có mặt, vắng có lý do, sau buổi sinh hoạt
attendance-title = ĐIỂM DANH
attendance-meeting = { $kind } lúc { $time }
attendance-from-answers = Đã điền sẵn theo trả lời của đảng viên.
attendance-from-record = Theo điểm danh đã ghi trước đây.
attendance-counts = Có mặt: { $present } · Vắng có lý do: { $excused } · Vắng không lý do: { $noreason }
attendance-hint = Chọn tên (gõ số thứ tự hoặc gõ tên) để đổi có mặt ⇄ vắng. Người vắng có lý do: chọn Ghi lý do vắng. Xong chọn Xác nhận.
attendance-label-present = ✅ { $name }
attendance-label-absent = ❌ { $name } (vắng)
attendance-label-excused = ❌ { $name } (vắng có lý do)
attendance-exempted = { $name }, miễn sinh hoạt
attendance-give-reason = Ghi lý do vắng
attendance-other-meeting = Chọn buổi khác
attendance-pick-meeting = Chọn buổi sinh hoạt cần điểm danh:
attendance-pick-absent = Ghi lý do vắng cho đồng chí nào? Gõ số thứ tự hoặc gõ tên.
attendance-ask-reason = Lý do vắng của đồng chí { $name }? Gõ ngắn gọn, ví dụ: Ốm, nằm viện.
attendance-ask-reason-current =
    Lý do vắng của đồng chí { $name }: { $reason }
    Gõ lý do khác nếu cần sửa.
attendance-reason-keep = Giữ lý do này
attendance-reason-none = Vắng không có lý do
attendance-reason-saved = Đã ghi: đồng chí { $name } vắng có lý do ({ $reason }).
attendance-reason-cleared = Đã ghi: vắng không có lý do.
attendance-back = Quay lại
attendance-now-present = Đã ghi đồng chí { $name }: có mặt.
attendance-now-absent = Đã ghi đồng chí { $name }: vắng.
attendance-pick-number = Trang này không có số { $number }. Vui lòng gõ số có trong danh sách, hoặc gõ tên.
attendance-search-none = Không có ai tên “{ $query }” trong danh sách. Vui lòng gõ số thứ tự hoặc gõ tên khác.
attendance-search-many = Có { $count } người tên “{ $query }”. Vui lòng gõ đầy đủ họ tên hơn, hoặc chọn tên trong danh sách.
attendance-saved =
    Đã ghi điểm danh:
    { $meeting }
    Có mặt: { $present }
    Vắng mặt có lý do: { $excused }
    Vắng mặt không có lý do: { $noreason }
attendance-cancelled = Đã hủy, chưa ghi điểm danh.
attendance-no-meeting = Chi bộ chưa có buổi sinh hoạt nào đã diễn ra để điểm danh.
attendance-not-started = Buổi sinh hoạt lúc { $time } chưa bắt đầu. Điểm danh sau khi buổi sinh hoạt bắt đầu.
