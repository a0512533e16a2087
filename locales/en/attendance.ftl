# /attendance: who actually attended a meeting (secretaries).
attendance-description = Attendance: record who actually came, and the reasons of absences
attendance-title = ATTENDANCE
attendance-meeting = { $kind } at { $time }
attendance-from-answers = Filled in from the members' answers.
attendance-from-record = As recorded before.
attendance-counts = Present: { $present } · Absent with reason: { $excused } · Absent without reason: { $noreason }
attendance-hint = Pick a name (type its number or the name) to switch present ⇄ absent. For an absence with a reason, pick Record a reason. Then pick Confirm.
attendance-label-present = ✅ { $name }
attendance-label-absent = ❌ { $name } (absent)
attendance-label-excused = ❌ { $name } (absent with reason)
attendance-exempted = { $name }, exempted
attendance-give-reason = Record a reason
attendance-other-meeting = Another meeting
attendance-pick-meeting = Pick the meeting to record:
attendance-pick-absent = Whose absence has a reason? Type the number or the name.
attendance-ask-reason = Why was { $name } absent? Keep it short, for example: Ill, in hospital.
attendance-ask-reason-current =
    { $name } was absent: { $reason }
    Type another reason to change it.
attendance-reason-keep = Keep this reason
attendance-reason-none = Absent without reason
attendance-reason-saved = Noted: { $name } was absent with a reason ({ $reason }).
attendance-reason-cleared = Noted: absent without reason.
attendance-back = Back
attendance-now-present = { $name } is now present.
attendance-now-absent = { $name } is now absent.
attendance-pick-number = There is no number { $number } on this page. Please type a number from the list, or a name.
attendance-search-none = Nobody called “{ $query }” is on the list. Please type a number or another name.
attendance-search-many = { $count } people match “{ $query }”. Please type more of the name, or pick it in the list.
attendance-saved =
    Attendance recorded:
    { $meeting }
    Present: { $present }
    Absent with reason: { $excused }
    Absent without reason: { $noreason }
attendance-cancelled = Cancelled; no attendance was recorded.
attendance-no-meeting = The branch has no meeting that has taken place yet.
attendance-not-started = The meeting at { $time } has not started yet. Record attendance once it has started.
