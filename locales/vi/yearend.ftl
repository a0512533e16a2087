# Year-end review (kiểm điểm cuối năm, Quy định 366-QĐ/TW): levels in their exact wording.
yearend-level-excellent = Hoàn thành xuất sắc nhiệm vụ
yearend-level-good = Hoàn thành tốt nhiệm vụ
yearend-level-completed = Hoàn thành nhiệm vụ
yearend-level-not-completed = Không hoàn thành nhiệm vụ
yearend-start = Tự đề xuất xếp loại
yearend-opened = Chi bộ đã mở kiểm điểm cuối năm { $year }. Đồng chí tự đề xuất mức xếp loại (Quy định 366-QĐ/TW) kèm lý do, và nhận bản kiểm điểm nháp tổng hợp từ việc đăng ký và tự đánh giá trong năm. Hạn: hết ngày { $date }.
yearend-intro = Kiểm điểm cuối năm { $year }.
yearend-overview = Trong năm: { $commitments } việc đăng ký, { $evaluations } lần tự đánh giá; tổng cộng { $done } lần Đã hoàn thành, { $doing } lần Đang thực hiện, { $notyet } lần Chưa thực hiện.
yearend-previous = Đồng chí đã đề xuất: { $level } ({ $date }). Có thể đề xuất lại.
yearend-ask-level = Đồng chí tự đề xuất mức xếp loại nào? Đây chỉ là đề xuất của đồng chí: Trợ lý không chấm điểm, chi bộ xem xét và quyết định.
yearend-pick-level = Vui lòng chọn một trong bốn mức dưới đây (bấm nút, hoặc gõ 1–4).
yearend-ask-reason = Mức đề xuất: { $level }. Vui lòng gõ lý do ngắn gọn (tối đa { $max } ký tự).
yearend-previous-reason = Lý do lần trước: { $reason }
yearend-keep-reason = Giữ lý do cũ
yearend-confirm =
    Đề xuất xếp loại năm { $year }:
    Mức: { $level }
    Lý do: { $reason }
    Bấm Xác nhận để gửi và nhận bản kiểm điểm nháp.
yearend-closed = Kiểm điểm cuối năm hiện không mở. Vui lòng hỏi chi ủy.
yearend-saved = Đã ghi nhận đề xuất của đồng chí cho năm { $year }: { $level }. Đây là đề xuất; chi bộ sẽ xem xét, quyết định. Dưới đây là bản kiểm điểm nháp (kèm tệp Word) để đồng chí xem lại, hoàn thiện.
yearend-party-header = ĐẢNG CỘNG SẢN VIỆT NAM
yearend-file-name = ban-kiem-diem-{ $year }.docx
yearend-draft-title = BẢN KIỂM ĐIỂM CÁ NHÂN NĂM { $year } (BẢN NHÁP)
yearend-draft-name = Họ và tên: { $name }
yearend-draft-branch = Chi bộ: { $branch }
yearend-section-commitments = I. VIỆC ĐĂNG KÝ LÀM THEO TƯ TƯỞNG, ĐẠO ĐỨC, PHONG CÁCH HỒ CHÍ MINH
yearend-section-results = II. KẾT QUẢ THỰC HIỆN QUA CÁC THÁNG
yearend-section-reflections = III. LIÊN HỆ BẢN THÂN
yearend-section-proposal = IV. TỰ ĐỀ XUẤT MỨC XẾP LOẠI
yearend-standard = (Chuẩn mực đạo đức: { $standard })
yearend-no-commitments = Chưa có việc đăng ký nào được gửi trong năm.
yearend-results-overview = Đã tự đánh giá { $evaluations } lần: { $done } lần Đã hoàn thành, { $doing } lần Đang thực hiện, { $notyet } lần Chưa thực hiện.
yearend-no-answers = Chưa có câu trả lời.
yearend-month = Tháng { $month }: { $answer }
yearend-month-note = Tháng { $month }: { $answer } – { $note }
yearend-draft-mark = (bản nháp)
yearend-no-reflections = (Chưa có phần liên hệ bản thân nào trong năm.)
yearend-proposal-level = Mức tự đề xuất: { $level }
yearend-proposal-reason = Lý do: { $reason }
yearend-draft-notice = Bản kiểm điểm này do Trợ lý Chi bộ tổng hợp từ các câu trả lời của đồng chí, để đồng chí xem lại và bổ sung ưu điểm, khuyết điểm, hướng khắc phục. Mức xếp loại chỉ là đề xuất của cá nhân; Trợ lý không quyết định, chi bộ xem xét và quyết định theo Quy định 366-QĐ/TW.
yearend-draft-date = Ngày { $date }
yearend-draft-signer = NGƯỜI TỰ KIỂM ĐIỂM
yearend-form-2a = Mẫu 2A – đảng viên không giữ chức vụ lãnh đạo, quản lý
yearend-form-2b = Mẫu 2B – đảng viên giữ chức vụ lãnh đạo, quản lý
yearend-form-2c = Mẫu 2C – đảng viên không làm việc trong hệ thống chính trị (ví dụ: đã nghỉ hưu)
