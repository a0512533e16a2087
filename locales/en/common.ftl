# Labels shared by many flows (DESIGN §7) and the names of roles.
control-confirm = Confirm
control-edit = Edit
control-cancel = Cancel
control-skip = Skip
# The way out of a menu whose actions include cancelling something.
control-exit = Exit
control-exit-done = Closed; nothing was changed.
role-member = member
role-secretary = secretary
role-admin = admin
role-deputy = deputy secretary
role-secretary-title = branch secretary
role-deputy-title = deputy branch secretary
role-committee = branch committee
