branch-description = Create a branch and get the invite for its first admin
branch-ask-name = Name of the new branch (for example: Chi bộ Khoa Ngữ văn):
branch-name-too-short = The branch name is too short. Please type it again.
branch-name-too-long = The branch name is longer than { $max } characters. Please type it again.
branch-name-invalid = The branch name must contain letters. Please type it again.
branch-confirm = New branch:
    Name: { $name }
    Time zone: { $timezone }
    Language: { $language }
branch-created = { $name } has been created. Send the invite below to the branch secretary; whoever uses it becomes the branch's secretary and admin.
invite-code-line = Invite code: { $code }
invite-validity = Valid for { $uses } use(s), until { $expires }.
invite-link-line = Link ({ $platform }): { $url }
invite-typed-line = Or send the bot: start { $code }
