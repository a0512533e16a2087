onboarding-description = Tham gia chi bộ bằng mã mời, hoặc xem trạng thái của mình
onboarding-ask-name = Chào mừng đến với { $branch }!
    Xin đồng chí cho biết họ và tên đầy đủ, có dấu (ví dụ: Nguyễn Văn An):
onboarding-name-too-long = Họ tên dài quá { $max } ký tự. Vui lòng gõ lại.
onboarding-name-invalid = Họ tên chỉ gồm chữ cái và khoảng trắng (ví dụ: Nguyễn Văn An). Vui lòng gõ lại.
onboarding-name-incomplete = Vui lòng gõ đầy đủ họ và tên (ví dụ: Nguyễn Văn An).
onboarding-privacy = Về dữ liệu của đồng chí:
    • Trợ lý Chi bộ lưu họ tên, tài khoản chat và các câu trả lời của đồng chí (tham dự sinh hoạt, đăng ký làm theo, tự đánh giá).
    • Chỉ đồng chí và chi ủy (bí thư, phó bí thư) của chi bộ xem được các câu trả lời này.
    • Thông tin về đảng viên là dữ liệu cá nhân nhạy cảm (Nghị định 13/2023/NĐ-CP). Trợ lý không hỏi số căn cước hay tài liệu của Đảng; xin đừng gửi những thông tin đó.
    • Đồng chí có thể xem toàn bộ dữ liệu của mình bằng /dulieu và yêu cầu xóa bằng /xoadulieu.
    Đồng chí có đồng ý không?
onboarding-agree = Đồng ý
onboarding-disagree = Không đồng ý
onboarding-declined = Đồng chí chưa tham gia chi bộ và không có thông tin nào được lưu. Khi muốn tham gia, hãy mở lại đường link mời hoặc gửi lại mã mời.
onboarding-confirm = Xác nhận tham gia { $branch }:
    Họ tên: { $name }
    Vai trò: { $role }
onboarding-welcome = Chào mừng đồng chí { $name } đã tham gia { $branch }!
onboarding-next-member = Trợ lý sẽ nhắc lịch sinh hoạt chi bộ và hỏi đồng chí có tham dự không. Việc tiếp theo: đăng ký việc làm theo gương Bác bằng /dangky. Gõ /trogiup để xem các lệnh.
onboarding-next-secretary = Đồng chí sẽ nhận báo cáo trước và khi bắt đầu mỗi buổi sinh hoạt. Gõ /trogiup để xem các lệnh.
onboarding-next-admin = Việc tiếp theo: đặt lịch sinh hoạt (/lichhop) và mời đảng viên (/moi). Gõ /trogiup để xem các lệnh.
onboarding-admin-notice = Đồng chí { $name } vừa tham gia chi bộ với vai trò { $role }.
onboarding-admin-namesake = Chi bộ đã có đồng chí cùng họ tên; có thể thêm ghi chú phân biệt (ví dụ: sinh 1958) trong /thanhvien.
onboarding-already-member = Đồng chí đã là thành viên của { $branch }. Mỗi tài khoản chỉ tham gia một chi bộ. Gõ /trogiup để xem các lệnh.
onboarding-status = Đồng chí { $name } – { $role } của { $branch }. Gõ /trogiup để xem các lệnh.
onboarding-stranger = Chào bạn! Đây là Trợ lý Chi bộ. Bạn chưa tham gia chi bộ nào. Hãy mở đường link mời hoặc gửi mã mời mà bí thư chi bộ đã gửi cho bạn (ví dụ: start ABCDE-FGH2K).
invite-unknown = Mã mời không đúng. Vui lòng kiểm tra lại từng ký tự, hoặc xin bí thư chi bộ gửi lại mã.
invite-revoked = Mã mời này đã bị thu hồi. Vui lòng xin bí thư chi bộ gửi mã mới.
invite-expired = Mã mời này đã hết hạn. Vui lòng xin bí thư chi bộ gửi mã mới.
invite-used-up = Mã mời này đã được dùng hết. Vui lòng xin bí thư chi bộ gửi mã mới.
invite-locked = Đồng chí đã nhập sai mã mời nhiều lần. Vui lòng thử lại sau { $minutes } phút.
code-rate-limited = Đồng chí đã thử mã quá nhiều lần trong một giờ. Vui lòng thử lại sau { $minutes } phút.
