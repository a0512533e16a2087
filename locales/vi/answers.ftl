# Typed answers: a question asked again, and "which one?" when a number fits several questions.
answer-not-understood = Tôi chưa hiểu tin nhắn này. Đồng chí vẫn còn câu hỏi dưới đây chưa trả lời:
answer-which = Câu trả lời này hợp với { $count } câu hỏi đang chờ. Đồng chí trả lời cho câu nào?
answer-which-item = { $answer } – { $about }
answer-which-current = câu hỏi vừa rồi
