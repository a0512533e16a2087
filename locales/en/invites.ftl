# /invite: invite codes and links (admins). The code, validity and link lines are in branch.ftl.
invites-description = Create invite codes and links; see and revoke open invites
invites-ask-role = New invite. Which role will the person who uses it have in the branch?
invites-role-member = Member
invites-role-secretary = Secretary
invites-role-deputy = Deputy secretary
invites-role-admin = Admin
invites-role-both = Secretary + admin
invites-open-button = Open invites ({ $count })
invites-ask-days = How long should the invite be valid?
    Pick below, or type a number of days with the word “days” (for example: 14 days), at most { $max } days.
invites-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
invites-days-invalid = That is not a number of days. Please pick below or type a number, for example: 14 days.
invites-days-range = The validity must be between 1 and { $max } days.
invites-ask-uses = How many people may use it?
    Pick below, or type a number with the word “uses” (for example: 25 uses), at most { $max }.
invites-uses = { $count ->
    [one] 1 use
   *[other] { $count } uses
}
invites-uses-invalid = That is not a number of uses. Please pick below or type a number, for example: 25 uses.
invites-uses-range = The number of uses must be between 1 and { $max }.
invites-preview = New invite for { $branch }:
    Role: { $role }
    Valid for: { $days ->
        [one] 1 day
       *[other] { $days } days
    } (until { $expires })
    Uses: { $uses }
invites-warn-role-uses = Note: this invite makes everyone who uses it { $role }. It is safer to allow 1 use and send it privately to the right person.
invites-warn-secretary = Whoever uses this code becomes { $role }: they see every member's answers and receive the branch's summaries. The current secretaries will be told when the code is used.
invites-created = The invite has been created (role: { $role }). Send this to the person you are inviting:
invites-too-many = The branch already has { $max } open invites, the maximum. Please revoke old ones first (/invite, then “Open invites”).
invites-list-header = Open invites: { $count }
invites-list-hint = Pick one to see its link or revoke it.
invites-list-empty = The branch has no open invites.
invites-item = { $code } · { $role } · { $uses }/{ $max }
invites-new = New invite
invites-close = Close
invites-closed = The invite list is closed.
invites-back = Invite list
invites-detail = Role: { $role }
    Used: { $uses } of { $max }
    Created { $created } by { $by }
invites-by-operator = the operator
invites-revoke = Revoke
invites-revoke-confirm = Revoke { $code }? Nobody will be able to join with it any more; the { $uses } people who already joined with it stay members.
invites-revoked = { $code } has been revoked.
invites-not-open = This invite is no longer open (it expired, was used up or was revoked).
