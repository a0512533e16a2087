# /members: the branch's members, roles and status (admins).
members-description = Member list; roles, full / probationary, exemption, removal
members-summary = { $branch }: { $active ->
    [one] 1 member
   *[other] { $active } members
} ({ $full } full, { $probationary } probationary), { $exempted } exempted from meetings.
members-summary-removed = { $removed ->
    [one] 1 person was
   *[other] { $removed } people were
} removed from the list (shown at the end).
members-list-hint = Pick a member (tap the name or type its number) to see and change them, or type a name to search.
members-filter = Search “{ $query }”: { $count ->
    [one] 1 person
   *[other] { $count } people
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
    Status: { $status }
    Joined: { $joined }
    Receives messages on: { $chats }
members-party-full = full
members-party-probationary = probationary
members-yes = yes
members-no = no
members-status-active = active
members-status-removed = removed from the list on { $date }
members-no-chat = no chat that can receive messages
members-do-sec1 = Make secretary
members-do-sec0 = End secretary role
members-do-adm1 = Make admin
members-do-adm0 = Remove admin role
members-do-full = Mark as full member
members-do-prob = Mark as probationary
members-do-ex1 = Exempt from meetings
members-do-ex0 = End exemption
members-do-rm = Remove from the list
members-do-restore = Restore to the list
members-confirm-sec1 = Make { $name } a secretary? They will receive the branch's summaries and see members' answers.
members-confirm-sec0 = End the secretary role of { $name }? They will no longer receive the branch's summaries.
members-confirm-adm1 = Make { $name } an admin? They will be able to set the meeting schedule, invite and manage members.
members-confirm-adm0 = Remove the admin role of { $name }?
members-confirm-full = Mark { $name } as a full Party member?
members-confirm-prob = Mark { $name } as a probationary Party member?
members-confirm-ex1 = Mark { $name } as exempted from meetings?
members-confirm-ex0 = End the exemption from meetings of { $name }?
members-confirm-rm = Remove { $name } from the list of { $branch }?
    The assistant will stop sending them messages. Their earlier answers, commitments and self-evaluations stay with the branch. This can be undone later.
members-confirm-restore = Restore { $name } to the list of { $branch }? The assistant will send them meeting reminders and branch messages again.
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
members-notice-exempted = { $branch } has recorded you as exempted from meetings.
members-notice-not-exempted = { $branch } has recorded that you are no longer exempted from meetings.
members-notice-removed = You have been removed from the list of { $branch } in the branch assistant; it will stop sending you messages. If this is a mistake, please contact your branch secretary.
members-notice-restored = You have been restored to the list of { $branch } in the branch assistant. Send /help to see the commands.
