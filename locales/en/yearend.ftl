# Year-end review (Regulation 366-QĐ/TW). The levels are shown in English here; Vietnamese uses the exact wording.
yearend-level-excellent = Excellently fulfilled duties
yearend-level-good = Well fulfilled duties
yearend-level-completed = Fulfilled duties
yearend-level-not-completed = Did not fulfil duties
yearend-start = Propose my rating
yearend-opened = The branch has opened the year-end review { $year }. Propose your rating level (Regulation 366-QĐ/TW) with a reason, and receive a draft self-review assembled from the year's commitments and self-evaluations. Until the end of { $date }.
yearend-intro = Year-end review { $year }.
yearend-overview = This year: { $commitments } commitment(s), { $evaluations } self-evaluation(s); in total { $done } times Done, { $doing } times In progress, { $notyet } times Not yet.
yearend-previous = You proposed: { $level } ({ $date }). You may propose again.
yearend-ask-level = Which rating level do you propose? This is only your proposal: the assistant does not grade, the branch considers and decides.
yearend-pick-level = Please pick one of the four levels below (press a button, or type 1–4).
yearend-ask-reason = Proposed level: { $level }. Please type a short reason (at most { $max } characters).
yearend-previous-reason = Earlier reason: { $reason }
yearend-keep-reason = Keep the earlier reason
yearend-confirm =
    Proposed rating for { $year }:
    Level: { $level }
    Reason: { $reason }
    Press Confirm to send it and receive the draft self-review.
yearend-closed = The year-end review is not open. Please ask the branch committee.
yearend-saved = Your proposal for { $year } is recorded: { $level }. It is a proposal; the branch will consider and decide. Below is the draft self-review (with a Word file) for you to review and complete.
yearend-party-header = COMMUNIST PARTY OF VIETNAM
yearend-file-name = self-review-{ $year }.docx
yearend-draft-title = PERSONAL SELF-REVIEW { $year } (DRAFT)
yearend-draft-name = Full name: { $name }
yearend-draft-branch = Branch: { $branch }
yearend-section-commitments = I. COMMITMENTS TO FOLLOW HO CHI MINH'S THOUGHT, ETHICS AND STYLE
yearend-section-results = II. RESULTS MONTH BY MONTH
yearend-section-reflections = III. PERSONAL REFLECTIONS
yearend-section-proposal = IV. PROPOSED RATING LEVEL
yearend-standard = (Ethical standard: { $standard })
yearend-no-commitments = No commitments were submitted this year.
yearend-results-overview = Self-evaluated { $evaluations } time(s): { $done } times Done, { $doing } times In progress, { $notyet } times Not yet.
yearend-no-answers = No answers yet.
yearend-month = { $month }: { $answer }
yearend-month-note = { $month }: { $answer } – { $note }
yearend-draft-mark = (draft)
yearend-no-reflections = (No personal reflections this year.)
yearend-proposal-level = Proposed level: { $level }
yearend-proposal-reason = Reason: { $reason }
yearend-draft-notice = This self-review was assembled by the Branch Assistant from your answers, for you to review and complete with strengths, shortcomings and remedies. The rating level is only your own proposal; the assistant decides nothing, the branch considers and decides under Regulation 366-QĐ/TW.
yearend-draft-date = Date: { $date }
yearend-draft-signer = THE MEMBER
yearend-form-2a = Form 2A – member without a leadership or management post
yearend-form-2b = Form 2B – member with a leadership or management post
yearend-form-2c = Form 2C – member not working in the political system (for example: retired)
