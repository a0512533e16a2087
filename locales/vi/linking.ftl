# /lienket: one member on Telegram and Zalo, with a one-time code.
link-description = Liên kết tài khoản Telegram và Zalo của mình (mã dùng một lần)
link-platform-telegram = Telegram
link-platform-zalo = Zalo
link-platform-console = cửa sổ dòng lệnh
link-code = Mã liên kết của đồng chí: { $code }
    Mã dùng một lần, hết hạn sau { $minutes } phút.
link-how = Trên { $platform }, mở trò chuyện với Trợ lý Chi bộ và gửi: { $command }
link-how-other = Trên tài khoản chat còn lại, mở trò chuyện với Trợ lý Chi bộ và gửi: { $command }
link-code-secret = Xin đừng đưa mã này cho người khác: ai có mã sẽ nhận được tin nhắn của đồng chí.
link-stranger = Để liên kết tài khoản: trên tài khoản chat đã tham gia chi bộ, gõ lienket để lấy mã; sau đó gửi tại đây: lienket <mã>. Nếu chưa tham gia chi bộ, hãy gửi mã mời (ví dụ: start ABCDE-FGH2K).
link-code-unknown = Mã liên kết không đúng. Vui lòng kiểm tra lại 8 chữ số, hoặc lấy mã mới bằng lệnh lienket trên tài khoản đã tham gia chi bộ.
link-code-expired = Mã liên kết đã hết hạn. Vui lòng lấy mã mới bằng lệnh lienket trên tài khoản đã tham gia chi bộ.
link-code-used = Mã liên kết này đã được dùng. Vui lòng lấy mã mới bằng lệnh lienket trên tài khoản đã tham gia chi bộ.
link-locked = Đồng chí đã nhập sai mã nhiều lần. Vui lòng thử lại sau { $minutes } phút.
link-already-linked = Tài khoản chat này đã được liên kết với đồng chí rồi. Không cần làm gì thêm.
link-chat-taken = Tài khoản chat này đã thuộc về một đảng viên khác nên không thể liên kết. Nếu có nhầm lẫn, vui lòng báo bí thư chi bộ.
link-done = Đã liên kết tài khoản { $platform } này với đồng chí { $name } ({ $branch }). Từ nay đồng chí dùng được Trợ lý Chi bộ trên tất cả các tài khoản đã liên kết.
link-notice = Tài khoản { $account } vừa được liên kết với hồ sơ của đồng chí. Nếu không phải đồng chí thực hiện, vui lòng báo ngay cho bí thư chi bộ.
link-ask-preferred = Đồng chí muốn nhận nhắc lịch sinh hoạt và các thông báo của trợ lý qua đâu?
link-receive-on = Nhận tin qua { $platform }
link-preferred-set = Từ nay trợ lý gửi tin nhắn cho đồng chí qua { $platform }. Đồng chí vẫn trả lời được trên mọi tài khoản đã liên kết.
link-status = Tài khoản chat đã liên kết:
    { $chats }
    Tin nhắn của trợ lý đang gửi về: { $preferred }.
link-chat-line = • { $account }
link-new-code = Lấy mã liên kết mới
link-platform-missing = Đồng chí chưa liên kết tài khoản { $platform }. Gõ lienket để lấy mã, rồi gửi mã đó trên { $platform }.
link-preferred-none = chưa có tài khoản nào nhận được tin
link-unlink = Bỏ liên kết { $account }
link-exit = Thoát
link-closed = Đã đóng. Gõ lienket khi cần.
link-unlink-confirm = Bỏ liên kết tài khoản { $account } khỏi hồ sơ của đồng chí? Tài khoản đó sẽ không nhận tin của chi bộ nữa; tin chưa gửi tới đó sẽ được hủy. Muốn dùng lại, lấy mã liên kết mới.
link-unlink-confirm-here = Bỏ liên kết chính tài khoản này ({ $account }) khỏi hồ sơ của đồng chí? Từ nay tin nhắn của chi bộ chỉ gửi tới tài khoản còn lại; tin chưa gửi tới đây sẽ được hủy.
link-unlink-yes = Bỏ liên kết
link-unlink-no = Không bỏ nữa
link-unlink-gone = Tài khoản này không còn liên kết với đồng chí. Vui lòng chọn lại.
link-unlink-last = Đây là tài khoản chat duy nhất của đồng chí nên không bỏ liên kết được. Muốn rời Trợ lý Chi bộ, gõ /xoadulieu.
link-unlinked = Đã bỏ liên kết tài khoản { $account }.
link-unlinked-here = Đã bỏ liên kết tài khoản này khỏi hồ sơ của đồng chí { $name }. Trợ lý sẽ không gửi tin của chi bộ tới đây nữa.
link-unlinked-notice = Tài khoản chat này đã được bỏ liên kết khỏi hồ sơ của đồng chí { $name }. Trợ lý sẽ không gửi tin của chi bộ tới đây nữa.
link-unlinked-elsewhere = Tài khoản { $account } đã được bỏ liên kết khỏi hồ sơ của đồng chí. Nếu không phải đồng chí thực hiện, vui lòng báo ngay cho bí thư chi bộ.
