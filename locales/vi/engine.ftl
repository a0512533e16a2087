# Answers of the engine itself: bad input, stale buttons, refusals, errors.
input-empty = Tin nhắn trống. Vui lòng gõ nội dung, hoặc gõ /trogiup để xem hướng dẫn.
input-too-long = Tin nhắn quá dài ({ $count } ký tự). Vui lòng gửi tối đa { $max } ký tự. Chưa có gì được lưu.
input-unsupported = Trợ lý Chi bộ chỉ đọc được tin nhắn chữ. Vui lòng trả lời bằng chữ, hoặc gõ /trogiup để xem hướng dẫn.
input-pick-a-choice = Vui lòng chọn một trong các lựa chọn dưới đây: gõ số thứ tự hoặc gõ lại lựa chọn (trên Telegram có thể bấm nút).
choice-stale = Lựa chọn này đã hết hiệu lực. Vui lòng dùng tin nhắn mới nhất, hoặc gõ /trogiup.
command-unknown = Không có lệnh /{ $command }. Gõ /trogiup để xem các lệnh đồng chí dùng được.
access-denied-public = Lệnh này hiện không dùng được.
access-denied-member = Lệnh này dành cho đảng viên đã tham gia chi bộ. Để tham gia, hãy mở đường link mời hoặc gửi mã mời của chi bộ.
access-denied-secretary = Lệnh này chỉ dành cho bí thư, phó bí thư chi bộ.
access-denied-admin = Lệnh này chỉ dành cho quản trị của chi bộ.
access-denied-operator = Lệnh này chỉ dành cho người vận hành hệ thống.
error-internal = Xin lỗi, đã có lỗi khi xử lý tin nhắn này. Chưa có gì thay đổi. Vui lòng thử lại sau ít phút.
flow-expired = Phiên trả lời trước đã hết hạn nên chưa được lưu. Vui lòng bắt đầu lại bằng lệnh tương ứng, hoặc gõ /trogiup.
fallback-member = Trợ lý chưa hiểu tin nhắn này. Gõ /trogiup để xem các lệnh.
fallback-stranger = Chào bạn! Đây là Trợ lý Chi bộ. Để tham gia chi bộ, hãy mở đường link mời hoặc gửi mã mời mà bí thư chi bộ đã gửi cho bạn (ví dụ: start ABCDE-FGH2K).
access-denied-self = Lệnh này dành cho đảng viên đã tham gia chi bộ, kể cả đồng chí đã được đưa ra khỏi danh sách. Để tham gia, hãy mở đường link mời hoặc gửi mã mời của chi bộ.
