# en — back office (officers)
err-taken = { $field } is already in use.
