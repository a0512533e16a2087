# Typed answers: a question asked again, and "which one?" when a number fits several questions.
answer-not-understood = I did not understand that message. This question is still waiting for your answer:
answer-which = That answer fits { $count } open questions. Which one are you answering?
answer-which-item = { $answer } – { $about }
answer-which-current = the question just asked
