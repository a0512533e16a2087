# /members: the branch's members, roles and status (admins).
members-description = Member list: roles, full / probationary, exemption, name corrections, removal
members-summary = { $branch }: { $active ->
    [one] 1 member
   *[other] { $active } members
} ({ $full } full, { $probationary } probationary), { $exempted } exempted from meetings.
members-summary-removed = { $removed ->
    [one] 1 member was
   *[other] { $removed } members were
} removed from the list (shown at the end).
members-list-hint = Pick a member (tap the name or type its number) to see and change them, or type a name to search.
members-filter = Search “{ $query }”: { $count ->
    [one] 1 member
   *[other] { $count } members
}.
members-search-none = Nobody is called “{ $query }”. Please type another name, or pick from the list.
members-search-too-long = The name to search for is longer than { $max } characters. Please type less, for example: Bình.
members-search-invalid = Please pick from the list, or type a name to search for (for example: Bình).
members-pick-number = There is no number { $number } on this page. Please pick a number from 1 to { $max }, or type a name to search.
members-label = { $name } · { $tags }
members-tag-probationary = probationary
members-tag-exempted = exempted
members-tag-removed = removed
members-all = Everyone
members-close = Close
members-closed = The member list is closed.
members-back = Member list
members-card = { $name }
    Role: { $role }
    Party membership: { $party }
    Exempted from meetings: { $exempted }
    Self-review form: { $form }
    Status: { $status }
    Joined: { $joined }
    Receives messages on: { $chats }
members-party-full = full
members-party-probationary = probationary
members-yes = yes
members-no = no
members-exempted-detail = yes – reason: { $reason }; { $until }
members-exempt-no-reason = not given
members-exempt-until = until the end of { $date }
members-exempt-open = no end date
members-form-unset = not chosen (they will be asked at the year-end review)
members-status-active = on the list
members-status-removed = removed from the list on { $date }
members-no-chat = no chat that can receive messages
members-namesake-hint = Another member has the same name, so lists show a number. Choose “Note to tell apart” (for example: born 1958, group 5) so every list and summary is clearer.
members-do-sec1 = Make secretary
members-do-dep1 = Make deputy secretary
members-do-sec0 = End secretary role
members-do-dep0 = End deputy secretary role
members-do-adm1 = Make admin
members-do-adm0 = Remove admin role
members-do-full = Mark as full member
members-do-prob = Mark as probationary
members-do-ex1 = Exempt from meetings
members-do-ex0 = End exemption
members-do-name = Correct the name
members-do-note = Note to tell apart
members-do-form = Self-review form
members-do-rm = Remove from the list
members-do-restore = Restore to the list
members-confirm-sec1 = Make { $name } a secretary? They will receive the branch's summaries and see members' answers. The current secretaries and deputies will be told.
members-confirm-dep1 = Make { $name } a deputy secretary? Like the secretary, they will receive the branch's summaries and see members' answers. The current secretaries and deputies will be told.
members-confirm-sec0 = End the secretary role of { $name }? They will no longer receive the branch's summaries.
members-confirm-dep0 = End the deputy secretary role of { $name }? They will no longer receive the branch's summaries.
members-confirm-adm1 = Make { $name } an admin? They will be able to set the meeting schedule, invite and manage members.
members-confirm-adm0 = Remove the admin role of { $name }?
members-confirm-full = Mark { $name } as a full Party member?
members-confirm-prob = Mark { $name } as a probationary Party member?
members-confirm-ex1 = Mark { $name } as exempted from meetings?
    Reason: { $reason }
    Period: { $until }
members-confirm-ex0 = End the exemption from meetings of { $name }?
members-confirm-name = Correct the name of { $name } to: { $newName }?
members-confirm-note = Note to tell { $name } apart: “{ $note }”?
members-confirm-form = Year-end self-review form of { $name }: { $form }?
members-confirm-rm = Remove { $name } from the list of { $branch }?
    The assistant will stop sending them messages. Their earlier answers, commitments and self-evaluations stay with the branch. This can be undone later.
members-confirm-restore = Restore { $name } to the list of { $branch }? The assistant will send them meeting reminders and branch messages again.
members-ask-exempt-reason = Why is { $name } exempted from meetings? Pick below, or type the reason (at most { $max } characters).
members-exempt-age = Advanced age
members-exempt-health = Poor health
members-exempt-reason-too-long = The reason is longer than { $max } characters. Please shorten it.
members-exempt-reason-invalid = Please type the reason in words (for example: long medical treatment), or pick below.
members-ask-exempt-until = Exempted until when? Pick below, or type the end date (for example: 30/06/2027). When it ends, the assistant puts them back on the meeting roll and tells the admins.
members-exempt-open-choice = No end date
members-exempt-6m = 6 months
members-exempt-1y = 1 year
members-exempt-until-invalid = That end date was not understood. Please type it as day/month/year, for example: 30/06/2027, or pick below.
members-exempt-until-past = The end date must be after today. Please type a date to come.
members-ask-name = Current name: { $name }. Type the correct full name, with its diacritics (for example: Trần Văn An).
members-name-same = That is exactly the current name. Please type the new name, or choose Cancel.
members-ask-note = A short note that tells { $name } apart from a member of the same name (for example: born 1958, group 5; at most { $max } characters). It is shown only while the branch has someone of the same name.
members-note-current = Current note: { $note }
members-note-clear = Remove the note
members-note-too-long = The note is longer than { $max } characters. Please make it shorter, for example: born 1958.
members-note-invalid = A note needs letters or digits and no brackets, for example: born 1958.
members-note-preview = Every list will show: { $name }
members-note-none = (none)
members-ask-form = Which year-end self-review form does { $name } fill in (Guideline 43-HD/BTCTW)?
members-unchanged = Nothing was changed.
members-updated = { $name } has been updated.
members-removed = { $name } has been removed from the list.
members-restored = { $name } has been restored to the list.
members-removed-self = You have removed yourself from the list of { $branch }. The assistant will stop sending you messages.
members-admin-dropped-self = You have given up your admin role. The branch's other admins take over from here.
members-not-found = That member is not on the branch's list.
members-not-active = This member was removed from the list; they can only be restored.
members-no-change = That is already so; nothing to change.
members-last-admin = You are the branch's only admin, so you cannot give up the admin role or remove yourself. Make another member admin first.
members-notice-roles = Your role in { $branch } is now: { $role }. Send /help to see the commands you can use.
members-notice-full = { $branch } has recorded you as a full Party member.
members-notice-probationary = { $branch } has recorded you as a probationary Party member.
members-notice-exempted = { $branch } has recorded you as exempted from meetings ({ $exemption }). Meanwhile the assistant will not ask you to answer for meetings or to self-evaluate.
members-notice-not-exempted = { $branch } has recorded that you are no longer exempted from meetings.
members-notice-renamed = Your name on the list of { $branch } has been corrected to: { $name }.
members-notice-note = To tell you apart from a member of the same name, the list of { $branch } shows this beside your name: { $note }.
members-notice-form = { $branch } has recorded that you fill in { $form } for the year-end self-review.
members-notice-exemption-ended = Your exemption from meetings in { $branch } has ended. The assistant will remind you of branch meetings again.
members-admin-exemption-ended = The exemption from meetings of { $name } has ended; they are back on the meeting roll. To extend it, use /members.
members-notice-removed = You have been removed from the list of { $branch } in the branch assistant; it will stop sending you messages. If this is a mistake, please contact your branch secretary.
members-notice-restored = You have been restored to the list of { $branch } in the branch assistant. Send /help to see the commands.

## A new secretary is announced (Safety: nobody becomes one quietly)
grant-self = { $by } ({ $byRole }) has just made themselves { $role } of { $branch }. From now on { $by } sees members' answers and receives the summaries.
grant-other = { $by } ({ $byRole }) has just made { $name } { $role } of { $branch }. From now on { $name } sees members' answers and receives the summaries.
grant-joined = { $name } has just joined { $branch } as { $role }, with an invite made by { $by }.
grant-joined-operator = { $name } has just joined { $branch } as { $role }, with an invite made by the operator.
grant-undo-admin = If this is not right, please undo it in /members.
grant-undo-other = If this is not right, please tell the branch's admins at once.
grant-op-self = { $branch }: { $by } ({ $byRole }) has just made themselves { $role }. The branch has no other secretary to tell, so the assistant tells its operators.
grant-op-other = { $branch }: { $by } ({ $byRole }) has just made { $name } { $role }. The branch has no other secretary to tell, so the assistant tells its operators.
grant-op-joined = { $branch }: { $name } has just joined as { $role }, with an invite made by { $by }. The branch has no other secretary to tell, so the assistant tells its operators.
grant-op-joined-operator = { $branch }: { $name } has just joined as { $role }, with an invite made by the operator.
