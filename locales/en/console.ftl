# The local chat in the terminal (no platform token).
console-welcome = Branch assistant – a trial chat in the terminal (neither Telegram nor Zalo is configured).
    You are “{ $user }” (operator). Type @name to switch user (for example: @an), @ to list users, Ctrl-D to quit.
    Try: /newbranch to create a branch, then @an and start <invite code> to join. Send /help for the commands.
console-log-file = The log is written to { $path }.
console-bot = Assistant:
console-bot-to = Assistant → { $user }:
console-users = Users: { $users }. Current: { $current }.
console-switched = You are now “{ $user }”.
console-bad-user = A user name is lowercase letters without accents, digits, - and _ (for example: @an).
console-file-saved = [File { $name } saved at { $path }]
console-bye = Goodbye!
console-files-expire = [Files hold personal data: they are deleted after { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
}.]
