# The committee's daily notice of members' changes (one message a day), and its setting in /settings.
notice-title = TODAY'S NOTICE FOR THE COMMITTEE · { $branch } ({ $count ->
    [one] 1 change
   *[other] { $count } changes
}). The full picture: /digest.
notice-commitments-submitted =
    Comrade { $name } submitted their commitments ({ $period }):
    { $items }
notice-rsvp-changed = Comrade { $name } changed their answer for the meeting at { $when }: { $from } → { $to }.
notice-rsvp-absent = Comrade { $name } will be absent from the meeting at { $when }, reason: { $reason }.

notice-setting-label = Daily notice for the committee
notice-setting-value = daily at { $time }
notice-setting-off = off
notice-setting-prompt = Now: { $current }. When members submit or edit commitments, or change their answer after the digest before a meeting, the secretaries get one summary a day instead of a message for each. Type the time, for example 18:00, or “off” to see the changes only in the digest.
