onboarding-description = Join a branch with an invite code, or see your status
onboarding-ask-name = Welcome to { $branch }!
    Please type your full name, with its diacritics (for example: Nguyễn Văn An):
onboarding-name-too-long = The name is longer than { $max } characters. Please type it again.
onboarding-name-invalid = A name has only letters and spaces (for example: Nguyễn Văn An). Please type it again.
onboarding-name-incomplete = Please type your full name, family name and given name (for example: Nguyễn Văn An).
onboarding-privacy = About your data:
    • The assistant stores your name, your chat account and your answers (meeting attendance, commitments, self-evaluations).
    • Only you and your branch committee (secretary, deputy secretary) can see those answers.
    • Information about Party members is sensitive personal data (Decree 13/2023/NĐ-CP). The assistant never asks for ID numbers or Party documents; please do not send them.
    • You can see all your data with /mydata and ask for it to be erased with /forget.
    Do you agree?
onboarding-agree = I agree
onboarding-disagree = I do not agree
onboarding-declined = You have not joined and nothing about you was stored. When you want to join, open the invite link or send the invite code again.
onboarding-confirm = Please confirm joining { $branch }:
    Full name: { $name }
    Role: { $role }
onboarding-welcome = Welcome, { $name }: you have joined { $branch }!
onboarding-next-member = The assistant will remind you of branch meetings and ask whether you will attend. Next: register your commitments with /commit. Send /help to see the commands.
onboarding-next-secretary = You will receive a summary before each meeting and when it starts. Send /help to see the commands.
onboarding-next-admin = Next: set the meeting schedule (/schedule) and invite members (/invite). Send /help to see the commands.
onboarding-admin-notice = { $name } has joined the branch as { $role }.
onboarding-admin-namesake = The branch already has a member of the same name; you can add a note to tell them apart (for example: born 1958) in /members.
onboarding-already-member = You are already a member of { $branch }. Each account joins one branch. Send /help to see the commands.
onboarding-status = { $name } – { $role } of { $branch }. Send /help to see the commands.
onboarding-stranger = Hello! This is the branch assistant. You have not joined a branch yet. Open the invite link or send the invite code your branch secretary gave you (for example: start ABCDE-FGH2K).
invite-unknown = That invite code is not right. Please check each character, or ask your branch secretary to send it again.
invite-revoked = This invite code has been revoked. Please ask your branch secretary for a new one.
invite-expired = This invite code has expired. Please ask your branch secretary for a new one.
invite-used-up = This invite code has been used up. Please ask your branch secretary for a new one.
invite-locked = Too many wrong invite codes. Please try again in { $minutes } minutes.
code-rate-limited = Too many codes tried within an hour. Please try again in { $minutes } minutes.
