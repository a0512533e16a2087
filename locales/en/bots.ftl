# Zalo bot accounts: which bot an invite belongs to, how full the bots are, the monthly quota, /bots.
invites-bot-line = Zalo bot: { $bot } ({ $users }/{ $cap } people now)
invites-bot-near-full = ⚠️ Zalo bot { $bot } will have { $count }/{ $cap } people (open invites included). A free Zalo bot serves at most { $cap } people: the branch will soon need another bot. Please ask the operator to create one in Zalo Bot Creator and register it for the branch.
invites-bot-full = The branch's Zalo bots are full: { $detail }. A free Zalo bot serves at most 50 people (open invites included), so no new invite was made.
    To invite more people the branch needs another Zalo bot:
    1. Create a bot in Zalo Bot Creator (open Zalo, find “Zalo Bot Manager”, choose “Tạo bot”).
    2. The operator registers it for the branch: npm run bots -- add zalo --name "{ $branch }" --branch { $branchId } (or the command /bots).
    Revoking invites no longer needed (/invite list) also gives places back.
invites-bot-full-item = { $bot } { $users }/{ $cap }
invite-zalo-line = On Zalo: open { $bot } and send the code { $code }
invite-zalo-bot = the bot “{ $label }”
invite-other-bot = This invite is for another Zalo bot of the branch. Please open { $bot } and send the code there.
invite-qr-caption = QR invite to { $branch }
    Role: { $role }
    Valid until { $expires }
invite-qr-zalo = Scan to open the Zalo bot, then send the code { $code }.
invite-qr-zalo-code = Open the branch's Zalo bot, scan or type the code { $code }.
invite-qr-telegram = Scan to open the bot on Telegram.
# The monthly quota of a bot account.
quota-warning = ⚠️ The bot “{ $bot }” has sent { $sent }/{ $cap } messages in { $month } (80% of its quota). From 95% it sends only replies, meeting reminders, digests and notices of change; nudges wait. When the quota is used up, every message waits for the next month. If the branch needs more, ask the operator to add another Zalo bot.
# /bots (operators)
bots-description = Zalo and Telegram bots: people, message quota, which branch each serves
bots-list-header = Bots of this deployment: { $count }. Pick one for details.
bots-item = { $label } · { $platform } · { $status }
bots-platform-zalo = Zalo
bots-platform-telegram = Telegram
bots-platform-console = Server
bots-status-active = running
bots-status-paused = paused
bots-mode-webhook = webhook
bots-mode-polling = polling
bots-unlimited = no limit
bots-shared = shared by every branch
bots-none = none yet
bots-detail = Bot: { $label } ({ $platform }, { $mode })
    Bot id: { $id }
    Status: { $status }
    People: { $users }/{ $cap } (places held by open invites: { $reserved })
    Messages sent in { $month }: { $sent }/{ $quota }
    Branch: { $branch }
    Last incoming message: { $lastUpdate }
    Last error: { $lastError }
bots-add = Add a Zalo bot
bots-assign = Assign to a branch
bots-pause = Pause
bots-resume = Resume
bots-back = Back
bots-close = Close
bots-closed = Closed the list of bots.
bots-gone = This bot is no longer on the list.
bots-paused = Paused the bot “{ $label }”: it neither receives nor sends; its messages wait until it is resumed.
bots-resumed = The bot “{ $label }” is running again.
bots-assign-ask = Type the name (or part of it) or the id of the branch that will use the bot “{ $label }”:
bots-assign-matches = { $count } branches match. Pick one:
bots-assign-many = { $count } branches match; the first { $shown } are below. Type more of the name to narrow it down.
bots-assign-none = No branch matches “{ $query }”. Please type the branch's name or id again.
bots-assign-short = Please type at least 2 characters of the branch's name.
bots-assign-shared = Shared by every branch
bots-assigned = Assigned the bot “{ $label }” to { $branch }. The branch's admins invite members to it with /invite.
bots-assigned-shared = The bot “{ $label }” is now shared by every branch that needs room.
bots-add-warning = ⚠️ Adding a bot in chat: its token stays in this chat's history. Once it is added, please delete the message with the token. (Safer: on the server, run npm run bots -- add zalo.)
bots-add-ask-label = Type a name for the bot (at most { $max } characters), e.g. Bot Chi bộ Khu phố 3
bots-add-label-invalid = The name needs 3 to { $max } characters, with letters. Please type it again.
bots-add-ask-token = Send the token of the bot “{ $label }” (Zalo sends it by message when the bot is created in Zalo Bot Creator; it looks like 12345678:abc…):
bots-add-token-invalid = This is not a Zalo bot token (12345678:abc…). Please send it again, or type /cancel.
bots-add-rejected = Zalo did not accept this token ({ $detail }). Please check it and send it again, or type /cancel.
bots-add-unreachable = Zalo could not be reached to check the token ({ $detail }). Please try again in a few minutes, or type /cancel.
bots-add-duplicate = This bot is already registered (id { $id }).
bots-add-unavailable = Bots cannot be added by chat here. On the server, run: npm run bots -- add zalo --name "<bot name>"
bots-no-secret-key = The token cannot be stored yet: the server has no SECRET_KEY (the key that encrypts tokens). The operator needs to set SECRET_KEY (e.g. from: openssl rand -base64 32) and restart the bot.
bots-added = Added the bot “{ $label }” (id { $id }). { $how }
    Please delete the message with the token from this chat. Next: assign the bot to a branch (or share it), then the branch's admins invite members with /invite.
bots-added-webhook = Zalo will deliver its messages to: { $url }
bots-added-polling = The bot polls for messages (the server has no PUBLIC_URL).
digest-warn-quota-held = ⏸ { $count } messages to members wait for next month: the Zalo bot used up this month's message quota ({ $notices } reminders, digests and notices; { $optional } nudges).
