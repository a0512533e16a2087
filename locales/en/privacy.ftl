privacy-export-description = See everything the assistant stores about you
privacy-forget-description = Erase your data from the assistant
privacy-export = What the branch assistant stores about { $name }: { $chats } chat account(s), { $answers } meeting answer(s), { $commitments } commitment(s), { $evaluations } self-evaluation(s). Everything is in the attached file. To erase it, send /forget.
privacy-forget-confirm = Erase your data from the branch assistant?
    • Permanently erased: your chat accounts, meeting answers, commitments, self-evaluations and unsent messages.
    • You will no longer receive reminders from { $branch }; the branch admins are told you left the assistant.
    • This cannot be undone. To come back you need a new invite code.
privacy-forget-yes = Erase my data
privacy-forget-last-admin = You are the branch's only admin. Please make another member an admin (/members) before erasing your data.
privacy-forget-admin-notice = { $name } has erased their data and left the branch assistant.
privacy-forget-done = Your data has been erased. Thank you for using the branch assistant.
privacy-erased-name = (erased)
