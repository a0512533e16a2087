# Year-end review (kiểm điểm cuối năm, Quy định 366-QĐ/TW): levels in their exact wording; the draft
# follows the forms of Hướng dẫn 43-HD/BTCTW (Mẫu 2A, 2B, 2C-HD KĐ.ĐG 2025).
yearend-level-excellent = Hoàn thành xuất sắc nhiệm vụ
yearend-level-good = Hoàn thành tốt nhiệm vụ
yearend-level-completed = Hoàn thành nhiệm vụ
yearend-level-not-completed = Không hoàn thành nhiệm vụ
yearend-start = Tự đề xuất xếp loại
yearend-opened = Chi bộ đã mở kiểm điểm cuối năm { $year }. Đồng chí tự đề xuất mức xếp loại (Quy định 366-QĐ/TW) kèm lý do, và nhận bản kiểm điểm nháp theo mẫu của Hướng dẫn 43-HD/BTCTW, tổng hợp từ việc đăng ký và tự đánh giá trong năm. Hạn: hết ngày { $date }.
yearend-date-changed = Kiểm điểm cuối năm { $year } nay mở đến hết ngày { $date }. Đồng chí chưa tự đề xuất mức xếp loại; chọn Tự đề xuất xếp loại, hoặc gõ /tudanhgia.
yearend-intro = Kiểm điểm cuối năm { $year }.
yearend-overview = Việc đăng ký trong năm: { $commitments }.
yearend-tally = Tự đánh giá: { $months } tháng đã gửi, gồm { $answers } lượt đánh giá các việc (Đã hoàn thành: { $done }; Đang thực hiện: { $doing }; Chưa thực hiện: { $notyet }).
yearend-previous = Đồng chí đã đề xuất: { $level } ({ $date }). Có thể đề xuất lại.
yearend-ask-level = Đồng chí tự đề xuất mức xếp loại nào? Đây chỉ là đề xuất của đồng chí: Trợ lý không chấm điểm, chi bộ xem xét và quyết định.
yearend-pick-level = Vui lòng chọn một trong bốn mức dưới đây (gõ 1–4 hoặc chọn bên dưới).
yearend-ask-form = Đồng chí làm bản kiểm điểm theo mẫu nào của Hướng dẫn 43-HD/BTCTW? Chọn mẫu đúng với công việc hiện nay của đồng chí:
yearend-pick-form = Vui lòng chọn một trong ba mẫu dưới đây (gõ 1, 2, 3 hoặc chọn bên dưới).
yearend-form-current = Mẫu bản kiểm điểm: { $form }
yearend-form-saved = Đã ghi: đồng chí làm bản kiểm điểm theo { $form }.
yearend-change-form = Đổi mẫu bản kiểm điểm
yearend-ask-reason = Mức đề xuất: { $level }. Vui lòng gõ lý do ngắn gọn (tối đa { $max } ký tự).
yearend-previous-reason = Lý do lần trước: { $reason }
yearend-keep-reason = Giữ lý do cũ
yearend-confirm =
    Đề xuất xếp loại năm { $year }:
    Mức: { $level }
    Lý do: { $reason }
    Chọn Xác nhận để gửi và nhận bản kiểm điểm nháp.
yearend-closed = Kiểm điểm cuối năm hiện không mở. Vui lòng hỏi chi ủy.
yearend-saved = Đã ghi nhận đề xuất của đồng chí cho năm { $year }: { $level }. Đây là đề xuất; chi bộ sẽ xem xét, quyết định. Dưới đây là bản kiểm điểm nháp (kèm tệp Word) để đồng chí xem lại, hoàn thiện.
yearend-file-name = ban-kiem-diem-{ $year }.docx

## The draft, on the member's form
yearend-form-2a = Mẫu 2A – đảng viên không giữ chức vụ lãnh đạo, quản lý
yearend-form-2b = Mẫu 2B – đảng viên giữ chức vụ lãnh đạo, quản lý
yearend-form-2c = Mẫu 2C – đảng viên không làm việc trong hệ thống chính trị (ví dụ: đã nghỉ hưu)
yearend-form-code-2a = Mẫu 2A-HD KĐ.ĐG 2025
yearend-form-code-2b = Mẫu 2B-HD KĐ.ĐG 2025
yearend-form-code-2c = Mẫu 2C-HD KĐ.ĐG 2025
yearend-form-for-2a = (Dùng cho đảng viên không giữ chức vụ lãnh đạo, quản lý)
yearend-form-for-2b = (Dùng cho đảng viên giữ chức vụ lãnh đạo, quản lý)
yearend-form-for-2c = (Dùng cho đảng viên không làm việc trong hệ thống chính trị)
yearend-header-committee = ĐẢNG BỘ ……………………
yearend-header-branch = CHI BỘ { $branch }
yearend-party-header = ĐẢNG CỘNG SẢN VIỆT NAM
yearend-draft-date = ……………, ngày { $day } tháng { $month } năm { $year }
yearend-draft-title = BẢN KIỂM ĐIỂM CÁ NHÂN
yearend-draft-year = Năm { $year }
yearend-draft-tag = (Bản nháp do Trợ lý Chi bộ tổng hợp)
yearend-draft-name = Họ và tên: { $name }
yearend-info-birth = Ngày sinh: ……………
yearend-info-party-post = Chức vụ Đảng: ……………
yearend-info-gov-post = Chức vụ chính quyền, đoàn thể: ……………
yearend-info-unit = Đơn vị công tác: ……………
yearend-info-residence = Nơi cư trú: ……………
yearend-draft-branch = Chi bộ: { $branch }
yearend-h-strengths = ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC
yearend-h-ideology = Về tư tưởng chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc
yearend-h-ideology-2c = Về tư tưởng chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật
yearend-h-duties = Về thực hiện chức trách, nhiệm vụ được giao
yearend-h-duties-2b = Về kết quả thực hiện chức trách, nhiệm vụ được giao (kết quả lãnh đạo, quản lý, điều hành, tổ chức thực hiện nhiệm vụ của cơ quan, đơn vị)
yearend-h-duties-2c = Về thực hiện nhiệm vụ đảng viên, nhiệm vụ được chi bộ phân công và nghĩa vụ công dân nơi cư trú
yearend-h-pledge = Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm
yearend-h-example = Việc thực hiện trách nhiệm nêu gương
yearend-h-weaknesses = HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN
yearend-h-remedied = KẾT QUẢ KHẮC PHỤC NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM ĐÃ ĐƯỢC CẤP CÓ THẨM QUYỀN KẾT LUẬN HOẶC ĐƯỢC CHỈ RA Ở CÁC KỲ KIỂM ĐIỂM TRƯỚC
yearend-h-explain = GIẢI TRÌNH NHỮNG VẤN ĐỀ ĐƯỢC GỢI Ý KIỂM ĐIỂM (NẾU CÓ)
yearend-h-responsibility = LÀM RÕ TRÁCH NHIỆM CỦA CÁ NHÂN ĐỐI VỚI NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM CỦA TẬP THỂ (NẾU CÓ)
yearend-h-direction = PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM
yearend-h-rating = TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG
yearend-h-rating-2c = TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN
yearend-fill = …………………………………………… (đồng chí tự viết)
yearend-pledge-intro = Việc làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh đã đăng ký năm { $year } và kết quả qua các tháng:
yearend-standard = (Chuẩn mực đạo đức: { $standard })
yearend-no-commitments = Chưa có việc đăng ký nào được gửi trong năm.
yearend-no-answers = Chưa có câu trả lời.
yearend-month = Tháng { $month }: { $answer }
yearend-month-note = Tháng { $month }: { $answer } – { $note }
yearend-draft-mark = (bản nháp, chưa gửi)
yearend-shortfalls-intro = Việc đăng ký chưa hoàn thành theo lần tự đánh giá gần nhất:
yearend-shortfall = { $text } (tháng { $month }: { $answer })
yearend-reflections-intro = Phần liên hệ bản thân qua các tháng (để đồng chí tham khảo):
yearend-rating-staff = Xếp loại cán bộ, công chức, viên chức, người lao động (nếu có): ……………
yearend-proposal-level = Xếp loại chất lượng đảng viên (tự đề xuất): { $level }
yearend-proposal-reason = Lý do: { $reason }
yearend-draft-notice = Bản kiểm điểm này do Trợ lý Chi bộ tổng hợp từ các câu trả lời của đồng chí, để đồng chí xem lại và viết tiếp những phần còn trống. Mức xếp loại chỉ là đề xuất của cá nhân; Trợ lý không quyết định, chi bộ xem xét và quyết định theo Quy định 366-QĐ/TW.
yearend-draft-signer = NGƯỜI TỰ KIỂM ĐIỂM
yearend-draft-sign-hint = (Ký, ghi rõ họ tên)

## Overview of the proposals, for the year-end meeting (chi ủy and admins)
yearend-overview-button = Tổng hợp đề xuất xếp loại năm { $year }
yearend-overview-title = TỔNG HỢP ĐỀ XUẤT XẾP LOẠI NĂM { $year } – { $branch }
yearend-overview-not-opened = Kiểm điểm cuối năm { $year } chưa mở.
yearend-overview-open = Kiểm điểm cuối năm đang mở, đến hết ngày { $date }.
yearend-overview-closed = Kiểm điểm cuối năm đã đóng ({ $date }).
yearend-overview-count = Đã tự đề xuất: { $proposed }/{ $total } đồng chí.
yearend-overview-line = { $n }. { $name } – lý do: { $reason }
yearend-overview-missing = Chưa đề xuất: { $names }
yearend-overview-all = Tất cả các đồng chí đã tự đề xuất.
yearend-overview-note = Đây là đề xuất của từng đồng chí, để chi bộ xem xét tại buổi kiểm điểm cuối năm; Trợ lý không quyết định mức xếp loại.
