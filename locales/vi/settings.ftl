# /caidat: the branch's settings.
settings-description = Cài đặt của chi bộ: múi giờ, giờ yên tĩnh, nhắc thêm, đăng ký làm theo, tự đánh giá, báo cáo, tin hằng ngày cho chi ủy, thời gian lưu dữ liệu
settings-menu-title = Cài đặt của { $branch }:
settings-menu-ask = Đồng chí muốn sửa mục nào?
settings-confirm = { $setting }: { $from } → { $to }
settings-saved = Đã lưu. { $setting }: { $value }.
settings-number-format = Vui lòng gõ một số từ { $min } đến { $max }.
settings-number-range = Số phải từ { $min } đến { $max }. Vui lòng gõ lại.
settings-range-format = Chưa hiểu khoảng giờ. Vui lòng gõ như: 21:00-07:00 (từ 21 giờ tối đến 7 giờ sáng), hoặc gõ “tắt”.

settings-timezone-label = Múi giờ
settings-timezone-prompt = Múi giờ hiện tại: { $current }. Gõ múi giờ mới theo tên chuẩn (ví dụ Asia/Ho_Chi_Minh, Europe/Berlin) hoặc tên thành phố (ví dụ Berlin).
settings-timezone-invalid = Không tìm thấy múi giờ “{ $input }”. Vui lòng gõ tên chuẩn như Asia/Ho_Chi_Minh hoặc Europe/Berlin.
settings-timezone-preview = Giờ hiện tại theo múi giờ mới: { $now }. Các buổi họp định kỳ giữ nguyên giờ địa phương.
settings-timezone-replanned = Đã xếp lại { $count } buổi họp định kỳ sắp tới theo múi giờ mới.

settings-quiet-label = Giờ yên tĩnh
settings-quiet-prompt = Giờ yên tĩnh hiện tại: { $current }. Trong khoảng này Trợ lý không gửi tin nào, trừ khi trả lời tin đồng chí vừa nhắn; tin rơi vào đó được gửi khi hết giờ yên tĩnh (tin nhắc họp thì chỉ khi vẫn trước buổi họp). Gõ khoảng giờ như 21:00-07:00, hoặc gõ “tắt”.
settings-quiet-off = không có
settings-quiet-same = Giờ bắt đầu và giờ kết thúc trùng nhau. Nếu muốn bỏ giờ yên tĩnh, gõ “tắt”.

settings-nudge-count-label = Số lần nhắc thêm
settings-nudge-count-prompt = Hiện tại: { $current }. Đảng viên chưa trả lời sẽ được nhắc thêm tối đa mấy lần (từ 0 đến 5)?
settings-nudge-count-value = { $count } lần
settings-nudge-none = không nhắc thêm
settings-nudge-interval-label = Khoảng cách nhắc thêm
settings-nudge-interval-prompt = Hiện tại: { $current }. Các lần nhắc thêm cách nhau bao nhiêu giờ (từ 1 đến 72)?
settings-hours-value = { $count } giờ
