cancel-description = Thoát thao tác đang làm, không lưu gì
cancel-done = Đã hủy. Không có gì được lưu.
cancel-nothing = Hiện không có thao tác nào đang làm.
