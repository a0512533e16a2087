# Answers of the engine itself: bad input, stale buttons, refusals, errors.
input-empty = The message is empty. Please type something, or send /help for instructions.
input-too-long = The message is too long ({ $count } characters). Please send at most { $max } characters. Nothing was saved.
input-unsupported = The branch assistant can only read text. Please answer in text, or send /help for instructions.
input-pick-a-choice = Please pick one of the choices below: type its number or the choice itself (on Telegram you can tap a button).
choice-stale = This choice is no longer valid. Please use the latest message, or send /help.
command-unknown = There is no command /{ $command }. Send /help to see the commands you can use.
access-denied-public = This command is not available right now.
access-denied-member = This command is for members of a branch. To join, open your branch's invite link or send its invite code.
access-denied-secretary = This command is only for the branch secretary and deputy secretary.
access-denied-admin = This command is only for the branch's admins.
access-denied-operator = This command is only for the operators of this service.
error-internal = Sorry, something went wrong while handling this message. Nothing was changed. Please try again in a few minutes.
flow-expired = Your previous answers expired before they were finished, so nothing was saved. Please start again with the command, or send /help.
fallback-member = I did not understand that. Send /help to see the commands.
fallback-stranger = Hello! This is the branch assistant. To join your branch, open the invite link or send the invite code your branch secretary gave you (for example: start ABCDE-FGH2K).
access-denied-self = This command is for members of a branch, including those removed from its list. To join, open your branch's invite link or send its invite code.
