# /attendance: who actually attended a meeting (secretaries).
attendance-description = Attendance: record who actually came to a meeting
attendance-title = ATTENDANCE
attendance-meeting = { $kind }, { $time }
attendance-from-answers = Filled in from the members' answers.
attendance-from-record = As recorded before.
attendance-counts = Present: { $present } · Absent: { $absent }
attendance-hint = Tap a name (or type its number, or the name) to switch Present ⇄ Absent. Then tap Confirm.
attendance-label-present = ✅ { $name }
attendance-label-absent = ❌ { $name } (absent)
attendance-exempted = { $name }, exempted
attendance-other-meeting = Another meeting
attendance-pick-meeting = Pick the meeting to record:
attendance-back = Back
attendance-now-present = { $name } is now present.
attendance-now-absent = { $name } is now absent.
attendance-pick-number = There is no number { $number } on this page. Please tap a name, type a number from the list, or type a name.
attendance-search-none = Nobody called “{ $query }” is on the list. Please tap a name or type its number.
attendance-search-many = { $count } people match “{ $query }”. Please type more of the name, or tap it in the list.
attendance-saved = Attendance recorded for { $meeting }.
    Present: { $present }
    Absent: { $absent } (with reason { $excused }, without reason { $noreason })
attendance-cancelled = Cancelled; no attendance was recorded.
attendance-no-meeting = The branch has no meeting that has taken place yet.
attendance-not-started = The meeting at { $time } has not started yet. Record attendance once it has started.
