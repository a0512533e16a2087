# /thanhvien: the branch's members, roles and status (admins).
members-description = Danh sách đảng viên: vai trò, chính thức / dự bị, miễn sinh hoạt, sửa họ tên, xóa
members-summary = { $branch }: { $active } đảng viên ({ $full } chính thức, { $probationary } dự bị), { $exempted } miễn sinh hoạt.
members-summary-removed = { $removed } đồng chí đã bị xóa khỏi danh sách (ở cuối danh sách).
members-list-hint = Chọn một đồng chí (gõ số thứ tự) để xem và thay đổi, hoặc gõ tên để tìm.
members-filter = Tìm “{ $query }”: { $count } đồng chí.
members-search-none = Không tìm thấy đồng chí nào tên “{ $query }”. Vui lòng gõ tên khác, hoặc chọn trong danh sách.
members-search-too-long = Tên cần tìm dài quá { $max } ký tự. Vui lòng gõ ngắn hơn, ví dụ: Bình.
members-search-invalid = Vui lòng chọn trong danh sách, hoặc gõ tên cần tìm (ví dụ: Bình).
members-pick-number = Trang này không có số { $number }. Vui lòng chọn số từ 1 đến { $max }, hoặc gõ tên để tìm.
members-label = { $name } · { $tags }
members-tag-probationary = dự bị
members-tag-exempted = miễn SH
members-tag-removed = đã xóa
members-all = Tất cả
members-close = Đóng
members-closed = Đã đóng danh sách đảng viên.
members-back = Danh sách
members-card = Đồng chí { $name }
    Vai trò: { $role }
    Đảng viên: { $party }
    Miễn sinh hoạt: { $exempted }
    Mẫu bản kiểm điểm: { $form }
    Trạng thái: { $status }
    Tham gia: { $joined }
    Nhận tin qua: { $chats }
members-party-full = chính thức
members-party-probationary = dự bị
members-yes = có
members-no = không
members-exempted-detail = có – lý do: { $reason }; { $until }
members-exempt-no-reason = không ghi
members-exempt-until = đến hết { $date }
members-exempt-open = không thời hạn
members-form-unset = chưa chọn (đồng chí sẽ được hỏi khi kiểm điểm cuối năm)
members-status-active = trong danh sách
members-status-removed = đã xóa khỏi danh sách ngày { $date }
members-no-chat = chưa có tài khoản chat nào nhận được tin
members-namesake-hint = Có đồng chí khác cùng họ tên nên các danh sách đang ghi số thứ tự. Chọn “Ghi chú phân biệt” (ví dụ: sinh 1958, tổ 5) để mọi danh sách và báo cáo ghi rõ hơn.
members-do-sec1 = Giao vai trò bí thư
members-do-dep1 = Giao vai trò phó bí thư
members-do-sec0 = Thôi vai trò bí thư
members-do-dep0 = Thôi vai trò phó bí thư
members-do-adm1 = Giao quyền quản trị
members-do-adm0 = Bỏ quyền quản trị
members-do-full = Ghi là chính thức
members-do-prob = Ghi là dự bị
members-do-ex1 = Miễn sinh hoạt
members-do-ex0 = Bỏ miễn sinh hoạt
members-do-name = Sửa họ tên
members-do-note = Ghi chú phân biệt
members-do-form = Mẫu bản kiểm điểm
members-do-rm = Xóa khỏi danh sách
members-do-restore = Khôi phục vào danh sách
members-confirm-sec1 = Giao vai trò bí thư cho đồng chí { $name }? Đồng chí sẽ nhận báo cáo của chi bộ và xem được các câu trả lời của đảng viên. Các bí thư, phó bí thư hiện có sẽ được báo.
members-confirm-dep1 = Giao vai trò phó bí thư cho đồng chí { $name }? Đồng chí sẽ nhận báo cáo của chi bộ và xem được các câu trả lời của đảng viên, như bí thư. Các bí thư, phó bí thư hiện có sẽ được báo.
members-confirm-sec0 = Thôi vai trò bí thư của đồng chí { $name }? Đồng chí sẽ không nhận báo cáo của chi bộ nữa.
members-confirm-dep0 = Thôi vai trò phó bí thư của đồng chí { $name }? Đồng chí sẽ không nhận báo cáo của chi bộ nữa.
members-confirm-adm1 = Giao quyền quản trị cho đồng chí { $name }? Đồng chí sẽ cài đặt được lịch sinh hoạt, mời và quản lý đảng viên.
members-confirm-adm0 = Bỏ quyền quản trị của đồng chí { $name }?
members-confirm-full = Ghi đồng chí { $name } là đảng viên chính thức?
members-confirm-prob = Ghi đồng chí { $name } là đảng viên dự bị?
members-confirm-ex1 = Ghi đồng chí { $name } được miễn sinh hoạt?
    Lý do: { $reason }
    Thời hạn: { $until }
members-confirm-ex0 = Bỏ miễn sinh hoạt cho đồng chí { $name }?
members-confirm-name = Sửa họ tên đồng chí { $name } thành: { $newName }?
members-confirm-note = Ghi chú phân biệt cho đồng chí { $name }: “{ $note }”?
members-confirm-form = Mẫu bản kiểm điểm cuối năm của đồng chí { $name }: { $form }?
members-confirm-rm = Xóa đồng chí { $name } khỏi danh sách { $branch }?
    Trợ lý sẽ không gửi tin nhắn cho đồng chí nữa. Các câu trả lời, đăng ký làm theo và tự đánh giá trước đây vẫn được lưu cho chi bộ. Có thể khôi phục lại sau.
members-confirm-restore = Khôi phục đồng chí { $name } vào danh sách { $branch }? Trợ lý sẽ lại gửi nhắc lịch và các tin nhắn của chi bộ cho đồng chí.
members-ask-exempt-reason = Lý do miễn sinh hoạt của đồng chí { $name }? Chọn bên dưới, hoặc gõ lý do (tối đa { $max } ký tự).
members-exempt-age = Tuổi cao
members-exempt-health = Sức khỏe yếu
members-exempt-reason-too-long = Lý do dài quá { $max } ký tự. Vui lòng viết gọn lại.
members-exempt-reason-invalid = Vui lòng gõ lý do bằng chữ (ví dụ: điều trị dài ngày), hoặc chọn bên dưới.
members-ask-exempt-until = Miễn sinh hoạt đến khi nào? Chọn bên dưới, hoặc gõ ngày kết thúc (ví dụ: 30/06/2027). Hết thời hạn, Trợ lý tự đưa đồng chí trở lại danh sách sinh hoạt và báo quản trị.
members-exempt-open-choice = Không thời hạn
members-exempt-6m = 6 tháng
members-exempt-1y = 1 năm
members-exempt-until-invalid = Chưa hiểu ngày kết thúc. Vui lòng gõ theo dạng ngày/tháng/năm, ví dụ: 30/06/2027, hoặc chọn bên dưới.
members-exempt-until-past = Ngày kết thúc phải sau hôm nay. Vui lòng gõ một ngày sắp tới.
members-ask-name = Họ tên hiện tại: { $name }. Gõ họ tên đúng, đầy đủ, có dấu (ví dụ: Trần Văn An).
members-name-same = Họ tên này giống hệt họ tên hiện tại. Vui lòng gõ họ tên mới, hoặc chọn Hủy.
members-ask-note = Ghi chú ngắn để phân biệt đồng chí { $name } với đồng chí cùng họ tên (ví dụ: sinh 1958, tổ 5; tối đa { $max } ký tự). Ghi chú chỉ hiện khi chi bộ có đồng chí cùng họ tên.
members-note-current = Ghi chú hiện tại: { $note }
members-note-clear = Xóa ghi chú
members-note-too-long = Ghi chú dài quá { $max } ký tự. Vui lòng viết ngắn hơn, ví dụ: sinh 1958.
members-note-invalid = Ghi chú cần có chữ hoặc số và không có dấu ngoặc, ví dụ: sinh 1958.
members-note-preview = Mọi danh sách sẽ ghi: { $name }
members-note-none = (không có)
members-ask-form = Đồng chí { $name } làm bản kiểm điểm cuối năm theo mẫu nào (Hướng dẫn 43-HD/BTCTW)?
members-unchanged = Chưa thay đổi gì.
members-updated = Đã cập nhật thông tin của đồng chí { $name }.
members-removed = Đã xóa đồng chí { $name } khỏi danh sách.
members-restored = Đã khôi phục đồng chí { $name } vào danh sách.
members-removed-self = Đồng chí đã tự xóa mình khỏi danh sách { $branch }. Trợ lý sẽ không gửi tin nhắn cho đồng chí nữa.
members-admin-dropped-self = Đồng chí đã bỏ quyền quản trị của mình. Từ nay các việc quản trị do các quản trị khác của chi bộ đảm nhận.
members-not-found = Không tìm thấy đồng chí này trong danh sách chi bộ.
members-not-active = Đồng chí này đã bị xóa khỏi danh sách; chỉ có thể khôi phục.
members-no-change = Thông tin này đã như vậy rồi, không cần thay đổi.
members-last-admin = Đồng chí là quản trị duy nhất của chi bộ, nên không thể bỏ quyền quản trị hay tự xóa mình. Hãy giao quyền quản trị cho một đồng chí khác trước.
members-notice-roles = Vai trò của đồng chí trong { $branch } nay là: { $role }. Gõ /trogiup để xem các lệnh đồng chí dùng được.
members-notice-full = { $branch } đã ghi nhận đồng chí là đảng viên chính thức.
members-notice-probationary = { $branch } đã ghi nhận đồng chí là đảng viên dự bị.
members-notice-exempted = { $branch } đã ghi nhận đồng chí được miễn sinh hoạt ({ $exemption }). Trong thời gian này Trợ lý không nhắc đồng chí trả lời tham dự hay tự đánh giá.
members-notice-not-exempted = { $branch } đã ghi nhận đồng chí không còn được miễn sinh hoạt.
members-notice-renamed = Họ tên của đồng chí trong danh sách { $branch } đã được sửa thành: { $name }.
members-notice-note = Để phân biệt với đồng chí cùng họ tên, danh sách { $branch } ghi kèm tên đồng chí: { $note }.
members-notice-form = { $branch } ghi nhận đồng chí làm bản kiểm điểm cuối năm theo { $form }.
members-notice-exemption-ended = Thời hạn miễn sinh hoạt của đồng chí trong { $branch } đã hết. Từ nay Trợ lý lại nhắc lịch sinh hoạt chi bộ cho đồng chí.
members-admin-exemption-ended = Thời hạn miễn sinh hoạt của đồng chí { $name } đã hết; đồng chí đã trở lại danh sách sinh hoạt. Nếu cần gia hạn, vào /thanhvien.
members-notice-removed = Đồng chí đã được xóa khỏi danh sách { $branch } trên Trợ lý Chi bộ; Trợ lý sẽ không gửi tin nhắn cho đồng chí nữa. Nếu có nhầm lẫn, xin liên hệ bí thư chi bộ.
members-notice-restored = Đồng chí đã được khôi phục vào danh sách { $branch } trên Trợ lý Chi bộ. Gõ /trogiup để xem các lệnh.

## A new secretary is announced (Safety: nobody becomes one quietly)
grant-self = Đồng chí { $by } ({ $byRole }) vừa giao vai trò { $role } cho chính mình trong { $branch }. Từ nay đồng chí { $by } xem được các câu trả lời của đảng viên và nhận báo cáo.
grant-other = Đồng chí { $by } ({ $byRole }) vừa giao vai trò { $role } cho đồng chí { $name } trong { $branch }. Từ nay đồng chí { $name } xem được các câu trả lời của đảng viên và nhận báo cáo.
grant-joined = Đồng chí { $name } vừa tham gia { $branch } với vai trò { $role }, bằng mã mời do đồng chí { $by } tạo.
grant-joined-operator = Đồng chí { $name } vừa tham gia { $branch } với vai trò { $role }, bằng mã mời do người vận hành tạo.
grant-undo-admin = Nếu việc này không đúng, vui lòng vào /thanhvien để thu hồi.
grant-undo-other = Nếu việc này không đúng, vui lòng báo ngay cho quản trị chi bộ.
grant-op-self = { $branch }: đồng chí { $by } ({ $byRole }) vừa giao vai trò { $role } cho chính mình. Chi bộ chưa có bí thư nào khác để báo, nên Trợ lý báo người vận hành.
grant-op-other = { $branch }: đồng chí { $by } ({ $byRole }) vừa giao vai trò { $role } cho đồng chí { $name }. Chi bộ chưa có bí thư nào khác để báo, nên Trợ lý báo người vận hành.
grant-op-joined = { $branch }: đồng chí { $name } vừa tham gia với vai trò { $role }, bằng mã mời do đồng chí { $by } tạo. Chi bộ chưa có bí thư nào khác để báo, nên Trợ lý báo người vận hành.
grant-op-joined-operator = { $branch }: đồng chí { $name } vừa tham gia với vai trò { $role }, bằng mã mời do người vận hành tạo.
