# /dangky, /gopy, /cuatoi and the admin's management of Directive 03 (commitments to follow Uncle Ho's example).
commitment-description = Commitments to follow Uncle Ho's example: add, edit, delete, submit
commitment-review-description = Comment on members' commitments; the rating proposals
commitment-mine-description = My commitments, comments and self-evaluations
commitment-period-year = { $year }
commitment-period-missing = The branch has no open commitment period. Please ask the branch admin.

## The member's list
commitment-list-title = Commitments to follow Uncle Ho's example – { $period }
commitment-deadline = Registration deadline: { $date }.
commitment-deadline-passed = The registration deadline has passed ({ $date }).
commitment-list-empty = You have no commitments yet. Each member registers { $min } to { $max } concrete actions.
commitment-list-hint-submit = Not submitted yet: { $count }. Choose Confirm to send them to the branch committee.
commitment-list-hint-submitted = Sent to the branch committee. You can still edit until the end of { $date }; the committee will be told.
commitment-add = Add
commitment-close = Close
commitment-manage = Manage
commitment-back = Back
commitment-list-closed = Closed. Type /commit whenever you want to see or edit them.
commitment-pick-number = There is no choice number { $input }. Please type a number from the list below.
commitment-list-use-buttons = Please choose below: a commitment to see, edit or delete, or Add.
commitment-status-draft = not submitted
commitment-status-submitted = submitted { $date }
commitment-status-changed = edited { $date }
commitment-status-revision = revision requested

## Adding and editing
commitment-ask-first =
    Which concrete action will you commit to, following Uncle Ho's example? Type commitment { $n } (one action, at most { $max } characters).
    Example: Arrive at work on time and keep the phone for work matters during working hours.
commitment-ask-text = Type commitment { $n } (one concrete action, at most { $max } characters).
commitment-ask-edit =
    Current text: { $text }
    Type the new text (at most { $max } characters).
commitment-ask-standard = Which of the branch's ethical standards does this relate to? Pick one, or choose Skip.
commitment-added = Commitment { $n } added.
commitment-added-need = Add at least { $more } more, then choose Confirm.
commitment-added-more = You can add another, or choose Confirm to send them to the branch committee.
commitment-added-full = That is the maximum. Choose Confirm to send them to the branch committee.
commitment-saved-draft = Saved (not submitted). Choose Confirm to send to the branch committee.
commitment-duplicate = This commitment is already on your list. Please type a different one.
commitment-max-reached = You have { $max } commitments, the branch's maximum. To add one, delete or edit another.
commitment-too-few = At least { $min } commitments are needed before sending. Choose Add.
commitment-too-many = The branch allows at most { $max } commitments. Please delete some before sending.
commitment-nothing-to-submit = There is nothing new to send.
commitment-submitted = Sent to the branch committee: { $count } commitment(s). You can edit until the end of { $date } with /commit.
commitment-registration-closed = The registration deadline has passed ({ $date }), so this can no longer be changed. Please talk to the branch committee if a change is needed.
commitment-card = Commitment { $n }: { $text }
commitment-card-standard = Ethical standard: { $standard }
commitment-card-status = Status: { $status }
commitment-card-reviews = Comments from the branch committee:
commitment-standard-archived = (standard removed)
commitment-delete = Delete
commitment-move-up = Move up
commitment-move-down = Move down
commitment-link-standard = Link an ethical standard
commitment-not-found = This commitment was not found (it may have been deleted). Type /commit to see your list.
commitment-moved = Moved to position { $n }.
commitment-unchanged = Nothing was changed.
commitment-confirm-edit =
    Edit a submitted commitment:
    Before: { $from }
    Now: { $to }
    After you confirm, the branch committee will be told.
commitment-changed = Change saved; the branch committee has been told.
commitment-changed-revision = Revised as requested; the branch committee has been told.
commitment-confirm-delete = Delete this commitment: { $text }?
commitment-deleted = Deleted.
commitment-delete-min = At least { $min } submitted commitments must remain. You can edit this one instead, or add and submit a new one first.
commitment-standard-none = No standard
commitment-standard-gone = This standard no longer exists. Please pick again.
commitment-standard-linked = Ethical standard linked.
commitment-standard-unlinked = Ethical standard unlinked.

## Free text, checked the same way in every flow
commitment-input-empty = The text is empty. Please type something.
commitment-input-too-long = The text is { $count } characters long, over the limit of { $max }. Please shorten it. Nothing was saved.
commitment-input-number = “{ $input }” is not a choice at this step. Please type the text in words.
commitment-input-too-short = The text is too short. Please be more specific.

## Told to the branch committee
commitment-notice-added =
    Comrade { $name } submitted more commitments ({ $period }):
    { $items }
commitment-notice-changed =
    Comrade { $name } edited a commitment ({ $period }):
    Before: { $from }
    Now: { $to }
commitment-notice-revised =
    Comrade { $name } revised a commitment as the committee requested ({ $period }):
    Before: { $from }
    Now: { $to }
commitment-notice-deleted = Comrade { $name } deleted a commitment ({ $period }): { $text }

## Reminder and announcements
commitment-reminder = Reminder about commitments ({ $period }): the registration deadline is { $date }. You have not submitted any yet (at least { $min } needed). Choose Register now, or type /commit.
commitment-next-opens = Registration for { $year } opens on { $date } (or earlier if the branch committee opens it sooner); the assistant will tell you.
commitment-register-now = Register now
commitment-period-opened = The branch has opened commitment registration for { $period }. Deadline: { $date }. Choose Register now, or type /commit.

## /gopy
commitment-review-title = Comment on commitments – { $period }. Registered: { $registered }/{ $total } members.
commitment-review-filter = Search “{ $query }”: { $count } members.
commitment-review-hint = Pick a member, or type a name to search.
commitment-review-member-label = { $name } · { $tag }
commitment-review-tag-none = none sent
commitment-review-tag-count = { $count } sent
commitment-review-tag-changed = just edited
commitment-review-tag-revision = revision pending
commitment-review-all = All
commitment-review-closed = Closed.
commitment-review-search-invalid = Please type a name (at most { $max } characters), or pick from the list.
commitment-review-search-none = No member is named “{ $query }”. Type another name, or pick from the list.
commitment-review-member-gone = This member was not found in the branch.
commitment-review-member-title = Commitments of comrade { $name }:
commitment-review-member-none = No commitments submitted yet.
commitment-review-member-drafts = ({ $count } being drafted, not submitted.)
commitment-review-pick-commitment = Pick a commitment to comment on.
commitment-review-card = Comrade { $name } – { $text }
commitment-review-comment = Comment
commitment-review-revision = Ask to revise
commitment-review-ask-comment = Type your comment for comrade { $name } (at most { $max } characters).
commitment-review-ask-revision = Type what comrade { $name } should revise (at most { $max } characters).
commitment-review-confirm-comment =
    Send this comment to comrade { $name }?
    Commitment: { $commitment }
    Comment: { $text }
commitment-review-confirm-revision =
    Send this revision request to comrade { $name }?
    Commitment: { $commitment }
    Request: { $text }
commitment-review-sent = Comment sent to comrade { $name }.
commitment-review-sent-revision = Revision request sent to comrade { $name }. The committee will be told when it is revised.
commitment-review-not-sent = Nothing was sent.
commitment-review-notice-comment =
    Comment from comrade { $author } ({ $title }) on your commitment:
    Commitment: { $commitment }
    Comment: { $text }
commitment-review-notice-revision =
    Comrade { $author } ({ $title }) asks you to revise a commitment:
    Commitment: { $commitment }
    Request: { $text }
    Choose Edit this commitment to revise it.
commitment-review-answer = Edit this commitment
commitment-review-open = See this commitment
commitment-review-line-comment = • Comment by { $author } ({ $date }): { $text }
commitment-review-line-revision = • Revision requested by { $author } ({ $date }): { $text }
commitment-review-author-unknown = the branch committee

## /cuatoi
commitment-mine-title = Record of comrade { $name }
commitment-mine-commitments = Commitments { $period } (deadline { $date }):
commitment-mine-none = No commitments yet. Choose Register / edit, or type /commit.
commitment-mine-evaluations = Monthly self-evaluations:
commitment-mine-evaluations-none = No self-evaluations yet.
commitment-mine-evaluation-sent = • { $month }: { $summary }
commitment-mine-evaluation-draft = • { $month } (draft, not submitted): { $summary }
commitment-mine-evaluation-empty = no answers
commitment-mine-latest = Self-evaluation { $month }:
commitment-mine-rating = Your proposed rating for { $year }: { $level } (the branch decides).
commitment-mine-open = Register / edit

## /dangky → Manage (admins)
commitment-admin-title = Commitment management – { $branch }
commitment-admin-period = Period { $period }: deadline { $date }; registered { $registered }/{ $members } members.
commitment-admin-standards = Branch ethical standards: { $count }.
commitment-admin-review-none = Year-end review { $year }: not open.
commitment-admin-review-open = Year-end review { $year }: open until the end of { $date }.
commitment-admin-review-closed = Year-end review { $year }: closed.
commitment-admin-settings-hint = How many commitments, reminder and self-evaluation timing: type /settings.
commitment-admin-deadline = Change the deadline
commitment-admin-next = Open the { $year } period
commitment-admin-standards-button = Ethical standards
commitment-admin-review = Year-end review { $year }
commitment-admin-deadline-ask = The registration deadline for { $period } is { $date }. Type the new deadline, for example 31/03 or 31/03/2027.
commitment-deadline-past = The new deadline must be in the future. Please type a coming date.
commitment-deadline-outside = The deadline must fall within { $period }. Please type it again.
commitment-admin-deadline-confirm = Change the registration deadline for { $period } from { $from } to { $to }?
commitment-admin-deadline-saved = The registration deadline for { $period } is now { $date }.
commitment-admin-next-confirm = Open the { $year } period with registration deadline { $date }? From now on /commit registers for { $year }; the remaining months of this year are still evaluated against this year's commitments. Every member will be told.
commitment-admin-next-saved = The period { $period } is open and the members have been told.
commitment-admin-review-start = Open the { $year } review
commitment-admin-review-date = Change the closing date
commitment-admin-review-ask-date = Until which day is the year-end review { $year } open? Type a date (for example: 10/01) within the next { $max } days, or pick below.
commitment-admin-review-date-now = It is open until the end of { $date }.
commitment-admin-review-date-default = Until the end of { $date } ({ $days } days)
commitment-admin-review-date-past = The closing date must be after today. Please type a date to come.
commitment-admin-review-date-far = The year-end review stays open at most { $max } days. Please type a nearer date.
commitment-admin-review-date-confirm = Change the closing date of the year-end review { $year } from { $from } to the end of { $to }? Members who have not proposed yet will be told.
commitment-admin-review-date-saved = The year-end review { $year } is now open until the end of { $date }; { $count } member(s) who have not proposed yet were told.
commitment-admin-review-close = Close the review
commitment-admin-review-explain = Once open, each member proposes one of the four rating levels (Regulation 366-QĐ/TW) with a reason and receives a draft self-review assembled from the year's commitments and self-evaluations. The assistant only assembles; the branch decides.
commitment-admin-review-open-confirm = Open the year-end review { $year } until the end of { $date }? Every member will be invited to propose a rating level.
commitment-admin-review-close-confirm = Close the year-end review { $year }? Members will no longer be able to propose or change.
commitment-admin-review-opened-saved = The year-end review { $year } is open; { $count } members were invited.
commitment-admin-review-closed-saved = The year-end review { $year } is closed.
commitment-standards-title = The branch's ethical standards:
commitment-standards-empty = No standards yet. Choose Add a standard.
commitment-standard-add = Add a standard
commitment-standards-full = There are { $max } standards, the maximum. Standards should be short and easy to remember; please remove one first.
commitment-standard-card = Standard: { $text }
commitment-standard-ask = Type the ethical standard (short, easy to remember, at most { $max } characters). Example: Devoted and responsible at work; close to and respectful of the people.
commitment-standard-ask-edit = Type the new text of the standard (at most { $max } characters).
commitment-standard-duplicate = This standard already exists. Please type a different one.
commitment-standard-confirm-add = Add the standard: { $text }?
commitment-standard-confirm-edit =
    Edit the standard:
    Before: { $from }
    Now: { $to }
commitment-standard-confirm-delete = Remove the standard: { $text }? Commitments linked to it keep their text.
commitment-standard-saved = Standard saved.
commitment-standard-removed = Standard removed.

## /caidat
commitment-setting-count-label = Commitments per member
commitment-setting-count-value = { $min }–{ $max } commitments
commitment-setting-count-prompt = How many commitments does each member register? Now: { $current }. Type the least and the most, for example 1-5.
commitment-setting-count-format = Please type the least and the most, for example 1-5 (at most { $max }).
commitment-setting-count-range = The numbers must be between 1 and { $max }, the first not larger than the second. For example 1-5.
commitment-setting-remind-label = Registration reminder
commitment-setting-remind-value = { $days } days before the deadline
commitment-setting-remind-prompt = How many days before the registration deadline are members who have not registered reminded? Now: { $current }. Type a number of days (1–60).
commitment-setting-window-label = Self-evaluation opens
commitment-setting-window-value = { $days } days before the meeting
commitment-setting-window-prompt = How many days before each branch meeting does the monthly self-evaluation open? Now: { $current }. Type a number of days (1–14).
commitment-setting-window-preview = Next meeting ({ $meeting }): the self-evaluation will open at { $opens }.
