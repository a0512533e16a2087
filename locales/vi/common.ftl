# Labels shared by many flows (DESIGN §7) and the names of roles.
control-confirm = Xác nhận
control-edit = Sửa
control-cancel = Hủy
control-skip = Bỏ qua
# The way out of a menu whose actions include cancelling something.
control-exit = Thoát
control-exit-done = Đã thoát. Không có gì thay đổi.
role-member = đảng viên
role-secretary = bí thư
role-admin = quản trị
role-deputy = phó bí thư
role-secretary-title = bí thư chi bộ
role-deputy-title = phó bí thư chi bộ
role-committee = chi ủy
