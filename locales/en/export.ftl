# /export: the branch's answers as Excel and CSV files (secretaries).
export-description = Export the branch's data as Excel (XLSX) and CSV files
export-ask-period = Export the branch's meeting answers, attendance, commitments and self-evaluations. Pick the period:
export-this-year = This year ({ $year })
export-last-year = Year { $year }
export-last-12 = Last 12 months
export-period = Commitment period: { $name }
export-period-typed = Please pick below, or type a year, for example: 2025.
export-ask-format = Export { $period }. Pick the file type:
export-format-xlsx = Excel (.xlsx)
export-format-csv = CSV (.csv)
export-format-both = Both
export-cancelled = Cancelled; nothing was exported.
export-period-gone = This period can no longer be picked. Please type /export to choose again.
export-label-year = year { $year }
export-label-12 = the last 12 months ({ $from } – { $to })
export-label-period = commitment period { $name }
export-done = Data of { $branch }, { $period }:
export-count-line = - { $kind }: { $count } rows
export-hint-xlsx = The .xlsx file opens in Excel, one sheet per kind of data.
export-hint-csv = The .csv files open in Excel and any spreadsheet (UTF-8).
export-privacy = The data holds members' personal information: please use and share it only within the branch committee.
export-creator = Trợ lý Chi bộ

# Sheet names, column headers and values (in the branch language).
export-sheet-rsvps = Meeting answers
export-sheet-attendance = Attendance
export-sheet-commitments = Commitments
export-sheet-selfeval = Self-evaluations
export-col-meeting = Meeting
export-col-kind = Kind
export-col-name = Full name
export-col-answer = Answer
export-col-reason = Reason for absence
export-col-answered-at = Answered at
export-col-present = Attendance
export-col-recorded-by = Recorded by
export-col-recorded-at = Recorded at
export-col-period = Period
export-col-number = No.
export-col-commitment = Commitment
export-col-submitted-at = Submitted at
export-col-changed-at = Edited after submission at
export-col-progress = Progress
export-col-note = Note
export-col-reflection = Reflection
export-kind-regular = Regular branch meeting
export-kind-thematic = Thematic meeting
export-answer-attend = Attend
export-answer-absent = Absent
export-answer-none = No answer
export-answer-exempted = Exempted
export-present = Present
export-absent = Absent
export-progress-done = Done
export-progress-in-progress = In progress
export-progress-not-yet = Not yet
export-erased = { $count ->
    [one] 1 member erased their data during this period: the files no longer hold it.
   *[other] { $count } members erased their data during this period: the files no longer hold it.
}
