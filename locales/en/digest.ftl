# /digest and the scheduled digests for the branch's secretaries.
digest-description = The branch digest: expected attendance, commitments, self-evaluations, notes
digest-title-before = DIGEST BEFORE THE MEETING
digest-title-after = DIGEST AT THE START OF THE MEETING
digest-title-now = BRANCH DIGEST
digest-meeting-line = { $branch } · { $kind }
digest-kind-regular = Regular branch meeting
digest-kind-thematic = Thematic meeting
digest-meeting-time = Time: { $time }
digest-meeting-place = Place: { $place }
digest-meeting-topic = Topic: { $topic }
digest-no-meeting = The branch has no meeting scheduled. An admin sets the schedule with /schedule.
digest-after-note = Self-evaluation has closed: these are the final figures.
digest-after-note-no-eval = Figures as of the start of the meeting.
digest-as-of = Figures as of { $time }.

digest-roll-title-forecast = EXPECTED ATTENDANCE
digest-roll-title-recorded = ATTENDANCE
digest-roll-total = Members: { $total } (full { $full }, probationary { $probationary })
digest-roll-exempted = Exempted from meetings: { $count }
digest-roll-expected = Expected to attend: { $count }
digest-roll-present = Present: { $count }
digest-roll-excused = Absent with reason: { $count }
digest-roll-absent-no-reason = Absent without reason: { $count }
digest-roll-no-answer = No answer yet: { $count }
digest-roll-everyone-answered = Every member has answered.
digest-roll-nobody-answered = Nobody has answered yet.
digest-roll-record-hint = Attendance not recorded yet: record who actually came with /attendance.
digest-reason-line = - { $name }: { $reason }
digest-no-reason-given = (no reason given)

digest-commit-title = COMMITMENTS ({ $period })
digest-commit-title-none = COMMITMENTS
digest-commit-no-period = No commitment period is open.
digest-commit-registered = Registered: { $count }/{ $total }
digest-commit-missing = Not registered: { $names }
digest-commit-deadline = Registration closes: { $date }
digest-commit-all = Everyone has registered.
digest-commit-changed-since = Commitments edited after submission (since the digest of { $time }): { $count }
digest-commit-changed = Commitments edited after submission: { $count }
digest-changed-line = - { $name }: { $text }
digest-deleted-line = - { $name } (deleted): { $text }
digest-draft-mark = { $name } (in draft)

digest-eval-title = SELF-EVALUATIONS
digest-eval-window-upcoming = Opens { $opens }, closes when the meeting starts.
digest-eval-window-open = Deadline: { $closes } (when the meeting starts).
digest-eval-window-closed = Closed at { $closes }.
digest-eval-nobody-expected = No member has registered commitments yet, so there is nothing to self-evaluate.
digest-eval-submitted = Submitted: { $count }/{ $total }
digest-eval-missing = Not submitted: { $names }
digest-eval-all = Everyone has submitted.
digest-eval-done = Done: { $count }
digest-eval-in-progress = In progress: { $count }
digest-eval-not-yet = Not yet: { $count }
digest-eval-not-yet-twice = Not yet two months in a row: { $count }

digest-warn-title = PRIVATE NOTES FOR THE BRANCH COMMITTEE
digest-warn-none = Nothing to note.
digest-warn-absences = Missed regular meetings without reason in { $months } or more months of { $year }: { $count }
digest-warn-absence-line = - { $name }: { $count ->
    [one] 1 month
   *[other] { $count } months
} ({ $months })
digest-warn-charter = Party Charter, Article 8: a member who misses branch meetings three months in a year without good reason is considered by the branch. The assistant counts months, and regular meetings only; where attendance was not recorded, not answering counts too. The assistant only points this out so the committee knows and can talk with the member; it takes no action itself.
digest-warn-unreachable = The assistant cannot reach: { $count }
digest-warn-unreachable-inactive = - { $name }: blocked the assistant or stopped using the chat{ $undelivered ->
    [0] .
   *[other] , { $undelivered } messages not delivered.
}
digest-warn-unreachable-no-chat = - { $name }: no chat account yet{ $undelivered ->
    [0] .
   *[other] , { $undelivered } messages not delivered.
}

# Buttons under a digest.
digest-do-chart = 12-month chart
digest-do-previous = Previous meeting
digest-do-attendance = Attendance
digest-do-export = Export data
digest-meeting-not-found = This meeting of the branch was not found.
digest-none = The branch has no meeting to report on yet. An admin sets the schedule with /schedule.

# The participation chart (PNG).
digest-chart-title = Attendance at branch meetings, last 12 months · { $branch }
digest-chart-note = Months with recorded attendance count it; the others count the members' answers (noted under each bar).
digest-chart-attend = Present / said they attend
digest-chart-absent = Absent with reason
digest-chart-no-answer = Absent without reason / no answer
digest-chart-from-recorded = recorded
digest-chart-from-answers = answers
digest-chart-from-both = both
digest-chart-axis = Count
digest-chart-month = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
digest-chart-no-meeting = no meeting
digest-chart-caption = Attendance at branch meetings over the last 12 months: recorded attendance where it was recorded, the members' answers elsewhere.
digest-chart-file = participation-chart

# Settings in /settings.
digest-setting-hours-label = Digest before the meeting
digest-setting-hours-value = { $hours } hours
digest-setting-hours-prompt = Now: { $current }. How many hours before a meeting should the secretaries get the digest? Type a number of hours from 1 to 168 (for example: 24, or 2 days).
digest-setting-hours-range = The time must be between { $min } and { $max } whole hours. Please type it again, for example: 24.
digest-setting-hours-preview = Meeting at { $meeting }: the digest will go out at { $at }.
digest-setting-retention-label = Data retention
digest-setting-retention-value = { $months } months
digest-setting-retention-prompt = Now: { $current }. How many months are answers, attendance, commitments and self-evaluations kept? Type a number of months from 12 to 120 (for example: 36, or 3 years).
digest-setting-retention-preview = Meeting data from before { $date } will be deleted at the next clean-up and cannot be restored.
digest-erased = { $count ->
    [one] 1 member erased their data during this period; the figures no longer include them.
   *[other] { $count } members erased their data during this period; the figures no longer include them.
}
digest-chart-erased = { $count ->
    [one] 1 member erased their data during these 12 months; the chart no longer includes them.
   *[other] { $count } members erased their data during these 12 months; the chart no longer includes them.
}
