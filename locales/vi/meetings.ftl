# Meetings: the meeting itself, answers (Tham dự / Vắng mặt), /hop and /lichhop.
meeting-hop-description = Buổi sinh hoạt sắp tới, báo tham dự hoặc vắng mặt
meeting-schedule-description = Lịch sinh hoạt định kỳ; dời, hủy hoặc thêm buổi họp

meeting-title-regular-month = Sinh hoạt chi bộ định kỳ tháng { $month }
meeting-title-regular = Sinh hoạt chi bộ
meeting-title-thematic = Sinh hoạt chuyên đề
meeting-line-when = Thời gian: { $when }
meeting-line-place = Địa điểm: { $place }
meeting-line-online = Họp trực tuyến: { $place }
meeting-line-no-place = Địa điểm: chi ủy sẽ thông báo sau
meeting-line-topic = Nội dung: { $topic }

meeting-attend = Tham dự
meeting-absent = Vắng mặt
meeting-answer-none = chưa trả lời
meeting-answer-absent = Vắng mặt (lý do: { $reason })
meeting-absence-ask =
    Lý do vắng?
    Đồng chí vui lòng cho biết ngắn gọn lý do vắng mặt buổi sinh hoạt lúc { $when } (tối đa 500 ký tự). Gõ /huy nếu không muốn báo vắng nữa.
meeting-reason-empty = Lý do vắng chưa có nội dung. Vui lòng gõ lý do bằng chữ, ví dụ: Đi công tác tỉnh. Chưa có gì được lưu.
meeting-reason-too-long = Lý do dài { $count } ký tự, quá mức { $max } ký tự. Vui lòng viết ngắn gọn hơn. Chưa có gì được lưu.
meeting-rsvp-attend-saved = Đã ghi nhận: đồng chí sẽ tham dự buổi sinh hoạt lúc { $when }. Cảm ơn đồng chí! Nếu có thay đổi, gõ /hop để báo lại.
meeting-rsvp-absent-saved = Đã ghi nhận: đồng chí vắng mặt buổi sinh hoạt lúc { $when }, lý do: { $reason }. Nếu có thay đổi, gõ /hop để báo lại.
meeting-rsvp-cancelled = Buổi sinh hoạt lúc { $when } đã được hủy, đồng chí không cần trả lời.
meeting-rsvp-closed = Buổi sinh hoạt lúc { $when } đã bắt đầu nên không thể thay đổi câu trả lời nữa.

meeting-none = Chi bộ chưa có lịch buổi sinh hoạt sắp tới. Khi có lịch, Trợ lý sẽ nhắc đồng chí.
meeting-none-admin = Chi bộ chưa có lịch buổi sinh hoạt sắp tới. Đồng chí có thể đặt lịch sinh hoạt định kỳ bằng lệnh /lichhop.
meeting-your-answer = Trả lời của đồng chí: { $answer }
meeting-exempted-note = Đồng chí đang được miễn sinh hoạt nên không nhận tin nhắc và không bắt buộc trả lời; nếu vẫn dự họp, đồng chí có thể báo ở đây.
meeting-change-until-start = Có thể đổi câu trả lời cho đến khi buổi sinh hoạt bắt đầu.
meeting-later-title = Các buổi sau, có thể báo trước:
meeting-later-line = • { $when }: { $answer }
meeting-later-answer = Báo trước cho buổi { $date }

meeting-menu-title = Lịch sinh hoạt của { $branch }
meeting-menu-rule = Lịch định kỳ: { $rule }
meeting-menu-no-rule = Chi bộ chưa có lịch sinh hoạt định kỳ.
meeting-menu-upcoming =
    Các buổi sắp tới:
    { $list }
meeting-menu-cancelled = { $meeting } – đã hủy
meeting-menu-cancelled-reason = { $meeting } – đã hủy, lý do: { $reason }
meeting-menu-ask = Đồng chí muốn làm gì?
meeting-menu-set-rule = Đặt lịch định kỳ
meeting-menu-edit-rule = Sửa lịch định kỳ
meeting-menu-move = Dời một buổi họp
meeting-menu-cancel = Hủy một buổi họp
meeting-menu-add = Thêm buổi họp
meeting-cancel-keep = Không hủy nữa
meeting-cancel-kept = Không hủy: buổi họp vẫn giữ nguyên lịch.

meeting-rule-day = ngày { $day } hằng tháng, lúc { $time }
meeting-rule-nth = { $weekday } tuần thứ { $nth } hằng tháng, lúc { $time }
meeting-rule-last = { $weekday } cuối cùng của tháng, lúc { $time }
meeting-rule-invalid = Lịch chưa đủ thông tin. Vui lòng chọn Sửa để nhập lại.
meeting-ask-kind = Buổi sinh hoạt chi bộ định kỳ họp vào ngày nào trong tháng?
meeting-kind-day = Một ngày cố định (ví dụ ngày 5)
meeting-kind-nth = Một thứ của tuần thứ mấy (ví dụ Thứ Năm tuần thứ 2)
meeting-kind-last = Thứ … cuối cùng của tháng
meeting-ask-day = Ngày mấy trong tháng? Gõ một số từ 1 đến 31. Tháng nào không có ngày đó thì họp vào ngày cuối tháng.
meeting-day-out-of-range = Ngày trong tháng phải là một số từ 1 đến 31, ví dụ: 5. Vui lòng gõ lại.
meeting-ask-nth = Tuần thứ mấy trong tháng?
meeting-nth-label = { $nth ->
    [1] Tuần thứ nhất
    [2] Tuần thứ hai
    [3] Tuần thứ ba
   *[4] Tuần thứ tư
}
meeting-nth-invalid = Vui lòng chọn tuần thứ nhất, hai, ba hoặc tư.
meeting-ask-weekday = Thứ mấy của tuần thứ { $nth }? Chọn trong danh sách, hoặc gõ như: thứ 5, chủ nhật.
meeting-ask-weekday-last = Thứ mấy cuối cùng của tháng? Chọn trong danh sách, hoặc gõ như: thứ 6, chủ nhật.
meeting-weekday-invalid = Chưa hiểu thứ trong tuần. Vui lòng chọn trong danh sách, hoặc gõ như: thứ 2, thứ 5, chủ nhật.
meeting-ask-time = Họp lúc mấy giờ? Gõ như: 14:00, 14h, 14h30 hoặc 7 giờ tối.
meeting-keep-time = Giữ giờ cũ ({ $time })
meeting-usual-time = Giờ thường lệ ({ $time })
meeting-time-format = Chưa hiểu giờ “{ $input }”. Vui lòng gõ như: 14:00, 14h, 14h30 hoặc 2 giờ chiều.
meeting-time-range = “{ $input }” không phải là giờ hợp lệ: giờ từ 0 đến 23, phút từ 0 đến 59. Ví dụ: 14:00. Vui lòng gõ lại.
meeting-ask-place = Họp ở đâu? Gõ địa điểm (ví dụ: Nhà văn hóa khu phố) hoặc đường link họp trực tuyến.
meeting-current = Hiện tại: { $value }
meeting-current-none = Hiện chưa có.
meeting-keep-place = Giữ: { $place }
meeting-no-place = Chưa có, chi ủy báo sau
meeting-ask-topic = Nội dung buổi họp (ví dụ: Kiểm điểm công tác tháng, triển khai nhiệm vụ tháng tới)?
meeting-ask-topic-thematic = Chủ đề của buổi sinh hoạt chuyên đề? (ví dụ: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tiết kiệm)
meeting-keep-topic = Giữ: { $topic }
meeting-no-topic = Không ghi nội dung
meeting-none-yet = chưa có
meeting-text-empty = Nội dung chưa có chữ. Vui lòng gõ lại.
meeting-text-too-long = Nội dung dài quá { $max } ký tự. Vui lòng viết ngắn gọn hơn.
meeting-text-number = “{ $input }” không phải là lựa chọn ở bước này. Vui lòng chọn trong danh sách, hoặc gõ nội dung bằng chữ.

meeting-rule-preview =
    Lịch sinh hoạt định kỳ mới: { $rule }
    Địa điểm: { $place }
    Nội dung: { $topic }
    Ba buổi tới:
    { $dates }
meeting-preview-line = { $when }
meeting-preview-line-holiday = { $when } – lưu ý: ngày nghỉ { $holiday }
meeting-preview-line-shifted = { $original } là ngày nghỉ { $holiday } → đề xuất dời sang { $when }
meeting-preview-note = Nếu sau này có buổi rơi vào ngày nghỉ lễ, Trợ lý sẽ dời sang ngày làm việc kế tiếp và báo quản trị. Chọn Xác nhận để lưu.
meeting-preview-holiday-note = Có buổi rơi vào ngày nghỉ lễ. Chọn “{ $shift }” để họp vào ngày làm việc kế tiếp, hoặc “Giữ đúng ngày” để họp đúng theo lịch.
meeting-keep-holiday-dates = Giữ đúng ngày
meeting-shift-to = Dời sang { $date }
meeting-shift-all = Dời sang các ngày đề xuất
meeting-rule-saved = Đã lưu lịch sinh hoạt định kỳ: { $rule }.
meeting-next-dates =
    Các buổi tới:
    { $dates }
meeting-rule-kept = Buổi lúc { $when } giữ nguyên giờ cũ vì các đồng chí đã được nhắc. Nếu cần đổi, dùng /lichhop → Dời một buổi họp.
meeting-members-told = Đã báo cho { $count } đồng chí về thay đổi lịch họp.

meeting-holiday-new-year = Tết Dương lịch
meeting-holiday-tet = Tết Nguyên đán
meeting-holiday-hung-kings = Giỗ Tổ Hùng Vương
meeting-holiday-reunification = Ngày Giải phóng miền Nam, thống nhất đất nước
meeting-holiday-labour = Ngày Quốc tế Lao động
meeting-holiday-national-day = Quốc khánh
meeting-holiday-compensatory = nghỉ bù ngày lễ
meeting-holiday-warning = Lưu ý: ngày này là ngày nghỉ ({ $holiday }).
meeting-shifted-notice =
    Buổi sinh hoạt định kỳ rơi vào { $original } ({ $holiday }) nên đã được dời sang ngày làm việc kế tiếp:
    { $facts }
    Nếu muốn họp ngày khác, dùng /lichhop → Dời một buổi họp.

meeting-pick-move = Dời buổi họp nào?
meeting-pick-cancel = Hủy buổi họp nào?
meeting-pick-gone = Buổi họp này không còn trong lịch (đã qua hoặc đã hủy). Vui lòng chọn buổi khác.
meeting-ask-date = Họp ngày nào? Gõ ngày/tháng/năm, ví dụ 05/12/2026 hoặc 5/12. (Bây giờ là { $today })
meeting-ask-date-move = Dời sang ngày nào? Gõ ngày/tháng/năm, ví dụ 05/12/2026 hoặc 5/12. (Bây giờ là { $today })
meeting-date-format = Chưa hiểu ngày “{ $input }”. Vui lòng gõ theo dạng ngày/tháng/năm, ví dụ 05/12/2026 hoặc 5/12.
meeting-date-month = Tháng { $month } không có trong lịch (tháng từ 1 đến 12). Vui lòng gõ lại ngày, ví dụ 05/12/2026.
meeting-date-year = Năm { $year } không hợp lệ. Vui lòng gõ lại ngày, ví dụ 05/12/2026.
meeting-date-not-exist = Ngày { $date } không có trong lịch. Vui lòng gõ lại.
meeting-date-past = Ngày { $date } đã qua. Vui lòng chọn một ngày từ hôm nay trở đi.
meeting-date-too-far = Chỉ xếp lịch được trong vòng { $days } ngày tới. Vui lòng chọn ngày gần hơn.
meeting-datetime-past = Thời điểm này đã qua (bây giờ là { $now }). Vui lòng chọn giờ muộn hơn.
meeting-ask-add-kind = Thêm buổi sinh hoạt nào?
meeting-add-regular = Sinh hoạt chi bộ (buổi bổ sung)
meeting-add-preview =
    Thêm buổi họp:
    { $facts }
    Các đồng chí sẽ được nhắc theo lịch nhắc của chi bộ.
meeting-added-done =
    Đã thêm buổi họp:
    { $facts }
meeting-ask-cancel-reason = Lý do hủy buổi họp? Lý do sẽ được gửi kèm thông báo cho các đồng chí.
meeting-no-reason = Không nêu lý do
meeting-reason-none = không nêu
meeting-cancel-preview =
    Hủy buổi họp:
    { $facts }
    Lý do: { $reason }
    { $count ->
        [0] Chưa đồng chí nào được nhắc hoặc trả lời, nên không cần báo cho ai.
       *[other] Sẽ báo cho { $count } đồng chí đã được nhắc hoặc đã trả lời.
    }
meeting-cancelled-done = { $count ->
    [0] Đã hủy buổi họp lúc { $when }.
   *[other] Đã hủy buổi họp lúc { $when }. Đã báo cho { $count } đồng chí.
}
meeting-cancelled-notice =
    Thông báo: buổi sinh hoạt sau đã được hủy, đồng chí không cần đến dự.
    { $facts }
meeting-cancelled-reason = Lý do: { $reason }
meeting-move-preview =
    Dời buổi họp:
    { $facts }
    Dời sang: { $when }
    { $count ->
        [0] Chưa đồng chí nào được nhắc hoặc trả lời; các đồng chí sẽ được nhắc theo giờ mới.
       *[other] Sẽ báo cho { $count } đồng chí đã được nhắc hoặc đã trả lời, và hỏi lại tham dự hay vắng mặt theo giờ mới.
    }
meeting-moved-done = { $count ->
    [0] Đã dời buổi họp sang { $when }.
   *[other] Đã dời buổi họp sang { $when }. Đã báo cho { $count } đồng chí.
}
meeting-moved-notice =
    Thông báo: buổi sinh hoạt được dời lịch (lịch cũ: { $was }):
    { $facts }
meeting-moved-answer-again = Trước đây đồng chí đã báo: { $answer }. Vui lòng báo lại cho lịch mới.
meeting-updated-notice =
    Thông báo thay đổi thông tin buổi sinh hoạt:
    { $facts }
