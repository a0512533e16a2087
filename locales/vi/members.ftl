# /thanhvien: the branch's members, roles and status (admins).
members-description = Danh sách đảng viên; giao vai trò, ghi chính thức / dự bị, miễn sinh hoạt, xóa khỏi danh sách
members-summary = { $branch }: { $active } đảng viên ({ $full } chính thức, { $probationary } dự bị), { $exempted } miễn sinh hoạt.
members-summary-removed = { $removed } người đã bị xóa khỏi danh sách (ở cuối danh sách).
members-list-hint = Chọn một đồng chí (bấm tên hoặc gõ số thứ tự) để xem và thay đổi, hoặc gõ tên để tìm.
members-filter = Tìm “{ $query }”: { $count } người.
members-search-none = Không tìm thấy ai có tên “{ $query }”. Vui lòng gõ lại tên khác, hoặc chọn trong danh sách.
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
    Trạng thái: { $status }
    Tham gia: { $joined }
    Nhận tin qua: { $chats }
members-party-full = chính thức
members-party-probationary = dự bị
members-yes = có
members-no = không
members-status-active = đang sinh hoạt
members-status-removed = đã xóa khỏi danh sách ngày { $date }
members-no-chat = chưa có tài khoản chat nào nhận được tin
members-do-sec1 = Giao vai trò bí thư
members-do-sec0 = Thôi vai trò bí thư
members-do-adm1 = Giao quyền quản trị
members-do-adm0 = Bỏ quyền quản trị
members-do-full = Ghi là chính thức
members-do-prob = Ghi là dự bị
members-do-ex1 = Miễn sinh hoạt
members-do-ex0 = Bỏ miễn sinh hoạt
members-do-rm = Xóa khỏi danh sách
members-do-restore = Khôi phục vào danh sách
members-confirm-sec1 = Giao vai trò bí thư cho đồng chí { $name }? Đồng chí sẽ nhận báo cáo của chi bộ và xem được các câu trả lời của đảng viên.
members-confirm-sec0 = Thôi vai trò bí thư của đồng chí { $name }? Đồng chí sẽ không nhận báo cáo của chi bộ nữa.
members-confirm-adm1 = Giao quyền quản trị cho đồng chí { $name }? Đồng chí sẽ cài đặt được lịch sinh hoạt, mời và quản lý đảng viên.
members-confirm-adm0 = Bỏ quyền quản trị của đồng chí { $name }?
members-confirm-full = Ghi đồng chí { $name } là đảng viên chính thức?
members-confirm-prob = Ghi đồng chí { $name } là đảng viên dự bị?
members-confirm-ex1 = Ghi đồng chí { $name } được miễn sinh hoạt?
members-confirm-ex0 = Bỏ miễn sinh hoạt cho đồng chí { $name }?
members-confirm-rm = Xóa đồng chí { $name } khỏi danh sách { $branch }?
    Trợ lý sẽ không gửi tin nhắn cho đồng chí nữa. Các câu trả lời, đăng ký làm theo và tự đánh giá trước đây vẫn được lưu cho chi bộ. Có thể khôi phục lại sau.
members-confirm-restore = Khôi phục đồng chí { $name } vào danh sách { $branch }? Trợ lý sẽ lại gửi nhắc lịch và các tin nhắn của chi bộ cho đồng chí.
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
members-notice-exempted = { $branch } đã ghi nhận đồng chí được miễn sinh hoạt.
members-notice-not-exempted = { $branch } đã ghi nhận đồng chí không còn được miễn sinh hoạt.
members-notice-removed = Đồng chí đã được xóa khỏi danh sách { $branch } trên Trợ lý Chi bộ; trợ lý sẽ không gửi tin nhắn cho đồng chí nữa. Nếu có nhầm lẫn, xin liên hệ bí thư chi bộ.
members-notice-restored = Đồng chí đã được khôi phục vào danh sách { $branch } trên Trợ lý Chi bộ. Gõ /trogiup để xem các lệnh.
