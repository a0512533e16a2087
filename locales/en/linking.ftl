# /lienket: one member on Telegram and Zalo, with a one-time code.
link-description = Link your Telegram and Zalo accounts (one-time code)
link-platform-telegram = Telegram
link-platform-zalo = Zalo
link-platform-console = the terminal
link-code = Your link code: { $code }
    It works once and expires in { $minutes } minutes.
link-how = On { $platform }, open the chat with the branch assistant and send: { $command }
link-how-other = In your other chat account, open the chat with the branch assistant and send: { $command }
link-code-secret = Do not give this code to anyone: whoever has it will receive your messages.
link-stranger = To link accounts: in the chat account that already joined your branch, type link to get a code; then send it here: link <code>. If you have not joined a branch yet, send your invite code (for example: start ABCDE-FGH2K).
link-code-unknown = That link code is not right. Please check the 8 digits, or get a new code with the command link in the account that joined your branch.
link-code-expired = That link code has expired. Please get a new one with the command link in the account that joined your branch.
link-code-used = That link code has already been used. Please get a new one with the command link in the account that joined your branch.
link-locked = Too many wrong codes. Please try again in { $minutes } minutes.
link-already-linked = This chat account is already linked to you. Nothing more to do.
link-chat-taken = This chat account belongs to another member, so it cannot be linked. If this is a mistake, please tell your branch secretary.
link-done = This { $platform } account is now linked to { $name } ({ $branch }). You can use the branch assistant from any of your linked accounts.
link-notice = The account { $account } was just linked to your profile. If this was not you, please tell your branch secretary at once.
link-ask-preferred = Where would you like to receive meeting reminders and the assistant's messages?
link-receive-on = Receive on { $platform }
link-preferred-set = From now on the assistant writes to you on { $platform }. You can still answer from any linked account.
link-status = Linked chat accounts:
    { $chats }
    The assistant's messages go to: { $preferred }.
link-chat-line = • { $account }
link-new-code = Get a new link code
link-platform-missing = You have not linked a { $platform } account yet. Type link to get a code, then send that code on { $platform }.
link-preferred-none = no account that can receive messages
link-unlink = Unlink { $account }
link-exit = Exit
link-closed = Closed. Type link when you need it.
link-unlink-confirm = Unlink the account { $account } from your profile? It will no longer receive the branch's messages; messages not yet sent there are withdrawn. To use it again, get a new link code.
link-unlink-confirm-here = Unlink this very account ({ $account }) from your profile? From now on the branch's messages go to your other account only; messages not yet sent here are withdrawn.
link-unlink-yes = Unlink
link-unlink-no = Keep it
link-unlink-gone = That account is no longer linked to you. Please pick again.
link-unlink-last = This is your only chat account, so it cannot be unlinked. To leave the branch assistant, send /forget.
link-unlinked = The account { $account } has been unlinked.
link-unlinked-here = This account has been unlinked from the profile of { $name }. The assistant will no longer send the branch's messages here.
link-unlinked-notice = This chat account has been unlinked from the profile of { $name }. The assistant will no longer send the branch's messages here.
link-unlinked-elsewhere = The account { $account } has been unlinked from your profile. If this was not you, please tell your branch secretary at once.
