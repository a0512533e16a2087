# /dangky, /gopy, /cuatoi and the admin's management of Directive 03 (đăng ký làm theo gương Bác).
commitment-description = Đăng ký việc làm theo gương Bác: thêm, sửa, xóa, gửi
commitment-review-description = Góp ý việc đăng ký của đảng viên; tổng hợp đề xuất xếp loại
commitment-mine-description = Việc đăng ký, góp ý và tự đánh giá của mình
commitment-period-year = năm { $year }
commitment-period-missing = Chi bộ chưa mở kỳ đăng ký làm theo gương Bác. Vui lòng hỏi quản trị chi bộ.

## The member's list
commitment-list-title = Việc đăng ký làm theo gương Bác – { $period }
commitment-deadline = Hạn đăng ký: { $date }.
commitment-deadline-passed = Đã hết hạn đăng ký ({ $date }).
commitment-list-empty = Đồng chí chưa đăng ký việc nào. Mỗi đồng chí đăng ký từ { $min } đến { $max } việc làm cụ thể.
commitment-list-hint-submit = Có { $count } việc chưa gửi. Chọn Xác nhận để gửi chi ủy.
commitment-list-hint-submitted = Đã gửi chi ủy. Đồng chí vẫn có thể sửa đến hết ngày { $date }; chi ủy sẽ được báo.
commitment-add = Thêm việc
commitment-close = Đóng
commitment-manage = Quản lý
commitment-back = Quay lại
commitment-list-closed = Đã đóng. Gõ /dangky khi cần xem hoặc sửa.
commitment-pick-number = Không có lựa chọn số { $input }. Vui lòng gõ một số có trong danh sách dưới đây.
commitment-list-use-buttons = Vui lòng chọn bên dưới: một việc để xem, sửa, xóa; hoặc Thêm việc.
commitment-status-draft = chưa gửi
commitment-status-submitted = đã gửi { $date }
commitment-status-changed = đã sửa { $date }
commitment-status-revision = chi ủy đề nghị sửa

## Adding and editing
commitment-ask-first =
    Đồng chí đăng ký việc làm cụ thể nào để làm theo gương Bác? Gõ việc thứ { $n } (một việc, tối đa { $max } ký tự).
    Ví dụ: Đi làm đúng giờ, không dùng điện thoại vào việc riêng trong giờ làm việc.
commitment-ask-text = Gõ việc thứ { $n } (một việc làm cụ thể, tối đa { $max } ký tự).
commitment-ask-edit =
    Nội dung hiện tại: { $text }
    Gõ nội dung mới (tối đa { $max } ký tự).
commitment-ask-standard = Việc này gắn với chuẩn mực đạo đức nào của chi bộ? Chọn một, hoặc chọn Bỏ qua.
commitment-added = Đã thêm việc thứ { $n }.
commitment-added-need = Cần thêm ít nhất { $more } việc nữa rồi chọn Xác nhận.
commitment-added-more = Có thể thêm việc khác, hoặc chọn Xác nhận để gửi chi ủy.
commitment-added-full = Đã đủ số việc tối đa. Chọn Xác nhận để gửi chi ủy.
commitment-saved-draft = Đã lưu (chưa gửi). Chọn Xác nhận để gửi chi ủy.
commitment-duplicate = Việc này đã có trong danh sách. Vui lòng gõ một việc khác.
commitment-max-reached = Đã đủ { $max } việc, là số tối đa của chi bộ. Muốn thêm, hãy xóa hoặc sửa một việc.
commitment-too-few = Cần ít nhất { $min } việc mới gửi được. Chọn Thêm việc.
commitment-too-many = Chi bộ quy định tối đa { $max } việc. Vui lòng xóa bớt trước khi gửi.
commitment-nothing-to-submit = Không có việc nào mới để gửi.
commitment-submitted = Đã gửi { $count } việc đăng ký đến chi ủy. Đồng chí có thể sửa đến hết ngày { $date } bằng lệnh /dangky.
commitment-registration-closed = Đã hết hạn đăng ký ({ $date }), nên không sửa được nữa. Nếu cần thay đổi, vui lòng trao đổi với chi ủy.
commitment-card = Việc { $n }: { $text }
commitment-card-standard = Chuẩn mực đạo đức: { $standard }
commitment-card-status = Tình trạng: { $status }
commitment-card-reviews = Góp ý của chi ủy:
commitment-standard-archived = (chuẩn mực đã bỏ)
commitment-delete = Xóa
commitment-move-up = Lên trên
commitment-move-down = Xuống dưới
commitment-link-standard = Gắn chuẩn mực đạo đức
commitment-not-found = Không tìm thấy việc này (có thể đã bị xóa). Gõ /dangky để xem danh sách.
commitment-moved = Đã chuyển thành việc thứ { $n }.
commitment-unchanged = Chưa thay đổi gì.
commitment-confirm-edit =
    Sửa việc đã gửi:
    Trước: { $from }
    Nay: { $to }
    Sau khi Xác nhận, chi ủy sẽ được báo.
commitment-changed = Đã lưu thay đổi và báo chi ủy.
commitment-changed-revision = Đã sửa theo đề nghị và báo chi ủy.
commitment-confirm-delete = Xóa việc: { $text }?
commitment-deleted = Đã xóa.
commitment-delete-min = Cần giữ ít nhất { $min } việc đã gửi. Đồng chí có thể Sửa việc này, hoặc thêm và gửi việc mới trước rồi mới xóa.
commitment-standard-none = Không gắn
commitment-standard-gone = Chuẩn mực này không còn. Vui lòng chọn lại.
commitment-standard-linked = Đã gắn chuẩn mực đạo đức.
commitment-standard-unlinked = Đã bỏ gắn chuẩn mực đạo đức.

## Free text, checked the same way in every flow
commitment-input-empty = Nội dung trống. Vui lòng gõ nội dung.
commitment-input-too-long = Nội dung dài { $count } ký tự, quá mức { $max } ký tự. Vui lòng viết gọn lại. Chưa có gì được lưu.
commitment-input-number = “{ $input }” không phải là lựa chọn ở bước này. Vui lòng gõ nội dung bằng chữ.
commitment-input-too-short = Nội dung quá ngắn. Vui lòng viết rõ hơn.

## Told to the chi ủy
commitment-notice-added =
    Đồng chí { $name } đã gửi thêm việc đăng ký ({ $period }):
    { $items }
commitment-notice-changed =
    Đồng chí { $name } đã sửa việc đăng ký ({ $period }):
    Trước: { $from }
    Nay: { $to }
commitment-notice-revised =
    Đồng chí { $name } đã sửa việc đăng ký theo đề nghị của chi ủy ({ $period }):
    Trước: { $from }
    Nay: { $to }
commitment-notice-deleted = Đồng chí { $name } đã xóa một việc đăng ký ({ $period }): { $text }

## Reminder and announcements
commitment-reminder = Nhắc đăng ký làm theo gương Bác ({ $period }): hạn đăng ký là { $date }. Đồng chí chưa gửi việc đăng ký nào (cần ít nhất { $min } việc). Chọn Đăng ký ngay, hoặc gõ /dangky.
commitment-next-opens = Đăng ký năm { $year } sẽ mở ngày { $date } (hoặc sớm hơn nếu chi ủy mở trước); Trợ lý sẽ báo đồng chí.
commitment-register-now = Đăng ký ngay
commitment-period-opened = Chi bộ đã mở đăng ký làm theo gương Bác { $period }. Hạn đăng ký: { $date }. Chọn Đăng ký ngay, hoặc gõ /dangky.

## /gopy
commitment-review-title = Góp ý việc đăng ký – { $period }. Đã đăng ký: { $registered }/{ $total } đồng chí.
commitment-review-filter = Tìm “{ $query }”: { $count } đồng chí.
commitment-review-hint = Chọn một đồng chí, hoặc gõ tên để tìm.
commitment-review-member-label = { $name } · { $tag }
commitment-review-tag-none = chưa gửi
commitment-review-tag-count = { $count } việc
commitment-review-tag-changed = mới sửa
commitment-review-tag-revision = chờ sửa
commitment-review-all = Tất cả
commitment-review-closed = Đã đóng.
commitment-review-search-invalid = Vui lòng gõ tên (tối đa { $max } ký tự), hoặc chọn trong danh sách.
commitment-review-search-none = Không có đồng chí nào tên “{ $query }”. Gõ tên khác, hoặc chọn trong danh sách.
commitment-review-member-gone = Không tìm thấy đồng chí này trong chi bộ.
commitment-review-member-title = Việc đăng ký của đồng chí { $name }:
commitment-review-member-none = Đồng chí chưa gửi việc đăng ký nào.
commitment-review-member-drafts = ({ $count } việc đang soạn, chưa gửi.)
commitment-review-pick-commitment = Chọn một việc để góp ý.
commitment-review-card = Đồng chí { $name } – { $text }
commitment-review-comment = Góp ý
commitment-review-revision = Đề nghị sửa
commitment-review-ask-comment = Gõ góp ý cho đồng chí { $name } (tối đa { $max } ký tự).
commitment-review-ask-revision = Gõ nội dung đề nghị đồng chí { $name } sửa (tối đa { $max } ký tự).
commitment-review-confirm-comment =
    Gửi góp ý đến đồng chí { $name }?
    Việc: { $commitment }
    Góp ý: { $text }
commitment-review-confirm-revision =
    Gửi đề nghị sửa đến đồng chí { $name }?
    Việc: { $commitment }
    Đề nghị: { $text }
commitment-review-sent = Đã gửi góp ý đến đồng chí { $name }.
commitment-review-sent-revision = Đã gửi đề nghị sửa đến đồng chí { $name }. Khi đồng chí sửa xong, chi ủy sẽ được báo.
commitment-review-not-sent = Chưa gửi gì.
commitment-review-notice-comment =
    Góp ý của đồng chí { $author } ({ $title }) về việc đăng ký của đồng chí:
    Việc: { $commitment }
    Góp ý: { $text }
commitment-review-notice-revision =
    Đồng chí { $author } ({ $title }) đề nghị đồng chí sửa việc đăng ký:
    Việc: { $commitment }
    Đề nghị: { $text }
    Chọn Sửa việc này để sửa.
commitment-review-answer = Sửa việc này
commitment-review-open = Xem việc này
commitment-review-line-comment = • Góp ý của { $author } ({ $date }): { $text }
commitment-review-line-revision = • Đề nghị sửa của { $author } ({ $date }): { $text }
commitment-review-author-unknown = chi ủy

## /cuatoi
commitment-mine-title = Hồ sơ của đồng chí { $name }
commitment-mine-commitments = Việc đăng ký { $period } (hạn đăng ký { $date }):
commitment-mine-none = Chưa đăng ký việc nào. Chọn Đăng ký / sửa, hoặc gõ /dangky.
commitment-mine-evaluations = Tự đánh giá các tháng:
commitment-mine-evaluations-none = Chưa có lần tự đánh giá nào.
commitment-mine-evaluation-sent = • Tháng { $month }: { $summary }
commitment-mine-evaluation-draft = • Tháng { $month } (bản nháp, chưa gửi): { $summary }
commitment-mine-evaluation-empty = chưa trả lời
commitment-mine-latest = Tự đánh giá tháng { $month }:
commitment-mine-rating = Mức xếp loại đồng chí tự đề xuất năm { $year }: { $level } (chi bộ xem xét, quyết định).
commitment-mine-open = Đăng ký / sửa

## /dangky → Quản lý (admins)
commitment-admin-title = Quản lý đăng ký làm theo gương Bác – { $branch }
commitment-admin-period = Kỳ đăng ký { $period }: hạn { $date }; đã đăng ký { $registered }/{ $members } đồng chí.
commitment-admin-standards = Chuẩn mực đạo đức của chi bộ: { $count }.
commitment-admin-review-none = Kiểm điểm cuối năm { $year }: chưa mở.
commitment-admin-review-open = Kiểm điểm cuối năm { $year }: đang mở, đến hết ngày { $date }.
commitment-admin-review-closed = Kiểm điểm cuối năm { $year }: đã đóng.
commitment-admin-settings-hint = Số việc mỗi đồng chí đăng ký, thời gian nhắc và mở tự đánh giá: gõ /caidat.
commitment-admin-deadline = Đổi hạn đăng ký
commitment-admin-next = Mở kỳ đăng ký năm { $year }
commitment-admin-standards-button = Chuẩn mực đạo đức
commitment-admin-review = Kiểm điểm cuối năm { $year }
commitment-admin-deadline-ask = Hạn đăng ký { $period } hiện là { $date }. Gõ hạn mới, ví dụ 31/03 hoặc 31/03/2027.
commitment-deadline-past = Hạn mới phải sau thời điểm hiện tại. Vui lòng gõ một ngày sắp tới.
commitment-deadline-outside = Hạn đăng ký phải nằm trong { $period }. Vui lòng gõ lại.
commitment-admin-deadline-confirm = Đổi hạn đăng ký { $period } từ { $from } thành { $to }?
commitment-admin-deadline-saved = Đã đổi hạn đăng ký { $period } thành { $date }.
commitment-admin-next-confirm = Mở kỳ đăng ký năm { $year }, hạn đăng ký { $date }? Từ nay /dangky nhận đăng ký cho năm { $year }; tự đánh giá các tháng còn lại của năm nay vẫn theo việc đã đăng ký. Mọi đảng viên sẽ được báo.
commitment-admin-next-saved = Đã mở kỳ đăng ký { $period } và báo các đồng chí.
commitment-admin-review-start = Mở kiểm điểm năm { $year }
commitment-admin-review-date = Đổi ngày đóng kiểm điểm
commitment-admin-review-ask-date = Kiểm điểm cuối năm { $year } mở đến hết ngày nào? Gõ ngày (ví dụ: 10/01), trong vòng { $max } ngày tới, hoặc chọn bên dưới.
commitment-admin-review-date-now = Hiện mở đến hết { $date }.
commitment-admin-review-date-default = Đến hết { $date } ({ $days } ngày)
commitment-admin-review-date-past = Ngày đóng phải sau hôm nay. Vui lòng gõ một ngày sắp tới.
commitment-admin-review-date-far = Kiểm điểm cuối năm chỉ mở tối đa { $max } ngày. Vui lòng gõ một ngày gần hơn.
commitment-admin-review-date-confirm = Đổi ngày đóng kiểm điểm cuối năm { $year } từ { $from } thành hết { $to }? Các đồng chí chưa đề xuất sẽ được báo.
commitment-admin-review-date-saved = Kiểm điểm cuối năm { $year } nay mở đến hết { $date }; đã báo { $count } đồng chí chưa đề xuất.
commitment-admin-review-close = Đóng kiểm điểm
commitment-admin-review-explain = Khi mở, mỗi đồng chí tự đề xuất một trong bốn mức xếp loại (Quy định 366-QĐ/TW) kèm lý do, và nhận bản kiểm điểm nháp tổng hợp từ việc đăng ký và tự đánh giá trong năm. Trợ lý chỉ tổng hợp; chi bộ xem xét, quyết định.
commitment-admin-review-open-confirm = Mở kiểm điểm cuối năm { $year } đến hết ngày { $date }? Mọi đảng viên sẽ được mời tự đề xuất mức xếp loại.
commitment-admin-review-close-confirm = Đóng kiểm điểm cuối năm { $year }? Các đồng chí sẽ không đề xuất hoặc sửa được nữa.
commitment-admin-review-opened-saved = Đã mở kiểm điểm cuối năm { $year } và mời { $count } đồng chí.
commitment-admin-review-closed-saved = Đã đóng kiểm điểm cuối năm { $year }.
commitment-standards-title = Chuẩn mực đạo đức của chi bộ:
commitment-standards-empty = Chưa có chuẩn mực nào. Chọn Thêm chuẩn mực.
commitment-standard-add = Thêm chuẩn mực
commitment-standards-full = Đã có { $max } chuẩn mực, là số tối đa. Chuẩn mực nên ngắn gọn, dễ nhớ; vui lòng bỏ bớt trước.
commitment-standard-card = Chuẩn mực: { $text }
commitment-standard-ask = Gõ chuẩn mực đạo đức (ngắn gọn, dễ nhớ, tối đa { $max } ký tự). Ví dụ: Tận tụy, trách nhiệm với công việc; gần dân, trọng dân.
commitment-standard-ask-edit = Gõ nội dung mới của chuẩn mực (tối đa { $max } ký tự).
commitment-standard-duplicate = Chuẩn mực này đã có. Vui lòng gõ nội dung khác.
commitment-standard-confirm-add = Thêm chuẩn mực: { $text }?
commitment-standard-confirm-edit =
    Sửa chuẩn mực:
    Trước: { $from }
    Nay: { $to }
commitment-standard-confirm-delete = Bỏ chuẩn mực: { $text }? Các việc đã gắn với chuẩn mực này vẫn giữ nguyên.
commitment-standard-saved = Đã lưu chuẩn mực.
commitment-standard-removed = Đã bỏ chuẩn mực.

## /caidat
commitment-setting-count-label = Số việc đăng ký
commitment-setting-count-value = { $min }–{ $max } việc
commitment-setting-count-prompt = Mỗi đồng chí đăng ký bao nhiêu việc làm theo gương Bác? Hiện: { $current }. Gõ số ít nhất và nhiều nhất, ví dụ 1-5.
commitment-setting-count-format = Vui lòng gõ số ít nhất và nhiều nhất, ví dụ 1-5 (nhiều nhất { $max }).
commitment-setting-count-range = Số việc phải từ 1 đến { $max }, số trước không lớn hơn số sau. Ví dụ 1-5.
commitment-setting-remind-label = Nhắc đăng ký trước hạn
commitment-setting-remind-value = { $days } ngày trước hạn
commitment-setting-remind-prompt = Nhắc các đồng chí chưa đăng ký bao nhiêu ngày trước hạn đăng ký? Hiện: { $current }. Gõ số ngày (1–60).
commitment-setting-window-label = Mở tự đánh giá
commitment-setting-window-value = { $days } ngày trước buổi sinh hoạt
commitment-setting-window-prompt = Mở tự đánh giá hằng tháng bao nhiêu ngày trước buổi sinh hoạt chi bộ? Hiện: { $current }. Gõ số ngày (1–14).
commitment-setting-window-preview = Buổi sinh hoạt tới ({ $meeting }): tự đánh giá sẽ mở từ { $opens }.
