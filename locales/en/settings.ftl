# /caidat: the branch's settings.
settings-description = Branch settings: time zone, quiet hours, nudges, commitments, self-evaluation, digests, the committee's daily notice, data retention
settings-menu-title = Settings of { $branch }:
settings-menu-ask = Which one would you like to change?
settings-confirm = { $setting }: { $from } → { $to }
settings-saved = Saved. { $setting }: { $value }.
settings-number-format = Please type a number from { $min } to { $max }.
settings-number-range = The number must be from { $min } to { $max }. Please type it again.
settings-range-format = I could not read the hours. Please type for example: 21:00-07:00 (from 9 pm to 7 am), or “off”.

settings-timezone-label = Time zone
settings-timezone-prompt = Time zone now: { $current }. Type the new one by its standard name (for example Asia/Ho_Chi_Minh, Europe/Berlin) or a city (for example Berlin).
settings-timezone-invalid = There is no time zone “{ $input }”. Please type a standard name such as Asia/Ho_Chi_Minh or Europe/Berlin.
settings-timezone-preview = The time now in the new time zone: { $now }. Regular meetings keep their local time.
settings-timezone-replanned = { $count } upcoming regular meetings were rescheduled in the new time zone.

settings-quiet-label = Quiet hours
settings-quiet-prompt = Quiet hours now: { $current }. During them nothing is sent except replies to what a member just wrote; what falls in them goes when they end (a meeting reminder only if that is still before the meeting). Type the hours as 21:00-07:00, or “off”.
settings-quiet-off = none
settings-quiet-same = The start and the end are the same. To have no quiet hours, type “off”.

settings-nudge-count-label = Nudges
settings-nudge-count-prompt = Now: { $current }. How many extra reminders at most for members who have not answered (0 to 5)?
settings-nudge-count-value = { $count ->
    [one] once
   *[other] { $count } times
}
settings-nudge-none = no nudges
settings-nudge-interval-label = Time between nudges
settings-nudge-interval-prompt = Now: { $current }. How many hours between nudges (1 to 72)?
settings-hours-value = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
