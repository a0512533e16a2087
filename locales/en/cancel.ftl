cancel-description = Leave what you are doing; nothing is saved
cancel-done = Cancelled. Nothing was saved.
cancel-nothing = There is nothing in progress.
