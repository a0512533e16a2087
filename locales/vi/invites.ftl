# /moi: invite codes and links (admins). The code, validity and link lines are in branch.ftl.
invites-description = Tạo mã mời, đường link mời; xem và thu hồi mã mời
invites-ask-role = Tạo mã mời mới. Người dùng mã sẽ tham gia chi bộ với vai trò nào?
invites-role-member = Đảng viên
invites-role-secretary = Bí thư
invites-role-deputy = Phó bí thư
invites-role-admin = Quản trị
invites-role-both = Bí thư + quản trị
invites-open-button = Mã mời đang còn hiệu lực ({ $count })
invites-ask-days = Mã mời có hiệu lực trong bao lâu?
    Chọn bên dưới, hoặc gõ số ngày kèm chữ “ngày” (ví dụ: 14 ngày), tối đa { $max } ngày.
invites-days = { $count } ngày
invites-days-invalid = Chưa hiểu số ngày. Vui lòng chọn bên dưới hoặc gõ số ngày, ví dụ: 14 ngày.
invites-days-range = Thời hạn phải từ 1 đến { $max } ngày.
invites-ask-uses = Mã mời dùng được cho bao nhiêu người?
    Chọn bên dưới, hoặc gõ số lần kèm chữ “lần” (ví dụ: 25 lần), tối đa { $max } lần.
invites-uses = { $count } lần
invites-uses-invalid = Chưa hiểu số lần dùng. Vui lòng chọn bên dưới hoặc gõ số lần, ví dụ: 25 lần.
invites-uses-range = Số lần dùng phải từ 1 đến { $max }.
invites-preview = Mã mời mới của { $branch }:
    Vai trò: { $role }
    Hiệu lực: { $days } ngày (đến { $expires })
    Số lần dùng: { $uses }
invites-warn-role-uses = Lưu ý: mã này trao quyền { $role } cho mỗi người dùng mã. Nên chỉ cho dùng 1 lần và gửi riêng cho đúng người.
invites-warn-secretary = Người dùng mã này sẽ là { $role }: xem được mọi câu trả lời của đảng viên và nhận báo cáo của chi bộ. Các bí thư hiện có sẽ được báo khi mã được dùng.
invites-created = Đã tạo mã mời (vai trò: { $role }). Gửi cho người được mời:
invites-too-many = Chi bộ đang có { $max } mã mời còn hiệu lực, là mức tối đa. Vui lòng thu hồi bớt mã cũ (/moi, chọn “Mã mời đang còn hiệu lực”) rồi tạo mã mới.
invites-list-header = Mã mời đang còn hiệu lực: { $count }
invites-list-hint = Chọn một mã để xem đường link hoặc thu hồi.
invites-list-empty = Chi bộ không còn mã mời nào đang có hiệu lực.
invites-item = { $code } · { $role } · { $uses }/{ $max }
invites-new = Tạo mã mới
invites-close = Đóng
invites-closed = Đã đóng danh sách mã mời.
invites-back = Danh sách mã
invites-detail = Vai trò: { $role }
    Đã dùng: { $uses }/{ $max } lần
    Tạo lúc { $created }, bởi { $by }
invites-by-operator = người vận hành
invites-revoke = Thu hồi mã
invites-revoke-confirm = Thu hồi mã { $code }? Sau khi thu hồi, không ai tham gia được bằng mã này nữa; { $uses } người đã tham gia bằng mã vẫn giữ nguyên.
invites-revoked = Đã thu hồi mã { $code }.
invites-not-open = Mã mời này không còn hiệu lực (đã hết hạn, đã dùng hết hoặc đã bị thu hồi).
