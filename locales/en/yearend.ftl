# Year-end review (Regulation 366-QĐ/TW). The levels are shown in English here; Vietnamese uses the
# exact wording. The draft follows the forms of Guideline 43-HD/BTCTW (Forms 2A, 2B, 2C, 2025).
yearend-level-excellent = Excellently fulfilled duties
yearend-level-good = Well fulfilled duties
yearend-level-completed = Fulfilled duties
yearend-level-not-completed = Did not fulfil duties
yearend-start = Propose my rating
yearend-opened = The branch has opened the year-end review { $year }. Propose your rating level (Regulation 366-QĐ/TW) with a reason, and receive a draft self-review on the form of Guideline 43-HD/BTCTW, assembled from the year's commitments and self-evaluations. Until the end of { $date }.
yearend-date-changed = The year-end review { $year } is now open until the end of { $date }. You have not proposed your rating yet; choose Propose my rating, or send /selfeval.
yearend-intro = Year-end review { $year }.
yearend-overview = Commitments this year: { $commitments }.
yearend-tally = Self-evaluation: { $months } month(s) sent, with { $answers } answer(s) about commitments (Done: { $done }; In progress: { $doing }; Not yet: { $notyet }).
yearend-previous = You proposed: { $level } ({ $date }). You may propose again.
yearend-ask-level = Which rating level do you propose? This is only your proposal: the assistant does not grade, the branch considers and decides.
yearend-pick-level = Please pick one of the four levels below (type 1–4 or choose below).
yearend-ask-form = Which form of Guideline 43-HD/BTCTW do you fill in for your self-review? Pick the one that matches your work today:
yearend-pick-form = Please pick one of the three forms below (type 1, 2, 3 or choose below).
yearend-form-current = Self-review form: { $form }
yearend-form-saved = Recorded: you fill in { $form }.
yearend-change-form = Change the self-review form
yearend-ask-reason = Proposed level: { $level }. Please type a short reason (at most { $max } characters).
yearend-previous-reason = Earlier reason: { $reason }
yearend-keep-reason = Keep the earlier reason
yearend-confirm =
    Proposed rating for { $year }:
    Level: { $level }
    Reason: { $reason }
    Choose Confirm to send it and receive the draft self-review.
yearend-closed = The year-end review is not open. Please ask the branch committee.
yearend-saved = Your proposal for { $year } is recorded: { $level }. It is a proposal; the branch will consider and decide. Below is the draft self-review (with a Word file) for you to review and complete.
yearend-file-name = self-review-{ $year }.docx

## The draft, on the member's form
yearend-form-2a = Form 2A – member without a leadership or management post
yearend-form-2b = Form 2B – member with a leadership or management post
yearend-form-2c = Form 2C – member not working in the political system (for example: retired)
yearend-form-code-2a = Form 2A-HD KĐ.ĐG 2025
yearend-form-code-2b = Form 2B-HD KĐ.ĐG 2025
yearend-form-code-2c = Form 2C-HD KĐ.ĐG 2025
yearend-form-for-2a = (For members without a leadership or management post)
yearend-form-for-2b = (For members with a leadership or management post)
yearend-form-for-2c = (For members not working in the political system)
yearend-header-committee = PARTY COMMITTEE ……………………
yearend-header-branch = BRANCH { $branch }
yearend-party-header = COMMUNIST PARTY OF VIETNAM
yearend-draft-date = ……………, { $day }/{ $month }/{ $year }
yearend-draft-title = PERSONAL SELF-REVIEW
yearend-draft-year = Year { $year }
yearend-draft-tag = (Draft assembled by the branch assistant)
yearend-draft-name = Full name: { $name }
yearend-info-birth = Date of birth: ……………
yearend-info-party-post = Party post: ……………
yearend-info-gov-post = Government or mass-organisation post: ……………
yearend-info-unit = Workplace: ……………
yearend-info-residence = Place of residence: ……………
yearend-draft-branch = Branch: { $branch }
yearend-h-strengths = STRENGTHS AND RESULTS
yearend-h-ideology = Political thought; ethics and lifestyle; sense of organisation and discipline; working style
yearend-h-ideology-2c = Political thought; ethics and lifestyle; sense of organisation and discipline
yearend-h-duties = Carrying out the duties and tasks assigned
yearend-h-duties-2b = Results in the duties and tasks assigned (leadership, management and direction of the agency or unit)
yearend-h-duties-2c = Carrying out a member's tasks, the tasks the branch assigned and civic duties where one lives
yearend-h-pledge = Keeping the yearly pledge to cultivate, train and strive
yearend-h-example = Setting an example
yearend-h-weaknesses = SHORTCOMINGS AND THEIR CAUSES
yearend-h-remedied = REMEDYING SHORTCOMINGS CONCLUDED BY THE COMPETENT BODY OR POINTED OUT IN EARLIER REVIEWS
yearend-h-explain = EXPLANATIONS ON MATTERS RAISED FOR THIS REVIEW (IF ANY)
yearend-h-responsibility = PERSONAL RESPONSIBILITY FOR SHORTCOMINGS OF THE COLLECTIVE (IF ANY)
yearend-h-direction = DIRECTION AND MEASURES TO REMEDY SHORTCOMINGS
yearend-h-rating = SELF-ASSESSED QUALITY RATING
yearend-h-rating-2c = SELF-ASSESSED PARTY MEMBER QUALITY RATING
yearend-fill = …………………………………………… (to be written by you)
yearend-pledge-intro = Actions registered for { $year } to follow Ho Chi Minh's thought, ethics and style, with the monthly results:
yearend-standard = (Ethical standard: { $standard })
yearend-no-commitments = No commitments were submitted this year.
yearend-no-answers = No answers yet.
yearend-month = { $month }: { $answer }
yearend-month-note = { $month }: { $answer } – { $note }
yearend-draft-mark = (draft, not sent)
yearend-shortfalls-intro = Commitments not done by the latest self-evaluation:
yearend-shortfall = { $text } ({ $month }: { $answer })
yearend-reflections-intro = Your personal reflections month by month (for reference):
yearend-rating-staff = Rating as a civil servant, public employee or worker (if any): ……………
yearend-proposal-level = Party member quality rating (proposed): { $level }
yearend-proposal-reason = Reason: { $reason }
yearend-draft-notice = This self-review was assembled by the branch assistant from your answers, for you to review and to write the parts left blank. The rating level is only your own proposal; the assistant decides nothing, the branch considers and decides under Regulation 366-QĐ/TW.
yearend-draft-signer = THE MEMBER
yearend-draft-sign-hint = (Signature and full name)

## Overview of the proposals, for the year-end meeting (branch committee and admins)
yearend-overview-button = Rating proposals { $year }
yearend-overview-title = RATING PROPOSALS { $year } – { $branch }
yearend-overview-not-opened = The year-end review { $year } has not been opened.
yearend-overview-open = The year-end review is open until the end of { $date }.
yearend-overview-closed = The year-end review is closed ({ $date }).
yearend-overview-count = Proposed: { $proposed } of { $total } members.
yearend-overview-line = { $n }. { $name } – reason: { $reason }
yearend-overview-missing = Not proposed yet: { $names }
yearend-overview-all = Every member has proposed.
yearend-overview-note = These are each member's own proposals, for the branch to consider at the year-end meeting; the assistant decides no rating.
