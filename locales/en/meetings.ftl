# Meetings: the meeting itself, answers (Attend / Absent), /hop and /lichhop.
meeting-hop-description = The next meeting; say whether you attend
meeting-schedule-description = Meeting schedule; move, cancel or add a meeting

meeting-title-regular-month = Regular branch meeting, { $month }
meeting-title-regular = Branch meeting
meeting-title-thematic = Thematic meeting
meeting-line-when = When: { $when }
meeting-line-place = Where: { $place }
meeting-line-online = Online: { $place }
meeting-line-no-place = Where: the branch committee will tell you later
meeting-line-topic = Agenda: { $topic }

meeting-attend = Attend
meeting-absent = Absent
meeting-answer-none = no answer yet
meeting-answer-absent = Absent (reason: { $reason })
meeting-absence-ask =
    Reason for absence?
    Please tell us briefly why you cannot attend the meeting at { $when } (at most 500 characters). Type /cancel if you no longer want to report an absence.
meeting-reason-empty = The reason has no text. Please type it in words, for example: Business trip. Nothing was saved.
meeting-reason-too-long = The reason is { $count } characters long, more than { $max }. Please make it shorter. Nothing was saved.
meeting-rsvp-attend-saved = Noted: you will attend the meeting at { $when }. Thank you! If this changes, type /meeting to answer again.
meeting-rsvp-absent-saved = Noted: you will be absent from the meeting at { $when }, reason: { $reason }. If this changes, type /meeting to answer again.
meeting-rsvp-cancelled = The meeting at { $when } has been cancelled; no answer is needed.
meeting-rsvp-closed = The meeting at { $when } has already started, so the answer can no longer be changed.

meeting-none = The branch has no upcoming meeting yet. You will be reminded once there is one.
meeting-none-admin = The branch has no upcoming meeting yet. You can set the regular schedule with /schedule.
meeting-your-answer = Your answer: { $answer }
meeting-exempted-note = You are exempted from meetings, so you get no reminders and need not answer; if you attend anyway, you can say so here.
meeting-change-until-start = You can change your answer until the meeting starts.
meeting-later-title = Later meetings, which you can answer now:
meeting-later-line = • { $when }: { $answer }
meeting-later-answer = Answer now for { $date }

meeting-menu-title = Meetings of { $branch }
meeting-menu-rule = Regular schedule: { $rule }
meeting-menu-no-rule = The branch has no regular meeting schedule yet.
meeting-menu-upcoming =
    Upcoming meetings:
    { $list }
meeting-menu-ask = What would you like to do?
meeting-menu-set-rule = Set the regular schedule
meeting-menu-edit-rule = Change the regular schedule
meeting-menu-move = Move a meeting
meeting-menu-cancel = Cancel a meeting
meeting-menu-add = Add a meeting
meeting-cancel-keep = Don't cancel
meeting-cancel-kept = Not cancelled: the meeting stays as scheduled.
meeting-menu-cancelled = { $meeting } – cancelled
meeting-menu-cancelled-reason = { $meeting } – cancelled: { $reason }

meeting-rule-day = day { $day } of every month, at { $time }
meeting-rule-nth = { $weekday } of week { $nth } of every month, at { $time }
meeting-rule-last = the last { $weekday } of every month, at { $time }
meeting-rule-invalid = The schedule is incomplete. Please pick Edit to enter it again.
meeting-ask-kind = On which day of the month does the regular meeting take place?
meeting-kind-day = A fixed day (for example the 5th)
meeting-kind-nth = A weekday of a given week (for example the 2nd Thursday)
meeting-kind-last = The last … of the month
meeting-ask-day = Which day of the month? Type a number from 1 to 31. In shorter months the meeting is on the last day.
meeting-day-out-of-range = The day of the month must be a number from 1 to 31, for example: 5. Please type it again.
meeting-ask-nth = Which week of the month?
meeting-nth-label = { $nth ->
    [1] First week
    [2] Second week
    [3] Third week
   *[4] Fourth week
}
meeting-nth-invalid = Please choose the first, second, third or fourth week.
meeting-ask-weekday = Which weekday of week { $nth }? Pick it in the list, or type the day, for example: Thursday, Sunday.
meeting-ask-weekday-last = The last which weekday of the month? Pick it in the list, or type for example: Friday, Sunday.
meeting-weekday-invalid = That is not a weekday I know. Please pick it in the list, or type for example: Monday, Thursday, Sunday.
meeting-ask-time = At what time? Type for example: 14:00, 14h, 14h30 or 7pm.
meeting-keep-time = Keep the time ({ $time })
meeting-usual-time = The usual time ({ $time })
meeting-time-format = I could not read the time “{ $input }”. Please type for example: 14:00, 14h, 14h30 or 2pm.
meeting-time-range = “{ $input }” is not a valid time: hours 0 to 23, minutes 0 to 59. For example: 14:00. Please type it again.
meeting-ask-place = Where? Type the place (for example: Community hall) or the link of an online meeting.
meeting-current = Now: { $value }
meeting-current-none = None yet.
meeting-keep-place = Keep: { $place }
meeting-no-place = None yet, to be announced
meeting-ask-topic = The meeting's agenda (for example: review of the month, tasks for next month)?
meeting-ask-topic-thematic = The topic of the thematic meeting? (for example: Studying and following Ho Chi Minh's thought, ethics and style on thrift)
meeting-keep-topic = Keep: { $topic }
meeting-no-topic = No agenda
meeting-none-yet = none yet
meeting-text-empty = There is no text. Please type it again.
meeting-text-too-long = Longer than { $max } characters. Please make it shorter.
meeting-text-number = “{ $input }” is not one of the choices here. Please press a button, or type the text in words.

meeting-rule-preview =
    New regular schedule: { $rule }
    Where: { $place }
    Agenda: { $topic }
    The next three meetings:
    { $dates }
meeting-preview-line = { $when }
meeting-preview-line-holiday = { $when } – note: public holiday ({ $holiday })
meeting-preview-line-shifted = { $original } is a public holiday ({ $holiday }) → proposed: { $when }
meeting-preview-note = If a meeting later falls on a public holiday, it will be moved to the next working day and the admins told. Press Confirm to save.
meeting-preview-holiday-note = A meeting falls on a public holiday. Choose “{ $shift }” to meet on the next working day, or “Keep the dates” to meet as scheduled.
meeting-keep-holiday-dates = Keep the dates
meeting-shift-to = Move to { $date }
meeting-shift-all = Move to the proposed days
meeting-rule-saved = Regular schedule saved: { $rule }.
meeting-next-dates =
    Next meetings:
    { $dates }
meeting-rule-kept = The meeting at { $when } keeps its time, as members have been reminded of it. To change it, use /schedule → Move a meeting.
meeting-members-told = { $count ->
    [one] 1 member was told about the change.
   *[other] { $count } members were told about the change.
}

meeting-holiday-new-year = New Year's Day
meeting-holiday-tet = Lunar New Year (Tết)
meeting-holiday-hung-kings = Hung Kings' Commemoration Day
meeting-holiday-reunification = Reunification Day
meeting-holiday-labour = International Workers' Day
meeting-holiday-national-day = National Day
meeting-holiday-compensatory = day off in lieu of a holiday
meeting-holiday-warning = Note: this day is a public holiday ({ $holiday }).
meeting-shifted-notice =
    The regular meeting falls on { $original } ({ $holiday }), so it was moved to the next working day:
    { $facts }
    To meet on another day, use /schedule → Move a meeting.

meeting-pick-move = Which meeting should be moved?
meeting-pick-cancel = Which meeting should be cancelled?
meeting-pick-gone = That meeting is no longer scheduled (it has passed or was cancelled). Please choose another one.
meeting-ask-date = On which day? Type day/month/year, for example 05/12/2026 or 5/12. (It is now { $today })
meeting-ask-date-move = Move it to which day? Type day/month/year, for example 05/12/2026 or 5/12. (It is now { $today })
meeting-date-format = I could not read the date “{ $input }”. Please type day/month/year, for example 05/12/2026 or 5/12.
meeting-date-month = There is no month { $month } (months are 1 to 12). Please type the date again, for example 05/12/2026.
meeting-date-year = The year { $year } is not valid. Please type the date again, for example 05/12/2026.
meeting-date-not-exist = There is no { $date } in the calendar. Please type it again.
meeting-date-past = { $date } has passed. Please choose today or a later day.
meeting-date-too-far = Meetings can be scheduled at most { $days } days ahead. Please choose an earlier day.
meeting-datetime-past = That time has passed (it is now { $now }). Please choose a later time.
meeting-ask-add-kind = What kind of meeting?
meeting-add-regular = Branch meeting (additional)
meeting-add-preview =
    Add a meeting:
    { $facts }
    Members will be reminded on the branch's reminder schedule.
meeting-added-done =
    Meeting added:
    { $facts }
meeting-ask-cancel-reason = Why is the meeting cancelled? The reason goes with the notice to the members.
meeting-no-reason = No reason given
meeting-reason-none = not given
meeting-cancel-preview =
    Cancel the meeting:
    { $facts }
    Reason: { $reason }
    { $count ->
        [0] Nobody has been reminded or has answered yet, so nobody needs to be told.
        [one] 1 member who was reminded or answered will be told.
       *[other] { $count } members who were reminded or answered will be told.
    }
meeting-cancelled-done = { $count ->
    [0] The meeting at { $when } is cancelled.
    [one] The meeting at { $when } is cancelled. 1 member was told.
   *[other] The meeting at { $when } is cancelled. { $count } members were told.
}
meeting-cancelled-notice =
    Notice: the following meeting has been cancelled; you need not attend.
    { $facts }
meeting-cancelled-reason = Reason: { $reason }
meeting-move-preview =
    Move the meeting:
    { $facts }
    Move to: { $when }
    { $count ->
        [0] Nobody has been reminded or has answered yet; members will be reminded for the new time.
        [one] 1 member who was reminded or answered will be told and asked again whether they attend at the new time.
       *[other] { $count } members who were reminded or answered will be told and asked again whether they attend at the new time.
    }
meeting-moved-done = { $count ->
    [0] The meeting was moved to { $when }.
    [one] The meeting was moved to { $when }. 1 member was told.
   *[other] The meeting was moved to { $when }. { $count } members were told.
}
meeting-moved-notice =
    Notice: the meeting has been rescheduled (it was { $was }):
    { $facts }
meeting-moved-answer-again = You had answered: { $answer }. Please answer again for the new time.
meeting-updated-notice =
    Notice: the meeting's details have changed:
    { $facts }
