# Reminders and nudges, and /nhacnho.
reminder-description = When reminders go, nudges and quiet hours
reminder-heading = Meeting reminder
reminder-nudge-heading = You have not yet said whether you attend this meeting:
reminder-ask = Please answer Attend or Absent (if absent, please give the reason).
reminder-answered = You answered: { $answer }. If this changes, please choose again.

reminder-menu-title =
    Meeting reminders
    • Before the meeting: { $offsets }
reminder-menu-offsets = Change reminder times
reminder-ask-offsets = How long before the meeting should reminders go? Type up to 5, separated by commas, for example: 3 days, 1 day, 2 hours. Now: { $current }
reminder-default-offsets = Default: 3 days, 1 day, 2 hours
reminder-offsets-format = I could not read “{ $input }”. Please type for example: 3 days, 1 day, 2 hours (or 30 minutes).
reminder-offsets-count = At most { $max } reminders. Please type fewer.
reminder-offsets-range = Each must be between { $min } minutes and { $days } days before the meeting. Please type them again.
reminder-confirm-offsets = Reminders before the meeting: { $offsets }
reminder-offsets-saved = Saved: reminders { $offsets } before the meeting.
reminder-preview-title = The next meeting ({ $when }) will be reminded:
reminder-preview-reminder = { $at } – { $before } before
reminder-preview-nudge = { $at } – nudge { $n } (to those who have not answered)
reminder-preview-no-meeting = There is no upcoming meeting to show the reminders of.
reminder-preview-sent = { $line }: sent
reminder-preview-past = { $line }: past
reminder-preview-catch-up-now = Now – { $what }, sent late
reminder-preview-catch-up-quiet = { $at } – { $what }, sent late (after quiet hours)
reminder-preview-first = the first reminder
reminder-preview-nth-nudge = nudge { $n }
reminder-preview-before = the reminder { $before } before
reminder-duration-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
reminder-duration-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
reminder-duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
