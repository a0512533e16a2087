privacy-export-description = Xem toàn bộ dữ liệu Trợ lý lưu về mình
privacy-forget-description = Xóa dữ liệu của mình khỏi Trợ lý
privacy-export = Dữ liệu Trợ lý Chi bộ đang lưu về đồng chí { $name }: { $chats } tài khoản chat, { $answers } câu trả lời về sinh hoạt chi bộ, { $commitments } việc đăng ký làm theo, { $evaluations } bản tự đánh giá. Toàn bộ nằm trong tệp đính kèm. Muốn xóa, gõ /xoadulieu.
privacy-forget-confirm = Xóa dữ liệu của đồng chí khỏi Trợ lý Chi bộ?
    • Sẽ xóa vĩnh viễn: tài khoản chat, câu trả lời về sinh hoạt, đăng ký làm theo, tự đánh giá và các tin nhắn chưa gửi.
    • Đồng chí sẽ không nhận được nhắc lịch của { $branch } nữa; quản trị chi bộ được báo là đồng chí đã rời Trợ lý.
    • Không thể hoàn tác. Muốn dùng lại, cần mã mời mới.
privacy-forget-yes = Xác nhận xóa
privacy-forget-last-admin = Đồng chí đang là quản trị duy nhất của chi bộ. Vui lòng giao quyền quản trị cho một đồng chí khác (/thanhvien) rồi mới xóa dữ liệu.
privacy-forget-admin-notice = Đồng chí { $name } đã xóa dữ liệu của mình và rời Trợ lý Chi bộ.
privacy-forget-done = Đã xóa dữ liệu của đồng chí. Cảm ơn đồng chí đã sử dụng Trợ lý Chi bộ.
privacy-erased-name = (đã xóa)
